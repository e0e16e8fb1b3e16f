//! Reading captured error responses: the entries of a HAR file with an error status, or the
//! `<status>.<anything>` files of a folder of bodies.

use std::path::Path;

use serde_json::Value;

/// One captured error response.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Where it came from (a file name, or the HAR entry's URL).
    pub source: String,
    /// Its HTTP status.
    pub status: u16,
    /// Its headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// Its body.
    pub body: Vec<u8>,
}

/// The error responses captured at `path`: a HAR file's responses with a status of 400 or
/// more, or each `<status>.<anything>` file of a folder.
///
/// # Errors
/// One line when the path cannot be read or holds no error response.
pub fn samples(path: &Path) -> Result<Vec<Sample>, String> {
    let samples = if path.is_dir() {
        folder(path)?
    } else {
        har(path)?
    };
    if samples.is_empty() {
        return Err(format!(
            "{} holds no error response (a HAR file, or a folder of `<status>.<n>.json` bodies)",
            path.display()
        ));
    }
    Ok(samples)
}

fn folder(path: &Path) -> Result<Vec<Sample>, String> {
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| file.is_file())
        .collect();
    entries.sort();
    let mut samples = Vec::new();
    for file in entries {
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(status) = name
            .split('.')
            .next()
            .and_then(|status| status.parse::<u16>().ok())
        else {
            continue;
        };
        let body = std::fs::read(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        samples.push(Sample {
            source: name,
            status,
            headers: Vec::new(),
            body,
        });
    }
    Ok(samples)
}

fn har(path: &Path) -> Result<Vec<Sample>, String> {
    let text =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let har: Value = serde_json::from_slice(&text)
        .map_err(|error| format!("{} is not a HAR file (JSON): {error}", path.display()))?;
    let entries = har
        .pointer("/log/entries")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{} is not a HAR file: no `log.entries`", path.display()))?;
    let mut samples = Vec::new();
    for entry in entries {
        let Some(response) = entry.get("response") else {
            continue;
        };
        let Some(status) = response
            .get("status")
            .and_then(Value::as_u64)
            .and_then(|status| u16::try_from(status).ok())
        else {
            continue;
        };
        if status < 400 {
            continue;
        }
        let content = response.get("content");
        let text = content
            .and_then(|content| content.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("");
        let base64 = content
            .and_then(|content| content.get("encoding"))
            .and_then(Value::as_str)
            == Some("base64");
        let body = if base64 {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|error| {
                    format!("{}: a base64 body does not decode: {error}", path.display())
                })?
        } else {
            text.as_bytes().to_vec()
        };
        let headers = response
            .get("headers")
            .and_then(Value::as_array)
            .map(|headers| {
                headers
                    .iter()
                    .filter_map(|header| {
                        Some((
                            header.get("name")?.as_str()?.to_ascii_lowercase(),
                            header.get("value")?.as_str()?.to_owned(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let source = entry
            .pointer("/request/url")
            .and_then(Value::as_str)
            .unwrap_or("a HAR entry")
            .to_owned();
        samples.push(Sample {
            source,
            status,
            headers,
            body,
        });
    }
    Ok(samples)
}
