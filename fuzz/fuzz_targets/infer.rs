//! `errspec infer` on any captures: the input cut at each `\n--\n` into responses, each its
//! first two bytes as the HTTP status (big endian) and the rest as the body; the draft written
//! out as TOML.
#![no_main]
#![forbid(unsafe_code)]

use errspec_cli::authoring::infer::{infer, Sample};
use errspec_tests::harness::split;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let samples: Vec<Sample> = data
        .split_inclusive(|byte| *byte == b'\n')
        .collect::<Vec<_>>()
        .split(|line| *line == b"--\n")
        .enumerate()
        .map(|(index, lines)| {
            let capture = lines.concat();
            let (status, body) = split(&capture);
            Sample {
                source: format!("{index}.json"),
                status,
                headers: Vec::new(),
                body: body.to_vec(),
            }
        })
        .collect();
    let _ = infer(&samples, "fuzzed").to_toml();
});
