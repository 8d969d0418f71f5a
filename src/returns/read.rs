//! A returned workbook checked against the register: its identity (this
//! register, this period, not edited), each lead's sheet as sent (same name,
//! same IDs in the same rows, nothing added, no merged cells or formulas), and
//! every status one of the register's. Each refusal is a [`Problem`] whose
//! sentence names the sheet and the cell.

use super::book::{Book, Sheet};
use super::identity::{Identity, SentLead};
use super::layout::{self, cell_ref, FIRST_ACTIVITY_ROW, IDENTITY_SHEET};
use super::SentActivity;
use crate::register::Register;
use serde::{Deserialize, Serialize};
use std::fmt;

/// At most this many problems are listed for one file.
const MAX_PROBLEMS: usize = 20;

/// Why a returned workbook is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotZip,
    Encrypted,
    NotWorkbook,
    /// The zip says it would inflate past the limit.
    Bomb {
        entry: String,
        limit: u64,
    },
    Unreadable {
        reason: String,
    },
    NoIdentity,
    IdentityEdited {
        cell: String,
    },
    NewerReturn {
        version: String,
    },
    OtherRegister {
        theirs: String,
        ours: String,
    },
    OtherPeriod {
        theirs: String,
        ours: String,
    },
    SheetMissing {
        sheet: String,
    },
    IdChanged {
        sheet: String,
        cell: String,
        found: String,
        expected: String,
    },
    RowAdded {
        sheet: String,
        row: u32,
        id: String,
    },
    RowRemoved {
        sheet: String,
        ids: Vec<String>,
    },
    UnknownStatus {
        sheet: String,
        cell: String,
        value: String,
    },
    EmptyStatus {
        sheet: String,
        cell: String,
    },
    Merged {
        sheet: String,
        range: String,
    },
    Formula {
        sheet: String,
        cell: String,
    },
    TooLong {
        sheet: String,
        cell: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = |b: &u64| format!("{:.1} MB", *b as f64 / 1_000_000.0);
        match self {
            Problem::TooLarge { bytes, limit } => write!(f, "The file is {}; a return workbook can be at most {}, so it was not opened.", mb(bytes), mb(limit)),
            Problem::NotZip => write!(f, "This is not an Excel workbook (.xlsx): open it in Excel and save it as \u{201c}Excel Workbook (*.xlsx)\u{201d}."),
            Problem::Encrypted => write!(f, "This workbook is protected with a password, so it cannot be read: open it in Excel, remove the password (File, Info, Protect Workbook, Encrypt with Password), save it and import it again."),
            Problem::NotWorkbook => write!(f, "This is a zip file but not an Excel workbook: it has no workbook inside."),
            Problem::Bomb { entry, limit } => write!(f, "The workbook would expand to more than {} when opened (at \u{201c}{entry}\u{201d}), so it was not opened: a return workbook is far smaller.", mb(limit)),
            Problem::Unreadable { reason } => write!(f, "The workbook could not be read ({}).", reason.trim_end_matches('.')),
            Problem::NoIdentity => write!(f, "The workbook has no \u{201c}{IDENTITY_SHEET}\u{201d} sheet, so it cannot be matched to the register: it was not made by Export return workbooks, or that sheet was deleted. Send the lead a new return."),
            Problem::IdentityEdited { cell } => write!(f, "Sheet {IDENTITY_SHEET}, cell {cell}: the return\u{2019}s identity has been edited, so what was sent cannot be trusted. Send the lead a new return."),
            Problem::NewerReturn { version } => write!(f, "Sheet {IDENTITY_SHEET}, cell B1: this return has layout version \u{201c}{version}\u{201d}, which this version of the app cannot read."),
            Problem::OtherRegister { theirs, ours } => write!(f, "Sheet {IDENTITY_SHEET}, cell B2: this return is for \u{201c}{theirs}\u{201d}, not this register (\u{201c}{ours}\u{201d})."),
            Problem::OtherPeriod { theirs, ours } => write!(f, "Sheet {IDENTITY_SHEET}, cell B4: this return is for {theirs}, but the register is for {ours}."),
            Problem::SheetMissing { sheet } => write!(f, "The sheet \u{201c}{sheet}\u{201d} is missing: it was renamed or deleted. Its name must stay as it was sent."),
            Problem::IdChanged { sheet, cell, found, expected } => write!(f, "Sheet {sheet}, cell {cell}: the ID is '{found}' but '{expected}' was sent there; IDs must not be changed."),
            Problem::RowAdded { sheet, row, id } => {
                let what = if id.is_empty() { String::new() } else { format!(" ('{id}')") };
                write!(f, "Sheet {sheet}, row {}: a row was added{what}; a return updates the activities sent and cannot add any.", row + 1)
            }
            Problem::RowRemoved { sheet, ids } => write!(f, "Sheet {sheet}: the row{} for {} {} deleted; every activity sent must stay in the return.", if ids.len() == 1 { "" } else { "s" }, ids.join(", "), if ids.len() == 1 { "was" } else { "were" }),
            Problem::UnknownStatus { sheet, cell, value } => write!(f, "Sheet {sheet}, cell {cell}: '{value}' is not a status in this register."),
            Problem::EmptyStatus { sheet, cell } => write!(f, "Sheet {sheet}, cell {cell}: the status is empty; choose one from the list."),
            Problem::Merged { sheet, range } => write!(f, "Sheet {sheet}, cells {range} are merged; unmerge them so that each value has its own cell."),
            Problem::Formula { sheet, cell } => write!(f, "Sheet {sheet}, cell {cell} holds a formula; type the text itself (formulas are not read)."),
            Problem::TooLong { sheet, cell } => write!(f, "Sheet {sheet}, cell {cell}: a point is longer than {} characters.", crate::validate::MAX_TEXT_CHARS),
        }
    }
}

/// One activity as it came back, with what was sent for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedActivity {
    pub sent: SentActivity,
    /// The status id the returned label names.
    pub status: String,
    pub progress: Vec<String>,
    pub next_steps: Vec<String>,
}

/// One lead's sheet as it came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedLead {
    pub sheet: String,
    pub lead: String,
    pub activities: Vec<ReturnedActivity>,
}

/// An accepted return: the file it came in and each lead's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Returned {
    pub file: String,
    pub leads: Vec<ReturnedLead>,
    /// When it was read in (UTC, "2019-08-14T09:30:00Z"), for the trail;
    /// set by the worker, empty in a check alone.
    #[serde(default)]
    pub received: String,
}

/// Checks `book` against `register`; every problem found (up to 20), or the return.
pub fn check(book: &Book, register: &Register, file: &str) -> Result<Returned, Vec<Problem>> {
    let Some(identity_sheet) = book.sheet(IDENTITY_SHEET) else {
        return Err(vec![Problem::NoIdentity]);
    };
    let identity = Identity::from_sheet(identity_sheet).map_err(|p| vec![p])?;
    if identity.organisation != register.organisation || identity.title != register.title {
        return Err(vec![Problem::OtherRegister {
            theirs: format!("{}: {}", identity.organisation, identity.title),
            ours: format!("{}: {}", register.organisation, register.title),
        }]);
    }
    if identity.period != register.period.to_string() {
        return Err(vec![Problem::OtherPeriod {
            theirs: identity.period.clone(),
            ours: register.period.to_string(),
        }]);
    }
    let mut problems = Vec::new();
    let mut leads = Vec::new();
    for sent in &identity.leads {
        match book.sheet(&sent.sheet) {
            None => problems.push(Problem::SheetMissing {
                sheet: sent.sheet.clone(),
            }),
            Some(sheet) => match check_sheet(sheet, sent, register) {
                Ok(lead) => leads.push(lead),
                Err(mut found) => problems.append(&mut found),
            },
        }
    }
    if problems.is_empty() {
        Ok(Returned {
            file: file.to_owned(),
            leads,
            received: String::new(),
        })
    } else {
        problems.truncate(MAX_PROBLEMS);
        Err(problems)
    }
}

/// A lead's sheet: the activities' rows as sent, then their values.
fn check_sheet(
    sheet: &Sheet,
    sent: &SentLead,
    register: &Register,
) -> Result<ReturnedLead, Vec<Problem>> {
    let name = || sheet.name.clone();
    let mut problems: Vec<Problem> = sheet
        .merged
        .iter()
        .map(|m| Problem::Merged {
            sheet: name(),
            range: format!(
                "{}:{}",
                cell_ref(m.first.0, m.first.1),
                cell_ref(m.last.0, m.last.1)
            ),
        })
        .collect();
    problems.extend(sheet.formulas.iter().map(|(r, c)| Problem::Formula {
        sheet: name(),
        cell: cell_ref(*r, *c),
    }));
    if !problems.is_empty() {
        return Err(problems);
    }
    // The rows with anything in the columns a lead may fill in or sees as theirs.
    let used = |row: u32| {
        (layout::ID_COL..=layout::NEXT_STEPS_COL).any(|c| !sheet.text(row, c).trim().is_empty())
    };
    let rows: Vec<u32> = (FIRST_ACTIVITY_ROW..=sheet.last_row().unwrap_or(0))
        .filter(|r| used(*r))
        .collect();
    let found: Vec<String> = rows
        .iter()
        .map(|r| sheet.text(*r, layout::ID_COL).trim().to_owned())
        .collect();
    let expected: Vec<&str> = sent.activities.iter().map(|a| a.id.as_str()).collect();
    if let Some(problem) = row_problem(sheet, &rows, &found, &expected) {
        return Err(vec![problem]);
    }
    let mut activities = Vec::new();
    for (row, sent) in rows.iter().zip(&sent.activities) {
        let status_text = sheet.text(*row, layout::STATUS_COL).trim().to_owned();
        let status_cell = || cell_ref(*row, layout::STATUS_COL);
        let status = if status_text.is_empty() {
            problems.push(Problem::EmptyStatus {
                sheet: name(),
                cell: status_cell(),
            });
            String::new()
        } else {
            match register
                .statuses
                .find_by_label(&status_text)
                .or_else(|| register.statuses.get(&status_text))
            {
                Some(s) => s.id.clone(),
                None => {
                    problems.push(Problem::UnknownStatus {
                        sheet: name(),
                        cell: status_cell(),
                        value: status_text,
                    });
                    String::new()
                }
            }
        };
        let points = |col: u16, problems: &mut Vec<Problem>| {
            let points = crate::edit::points_from_text(&sheet.text(*row, col));
            if points
                .iter()
                .any(|p| p.chars().count() > crate::validate::MAX_TEXT_CHARS)
            {
                problems.push(Problem::TooLong {
                    sheet: name(),
                    cell: cell_ref(*row, col),
                });
            }
            points
        };
        let progress = points(layout::PROGRESS_COL, &mut problems);
        let next_steps = points(layout::NEXT_STEPS_COL, &mut problems);
        activities.push(ReturnedActivity {
            sent: sent.clone(),
            status,
            progress,
            next_steps,
        });
    }
    if problems.is_empty() {
        Ok(ReturnedLead {
            sheet: name(),
            lead: sent.lead.clone(),
            activities,
        })
    } else {
        Err(problems)
    }
}

/// Rows added, deleted or IDs edited: what the IDs found say, against those sent.
fn row_problem(
    sheet: &Sheet,
    rows: &[u32],
    found: &[String],
    expected: &[&str],
) -> Option<Problem> {
    if found
        .iter()
        .map(String::as_str)
        .eq(expected.iter().copied())
    {
        return None;
    }
    let name = sheet.name.clone();
    let is_subsequence = |short: &[&str], long: &[&str]| {
        let mut it = long.iter();
        short.iter().all(|s| it.any(|l| l == s))
    };
    let found_refs: Vec<&str> = found.iter().map(String::as_str).collect();
    if found.len() > expected.len() && is_subsequence(expected, &found_refs) {
        // The first row whose ID is not the next one sent is the added row.
        let mut next = expected.iter().peekable();
        for (row, id) in rows.iter().zip(found) {
            if next.peek().is_some_and(|e| **e == id) {
                next.next();
            } else {
                return Some(Problem::RowAdded {
                    sheet: name,
                    row: *row,
                    id: id.clone(),
                });
            }
        }
    }
    if found.len() < expected.len() && is_subsequence(&found_refs, expected) {
        let ids = expected
            .iter()
            .filter(|e| !found.iter().any(|f| f == *e))
            .map(|e| (*e).to_owned())
            .collect();
        return Some(Problem::RowRemoved { sheet: name, ids });
    }
    // Same count (or no simple explanation): the first ID that differs.
    for (i, expected_id) in expected.iter().enumerate() {
        let found_id = found.get(i).cloned().unwrap_or_default();
        if found_id != *expected_id {
            let row = rows
                .get(i)
                .copied()
                .unwrap_or(FIRST_ACTIVITY_ROW + i as u32);
            return Some(Problem::IdChanged {
                sheet: name,
                cell: cell_ref(row, layout::ID_COL),
                found: found_id,
                expected: (*expected_id).to_owned(),
            });
        }
    }
    let row = rows
        .get(expected.len())
        .copied()
        .unwrap_or(FIRST_ACTIVITY_ROW);
    Some(Problem::RowAdded {
        sheet: name,
        row,
        id: found.get(expected.len()).cloned().unwrap_or_default(),
    })
}
