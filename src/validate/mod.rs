//! Register invariants: the one rule book, checked on every register that comes
//! in from outside and on every change the app makes (`edit`, `AppState::edit`).
//!
//! A register is valid when: no text is longer than `MAX_TEXT_CHARS`; its status
//! set is not empty; status ids, labels and symbols are non-blank and unique (so
//! print tells statuses apart without colour); colours are `#rrggbb` (they reach a
//! style, so nothing else may pass) with at least 3:1 contrast on white (else the
//! status cannot be seen); theme titles are non-blank and unique; objective IDs
//! and titles are non-blank and IDs unique; activity IDs are non-blank and unique,
//! titles non-blank, and every activity's status is in the set. IDs are compared
//! by `ids::key` (canonically decomposed, as NFC compares; case folded;
//! lookalike letters as Latin) and may not hold
//! invisible, control or bidirectional characters (`ids::hidden_character`).
//! Each applied return in the trail names a lead and a file, was received and
//! then applied at UTC times, and lists each activity once with fields from
//! status, progress and next_steps.
//! Each problem carries the path of the offending value and a sentence for the
//! user that quotes at most a short excerpt of any value.

mod decompositions;
pub mod ids;

use crate::format::truncate;
use crate::register::Register;
use std::collections::HashMap;

/// One thing wrong with a register, where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path into the register, e.g. `themes[1].objectives[0].activities[3].status`.
    pub path: String,
    /// A sentence for the user.
    pub message: String,
}

/// The longest text any one field may hold, in characters. The longest field of the
/// Q1 2019/20 report is under 2,000; this leaves room and still stops a runaway file.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The most characters of a value quoted in a sentence.
const EXCERPT: usize = 60;

/// `text`, cut to a short excerpt for a sentence.
fn excerpt(text: &str) -> String {
    truncate(text, EXCERPT)
}

/// Every invariant the register breaks, in document order; empty when valid.
pub fn problems(register: &Register) -> Vec<Problem> {
    let mut found = Vec::new();
    long_texts(register, &mut found);
    statuses(register, &mut found);
    structure(register, &mut found);
    trail(register, &mut found);
    found
}

/// Whether `text` is a UTC time as the trail writes it: "2019-08-14T09:30:00Z",
/// optionally with fractions of a second ("…00.250Z").
pub fn is_utc_time(text: &str) -> bool {
    let b = text.as_bytes();
    let shape = b"0000-00-00T00:00:00".iter().enumerate().all(|(i, t)| {
        b.get(i).is_some_and(|c| {
            if *t == b'0' {
                c.is_ascii_digit()
            } else {
                c == t
            }
        })
    });
    let rest = b.get(19..).unwrap_or_default();
    shape
        && (rest == b"Z"
            || (rest.len() > 2
                && rest[0] == b'.'
                && rest.ends_with(b"Z")
                && rest[1..rest.len() - 1].iter().all(u8::is_ascii_digit)))
}

/// The trail of applied returns: who, which file, when (received, then
/// applied, as UTC times), and the fields taken, each activity once per return.
/// The first problem of each entry, in one sentence shape (a smaller wasm).
fn trail(register: &Register, found: &mut Vec<Problem>) {
    for (i, e) in register.trail.iter().enumerate() {
        let bad_accepted = e.accepted.iter().enumerate().find_map(|(a, x)| {
            let f = &x.fields;
            let bad = x.activity.trim().is_empty()
                || e.accepted[..a]
                    .iter()
                    .any(|y| ids::key(&y.activity) == ids::key(&x.activity))
                || f.is_empty()
                || f.iter().enumerate().any(|(k, n)| {
                    !crate::register::RETURN_FIELDS.contains(&n.as_str()) || f[..k].contains(n)
                });
            bad.then_some(a)
        });
        let (place, what) = if e.lead.trim().is_empty() {
            (".lead".to_owned(), "it names no lead officer")
        } else if e.file.trim().is_empty() {
            (".file".to_owned(), "it names no file")
        } else if !is_utc_time(&e.received) {
            (
                ".received".to_owned(),
                "the time it was received is not written like 2019-08-14T09:30:00Z",
            )
        } else if !is_utc_time(&e.applied) {
            (
                ".applied".to_owned(),
                "the time it was applied is not written like 2019-08-14T09:30:00Z",
            )
        } else if e.applied[..19] < e.received[..19] {
            (
                ".applied".to_owned(),
                "it was applied before it was received",
            )
        } else if let Some(a) = bad_accepted {
            (format!(".accepted[{a}]"), "each key activity is listed once, with its ID and one or more of status, progress and next_steps, each once")
        } else {
            continue;
        };
        push(
            found,
            format!("trail[{i}]{place}"),
            format!(
                "The applied return {} ({} from {}): {what}.",
                i + 1,
                excerpt(&e.file),
                excerpt(&e.lead)
            ),
        );
    }
}

fn push(found: &mut Vec<Problem>, path: String, message: String) {
    found.push(Problem { path, message });
}

/// A problem if `id` holds a character no ID may hold.
fn hidden(found: &mut Vec<Problem>, path: &str, what: &str, id: &str) {
    if let Some((at, c)) = ids::hidden_character(id) {
        push(
            found,
            format!("{path}.id"),
            format!(
                "The {what} \u{201c}{}\u{201d} holds an invisible or control character ({}) at character {at}; IDs may hold only characters that can be seen.",
                excerpt(&id.replace(ids::is_hidden, "\u{fffd}")),
                ids::code_point(c)
            ),
        );
    }
}

fn statuses(register: &Register, found: &mut Vec<Problem>) {
    if register.statuses.is_empty() {
        push(
            found,
            "statuses".into(),
            "The status set is empty: a register needs at least one status.".into(),
        );
    }
    let mut status_seen: HashMap<String, usize> = HashMap::new();
    let mut label_seen: HashMap<String, usize> = HashMap::new();
    let mut symbol_seen: HashMap<&str, usize> = HashMap::new();
    for (i, status) in register.statuses.iter().enumerate() {
        let path = format!("statuses[{i}]");
        let label = excerpt(&status.label);
        if status.id.trim().is_empty() {
            push(
                found,
                format!("{path}.id"),
                "A status has an empty id.".into(),
            );
        } else if let Some(first) = status_seen.insert(ids::key(&status.id), i) {
            push(
                found,
                format!("{path}.id"),
                format!(
                    "The status id \"{}\" is used twice (also at statuses[{first}]).",
                    excerpt(&status.id)
                ),
            );
        }
        hidden(found, &path, "status id", &status.id);
        if status.label.trim().is_empty() {
            push(
                found,
                format!("{path}.label"),
                format!("The status \"{}\" has no label.", excerpt(&status.id)),
            );
        } else if let Some(first) = label_seen.insert(ids::key(&status.label), i) {
            push(
                found,
                format!("{path}.label"),
                format!("The status label \"{label}\" is used twice (also at statuses[{first}])."),
            );
        }
        if status.symbol.trim().is_empty() {
            push(
                found,
                format!("{path}.symbol"),
                format!("The status \"{label}\" has no symbol, so it would show by colour alone."),
            );
        } else if let Some(first) = symbol_seen.insert(status.symbol.trim(), i) {
            push(
                found,
                format!("{path}.symbol"),
                format!(
                    "The status \"{label}\" has the same symbol \"{}\" as statuses[{first}], so the two cannot be told apart in black-and-white print.",
                    excerpt(&status.symbol)
                ),
            );
        }
        match crate::status::contrast_ratio(&status.colour, "#ffffff") {
            None => push(
                found,
                format!("{path}.colour"),
                format!(
                    "The status \"{label}\" has the colour \"{}\"; colours are written #rrggbb, such as #00703c.",
                    excerpt(&status.colour)
                ),
            ),
            Some(ratio) if ratio < crate::status::MIN_CONTRAST => push(
                found,
                format!("{path}.colour"),
                format!(
                    "The status \"{label}\" has the colour {}, with a contrast of {}:1 on white; it needs at least 3:1 to be seen. Choose a darker colour.",
                    status.colour,
                    crate::format::one_decimal((ratio * 10.0).floor() as u64)
                ),
            ),
            Some(_) => {}
        }
    }
}

/// Themes, objectives and activities: titles, IDs, statuses.
fn structure(register: &Register, found: &mut Vec<Problem>) {
    let mut theme_seen: HashMap<String, usize> = HashMap::new();
    let mut objective_seen: HashMap<String, String> = HashMap::new();
    let mut activity_seen: HashMap<String, String> = HashMap::new();
    for (t, theme) in register.themes.iter().enumerate() {
        let path = format!("themes[{t}]");
        if theme.title.trim().is_empty() {
            push(
                found,
                format!("{path}.title"),
                format!("Theme {} has no title.", t + 1),
            );
        } else if let Some(first) = theme_seen.insert(ids::key(&theme.title), t) {
            push(
                found,
                format!("{path}.title"),
                format!(
                    "The theme title \u{201c}{}\u{201d} is used twice (also at themes[{first}]); each theme needs a title of its own, or filtering by theme would leave activities out.",
                    excerpt(&theme.title)
                ),
            );
        }
        for (o, objective) in theme.objectives.iter().enumerate() {
            let path = format!("themes[{t}].objectives[{o}]");
            if objective.id.trim().is_empty() {
                push(
                    found,
                    format!("{path}.id"),
                    format!(
                        "The objective \u{201c}{}\u{201d} has no ID.",
                        excerpt(&objective.title)
                    ),
                );
            } else if let Some(first) = objective_seen.get(&ids::key(&objective.id)) {
                push(
                    found,
                    format!("{path}.id"),
                    format!(
                        "The objective ID {} is used twice (also at {first}); each objective needs its own ID, or filtering by objective would leave activities out.",
                        excerpt(&objective.id)
                    ),
                );
            } else {
                objective_seen.insert(ids::key(&objective.id), path.clone());
            }
            hidden(found, &path, "objective ID", &objective.id);
            if objective.title.trim().is_empty() {
                push(
                    found,
                    format!("{path}.title"),
                    format!("The objective {} has no title.", excerpt(&objective.id)),
                );
            }
            for (a, activity) in objective.activities.iter().enumerate() {
                let path = format!("{path}.activities[{a}]");
                let id = excerpt(&activity.id);
                if activity.id.trim().is_empty() {
                    push(
                        found,
                        format!("{path}.id"),
                        format!(
                            "The key activity \"{}\" has no ID.",
                            excerpt(&activity.title)
                        ),
                    );
                } else if let Some(first) = activity_seen.get(&ids::key(&activity.id)) {
                    push(
                        found,
                        format!("{path}.id"),
                        format!("The key activity ID {id} is used twice (also at {first})."),
                    );
                } else {
                    activity_seen.insert(ids::key(&activity.id), path.clone());
                }
                hidden(found, &path, "key activity ID", &activity.id);
                if activity.title.trim().is_empty() {
                    push(
                        found,
                        format!("{path}.title"),
                        format!("The key activity {id} has no title."),
                    );
                }
                if register.statuses.get(&activity.status).is_none() {
                    push(
                        found,
                        format!("{path}.status"),
                        format!(
                            "Key activity {id} has the status \"{}\", which is not in the register's status set.",
                            excerpt(&activity.status)
                        ),
                    );
                }
            }
        }
    }
}

/// Fields longer than `MAX_TEXT_CHARS`.
fn long_texts(register: &Register, found: &mut Vec<Problem>) {
    let mut check = |path: String, text: &str| {
        let n = text.chars().count();
        if n > MAX_TEXT_CHARS {
            found.push(Problem {
                message: format!(
                    "The text at {path} is {} characters long; the most one field may hold is {}.",
                    thousands(n),
                    thousands(MAX_TEXT_CHARS)
                ),
                path,
            });
        }
    };
    for (name, text) in [
        ("organisation", &register.organisation),
        ("title", &register.title),
        ("meeting", &register.meeting),
        ("meeting_date", &register.meeting_date),
        ("author", &register.author),
    ] {
        check(name.to_owned(), text);
    }
    for (i, s) in register.statuses.iter().enumerate() {
        for (name, text) in [
            ("id", &s.id),
            ("label", &s.label),
            ("colour", &s.colour),
            ("symbol", &s.symbol),
            ("meaning", &s.meaning),
        ] {
            check(format!("statuses[{i}].{name}"), text);
        }
    }
    for (i, entry) in register.trail.iter().enumerate() {
        check(format!("trail[{i}].lead"), &entry.lead);
        check(format!("trail[{i}].file"), &entry.file);
        for (a, accepted) in entry.accepted.iter().enumerate() {
            check(
                format!("trail[{i}].accepted[{a}].activity"),
                &accepted.activity,
            );
        }
    }
    for (t, theme) in register.themes.iter().enumerate() {
        check(format!("themes[{t}].title"), &theme.title);
        for (o, objective) in theme.objectives.iter().enumerate() {
            let path = format!("themes[{t}].objectives[{o}]");
            check(format!("{path}.id"), &objective.id);
            check(format!("{path}.title"), &objective.title);
            for (a, act) in objective.activities.iter().enumerate() {
                let path = format!("{path}.activities[{a}]");
                for (name, text) in [
                    ("id", &act.id),
                    ("title", &act.title),
                    ("status", &act.status),
                    ("lead_officer", &act.lead_officer),
                    ("portfolio", &act.portfolio),
                ] {
                    check(format!("{path}.{name}"), text);
                }
                for (name, points) in [("progress", &act.progress), ("next_steps", &act.next_steps)]
                {
                    for (p, text) in points.iter().enumerate() {
                        check(format!("{path}.{name}[{p}]"), text);
                    }
                }
            }
        }
    }
}

/// 20000 → "20,000", as figures are written for people.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether `text` is a colour written `#rrggbb`.
pub fn is_hex_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;
    use crate::register::{KeyActivity, Objective, Theme};

    fn register_with(activities: Vec<KeyActivity>) -> Register {
        let mut register = Register::new("Council", "Plan", Period::new(2019, 1).unwrap());
        register.themes.push(Theme {
            title: "THE PLACE".into(),
            objectives: vec![Objective {
                id: "CO 1".into(),
                title: "Homes".into(),
                activities,
            }],
        });
        register
    }

    fn activity(id: &str, status: &str) -> KeyActivity {
        KeyActivity {
            id: id.into(),
            title: format!("Activity {id}"),
            status: status.into(),
            progress: vec![],
            next_steps: vec![],
            lead_officer: String::new(),
            portfolio: String::new(),
        }
    }

    #[test]
    fn a_sound_register_has_no_problems() {
        let register = register_with(vec![
            activity("KA.01.01", "green"),
            activity("KA.01.02", "amber"),
        ]);
        assert_eq!(problems(&register), vec![]);
    }

    #[test]
    fn a_colour_that_is_not_hex_is_refused_so_no_css_reaches_a_style() {
        let mut register = register_with(vec![activity("KA.01.01", "green")]);
        register.statuses.0[1].colour = "#000; background: url(https://x)".into();
        let found = problems(&register);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "statuses[1].colour");
        assert!(is_hex_colour("#00703C"));
        assert!(!is_hex_colour("green"));
    }

    #[test]
    fn statuses_must_differ_in_symbol_and_label_and_the_set_is_not_empty() {
        let mut register = register_with(vec![]);
        register.statuses.0[2].symbol = register.statuses.0[1].symbol.clone();
        register.statuses.0[3].label = "GREEN".into();
        let paths: Vec<_> = problems(&register).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, ["statuses[2].symbol", "statuses[3].label"]);
        register.statuses.0.clear();
        assert_eq!(problems(&register)[0].path, "statuses");
    }

    #[test]
    fn unknown_status_is_reported_with_its_path() {
        let register = register_with(vec![activity("KA.01.01", "purple")]);
        let found = problems(&register);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].path,
            "themes[0].objectives[0].activities[0].status"
        );
        assert!(found[0].message.contains("\"purple\""));
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let register = register_with(vec![
            activity("KA.01.01", "green"),
            activity("KA.01.01", "green"),
        ]);
        let found = problems(&register);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "themes[0].objectives[0].activities[1].id");
        assert!(found[0]
            .message
            .contains("themes[0].objectives[0].activities[0]"));
    }
}
