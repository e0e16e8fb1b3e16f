//! The commands as users run them on any spec: a bundled vendor's name or a spec file's path
//! the same way, headers for `decode`, `--json` parsed back, colour only where wanted.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::common;

use common::{errspec, success};

fn json_of(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&success(&errspec(&args, &[]))).expect("the output is JSON")
}

fn netilion_spec() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/netilion.toml")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_command_takes_a_vendor_name_or_a_spec_path_alike() {
    let path = netilion_spec();
    let body = r#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}]}"#;
    for (by_name, by_path) in [
        (vec!["list", "netilion"], vec!["list", path.as_str()]),
        (
            vec!["explain", "netilion", "taken"],
            vec!["explain", path.as_str(), "taken"],
        ),
        (vec!["docs", "netilion"], vec!["docs", path.as_str()]),
        (
            vec!["decode", "netilion", "400", body],
            vec!["decode", path.as_str(), "400", body],
        ),
    ] {
        let named = success(&errspec(&by_name, &[]));
        let pathed = success(&errspec(&by_path, &[]));
        // `list` names the file either way; everything else is the same.
        assert_eq!(named, pathed, "{by_name:?}");
    }
    let checked = success(&errspec(&["check", "netilion", &path], &[]));
    assert_eq!(checked.lines().count(), 2, "{checked}");
    assert!(
        checked.lines().all(|line| line.starts_with("ok: ")),
        "{checked}"
    );
}

#[test]
fn decode_reads_headers_and_says_when_and_how_to_retry() {
    let out = success(&errspec(
        &[
            "decode",
            "github",
            "403",
            r#"{"message": "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#,
            "-H",
            "x-github-request-id: CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2",
            "-H",
            "Retry-After: 30",
            "--header",
            "x-ratelimit-reset: 1701250000",
        ],
        &[],
    ));
    let value = |label: &str| {
        out.lines()
            .find_map(|line| line.strip_prefix(label).map(str::trim))
            .unwrap_or_else(|| panic!("no `{label}` line in\n{out}"))
    };
    assert_eq!(value("recovery"), "retry after 30s");
    assert_eq!(value("retry-after"), "30");
    assert_eq!(value("request id"), "CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2");
    assert_eq!(value("x-ratelimit-reset"), "1701250000");
    assert!(out.contains("error 1 of 1: RateLimitExceeded"), "{out}");
    assert!(!out.contains("fell back"), "{out}");

    let bad = errspec(&["decode", "github", "403", "{}", "-H", "no colon"], &[]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`no colon` is not `Name: value`"));
}

#[test]
fn decode_says_in_one_line_why_it_fell_back() {
    let reason = |args: &[&str]| -> String {
        let out = success(&errspec(args, &[]));
        let lines: Vec<&str> = out
            .lines()
            .filter(|line| line.starts_with("fell back"))
            .collect();
        assert_eq!(lines.len(), 1, "{out}");
        lines[0].trim_start_matches("fell back").trim().to_owned()
    };
    assert_eq!(
        reason(&[
            "decode",
            "netilion",
            "502",
            "<html><body>502 Bad Gateway</body></html>"
        ]),
        "by status 502: the body is not JSON (it starts with `<html><body>502 Bad `)"
    );
    assert_eq!(
        reason(&["decode", "itcare", "503", ""]),
        "by status 503: the body is empty"
    );
    assert_eq!(
        reason(&["decode", "igel-imi", "404", r#"{"status": 404}"#]),
        "by status 404: the body holds no error where the spec's envelope looks (code at `/errorCode`, message at `/message`)"
    );
    assert_eq!(
        reason(&[
            "decode",
            "netilion",
            "400",
            r#"{"errors": [{"type": "brand_new", "message": "?"}]}"#
        ]),
        "by status 400: the code `brand_new` is not documented"
    );
}

/// A spec of `tests/specs/` at the workspace's root.
fn test_spec(name: &str) -> String {
    format!("{}/../tests/specs/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn decode_says_when_the_code_came_from_a_header() {
    let dynamodb = test_spec("aws-dynamodb.toml");
    let header = "x-amzn-ErrorType: ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/";
    let out = success(&errspec(
        &["decode", &dynamodb, "400", "", "-H", header],
        &[],
    ));
    let value = |label: &str| {
        out.lines()
            .find_map(|line| line.trim_start().strip_prefix(label).map(str::trim))
            .unwrap_or_else(|| panic!("no `{label}` line in\n{out}"))
    };
    assert_eq!(
        value("code from"),
        "header `x-amzn-ErrorType` (the body is empty)"
    );
    assert_eq!(value("chosen by"), "its code");
    assert!(out.contains("error 1 of 1: ValidationException"), "{out}");
    assert!(!out.contains("fell back"), "{out}");

    let json = json_of(&["decode", &dynamodb, "400", "", "-H", header]);
    assert_eq!(json["fallback"], Value::Null);
    assert_eq!(
        json["code_header"],
        "header `x-amzn-ErrorType` (the body is empty)"
    );
    assert_eq!(json["errors"][0]["chosen_by"], "code");
    assert_eq!(json["errors"][0]["code"], "ValidationException");

    // A header's code that is not documented: by status, and still from the header.
    let json = json_of(&[
        "decode",
        &dynamodb,
        "400",
        "",
        "-H",
        "x-amzn-ErrorType: BrandNewException",
    ]);
    assert_eq!(
        json["fallback"],
        "by status 400: the code `BrandNewException` is not documented"
    );
    assert_eq!(
        json["code_header"],
        "header `x-amzn-ErrorType` (the body is empty)"
    );
    assert_eq!(json["errors"][0]["chosen_by"], "status_for_unknown_code");
    assert_eq!(json["errors"][0]["code"], "BrandNewException");
}

#[test]
fn decode_says_why_a_body_without_a_code_got_a_coded_entry() {
    // `[fallback] 401 = "Unauthenticated"`, an entry whose code is `UNAUTHENTICATED`: the body
    // sent none, so the error has none.
    let graphql = test_spec("graphql.toml");
    let body =
        r#"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/graphql"}"#;
    let json = json_of(&["decode", &graphql, "401", body]);
    // The spec's second shape reads the message.
    assert_eq!(json["fallback"], "by status 401: the error carries no code");
    let error = &json["errors"][0];
    assert_eq!(error["message"], "Bad credentials");
    assert_eq!(error["variant"], "Unauthenticated");
    assert_eq!(error["code"], Value::Null);
    assert_eq!(error["chosen_by"], "status_without_code");

    // A body of neither shape: where each looks.
    let none = json_of(&["decode", &graphql, "401", r#"{"data": null}"#]);
    assert_eq!(
        none["fallback"],
        "by status 401: the body holds no error where any of the spec's shapes looks (code at `/errors/extensions/code`, message at `/errors/message`; message at `/errors`)"
    );

    let mixed = r#"{"data": null, "errors": [{"message": "Cannot query field \"nam\" on type \"User\".", "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}}, {"message": "Not logged in"}]}"#;
    let json = json_of(&["decode", &graphql, "401", mixed]);
    assert_eq!(json["fallback"], "by status 401: the error carries no code");
    let chosen: Vec<&Value> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| &error["chosen_by"])
        .collect();
    assert_eq!(chosen, [&json!("code"), &json!("status_without_code")]);
    assert_eq!(json["errors"][1]["variant"], "Unauthenticated");
    assert_eq!(json["errors"][1]["code"], Value::Null);
    assert_eq!(json["errors"][1]["message"], "Not logged in");
}

#[test]
fn json_of_every_command_parses_back() {
    let decoded = json_of(&[
        "decode",
        "igel-imi",
        "404",
        r#"{"errorCode": "ITG-0A001", "message": "Thin client with ID 42 not found."}"#,
    ]);
    assert_eq!(decoded["status"], 404);
    assert_eq!(decoded["kind"], "not_found");
    assert_eq!(decoded["recovery"], json!({"action": "fix_request"}));
    assert_eq!(decoded["fallback"], Value::Null);
    assert_eq!(decoded["errors"][0]["variant"], "ThinClientNotFound");
    assert_eq!(
        decoded["errors"][0]["details"],
        json!({"stack_trace": null, "id": "42"})
    );

    let listed = json_of(&["list", "netilion"]);
    assert_eq!(listed["api"], "Netilion");
    assert_eq!(listed["file"], "netilion.toml");
    let taken = listed["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["code"] == "taken")
        .expect("`taken` is listed");
    assert_eq!(taken["variant"], "Taken");
    assert_eq!(taken["status"], 400);

    let explained = json_of(&["explain", "netilion", "TAKEN"]);
    assert_eq!(explained.as_array().unwrap().len(), 1);
    assert_eq!(explained[0]["variant"], "Taken");

    let checked = json_of(&["check", "netilion"]);
    assert_eq!(checked[0]["ok"], true);
    assert!(checked[0]["errors"].as_u64().unwrap() > 10);

    let docs = json_of(&["docs", "itcare"]);
    assert_eq!(docs["api"], "Itcare");
}

#[test]
fn check_json_positions_each_mistake() {
    let dir = std::env::temp_dir().join(format!("errspec-check-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("broken.toml");
    std::fs::write(
        &spec,
        "[api]\nname = \"Broken\"\n\n[envelope]\ncode = \"/code\"\n\n[[error]]\ncode = \"a\"\nvariant = \"A\"\nstatus = 4040\n",
    )
    .unwrap();
    let output = errspec(&["check", spec.to_str().unwrap(), "--json"], &[]);
    assert_eq!(output.status.code(), Some(1));
    let checked: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(checked[0]["ok"], false);
    let mistake = &checked[0]["diagnostics"][0];
    assert_eq!(
        (mistake["line"].as_u64(), mistake["column"].as_u64()),
        (Some(10), Some(10))
    );
    assert!(
        mistake["message"].as_str().unwrap().contains("4040"),
        "{mistake}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn explain_ignores_case_and_suggests_a_name_of_the_sort_typed() {
    let out = success(&errspec(&["explain", "netilion", "TaKeN"], &[]));
    assert!(out.contains("Taken"), "{out}");
    // A wire code typed wrong is answered with a wire code, a variant with a variant.
    let stderr = |args: &[&str]| String::from_utf8_lossy(&errspec(args, &[]).stderr).into_owned();
    let wire = stderr(&["explain", "netilion", "taaken"]);
    assert!(wire.contains("did you mean `taken`?"), "{wire}");
    let variant = stderr(&["explain", "netilion", "Takken"]);
    assert!(variant.contains("did you mean `Taken`?"), "{variant}");
}

#[test]
fn explain_and_decode_show_a_code_keyed_by_a_field() {
    let spec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/specs/cookbook/two-values.toml"
    );
    let out = success(&errspec(&["explain", spec, "IAM_PERMISSION_DENIED"], &[]));
    assert!(out.contains("2 entries share the code"), "{out}");
    assert!(
        out.contains("when         domain = aiplatform.googleapis.com"),
        "{out}"
    );
    let body = r#"{"error": {"code": 403, "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "IAM_PERMISSION_DENIED", "domain": "aiplatform.googleapis.com"}]}}"#;
    let out = success(&errspec(&["decode", spec, "403", body], &[]));
    assert!(out.contains("VertexPermissionDenied"), "{out}");
    let elsewhere = body.replace("aiplatform.", "storage.");
    let out = success(&errspec(&["decode", spec, "403", &elsewhere], &[]));
    assert!(out.contains("IamPermissionDenied"), "{out}");
    // A code keyed to another domain falls back by status, and decode says why.
    let disabled = body
        .replace("IAM_PERMISSION_DENIED", "SERVICE_DISABLED")
        .replace("aiplatform.", "firebase.");
    let out = success(&errspec(&["decode", spec, "403", &disabled], &[]));
    assert!(out.contains("PermissionDenied"), "{out}");
    assert!(
        out.contains("the code `SERVICE_DISABLED` is documented only when domain = googleapis.com"),
        "{out}"
    );
}

#[test]
fn colour_only_on_request_or_a_terminal_and_never_with_no_color() {
    let args = ["decode", "netilion", "502", "<html></html>"];
    let plain = success(&errspec(&args, &[]));
    assert!(!plain.contains('\u{1b}'), "{plain}");
    let forced = success(&errspec(&args, &[("CLICOLOR_FORCE", "1")]));
    assert!(forced.contains("\u{1b}["), "{forced}");
    // The same text under the colours.
    let stripped: String = strip_escapes(&forced);
    assert_eq!(stripped, plain);
    let refused = success(&errspec(
        &args,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    ));
    assert!(!refused.contains('\u{1b}'), "{refused}");
}

/// `text` without its ANSI escape sequences (`ESC [ ... m`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn list_rows_fit_the_terminal() {
    for columns in [140, 80, 40] {
        let out = success(&errspec(
            &["list", "netilion"],
            &[("COLUMNS", &columns.to_string())],
        ));
        assert!(
            out.lines()
                .skip(1)
                .all(|line| unicode_width(line) <= columns),
            "{out}"
        );
        assert!(out.contains("access_denied"), "{out}");
    }
    let wide = success(&errspec(&["list", "netilion"], &[]));
    assert!(wide.lines().any(|line| unicode_width(line) > 100), "{wide}");
}

fn unicode_width(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn diff_shows_errors_added_removed_and_changed() {
    let dir = std::env::temp_dir().join(format!("errspec-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = std::fs::read_to_string(netilion_spec()).unwrap();
    // The update: `taken` now answers 422, `access_denied` is gone, `quota_used_up` is new.
    let new = old
        .replace(
            "code = \"taken\"\nstatus = 400",
            "code = \"taken\"\nstatus = 422",
        )
        .replace(
            "[[error]]\ncode = \"access_denied\"\nstatus = 403\ndescription = \"Access to the required resource denied.\"\n",
            "[[error]]\ncode = \"quota_used_up\"\nstatus = 402\ndescription = \"The plan's quota is used up.\"\n",
        );
    assert_ne!(old, new);
    let new_path = dir.join("netilion-2.toml");
    std::fs::write(&new_path, new).unwrap();
    let new_path = new_path.to_str().unwrap();

    let out = success(&errspec(&["diff", "netilion", new_path], &[]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("netilion -> {new_path}: 1 added, 1 removed, 1 changed")
    );
    assert_eq!(
        lines[1..],
        [
            "added   quota_used_up (QuotaUsedUp), 402, quota_exceeded",
            "removed access_denied (AccessDenied), 403, permission_denied",
            "changed taken (Taken): status 400 -> 422; kind bad_request -> unprocessable",
        ]
    );

    let diff = json_of(&["diff", "netilion", new_path]);
    assert_eq!(diff["added"][0]["code"], "quota_used_up");
    assert_eq!(diff["removed"][0]["variant"], "AccessDenied");
    assert_eq!(
        diff["changed"][0]["changes"],
        json!([
            {"field": "status", "old": "400", "new": "422"},
            {"field": "kind", "old": "bad_request", "new": "unprocessable"},
        ])
    );
    let same = json_of(&["diff", "netilion", &netilion_spec()]);
    assert_eq!(same, json!({"added": [], "removed": [], "changed": []}));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn check_labels_the_other_place_of_a_mistake_in_colour_on_request() {
    let dir = std::env::temp_dir().join(format!("errspec-check-labels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("twice.toml");
    std::fs::write(
        &spec,
        "[api]\nname = \"Twice\"\n\n[envelope]\ncode = \"/code\"\n\n[[error]]\ncode = \"a\"\nvariant = \"Same\"\n\n[[error]]\ncode = \"b\"\nvariant = \"Same\"\n",
    )
    .unwrap();
    let path = spec.to_str().unwrap();
    let plain = errspec(&["check", path], &[]);
    assert_eq!(plain.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&plain.stderr).into_owned();
    assert!(
        stderr.starts_with("error: variant `Same` is defined twice\n"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("--> {path}:13:11")), "{stderr}");
    assert!(
        stderr.contains(" 9 | variant = \"Same\"\n   |           ------ first defined here"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    let coloured = errspec(&["check", path], &[("CLICOLOR_FORCE", "1")]);
    let coloured = String::from_utf8_lossy(&coloured.stderr).into_owned();
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    assert_eq!(strip_escapes(&coloured), stderr);

    let json: Value =
        serde_json::from_slice(&errspec(&["check", path, "--json"], &[]).stdout).unwrap();
    assert_eq!(
        json[0]["diagnostics"][0]["labels"],
        json!([{"label": "first defined here", "line": 9, "column": 11}])
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn decode_says_when_decode_if_error_takes_a_response_for_a_success() {
    let spec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/specs/cookbook/results.toml"
    );
    let succeeded = r#"{"responses": [{"id": "a", "status": 201}, {"id": "c", "status": 204}]}"#;
    let out = success(&errspec(&["decode", spec, "200", succeeded], &[]));
    assert!(
        out.contains("success              no error mark nor failed item in the body"),
        "{out}"
    );
    assert_eq!(
        json_of(&["decode", spec, "200", succeeded])["success"],
        true
    );
    let failed = r#"{"responses": [{"id": "a", "status": 201}, {"id": "b", "status": 404, "body": {"error": {"code": "itemNotFound"}}}]}"#;
    let out = success(&errspec(&["decode", spec, "200", failed], &[]));
    assert!(!out.contains("success "), "{out}");
    assert!(out.contains("ItemNotFound"), "{out}");
    assert!(out.contains("position = 1"), "{out}");
    assert_eq!(json_of(&["decode", spec, "200", failed])["success"], false);
}
