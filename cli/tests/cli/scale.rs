//! The commands on inputs large enough that a step quadratic in them would take minutes (each
//! runs in seconds in a debug build): names numbered, entries matched and keys looked up in
//! one step each, not by a scan of all before them.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::authoring::{checked_spec, temp_dir};
use crate::common::{errspec, success};

/// What `errspec infer` drafts from one capture, a 400 whose `errors` are `errors`, and the
/// folder holding it (named after `name`).
fn inferred(name: &str, errors: Vec<Value>) -> (PathBuf, String) {
    let dir = temp_dir(name);
    std::fs::write(
        dir.join("400.json"),
        json!({ "errors": errors }).to_string(),
    )
    .unwrap();
    let toml = success(&errspec(&["infer", &dir.to_string_lossy()], &[]));
    (dir, toml)
}

/// A spec of `codes` entries `C<i>` (from `first`), each with the status `status_of` gives.
fn spec_of(first: usize, codes: usize, status_of: impl Fn(usize) -> u16) -> String {
    let mut spec = String::from(
        "[api]\nname = \"Big\"\n\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n",
    );
    for index in first..first + codes {
        spec.push_str(&format!(
            "\n[[error]]\ncode = \"C{index}\"\nstatus = {}\n",
            status_of(index)
        ));
    }
    spec
}

#[test]
fn diff_of_two_60000_code_specs_matches_each_code_once() {
    let dir = temp_dir("scale-diff");
    let old = dir.join("old.toml");
    let new = dir.join("new.toml");
    std::fs::write(&old, spec_of(0, 60_000, |_| 400)).unwrap();
    // C0 removed, C60000 added, every even code's status changed.
    std::fs::write(
        &new,
        spec_of(1, 60_000, |index| if index % 2 == 0 { 409 } else { 400 }),
    )
    .unwrap();
    let output = errspec(
        &[
            "diff",
            &old.to_string_lossy(),
            &new.to_string_lossy(),
            "--json",
        ],
        &[],
    );
    let diff: Value = serde_json::from_str(&success(&output)).unwrap();
    let codes = |list: &str| -> Vec<String> {
        diff[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes("added"), ["C60000"]);
    assert_eq!(codes("removed"), ["C0"]);
    let changed = codes("changed");
    assert_eq!(changed.len(), 29_999);
    assert_eq!(changed[0], "C2");
    assert_eq!(changed[29_998], "C59998");
    assert_eq!(diff["changed"][0]["changes"][0]["field"], "status");
    assert_eq!(diff["changed"][0]["changes"][0]["new"], "409");
}

#[test]
fn check_of_100000_reset_headers_and_100000_header_fields_reads_every_key() {
    let mut spec = String::from(
        "[api]\nname = \"Resets\"\n\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n\n[envelope.fields]\nid = \"/id\"\n\n[envelope.headers.retry_after]\n",
    );
    for index in 0..100_000 {
        spec.push_str(&format!("x-reset-{index} = \"seconds\"\n"));
    }
    spec.push_str("\n[envelope.headers.fields]\n");
    for index in 0..100_000 {
        spec.push_str(&format!("h{index} = \"x-h-{index}\"\n"));
    }
    // The last of each table is a mistake, so every key is read, and a body field's name is
    // found among the header fields.
    spec.push_str("id = \"x-id\"\n\n[[error]]\ncode = \"Throttled\"\nstatus = 429\n");
    let spec = spec.replace("x-reset-99999 = \"seconds\"", "x-reset-99999 = \"secs\"");
    let dir = temp_dir("scale-check");
    let path = dir.join("resets.toml");
    std::fs::write(&path, &spec).unwrap();
    let output = errspec(&["check", &path.to_string_lossy()], &[("NO_COLOR", "1")]);
    assert!(!output.status.success());
    let report = String::from_utf8(output.stderr).unwrap();
    assert!(report.contains("unknown reset format `secs`"), "{report}");
    assert!(
        report.contains("field `id` is read from the body already"),
        "{report}"
    );
    assert_eq!(report.matches("error:").count(), 2, "{report}");
}

#[test]
fn infer_of_20000_codes_without_ascii_letters_numbers_their_variants_in_order() {
    let errors: Vec<Value> = (0..20_000)
        .map(|index| {
            let code = format!("ошибка{}", char::from_u32(0x4E00 + index).unwrap());
            json!({"code": code, "message": "Отказано."})
        })
        .collect();
    let (dir, toml) = inferred("scale-infer-letters", errors);
    assert_eq!(toml.matches("\nvariant = \"EError").count(), 20_000);
    assert!(
        toml.contains("code = \"ошибка一\"\nvariant = \"EError\"\n"),
        "{toml}"
    );
    assert!(
        toml.contains("code = \"ошибка丁\"\nvariant = \"EError2\"\n"),
        "{toml}"
    );
    let last = format!(
        "code = \"ошибка{}\"\nvariant = \"EError20000\"\n",
        char::from_u32(0x4E00 + 19_999).unwrap()
    );
    assert!(toml.contains(&last), "{last}");
    checked_spec(&dir, &toml);
}

#[test]
fn infer_of_one_capture_of_20000_errors_each_with_a_key_of_its_own() {
    let errors: Vec<Value> = (0..20_000)
        .map(|index| json!({"code": format!("E_{index}"), "message": "Refused.", format!("key_{index}"): "v"}))
        .collect();
    let (dir, toml) = inferred("scale-infer-keys", errors);
    assert!(toml.contains("errors = \"/errors\""), "{toml}");
    assert_eq!(toml.matches("\ncode = \"E_").count(), 20_000);
    assert!(toml.contains("code = \"E_19999\"\nvariant = \"E19999\"\n"));
    checked_spec(&dir, &toml);
}

#[test]
fn import_of_a_60000_value_enum_drafts_an_entry_per_value() {
    let values: Vec<String> = (0..60_000).map(|index| format!("CODE_{index}")).collect();
    let document = json!({
        "openapi": "3.0.3",
        "info": {"title": "Big", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"400": {
            "description": "Bad request",
            "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {
                    "code": {"type": "string", "enum": values},
                    "message": {"type": "string"}
                }
            }}}
        }}}}}
    });
    let dir = temp_dir("scale-import");
    let file = dir.join("big.json");
    std::fs::write(&file, document.to_string()).unwrap();
    let toml = success(&errspec(
        &["import", "openapi", &file.to_string_lossy()],
        &[],
    ));
    assert_eq!(toml.matches("\ncode = \"CODE_").count(), 60_000);
    assert!(toml.contains("code = \"CODE_59999\"\nvariant = \"Code59999\"\nstatus = 400\n"));
    checked_spec(&dir, &toml);
}
