//! Lines of generated code per variant, for each bundled spec: the expansion pretty-printed
//! (prettyplease, rustdoc included) divided by the spec's documented errors. Target 2 of
//! benches/README.md.

use errspec_codegen::bundled::BUNDLED;

fn main() {
    for bundled in BUNDLED {
        let checked = errspec_codegen::check_spec(bundled.source);
        let spec = checked.spec.expect("a bundled spec is valid");
        let tokens = errspec_codegen::expand(&spec, None, &quote::quote!(::errspec));
        let file = syn::parse2::<syn::File>(tokens).expect("the expansion parses");
        let lines = prettyplease::unparse(&file).lines().count();
        let variants = spec.errors.len();
        #[allow(clippy::cast_precision_loss)]
        let per_variant = lines as f64 / variants as f64;
        println!(
            "lines {}: {lines} lines / {variants} variants = {per_variant:.1} per variant (target <= 30: {})",
            bundled.file_name,
            if per_variant <= 30.0 { "meets" } else { "MISSES" }
        );
    }
}
