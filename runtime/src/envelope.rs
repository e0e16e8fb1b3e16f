//! Reading the errors out of a response body, as a spec's `[envelope]` describes it.
//!
//! This part knows nothing of codes or variants: it finds each error object and reads its
//! code, message, status, extra fields and batch items into [`RawError`]s. The generated
//! code (or the CLI's interpreter) turns those into typed errors.

use serde_json::{Map, Value};

use crate::status::status_from_json;
use crate::BatchItem;

/// Where the parts of an error sit in a body. Pointers are JSON pointers (RFC 6901);
/// all but `at` are relative to the error object.
#[derive(Debug, Clone, Copy)]
pub struct Envelope<'a> {
    /// Where the error object (or, with `many`, the array of error objects) sits.
    pub at: &'a str,
    /// Whether `at` holds an array of errors rather than one error.
    pub many: bool,
    /// The wire code.
    pub code: &'a str,
    /// The message.
    pub message: Option<&'a str>,
    /// An HTTP status inside the error.
    pub status: Option<&'a str>,
    /// The extra fields, in the order of the generated variant's fields.
    pub fields: &'a [&'a str],
    /// The code of an error that wraps several.
    pub multiple: Option<Multiple<'a>>,
    /// Per-item results of batch writes.
    pub batch: Option<Batch<'a>>,
}

/// A wrapper error holding an array of inner errors.
#[derive(Debug, Clone, Copy)]
pub struct Multiple<'a> {
    /// The wrapper's wire code.
    pub code: &'a str,
    /// Where the inner errors sit, relative to the wrapper.
    pub inner: &'a str,
}

/// Where per-item batch results sit and how an item reads.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    /// The array of items, relative to the error object.
    pub at: &'a str,
    /// The key of an item's id.
    pub id: &'a str,
    /// The key of an item's message.
    pub message: &'a str,
    /// Whether a body that is only the array of items is accepted.
    pub bare: bool,
}

/// One error as found in a body, before its code is looked up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawError {
    /// The wire code, if the error had one.
    pub code: Option<String>,
    /// The message, if the error had a readable one.
    pub message: Option<String>,
    /// The status inside the error, if it had a valid one.
    pub status: Option<u16>,
    /// The extra fields, one per [`Envelope::fields`] entry.
    pub fields: Vec<Option<String>>,
    /// Batch item results.
    pub items: Vec<BatchItem>,
}

impl RawError {
    /// Takes the extra field at `index`.
    pub fn take_field(&mut self, index: usize) -> Option<String> {
        self.fields.get_mut(index).and_then(Option::take)
    }
}

/// How deep `multiple` wrappers may nest inside each other.
const MAX_WRAPPER_DEPTH: usize = 8;

/// The errors a body holds, in order; empty when it holds none that can be read.
#[must_use]
pub fn read_errors(envelope: &Envelope<'_>, body: &[u8]) -> Vec<RawError> {
    let Some(document) = parse_json(body) else {
        return Vec::new();
    };
    let mut errors = Vec::new();
    match document.pointer(envelope.at) {
        Some(Value::Array(list)) if envelope.many => {
            for error in list {
                read_error(envelope, error, 0, &mut errors);
            }
        }
        Some(error) => read_error(envelope, error, 0, &mut errors),
        None => {}
    }
    if errors.is_empty() {
        if let Some(items) = bare_batch(envelope, &document) {
            errors.push(RawError {
                fields: vec![None; envelope.fields.len()],
                items,
                ..RawError::default()
            });
        }
    }
    errors
}

/// The document in `body`, if it is JSON. A BOM and surrounding whitespace are ignored;
/// invalid UTF-8 inside strings is replaced rather than failing the whole body.
fn parse_json(body: &[u8]) -> Option<Value> {
    let body = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .trim_ascii();
    if body.is_empty() {
        return None;
    }
    match serde_json::from_slice(body) {
        Ok(document) => Some(document),
        Err(_) if std::str::from_utf8(body).is_err() => {
            serde_json::from_str(&String::from_utf8_lossy(body)).ok()
        }
        Err(_) => None,
    }
}

fn read_error(envelope: &Envelope<'_>, error: &Value, depth: usize, out: &mut Vec<RawError>) {
    if !(error.is_object() || error.is_array()) {
        return;
    }
    let code = error.pointer(envelope.code).and_then(code_text);
    if let (Some(multiple), Some(code)) = (envelope.multiple, code.as_deref()) {
        if code == multiple.code && depth < MAX_WRAPPER_DEPTH {
            if let Some(Value::Array(inner)) = error.pointer(multiple.inner) {
                let before = out.len();
                for each in inner {
                    read_error(envelope, each, depth + 1, out);
                }
                if out.len() > before {
                    return;
                }
            }
        }
    }
    let message = envelope
        .message
        .and_then(|pointer| error.pointer(pointer))
        .and_then(message_text);
    let items = envelope
        .batch
        .and_then(|batch| {
            let list = error.pointer(batch.at)?.as_array()?;
            Some(batch_items(&batch, list))
        })
        .unwrap_or_default();
    if code.is_none() && message.is_none() && items.is_empty() {
        return;
    }
    out.push(RawError {
        code,
        message,
        status: envelope
            .status
            .and_then(|pointer| error.pointer(pointer))
            .and_then(status_from_json),
        fields: envelope
            .fields
            .iter()
            .map(|pointer| error.pointer(pointer).and_then(field_text))
            .collect(),
        items,
    });
}

fn bare_batch(envelope: &Envelope<'_>, document: &Value) -> Option<Vec<BatchItem>> {
    let batch = envelope.batch.filter(|batch| batch.bare)?;
    let list = document.as_array()?;
    if list.is_empty() || !list.iter().all(Value::is_object) {
        return None;
    }
    Some(batch_items(&batch, list))
}

fn batch_items(batch: &Batch<'_>, list: &[Value]) -> Vec<BatchItem> {
    list.iter()
        .filter_map(Value::as_object)
        .map(|item| batch_item(batch, item))
        .collect()
}

fn batch_item(batch: &Batch<'_>, item: &Map<String, Value>) -> BatchItem {
    let message = item
        .get(batch.message)
        .and_then(message_text)
        .unwrap_or_default();
    let (id, ok) = match item.get(batch.id) {
        Some(Value::Bool(false) | Value::Null) => (None, false),
        Some(Value::Bool(true)) => (None, true),
        Some(id) => (field_text(id), true),
        None => item
            .iter()
            .find_map(|(key, value)| {
                (key != batch.message)
                    .then(|| value.as_bool())
                    .flatten()
                    .map(|ok| (Some(key.clone()), ok))
            })
            .unwrap_or((None, false)),
    };
    BatchItem { id, ok, message }
}

fn code_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn message_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

fn field_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::{read_errors, Batch, Envelope, Multiple, RawError};
    use crate::BatchItem;

    const NESTED: Envelope<'static> = Envelope {
        at: "/error",
        many: false,
        code: "/code",
        message: Some("/message"),
        status: Some("/status"),
        fields: &["/path"],
        multiple: Some(Multiple {
            code: "multiple",
            inner: "/inner",
        }),
        batch: None,
    };

    const POSITIONAL: Envelope<'static> = Envelope {
        at: "",
        many: false,
        code: "/0",
        message: Some("/1"),
        status: None,
        fields: &[],
        multiple: None,
        batch: Some(Batch {
            at: "/1",
            id: "id",
            message: "message",
            bare: true,
        }),
    };

    #[test]
    fn reads_a_nested_error_with_its_status_and_fields() {
        let body = br#"{"error": {"code": "mvnoAccount", "status": 404, "message": "MVNO account not found", "path": "mvnoAccount"}}"#;
        assert_eq!(
            read_errors(&NESTED, body),
            vec![RawError {
                code: Some("mvnoAccount".into()),
                message: Some("MVNO account not found".into()),
                status: Some(404),
                fields: vec![Some("mvnoAccount".into())],
                items: vec![],
            }]
        );
    }

    #[test]
    fn a_multiple_wrapper_yields_its_inner_errors() {
        let body = br#"{"error": {"code": "multiple", "status": 422, "inner": [
            {"message": "User not found", "code": "userId", "status": 404},
            {"message": "Invalid street", "code": "address.street", "status": 422}]}}"#;
        let errors = read_errors(&NESTED, body);
        let codes: Vec<_> = errors.iter().map(|e| e.code.as_deref()).collect();
        assert_eq!(codes, [Some("userId"), Some("address.street")]);
        assert_eq!(errors[0].status, Some(404));
    }

    #[test]
    fn an_empty_multiple_wrapper_is_itself_the_error() {
        let body = br#"{"error": {"code": "multiple", "status": 422, "inner": []}}"#;
        let errors = read_errors(&NESTED, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("multiple"));
    }

    #[test]
    fn a_positional_error_holds_a_message_or_batch_items() {
        let plain = read_errors(&POSITIONAL, br#"["ERROR_GLPI_ADD", "Bad input"]"#);
        assert_eq!(plain[0].message.as_deref(), Some("Bad input"));
        assert!(plain[0].items.is_empty());

        let batch = read_errors(
            &POSITIONAL,
            br#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#,
        );
        assert_eq!(batch[0].message, None);
        assert_eq!(
            batch[0].items,
            vec![
                BatchItem {
                    id: Some("12".into()),
                    ok: true,
                    message: String::new()
                },
                BatchItem {
                    id: Some("13".into()),
                    ok: false,
                    message: "Item not found".into()
                },
            ]
        );
    }

    #[test]
    fn a_bare_array_of_items_is_read_when_the_spec_allows_it() {
        let errors = read_errors(
            &POSITIONAL,
            br#"[{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]"#,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, None);
        assert_eq!(
            errors[0].items,
            vec![
                BatchItem {
                    id: Some("8".into()),
                    ok: true,
                    message: String::new()
                },
                BatchItem {
                    id: None,
                    ok: false,
                    message: "No permission.".into()
                },
            ]
        );
    }

    #[test]
    fn unreadable_bodies_hold_no_errors() {
        for body in [
            &b""[..],
            b"  ",
            b"<html>502</html>",
            b"null",
            b"{}",
            b"[]",
            b"42",
            b"\"x\"",
        ] {
            assert_eq!(read_errors(&NESTED, body), vec![], "{body:?}");
        }
    }

    #[test]
    fn a_bom_and_invalid_utf8_do_not_lose_the_code() {
        let body =
            b"\xEF\xBB\xBF{\"error\": {\"code\": \"expired\", \"message\": \"bad \xFF byte\"}}";
        let errors = read_errors(&NESTED, body);
        assert_eq!(errors[0].code.as_deref(), Some("expired"));
        assert_eq!(errors[0].message.as_deref(), Some("bad \u{FFFD} byte"));
    }
}
