//! Lines of generated code per variant, for each bundled spec: the expansion pretty-printed
//! (prettyplease, rustdoc included) divided by the spec's documented errors, and the same for
//! the 5,000-code spec of the scale benches. Target 2 of benches/README.md.

use errspec_benches::scale_spec::scale_spec;
use errspec_codegen::bundled::BUNDLED;

fn main() {
    for bundled in BUNDLED {
        count(bundled.file_name, bundled.source);
    }
    // Where the lines of the spec's own parts (envelope, fallbacks, impls) no longer count:
    // what each variant costs.
    count("the 5,000-code spec", &scale_spec(5000));
}

fn count(name: &str, source: &str) {
    let checked = errspec_codegen::check_spec(source);
    let spec = checked.spec.expect("a bundled spec is valid");
    let tokens = errspec_codegen::expand(&spec, None, &quote::quote!(::errspec));
    let file = syn::parse2::<syn::File>(tokens).expect("the expansion parses");
    let lines = prettyplease::unparse(&file).lines().count();
    let variants = spec.errors.len();
    #[allow(clippy::cast_precision_loss)]
    let per_variant = lines as f64 / variants as f64;
    println!(
        "lines {name}: {lines} lines / {variants} variants = {per_variant:.1} per variant (target <= 30: {})",
        if per_variant <= 30.0 { "meets" } else { "MISSES" }
    );
}
