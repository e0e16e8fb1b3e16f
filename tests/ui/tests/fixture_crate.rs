//! Crates outside this workspace, built the way a user's crate is: a copy in a scratch
//! directory whose path dependency on errspec points at this checkout.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace's root directory.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A copy of `tests/fixtures/<name>` in a fresh scratch directory, its `../`-relative path
/// dependency on the runtime (`relative_runtime`) made absolute, with the workspace's lock
/// file, which pins the same versions, so that no registry is needed.
pub fn copy(name: &str, manifests: &[&str], relative_runtime: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errspec-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&workspace().join("tests/fixtures").join(name), &dir);
    let runtime = workspace().join("runtime").canonicalize().unwrap();
    for manifest in manifests {
        let manifest = dir.join(manifest);
        let text = fs::read_to_string(&manifest)
            .unwrap()
            .replace(relative_runtime, &runtime.display().to_string());
        fs::write(&manifest, text).unwrap();
    }
    fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
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

/// Runs `cargo <args>` offline in `dir`; fails the test, with cargo's output, when it fails.
pub fn cargo(dir: &Path, args: &[&str]) -> Output {
    // A target dir of its own (the outer `cargo test` holds the workspace's lock), inside the
    // one this test run uses, wherever that is.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace().join("target"), PathBuf::from)
        .join("fixture-crates");
    let output = Command::new(env!("CARGO"))
        .current_dir(dir)
        .args(args)
        .arg("--offline")
        .env("CARGO_TARGET_DIR", target)
        // Built once per test run: no debug info and no incremental cache to keep.
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "`cargo {}` failed in {}:\n{}\n{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}
