//! Code lookup as specs grow from 5 to 5,000 codes: the generated lookup must stay flat, and
//! against a `match` on the code strings at 5 and 5,000 codes.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use errspec_benches::report::print_ratio;
use errspec_benches::scale::{scale_5, scale_50, scale_500, scale_5000};
use errspec_benches::scale_matches;

/// Looks up every code of a spec once, plus one miss, and counts the hits.
fn lookup_all<C>(codes: &[&str], from_wire: fn(&str) -> Option<C>) -> usize {
    codes
        .iter()
        .filter(|code| from_wire(black_box(code)).is_some())
        .count()
        + usize::from(from_wire(black_box("NO_SUCH_CODE_ANYWHERE")).is_some())
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    // The same 5 probes in every spec: the first, last and middle codes and two others.
    let probes = |all: &[&'static str]| -> Vec<&'static str> {
        let n = all.len();
        vec![all[0], all[n - 1], all[n / 2], all[n / 3], all[(2 * n) / 3]]
    };
    let codes_5: Vec<&str> = scale_5::Scale5Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let codes_50: Vec<&str> = scale_50::Scale50Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let codes_500: Vec<&str> = scale_500::Scale500Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let codes_5000: Vec<&str> = scale_5000::Scale5000Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let mut group = criterion.benchmark_group("lookup");
    let p5 = probes(&codes_5);
    group.bench_function("5", |b| {
        b.iter(|| lookup_all(&p5, scale_5::Scale5Code::from_wire))
    });
    let p50 = probes(&codes_50);
    group.bench_function("50", |b| {
        b.iter(|| lookup_all(&p50, scale_50::Scale50Code::from_wire))
    });
    let p500 = probes(&codes_500);
    group.bench_function("500", |b| {
        b.iter(|| lookup_all(&p500, scale_500::Scale500Code::from_wire))
    });
    let p5000 = probes(&codes_5000);
    group.bench_function("5000", |b| {
        b.iter(|| lookup_all(&p5000, scale_5000::Scale5000Code::from_wire))
    });
    // The same probes through a `match` on the code strings, which rustc lowers to one
    // comparison per arm: the yardstick of the generated table at each size.
    group.bench_function("match-5", |b| {
        b.iter(|| lookup_all(&p5, scale_matches::scale_5))
    });
    group.bench_function("match-5000", |b| {
        b.iter(|| lookup_all(&p5000, scale_matches::scale_5000))
    });
    group.finish();
    criterion.final_summary();
    print_ratio(
        "lookup table/match, 5 codes",
        ("lookup", "5"),
        ("lookup", "match-5"),
        1.0,
    );
    print_ratio(
        "lookup table/match, 5000 codes",
        ("lookup", "5000"),
        ("lookup", "match-5000"),
        1.0,
    );
    print_ratio(
        "lookup 5000/5 codes",
        ("lookup", "5000"),
        ("lookup", "5"),
        2.0,
    );
    print_ratio(
        "lookup 500/5 codes",
        ("lookup", "500"),
        ("lookup", "5"),
        2.0,
    );
}
