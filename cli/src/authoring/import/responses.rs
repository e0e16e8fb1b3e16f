//! The error responses a document lists: every operation's responses with a status of 400 or
//! more, a class (`4XX`) or `default`, each with the schema and examples of its JSON body
//! (OpenAPI 3's `content`, Swagger 2.0's `schema` and `examples`) and the headers it names.

use serde_json::Value;

use super::document::{Document, Node, Version};

/// One documented error response.
#[derive(Debug)]
pub struct Response<'a> {
    /// The status key as written: `404`, `4XX`, `default`.
    pub key: String,
    /// The status, when the key is one.
    pub status: Option<u16>,
    /// Its description.
    pub description: Option<&'a str>,
    /// The media type of its body, when it has one the draft can read.
    pub media: Option<&'a str>,
    /// The schema of that body.
    pub schema: Option<Node<'a>>,
    /// The bodies its examples show.
    pub examples: Vec<Node<'a>>,
    /// The headers it documents, names in lower case.
    pub headers: Vec<String>,
}

impl Response<'_> {
    /// Whether its body is RFC 9457 problem details, by its media type.
    #[must_use]
    pub fn is_problem(&self) -> bool {
        self.media.is_some_and(|media| media.contains("problem"))
    }

    /// The fallback key it stands for: the status, the class in lower case, or `default`.
    #[must_use]
    pub fn fallback_key(&self) -> String {
        self.status.map_or_else(
            || self.key.to_ascii_lowercase(),
            |status| status.to_string(),
        )
    }
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every error response of every operation, in document order.
#[must_use]
pub fn responses(document: &Document) -> Vec<Response<'_>> {
    let mut found = Vec::new();
    let Some(paths) = document.root().get("paths") else {
        return found;
    };
    for (_, item) in paths.members() {
        let item = document.resolve(item);
        for (method, operation) in item.members() {
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            let Some(listed) = document.resolve(operation).get("responses") else {
                continue;
            };
            for (key, response) in listed.members() {
                let status = key.parse::<u16>().ok();
                let is_error = match status {
                    Some(status) => status >= 400,
                    None => matches!(key.to_ascii_uppercase().as_str(), "4XX" | "5XX" | "DEFAULT"),
                };
                if is_error {
                    found.push(response_of(
                        document,
                        key,
                        status,
                        document.resolve(response),
                    ));
                }
            }
        }
    }
    found
}

fn response_of<'a>(
    document: &'a Document,
    key: &str,
    status: Option<u16>,
    response: Node<'a>,
) -> Response<'a> {
    let mut found = Response {
        key: key.to_owned(),
        status,
        description: response.value.get("description").and_then(Value::as_str),
        media: None,
        schema: None,
        examples: Vec::new(),
        headers: response
            .get("headers")
            .into_iter()
            .flat_map(Node::members)
            .map(|(name, _)| name.to_ascii_lowercase())
            .collect(),
    };
    match document.version {
        Version::OpenApi3 => {
            let Some(content) = response.get("content") else {
                return found;
            };
            // JSON first, problem details among it; another media type only without JSON.
            let media = content
                .members()
                .filter(|(media, _)| media.contains("json"))
                .max_by_key(|(media, _)| {
                    (
                        media.contains("problem"),
                        media.as_str() == "application/json",
                    )
                });
            let Some((media, body)) = media else {
                return found;
            };
            found.media = Some(media);
            found.schema = body.get("schema");
            found.examples.extend(body.get("example"));
            if let Some(named) = body.get("examples") {
                for (_, example) in named.members() {
                    found
                        .examples
                        .extend(document.resolve(example).get("value"));
                }
            }
        }
        Version::Swagger2 => {
            found.schema = response.get("schema");
            if found.schema.is_some() {
                found.media = Some("application/json");
            }
            if let Some(examples) = response.get("examples") {
                found.examples.extend(
                    examples
                        .members()
                        .filter(|(media, _)| media.contains("json"))
                        .map(|(_, body)| body),
                );
            }
        }
    }
    found
}
