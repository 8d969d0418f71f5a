//! The register file's rules, with no browser in them: the file's stamp and the
//! write-or-conflict decision, revision numbering, the autosave schedule, what a
//! failed write means in the officer's words, what a conflict shows and offers,
//! the "saved" sentences, the reminder where files can only be downloaded, and
//! when leaving the page must ask first. The browser side is
//! `ui::register_file` (File System Access API, the handle kept in IndexedDB).

use crate::compare::{self, ActivityChanges};
use crate::merge::{self, BothChanged, Merged};
use crate::register::Register;

mod message;
pub use message::{conflict_html, controls_html, problem_html, where_html, Whereabouts};

/// How long after the last change a linked file is written (ms).
pub const AUTOSAVE_DELAY_MS: u32 = 2_000;

/// What this tab knows of the file: as the browser reports it (`lastModified`,
/// in ms since 1970, and size in bytes) and the envelope's `revision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub last_modified: u64,
    pub size: u64,
    pub revision: Option<u64>,
}

/// What to do before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BeforeWrite {
    /// The file is as this tab last read or wrote it: write, as this revision.
    Write { revision: u64 },
    /// Someone else saved it since: do not write; show what differs.
    Changed,
}

/// Compares the file as found now with what this tab last read or wrote.
pub fn before_write(known: &FileStamp, found: &FileStamp) -> BeforeWrite {
    if known == found {
        BeforeWrite::Write {
            revision: next_revision(found.revision),
        }
    } else {
        BeforeWrite::Changed
    }
}

/// The revision a save writes after `current` (none yet: 1).
pub fn next_revision(current: Option<u64>) -> u64 {
    current.map_or(1, |r| r.saturating_add(1))
}

/// A moment the autosave hears of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// The register changed.
    Changed,
    /// The tab was hidden (another tab, minimised, closing).
    Hidden,
}

/// What the autosave does at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Autosave {
    Nothing,
    /// Write after this many ms, unless another change comes first.
    WriteAfter(u32),
    WriteNow,
}

/// The autosave schedule: a linked file is written `AUTOSAVE_DELAY_MS` after the
/// last change, and at once when the tab is hidden with changes not yet in it.
/// Nothing is written while a conflict waits for the officer.
pub fn autosave(moment: Moment, linked: bool, file_behind: bool, in_conflict: bool) -> Autosave {
    if !linked || in_conflict {
        return Autosave::Nothing;
    }
    match moment {
        Moment::Changed => Autosave::WriteAfter(AUTOSAVE_DELAY_MS),
        Moment::Hidden if file_behind => Autosave::WriteNow,
        Moment::Hidden => Autosave::Nothing,
    }
}

/// Why a file could not be read or written, from the browser's error name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFailure {
    DiskFull,
    /// Open in another program, or changed while being written.
    Locked,
    /// Permission refused or withdrawn.
    NotAllowed,
    /// Moved, renamed or deleted.
    Gone,
    /// Anything else: the browser's own message.
    Other(String),
}

impl FileFailure {
    /// From a DOMException's `name` (and its message, kept for the unknown).
    pub fn from_error(name: &str, message: &str) -> FileFailure {
        match name {
            "QuotaExceededError" => FileFailure::DiskFull,
            "NoModificationAllowedError" | "InvalidStateError" | "InvalidModificationError" => {
                FileFailure::Locked
            }
            "NotAllowedError" | "SecurityError" => FileFailure::NotAllowed,
            "NotFoundError" | "NotReadableError" => FileFailure::Gone,
            _ => FileFailure::Other(message.trim().trim_end_matches('.').to_owned()),
        }
    }

    /// The sentence for a write to `file` that failed: what happened, that the
    /// register is safe in the browser, and what to do.
    pub fn sentence(&self, file: &str) -> String {
        let what = match self {
            FileFailure::DiskFull => "the disk is full".to_owned(),
            FileFailure::Locked => {
                "the file is locked (it may be open in another program)".to_owned()
            }
            FileFailure::NotAllowed => "permission to write to it was withdrawn".to_owned(),
            FileFailure::Gone => "the file can no longer be found (moved or deleted?)".to_owned(),
            FileFailure::Other(why) if why.is_empty() => "the browser gave no reason".to_owned(),
            FileFailure::Other(why) => format!("the browser said \u{201c}{why}\u{201d}"),
        };
        format!(
            "Not saved to {file}: {what}. The file is as it was, and your register is kept in this browser; \
             choose Save to try again, or Save as\u{2026} to save it to another file."
        )
    }
}

/// "Saved to register.json at 14:32".
pub fn saved_to(file: &str, hour: u32, minute: u32) -> String {
    format!("Saved to {file} at {hour:02}:{minute:02}")
}

/// "Last saved to a file 3 days ago", from two times in ms since 1970.
pub fn last_saved_to_a_file(now_ms: u64, saved_ms: u64) -> String {
    let minutes = now_ms.saturating_sub(saved_ms) / 60_000;
    let ago = match minutes {
        0 => return "Last saved to a file just now".to_owned(),
        1..=59 => plural(minutes, "minute"),
        60..=1439 => plural(minutes / 60, "hour"),
        _ => plural(minutes / 1440, "day"),
    };
    format!("Last saved to a file {ago} ago")
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Where files can only be downloaded: remind the officer when the register
/// changed after the last file was saved (or no file was ever saved).
pub fn needs_reminder(saved_ms: Option<u64>, changed_ms: Option<u64>) -> bool {
    match (saved_ms, changed_ms) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(saved), Some(changed)) => changed > saved,
    }
}

/// The reminder's sentence.
pub const REMINDER: &str =
    "Changes since then are only in this browser: choose Save to keep them in a file.";

/// Leaving the page asks first only when the latest changes would be lost: in
/// no file and not in the browser copy.
pub fn ask_before_leaving(in_browser_copy: bool, in_file: bool) -> bool {
    !in_browser_copy && !in_file
}

/// What the officer can do with a file someone else changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOffer {
    /// The changes do not overlap: merging keeps both.
    Clean,
    /// Both changed these fields: each is decided for one side, as for two tabs.
    Decide(Vec<BothChanged>),
    /// The merged register would break a rule, or there is no base to merge from.
    Cannot(String),
}

/// What the conflict message shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileConflict {
    /// The file's register against this tab's (the import preview's comparison).
    pub differs: ActivityChanges,
    /// What the file's saver changed since this tab's base, in words.
    pub theirs_changed: String,
    pub merge: MergeOffer,
}

/// Compares this tab's register (`mine`) with the file's (`theirs`), and what a
/// merge from `base` (the file as this tab last read or wrote it) would do.
pub fn conflict(base: Option<&Register>, mine: &Register, theirs: &Register) -> FileConflict {
    let differs = compare::activity_changes(mine, theirs);
    let Some(base) = base else {
        return FileConflict {
            differs,
            theirs_changed: String::new(),
            merge: MergeOffer::Cannot(
                "this tab does not know the version it last saved, so the changes cannot be told apart."
                    .to_owned(),
            ),
        };
    };
    let merged = merge::merge(base, mine, theirs);
    FileConflict {
        differs,
        theirs_changed: merge::describe(&merged.theirs_changed),
        merge: offer_of(&merged),
    }
}

fn offer_of(merged: &Merged) -> MergeOffer {
    if let Some(why) = merged.problems.first() {
        return MergeOffer::Cannot(why.clone());
    }
    if merged.conflicts.is_empty() {
        return MergeOffer::Clean;
    }
    MergeOffer::Decide(merge::both_changed(&merged.conflicts))
}

/// The merged register, every field both changed taking `side`'s value; an
/// error sentence when it would break a rule.
pub fn merged(
    base: &Register,
    mine: &Register,
    theirs: &Register,
    side: merge::Side,
) -> Result<Register, String> {
    let mut merged = merge::merge(base, mine, theirs);
    if side == merge::Side::Theirs && !merged.conflicts.is_empty() {
        // Conflicts fall to mine unless chosen; one insert each (no sort).
        let mut choices = merge::Choices::new();
        for c in &merged.conflicts {
            choices.insert((c.target.clone(), c.field), side);
        }
        merged = merge::merge_choosing(base, mine, theirs, &choices);
    }
    match merged.problems.into_iter().next() {
        Some(why) => Err(why),
        None => Ok(merged.register),
    }
}

/// The lines saying what differs: "Against your register, the file has 1
/// added, 0 removed, 2 changed." and the IDs.
pub fn differs_lines(differs: &ActivityChanges) -> Vec<String> {
    if differs.is_empty() {
        return vec!["Its key activities are the same as yours; other details differ.".to_owned()];
    }
    let mut lines = vec![format!(
        "Against your register, the file has {} added, {} removed and {} changed.",
        differs.added.len(),
        differs.removed.len(),
        differs.changed.len()
    )];
    let list = |label: &str, ids: Vec<String>| {
        (!ids.is_empty()).then(|| format!("{label}: {}", shortened(&ids)))
    };
    lines.extend(list("Added", differs.added.clone()));
    lines.extend(list("Removed", differs.removed.clone()));
    lines.extend(list(
        "Changed",
        differs
            .changed
            .iter()
            .map(|c| format!("{} ({})", c.id, c.what.join(", ")))
            .collect(),
    ));
    lines
}

/// At most 10 items, then "… and N more".
fn shortened(items: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut text = items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if items.len() > SHOWN {
        text.push_str(&format!(" \u{2026} and {} more", items.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod tests;
