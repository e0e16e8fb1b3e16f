//! How a vendor's error bodies are written.

/// The syntax of a vendor's error bodies (`[envelope] format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BodyFormat {
    /// JSON (the default): pointers over keys and array indexes.
    #[default]
    Json,
    /// XML (S3, SOAP faults): pointers over element names, from the document's root element,
    /// namespace prefixes ignored.
    Xml,
    /// CBOR (RFC 8949; AWS Smithy RPC v2 CBOR): pointers over map keys and array indexes, as
    /// in JSON.
    Cbor,
}

impl BodyFormat {
    /// Every format, in declaration order.
    pub const ALL: &'static [BodyFormat] = &[BodyFormat::Json, BodyFormat::Xml, BodyFormat::Cbor];

    /// The name used in spec files.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            BodyFormat::Json => "json",
            BodyFormat::Xml => "xml",
            BodyFormat::Cbor => "cbor",
        }
    }

    /// The variant's name, as Rust code spells it.
    #[must_use]
    pub const fn rust_name(self) -> &'static str {
        match self {
            BodyFormat::Json => "Json",
            BodyFormat::Xml => "Xml",
            BodyFormat::Cbor => "Cbor",
        }
    }

    /// The media type servers send such bodies with.
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Json => "application/json",
            BodyFormat::Xml => "application/xml",
            BodyFormat::Cbor => "application/cbor",
        }
    }

    /// The format a spec file names.
    #[must_use]
    pub fn from_name(name: &str) -> Option<BodyFormat> {
        BodyFormat::ALL
            .iter()
            .copied()
            .find(|format| format.as_str() == name)
    }
}
