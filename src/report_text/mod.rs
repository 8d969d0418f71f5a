//! Reading the key activities table as copied from the Word or PDF report.
//!
//! The text is tab-separated: theme lines, objective lines ("CO 1: …", also the
//! extraction's "CO 3 0\tQuality Homes for all"), header rows ("CMT Lead" or "Lead
//! Officer" variants), key-activity rows (`KA.01.04 Title\tStatus\tProgress\tNext
//! Steps\tLead\tPortfolio`) and continuation rows whose empty leading cells continue
//! the previous activity's title, progress or next steps, also across a repeated
//! header. A cell starting with a bullet is a new point; other continuation text
//! runs on from the last point. Every line is accounted for: placed, skipped as
//! noise, or listed as not placed; every repair is listed as a guess.

mod clean;

use crate::register::{KeyActivity, Objective, Register, Theme};
use crate::status::Status;

/// What happened to a line that was not simply placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// The line could not be put anywhere; its text is lost unless the user fixes it.
    NotPlaced,
    /// The parser repaired something and says what.
    Guessed,
}

/// A note about one line of the pasted text (1-based line number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineNote {
    pub line: usize,
    pub kind: NoteKind,
    pub message: String,
}

/// The register read from the text, and the notes for the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportParse {
    pub register: Register,
    pub notes: Vec<LineNote>,
}

/// The table columns, in the report's order.
const TITLE: usize = 0;
const STATUS: usize = 1;
const PROGRESS: usize = 2;
const NEXT_STEPS: usize = 3;
const LEAD: usize = 4;
const PORTFOLIO: usize = 5;

/// Reads the report text into a register with `template`'s details and statuses.
pub fn parse(text: &str, template: &Register) -> ReportParse {
    let mut reader = Reader {
        register: Register {
            themes: Vec::new(),
            ..template.clone()
        },
        notes: Vec::new(),
        open: false,
    };
    for (index, raw) in text.lines().enumerate() {
        reader.line(index + 1, raw.trim_end_matches('\r'));
    }
    reader.finish()
}

struct Reader {
    register: Register,
    notes: Vec<LineNote>,
    /// Whether continuation rows still belong to the last activity.
    open: bool,
}

impl Reader {
    fn note(&mut self, line: usize, kind: NoteKind, message: String) {
        self.notes.push(LineNote {
            line,
            kind,
            message,
        });
    }

    fn line(&mut self, n: usize, raw: &str) {
        if raw.trim().is_empty() || clean::is_separator_line(raw) {
            return;
        }
        if clean::is_noise_line(raw) {
            self.note(
                n,
                NoteKind::Guessed,
                format!("Skipped a stray mark: \"{}\".", raw.trim()),
            );
            return;
        }
        let cells: Vec<String> = raw.split('\t').map(clean::cell).collect();
        let first = cells[0].as_str();
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if first.eq_ignore_ascii_case("Key Activities") && filled > 1 {
            return; // a (repeated) header row; the open activity may continue after it
        }
        if first.to_ascii_lowercase().starts_with("key activities") && filled == 1 {
            self.note(
                n,
                NoteKind::Guessed,
                format!("Skipped the heading \"{first}\"."),
            );
            return;
        }
        if let Some(number) = objective_number(first) {
            self.objective(n, number, &cells);
        } else if filled == 1 && is_theme_title(first) {
            self.open = false;
            self.register.themes.push(Theme {
                title: first.to_owned(),
                objectives: Vec::new(),
            });
        } else if let Some((id, title)) = split_activity_id(first) {
            self.activity(n, id, title, &cells);
        } else if self.open {
            self.continuation(n, &cells);
        } else {
            self.note(
                n,
                NoteKind::NotPlaced,
                format!(
                    "Could not tell which key activity this belongs to: \"{}\".",
                    crate::format::truncate(cells.join(" ").trim(), 80)
                ),
            );
        }
    }

    fn objective(&mut self, n: usize, number: u32, cells: &[String]) {
        self.open = false;
        let mut parts: Vec<String> = Vec::new();
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        for (i, cell) in filled.iter().enumerate() {
            let mut text = cell.to_string();
            // The extraction leaves a lone character at a cell break ("CO 3 0", "Infrastructure-led E").
            if i + 1 < filled.len() {
                if let Some((head, last)) = text.rsplit_once(' ') {
                    if last.chars().count() == 1 && !matches!(last, "a" | "A" | "I") {
                        self.note(
                            n,
                            NoteKind::Guessed,
                            format!(
                                "Dropped a stray \"{last}\" from the objective line \"{}\".",
                                filled
                                    .iter()
                                    .map(|c| c.as_str())
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            ),
                        );
                        text = head.to_owned();
                    }
                }
            }
            parts.push(text);
        }
        let joined = parts.join(" ");
        let after_number = joined
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit());
        let title = after_number
            .trim_start_matches([':', '.', '-', ' '])
            .to_owned();
        if self.register.themes.is_empty() {
            self.note(
                n,
                NoteKind::Guessed,
                "An objective came before any theme; it was put under a theme called \u{201c}Untitled theme\u{201d}: rename it in Register details.".into(),
            );
            self.register.themes.push(Theme {
                title: "Untitled theme".into(),
                objectives: Vec::new(),
            });
        }
        if let Some(theme) = self.register.themes.last_mut() {
            theme.objectives.push(Objective {
                id: format!("CO {number}"),
                title,
                activities: Vec::new(),
            });
        }
    }

    fn activity(&mut self, n: usize, id: &str, title: &str, cells: &[String]) {
        let status_label = cells.get(STATUS).map(String::as_str).unwrap_or_default();
        let status = self.status_for(n, id, status_label);
        let Some(objective) = self
            .register
            .themes
            .last_mut()
            .and_then(|t| t.objectives.last_mut())
        else {
            self.open = false;
            self.note(
                n,
                NoteKind::NotPlaced,
                format!("Key activity {id} came before any objective line, so it was not placed."),
            );
            return;
        };
        let column = |i: usize| cells.get(i).cloned().unwrap_or_default();
        let mut activity = KeyActivity {
            id: id.to_owned(),
            title: title.to_owned(),
            status,
            progress: Vec::new(),
            next_steps: Vec::new(),
            lead_officer: column(LEAD),
            portfolio: column(PORTFOLIO),
        };
        add_point(&mut activity.progress, &column(PROGRESS), false);
        add_point(&mut activity.next_steps, &column(NEXT_STEPS), false);
        objective.activities.push(activity);
        self.open = true;
    }

    fn continuation(&mut self, n: usize, cells: &[String]) {
        let Some(activity) = self
            .register
            .themes
            .last_mut()
            .and_then(|t| t.objectives.last_mut())
            .and_then(|o| o.activities.last_mut())
        else {
            return;
        };
        let column = |i: usize| cells.get(i).map(String::as_str).unwrap_or_default();
        if !column(TITLE).is_empty() {
            activity.title = format!("{} {}", activity.title, column(TITLE));
        }
        add_point(&mut activity.progress, column(PROGRESS), true);
        add_point(&mut activity.next_steps, column(NEXT_STEPS), true);
        for (i, field) in [
            (LEAD, &mut activity.lead_officer),
            (PORTFOLIO, &mut activity.portfolio),
        ] {
            let more = column(i);
            if !more.is_empty() {
                *field = if field.is_empty() {
                    more.to_owned()
                } else {
                    format!("{field} {more}")
                };
            }
        }
        let id = activity.id.clone();
        if !column(STATUS).is_empty() {
            self.note(
                n,
                NoteKind::Guessed,
                format!(
                    "Ignored a second status \"{}\" on a continuation row of {id}.",
                    column(STATUS)
                ),
            );
        }
    }

    /// The id of the status with this label; an unknown label is added to the set.
    fn status_for(&mut self, n: usize, id: &str, label: &str) -> String {
        if let Some(status) = self.register.statuses.find_by_label(label) {
            return status.id.clone();
        }
        let label = if label.is_empty() { "No status" } else { label };
        let key = label
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let key = if key.is_empty() {
            "other-status".to_owned()
        } else {
            key
        };
        if self.register.statuses.get(&key).is_none() {
            let symbol = self.unused_symbol(label);
            self.register.statuses.0.push(Status {
                id: key.clone(),
                label: label.to_owned(),
                colour: "#505a5f".into(),
                symbol,
                meaning: String::new(),
                rank: 0,
                exception: false,
            });
            self.note(
                n,
                NoteKind::Guessed,
                format!("Key activity {id} has the status \"{label}\", which was not in the status set; it was added. Check its colour, symbol and rank."),
            );
        }
        key
    }

    /// "[P]" for "Purple", or "[P2]" … when that is taken: statuses must differ in print.
    fn unused_symbol(&self, label: &str) -> String {
        let initial: String = label.chars().next().unwrap_or('?').to_uppercase().collect();
        (1..)
            .map(|n| match n {
                1 => format!("[{initial}]"),
                n => format!("[{initial}{n}]"),
            })
            .find(|symbol| self.register.statuses.iter().all(|s| &s.symbol != symbol))
            .unwrap_or_default()
    }

    fn finish(mut self) -> ReportParse {
        let mut joins = Vec::new();
        let mut untitled = Vec::new();
        // The rules need a title on everything: a blank one is named so it can be found.
        let mut title_or = |text: String, name: String, what: &str| {
            if text.trim().is_empty() {
                untitled.push(format!(
                    "{what} had no title; it was called \u{201c}{name}\u{201d}."
                ));
                name
            } else {
                text
            }
        };
        for (t, theme) in self.register.themes.iter_mut().enumerate() {
            theme.title = title_or(
                tidy(&theme.title, &mut joins),
                format!("Untitled theme {}", t + 1),
                "A theme",
            );
            for objective in &mut theme.objectives {
                objective.title = title_or(
                    tidy(&objective.title, &mut joins),
                    format!("Untitled objective {}", objective.id),
                    &format!("Objective {}", objective.id),
                );
                for activity in &mut objective.activities {
                    activity.title = title_or(
                        tidy(&activity.title, &mut joins),
                        format!("Untitled key activity {}", activity.id),
                        &format!("Key activity {}", activity.id),
                    );
                    for point in activity.progress.iter_mut().chain(&mut activity.next_steps) {
                        *point = tidy(point, &mut joins);
                    }
                }
            }
        }
        for sentence in untitled {
            self.note(0, NoteKind::Guessed, sentence);
        }
        for join in joins {
            self.note(
                0,
                NoteKind::Guessed,
                format!(
                    "Rejoined \"{join}\" as \"{}\".",
                    join.replacen("- ", "-", 1)
                ),
            );
        }
        ReportParse {
            register: self.register,
            notes: self.notes,
        }
    }
}

/// Adds a cell's text to a list of points: a bullet starts a new point; on a
/// continuation row, text without a bullet runs on from the last point.
fn add_point(points: &mut Vec<String>, text: &str, continuing: bool) {
    if text.is_empty() {
        return;
    }
    match (clean::strip_bullet(text), points.last_mut()) {
        (Some(rest), _) => {
            if !rest.is_empty() {
                points.push(rest.to_owned());
            }
        }
        (None, Some(last)) if continuing => {
            last.push(' ');
            last.push_str(text);
        }
        (None, _) => points.push(text.to_owned()),
    }
}

fn tidy(text: &str, joins: &mut Vec<String>) -> String {
    let (joined, found) = clean::join_broken_words(text.trim());
    joins.extend(found);
    joined
}

/// The number of an objective line ("CO 1: …", "CO 4 Improving …").
fn objective_number(first: &str) -> Option<u32> {
    let rest = first.strip_prefix("CO")?.trim_start();
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = &rest[digits.len()..];
    if digits.is_empty() || after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    digits.parse().ok()
}

/// A theme line: an upper-case name before a colon ("THE PLACE: an enterprising …").
fn is_theme_title(text: &str) -> bool {
    let Some((name, _)) = text.split_once(':') else {
        return false;
    };
    name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '&')
}

/// Splits "KA.01.04 Provide …" into ("KA.01.04", "Provide …").
fn split_activity_id(first: &str) -> Option<(&str, &str)> {
    let (id, title) = first.split_once(' ').unwrap_or((first, ""));
    let mut parts = id.split('.');
    let prefix = parts.next()?;
    let numbers: Vec<&str> = parts.collect();
    let looks_like_id = (1..=5).contains(&prefix.len())
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && !numbers.is_empty()
        && numbers
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    looks_like_id.then_some((id, title.trim()))
}

#[cfg(test)]
mod tests;
