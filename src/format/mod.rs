//! File format 1.1: the one door every register file goes through.
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
mod pieces;

pub use error::{one_decimal, size_in_words, FormatError, Problem};
pub use pieces::{file_pieces, Pieces, Pretty};

use crate::register::Register;
use fields::Reader;
use json::{Fatal, Json, Kind};

/// The value of the `format` field.
pub const FORMAT_TAG: &str = "activity-register";
/// The newest version this app reads and the one it writes, in tenths: 1.1
/// (1.0 plus the trail of applied returns). The file writes it as the JSON
/// number `1.1`; files saying `1` or `1.0` (version 1.0) are read as before.
pub const FORMAT_VERSION: u64 = 11;
/// The compact file up to its revision or register: the tag, and `FORMAT_VERSION` as the
/// file writes it.
const ENVELOPE: &str = "{\"format\":\"activity-register\",\"version\":1.1,";

/// The register as a file, pretty-printed with a final newline: the compact
/// text indented (`pretty`), so the wasm carries one serialiser of the
/// register, not two.
pub fn encode(register: &Register) -> String {
    encode_file(register, None)
}

/// The register as a linked register file: `encode` with the envelope's
/// `revision` (the number of the save), so another tab or machine can tell
/// its copy is no longer the newest.
pub fn encode_with_revision(register: &Register, revision: u64) -> String {
    encode_file(register, Some(revision))
}

fn encode_file(register: &Register, revision: Option<u64>) -> String {
    let mut text = pretty(&compact_file(register, revision));
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

/// The register as a compact file, for storage where space counts. The
/// envelope is written here (the version is a decimal, and the wasm carries
/// no float formatting); the register by serde in struct order.
pub fn encode_compact(register: &Register) -> String {
    compact_file(register, None)
}

/// The compact file, with the register file's `revision` before the register
/// when there is one (so `revision_of` finds it in the first few KB): all of
/// `Pieces` at once.
fn compact_file(register: &Register, revision: Option<u64>) -> String {
    let mut pieces = Pieces::new(revision);
    let mut out = String::new();
    while let Some(piece) = pieces.next(register, usize::MAX) {
        out.push_str(&piece);
    }
    out
}

/// Compact JSON (no white space outside strings) laid out as serde_json's
/// pretty printer does: `Pretty` over the whole text.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut layout = Pretty::default();
    layout.push(compact, &mut out);
    layout.finish(&mut out);
    out
}

/// A version number's text in tenths ("1" and "1.0" → 10, "1.1" → 11, "2" →
/// 20), or None if it is not a number of tenths.
fn version_tenths(text: &str) -> Option<i64> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i64>().ok()?),
        None => (text, 0),
    };
    json::whole_number(&format!("{mantissa}e{}", exponent.checked_add(1)?))
}

/// Tenths as a version is written: 11 → "1.1", 20 → "2".
pub fn version_words(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        one_decimal(tenths)
    }
}

/// Reads a register file (version 1.0 or 1.1), or says why not. One pass over the text: JSON syntax, the
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
        .filter(|v| *v >= 10)
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
    /// In tenths; `Some(None)`: there, but not a number of tenths.
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
            if key.repeated && matches!(
                    key.name.as_str(),
                    "format" | "version" | "revision" | "register"
                ) {
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
                    envelope.version = Some(version_tenths(j.number()?))
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
                // The register file's save count (`revision_of` reads it).
                "revision" => {
                    let whole = if j.peek()? == Kind::Number {
                        json::whole_number(j.number()?).is_some_and(|n| n >= 0)
                    } else {
                        j.skip()?;
                        false
                    };
                    if !whole {
                        reader.problems.push(Problem {
                            path: "revision".into(),
                            message: "The field \u{201c}revision\u{201d} (how many times the register file has been saved) must be a whole number of 0 or more.".into(),
                        });
                    }
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
