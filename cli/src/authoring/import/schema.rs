//! What a schema says once its references are followed and its `allOf`, `oneOf` and `anyOf`
//! parts merged: the properties an object of it may have, the items of an array, the values it
//! lists. Each schema is worked out once however often it is referenced (a document's
//! `Error` is referenced by hundreds of responses), and a schema that contains itself ends
//! where it loops.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::Value;

use super::document::{Document, Node};

/// A schema, merged.
#[derive(Debug, Default)]
pub struct Schema<'a> {
    /// The name of the component it came from, when reached through a reference.
    pub name: Option<String>,
    /// Its types (`object`; 3.1 lists several, `["string", "null"]`).
    pub types: Vec<&'a str>,
    /// The properties of an object, in document order, those of every part merged (a later
    /// part's property of the same name adds to the earlier one's, see [`Schema::property`]).
    pub properties: Vec<(&'a str, Node<'a>)>,
    /// The schema of an array's items.
    pub items: Option<Node<'a>>,
    /// The values its `enum` lists (or its `const`).
    pub values: Vec<&'a Value>,
    /// Its examples: `example`, 3.1's `examples`, and `x-example`.
    pub examples: Vec<&'a Value>,
    /// Its description.
    pub description: Option<&'a str>,
    /// The descriptions of the values of `enum`, in its order, from an `x-` extension
    /// (`x-enum-descriptions`, `x-enumDescriptions`).
    pub value_descriptions: Vec<&'a str>,
}

impl<'a> Schema<'a> {
    /// Whether it is an object: typed so, or with properties.
    #[must_use]
    pub fn is_object(&self) -> bool {
        self.types.contains(&"object") || !self.properties.is_empty()
    }

    /// Whether it is an array.
    #[must_use]
    pub fn is_array(&self) -> bool {
        self.types.contains(&"array") || self.items.is_some()
    }

    /// Whether it holds a scalar: neither an object nor an array.
    #[must_use]
    pub fn is_scalar(&self) -> bool {
        !self.is_object() && !self.is_array()
    }

    /// The schema of the property `name`.
    #[must_use]
    pub fn property(&self, name: &str) -> Option<Node<'a>> {
        self.properties
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, node)| *node)
    }
}

/// The schemas of one document, each merged once.
pub struct Schemas<'a> {
    document: &'a Document,
    merged: RefCell<HashMap<(usize, *const Value), Rc<Schema<'a>>>>,
    /// The schemas being merged now: meeting one again is a loop.
    open: RefCell<HashSet<(usize, *const Value)>>,
}

impl<'a> Schemas<'a> {
    /// The schemas of `document`.
    #[must_use]
    pub fn new(document: &'a Document) -> Self {
        Schemas {
            document,
            merged: RefCell::default(),
            open: RefCell::default(),
        }
    }

    /// The document they are in.
    #[must_use]
    pub fn document(&self) -> &'a Document {
        self.document
    }

    /// The schema at `node`, references followed and parts merged.
    #[must_use]
    pub fn get(&self, node: Node<'a>) -> Rc<Schema<'a>> {
        let name = Document::reference_name(node);
        let node = self.document.resolve(node);
        let identity = node.identity();
        if let Some(schema) = self.merged.borrow().get(&identity) {
            return Rc::clone(schema);
        }
        if !self.open.borrow_mut().insert(identity) {
            // A schema that contains itself: the inner one adds nothing.
            return Rc::new(Schema::default());
        }
        let mut schema = self.merge(node);
        // A reference's name is its target's last token, so every reference to one schema
        // names it alike.
        if name.is_some() {
            schema.name = name;
        }
        let schema = Rc::new(schema);
        self.open.borrow_mut().remove(&identity);
        self.merged
            .borrow_mut()
            .insert(identity, Rc::clone(&schema));
        schema
    }

    fn merge(&self, node: Node<'a>) -> Schema<'a> {
        let mut schema = Schema {
            description: node.value.get("description").and_then(Value::as_str),
            ..Schema::default()
        };
        match node.value.get("type") {
            Some(Value::String(kind)) => schema.types.push(kind),
            Some(Value::Array(kinds)) => {
                schema.types.extend(kinds.iter().filter_map(Value::as_str))
            }
            _ => {}
        }
        if let Some(properties) = node.get("properties") {
            schema.properties.extend(
                properties
                    .members()
                    .map(|(key, value)| (key.as_str(), value)),
            );
        }
        schema.items = node.get("items");
        if let Some(values) = node.value.get("enum").and_then(Value::as_array) {
            schema
                .values
                .extend(values.iter().filter(|value| !value.is_null()));
        }
        schema.values.extend(node.value.get("const"));
        schema.examples.extend(node.value.get("example"));
        schema.examples.extend(node.value.get("x-example"));
        if let Some(examples) = node.value.get("examples").and_then(Value::as_array) {
            schema.examples.extend(examples);
        }
        for key in ["x-enum-descriptions", "x-enumDescriptions"] {
            if let Some(texts) = node.value.get(key).and_then(Value::as_array) {
                schema
                    .value_descriptions
                    .extend(texts.iter().filter_map(Value::as_str));
            }
        }
        // 3.0's `nullable` and the parts below say the same of one value: merged, the first
        // word on a property wins and later parts add what it lacks.
        for combinator in ["allOf", "oneOf", "anyOf"] {
            let Some(parts) = node.get(combinator) else {
                continue;
            };
            for part in parts.elements() {
                let part = self.get(part);
                if schema.name.is_none() && combinator == "allOf" {
                    schema.name.clone_from(&part.name);
                }
                for kind in &part.types {
                    if *kind != "null" && !schema.types.contains(kind) {
                        schema.types.push(kind);
                    }
                }
                for (key, value) in &part.properties {
                    if schema.property(key).is_none() {
                        schema.properties.push((key, *value));
                    }
                }
                if schema.items.is_none() {
                    schema.items = part.items;
                }
                schema.values.extend(part.values.iter().copied());
                schema.examples.extend(part.examples.iter().copied());
                if schema.description.is_none() {
                    schema.description = part.description;
                }
                if schema.value_descriptions.is_empty() {
                    schema
                        .value_descriptions
                        .extend(part.value_descriptions.iter().copied());
                }
            }
        }
        schema
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::Schemas;
    use crate::authoring::import::document::Document;

    #[test]
    fn references_in_properties_items_and_parts_are_followed() {
        let document = Document::from_text(
            r##"{"openapi": "3.0.3", "components": {"schemas": {
                "Envelope": {"type": "object", "properties": {"error": {"$ref": "#/components/schemas/Error"}}},
                "Error": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"code": {"$ref": "#/components/schemas/Code"}}}]},
                "Base": {"type": "object", "properties": {"message": {"type": "string"}}},
                "Code": {"type": "string", "enum": ["a", "b"]},
                "List": {"type": "array", "items": {"$ref": "#/components/schemas/Error"}}}}}"##,
            Path::new("api.json"),
        )
        .unwrap();
        let schemas = Schemas::new(&document);
        let root = document.root();
        let at = |pointer: &str| root.at(root.value.pointer(pointer).unwrap());
        let envelope = schemas.get(at("/components/schemas/Envelope"));
        let error = schemas.get(envelope.property("error").unwrap());
        assert_eq!(error.name.as_deref(), Some("Error"));
        let keys: Vec<&str> = error.properties.iter().map(|(key, _)| *key).collect();
        assert_eq!(keys, ["message", "code"]);
        let code = schemas.get(error.property("code").unwrap());
        assert_eq!(
            code.values,
            [&serde_json::json!("a"), &serde_json::json!("b")]
        );
        let list = schemas.get(at("/components/schemas/List"));
        assert!(list.is_array());
        assert_eq!(schemas.get(list.items.unwrap()).properties.len(), 2);
    }

    #[test]
    fn a_schema_that_contains_itself_ends_and_shared_parts_merge_once() {
        // Each level names the next twice: merged once each, 30 levels are 30 merges.
        let mut schemas = String::from(r#"{"openapi": "3.0.0", "components": {"schemas": {"#);
        for level in 0..30 {
            schemas.push_str(&format!(
                r##""S{level}": {{"allOf": [{{"$ref": "#/components/schemas/S{next}"}}, {{"$ref": "#/components/schemas/S{next}"}}], "properties": {{"p{level}": {{"type": "string"}}}}}},"##,
                next = level + 1
            ));
        }
        schemas.push_str(
            r##""S30": {"allOf": [{"$ref": "#/components/schemas/S0"}], "properties": {"last": {}}}}}}"##,
        );
        let document = Document::from_text(&schemas, Path::new("api.json")).unwrap();
        let merged = Schemas::new(&document);
        let root = document.root();
        let s0 = merged.get(root.at(root.value.pointer("/components/schemas/S0").unwrap()));
        assert_eq!(s0.properties.len(), 31);
        assert_eq!(merged.merged.borrow().len(), 31);
    }
}
