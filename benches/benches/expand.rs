//! Macro expansion cost: parse, check and generate the 5,000-code spec in the codegen crate.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use errspec_benches::report::median_ns;
use errspec_benches::scale_spec::scale_spec;

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .sample_size(10)
        .configure_from_args();
    let mut group = criterion.benchmark_group("expand");
    for size in [500, 5000] {
        let source = scale_spec(size);
        group.bench_function(size.to_string(), |b| {
            b.iter(|| {
                let checked = errspec_codegen::check_spec(black_box(&source));
                let spec = checked.spec.expect("the synthetic spec is valid");
                errspec_codegen::expand(&spec, None, &quote::quote!(::errspec))
                    .into_iter()
                    .count()
            });
        });
    }
    group.finish();
    criterion.final_summary();
    match median_ns("expand", "5000") {
        Some(ns) => {
            let ms = ns / 1e6;
            let verdict = if ms < 100.0 { "meets" } else { "MISSES" };
            println!("expand 5000 codes: {ms:.1} ms, target < 100 ms: {verdict}");
        }
        None => println!("expand 5000 codes: not measured in this run"),
    }
}
