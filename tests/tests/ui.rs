//! One compile-fail case per spec mistake (`ui/<mistake>.rs`, its spec in `ui/specs/`): each
//! `.stderr` shows what a user sees. Regenerate with `TRYBUILD=overwrite` and read the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}
