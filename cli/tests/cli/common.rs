//! Running the `errspec` binary as a user does: the one place the CLI's tests start it.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// `errspec args` with `env` set, and without the variables that change its look (`NO_COLOR`,
/// `CLICOLOR_FORCE`, `COLUMNS`) unless `env` sets them; no standard input.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errspec"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .envs(env.iter().copied())
        .stdin(Stdio::null());
    command
}

/// Runs `errspec args` with `env` set (see [`command`]).
pub fn errspec(args: &[&str], env: &[(&str, &str)]) -> Output {
    command(args, env).output().expect("errspec runs")
}

/// Runs `errspec args` with `stdin` as its standard input.
pub fn errspec_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = command(args, &[])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("errspec runs");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin)
        .expect("stdin written");
    child.wait_with_output().expect("errspec finishes")
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
