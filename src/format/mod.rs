//! File format v1: the one door every register file goes through.
//!
//! `encode` writes a pretty-printed file with a stable field order (so two exports
//! diff well); `decode` reads one: strip a BOM → parse JSON → check the format tag
//! and version → read the register field by field → check its invariants. A file is
//! either accepted whole or refused with sentences saying what is wrong and where:
//! reading stops at the first structural problem (wrong type, missing or unknown
//! field); when the structure is sound, every broken invariant is listed.
//! The format is documented in `docs/file-format.md` and `docs/register-v1.schema.json`.

mod error;
mod structure;

pub use error::{size_in_words, FormatError, Problem};

use crate::register::Register;
use serde::Serialize;
use serde_json::Value;

/// The value of the `format` field.
pub const FORMAT_TAG: &str = "activity-register";
/// The newest version this app reads and the one it writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Serialize)]
struct FileRef<'a> {
    format: &'a str,
    version: u64,
    register: &'a Register,
}

fn file_of(register: &Register) -> FileRef<'_> {
    FileRef {
        format: FORMAT_TAG,
        version: FORMAT_VERSION,
        register,
    }
}

/// The register as a v1 file, pretty-printed with a final newline.
pub fn encode(register: &Register) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&file_of(register)).unwrap_or_default();
    text.push('\n');
    text
}

/// The register as a compact v1 file, for storage where space counts.
pub fn encode_compact(register: &Register) -> String {
    serde_json::to_string(&file_of(register)).unwrap_or_default()
}

/// Reads a v1 file, or says why not.
pub fn decode(text: &str) -> Result<Register, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(FormatError::from_syntax)?;
    decode_value(value)
}

/// Reads a v1 file already parsed as JSON.
pub fn decode_value(value: Value) -> Result<Register, FormatError> {
    let Value::Object(mut top) = value else {
        return Err(FormatError::NotARegisterFile(
            "it holds JSON, but not an object with a \"format\" field".into(),
        ));
    };
    match top.get("format") {
        Some(Value::String(tag)) if tag == FORMAT_TAG => {}
        Some(Value::String(tag)) => {
            return Err(FormatError::NotARegisterFile(format!(
                "its format is \"{}\", not \"{FORMAT_TAG}\"",
                truncate(tag, 60)
            )))
        }
        _ => {
            return Err(FormatError::NotARegisterFile(
                "it has no \"format\": \"activity-register\" field".into(),
            ))
        }
    }
    let version = match top.get("version") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1),
        _ => None,
    }
    .ok_or(FormatError::BadVersion)?;
    if version > FORMAT_VERSION {
        return Err(FormatError::NewerVersion(version));
    }
    let body = top.remove("register").ok_or_else(|| {
        FormatError::Content(vec![Problem {
            path: "register".into(),
            message: "The file has no \"register\" field.".into(),
        }])
    })?;
    let register: Register = match serde_path_to_error::deserialize(&body) {
        Ok(register) => register,
        Err(first) => {
            let mut problems = structure::problems(&body);
            if problems.is_empty() {
                let path = first.path().to_string();
                problems.push(Problem::from_serde(&path, first.inner()));
            }
            return Err(FormatError::Content(problems));
        }
    };
    let problems = crate::validate::problems(&register);
    if problems.is_empty() {
        Ok(register)
    } else {
        Err(FormatError::Content(
            problems
                .into_iter()
                .map(|p| Problem {
                    path: format!("register.{}", p.path),
                    message: p.message,
                })
                .collect(),
        ))
    }
}

/// At most `max` characters of `text`, with "…" when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests;
