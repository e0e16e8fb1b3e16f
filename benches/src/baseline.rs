//! The decoders people write by hand, as baselines for errspec's generated one. Each turns
//! a body into the same owned result: a known code with its message (and one extra field),
//! or an unknown code.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

/// The hand-written `match` on each vendor's codes.
pub mod codes {
    include!(concat!(env!("OUT_DIR"), "/hand_codes.rs"));
}

/// What a hand-written decoder produces for one error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hand {
    /// A code the decoder knows, by its index in the vendor's list.
    Known {
        /// Index of the code.
        code: u16,
        /// The message.
        message: String,
        /// One extra field (attribute, path, errorDesc, stack trace).
        field: Option<String>,
    },
    /// Any other code.
    Unknown {
        /// The code, if there was one.
        code: Option<String>,
        /// The message.
        message: String,
    },
}

fn hand(
    lookup: fn(&str) -> Option<u16>,
    code: Option<&str>,
    message: Option<&str>,
    field: Option<&str>,
) -> Hand {
    let message = message.unwrap_or_default().to_owned();
    match code.and_then(lookup) {
        Some(code) => Hand::Known {
            code,
            message,
            field: field.map(str::to_owned),
        },
        None => Hand::Unknown {
            code: code.map(str::to_owned),
            message,
        },
    }
}

/// The floor for any decoder that reads JSON: parse and throw away.
#[must_use]
pub fn ignore(body: &[u8]) -> bool {
    serde_json::from_slice::<IgnoredAny>(body).is_ok()
}

/// The same floor for CBOR bodies.
#[must_use]
pub fn ignore_cbor(body: &[u8]) -> bool {
    ciborium::from_reader::<IgnoredAny, _>(body).is_ok()
}

/// Decoders that parse into `serde_json::Value` and poke at it, the way most people do.
pub mod value {
    use super::{codes, hand, Hand, Value};

    fn text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
        value.get(key).and_then(Value::as_str)
    }

    /// ITSM-NG.
    #[must_use]
    pub fn itsm_ng(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let code = value.get(0).and_then(Value::as_str);
        let message = value.get(1).and_then(Value::as_str);
        vec![hand(codes::itsm_ng, code, message, None)]
    }

    /// IGEL IMI.
    #[must_use]
    pub fn igel_imi(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        vec![hand(
            codes::igel_imi,
            text(&value, "errorCode"),
            text(&value, "message"),
            text(&value, "stackTrace"),
        )]
    }

    /// ITCare.
    #[must_use]
    pub fn itcare(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        vec![hand(
            codes::itcare,
            text(&value, "errorCode"),
            text(&value, "errorMessage"),
            text(&value, "errorDesc"),
        )]
    }

    /// Telecom X, with `multiple`.
    #[must_use]
    pub fn telecomx(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let Some(error) = value.get("error") else {
            return Vec::new();
        };
        let one = |error: &Value| {
            hand(
                codes::telecomx,
                text(error, "code"),
                text(error, "message"),
                text(error, "path"),
            )
        };
        match error.get("inner").and_then(Value::as_array) {
            Some(inner) if text(error, "code") == Some("multiple") => {
                inner.iter().map(one).collect()
            }
            _ => vec![one(error)],
        }
    }

    /// Netilion.
    #[must_use]
    pub fn netilion(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let Some(errors) = value.get("errors").and_then(Value::as_array) else {
            return Vec::new();
        };
        errors
            .iter()
            .map(|error| {
                hand(
                    codes::netilion,
                    text(error, "type"),
                    text(error, "message"),
                    text(error, "attribute"),
                )
            })
            .collect()
    }

    /// GitHub: the error, then the errors nested in it (objects; plain strings are skipped).
    #[must_use]
    pub fn github(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let mut errors = vec![hand(
            codes::github,
            None,
            text(&value, "message"),
            text(&value, "documentation_url"),
        )];
        if let Some(nested) = value.get("errors").and_then(Value::as_array) {
            errors.extend(
                nested
                    .iter()
                    .filter(|error| error.is_object())
                    .map(|error| {
                        hand(
                            codes::github,
                            text(error, "code"),
                            text(error, "message"),
                            text(error, "field"),
                        )
                    }),
            );
        }
        errors
    }

    /// Jira: each of `errorMessages`, then each field of `errors` with its message.
    #[must_use]
    pub fn jira(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let mut errors: Vec<Hand> = value
            .get("errorMessages")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|message| hand(codes::jira, None, message.as_str(), None))
            .collect();
        if let Some(fields) = value.get("errors").and_then(Value::as_object) {
            errors.extend(
                fields
                    .iter()
                    .map(|(field, message)| hand(codes::jira, None, message.as_str(), Some(field))),
            );
        }
        errors
    }

    /// Problem details: the problem, then each of its `errors`.
    #[must_use]
    pub fn problem(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let mut errors = vec![hand(
            codes::problem,
            text(&value, "type"),
            text(&value, "detail").or_else(|| text(&value, "title")),
            text(&value, "instance"),
        )];
        if let Some(nested) = value.get("errors").and_then(Value::as_array) {
            errors.extend(nested.iter().map(|error| {
                hand(
                    codes::problem,
                    None,
                    text(error, "detail").or_else(|| text(error, "title")),
                    text(error, "pointer"),
                )
            }));
        }
        errors
    }

    /// Microsoft Graph: the error and each `innerError` with a code, from the outermost; or
    /// each `$batch` response of status 400 or more.
    #[must_use]
    pub fn graph(body: &[u8]) -> Vec<Hand> {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        if let Some(error) = value.get("error").filter(|error| error.is_object()) {
            errors.push(hand(
                codes::graph,
                text(error, "code"),
                text(error, "message"),
                text(error, "target"),
            ));
            let mut inner = error.get("innerError");
            while let Some(error) = inner {
                if let Some(code) = text(error, "code") {
                    errors.push(hand(
                        codes::graph,
                        Some(code),
                        text(error, "message"),
                        text(error, "date"),
                    ));
                }
                inner = error.get("innerError");
            }
        } else if let Some(responses) = value.get("responses").and_then(Value::as_array) {
            errors.extend(
                responses
                    .iter()
                    .filter(|item| item.get("status").and_then(Value::as_u64) >= Some(400))
                    .map(|item| {
                        let error = item.pointer("/body/error");
                        hand(
                            codes::graph,
                            error.and_then(|error| text(error, "code")),
                            error.and_then(|error| text(error, "message")),
                            text(item, "id"),
                        )
                    }),
            );
        }
        errors
    }

    /// Smithy RPC v2 CBOR, into `ciborium::Value`: the code after the `#` of `__type`.
    #[must_use]
    pub fn rpc_v2_cbor(body: &[u8]) -> Vec<Hand> {
        use ciborium::Value as Cbor;
        let Ok(Cbor::Map(entries)) = ciborium::from_reader::<Cbor, _>(body) else {
            return Vec::new();
        };
        let text = |key: &str| {
            entries
                .iter()
                .find_map(|(name, value)| match (name, value) {
                    (Cbor::Text(name), Cbor::Text(value)) if name == key => Some(value.as_str()),
                    _ => None,
                })
        };
        let code = text("__type").map(|kind| kind.rsplit_once('#').map_or(kind, |(_, code)| code));
        vec![hand(
            codes::rpc_v2_cbor,
            code,
            text("message").or_else(|| text("Message")),
            text("TopLevel"),
        )]
    }
}

/// Decoders with a `#[derive(Deserialize)]` struct per envelope and borrowed strings: the
/// best a careful person writes.
pub mod derive {
    use std::collections::BTreeMap;

    use super::{codes, hand, Cow, Deserialize, Hand};

    #[derive(Deserialize)]
    struct ItsmNg<'a>(#[serde(borrow)] Cow<'a, str>, #[serde(borrow)] Cow<'a, str>);

    /// ITSM-NG.
    #[must_use]
    pub fn itsm_ng(body: &[u8]) -> Vec<Hand> {
        let Ok(ItsmNg(code, message)) = serde_json::from_slice(body) else {
            return Vec::new();
        };
        vec![hand(codes::itsm_ng, Some(&code), Some(&message), None)]
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct IgelImi<'a> {
        #[serde(borrow)]
        message: Option<Cow<'a, str>>,
        #[serde(borrow)]
        error_code: Option<Cow<'a, str>>,
        #[serde(borrow)]
        stack_trace: Option<Cow<'a, str>>,
    }

    /// IGEL IMI.
    #[must_use]
    pub fn igel_imi(body: &[u8]) -> Vec<Hand> {
        let Ok(error) = serde_json::from_slice::<IgelImi<'_>>(body) else {
            return Vec::new();
        };
        vec![hand(
            codes::igel_imi,
            error.error_code.as_deref(),
            error.message.as_deref(),
            error.stack_trace.as_deref(),
        )]
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Itcare<'a> {
        #[serde(borrow)]
        error_code: Option<Cow<'a, str>>,
        #[serde(borrow)]
        error_desc: Option<Cow<'a, str>>,
        #[serde(borrow)]
        error_message: Option<Cow<'a, str>>,
    }

    /// ITCare.
    #[must_use]
    pub fn itcare(body: &[u8]) -> Vec<Hand> {
        let Ok(error) = serde_json::from_slice::<Itcare<'_>>(body) else {
            return Vec::new();
        };
        vec![hand(
            codes::itcare,
            error.error_code.as_deref(),
            error.error_message.as_deref(),
            error.error_desc.as_deref(),
        )]
    }

    #[derive(Deserialize)]
    struct TelecomXBody<'a> {
        #[serde(borrow)]
        error: TelecomX<'a>,
    }

    #[derive(Deserialize)]
    struct TelecomX<'a> {
        #[serde(borrow)]
        code: Option<Cow<'a, str>>,
        #[serde(borrow)]
        message: Option<Cow<'a, str>>,
        #[serde(borrow)]
        path: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        inner: Vec<TelecomX<'a>>,
    }

    /// Telecom X, with `multiple`.
    #[must_use]
    pub fn telecomx(body: &[u8]) -> Vec<Hand> {
        let Ok(TelecomXBody { error }) = serde_json::from_slice(body) else {
            return Vec::new();
        };
        let one = |error: &TelecomX<'_>| {
            hand(
                codes::telecomx,
                error.code.as_deref(),
                error.message.as_deref(),
                error.path.as_deref(),
            )
        };
        if error.code.as_deref() == Some("multiple") && !error.inner.is_empty() {
            error.inner.iter().map(one).collect()
        } else {
            vec![one(&error)]
        }
    }

    #[derive(Deserialize)]
    struct NetilionBody<'a> {
        #[serde(borrow)]
        errors: Vec<Netilion<'a>>,
    }

    #[derive(Deserialize)]
    struct Netilion<'a> {
        #[serde(borrow, rename = "type")]
        kind: Option<Cow<'a, str>>,
        #[serde(borrow)]
        message: Option<Cow<'a, str>>,
        #[serde(borrow)]
        attribute: Option<Cow<'a, str>>,
    }

    /// Netilion.
    #[must_use]
    pub fn netilion(body: &[u8]) -> Vec<Hand> {
        let Ok(NetilionBody { errors }) = serde_json::from_slice(body) else {
            return Vec::new();
        };
        errors
            .iter()
            .map(|error| {
                hand(
                    codes::netilion,
                    error.kind.as_deref(),
                    error.message.as_deref(),
                    error.attribute.as_deref(),
                )
            })
            .collect()
    }

    #[derive(Deserialize)]
    struct GitHub<'a> {
        #[serde(borrow)]
        message: Option<Cow<'a, str>>,
        #[serde(borrow)]
        documentation_url: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        errors: Vec<GitHubNested<'a>>,
    }

    #[derive(Deserialize)]
    struct GitHubNested<'a> {
        #[serde(borrow)]
        code: Option<Cow<'a, str>>,
        #[serde(borrow)]
        message: Option<Cow<'a, str>>,
        #[serde(borrow)]
        field: Option<Cow<'a, str>>,
    }

    /// GitHub: the error, then the errors nested in it (objects only).
    #[must_use]
    pub fn github(body: &[u8]) -> Vec<Hand> {
        let Ok(error) = serde_json::from_slice::<GitHub<'_>>(body) else {
            return Vec::new();
        };
        let mut errors = vec![hand(
            codes::github,
            None,
            error.message.as_deref(),
            error.documentation_url.as_deref(),
        )];
        errors.extend(error.errors.iter().map(|nested| {
            hand(
                codes::github,
                nested.code.as_deref(),
                nested.message.as_deref(),
                nested.field.as_deref(),
            )
        }));
        errors
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Jira<'a> {
        #[serde(borrow, default)]
        error_messages: Vec<Cow<'a, str>>,
        #[serde(borrow, default)]
        errors: BTreeMap<Cow<'a, str>, Cow<'a, str>>,
    }

    /// Jira: each of `errorMessages`, then each field of `errors` with its message.
    #[must_use]
    pub fn jira(body: &[u8]) -> Vec<Hand> {
        let Ok(error) = serde_json::from_slice::<Jira<'_>>(body) else {
            return Vec::new();
        };
        error
            .error_messages
            .iter()
            .map(|message| hand(codes::jira, None, Some(message), None))
            .chain(
                error
                    .errors
                    .iter()
                    .map(|(field, message)| hand(codes::jira, None, Some(message), Some(field))),
            )
            .collect()
    }

    #[derive(Deserialize)]
    struct Problem<'a> {
        #[serde(borrow, rename = "type")]
        kind: Option<Cow<'a, str>>,
        #[serde(borrow)]
        title: Option<Cow<'a, str>>,
        #[serde(borrow)]
        detail: Option<Cow<'a, str>>,
        #[serde(borrow)]
        instance: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        errors: Vec<ProblemNested<'a>>,
    }

    #[derive(Deserialize)]
    struct ProblemNested<'a> {
        #[serde(borrow)]
        title: Option<Cow<'a, str>>,
        #[serde(borrow)]
        detail: Option<Cow<'a, str>>,
        #[serde(borrow)]
        pointer: Option<Cow<'a, str>>,
    }

    /// Problem details: the problem, then each of its `errors`.
    #[must_use]
    pub fn problem(body: &[u8]) -> Vec<Hand> {
        let Ok(problem) = serde_json::from_slice::<Problem<'_>>(body) else {
            return Vec::new();
        };
        let mut errors = vec![hand(
            codes::problem,
            problem.kind.as_deref(),
            problem.detail.as_deref().or(problem.title.as_deref()),
            problem.instance.as_deref(),
        )];
        errors.extend(problem.errors.iter().map(|nested| {
            hand(
                codes::problem,
                None,
                nested.detail.as_deref().or(nested.title.as_deref()),
                nested.pointer.as_deref(),
            )
        }));
        errors
    }

    #[derive(Deserialize)]
    struct GraphBody<'a> {
        #[serde(borrow)]
        error: Option<Graph<'a>>,
        #[serde(borrow, default)]
        responses: Vec<GraphItem<'a>>,
    }

    #[derive(Deserialize)]
    struct Graph<'a> {
        #[serde(borrow)]
        code: Option<Cow<'a, str>>,
        #[serde(borrow)]
        message: Option<Cow<'a, str>>,
        #[serde(borrow)]
        target: Option<Cow<'a, str>>,
        #[serde(borrow)]
        date: Option<Cow<'a, str>>,
        #[serde(borrow, rename = "innerError")]
        inner: Option<Box<Graph<'a>>>,
    }

    #[derive(Deserialize)]
    struct GraphItem<'a> {
        #[serde(borrow)]
        id: Option<Cow<'a, str>>,
        status: u16,
        #[serde(borrow)]
        body: Option<GraphItemBody<'a>>,
    }

    #[derive(Deserialize)]
    struct GraphItemBody<'a> {
        #[serde(borrow)]
        error: Option<Graph<'a>>,
    }

    /// Microsoft Graph: the error and each `innerError` with a code, from the outermost; or
    /// each `$batch` response of status 400 or more.
    #[must_use]
    pub fn graph(body: &[u8]) -> Vec<Hand> {
        let Ok(graph) = serde_json::from_slice::<GraphBody<'_>>(body) else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        if let Some(error) = &graph.error {
            errors.push(hand(
                codes::graph,
                error.code.as_deref(),
                error.message.as_deref(),
                error.target.as_deref(),
            ));
            let mut inner = error.inner.as_deref();
            while let Some(error) = inner {
                if error.code.is_some() {
                    errors.push(hand(
                        codes::graph,
                        error.code.as_deref(),
                        error.message.as_deref(),
                        error.date.as_deref(),
                    ));
                }
                inner = error.inner.as_deref();
            }
        }
        errors.extend(
            graph
                .responses
                .iter()
                .filter(|item| item.status >= 400)
                .map(|item| {
                    let error = item.body.as_ref().and_then(|body| body.error.as_ref());
                    hand(
                        codes::graph,
                        error.and_then(|error| error.code.as_deref()),
                        error.and_then(|error| error.message.as_deref()),
                        item.id.as_deref(),
                    )
                }),
        );
        errors
    }

    #[derive(Deserialize)]
    struct RpcV2Cbor {
        #[serde(rename = "__type")]
        kind: Option<String>,
        #[serde(alias = "Message")]
        message: Option<String>,
        #[serde(rename = "TopLevel")]
        top_level: Option<String>,
    }

    /// Smithy RPC v2 CBOR, with ciborium's serde deserializer (which borrows no strings): the
    /// code after the `#` of `__type`.
    #[must_use]
    pub fn rpc_v2_cbor(body: &[u8]) -> Vec<Hand> {
        let Ok(error) = ciborium::from_reader::<RpcV2Cbor, _>(body) else {
            return Vec::new();
        };
        let code = error
            .kind
            .as_deref()
            .map(|kind| kind.rsplit_once('#').map_or(kind, |(_, code)| code));
        vec![hand(
            codes::rpc_v2_cbor,
            code,
            error.message.as_deref(),
            error.top_level.as_deref(),
        )]
    }
}
