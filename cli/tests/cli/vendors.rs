//! `errspec import openapi` on vendors' own published documents, and `errspec infer` on the
//! error bodies their documentation shows (`cli/tests/openapi/vendors`, each folder's
//! `SOURCE.md` naming the repository and commit): each draft checks, and decodes every body to
//! a documented variant with the body's own code and message.

use std::path::PathBuf;

use serde_json::Value;

use crate::authoring::{checked_spec, temp_dir};
use crate::common::{self, success};

/// One error response of a vendor's documentation, and what it must decode to.
struct Body {
    status: u16,
    headers: Vec<String>,
    body: String,
    /// The code the vendor gives it; `None` when it carries none.
    code: Option<String>,
    /// Its message; `None` when the body holds no error object.
    message: Option<String>,
    source: String,
}

fn vendor_dir(vendor: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/openapi/vendors")
        .join(vendor)
}

fn bodies(vendor: &str) -> Vec<Body> {
    let text = std::fs::read_to_string(vendor_dir(vendor).join("bodies.json")).unwrap();
    let bodies: Vec<Value> = serde_json::from_str(&text).unwrap();
    let text_of = |value: &Value| value.as_str().map(str::to_owned);
    bodies
        .iter()
        .map(|body| Body {
            status: u16::try_from(body["status"].as_u64().unwrap()).unwrap(),
            headers: body["headers"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(name, value)| format!("{name}: {}", value.as_str().unwrap()))
                .collect(),
            body: match &body["body"] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            },
            code: text_of(&body["code"]),
            message: text_of(&body["message"]),
            source: body["source"].as_str().unwrap().to_owned(),
        })
        .collect()
}

/// Decodes each body with the spec at `spec` and asserts what a user relies on: a documented
/// variant; the body's code as the code of the error or of one nested in it, or kept as sent
/// in a field where the spec reads a more or a less specific one; the body's message, or the
/// variant chosen by status for a body with no error object.
fn decodes_each(spec: &str, bodies: &[Body], drafted_by: &str) {
    for body in bodies {
        let status = body.status.to_string();
        let mut args = vec!["decode", "--json", spec, &status, "-"];
        for header in &body.headers {
            args.extend(["-H", header]);
        }
        let output = common::errspec_with_stdin(&args, body.body.as_bytes());
        let response: Value = serde_json::from_str(&success(&output)).expect("JSON");
        let context = format!(
            "{drafted_by}, {} ({}): {response:#}",
            body.status, body.source
        );
        let errors = response["errors"].as_array().expect("errors");
        let first = &errors[0];
        assert_ne!(first["variant"], "Unknown", "{context}");
        match &body.message {
            Some(message) => assert_eq!(first["message"], *message, "{context}"),
            None => assert!(
                first["chosen_by"]
                    .as_str()
                    .is_some_and(|chosen| chosen.starts_with("status")),
                "{context}"
            ),
        }
        match &body.code {
            Some(code) => assert!(
                errors.iter().any(|error| {
                    error["code"] == *code
                        || error["details"]
                            .as_object()
                            .is_some_and(|fields| fields.values().any(|value| value == code))
                }),
                "code {code}: {context}"
            ),
            None => assert!(
                errors.iter().all(|error| error["code"].is_null()),
                "{context}"
            ),
        }
    }
}

/// `import openapi` of the vendor's document, checked, then every body decoded with it.
fn imported(vendor: &str, document: &str) {
    let dir = temp_dir(&format!("import-{vendor}"));
    let document = vendor_dir(vendor).join(document);
    let toml = success(&common::errspec(
        &["import", "openapi", document.to_str().unwrap()],
        &[],
    ));
    let spec = checked_spec(&dir, &toml);
    decodes_each(&spec, &bodies(vendor), &format!("imported {vendor}"));
    std::fs::remove_dir_all(dir).ok();
}

/// `infer` from the vendor's bodies as a folder of captures, checked, then each decoded.
fn inferred(vendor: &str) {
    let dir = temp_dir(&format!("infer-{vendor}"));
    let captures = dir.join(vendor);
    std::fs::create_dir_all(&captures).unwrap();
    let bodies = bodies(vendor);
    for (index, body) in bodies.iter().enumerate() {
        let file = captures.join(format!("{}.{index}.json", body.status));
        std::fs::write(file, &body.body).unwrap();
    }
    let toml = success(&common::errspec(
        &["infer", captures.to_str().unwrap()],
        &[],
    ));
    let spec = checked_spec(&dir, &toml);
    decodes_each(&spec, &bodies, &format!("inferred {vendor}"));
    std::fs::remove_dir_all(dir).ok();
}

/// A test of `import openapi` and one of `infer` per vendor: the vendor's folder, and its
/// document's root file.
macro_rules! vendor {
    ($import:ident, $infer:ident, $vendor:literal, $document:literal) => {
        #[test]
        fn $import() {
            imported($vendor, $document);
        }

        #[test]
        fn $infer() {
            inferred($vendor);
        }
    };
}

vendor!(import_stripe, infer_stripe, "stripe", "spec3.json");
vendor!(import_github, infer_github, "github", "api.github.com.json");
vendor!(import_openai, infer_openai, "openai", "openapi.yaml");
vendor!(
    import_digitalocean_in_many_files,
    infer_digitalocean,
    "digitalocean",
    "specification/DigitalOcean-public.v2.yaml"
);
vendor!(import_box, infer_box, "box", "openapi.json");
vendor!(import_asana, infer_asana, "asana", "asana_oas.yaml");
vendor!(import_moby_swagger_2, infer_moby, "moby", "swagger.yaml");
