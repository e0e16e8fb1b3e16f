//! Decodes one vendor's realistic bodies in a loop, for a profiler:
//! `cargo run --release -p errspec-benches --example profile -- itsm-ng 1000000`.

use std::hint::black_box;

use errspec_benches::bodies;
use errspec_benches::vendors::{igel_imi, itcare, itsm_ng, netilion, telecomx};

fn main() {
    let mut args = std::env::args().skip(1);
    let vendor = args.next().unwrap_or_else(|| "itsm-ng".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let mut decoded = 0;
    for _ in 0..rounds {
        decoded += match vendor.as_str() {
            "itsm-ng" => bodies::ITSM_NG
                .iter()
                .map(|s| {
                    itsm_ng::ItsmNgError::decode(s.status, black_box(s.body))
                        .errors()
                        .len()
                })
                .sum::<usize>(),
            "igel-imi" => bodies::IGEL_IMI
                .iter()
                .map(|s| {
                    igel_imi::IgelImiError::decode(s.status, black_box(s.body))
                        .errors()
                        .len()
                })
                .sum(),
            "itcare" => bodies::ITCARE
                .iter()
                .map(|s| {
                    itcare::ItcareError::decode(s.status, black_box(s.body))
                        .errors()
                        .len()
                })
                .sum(),
            "telecomx" => bodies::TELECOMX
                .iter()
                .map(|s| {
                    telecomx::TelecomXError::decode(s.status, black_box(s.body))
                        .errors()
                        .len()
                })
                .sum(),
            _ => bodies::NETILION
                .iter()
                .map(|s| {
                    netilion::NetilionError::decode(s.status, black_box(s.body))
                        .errors()
                        .len()
                })
                .sum(),
        };
    }
    println!("{decoded} errors decoded");
}
