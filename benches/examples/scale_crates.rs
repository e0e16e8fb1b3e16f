//! Writes, into the directory given as first argument, the crates `build-time.sh` compares for
//! each size given after the runtime's path: `generated-<size>` expands the synthetic spec of
//! `<size>` codes with `errors_from_spec!`; `thiserror-<size>` holds the same errors written by
//! hand the way careful people write them: a `#[derive(thiserror::Error)]` enum with an
//! `#[error]` and a doc line per variant, a wire code -> variant `match`, a status `match` and
//! a kind `match`.

use std::fmt::Write as _;
use std::path::Path;

use errspec_benches::scale_spec::scale_spec;

const USAGE: &str = "usage: scale_crates <dir> <errspec runtime path> <size>...";

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect(USAGE);
    let runtime = args.next().expect(USAGE);
    let dir = Path::new(&dir);
    for size in args {
        let size: usize = size.parse().expect(USAGE);
        let spec = scale_spec(size);
        write_crate(
            &dir.join(format!("generated-{size}")),
            &format!("errspec = {{ path = {runtime:?} }}"),
            "errspec::errors_from_spec!(\"scale.toml\");\n",
        );
        std::fs::write(dir.join(format!("generated-{size}/scale.toml")), &spec).expect("writable");
        write_crate(
            &dir.join(format!("thiserror-{size}")),
            "thiserror = \"2\"",
            &thiserror_source(&spec),
        );
    }
}

fn write_crate(dir: &Path, dependency: &str, source: &str) {
    std::fs::create_dir_all(dir.join("src")).expect("writable");
    let name = dir
        .file_name()
        .and_then(|name| name.to_str())
        .expect("a name");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependency}\n\n[workspace]\n"),
    )
    .expect("writable");
    std::fs::write(dir.join("src/lib.rs"), source).expect("writable");
}

/// One spec entry as the hand-written crate needs it.
struct Entry<'s> {
    code: &'s str,
    status: &'s str,
    description: &'s str,
    templated: bool,
}

fn entries(spec: &str) -> Vec<Entry<'_>> {
    spec.split("[[error]]")
        .skip(1)
        .filter_map(|entry| {
            let after = |key: &str| entry.split(key).nth(1);
            Some(Entry {
                code: after("code = \"")?.split('"').next()?,
                status: after("status = ")?.lines().next()?,
                description: after("description = \"")?.split('"').next()?,
                templated: entry.contains("message = "),
            })
        })
        .collect()
}

fn variant(code: &str) -> String {
    code.split('_')
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

fn kind(status: &str) -> &'static str {
    match status {
        "400" | "413" => "BadRequest",
        "401" => "Unauthenticated",
        "403" => "PermissionDenied",
        "404" => "NotFound",
        "409" | "423" => "Conflict",
        "422" => "Unprocessable",
        _ => "Other",
    }
}

fn thiserror_source(spec: &str) -> String {
    let entries = entries(spec);
    let mut source = String::from(
        "//! The errors of the synthetic spec, written by hand.\n\n\
         /// What went wrong.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Kind {\n    \
         /// 400.\n    BadRequest,\n    /// 401.\n    Unauthenticated,\n    /// 403.\n    PermissionDenied,\n    \
         /// 404.\n    NotFound,\n    /// 409.\n    Conflict,\n    /// 422.\n    Unprocessable,\n    /// Anything else.\n    Other,\n}\n\n\
         /// The errors.\n#[derive(Debug, Clone, PartialEq, thiserror::Error)]\n#[non_exhaustive]\npub enum Error {\n",
    );
    for entry in &entries {
        let id = if entry.templated {
            "\n        /// The template's `{id}`.\n        id: Option<String>,"
        } else {
            ""
        };
        let _ = writeln!(
            source,
            "    /// {}\n    #[error(\"{}: {{message}}\")]\n    {} {{\n        /// The message.\n        message: String,\n        /// The attribute.\n        attribute: Option<String>,{id}\n        /// The status.\n        status: u16,\n    }},",
            entry.description,
            entry.code,
            variant(entry.code)
        );
    }
    source.push_str("    /// Any other code.\n    #[error(\"{message}\")]\n    Unknown {\n        /// The code.\n        code: Option<String>,\n        /// The message.\n        message: String,\n        /// The status.\n        status: u16,\n    },\n}\n\nimpl Error {\n");
    source.push_str("    /// The variant for a wire code.\n    #[must_use]\n    pub fn from_code(code: &str, message: String, attribute: Option<String>, status: u16) -> Error {\n        match code {\n");
    for entry in &entries {
        let id = if entry.templated { " id: None," } else { "" };
        let _ = writeln!(
            source,
            "            {:?} => Error::{} {{ message, attribute,{id} status }},",
            entry.code,
            variant(entry.code)
        );
    }
    source.push_str("            other => Error::Unknown { code: Some(other.to_owned()), message, status },\n        }\n    }\n\n");
    source.push_str("    /// The documented status.\n    #[must_use]\n    pub fn documented_status(&self) -> Option<u16> {\n        match self {\n");
    for entry in &entries {
        let _ = writeln!(
            source,
            "            Error::{} {{ .. }} => Some({}),",
            variant(entry.code),
            entry.status
        );
    }
    source.push_str("            Error::Unknown { .. } => None,\n        }\n    }\n\n");
    source.push_str("    /// What went wrong.\n    #[must_use]\n    pub fn kind(&self) -> Kind {\n        match self {\n");
    for entry in &entries {
        let _ = writeln!(
            source,
            "            Error::{} {{ .. }} => Kind::{},",
            variant(entry.code),
            kind(entry.status)
        );
    }
    source.push_str("            Error::Unknown { .. } => Kind::Other,\n        }\n    }\n}\n");
    source
}
