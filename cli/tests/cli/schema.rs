//! `specs/errspec.schema.json`, the JSON Schema editors use to complete and check spec files
//! (taplo / Even Better TOML): every bundled spec validates against it, it rejects what the
//! checker rejects (unknown keys first), and it knows every key `runtime/docs/spec-format.md` documents.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema() -> Value {
    let text = std::fs::read_to_string(repo().join("specs/errspec.schema.json"))
        .expect("specs/errspec.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("a valid draft-07 schema")
}

/// A spec's TOML as the JSON value editors validate.
fn as_json(source: &str) -> Value {
    toml::from_str(source).expect("TOML")
}

/// The schema's complaints about `source`, one line each.
fn complaints(source: &str) -> Vec<String> {
    let instance = as_json(source);
    let validator = validator();
    validator
        .iter_errors(&instance)
        .map(|error| format!("{}: {error}", error.instance_path))
        .collect()
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a directory")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_bundled_spec_validates_against_the_schema() {
    let files = toml_files(&repo().join("specs"));
    assert_eq!(files.len(), 8, "{files:?}");
    for file in files
        .iter()
        .chain(&toml_files(&repo().join("cli/tests/specs")))
        .chain(&toml_files(&repo().join("tests/specs")))
    {
        let source = std::fs::read_to_string(file).expect("readable");
        assert_eq!(
            complaints(&source),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
        assert!(
            errspec_codegen::check_spec(&source).valid().is_some(),
            "{}",
            file.display()
        );
    }
}

const VALID: &str = r#"
[api]
name = "Acme"

[envelope]
error = "/error"
code = "/code"
message = "/message"
status = "/status"

[envelope.fields]
attribute = "/attr~1name"

[envelope.batch]
at = "/items"

[envelope.multiple]
code = "multiple"
inner = "/inner"

[[error]]
code = "multiple"

[[error]]
code = "boom"
status = 500
message = "Boom {id}"
batch = true
recovery = "give_up"

[[error]]
variant = "Gone"
status = 410
body = "empty"

[fallback.missing]
410 = "Gone"
"#;

/// `VALID` with `find` replaced by `replacement`.
fn with(find: &str, replacement: &str) -> String {
    assert!(VALID.contains(find), "{find}");
    VALID.replacen(find, replacement, 1)
}

#[test]
fn the_base_of_the_negative_cases_is_valid_for_both() {
    assert_eq!(complaints(VALID), Vec::<String>::new());
    let checked = errspec_codegen::check_spec(VALID);
    assert!(checked.valid().is_some(), "{:?}", checked.diagnostics);
}

#[test]
fn an_unknown_key_fails_in_every_table() {
    for (find, replacement, key) in [
        ("[api]\n", "[api]\nnmae = \"x\"\n", "nmae"),
        ("[envelope]\n", "[envelope]\nmesage = \"/m\"\n", "mesage"),
        (
            "[envelope.batch]\n",
            "[envelope.batch]\nids = \"id\"\n",
            "ids",
        ),
        (
            "[envelope.multiple]\n",
            "[envelope.multiple]\nwrapper = \"x\"\n",
            "wrapper",
        ),
        (
            "code = \"boom\"\n",
            "code = \"boom\"\nmesage = \"Boom\"\n",
            "mesage",
        ),
        (
            "[fallback.missing]\n",
            "[fallback.other]\n500 = \"Boom\"\n[fallback.missing]\n",
            "other",
        ),
        ("[api]\n", "vendor = \"acme\"\n[api]\n", "vendor"),
    ] {
        let source = with(find, replacement);
        let found = complaints(&source);
        assert!(
            found
                .iter()
                .any(|line| line.contains("Additional properties") && line.contains(key)),
            "{key}: {found:#?}"
        );
        assert!(
            !errspec_codegen::check_spec(&source).diagnostics.is_empty(),
            "the checker accepts {key}"
        );
    }
}

#[test]
fn wrong_values_fail_for_the_schema_and_the_checker_alike() {
    for (find, replacement) in [
        ("status = 500", "status = 999"),
        ("status = 500", "status = \"500\""),
        ("status = 500", "kind = \"NotFound\""),
        ("recovery = \"give_up\"", "recovery = \"wait\""),
        (
            "recovery = \"give_up\"",
            "recovery = \"retry\"\nretryable = false",
        ),
        (
            "recovery = \"give_up\"",
            "recovery = \"give_up\"\nretryable = true",
        ),
        ("batch = true", "batch = \"yes\""),
        ("code = \"/code\"", "code = \"code\""),
        ("code = \"/code\"", "code = \"/a~2\""),
        ("code = \"/code\"", "message_only = true"),
        (
            "error = \"/error\"",
            "error = \"/error\"\nerrors = \"/errors\"",
        ),
        ("attribute = \"/attr~1name\"", "items = \"/items\""),
        ("attribute = \"/attr~1name\"", "Attribute = \"/a\""),
        ("attribute = \"/attr~1name\"", "type = \"/type\""),
        ("attribute = \"/attr~1name\"", "__x = \"/x\""),
        ("name = \"Acme\"", "name = \"acme\""),
        ("name = \"Acme\"", "title = \"Acme\""),
        ("variant = \"Gone\"", "variant = \"Unknown\""),
        (
            "variant = \"Gone\"\nstatus = 410\nbody = \"empty\"",
            "status = 410",
        ),
        ("variant = \"Gone\"", "code = \"gone\"\nvariant = \"Gone\""),
        ("410 = \"Gone\"", "41 = \"Gone\""),
        ("410 = \"Gone\"", "410 = \"gone\""),
        ("status = \"/status\"", "status_format = \"name\""),
        ("[api]", "[api]\nrate_limit_window = \"day\""),
        ("inner = \"/inner\"", ""),
        (
            "[envelope.batch]\n",
            "[envelope.headers.fields]\nq = { before = \";\" }\n[envelope.batch]\n",
        ),
        (
            "[envelope.batch]\n",
            "[envelope.headers.fields]\nq = { header = \"x-q\", after = \"\" }\n[envelope.batch]\n",
        ),
        ("batch = true", "batch = true\nwhen = {}"),
        ("batch = true", "batch = true\nwhen = { attribute = \" \" }"),
        ("batch = true", "batch = true\nwhen = { attribute = 1 }"),
        (
            "variant = \"Gone\"",
            "variant = \"Gone\"\nwhen = { attribute = \"x\" }",
        ),
    ] {
        let source = with(find, replacement);
        assert!(
            !complaints(&source).is_empty(),
            "the schema accepts `{find}` as `{replacement}`"
        );
        assert!(
            !errspec_codegen::check_spec(&source).diagnostics.is_empty(),
            "the checker accepts `{find}` as `{replacement}`"
        );
    }
}

#[test]
fn a_spec_without_errors_fails() {
    let source = "[api]\nname = \"Acme\"\n[envelope]\ncode = \"/code\"\nerror = []\n";
    assert!(!complaints(source).is_empty());
    let source = "[api]\nname = \"Acme\"\n[envelope]\ncode = \"/code\"\n";
    assert!(!complaints(source).is_empty());
}

/// The keys of each table the format reference documents, from its headings and tables.
fn documented_keys() -> Vec<(String, BTreeSet<String>)> {
    let readme = std::fs::read_to_string(repo().join("runtime/docs/spec-format.md"))
        .expect("runtime/docs/spec-format.md");
    let mut tables: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut current: Option<String> = None;
    for line in readme.lines() {
        if line.starts_with('#') {
            let heading = line.trim_start_matches('#').trim();
            current = match heading.split('`').nth(1) {
                Some("[api]") => Some("api".into()),
                Some("[envelope]") => Some("envelope".into()),
                Some("[[error]]") => Some("error".into()),
                Some("[fallback]") => Some("fallback".into()),
                Some("[envelope.multiple]") => Some("envelope.multiple".into()),
                Some("[envelope.batch]") => Some("envelope.batch".into()),
                Some("[[envelope.inner]]") => Some("envelope.inner".into()),
                Some("[envelope.error_if]") => Some("envelope.error_if".into()),
                Some("[envelope.headers]") => Some("envelope.headers".into()),
                Some(table) if table.starts_with("[envelope.") => {
                    // A subtable without a key table of its own (`fields`).
                    let key = table.trim_start_matches("[envelope.").trim_end_matches(']');
                    add(&mut tables, "envelope", key);
                    None
                }
                // Subsections of a table (`### Templates`) keep its keys.
                _ if line.starts_with("### ") => current,
                _ => None,
            };
            if let Some(table) = &current {
                if let Some(key) = table.strip_prefix("envelope.") {
                    add(&mut tables, "envelope", key);
                }
                if !tables.iter().any(|(name, _)| name == table) {
                    tables.push((table.clone(), BTreeSet::new()));
                }
            }
            continue;
        }
        let (Some(table), Some(cell)) = (&current, line.strip_prefix("| `")) else {
            continue;
        };
        let key = cell.split('`').next().unwrap_or("");
        // A row for the table itself (`[fallback]`, whose keys are statuses) names no key.
        if key == format!("[{table}]") {
            continue;
        }
        // `[fallback]` documents its subtables as rows: `[fallback.missing]`.
        let key = key
            .strip_prefix("[fallback.")
            .map_or(key, |rest| rest.trim_end_matches(']'));
        add(&mut tables, table, key);
    }
    tables
}

fn add(tables: &mut Vec<(String, BTreeSet<String>)>, table: &str, key: &str) {
    match tables.iter_mut().find(|(name, _)| name == table) {
        Some((_, keys)) => {
            keys.insert(key.to_owned());
        }
        None => tables.push((table.to_owned(), BTreeSet::from([key.to_owned()]))),
    }
}

/// The properties the schema allows in `table`.
fn schema_keys(schema: &Value, table: &str) -> BTreeSet<String> {
    let object = match table {
        "error" => &schema["definitions"]["error"],
        "envelope.multiple" => &schema["definitions"]["shape"]["properties"]["multiple"],
        "envelope.batch" => &schema["definitions"]["shape"]["properties"]["batch"],
        "envelope.inner" => &schema["definitions"]["shape"]["properties"]["inner"]["items"],
        "envelope.error_if" => &schema["definitions"]["shape"]["properties"]["error_if"],
        "envelope.headers" => &schema["definitions"]["shape"]["properties"]["headers"],
        "envelope" => &schema["definitions"]["shape"],
        other => &schema["properties"][other],
    };
    assert_eq!(
        object["additionalProperties"],
        Value::Bool(false),
        "{table}: unknown keys must fail, as they do for the checker"
    );
    object["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{table} has properties"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_schema_knows_every_key_the_format_reference_documents() {
    let schema = schema();
    let documented = documented_keys();
    let names: Vec<&str> = documented.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "api",
            "envelope",
            "envelope.multiple",
            "envelope.inner",
            "envelope.error_if",
            "envelope.headers",
            "envelope.batch",
            "error",
            "fallback"
        ]
    );
    for (table, keys) in &documented {
        assert_eq!(&schema_keys(&schema, table), keys, "[{table}]");
    }
    let top: BTreeSet<String> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        top,
        BTreeSet::from(["api", "envelope", "error", "fallback", "kinds"].map(String::from))
    );
}

/// Every property of every table has a description, which editors show on hover.
#[test]
fn every_key_has_a_description() {
    fn walk(value: &Value, path: &str, missing: &mut Vec<String>) {
        let Some(object) = value.as_object() else {
            return;
        };
        if let Some(properties) = object.get("properties").and_then(Value::as_object) {
            for (key, property) in properties {
                let described = property
                    .get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|text| !text.trim().is_empty());
                if !described {
                    missing.push(format!("{path}.{key}"));
                }
            }
        }
        for (key, child) in object {
            walk(child, &format!("{path}/{key}"), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "", &mut missing);
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn the_format_reference_points_editors_to_the_schema() {
    let readme = std::fs::read_to_string(repo().join("runtime/docs/spec-format.md"))
        .expect("runtime/docs/spec-format.md");
    assert!(readme.contains("errspec.schema.json"));
    assert!(readme.contains("#:schema ./errspec.schema.json"));
}

#[test]
fn fallback_keys_are_statuses_classes_or_default_for_both_the_schema_and_the_checker() {
    let shared = with(
        "[fallback.missing]\n410 = \"Gone\"\n",
        "[fallback]\n\"5xx\" = \"Boom\"\ndefault = \"Gone\"\n\n[fallback.missing]\n410 = \"Gone\"\n\"4XX\" = \"Gone\"\n",
    );
    assert_eq!(complaints(&shared), Vec::<String>::new());
    assert!(errspec_codegen::check_spec(&shared).valid().is_some());
    for bad in ["\"+503\"", "\"0404\"", "\"6xx\"", "Default"] {
        for table in ["[fallback]", "[fallback.unknown]"] {
            let source = format!("{VALID}\n{table}\n{bad} = \"Boom\"\n");
            assert!(!complaints(&source).is_empty(), "{table} {bad}");
            assert!(
                errspec_codegen::check_spec(&source).valid().is_none(),
                "{table} {bad}"
            );
        }
    }
}
