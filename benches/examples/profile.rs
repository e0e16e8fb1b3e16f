//! Decodes one vendor's realistic bodies in a loop with one decoder, for a profiler or for
//! counting instructions (`valgrind --tool=callgrind`, repeatable whatever the machine's load):
//! `cargo run --release -p errspec-benches --no-default-features --example profile -- itsm-ng 100000 [errspec|derive|value]`.

use std::hint::black_box;

use errspec_benches::decoders;

const USAGE: &str = "usage: profile <vendor> [rounds] [errspec|derive|value]";

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "itsm-ng".into());
    let rounds: usize = args.next().map_or(100_000, |n| n.parse().expect(USAGE));
    let decoder = args.next().unwrap_or_else(|| "errspec".into());
    let vendor = decoders::all()
        .find(|vendor| vendor.name == name)
        .expect(USAGE);
    let mut decoded = 0;
    for _ in 0..rounds {
        for sample in vendor.samples {
            let body = black_box(sample.body);
            decoded += match decoder.as_str() {
                "errspec" => (vendor.errspec)(sample.status, body),
                "derive" => (vendor.derive)(body).len(),
                "value" => (vendor.value)(body).len(),
                _ => panic!("{USAGE}"),
            };
        }
    }
    println!("{decoded} errors decoded");
}
