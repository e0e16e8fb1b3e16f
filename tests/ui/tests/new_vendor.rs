//! Adding a vendor is adding a file: a crate outside this workspace with its own spec uses
//! errspec, and editing the spec rebuilds it.

use crate::fixture_crate;

use std::fs;
use std::path::Path;

/// Runs the fixture crate at `dir` with `args` and returns what it printed.
fn run(dir: &Path, args: &[&str]) -> String {
    let mut cargo_args = vec!["run", "--quiet", "--"];
    cargo_args.extend_from_slice(args);
    String::from_utf8(fixture_crate::cargo(dir, &cargo_args).stdout).unwrap()
}

#[test]
fn a_crate_with_its_own_spec_gets_typed_errors_and_rebuilds_when_the_spec_changes() {
    let dir = fixture_crate::copy("acme-client", &["Cargo.toml"], "../../../runtime");

    let before = run(
        &dir,
        &[
            "404",
            r#"{"fault": {"id": "ORDER_NOT_FOUND", "text": "Order 77 does not exist.", "field": "order_id"}}"#,
        ],
    );
    assert_eq!(
        before,
        "code ORDER_NOT_FOUND Some(404) not_found\n\
         code SLOW_DOWN Some(429) rate_limited\n\
         code Maintenance Some(503) unavailable\n\
         decoded OrderNotFound Some(\"ORDER_NOT_FOUND\") not_found retryable=false details=[(\"field\", Some(\"order_id\")), (\"order\", Some(\"77\"))]\n"
    );

    let spec = dir.join("specs/acme.toml");
    let mut text = fs::read_to_string(&spec).unwrap();
    text.push_str("\n[[error]]\ncode = \"PAYMENT_DECLINED\"\nstatus = 402\nretryable = true\n");
    fs::write(&spec, text).unwrap();

    let after = run(
        &dir,
        &[
            "402",
            r#"{"fault": {"id": "PAYMENT_DECLINED", "text": "Card declined"}}"#,
        ],
    );
    assert!(
        after.contains("code PAYMENT_DECLINED Some(402) quota_exceeded\n"),
        "{after}"
    );
    assert!(
        after.contains(
            "decoded PaymentDeclined Some(\"PAYMENT_DECLINED\") quota_exceeded retryable=true"
        ),
        "{after}"
    );
    let _ = fs::remove_dir_all(&dir);
}
