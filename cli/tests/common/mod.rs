//! Running the `errspec` binary as a user does, for the CLI's integration tests.

use std::process::{Command, Output, Stdio};

/// Runs `errspec args` with `env` set, and without the variables that change its look
/// (`NO_COLOR`, `CLICOLOR_FORCE`, `COLUMNS`) unless `env` sets them.
pub fn errspec(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("errspec runs")
}

/// Asserts a success and returns stdout.
pub fn success(output: &Output) -> String {
    let stdout = String::from_utf8(output.stdout.clone()).expect("UTF-8");
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
