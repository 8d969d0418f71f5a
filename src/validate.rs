//! Register invariants, checked on every register that comes in from outside.
//!
//! A register is valid when its status set is not empty; status ids, labels and
//! symbols are non-blank and unique (so print tells statuses apart without colour);
//! colours are `#rrggbb` (they reach an inline style, so nothing else may pass);
//! every activity's status is in the set; and activity IDs are unique and non-blank.
//! Each problem carries the path of the offending value and a sentence for the user.

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

/// Every invariant the register breaks, in document order; empty when valid.
pub fn problems(register: &Register) -> Vec<Problem> {
    let mut found = Vec::new();
    long_texts(register, &mut found);
    if register.statuses.is_empty() {
        found.push(Problem {
            path: "statuses".into(),
            message: "The status set is empty: a register needs at least one status.".into(),
        });
    }
    let mut status_seen: HashMap<&str, usize> = HashMap::new();
    let mut label_seen: HashMap<String, usize> = HashMap::new();
    let mut symbol_seen: HashMap<&str, usize> = HashMap::new();
    for (i, status) in register.statuses.iter().enumerate() {
        let path = format!("statuses[{i}]");
        if status.id.trim().is_empty() {
            found.push(Problem {
                path: format!("{path}.id"),
                message: "A status has an empty id.".into(),
            });
        } else if let Some(first) = status_seen.insert(status.id.as_str(), i) {
            found.push(Problem {
                path: format!("{path}.id"),
                message: format!(
                    "The status id \"{}\" is used twice (also at statuses[{first}]).",
                    status.id
                ),
            });
        }
        if status.label.trim().is_empty() {
            found.push(Problem {
                path: format!("{path}.label"),
                message: format!("The status \"{}\" has no label.", status.id),
            });
        } else if let Some(first) = label_seen.insert(status.label.trim().to_lowercase(), i) {
            found.push(Problem {
                path: format!("{path}.label"),
                message: format!(
                    "The status label \"{}\" is used twice (also at statuses[{first}]).",
                    status.label
                ),
            });
        }
        if status.symbol.trim().is_empty() {
            found.push(Problem {
                path: format!("{path}.symbol"),
                message: format!(
                    "The status \"{}\" has no symbol, so it would show by colour alone.",
                    status.label
                ),
            });
        } else if let Some(first) = symbol_seen.insert(status.symbol.trim(), i) {
            found.push(Problem {
                path: format!("{path}.symbol"),
                message: format!(
                    "The status \"{}\" has the same symbol \"{}\" as statuses[{first}], so the two cannot be told apart in black-and-white print.",
                    status.label, status.symbol
                ),
            });
        }
        if !is_hex_colour(&status.colour) {
            found.push(Problem {
                path: format!("{path}.colour"),
                message: format!(
                    "The status \"{}\" has the colour \"{}\"; colours are written #rrggbb, such as #00703c.",
                    status.label,
                    crate::format::truncate(&status.colour, 40)
                ),
            });
        }
    }
    let mut activity_seen: HashMap<&str, String> = HashMap::new();
    for (t, theme) in register.themes.iter().enumerate() {
        for (o, objective) in theme.objectives.iter().enumerate() {
            for (a, activity) in objective.activities.iter().enumerate() {
                let path = format!("themes[{t}].objectives[{o}].activities[{a}]");
                if activity.id.trim().is_empty() {
                    found.push(Problem {
                        path: format!("{path}.id"),
                        message: format!("The key activity \"{}\" has no ID.", activity.title),
                    });
                } else if let Some(first) = activity_seen.get(activity.id.as_str()) {
                    found.push(Problem {
                        path: format!("{path}.id"),
                        message: format!(
                            "The key activity ID {} is used twice (also at {first}).",
                            activity.id
                        ),
                    });
                } else {
                    activity_seen.insert(activity.id.as_str(), path.clone());
                }
                if register.statuses.get(&activity.status).is_none() {
                    found.push(Problem {
                        path: format!("{path}.status"),
                        message: format!(
                            "Key activity {} has the status \"{}\", which is not in the register's status set.",
                            activity.id, activity.status
                        ),
                    });
                }
            }
        }
    }
    found
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
