//! Writing a spec without writing it: `errspec infer` from captured responses and `errspec
//! import openapi` from a vendor's OpenAPI document, each output checked and then used to
//! decode the responses it came from.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

use crate::common;

use common::success;

fn errspec(args: &[&str]) -> Output {
    common::errspec(args, &[])
}

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errspec-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the spec a command printed, checks it, and returns its path.
pub(crate) fn checked_spec(dir: &Path, toml: &str) -> String {
    let path = dir.join("drafted.toml");
    std::fs::write(&path, toml).unwrap();
    let path = path.to_string_lossy().into_owned();
    let out = success(&errspec(&["check", &path]));
    assert!(out.starts_with("ok: "), "{out}");
    path
}

/// The JSON of `errspec decode <spec> <status> <body>`.
fn decoded(spec: &str, status: u16, body: &str, headers: &[&str]) -> Value {
    let status = status.to_string();
    let mut args = vec!["decode", spec, &status, body, "--json"];
    for header in headers {
        args.extend(["-H", header]);
    }
    serde_json::from_str(&success(&errspec(&args))).expect("JSON")
}

/// IGEL IMI's errors as captured: one file per response, `<status>.<n>.json`.
const IGEL: &[(&str, &str)] = &[
    ("404.1.json", r#"{"message": "Thin client with ID 42 not found.", "errorCode": "ITG-0A001", "stackTrace": "at com.igel.imi.ThinClientService.get(ThinClientService.java:88)"}"#),
    ("404.2.json", r#"{"message": "Thin client with ID 7 not found.", "errorCode": "ITG-0A001", "stackTrace": "at com.igel.imi.ThinClientService.get(ThinClientService.java:88)"}"#),
    ("404.3.json", r#"{"message": "Thin client with ID 1337 not found.", "errorCode": "ITG-0A001"}"#),
    ("401.1.json", r#"{"message": "Authentication failed.", "errorCode": "ITG-0B001"}"#),
    ("409.1.json", r#"{"message": "Directory 'Kiosk' already exists.", "errorCode": "ITG-0C004"}"#),
    ("409.2.json", r#"{"message": "Directory 'Front desk' already exists.", "errorCode": "ITG-0C004"}"#),
    ("502.1.html", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"),
    ("503.1.json", ""),
];

#[test]
fn infer_from_a_folder_of_bodies_drafts_a_spec_that_decodes_each_of_them() {
    let dir = temp_dir("infer-folder");
    let captures = dir.join("igel-imi");
    std::fs::create_dir_all(&captures).unwrap();
    for (file, body) in IGEL {
        std::fs::write(captures.join(file), body).unwrap();
    }
    let toml = success(&errspec(&["infer", captures.to_str().unwrap()]));
    assert!(toml.contains("name = \"IgelImi\""), "{toml}");
    assert!(toml.contains("code = \"/errorCode\""), "{toml}");
    assert!(
        toml.contains("message = \"Thin client with ID {id} not found.\""),
        "{toml}"
    );
    // Directory names have spaces: a value of several words is one parameter.
    assert!(
        toml.contains("message = \"Directory '{directory}' already exists.\""),
        "{toml}"
    );
    let spec = checked_spec(&dir, &toml);
    for (file, body) in IGEL {
        let status: u16 = file.split('.').next().unwrap().parse().unwrap();
        let response = decoded(&spec, status, body, &[]);
        let first = &response["errors"][0];
        assert_ne!(first["variant"], "Unknown", "{file}: {response}");
        assert_eq!(first["documented_status"], status, "{file}: {response}");
    }
    let response = decoded(&spec, 404, IGEL[2].1, &[]);
    assert_eq!(response["errors"][0]["details"]["id"], "1337");
    assert_eq!(response["fallback"], Value::Null);
    let response = decoded(&spec, 409, IGEL[5].1, &[]);
    assert_eq!(response["errors"][0]["details"]["directory"], "Front desk");
    let page = decoded(&spec, 502, IGEL[6].1, &[]);
    assert_eq!(page["errors"][0]["variant"], "BadGateway");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn infer_from_a_har_file_finds_arrays_of_errors_statuses_and_the_request_id() {
    use base64::Engine as _;
    let dir = temp_dir("infer-har");
    let entry = |url: &str, status: u16, body: &str, base64: bool| {
        let text = if base64 {
            base64::engine::general_purpose::STANDARD.encode(body)
        } else {
            body.to_owned()
        };
        let mut content = json!({"size": body.len(), "mimeType": "application/json", "text": text});
        if base64 {
            content["encoding"] = json!("base64");
        }
        json!({
            "startedDateTime": "2026-11-29T08:00:00.000Z",
            "request": {"method": "POST", "url": url, "headers": []},
            "response": {
                "status": status,
                "statusText": "",
                "headers": [
                    {"name": "Content-Type", "value": "application/json; charset=utf-8"},
                    {"name": "X-Request-Id", "value": format!("req-{status}-{}", url.len())},
                ],
                "content": content,
            },
        })
    };
    let bodies = [
        (
            "https://api.netilion.endress.com/v1/assets",
            400,
            r#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}, {"type": "blank", "message": "can't be blank", "attribute": "product"}]}"#,
        ),
        (
            "https://api.netilion.endress.com/v1/assets/9",
            404,
            r#"{"errors": [{"type": "not_found", "message": "Asset with id 9 not found"}]}"#,
        ),
        (
            "https://api.netilion.endress.com/v1/assets/12",
            404,
            r#"{"errors": [{"type": "not_found", "message": "Asset with id 12 not found"}]}"#,
        ),
        (
            "https://api.netilion.endress.com/v1/users/me",
            401,
            r#"{"errors": [{"type": "unauthorized", "message": "Unauthorized"}]}"#,
        ),
        (
            "https://api.netilion.endress.com/v1/assets",
            429,
            r#"{"errors": [{"type": "too_many_requests", "message": "Too many requests, please try again in the next minute"}]}"#,
        ),
    ];
    let entries: Vec<Value> = bodies
        .iter()
        .enumerate()
        .map(|(index, (url, status, body))| entry(url, *status, body, index % 2 == 1))
        .chain([entry(
            "https://api.netilion.endress.com/v1/assets",
            200,
            r#"{"id": 1}"#,
            false,
        )])
        .collect();
    let har = json!({"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "133.0"}, "entries": entries}});
    let har_path = dir.join("netilion.har");
    std::fs::write(&har_path, serde_json::to_vec_pretty(&har).unwrap()).unwrap();

    let toml = success(&errspec(&[
        "infer",
        har_path.to_str().unwrap(),
        "--name",
        "Netilion",
    ]));
    for expected in [
        "errors = \"/errors\"",
        "code = \"/type\"",
        "message = \"/message\"",
        "request_id = \"x-request-id\"",
        "message = \"Asset with id {id} not found\"",
    ] {
        assert!(toml.contains(expected), "no `{expected}` in\n{toml}");
    }
    let spec = checked_spec(&dir, &toml);
    for (_, status, body) in bodies {
        let response = decoded(&spec, status, body, &["X-Request-Id: abc"]);
        assert_eq!(response["request_id"], "abc");
        for error in response["errors"].as_array().unwrap() {
            assert_ne!(error["variant"], "Unknown", "{body}: {response}");
            assert_eq!(error["documented_status"], status, "{body}: {response}");
        }
    }
    let json: Value = serde_json::from_str(&success(&errspec(&[
        "infer",
        har_path.to_str().unwrap(),
        "--json",
    ])))
    .unwrap();
    assert_eq!(json["errors"], 5);
    assert!(json["spec"].as_str().unwrap().contains("[[error]]"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn infer_of_nothing_to_learn_from_is_one_error_line() {
    let dir = temp_dir("infer-empty");
    let output = errspec(&["infer", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("holds no error response"), "{stderr}");
    std::fs::remove_dir_all(dir).ok();
}

fn openapi(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/openapi")
        .join(file)
        .to_string_lossy()
        .into_owned()
}

/// What `errspec import openapi <file>` says on standard error, failing with status 1.
fn import_error(file: &Path) -> String {
    let output = errspec(&["import", "openapi", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Imports `file`, checks the spec, and decodes each `(status, body)`: every one must decode
/// to the documented variant given.
fn import_and_decode(file: &str, cases: &[(u16, &str, &str)]) -> String {
    let dir = temp_dir(&format!("import-{file}"));
    let toml = success(&errspec(&["import", "openapi", &openapi(file)]));
    let spec = checked_spec(&dir, &toml);
    for (status, body, variant) in cases {
        let response = decoded(&spec, *status, body, &[]);
        assert_eq!(
            response["errors"][0]["variant"], *variant,
            "{body}: {response}\n{toml}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
    toml
}

#[test]
fn import_of_an_error_schema_with_an_enum_of_codes() {
    let toml = import_and_decode(
        "payments.json",
        &[
            (
                402,
                r#"{"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined.", "param": "source"}}"#,
                "CardDeclined",
            ),
            (
                402,
                r#"{"error": {"type": "card_error", "code": "insufficient_funds", "message": "Your card has insufficient funds."}}"#,
                "InsufficientFunds",
            ),
            (
                429,
                r#"{"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests hit the API too quickly."}}"#,
                "RateLimit",
            ),
            (401, "", "Unauthorized"),
            (
                503,
                "<html><body>503 Service Temporarily Unavailable</body></html>",
                "ServerError",
            ),
        ],
    );
    assert!(toml.contains("name = \"AcmePaymentsApi\""), "{toml}");
    assert!(
        toml.contains("error = \"/error\"\ncode = [\"/code\", \"/type\"]\nmessage = \"/message\""),
        "{toml}"
    );
    // The example of a code gives its status; a code of the enum without one stays open.
    assert!(
        toml.contains("code = \"card_declined\"\nvariant = \"CardDeclined\"\nstatus = 402"),
        "{toml}"
    );
    assert!(
        toml.contains("# Guess: no status: the schema is used by the responses 402, 429, and no example says which.\n[[error]]\ncode = \"expired_card\""),
        "{toml}"
    );
    assert!(toml.contains("\"5xx\" = \"ServerError\""), "{toml}");
}

#[test]
fn import_of_rfc_9457_problem_details_in_yaml() {
    let toml = import_and_decode(
        "problem.yaml",
        &[
            (
                404,
                r#"{"type": "https://api.example.com/problems/order-not-found", "title": "Order not found", "status": 404, "detail": "No order has the id 4711.", "instance": "/orders/4711"}"#,
                "OrderNotFound",
            ),
            (
                409,
                r#"{"type": "https://api.example.com/problems/stale-order", "title": "Stale order", "status": 409}"#,
                "StaleOrder",
            ),
            (
                422,
                r#"{"type": "https://api.example.com/problems/out-of-credit", "title": "You do not have enough credit.", "status": 422, "detail": "Your current balance is 30, but that costs 50."}"#,
                "OutOfCredit",
            ),
            (
                500,
                r#"{"type": "about:blank", "title": "Internal Server Error", "status": 500}"#,
                "OtherError",
            ),
        ],
    );
    assert!(
        toml.contains(
            "code = \"/type\"\nmessage = [\"/detail\", \"/title\"]\nstatus = \"/status\""
        ),
        "{toml}"
    );
    assert!(toml.contains("title = \"Orders API\""), "{toml}");
}

#[test]
fn import_of_one_error_schema_shared_by_several_statuses() {
    let toml = import_and_decode(
        "shared.yaml",
        &[
            (
                400,
                r#"{"errorCode": "FIELD_REQUIRED", "message": "Field 'title' is required.", "status": 400}"#,
                "FieldRequired",
            ),
            (
                404,
                r#"{"errorCode": "TICKET_NOT_FOUND", "message": "Ticket 42 does not exist.", "status": 404}"#,
                "TicketNotFound",
            ),
            (
                409,
                r#"{"errorCode": "TICKET_LOCKED", "message": "Ticket 42 is locked by agent 7.", "status": 409}"#,
                "TicketLocked",
            ),
            (
                400,
                r#"{"errorCode": "FIELD_INVALID", "message": "Field 'due' is invalid.", "status": 400}"#,
                "FieldInvalid",
            ),
        ],
    );
    for (code, status) in [
        ("FIELD_REQUIRED", Some(400)),
        ("TICKET_NOT_FOUND", Some(404)),
        ("TICKET_LOCKED", None),
        ("FIELD_INVALID", None),
    ] {
        let block = toml
            .split("[[error]]")
            .find(|block| block.contains(&format!("code = \"{code}\"")))
            .expect(code);
        match status {
            Some(status) => assert!(block.contains(&format!("status = {status}")), "{block}"),
            None => assert!(!block.contains("status ="), "{block}"),
        }
    }
    assert!(
        toml.contains("Guess: no status: the schema is used by the responses 400, 404, 409"),
        "{toml}"
    );
    let json: Value = serde_json::from_str(&success(&errspec(&[
        "import",
        "openapi",
        &openapi("shared.yaml"),
        "--json",
    ])))
    .unwrap();
    // Four codes, and an entry per documented status and class beside them.
    assert_eq!(json["errors"], 9);
    assert!(
        toml.contains("[fallback]\n400 = \"BadRequest\"\n404 = \"NotFound\"\n409 = \"Conflict\""),
        "{toml}"
    );
}

#[test]
fn import_of_what_is_neither_openapi_3_nor_swagger_2_is_one_error_line() {
    let dir = temp_dir("import-bad");
    let swagger = dir.join("swagger.json");
    std::fs::write(
        &swagger,
        r#"{"swagger": "1.2", "info": {"title": "Old"}, "paths": {}}"#,
    )
    .unwrap();
    let stderr = import_error(&swagger);
    assert!(
        stderr.contains("is neither an OpenAPI 3 nor a Swagger 2.0 document"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn import_of_a_document_in_several_files_follows_relative_references() {
    let dir = temp_dir("import-files");
    std::fs::create_dir_all(dir.join("api/responses")).unwrap();
    std::fs::create_dir_all(dir.join("api/models")).unwrap();
    std::fs::write(
        dir.join("api/root.yaml"),
        "openapi: 3.0.0\ninfo:\n  title: Droplets\npaths:\n  /droplets/{id}:\n    get:\n      responses:\n        '200':\n          description: ok\n        '401':\n          $ref: 'responses/unauthorized.yml'\n        '404':\n          $ref: 'responses/not_found.yml'\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("api/responses/unauthorized.yml"),
        "description: Unauthorized\ncontent:\n  application/json:\n    schema:\n      $ref: '../models/error.yml'\n    example:\n      id: unauthorized\n      message: Unable to authenticate you.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("api/responses/not_found.yml"),
        "description: The resource was not found.\ncontent:\n  application/json:\n    schema:\n      $ref: './../models/error.yml'\n    example:\n      id: not_found\n      message: The resource you were accessing could not be found.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("api/models/error.yml"),
        "type: object\nproperties:\n  id:\n    type: string\n    description: A short identifier corresponding to the HTTP status code returned.\n    example: not_found\n  message:\n    type: string\n  request_id:\n    type: string\n",
    )
    .unwrap();
    let root = dir.join("api/root.yaml");
    let toml = success(&errspec(&["import", "openapi", root.to_str().unwrap()]));
    assert!(
        toml.contains("from 2 error responses of Droplets (4 files)"),
        "{toml}"
    );
    assert!(
        toml.contains("code = \"/id\"\nmessage = \"/message\"\nrequest_id = \"/request_id\""),
        "{toml}"
    );
    let spec = checked_spec(&dir, &toml);
    let response = decoded(
        &spec,
        404,
        r#"{"id": "not_found", "message": "The resource you were accessing could not be found.", "request_id": "4d3b2a1c"}"#,
        &[],
    );
    assert_eq!(
        response["errors"][0]["variant"], "NotFound",
        "{response}\n{toml}"
    );
    assert_eq!(response["errors"][0]["documented_status"], 404);
    assert_eq!(response["request_id"], "4d3b2a1c");
    let response = decoded(
        &spec,
        401,
        r#"{"id": "unauthorized", "message": "Unable to authenticate you."}"#,
        &[],
    );
    assert_eq!(
        response["errors"][0]["variant"], "Unauthorized",
        "{response}"
    );
    assert_eq!(response["errors"][0]["code"], "unauthorized", "{response}");
    // A reference to a file that is not there names both files.
    std::fs::remove_file(dir.join("api/models/error.yml")).unwrap();
    let stderr = import_error(&root);
    assert!(
        stderr.contains("cannot read")
            && stderr.contains("error.yml")
            && stderr.contains("(referenced from"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn import_of_a_document_referring_to_a_remote_one_says_to_bundle_it() {
    let dir = temp_dir("import-remote");
    let file = dir.join("api.json");
    std::fs::write(
        &file,
        r#"{"openapi": "3.1.0", "info": {"title": "Remote"}, "paths": {"/a": {"get": {"responses": {"404": {"$ref": "https://example.com/common.yaml#/responses/NotFound"}}}}}}"#,
    )
    .unwrap();
    let stderr = import_error(&file);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("refers to the remote document https://example.com/common.yaml: bundle the document into one file first"), "{stderr}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn import_of_swagger_2_reads_schemas_and_examples_on_the_responses() {
    let dir = temp_dir("import-swagger");
    let file = dir.join("swagger.json");
    std::fs::write(
        &file,
        r##"{"swagger": "2.0", "info": {"title": "Engine API"}, "paths": {"/containers/{id}/json": {"get": {"responses": {
            "200": {"description": "no error"},
            "404": {"description": "no such container", "schema": {"$ref": "#/definitions/ErrorResponse"}, "examples": {"application/json": {"message": "No such container"}}},
            "500": {"description": "server error", "schema": {"$ref": "#/definitions/ErrorResponse"}}}}}},
          "definitions": {"ErrorResponse": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string", "description": "The error message."}}}}}"##,
    )
    .unwrap();
    let toml = success(&errspec(&["import", "openapi", file.to_str().unwrap()]));
    let spec = checked_spec(&dir, &toml);
    let response = decoded(&spec, 404, r#"{"message": "No such container"}"#, &[]);
    assert_eq!(
        response["errors"][0]["variant"], "NoSuchContainer",
        "{response}\n{toml}"
    );
    assert_eq!(response["errors"][0]["message"], "No such container");
    let response = decoded(
        &spec,
        500,
        r#"{"message": "driver failed programming external connectivity"}"#,
        &[],
    );
    assert_eq!(
        response["errors"][0]["variant"], "InternalServerError",
        "{response}\n{toml}"
    );
    assert_eq!(
        response["errors"][0]["message"],
        "driver failed programming external connectivity"
    );
    std::fs::remove_dir_all(dir).ok();
}

/// An OpenAPI document of `schemas` whose one error response, 400, has the schema `S0`.
fn document_of(schemas: Value) -> Value {
    json!({
        "openapi": "3.0.0",
        "info": {"title": "Loops", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"400": {
            "description": "Bad request",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}
        }}}}},
        "components": {"schemas": schemas}
    })
}

#[test]
fn import_of_schemas_that_contain_themselves_or_name_the_next_twice_ends() {
    let error = json!({"code": {"type": "string", "enum": ["bad", "worse"]}, "message": {"type": "string"}});
    let to = |name: &str| json!({"$ref": format!("#/components/schemas/{name}")});
    let itself = json!({"S0": {"allOf": [to("S0")], "properties": error}});
    let through_another = json!({
        "S0": {"allOf": [to("S1")]},
        "S1": {"allOf": [to("S0")], "properties": error}
    });
    // Each of 40 levels names the next twice: 2^40 merges if each reference were merged anew.
    let mut doubling = serde_json::Map::new();
    for level in 0..40 {
        let next = format!("S{}", level + 1);
        doubling.insert(
            format!("S{level}"),
            json!({"allOf": [to(&next), to(&next)], "properties": {format!("p{level}"): {"type": "string"}}}),
        );
    }
    doubling.insert(
        "S40".into(),
        json!({"allOf": [to("S0")], "properties": error}),
    );
    let dir = temp_dir("import-loops");
    for (name, schemas) in [
        ("itself", itself),
        ("through-another", through_another),
        ("doubling", Value::Object(doubling)),
    ] {
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, document_of(schemas).to_string()).unwrap();
        let toml = success(&errspec(&["import", "openapi", file.to_str().unwrap()]));
        let spec = checked_spec(&dir, &toml);
        let response = decoded(&spec, 400, r#"{"code": "worse", "message": "m"}"#, &[]);
        assert_eq!(response["errors"][0]["variant"], "Worse", "{name}: {toml}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn import_of_many_responses_sharing_one_large_schema_holds_it_once() {
    // 400 responses of one 1 MiB schema: a copy each would be 400 MiB; the import runs in a
    // shell whose address space is limited to 256 MiB.
    let mut paths = serde_json::Map::new();
    for index in 0..400 {
        paths.insert(
            format!("/r{index}"),
            json!({"get": {"responses": {"404": {
                "description": "Not found",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
            }}}}),
        );
    }
    let document = json!({
        "openapi": "3.0.3",
        "info": {"title": "Shared", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Error": {
            "type": "object",
            "description": "x".repeat(1 << 20),
            "properties": {
                "code": {"type": "string", "enum": ["not_found", "gone"]},
                "message": {"type": "string"}
            }
        }}}
    });
    let dir = temp_dir("import-shared");
    let file = dir.join("shared.json");
    std::fs::write(&file, document.to_string()).unwrap();
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "ulimit -v 262144 && exec \"$0\" import openapi \"$1\"",
        ])
        .arg(env!("CARGO_BIN_EXE_errspec"))
        .arg(&file)
        .output()
        .unwrap();
    let toml = success(&output);
    let spec = checked_spec(&dir, &toml);
    let response = decoded(&spec, 404, r#"{"code": "gone", "message": "m"}"#, &[]);
    assert_eq!(response["errors"][0]["variant"], "Gone", "{toml}");
    std::fs::remove_dir_all(dir).ok();
}

/// Numeric codes as the vendor writes them: past 64 bits, with a fraction or an exponent.
const WRITTEN: [&str; 4] = ["1E2", "1.50", "12345678901234567890123", "-0"];

#[test]
fn import_keeps_a_numeric_code_as_the_document_wrote_it() {
    let dir = temp_dir("import-numbers");
    let json = format!(
        r##"{{"openapi": "3.0.0", "info": {{"title": "Numbers", "version": "1"}},
          "paths": {{"/a": {{"get": {{"responses": {{"400": {{"description": "Bad request",
            "content": {{"application/json": {{"schema": {{"$ref": "#/components/schemas/Error"}},
              "example": {{"code": 2.50, "message": "shown"}}}}}}}}}}}}}}}},
          "components": {{"schemas": {{"Error": {{"type": "object", "properties": {{
            "code": {{"type": "number", "enum": [{}]}}, "message": {{"type": "string"}}}}}}}}}}}}"##,
        WRITTEN.join(", ")
    );
    let yaml = "openapi: 3.0.0\ninfo: {title: Numbers, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        400:\n          description: Bad request\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Error'}\ncomponents:\n  schemas:\n    Error:\n      type: object\n      properties:\n        code: {type: number, enum: [1E2, 1.50, 12345678901234567890123, -0, 0x1F, +12]}\n        message: {type: string}\n";
    // YAML's `0x1F` and `+12` are not JSON: a JSON body sends them as 31 and 12.
    for (file, text, written) in [
        (
            "numbers.json",
            json.as_str(),
            &[&WRITTEN[..], &["2.50"]].concat(),
        ),
        (
            "numbers.yaml",
            yaml,
            &[&WRITTEN[..], &["31", "12"]].concat(),
        ),
    ] {
        let path = dir.join(file);
        std::fs::write(&path, text).unwrap();
        let toml = success(&errspec(&["import", "openapi", path.to_str().unwrap()]));
        let spec = checked_spec(&dir, &toml);
        for code in written {
            assert!(
                toml.contains(&format!("code = \"{code}\"")),
                "{file} {code}: {toml}"
            );
            let body = format!(r#"{{"code": {code}, "message": "m"}}"#);
            let response = decoded(&spec, 400, &body, &[]);
            let error = &response["errors"][0];
            assert_eq!(error["code"], *code, "{file}: {response}");
            assert_ne!(error["variant"], "Unknown", "{file}: {response}\n{toml}");
            assert_eq!(error["chosen_by"], "code", "{file}: {response}\n{toml}");
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn infer_keeps_a_numeric_code_as_the_capture_wrote_it() {
    let dir = temp_dir("infer-numbers");
    let captures = dir.join("numbers");
    std::fs::create_dir_all(&captures).unwrap();
    for (index, code) in WRITTEN.iter().chain(&["7"]).enumerate() {
        let body = format!(r#"{{"code": {code}, "message": "message {index}"}}"#);
        std::fs::write(captures.join(format!("400.{index}.json")), body).unwrap();
    }
    let toml = success(&errspec(&["infer", captures.to_str().unwrap()]));
    assert!(toml.contains("code = \"/code\""), "{toml}");
    let spec = checked_spec(&dir, &toml);
    for code in WRITTEN.iter().chain(&["7"]) {
        assert!(
            toml.contains(&format!("code = \"{code}\"")),
            "{code}: {toml}"
        );
        let body = format!(r#"{{"code": {code}, "message": "m"}}"#);
        let response = decoded(&spec, 400, &body, &[]);
        assert_eq!(response["errors"][0]["code"], *code, "{response}");
        assert_eq!(
            response["errors"][0]["chosen_by"], "code",
            "{response}\n{toml}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}
