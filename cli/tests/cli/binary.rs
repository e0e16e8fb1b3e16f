//! The `errspec` binary as a user runs it.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::{self, errspec_with_stdin};

/// `errspec args`, through the tests' one runner.
fn errspec(args: &[&str]) -> Output {
    common::errspec(args, &[])
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts a clean success and returns stdout.
fn success(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        stdout(output),
        stderr(output)
    );
    assert_eq!(stderr(output), "");
    stdout(output)
}

/// Asserts a failure reported as exactly one `error:` line, and returns that line.
fn one_error_line(output: &Output, code: i32) -> String {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(code), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_eq!(stdout(output), "");
    stderr.trim_end().to_owned()
}

/// The `value` of the `label` line in a block (`  kind              not_found`).
fn field<'a>(text: &'a str, label: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix(label)?;
            rest.starts_with("  ").then(|| rest.trim())
        })
        .collect()
}

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// A fresh directory under the system's temp dir, unique to this test run.
fn temp_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "errspec-cli-{}-{}-{name}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir created");
    dir
}

const IGEL_BODY: &str = r#"{"message": "Thin client with ID 42 not found.", "errorCode": "ITG-0A001", "stackTrace": "at com.igel.Foo(Foo.java:1)\n\tat com.igel.Bar(Bar.java:2)"}"#;

#[test]
fn decode_shows_the_variant_and_template_parameters_of_an_igel_body() {
    let out = success(&errspec(&["decode", "igel-imi", "404", IGEL_BODY]));
    assert!(out.contains("error 1 of 1: ThinClientNotFound"), "{out}");
    assert!(out.lines().any(|line| line.trim() == "id = 42"), "{out}");
    assert_eq!(field(&out, "code"), ["ITG-0A001"]);
    assert_eq!(field(&out, "kind"), ["not_found", "not_found"]);
    assert_eq!(field(&out, "retryable"), ["no", "no"]);
    assert_eq!(field(&out, "documented status"), ["none"]);
    assert_eq!(
        field(&out, "description"),
        ["No thin client exists with the given ID."]
    );
    // The stack trace stays on one line.
    assert!(
        out.lines().any(|line| line.trim()
            == r"stack_trace = at com.igel.Foo(Foo.java:1)\n\tat com.igel.Bar(Bar.java:2)"),
        "{out}"
    );
}

#[test]
fn decode_of_an_empty_itcare_503_is_a_retryable_service_unavailable() {
    let out = success(&errspec(&["decode", "itcare", "503", ""]));
    assert!(out.contains("error 1 of 1: ServiceUnavailable"), "{out}");
    assert_eq!(field(&out, "code"), ["none"]);
    assert_eq!(field(&out, "retryable"), ["yes", "yes"]);
    assert_eq!(field(&out, "kind"), ["unavailable", "unavailable"]);
    assert_eq!(field(&out, "response"), ["HTTP 503, 1 error"]);
    assert!(out.contains("    error_desc = (none)"), "{out}");
}

#[test]
fn decode_of_a_telecomx_multiple_shows_every_inner_error() {
    let body = r#"{"error": {"code": "multiple", "status": 422, "message": "Multiple errors",
        "inner": [
            {"code": "mvnoAccount", "status": 422, "message": "Invalid", "path": "mvnoAccount", "check": "required"},
            {"code": "not_found", "status": 404, "message": "Not found"}
        ]}}"#;
    let out = success(&errspec(&["decode", "telecomx", "422", body]));
    assert_eq!(field(&out, "response"), ["HTTP 422, 2 errors"]);
    assert!(out.contains("error 1 of 2: PropertyInvalid"), "{out}");
    assert!(out.contains("error 2 of 2: NotFound"), "{out}");
    assert_eq!(field(&out, "code"), ["mvnoAccount", "not_found"]);
    assert_eq!(field(&out, "status"), ["422", "404"]);
    assert!(out.contains("    check = required"), "{out}");
}

#[test]
fn decode_of_an_itsm_ng_partial_batch_shows_each_item() {
    let body = r#"["ERROR_GLPI_PARTIAL_ADD", [{"id": 8, "message": ""}, {"id": false, "message": "Field name is mandatory"}]]"#;
    let out = success(&errspec(&["decode", "itsm-ng", "207", body]));
    assert!(out.contains("error 1 of 1: GlpiPartialAdd"), "{out}");
    assert_eq!(field(&out, "kind"), ["partial_failure", "partial_failure"]);
    assert_eq!(field(&out, "items"), ["2: 1 ok, 1 failed"]);
    let items: Vec<&str> = out
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("items"))
        .skip(1)
        .map(str::trim)
        .collect();
    assert_eq!(
        items,
        [
            "1  ok      id = 8",
            "2  failed  id = (none)  message = Field name is mandatory"
        ]
    );
}

#[test]
fn decode_reads_the_body_from_stdin() {
    let with_dash = errspec_with_stdin(&["decode", "igel-imi", "404", "-"], IGEL_BODY.as_bytes());
    let without = errspec_with_stdin(&["decode", "igel-imi", "404"], IGEL_BODY.as_bytes());
    let from_argument = success(&errspec(&["decode", "igel-imi", "404", IGEL_BODY]));
    assert_eq!(success(&with_dash), from_argument);
    assert_eq!(success(&without), from_argument);
}

#[test]
fn decode_takes_a_body_that_is_not_utf8() {
    let out = success(&errspec_with_stdin(
        &["decode", "netilion", "502"],
        b"\xff\xfe<html>Bad Gateway</html>",
    ));
    assert!(out.contains("error 1 of 1: Unknown"), "{out}");
    assert_eq!(field(&out, "retryable"), ["yes", "yes"]);
}

#[test]
fn long_values_are_kept_whole_and_wrapped_to_the_terminal() {
    let trace = "at com.igel.imi.Service.get(Service.java:88) ".repeat(80);
    let body = format!(
        r#"{{"message": "boom", "errorCode": "ITG-0A001", "stackTrace": "{}"}}"#,
        trace.trim_end()
    );
    // Not a terminal: each value on one line, whole.
    let out = success(&errspec(&["decode", "igel-imi", "500", &body]));
    let line = out
        .lines()
        .find(|line| line.trim_start().starts_with("stack_trace = "))
        .expect("a stack_trace line");
    assert_eq!(
        line.trim_start(),
        format!("stack_trace = {}", trace.trim_end())
    );
    // A terminal of 72 columns: no line wider, and the value whole across its lines.
    let out = success(&common::errspec(
        &["decode", "igel-imi", "500", &body],
        &[("COLUMNS", "72")],
    ));
    assert!(out.lines().all(|line| line.chars().count() <= 72), "{out}");
    let lead = "    stack_trace = ";
    let start = out.find(lead).expect("a stack_trace line") + lead.len();
    let mut lines = out[start..].lines();
    let first = lines.next().unwrap();
    // Continued lines are indented under the value's start.
    let rest = lines.take_while(|line| line.starts_with(&" ".repeat(lead.len())));
    let whole: Vec<&str> = std::iter::once(first).chain(rest).map(str::trim).collect();
    assert!(whole.len() > 10, "{out}");
    assert_eq!(whole.join(" "), trace.trim_end());
}

#[test]
fn an_unknown_vendor_is_one_error_line_naming_the_vendors() {
    let line = one_error_line(&errspec(&["decode", "acme", "404", "{}"]), 2);
    assert!(line.contains("`acme`"), "{line}");
    assert!(
        line.contains("itsm-ng, igel-imi, itcare, telecomx, netilion"),
        "{line}"
    );
    one_error_line(&errspec(&["list", "acme"]), 2);
    one_error_line(&errspec(&["explain", "acme", "x"]), 2);
}

#[test]
fn a_status_that_is_not_a_number_is_one_error_line() {
    for status in ["abc", "65536", "-1", "404.5"] {
        let line = one_error_line(&errspec(&["decode", "itcare", status, ""]), 2);
        assert!(line.contains("0 to 65535"), "{line}");
    }
    success(&errspec(&["decode", "itcare", "65535", ""]));
    success(&errspec(&["decode", "itcare", "0", ""]));
}

#[test]
fn missing_and_extra_arguments_are_one_error_line() {
    one_error_line(&errspec(&["decode", "itcare"]), 2);
    one_error_line(&errspec(&["decode", "itcare", "404", "{}", "extra"]), 2);
    one_error_line(&errspec(&["check"]), 2);
    one_error_line(&errspec(&["frobnicate"]), 2);
}

#[test]
fn unreadable_stdin_is_one_error_line() {
    // Reading a directory fails on every Unix.
    let Ok(directory) = std::fs::File::open(std::env::temp_dir()) else {
        return;
    };
    let output = common::command(&["decode", "itcare", "503"], &[])
        .stdin(directory)
        .output()
        .expect("errspec runs");
    let line = one_error_line(&output, 1);
    assert!(line.contains("standard input"), "{line}");
}

#[test]
fn help_works_for_the_tool_and_each_command() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["decode", "--help"],
        &["list", "--help"],
        &["explain", "--help"],
        &["check", "--help"],
        &["docs", "--help"],
    ] {
        let out = success(&errspec(args));
        assert!(out.contains("Usage: errspec"), "{out}");
    }
    let out = success(&errspec(&["decode", "--help"]));
    assert!(
        out.contains("itsm-ng, igel-imi, itcare, telecomx, netilion"),
        "{out}"
    );
}

#[test]
fn list_prints_every_documented_error() {
    let out = success(&errspec(&["list", "netilion"]));
    let mut lines = out.lines();
    let header = lines.next().expect("a header");
    assert!(header.contains("57 errors documented"), "{header}");
    let columns = lines.next().expect("column names");
    assert!(columns.starts_with("CODE"), "{columns}");
    assert_eq!(lines.count(), 57);
}

#[test]
fn list_shows_status_only_entries_and_their_kinds() {
    let out = success(&errspec(&["list", "itcare"]));
    assert!(
        out.starts_with("cegedim.cloud ITCare API (itcare.toml): "),
        "{out}"
    );
    let row = out
        .lines()
        .find(|line| line.contains("ServiceUnavailable"))
        .expect("a ServiceUnavailable row");
    let cells: Vec<&str> = row.split_whitespace().take(5).collect();
    assert_eq!(
        cells,
        ["-", "ServiceUnavailable", "503", "unavailable", "yes"]
    );
}

#[test]
fn check_accepts_every_bundled_spec() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(specs_dir())
        .expect("specs dir")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 8);
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().map(|path| path.to_str().expect("UTF-8 path")))
        .collect();
    let out = success(&errspec(&args));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), files.len(), "{out}");
    for (line, file) in lines.iter().zip(&files) {
        let source = std::fs::read_to_string(file).expect("spec readable");
        let entries = source
            .lines()
            .filter(|line| line.trim() == "[[error]]")
            .count();
        assert_eq!(
            *line,
            format!("ok: {}: {entries} errors documented", file.display())
        );
    }
}

#[test]
fn check_reports_every_mistake_with_its_position() {
    let dir = temp_dir("mistakes");
    let spec = dir.join("acme.toml");
    std::fs::write(
        &spec,
        "[api]\nname = \"Acme\"\n\n[envelope]\ncode = \"/code\"\n\n[[error]]\ncode = \"boom\"\nmesage = \"Boom\"\nstatus = 999\n",
    )
    .expect("spec written");
    let path = spec.to_str().expect("UTF-8 path");
    let output = errspec(&["check", path]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.contains("error: unknown key `mesage`"), "{err}");
    assert!(err.contains(&format!("--> {path}:9:1")), "{err}");
    assert!(
        err.contains("error: status 999 is not an HTTP status"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {path}:10:10")), "{err}");
    assert!(
        err.contains(&format!("failed: {path}: 2 mistakes")),
        "{err}"
    );
    // The same text the macro shows.
    let checked = errspec_codegen::check_spec(&std::fs::read_to_string(&spec).unwrap());
    for diagnostic in &checked.diagnostics {
        let source = std::fs::read_to_string(&spec).unwrap();
        let rendered = format!("error: {}", diagnostic.render(path, &source));
        assert!(err.contains(&rendered), "{err}\nmissing:\n{rendered}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn check_names_files_it_cannot_read_and_goes_on() {
    let dir = temp_dir("unreadable");
    let binary = dir.join("binary.toml");
    std::fs::write(&binary, b"[api]\nname = \"\xff\"\n").expect("file written");
    let missing = dir.join("missing.toml");
    let good = specs_dir().join("itcare.toml");
    let args = [
        "check",
        missing.to_str().unwrap(),
        dir.to_str().unwrap(),
        binary.to_str().unwrap(),
        good.to_str().unwrap(),
    ];
    let output = errspec(&args);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with(&format!("error: cannot read spec `{}`: ", args[1])),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "error: spec `{}` is a directory, not a TOML file",
            args[2]
        )),
        "{err}"
    );
    // Not UTF-8: the macro's own diagnostic, at the offending byte.
    assert!(
        err.contains(
            "error: the spec is not UTF-8: invalid byte sequence here (shown as `\u{fffd}`)\n"
        ),
        "{err}"
    );
    assert!(err.contains(&format!(" --> {}:2:9\n", args[3])), "{err}");
    assert!(err.contains(&format!("failed: {}: ", args[3])), "{err}");
    assert!(stdout(&output).starts_with(&format!("ok: {}: ", args[4])));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn explain_shows_every_meaning_of_a_shared_code() {
    let out = success(&errspec(&["explain", "telecomx", "invalid_token"]));
    assert!(
        out.starts_with("4 entries share the code `invalid_token`"),
        "{out}"
    );
    assert_eq!(
        field(&out, "variant"),
        [
            "TokenUndecipherable",
            "TokenIpMismatch",
            "LoginRequired",
            "InvalidToken"
        ]
    );
    assert_eq!(
        field(&out, "template"),
        [
            "Undecipherable",
            "IP address not authenticated",
            "Please login",
            "-"
        ]
    );
    assert_eq!(field(&out, "code"), ["invalid_token"; 4]);
}

#[test]
fn explain_finds_an_entry_by_variant_name() {
    let out = success(&errspec(&["explain", "itcare", "ServiceUnavailable"]));
    assert_eq!(field(&out, "variant"), ["ServiceUnavailable"]);
    assert_eq!(field(&out, "status"), ["503"]);
    assert_eq!(field(&out, "retryable"), ["yes"]);
    assert_eq!(
        field(&out, "description"),
        ["Service temporarily unavailable."]
    );
}

#[test]
fn explain_of_an_unknown_code_says_how_to_list_the_codes() {
    let line = one_error_line(&errspec(&["explain", "telecomx", "invalid_tokn"]), 1);
    assert!(line.contains("`errspec list telecomx`"), "{line}");
    assert!(line.contains("did you mean `invalid_token`?"), "{line}");
}

/// One response per bundled vendor, each of another shape.
const VENDOR_BODIES: &[(&str, &str, &str)] = &[
    (
        "itsm-ng",
        "207",
        r#"["ERROR_GLPI_PARTIAL_ADD", [{"id": 8, "message": ""}, {"id": false, "message": "Field name is mandatory"}]]"#,
    ),
    ("igel-imi", "404", IGEL_BODY),
    ("itcare", "503", ""),
    (
        "telecomx",
        "422",
        r#"{"error": {"code": "multiple", "status": 422, "inner": [{"code": "mvnoAccount", "status": 422, "message": "Invalid"}, {"code": "invalid_token", "status": 401, "message": "Please login"}]}}"#,
    ),
    (
        "netilion",
        "409",
        r#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}]}"#,
    ),
    ("netilion", "502", "<html>Bad Gateway</html>"),
];

#[test]
fn decode_with_a_spec_file_prints_what_the_compiled_vendor_prints() {
    for (vendor, status, body) in VENDOR_BODIES {
        let spec = specs_dir().join(format!("{vendor}.toml"));
        let interpreted = success(&errspec(&[
            "decode",
            "--spec",
            spec.to_str().unwrap(),
            status,
            body,
        ]));
        let compiled = success(&errspec(&["decode", vendor, status, body]));
        assert_eq!(interpreted, compiled, "{vendor} {status} {body}");
        assert!(interpreted.starts_with(&format!("response             HTTP {status}, ")));
    }
}

#[test]
fn decode_with_a_spec_file_reads_the_body_from_stdin() {
    let spec = specs_dir().join("igel-imi.toml");
    let out = success(&errspec_with_stdin(
        &["decode", "--spec", spec.to_str().unwrap(), "404", "-"],
        IGEL_BODY.as_bytes(),
    ));
    assert!(out.contains("error 1 of 1: ThinClientNotFound"), "{out}");
    assert!(out.lines().any(|line| line.trim() == "id = 42"), "{out}");
    // `--spec` may also follow the arguments.
    let after = success(&errspec(&[
        "decode",
        "404",
        IGEL_BODY,
        "--spec",
        spec.to_str().unwrap(),
    ]));
    assert_eq!(after, out);
}

const ACME: &str = r#"[api]
name = "Acme"

[envelope]
code = "/code"
message = "/message"

[[error]]
code = "quota"
status = 429
message = "Quota of {limit} requests used up"
description = "Too many requests."

[[error]]
variant = "Maintenance"
status = 503
description = "Down for maintenance."

[fallback.missing]
503 = "Maintenance"
"#;

#[test]
fn decode_with_a_spec_of_your_own_needs_no_compiling() {
    let dir = temp_dir("own-spec");
    let spec = dir.join("acme.toml");
    std::fs::write(&spec, ACME).expect("spec written");
    let path = spec.to_str().unwrap();
    let body = r#"{"code": "quota", "message": "Quota of 500 requests used up."}"#;
    let out = success(&errspec(&["decode", "--spec", path, "429", body]));
    assert!(out.contains("error 1 of 1: Quota"), "{out}");
    assert!(
        out.lines().any(|line| line.trim() == "limit = 500"),
        "{out}"
    );
    assert_eq!(field(&out, "kind"), ["rate_limited", "rate_limited"]);
    assert_eq!(
        field(&out, "recovery"),
        ["retry (after a backoff of your own)", "retry"]
    );
    let out = success(&errspec(&["decode", "--spec", path, "503", ""]));
    assert!(out.contains("error 1 of 1: Maintenance"), "{out}");
    assert_eq!(field(&out, "message"), ["Down for maintenance."]);
    assert_eq!(field(&out, "code"), ["none"]);
    let out = success(&errspec(&[
        "decode",
        "--spec",
        path,
        "500",
        r#"{"code": "new"}"#,
    ]));
    assert!(out.contains("error 1 of 1: Unknown"), "{out}");
    assert_eq!(field(&out, "message"), ["Internal Server Error"]);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn decode_with_a_spec_that_has_mistakes_shows_them_and_decodes_nothing() {
    let dir = temp_dir("bad-spec");
    let spec = dir.join("acme.toml");
    std::fs::write(&spec, ACME.replace("status = 429", "status = 999")).expect("written");
    let path = spec.to_str().unwrap();
    let output = errspec(&["decode", "--spec", path, "429", "{}"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(
        err.contains("error: status 999 is not an HTTP status"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {path}:10:10")), "{err}");
    assert!(err.contains(&format!("failed: {path}: 1 mistake")), "{err}");
    let missing = dir.join("missing.toml");
    let line = one_error_line(
        &errspec(&["decode", "--spec", missing.to_str().unwrap(), "404", "{}"]),
        1,
    );
    assert!(line.contains("cannot read spec"), "{line}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn decode_arguments_are_checked_with_and_without_a_spec() {
    let spec = specs_dir().join("itcare.toml");
    let spec = spec.to_str().unwrap();
    let line = one_error_line(&errspec(&["decode", "--spec", spec]), 2);
    assert!(line.contains("status"), "{line}");
    let line = one_error_line(&errspec(&["decode", "--spec", spec, "abc"]), 2);
    assert!(line.contains("0 to 65535"), "{line}");
    one_error_line(
        &errspec(&["decode", "--spec", spec, "404", "{}", "extra"]),
        2,
    );
    let line = one_error_line(&errspec(&["decode"]), 2);
    assert!(line.contains("a spec file"), "{line}");
    assert!(
        line.contains("itsm-ng, igel-imi, itcare, telecomx, netilion"),
        "{line}"
    );
}

/// The cells of a Markdown table row, split at the `|` that are not escaped.
fn cells(row: &str) -> Vec<String> {
    let inner = row
        .trim()
        .strip_prefix('|')
        .and_then(|row| row.strip_suffix('|'))
        .expect("a table row");
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in inner.chars() {
        if c == '|' && !escaped {
            cells.push(String::new());
        } else {
            cells.last_mut().unwrap().push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    cells.iter().map(|cell| cell.trim().to_owned()).collect()
}

#[test]
fn docs_prints_a_markdown_reference_of_a_bundled_spec() {
    let spec = specs_dir().join("telecomx.toml");
    let out = success(&errspec(&["docs", spec.to_str().unwrap()]));
    assert!(
        out.starts_with("# Telecom X API\n\n19 errors documented in `telecomx.toml`."),
        "{out}"
    );
    let table: Vec<&str> = out
        .lines()
        .skip_while(|line| *line != "## Error table")
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .collect();
    assert_eq!(
        cells(table[0]),
        [
            "Code",
            "Variant",
            "Status",
            "Kind",
            "Retryable",
            "Description"
        ]
    );
    // The header, the delimiter row, one row per entry.
    assert_eq!(table.len(), 2 + 19);
    for row in &table {
        assert_eq!(cells(row).len(), 6, "{row}");
    }
    let ip = table
        .iter()
        .find(|row| row.contains("TokenIpMismatch"))
        .expect("a TokenIpMismatch row");
    assert_eq!(
        cells(ip),
        [
            "`invalid_token`",
            "[`TokenIpMismatch`](#tokenipmismatch)",
            "401",
            "`unauthenticated`",
            "no",
            "The token is used from an IP address that is not authenticated."
        ]
    );
    let status_only = table
        .iter()
        .find(|row| row.contains("PropertyInvalid"))
        .expect("a PropertyInvalid row");
    assert_eq!(cells(status_only)[0], "-");
    // One section per entry, with its template, cause and solution.
    assert_eq!(out.matches("\n### `").count(), 19);
    let section: Vec<&str> = out
        .lines()
        .skip_while(|line| *line != "### `TokenIpMismatch`")
        .take_while(|line| !line.starts_with("### `LoginRequired`"))
        .collect();
    let section = section.join("\n");
    assert!(
        section.contains("- Message template: `IP address not authenticated`"),
        "{section}"
    );
    assert!(
        section.contains("- Shares its code with 3 other entries"),
        "{section}"
    );
    assert!(
        section.contains("**Cause:** Tokens are bound to the IP address that logged in."),
        "{section}"
    );
    assert!(
        section.contains("**Solution:** Log in again from the current IP address."),
        "{section}"
    );
    // The fallbacks by status.
    assert!(
        out.contains("| 422 | [`PropertyInvalid`](#propertyinvalid) | [`PropertyInvalid`](#propertyinvalid) |"),
        "{out}"
    );
}

#[test]
fn docs_keeps_a_pipe_in_vendor_text_inside_its_cell() {
    let dir = temp_dir("docs-pipe");
    let spec = dir.join("acme.toml");
    std::fs::write(
        &spec,
        ACME.replace("Too many requests.", "Too many | requests <b>")
            .replace("[api]\n", "[api]\ndocs = \"https://acme.example/errors\"\n"),
    )
    .expect("written");
    let out = success(&errspec(&["docs", spec.to_str().unwrap()]));
    let row = out
        .lines()
        .find(|line| line.starts_with("| `quota`"))
        .expect("the quota row");
    let cells = cells(row);
    assert_eq!(cells.len(), 6, "{row}");
    assert_eq!(cells[5], "Too many \\| requests \\<b\\>");
    assert!(
        out.contains("Vendor documentation: <https://acme.example/errors>"),
        "{out}"
    );
    assert!(
        out.contains("- Message template: `Quota of {limit} requests used up`"),
        "{out}"
    );
    assert!(out.contains("- Captured parameters: `limit`"), "{out}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn docs_of_a_spec_with_mistakes_shows_them() {
    let dir = temp_dir("docs-bad");
    let spec = dir.join("acme.toml");
    std::fs::write(&spec, ACME.replace("[envelope]", "[envelop]")).expect("written");
    let output = errspec(&["docs", spec.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("unknown key `envelop`"),
        "{}",
        stderr(&output)
    );
    one_error_line(&errspec(&["docs"]), 2);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn explain_shows_the_recovery_of_an_entry() {
    let out = success(&errspec(&["explain", "itcare", "ServiceUnavailable"]));
    assert_eq!(field(&out, "recovery"), ["retry"]);
    let out = success(&errspec(&["explain", "telecomx", "format_error"]));
    assert_eq!(field(&out, "recovery"), ["fix_request"]);
    assert_eq!(field(&out, "kind"), ["unauthenticated (from status 401)"]);
}

#[test]
fn check_and_the_macro_report_the_same_mistakes_of_every_compile_fail_spec() {
    // Each compile-fail case of the test crate whose error points into its spec: `check`
    // refuses that spec with the same first mistake at the same position. The command reads
    // every body format: the crate's missing `xml` or `cbor` feature is no mistake to it.
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui/cases");
    let mut compared = 0;
    for entry in std::fs::read_dir(&ui).expect("ui dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|ext| ext != "stderr") {
            continue;
        }
        let expected = std::fs::read_to_string(&path).expect("stderr readable");
        // Each error's line and the line after it, its position.
        let errors: Vec<(&str, &str)> = (expected.lines().zip(expected.lines().skip(1)))
            .filter(|(line, _)| line.starts_with("error: "))
            .collect();
        let Some(&(_, first_position)) = errors.first() else {
            continue;
        };
        let feature_missing = |line: &str| line.ends_with("which is not enabled");
        let Some(&(first, position)) = errors.iter().find(|(line, _)| !feature_missing(line))
        else {
            // Every error is a missing feature: `check` accepts the spec.
            let at = first_position
                .trim()
                .strip_prefix("--> specs/")
                .expect("in the spec");
            let spec = ui
                .join("specs")
                .join(at.split_once(':').expect("file:line:col").0);
            success(&errspec(&["check", spec.to_str().expect("UTF-8 path")]));
            compared += 1;
            continue;
        };
        let Some(at) = position.trim().strip_prefix("--> specs/") else {
            continue;
        };
        let (file, line_col) = at.split_once(':').expect("file:line:col");
        let spec = ui.join("specs").join(file);
        let spec = spec.to_str().expect("UTF-8 path");
        let output = errspec(&["check", spec]);
        assert_eq!(output.status.code(), Some(1), "{spec}");
        let err = stderr(&output);
        assert!(err.starts_with(first), "{spec}:\n{err}\nexpected:\n{first}");
        assert!(
            err.contains(&format!("--> {spec}:{line_col}\n")),
            "{spec}:\n{err}"
        );
        compared += 1;
    }
    assert!(compared >= 30, "{compared} specs compared");
}
