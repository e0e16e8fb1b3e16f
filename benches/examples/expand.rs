//! Parses, checks and expands the synthetic spec of `size` codes `rounds` times, for a
//! profiler: `cargo run --release -p errspec-benches --no-default-features --example expand -- 5000 3`.

use std::hint::black_box;

use errspec_benches::scale_spec::scale_spec;

const USAGE: &str = "usage: expand [size] [rounds]";

fn main() {
    let mut args = std::env::args().skip(1);
    let size: usize = args.next().map_or(5000, |n| n.parse().expect(USAGE));
    let rounds: usize = args.next().map_or(1, |n| n.parse().expect(USAGE));
    let source = scale_spec(size);
    let mut tokens = 0;
    for _ in 0..rounds {
        let checked = errspec_codegen::check_spec(black_box(&source));
        let spec = checked.spec.expect("the synthetic spec is valid");
        tokens += errspec_codegen::expand(&spec, None, &quote::quote!(::errspec))
            .into_iter()
            .count();
    }
    println!("{tokens} top-level tokens");
}
