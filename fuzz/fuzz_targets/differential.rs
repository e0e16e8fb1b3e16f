//! The two readers of a spec on any status and body: the generated decoder, whose walk asks the
//! generated `match`es which parts each key, index and depth leads to, and the interpreter's
//! (`errspec decode <spec file>`), whose walk computes each answer from the envelope's parts.
//! The first byte picks the spec (every bundled vendor, then one spec of each shape of the
//! format), the next two are the status (big endian), the rest is the body. A response the two
//! decode differently is a finding.
#![no_main]
#![forbid(unsafe_code)]

use std::sync::OnceLock;

use errspec::http::HeaderMap;
use errspec_cli::decoded::Decoded;
use errspec_cli::interpret::Interpreter;
use errspec_cli::vendors::VENDORS;
use errspec_tests::harness::split;
use libfuzzer_sys::fuzz_target;

mod shapes {
    //! A spec of each shape the bundled vendors do not cover, by its source and its type.
    pub mod twilio {
        errspec::errors_from_spec!("../tests/specs/twilio.toml");
    }
    pub mod cbor {
        errspec::errors_from_spec!("../tests/specs/aws/rpc-v2-cbor.toml");
    }
    pub mod dynamodb {
        errspec::errors_from_spec!("../tests/specs/aws-dynamodb.toml");
    }
    pub mod graph {
        errspec::errors_from_spec!("../tests/specs/graph.toml");
    }
    pub mod s3 {
        errspec::errors_from_spec!("../tests/specs/s3.toml");
    }
    pub mod google {
        errspec::errors_from_spec!("../tests/specs/google.toml");
    }
}

/// A generated decoder: status and body to what it decoded.
type Generated = fn(u16, &[u8]) -> Decoded;

/// A generated decoder of any spec, a bundled vendor's included.
type Reader = Box<dyn Fn(u16, &[u8]) -> Decoded + Send + Sync>;

/// The specs of each shape: the source the interpreter reads, the type generated from it.
const SHAPES: &[(&str, Generated)] = &[
    (
        include_str!("../../tests/specs/twilio.toml"),
        |status, body| Decoded::from_response(&shapes::twilio::TwilioError::decode(status, body)),
    ),
    (
        include_str!("../../tests/specs/aws/rpc-v2-cbor.toml"),
        |status, body| Decoded::from_response(&shapes::cbor::RpcV2CborError::decode(status, body)),
    ),
    (
        include_str!("../../tests/specs/aws-dynamodb.toml"),
        |status, body| {
            Decoded::from_response(&shapes::dynamodb::DynamoDbError::decode(status, body))
        },
    ),
    (
        include_str!("../../tests/specs/graph.toml"),
        |status, body| Decoded::from_response(&shapes::graph::GraphError::decode(status, body)),
    ),
    (include_str!("../../tests/specs/s3.toml"), |status, body| {
        Decoded::from_response(&shapes::s3::S3Error::decode(status, body))
    }),
    (
        include_str!("../../tests/specs/google.toml"),
        |status, body| Decoded::from_response(&shapes::google::GoogleError::decode(status, body)),
    ),
];

/// Every spec, with both of its readers.
fn readers() -> &'static [(Reader, Interpreter)] {
    static READERS: OnceLock<Vec<(Reader, Interpreter)>> = OnceLock::new();
    READERS.get_or_init(|| {
        let bundled = VENDORS.iter().map(|vendor| {
            let (_, spec) = vendor.spec().expect("a bundled spec");
            let generated: Reader =
                Box::new(move |status, body| (vendor.decode)(status, &HeaderMap::new(), body));
            (
                generated,
                Interpreter::new(spec).expect("an interpretable spec"),
            )
        });
        let shapes = SHAPES.iter().map(|&(source, decode)| {
            let checked = errspec_codegen::check_spec(source);
            let spec = checked.valid().expect("a valid spec").clone();
            let generated: Reader = Box::new(decode);
            (
                generated,
                Interpreter::new(spec).expect("an interpretable spec"),
            )
        });
        bundled.chain(shapes).collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let readers = readers();
    let (generated, interpreter) = &readers[usize::from(pick) % readers.len()];
    let (status, body) = split(rest);
    let (by_generated, by_interpreter) =
        (generated(status, body), interpreter.decode(status, body));
    assert!(
        by_generated == by_interpreter,
        "the readers of {} differ on status {status}, body {:?}:\ngenerated:   {by_generated:#?}\ninterpreted: {by_interpreter:#?}",
        interpreter.spec().name,
        String::from_utf8_lossy(body),
    );
});
