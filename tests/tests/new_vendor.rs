//! Adding a vendor is adding a file: a crate outside this workspace with its own spec uses
//! errspec, and editing the spec rebuilds it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs the fixture crate at `dir` with `args` and returns what it printed.
fn run(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO"))
        .current_dir(dir)
        .args(["run", "--quiet", "--offline", "--"])
        .args(args)
        // A target dir of its own: the outer `cargo test` holds the workspace's lock.
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target").join("fixture-crates"),
        )
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "fixture crate failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_crate_with_its_own_spec_gets_typed_errors_and_rebuilds_when_the_spec_changes() {
    let dir = std::env::temp_dir().join(format!("errspec-acme-client-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&workspace().join("tests/fixtures/acme-client"), &dir);
    let manifest = dir.join("Cargo.toml");
    let runtime = workspace().join("runtime").canonicalize().unwrap();
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("../../../runtime", &runtime.display().to_string());
    fs::write(&manifest, text).unwrap();
    // The workspace's lock file pins the same versions, so no registry is needed.
    fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();

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
