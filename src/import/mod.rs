//! Bringing a register in from outside, through one door for every route (file
//! picker, drop, pasted report text): bytes → text → `format::decode` → a preview of
//! what would change. Nothing here replaces anything; the UI replaces the register
//! only when the user confirms the preview.

mod encoding;
mod warnings;

pub use encoding::text_of_file;

use crate::compare::{activity_changes, ActivityChanges};
use crate::format::{self, FormatError};
use crate::register::Register;
use crate::report_text::{self, NoteKind};

/// The largest file the app reads. A county register of 10,000 activities with
/// seed-like text is about 12 MB; that is past localStorage's quota, but the app
/// works with it in memory and exports it. Past 32 MB it is not a register file.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How many activities have one status, for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCount {
    pub id: String,
    pub label: String,
    pub symbol: String,
    pub count: usize,
}

/// What an import would bring in, shown before anything is replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// Where it came from: a file name, or "pasted report text".
    pub source: String,
    pub register: Register,
    pub status_counts: Vec<StatusCount>,
    /// Against the current register; `None` when there is none.
    pub changes: Option<ActivityChanges>,
    /// Worth a look, but not a reason to refuse.
    pub warnings: Vec<String>,
    /// Lines of pasted text that could not be placed ("Line 12: …").
    pub not_placed: Vec<String>,
    /// What the text reader had to guess ("Line 3: …").
    pub guesses: Vec<String>,
}

/// Reads a register file's bytes, refusing it with sentences if it cannot be imported.
pub fn read_register_file(bytes: &[u8]) -> Result<Register, FormatError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = text_of_file(bytes)?;
    let register = format::decode(&text)?;
    if register.activity_count() == 0 {
        return Err(FormatError::Content(vec![format::Problem {
            path: "register.themes".into(),
            message:
                "The file holds no key activities, so importing it would leave an empty register."
                    .into(),
        }]));
    }
    Ok(register)
}

/// The preview of importing a file.
pub fn preview_file(
    name: &str,
    bytes: &[u8],
    current: Option<&Register>,
) -> Result<ImportPreview, FormatError> {
    let register = read_register_file(bytes)?;
    Ok(preview(name.to_owned(), register, current))
}

/// Pasted report text as read (`report_text::parse`), before it is previewed:
/// the register and the notes of what the reader could not place or had to
/// guess, each "Line N: …". Made in the report text worker
/// (`src/bin/report_text_worker.rs`), so the reader is not in the app's
/// initial download; the page decodes the register again (`preview_read_text`).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadText {
    pub register: Register,
    pub not_placed: Vec<String>,
    pub guesses: Vec<String>,
}

/// Reads pasted report text with `template`'s details and statuses. Refused,
/// with the sentence, when no key activity could be read from it or what was
/// read breaks the file format's rules.
pub fn read_report_text(text: &str, template: &Register) -> Result<ReadText, String> {
    let parsed = report_text::parse(text, template);
    let mut not_placed = Vec::new();
    let mut guesses = Vec::new();
    for note in &parsed.notes {
        let line = if note.line == 0 {
            note.message.clone()
        } else {
            format!("Line {}: {}", note.line, note.message)
        };
        match note.kind {
            NoteKind::NotPlaced => not_placed.push(line),
            NoteKind::Guessed => guesses.push(line),
        }
    }
    if parsed.register.activity_count() == 0 {
        return Err(
            "No key activities were found in the text. Paste the report's table with its theme lines, objective lines (\u{201c}CO 1: \u{2026}\u{201d}) and key activity rows (\u{201c}KA.01.01 \u{2026}\u{201d}), columns separated by tabs as Word and PDF copy them."
                .to_owned(),
        );
    }
    let problems = crate::validate::problems(&parsed.register);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| p.message)
            .collect::<Vec<_>>()
            .join(" "));
    }
    Ok(ReadText {
        register: parsed.register,
        not_placed,
        guesses,
    })
}

/// The worker's side: the template as a compact file (`format::encode_compact`)
/// and the pasted text → what it reads to, the register as a compact file.
pub fn read_report_text_file(
    template_file: &str,
    text: &str,
) -> Result<(String, Vec<String>, Vec<String>), String> {
    let template = format::decode(template_file).map_err(|err| err.sentences().join(" "))?;
    let read = read_report_text(text, &template)?;
    Ok((
        format::encode_compact(&read.register),
        read.not_placed,
        read.guesses,
    ))
}

/// The page's side: what the worker read (`read_report_text_file`), its
/// register decoded again through the one door, as a preview.
pub fn preview_read_text_file(
    register_file: &str,
    not_placed: Vec<String>,
    guesses: Vec<String>,
    current: Option<&Register>,
) -> Result<ImportPreview, String> {
    let register = format::decode(register_file).map_err(|err| err.sentences().join(" "))?;
    let read = ReadText {
        register,
        not_placed,
        guesses,
    };
    Ok(preview_read_text(read, current))
}

/// The preview of what pasted text read to (`read_report_text`).
pub fn preview_read_text(read: ReadText, current: Option<&Register>) -> ImportPreview {
    let mut preview = preview("pasted report text".to_owned(), read.register, current);
    preview.not_placed = read.not_placed;
    preview.guesses = read.guesses;
    preview
}

/// The preview of importing pasted report text, read with `template`'s details
/// and statuses, in one step (natively; the page reads in the worker).
pub fn preview_report_text(
    text: &str,
    template: &Register,
    current: Option<&Register>,
) -> Result<ImportPreview, String> {
    read_report_text(text, template).map(|read| preview_read_text(read, current))
}

fn preview(source: String, register: Register, current: Option<&Register>) -> ImportPreview {
    let status_counts = register
        .count_by_status()
        .into_iter()
        .filter_map(|(id, count)| {
            let status = register.statuses.get(id)?;
            Some(StatusCount {
                id: id.to_owned(),
                label: status.label.clone(),
                symbol: status.symbol.clone(),
                count,
            })
        })
        .collect();
    let changes = current.map(|c| activity_changes(c, &register));
    let warnings = warnings::of(&register, current);
    ImportPreview {
        source,
        register,
        status_counts,
        changes,
        warnings,
        not_placed: Vec::new(),
        guesses: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
