//! A register kept in Excel or CSV, brought in: the rules of **Import
//! spreadsheet**. Pure and linked only by the returns worker (the worker reads
//! `.xlsx` with calamine into a [`Table`]; `csv` reads CSV text). The officer
//! maps columns to the register's fields ([`guess`] proposes a mapping from the
//! headers), maps status words the register does not know ([`unknown_words`]),
//! and [`build`] makes the register, with a sentence naming row and column for
//! every problem. The result goes to the usual import preview, so the register
//! then passes the file format's rules like any file.

pub mod csv;
pub mod html;

#[cfg(test)]
mod tests;

use crate::register::{KeyActivity, Objective, Register, Theme};
use serde::{Deserialize, Serialize};

/// What the officer maps a column to, in the form's order.
pub const TARGETS: [(&str, &str); 9] = [
    ("theme", "Theme"),
    ("objective", "Corporate objective"),
    ("id", "Key activity ID"),
    ("title", "Key activity (title)"),
    ("status", "Status"),
    ("progress", "Progress"),
    ("next_steps", "Next steps"),
    ("lead_officer", "Lead officer"),
    ("portfolio", "Portfolio"),
];
const THEME: usize = 0;
const OBJECTIVE: usize = 1;
const ID: usize = 2;
const TITLE: usize = 3;
const STATUS: usize = 4;
/// The targets a register cannot do without.
const REQUIRED: [usize; 3] = [ID, TITLE, STATUS];

/// Header words that name each target, in the order tried (whole header
/// first, then a header containing the word).
const WORDS: [&[&str]; 9] = [
    &[
        "theme",
        "priority",
        "corporate priority",
        "ambition",
        "strategic theme",
    ],
    &[
        "objective",
        "corporate objective",
        "aim",
        "outcome",
        "strategic objective",
    ],
    &[
        "id",
        "ref",
        "reference",
        "ref no",
        "code",
        "ka ref",
        "activity id",
        "no",
        "number",
    ],
    &[
        "key activity",
        "activity",
        "title",
        "action",
        "project",
        "description",
        "name",
    ],
    &["status", "rag", "rag status", "rating", "progress status"],
    &[
        "progress",
        "update",
        "progress update",
        "commentary",
        "comments",
        "progress to date",
    ],
    &[
        "next steps",
        "next step",
        "next actions",
        "planned actions",
        "next",
    ],
    &[
        "lead officer",
        "officer",
        "lead",
        "cmt lead",
        "owner",
        "responsible officer",
    ],
    &[
        "portfolio",
        "cabinet portfolio",
        "portfolio holder",
        "cabinet member",
    ],
];

/// A sheet or CSV file as text cells: the header row and the rows under it
/// (each with its 1-based row number in the file).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    /// The file's name.
    pub name: String,
    /// The sheet read ("" for CSV).
    pub sheet: String,
    pub headers: Vec<String>,
    /// The 1-based row number of the header.
    pub header_row: usize,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a spreadsheet was refused, as sentences.
pub type Sentences = Vec<String>;

/// The most problems listed for one spreadsheet.
const MAX_PROBLEMS: usize = 30;

impl Table {
    /// The table from records (the first non-empty one is the header); rows
    /// with every cell blank are dropped.
    pub fn from_records(
        name: &str,
        sheet: &str,
        records: Vec<(usize, Vec<String>)>,
    ) -> Result<Table, Sentences> {
        let mut records = records
            .into_iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        let Some((header_row, headers)) = records.next() else {
            return Err(vec![format!(
                "{} holds no rows: there is nothing to import.",
                where_(name, sheet)
            )]);
        };
        let headers: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
        let rows: Vec<(usize, Vec<String>)> = records.collect();
        if rows.is_empty() {
            return Err(vec![format!(
                "{} has a header row but no rows under it: there is nothing to import.",
                where_(name, sheet)
            )]);
        }
        Ok(Table {
            name: name.to_owned(),
            sheet: sheet.to_owned(),
            headers,
            header_row,
            rows,
        })
    }

    /// Reads CSV text.
    pub fn from_csv(name: &str, text: &str) -> Result<Table, Sentences> {
        let records = csv::read(text).map_err(|e| vec![e.to_string()])?;
        // Records are numbered by position; a quoted line break makes a file
        // line count differ, so rows are named by record.
        Table::from_records(
            name,
            "",
            records
                .into_iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r))
                .collect(),
        )
    }

    /// "column C (RAG)".
    fn column(&self, col: usize) -> String {
        let letter = column_letter(col);
        match self.headers.get(col).filter(|h| !h.is_empty()) {
            Some(h) => format!("column {letter} ({})", crate::format::truncate(h, 40)),
            None => format!("column {letter}"),
        }
    }

    fn cell(&self, row: &[String], col: Option<usize>) -> String {
        col.and_then(|c| row.get(c))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    }
}

fn where_(name: &str, sheet: &str) -> String {
    if sheet.is_empty() {
        format!("\u{201c}{name}\u{201d}")
    } else {
        format!("Sheet \u{201c}{sheet}\u{201d} of \u{201c}{name}\u{201d}")
    }
}

/// "A", "B", … "Z", "AA" for a 0-based column.
pub fn column_letter(col: usize) -> String {
    let cell = crate::returns::layout::cell_ref(0, col.min(u16::MAX as usize) as u16);
    cell.trim_end_matches('1').to_owned()
}

fn normalise(header: &str) -> String {
    header
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A column per target guessed from the headers (each column used once):
/// a header that is one of the target's words first, then one containing it.
pub fn guess(headers: &[String]) -> [Option<usize>; 9] {
    let names: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut mapping = [None; 9];
    let mut used = vec![false; headers.len()];
    for exact in [true, false] {
        for (t, words) in WORDS.iter().enumerate() {
            if mapping[t].is_some() {
                continue;
            }
            'words: for word in words.iter() {
                for (c, name) in names.iter().enumerate() {
                    let hit = if exact {
                        name == word
                    } else {
                        word.len() > 2
                            && name
                                .split(' ')
                                .collect::<Vec<_>>()
                                .windows(word.split(' ').count())
                                .any(|w| w.join(" ") == *word)
                    };
                    if hit && !used[c] {
                        mapping[t] = Some(c);
                        used[c] = true;
                        break 'words;
                    }
                }
            }
        }
    }
    mapping
}

/// The status a cell's word names: a status id, label or symbol, ignoring case.
fn known_status<'a>(register: &'a Register, word: &str) -> Option<&'a str> {
    let w = word.trim();
    register
        .statuses
        .iter()
        .find(|s| {
            s.id.eq_ignore_ascii_case(w) || s.label.trim().eq_ignore_ascii_case(w) || s.symbol == w
        })
        .map(|s| s.id.as_str())
}

/// The status words in the status column that are not the register's, each
/// once, in the order first met.
pub fn unknown_words(table: &Table, status_col: Option<usize>, register: &Register) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, row) in &table.rows {
        let word = table.cell(row, status_col);
        if !word.is_empty()
            && known_status(register, &word).is_none()
            && !out.iter().any(|w| w.eq_ignore_ascii_case(&word))
        {
            out.push(word);
        }
    }
    out
}

/// A status to propose for an unknown word: one whose label starts the word
/// or that the word starts ("Greeen" → Green, "Amb" → Amber), else none.
pub fn propose(register: &Register, word: &str) -> Option<String> {
    let w = word.trim().to_lowercase();
    register
        .statuses
        .iter()
        .find(|s| {
            let label = s.label.trim().to_lowercase();
            w.len() >= 3
                && label.len() >= 3
                && (w.starts_with(&label[..3.min(label.len())]) || label.starts_with(&w))
        })
        .map(|s| s.id.clone())
}

/// Points from a cell: one per line, blank lines dropped.
fn points(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r').trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// "CO 1: Keeping the District a great place to live" → ("CO 1", "Keeping …");
/// an objective without "ID: " is its own ID and title.
fn objective_parts(text: &str) -> (String, String) {
    match text.split_once(": ") {
        Some((id, title))
            if !id.trim().is_empty() && !title.trim().is_empty() && id.len() <= 20 =>
        {
            (id.trim().to_owned(), title.trim().to_owned())
        }
        _ => (text.to_owned(), text.to_owned()),
    }
}

/// The register the table makes with `mapping` (a column per target) and
/// `words` (unknown status word → status id), with `template`'s details and
/// status set; or every problem (up to 30), each naming row and column.
pub fn build(
    table: &Table,
    mapping: &[Option<usize>; 9],
    words: &[(String, String)],
    template: &Register,
) -> Result<Register, Sentences> {
    let mut problems = Vec::new();
    for t in REQUIRED {
        if mapping[t].is_none() {
            problems.push(format!(
                "Choose the column that holds the {}: a key activity needs one.",
                TARGETS[t].1.to_lowercase()
            ));
        }
    }
    let mut seen_col: Vec<Option<usize>> = vec![None; table.headers.len()];
    for (t, col) in mapping.iter().enumerate() {
        if let Some(c) = col {
            if *c >= table.headers.len() {
                problems.push(format!(
                    "The {} is mapped to a column the file does not have.",
                    TARGETS[t].1.to_lowercase()
                ));
            } else if let Some(first) = seen_col[*c] {
                problems.push(format!(
                    "{} is chosen for both {} and {}; each column can hold one field.",
                    capital(&table.column(*c)),
                    TARGETS[first].1.to_lowercase(),
                    TARGETS[t].1.to_lowercase()
                ));
            } else {
                seen_col[*c] = Some(t);
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut register = Register {
        themes: Vec::new(),
        trail: Vec::new(),
        ..template.clone()
    };
    let mut ids: Vec<(String, usize)> = Vec::new();
    for (number, row) in &table.rows {
        let cell = |t: usize| table.cell(row, mapping[t]);
        let at = |t: usize| format!("Row {number}, {}", table.column(mapping[t].unwrap_or(0)));
        let id = cell(ID);
        let title = cell(TITLE);
        if id.is_empty() && title.is_empty() {
            continue;
        }
        if id.is_empty() {
            problems.push(format!("{}: the key activity ID is empty.", at(ID)));
        } else if let Some((_, first)) = ids
            .iter()
            .find(|(i, _)| crate::validate::ids::key(i) == crate::validate::ids::key(&id))
        {
            problems.push(format!(
                "{}: the ID {} is also on row {first}; each key activity needs its own ID.",
                at(ID),
                crate::format::truncate(&id, 40)
            ));
        } else {
            ids.push((id.clone(), *number));
        }
        if title.is_empty() {
            problems.push(format!("{}: the key activity has no title.", at(TITLE)));
        }
        let word = cell(STATUS);
        let status = if word.is_empty() {
            problems.push(format!("{}: the status is empty.", at(STATUS)));
            String::new()
        } else if let Some(id) = known_status(&register, &word) {
            id.to_owned()
        } else if let Some((_, id)) = words
            .iter()
            .find(|(w, id)| w.eq_ignore_ascii_case(&word) && register.statuses.get(id).is_some())
        {
            id.clone()
        } else {
            problems.push(format!("{}: \u{2018}{}\u{2019} is not a status in this register; choose the status it means in the form.", at(STATUS), crate::format::truncate(&word, 40)));
            String::new()
        };
        let theme_title = match cell(THEME) {
            t if t.is_empty() && mapping[THEME].is_some() => {
                problems.push(format!("{}: the theme is empty.", at(THEME)));
                continue;
            }
            t if t.is_empty() => "Key activities".to_owned(),
            t => t,
        };
        let (objective_id, objective_title) = match cell(OBJECTIVE) {
            o if o.is_empty() && mapping[OBJECTIVE].is_some() => {
                problems.push(format!(
                    "{}: the corporate objective is empty.",
                    at(OBJECTIVE)
                ));
                continue;
            }
            o if o.is_empty() => (String::new(), theme_title.clone()),
            o => objective_parts(&o),
        };
        let activity = KeyActivity {
            id,
            title,
            status,
            progress: points(&cell(5)),
            next_steps: points(&cell(6)),
            lead_officer: cell(7),
            portfolio: cell(8),
        };
        let t = match register.themes.iter().position(|t| t.title == theme_title) {
            Some(t) => t,
            None => {
                register.themes.push(Theme {
                    title: theme_title.clone(),
                    objectives: Vec::new(),
                });
                register.themes.len() - 1
            }
        };
        // Without an objective column, each theme has one objective, numbered.
        let objective_id = if objective_id.is_empty() {
            format!("Objective {}", t + 1)
        } else {
            objective_id
        };
        let objectives = &mut register.themes[t].objectives;
        let o = match objectives.iter().position(|o| o.id == objective_id) {
            Some(o) => o,
            None => {
                objectives.push(Objective {
                    id: objective_id,
                    title: objective_title,
                    activities: Vec::new(),
                });
                objectives.len() - 1
            }
        };
        objectives[o].activities.push(activity);
    }
    if problems.is_empty() && register.activity_count() == 0 {
        problems.push(format!(
            "{} has no key activities under its header row.",
            where_(&table.name, &table.sheet)
        ));
    }
    if problems.is_empty() {
        // The register's own rules, as any file meets them.
        problems.extend(
            crate::validate::problems(&register)
                .into_iter()
                .map(|p| p.message),
        );
    }
    if problems.is_empty() {
        return Ok(register);
    }
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(format!(
            "\u{2026} and {more} more problems of the same kinds."
        ));
    }
    Err(problems)
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
