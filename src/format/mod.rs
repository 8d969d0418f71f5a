//! File format v1: the one door every register file goes through.
//!
//! `encode` writes a pretty-printed file with a stable field order (so two exports
//! diff well); `decode` reads one in a single pass (`json`: the syntax, duplicate
//! keys, depth; `fields`: every field with its path, in the officer's words), then
//! checks the format tag and version, then the register's rules (`validate`). A
//! file is either accepted whole or refused with sentences saying what is wrong and
//! where: a syntax error stops the read; otherwise every wrong, missing, unknown or
//! repeated field is listed, and when the structure is sound, every broken rule.
//! The format is documented in `docs/file-format.md` and `docs/register-v1.schema.json`.

mod error;
mod fields;
mod json;

pub use error::{one_decimal, size_in_words, FormatError, Problem};

use crate::register::Register;
use fields::Reader;
use json::{Fatal, Json, Kind};
use serde::Serialize;

/// The value of the `format` field.
pub const FORMAT_TAG: &str = "activity-register";
/// The newest version this app reads and the one it writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Serialize)]
struct FileRef<'a> {
    format: &'a str,
    version: u64,
    /// The register file's save count (`register_file`); absent in exports.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    register: &'a Register,
}

fn file_of(register: &Register) -> FileRef<'_> {
    FileRef {
        format: FORMAT_TAG,
        version: FORMAT_VERSION,
        revision: None,
        register,
    }
}

/// The register as a v1 file, pretty-printed with a final newline.
pub fn encode(register: &Register) -> String {
    encode_pretty(&file_of(register))
}

/// The register as a linked register file: `encode` with the envelope's
/// `revision` (the number of the save), so another tab or machine can tell
/// its copy is no longer the newest.
pub fn encode_with_revision(register: &Register, revision: u64) -> String {
    encode_pretty(&FileRef {
        revision: Some(revision),
        ..file_of(register)
    })
}

fn encode_pretty(file: &FileRef<'_>) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(file).unwrap_or_default();
    text.push('\n');
    text
}

/// The envelope's `revision` of a file's text, if it has a whole number there
/// (the register itself is skipped, not read). Read as far as the text goes,
/// so the first few KB of a file are enough when it comes first, as this app
/// writes it; the file is only decoded in full when it is opened.
pub fn revision_of(text: &str) -> Option<u64> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut j = Json::new(text);
    if j.peek().ok()? != Kind::Object {
        return None;
    }
    let mut revision = None;
    // A cut-off text ends the read with an error; what was found before counts.
    let _ = j.object(|j, key| {
        if key.name == "revision" && j.peek()? == Kind::Number {
            revision = json::whole_number(j.number()?).and_then(|n| u64::try_from(n).ok());
            return Ok(());
        }
        j.skip()
    });
    revision
}

/// The register as a compact v1 file, for storage where space counts.
pub fn encode_compact(register: &Register) -> String {
    serde_json::to_string(&file_of(register)).unwrap_or_default()
}

/// Reads a v1 file, or says why not. One pass over the text: JSON syntax, the
/// envelope and every field are read together (`json`, `fields`); then the tag and
/// version are checked, then the register's rules (`validate::problems`).
pub fn decode(text: &str) -> Result<Register, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let envelope = read_envelope(text).map_err(|fatal| match fatal {
        Fatal::TooDeep => FormatError::TooDeep,
        Fatal::Syntax {
            offset,
            truncated,
            detail,
        } => {
            let (line, column) = Json::line_column(text, offset);
            FormatError::Syntax {
                line,
                column,
                truncated,
                detail: detail.to_owned(),
            }
        }
    })?;
    let Envelope {
        is_object,
        format,
        version,
        register,
        problems,
    } = envelope;
    if !is_object {
        return Err(FormatError::NotARegisterFile(
            "it holds JSON, but not an object with a \"format\" field".into(),
        ));
    }
    match format {
        Some(Some(tag)) if tag == FORMAT_TAG => {}
        Some(Some(tag)) => {
            return Err(FormatError::NotARegisterFile(format!(
                "its format is \"{}\", not \"{FORMAT_TAG}\"",
                truncate(&tag, 60)
            )))
        }
        _ => {
            return Err(FormatError::NotARegisterFile(
                "it has no \"format\": \"activity-register\" field".into(),
            ))
        }
    }
    let version = version
        .flatten()
        .filter(|v| *v >= 1)
        .ok_or(FormatError::BadVersion)?;
    if version > FORMAT_VERSION as i64 {
        return Err(FormatError::NewerVersion(version as u64));
    }
    let Some(register) = register else {
        return Err(FormatError::Content(vec![Problem {
            path: "register".into(),
            message: "The file has no \"register\" field.".into(),
        }]));
    };
    match register {
        Some(register) if problems.is_empty() => check(register),
        _ => Err(FormatError::Content(capped(problems))),
    }
}

/// The register's rules, each problem's path from the top of the file.
fn check(register: Register) -> Result<Register, FormatError> {
    let problems = crate::validate::problems(&register);
    if problems.is_empty() {
        return Ok(register);
    }
    Err(FormatError::Content(capped(
        problems
            .into_iter()
            .map(|p| Problem {
                path: format!("register.{}", p.path),
                message: p.message,
            })
            .collect(),
    )))
}

/// What the top of a file held.
struct Envelope {
    is_object: bool,
    /// `Some(None)`: there, but not text.
    format: Option<Option<String>>,
    /// `Some(None)`: there, but not a whole number.
    version: Option<Option<i64>>,
    /// `Some(None)`: there, but with problems.
    register: Option<Option<Register>>,
    problems: Vec<Problem>,
}

fn read_envelope(text: &str) -> Result<Envelope, Fatal> {
    let mut j = Json::new(text);
    let mut reader = Reader::new(text);
    let mut envelope = Envelope {
        is_object: j.peek()? == Kind::Object,
        format: None,
        version: None,
        register: None,
        problems: Vec::new(),
    };
    if !envelope.is_object {
        j.skip()?;
    } else {
        j.object(|j, key| {
            if key.repeated && matches!(key.name.as_str(), "format" | "version" | "register") {
                let (line, column) = Json::line_column(text, key.offset);
                reader.problems.push(Problem {
                    path: key.name.clone(),
                    message: format!("The field \u{201c}{}\u{201d} is given twice (again at line {line}, column {column}); a file may give each field once.", key.name),
                });
                return j.skip();
            }
            match key.name.as_str() {
                "format" if j.peek()? == Kind::Text => envelope.format = Some(Some(j.string()?)),
                "version" if j.peek()? == Kind::Number => {
                    envelope.version = Some(json::whole_number(j.number()?))
                }
                "register" => envelope.register = Some(reader.register(j, "register")?),
                "format" => {
                    envelope.format = Some(None);
                    j.skip()?
                }
                "version" => {
                    envelope.version = Some(None);
                    j.skip()?
                }
                _ => j.skip()?,
            }
            Ok(())
        })?;
    }
    j.end()?;
    envelope.problems = reader.problems;
    Ok(envelope)
}

/// The most problems listed; past it the list says how many more there are.
const MAX_LISTED: usize = 50;

fn capped(mut found: Vec<Problem>) -> Vec<Problem> {
    if found.len() > MAX_LISTED {
        let more = found.len() - MAX_LISTED;
        found.truncate(MAX_LISTED);
        found.push(Problem {
            path: "register".into(),
            message: format!("\u{2026} and {more} more problems of the same kinds."),
        });
    }
    found
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
