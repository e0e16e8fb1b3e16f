//! Reading an OpenAPI document: OpenAPI 3.x or Swagger 2.0, JSON or YAML, with numbers of any
//! size, in one file or many. Every file a relative `$ref` names is read once, up front, so
//! that following a reference later is a lookup that borrows from what was read. Each
//! number's text is kept where it differs from its value's (see [`Literals`]).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Number, Value};

use crate::authoring::literals::{Literals, Reading};

/// Which specification a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// Swagger 2.0: a response's `schema` and `examples` sit on the response itself, and
    /// shared schemas under `definitions`.
    Swagger2,
    /// OpenAPI 3.0 or 3.1: a response's media types under `content`.
    OpenApi3,
}

/// A document and every file it references.
#[derive(Debug)]
pub struct Document {
    /// The files, the one named first at 0.
    files: Vec<File>,
    /// Which specification it follows.
    pub version: Version,
    /// The text of the numbers written otherwise than they print, in every file.
    literals: Literals,
}

#[derive(Debug)]
struct File {
    path: PathBuf,
    /// Boxed: [`Literals`] finds a number by its place, which must not move as files are
    /// added.
    root: Box<Value>,
}

/// A value inside one of a document's files: the file decides what its relative references
/// point at.
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    file: usize,
    /// The value.
    pub value: &'a Value,
}

impl<'a> Node<'a> {
    /// The member `key` of an object, in the same file.
    #[must_use]
    pub fn get(self, key: &str) -> Option<Self> {
        self.value.get(key).map(|value| self.at(value))
    }

    /// A value inside this one, in the same file.
    #[must_use]
    pub fn at(self, value: &'a Value) -> Self {
        Node {
            file: self.file,
            value,
        }
    }

    /// The members of an object, in the same file.
    pub fn members(self) -> impl Iterator<Item = (&'a String, Self)> {
        self.value
            .as_object()
            .into_iter()
            .flatten()
            .map(move |(key, value)| (key, self.at(value)))
    }

    /// The elements of an array, in the same file.
    pub fn elements(self) -> impl Iterator<Item = Self> {
        self.value
            .as_array()
            .into_iter()
            .flatten()
            .map(move |value| self.at(value))
    }

    /// What identifies this value among all a document holds: a reference reached twice gives
    /// the same identity, so what is worked out from a schema is worked out once.
    #[must_use]
    pub fn identity(self) -> (usize, *const Value) {
        (self.file, std::ptr::from_ref(self.value))
    }
}

/// How many references a chain may follow (`A` to `B` to ...) before it counts as a loop.
const CHAIN: usize = 64;

impl Document {
    /// Reads the document at `path` and every file its references name.
    ///
    /// # Errors
    /// One line: a file that cannot be read or parsed, a reference to a remote document, or a
    /// document that is neither OpenAPI 3 nor Swagger 2.0.
    pub fn read(path: &Path) -> Result<Self, String> {
        let (root, mut literals) = parse(path)?;
        let version = version(path, &root)?;
        let mut files = vec![File {
            path: normalize(path),
            root,
        }];
        let mut index: HashMap<PathBuf, usize> = HashMap::from([(files[0].path.clone(), 0)]);
        let mut next = 0;
        while next < files.len() {
            let mut named = Vec::new();
            references(&files[next].root, &mut named);
            let named: Vec<String> = named.into_iter().map(str::to_owned).collect();
            let base = files[next].path.clone();
            let mut seen = HashSet::new();
            for reference in named {
                let file = reference.split('#').next().unwrap_or("");
                if file.is_empty() || !seen.insert(file.to_owned()) {
                    continue;
                }
                if is_remote(file) {
                    return Err(format!(
                        "{} refers to the remote document {file}: bundle the document into one file first (`redocly bundle`, `swagger-cli bundle`), then import that",
                        base.display()
                    ));
                }
                let target = relative_to(&base, file);
                if index.contains_key(&target) {
                    continue;
                }
                let (root, more) = parse(&target)
                    .map_err(|error| format!("{error} (referenced from {})", base.display()))?;
                literals.extend(more);
                index.insert(target.clone(), files.len());
                files.push(File { path: target, root });
            }
            next += 1;
        }
        Ok(Document {
            files,
            version,
            literals,
        })
    }

    /// The document from text, in one file (for documents that reference no other).
    ///
    /// # Errors
    /// As [`Document::read`].
    pub fn from_text(text: &str, name: &Path) -> Result<Self, String> {
        let (root, literals) = parse_text(text, name)?;
        let version = version(name, &root)?;
        Ok(Document {
            files: vec![File {
                path: name.to_owned(),
                root,
            }],
            version,
            literals,
        })
    }

    /// A code's text: a string as it is (unless blank), a number as the document wrote it.
    #[must_use]
    pub fn code_text(&self, value: &Value) -> Option<String> {
        self.literals.code_text(value)
    }

    /// The root of the document named first.
    #[must_use]
    pub fn root(&self) -> Node<'_> {
        Node {
            file: 0,
            value: &self.files[0].root,
        }
    }

    /// How many files were read.
    #[must_use]
    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// `node`, or what its `$ref` names, followed through any chain of references. A reference
    /// that names nothing, or a chain that loops, leaves the last value reached.
    #[must_use]
    pub fn resolve<'a>(&'a self, mut node: Node<'a>) -> Node<'a> {
        for _ in 0..CHAIN {
            let Some(reference) = node.value.get("$ref").and_then(Value::as_str) else {
                return node;
            };
            match self.target(node.file, reference) {
                Some(target) => node = target,
                None => return node,
            }
        }
        node
    }

    /// The name a reference gives what it points at: the last token of its pointer
    /// (`#/components/schemas/Error` is `Error`), else the file's stem.
    #[must_use]
    pub fn reference_name(node: Node<'_>) -> Option<String> {
        let reference = node.value.get("$ref")?.as_str()?;
        let (file, pointer) = reference.split_once('#').unwrap_or((reference, ""));
        let token = pointer.rsplit('/').next().filter(|token| !token.is_empty());
        match token {
            Some(token) => Some(unescape(&percent_decode(token))),
            None => Path::new(file)
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned()),
        }
    }

    fn target<'a>(&'a self, from: usize, reference: &str) -> Option<Node<'a>> {
        let (file, pointer) = reference.split_once('#').unwrap_or((reference, ""));
        let file = if file.is_empty() {
            from
        } else {
            let path = relative_to(&self.files[from].path, file);
            self.files
                .iter()
                .position(|candidate| candidate.path == path)?
        };
        let pointer = percent_decode(pointer);
        let value = if pointer.is_empty() {
            &*self.files[file].root
        } else {
            self.files[file].root.pointer(&pointer)?
        };
        Some(Node { file, value })
    }
}

/// Every `$ref` string in `value`, in document order.
fn references<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    // A stack, not recursion: a document may nest deeper than the stack allows.
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(members) => {
                if let Some(Value::String(reference)) = members.get("$ref") {
                    out.push(reference);
                }
                stack.extend(members.values());
            }
            Value::Array(elements) => stack.extend(elements),
            _ => {}
        }
    }
}

fn is_remote(file: &str) -> bool {
    file.contains("://") || file.starts_with("//")
}

/// `file` as named from the document at `base`.
fn relative_to(base: &Path, file: &str) -> PathBuf {
    let file = percent_decode(file);
    normalize(&base.parent().unwrap_or(Path::new("")).join(file))
}

/// `path` with `.` and `..` taken out, so that one file named two ways is read once.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A JSON pointer token's `~1` and `~0`.
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `%7B`-style escapes decoded: references to paths write `{` and `}` so.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn version(path: &Path, root: &Value) -> Result<Version, String> {
    if let Some(version) = root.get("openapi").and_then(Value::as_str) {
        if version.starts_with('3') {
            return Ok(Version::OpenApi3);
        }
    }
    if root.get("swagger").and_then(Value::as_str) == Some("2.0") {
        return Ok(Version::Swagger2);
    }
    let said = |key: &str| root.get(key).map(ToString::to_string);
    Err(format!(
        "{} is neither an OpenAPI 3 nor a Swagger 2.0 document (its `openapi` is {}, its `swagger` {})",
        path.display(),
        said("openapi").unwrap_or_else(|| "absent".to_owned()),
        said("swagger").unwrap_or_else(|| "absent".to_owned()),
    ))
}

fn parse(path: &Path) -> Result<(Box<Value>, Literals), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    parse_text(&text, path)
}

/// JSON when the text starts as JSON does (one reading, however it fails), else YAML; and
/// the texts of its numbers.
fn parse_text(text: &str, path: &Path) -> Result<(Box<Value>, Literals), String> {
    let json = text.trim_start().starts_with(['{', '[']);
    if json {
        let root: Box<Value> = serde_json::from_str(text)
            .map_err(|error| format!("{} is not valid JSON: {error}", path.display()))?;
        let literals = Literals::of_json(text.as_bytes(), &root);
        return Ok((root, literals));
    }
    let root = AnyValue
        .deserialize(serde_norway::Deserializer::from_str(text))
        .map_err(|error| format!("{} is neither JSON nor YAML: {error}", path.display()))?;
    let root = Box::new(root);
    let literals = Literals::guided::<Yaml, _>(&root, |seed| {
        seed.deserialize(serde_norway::Deserializer::from_str(text))
    });
    Ok((root, literals))
}

/// YAML read again for its numbers' texts: any number may be written otherwise than it
/// prints (`0x1F`, `+12`, `1E2`), and a key is made a name as [`AnyValue`] makes it.
struct Yaml;

impl Reading for Yaml {
    fn may_differ(_: &Number) -> bool {
        true
    }

    fn key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
        Ok(map.next_key_seed(AnyValue)?.map(key_text))
    }

    fn number<'de, D: de::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        // A YAML scalar read as a string is its text, as written.
        String::deserialize(deserializer)
    }
}

/// A YAML key as a member's name: a string as it is, a number or boolean (`404:`) as its text.
fn key_text(key: Value) -> String {
    match key {
        Value::String(text) => text,
        other => other.to_string(),
    }
}

/// A YAML value as a JSON value: integers past 64 bits read as floats (as serde_json reads
/// them in JSON), keys that are numbers or booleans (`404:`) as their text.
struct AnyValue;

impl<'de> DeserializeSeed<'de> for AnyValue {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AnyValue {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i128<E>(self, value: i128) -> Result<Value, E> {
        Ok(i64::try_from(value).map_or_else(|_| float(value as f64), Value::from))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u128<E>(self, value: u128) -> Result<Value, E> {
        Ok(u64::try_from(value).map_or_else(|_| float(value as f64), Value::from))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut elements = Vec::new();
        while let Some(element) = seq.next_element_seed(AnyValue)? {
            elements.push(element);
        }
        Ok(Value::Array(elements))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key_seed(AnyValue)? {
            let key = key_text(key);
            let value = map.next_value_seed(AnyValue)?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

/// A float as a JSON number; NaN and the infinities (YAML's `.nan`, `.inf`) as null.
fn float(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::json;

    use super::{Document, Version};

    fn document(text: &str) -> Result<Document, String> {
        Document::from_text(text, Path::new("api.yaml"))
    }

    #[test]
    fn yaml_numbers_of_any_size_and_keys_that_are_numbers_read() {
        let document = document(
            "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        404:\n          description: x\ncomponents:\n  schemas:\n    Big:\n      minimum: -9223372036854775809\n      maximum: 99999999999999999999999\n",
        )
        .unwrap();
        let root = document.root().value;
        assert_eq!(
            root["paths"]["/a"]["get"]["responses"]["404"]["description"],
            "x"
        );
        assert!(
            root["components"]["schemas"]["Big"]["minimum"]
                .as_f64()
                .unwrap()
                < -9.2e18
        );
        assert!(
            root["components"]["schemas"]["Big"]["maximum"]
                .as_f64()
                .unwrap()
                > 9.9e22
        );
    }

    #[test]
    fn swagger_2_is_read_and_other_documents_are_one_line() {
        assert_eq!(
            document("swagger: '2.0'\npaths: {}\n").unwrap().version,
            Version::Swagger2
        );
        let error = document(r#"{"swagger": "1.2"}"#).unwrap_err();
        assert!(
            error.contains("neither an OpenAPI 3 nor a Swagger 2.0 document"),
            "{error}"
        );
        assert!(error.contains("its `swagger` \"1.2\""), "{error}");
    }

    #[test]
    fn json_that_fails_is_not_read_again_as_yaml() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = document(&deep).unwrap_err();
        assert!(error.contains("is not valid JSON"), "{error}");
    }

    #[test]
    fn references_follow_chains_escapes_and_stop_at_loops() {
        let document = document(
            r##"{"openapi": "3.1.0", "components": {"schemas": {
                "A": {"$ref": "#/components/schemas/B"},
                "B": {"type": "object", "title": "B"},
                "Loop": {"$ref": "#/components/schemas/Loop"}},
                "responses": {"a/b{c}": {"description": "escaped"}}},
              "x": {"$ref": "#/components/responses/a~1b%7Bc%7D"}}"##,
        )
        .unwrap();
        let root = document.root();
        let a = root
            .get("components")
            .unwrap()
            .get("schemas")
            .unwrap()
            .get("A")
            .unwrap();
        assert_eq!(document.resolve(a).value["title"], "B");
        assert_eq!(Document::reference_name(a).as_deref(), Some("B"));
        let looped = document.resolve(
            root.value
                .pointer("/components/schemas/Loop")
                .map(|v| root.at(v))
                .unwrap(),
        );
        assert_eq!(looped.value, &json!({"$ref": "#/components/schemas/Loop"}));
        let escaped = document.resolve(root.get("x").unwrap());
        assert_eq!(escaped.value["description"], "escaped");
    }
}
