//! Decoding each bundled vendor's realistic bodies: errspec against the hand-written
//! baselines (`derive`, `value`) and the floor of merely reading the JSON (`ignore`).

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use errspec_benches::decoders;
use errspec_benches::report::print_ratio;

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for vendor in decoders::all() {
        let group_name = format!("decode/{}", vendor.name);
        let mut group = criterion.benchmark_group(&group_name);
        group.bench_function("errspec", |b| {
            b.iter(|| {
                vendor
                    .samples
                    .iter()
                    .map(|sample| (vendor.errspec)(sample.status, black_box(sample.body)))
                    .sum::<usize>()
            });
        });
        group.bench_function("derive", |b| {
            b.iter(|| {
                vendor
                    .samples
                    .iter()
                    .map(|sample| (vendor.derive)(black_box(sample.body)).len())
                    .sum::<usize>()
            });
        });
        group.bench_function("value", |b| {
            b.iter(|| {
                vendor
                    .samples
                    .iter()
                    .map(|sample| (vendor.value)(black_box(sample.body)).len())
                    .sum::<usize>()
            });
        });
        group.bench_function("ignore", |b| {
            b.iter(|| {
                vendor
                    .samples
                    .iter()
                    .filter(|sample| (vendor.ignore)(black_box(sample.body)))
                    .count()
            });
        });
        group.finish();
    }
    criterion.final_summary();
    for vendor in decoders::all() {
        let group = format!("decode/{}", vendor.name);
        print_ratio(
            &format!("{} errspec/derive", vendor.name),
            (&group, "errspec"),
            (&group, "derive"),
            1.00,
        );
        print_ratio(
            &format!("{} errspec/value", vendor.name),
            (&group, "errspec"),
            (&group, "value"),
            0.60,
        );
        print_ratio(
            &format!("{} ignore/derive", vendor.name),
            (&group, "ignore"),
            (&group, "derive"),
            f64::INFINITY,
        );
    }
}
