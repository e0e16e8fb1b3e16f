//! `errspec import openapi`: a starting spec from an OpenAPI 3.x document (JSON or YAML): the
//! envelope from the error responses' schemas, wire codes from the `enum` or the examples of
//! the code property, documented statuses from the response keys, descriptions, and a comment
//! on every guess.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use serde_json::{Map, Value};

use super::draft::{self, At, Draft};
use super::infer::{CODE_KEYS, MESSAGE_KEYS};

/// Reads an OpenAPI document: JSON, else YAML.
///
/// # Errors
/// One line when the file cannot be read or is neither.
pub fn read(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let document: Value = match serde_json::from_str(&text) {
        Ok(document) => document,
        Err(_) => serde_norway::from_str(&text)
            .map_err(|error| format!("{} is neither JSON nor YAML: {error}", path.display()))?,
    };
    let version = document
        .get("openapi")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !version.starts_with('3') {
        return Err(format!(
            "{} is not an OpenAPI 3 document (its `openapi` is {:?})",
            path.display(),
            document
                .get("openapi")
                .map(ToString::to_string)
                .unwrap_or_default()
        ));
    }
    Ok(document)
}

/// One documented error response.
struct Response {
    /// The status key as written: `404`, `4XX`, `default`.
    key: String,
    /// Its description.
    description: Option<String>,
    /// The name of its schema when it is a reference, for grouping.
    schema_name: Option<String>,
    /// The schema, references followed and `allOf` merged.
    schema: Value,
    /// Whether it is RFC 9457 problem details.
    problem: bool,
    /// The bodies its examples show.
    examples: Vec<Value>,
}

/// The spec drafted from `document`, named `name`.
#[must_use]
pub fn import(document: &Value, name: &str) -> Draft {
    let responses = responses(document);
    let mut draft = Draft {
        name: name.to_owned(),
        title: document
            .pointer("/info/title")
            .and_then(Value::as_str)
            .map(str::to_owned),
        ..Draft::default()
    };
    draft.notes.push(format!(
        "Drafted by `errspec import openapi` from {} error responses of {}: check every guess\n(marked so) against the vendor's documentation, then run `errspec check`.",
        responses.len(),
        draft.title.as_deref().unwrap_or("an OpenAPI document")
    ));
    // The schema most error responses use decides the envelope.
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for response in &responses {
        *uses
            .entry(response.schema_name.clone().unwrap_or_default())
            .or_default() += 1;
    }
    let Some(main) = responses.iter().max_by_key(|response| {
        (
            uses[&response.schema_name.clone().unwrap_or_default()],
            response.schema.get("properties").is_some(),
        )
    }) else {
        draft.notes.push(
            "No error response has a JSON schema: every error is chosen by status.".to_owned(),
        );
        status_entries(&mut draft, &[], &[]);
        return draft;
    };
    let shape = shape(&main.schema, main.problem);
    draft.envelope.notes.push(format!(
        "From the schema {} (used by {} of {} error responses).",
        main.schema_name
            .as_deref()
            .map_or("of the error responses".to_owned(), |name| format!(
                "`{name}`"
            )),
        uses[&main.schema_name.clone().unwrap_or_default()],
        responses.len()
    ));
    draft.envelope.notes.extend(shape.notes.clone());
    draft.envelope.at = Some(shape.at.clone());
    draft.envelope.code = shape.code.as_ref().map(|key| format!("/{key}"));
    draft.envelope.message = shape.message.iter().map(|key| format!("/{key}")).collect();
    draft.envelope.status = shape
        .status
        .as_ref()
        .map(|(key, as_string)| (format!("/{key}"), *as_string));
    let same_schema: Vec<&Response> = responses
        .iter()
        .filter(|response| response.schema_name == main.schema_name)
        .collect();
    let coded = code_entries(&mut draft, &shape, &same_schema);
    status_entries(&mut draft, &responses, &coded);
    draft
}

/// Every error response of every operation (status 400 and up, a class, or `default`).
fn responses(document: &Value) -> Vec<Response> {
    let mut found = Vec::new();
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return found;
    };
    for item in paths.values() {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, operation) in item {
            if ![
                "get", "put", "post", "delete", "options", "head", "patch", "trace",
            ]
            .contains(&method.as_str())
            {
                continue;
            }
            let Some(responses) = operation.get("responses").and_then(Value::as_object) else {
                continue;
            };
            for (key, response) in responses {
                let is_error = match key.parse::<u16>() {
                    Ok(status) => status >= 400,
                    Err(_) => {
                        matches!(key.to_ascii_uppercase().as_str(), "4XX" | "5XX" | "DEFAULT")
                    }
                };
                if !is_error {
                    continue;
                }
                let response = resolve(document, response);
                let description = response
                    .get("description")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                let content = response.get("content").and_then(Value::as_object);
                let media = content
                    .and_then(|content| content.iter().find(|(media, _)| media.contains("json")));
                let (problem, schema_name, schema, examples) = match media {
                    Some((media, body)) => {
                        let raw = body.get("schema").cloned().unwrap_or(Value::Null);
                        let schema_name = raw
                            .get("$ref")
                            .and_then(Value::as_str)
                            .and_then(|reference| reference.rsplit('/').next())
                            .map(str::to_owned);
                        let schema = flatten(document, &raw);
                        let mut examples: Vec<Value> =
                            body.get("example").cloned().into_iter().collect();
                        if let Some(named) = body.get("examples").and_then(Value::as_object) {
                            examples.extend(named.values().filter_map(|example| {
                                resolve(document, example).get("value").cloned()
                            }));
                        }
                        if examples.is_empty() {
                            examples.extend(schema.get("example").cloned());
                        }
                        (media.contains("problem"), schema_name, schema, examples)
                    }
                    None => (false, None, Value::Null, Vec::new()),
                };
                found.push(Response {
                    key: key.clone(),
                    description,
                    schema_name,
                    schema,
                    problem,
                    examples,
                });
            }
        }
    }
    found
}

/// `value`, or what its `$ref` points at in `document` (followed up to 16 times).
fn resolve<'a>(document: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..16 {
        let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
            return value;
        };
        let Some(target) = reference
            .strip_prefix('#')
            .and_then(|pointer| document.pointer(pointer))
        else {
            return value;
        };
        value = target;
    }
    value
}

/// A schema with references followed and the properties of `allOf` parts merged.
fn flatten(document: &Value, schema: &Value) -> Value {
    let schema = resolve(document, schema);
    let Some(all_of) = schema.get("allOf").and_then(Value::as_array) else {
        return schema.clone();
    };
    let mut properties = Map::new();
    for part in all_of {
        if let Some(part_properties) = flatten(document, part)
            .get("properties")
            .and_then(Value::as_object)
        {
            properties.extend(part_properties.clone());
        }
    }
    let mut merged = schema.clone();
    if let Some(object) = merged.as_object_mut() {
        object.remove("allOf");
        object.insert("type".into(), Value::from("object"));
        object.insert("properties".into(), Value::Object(properties));
    }
    merged
}

/// Where an error sits in bodies of one schema.
#[derive(Debug, Clone)]
struct Shape {
    at: (At, String),
    /// The path from the body to an error object, as keys.
    inside: Vec<String>,
    /// The code's key in the error object.
    code: Option<String>,
    message: Vec<String>,
    status: Option<(String, bool)>,
    /// The code property's schema.
    code_schema: Value,
    notes: Vec<String>,
}

/// The shape of error bodies of `schema`.
fn shape(schema: &Value, problem: bool) -> Shape {
    let properties = |schema: &Value| {
        schema
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let top = properties(schema);
    let is_problem = problem
        || ["type", "title", "status", "detail"]
            .iter()
            .filter(|key| top.contains_key(**key))
            .count()
            >= 3;
    if is_problem {
        return Shape {
            at: (At::Error, String::new()),
            inside: Vec::new(),
            code: Some("type".into()),
            message: vec!["detail".into(), "title".into()],
            status: Some(("status".into(), false)),
            code_schema: top.get("type").cloned().unwrap_or(Value::Null),
            notes: vec![
                "RFC 9457 problem details: the code is `type`, the message `detail`, else `title`."
                    .into(),
            ],
        };
    }
    // The error object: the body, an object under one key, or the items of an array.
    let has_code = |object: &Map<String, Value>| pick(object, CODE_KEYS).is_some();
    let (at, inside, object, note) = if has_code(&top) {
        ((At::Error, String::new()), Vec::new(), top.clone(), None)
    } else if let Some((key, nested)) = top.iter().find_map(|(key, value)| {
        let nested = properties(value);
        has_code(&nested).then_some((key, nested))
    }) {
        (
            (At::Error, format!("/{key}")),
            vec![key.clone()],
            nested,
            Some(format!("Guess: the error is the object under `{key}`.")),
        )
    } else if let Some((key, items)) = top.iter().find_map(|(key, value)| {
        let items = value.get("items").map(&properties).filter(has_code)?;
        Some((key, items))
    }) {
        (
            (At::Errors, format!("/{key}")),
            vec![key.clone()],
            items,
            Some(format!("Guess: each item of `{key}` is an error.")),
        )
    } else {
        ((At::Error, String::new()), Vec::new(), top.clone(), None)
    };
    let code = pick(&object, CODE_KEYS);
    let message = pick(&object, MESSAGE_KEYS);
    let status = object.get("status").and_then(|status| {
        let kind = status.get("type").and_then(Value::as_str)?;
        matches!(kind, "integer" | "number" | "string")
            .then(|| ("status".to_owned(), kind == "string"))
    });
    let mut notes: Vec<String> = note.into_iter().collect();
    match &code {
        Some(code) => notes.push(format!("Guess: the code is the property `{code}`.")),
        None => {
            notes.push("No property looks like a code: every error is chosen by status.".into())
        }
    }
    Shape {
        at,
        inside,
        code_schema: code
            .as_ref()
            .and_then(|code| object.get(code))
            .cloned()
            .unwrap_or(Value::Null),
        code,
        message: message.into_iter().collect(),
        status,
        notes,
    }
}

/// The first property of `object` (any case) among `names`, in the order of `names`, whose
/// schema is a scalar: a code or a message is text or a number, never an object or array.
fn pick(object: &Map<String, Value>, names: &[&str]) -> Option<String> {
    let scalar = |schema: &Value| {
        let kind = schema.get("type").and_then(Value::as_str);
        !matches!(kind, Some("object" | "array"))
            && schema.get("properties").is_none()
            && schema.get("items").is_none()
    };
    names.iter().find_map(|name| {
        object
            .iter()
            .find(|(key, schema)| key.eq_ignore_ascii_case(name) && scalar(schema))
            .map(|(key, _)| key.clone())
    })
}

/// One entry per wire code the schema's `enum` or the examples name; returns the statuses
/// whose responses got a code.
fn code_entries(draft: &mut Draft, shape: &Shape, responses: &[&Response]) -> Vec<String> {
    let Some(code_key) = &shape.code else {
        return Vec::new();
    };
    // Code -> (statuses of the examples that show it, a message of one).
    let mut shown: BTreeMap<String, (BTreeSet<u16>, Option<String>)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut covered = Vec::new();
    for response in responses {
        let status = response.key.parse::<u16>().ok();
        for example in &response.examples {
            let mut errors: Vec<&Value> = Vec::new();
            let inner = shape
                .inside
                .iter()
                .try_fold(example, |value, key| value.get(key));
            match (inner, &shape.at.0) {
                (Some(Value::Array(items)), At::Errors) => errors.extend(items),
                (Some(value), _) => errors.push(value),
                (None, _) => {}
            }
            for error in errors {
                let Some(code) = error.get(code_key).and_then(|code| match code {
                    Value::String(text) => Some(text.clone()),
                    Value::Number(number) => Some(number.to_string()),
                    _ => None,
                }) else {
                    continue;
                };
                let message = shape
                    .message
                    .iter()
                    .find_map(|key| error.get(key).and_then(Value::as_str))
                    .map(str::to_owned);
                let entry = shown.entry(code.clone()).or_insert_with(|| {
                    order.push(code.clone());
                    (BTreeSet::new(), None)
                });
                entry.0.extend(status);
                if entry.1.is_none() {
                    entry.1 = message;
                }
                covered.push(response.key.clone());
            }
        }
    }
    let enumerated: Vec<String> = shape
        .code_schema
        .get("enum")
        .and_then(Value::as_array)
        .map(|values| {
            values
                .iter()
                .filter_map(|value| match value {
                    Value::String(text) => Some(text.clone()),
                    Value::Number(number) => Some(number.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let statuses: BTreeSet<u16> = responses
        .iter()
        .filter_map(|response| response.key.parse().ok())
        .collect();
    let status_list = statuses
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let mut taken = HashSet::new();
    for code in enumerated
        .iter()
        .chain(order.iter().filter(|code| !enumerated.contains(code)))
    {
        let (example_statuses, message) = shown.get(code).cloned().unwrap_or_default();
        let mut notes = Vec::new();
        if enumerated.contains(code) {
            notes.push(format!("From the `enum` of `{code_key}`."));
        } else {
            notes.push(format!("From an example of `{code_key}`."));
        }
        let status = match (example_statuses.len(), statuses.len()) {
            (1, _) => example_statuses.first().copied(),
            (0, 1) => statuses.first().copied(),
            (0, _) => {
                notes.push(format!("Guess: no status: the schema is used by the responses {status_list}, and no example says which."));
                None
            }
            _ => {
                notes.push("Guess: no status: examples show it with several.".to_owned());
                None
            }
        };
        draft.errors.push(draft::Error {
            variant: draft::variant_name(code.rsplit('/').next().unwrap_or(code), &mut taken),
            code: Some(code.clone()),
            status,
            message: None,
            description: message,
            notes,
        });
    }
    if !draft.errors.is_empty() {
        covered.extend(statuses.iter().map(u16::to_string));
    }
    covered
}

/// Status-only entries for the error responses no code covers, chosen by `[fallback]`.
fn status_entries(draft: &mut Draft, responses: &[Response], covered: &[String]) {
    let mut taken: HashSet<String> = draft
        .errors
        .iter()
        .map(|error| error.variant.clone())
        .collect();
    let mut seen = HashSet::new();
    for response in responses {
        if covered.contains(&response.key) || !seen.insert(response.key.to_ascii_lowercase()) {
            continue;
        }
        let (variant, status, key) = match response.key.parse::<u16>() {
            Ok(status) => (
                draft::status_variant(status, &mut taken),
                Some(status),
                status.to_string(),
            ),
            Err(_) => {
                let class = response.key.to_ascii_lowercase();
                let name = match class.as_str() {
                    "4xx" => "Client error",
                    "5xx" => "Server error",
                    _ => "Other error",
                };
                (draft::variant_name(name, &mut taken), None, class)
            }
        };
        draft.errors.push(draft::Error {
            code: None,
            variant: variant.clone(),
            status,
            message: None,
            description: response.description.clone(),
            notes: vec![format!(
                "The `{}` response names no code: chosen by status.",
                response.key
            )],
        });
        draft.fallback.push((key, variant));
    }
}
