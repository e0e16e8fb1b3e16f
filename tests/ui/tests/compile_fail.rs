//! One compile-fail case per spec mistake (`cases/<mistake>.rs`, its spec in `cases/specs/`):
//! each `.stderr` shows what a user sees. Regenerate with `TRYBUILD=overwrite` and read the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("cases/*.rs");
    cases.pass("cases/pass/*.rs");
}
