//! Keeping the register: the edits an officer makes (an activity's fields, adding
//! and removing activities, objectives and themes, the register details), the ID
//! rules, and undo/redo (`history`: patches of what changed).
//! Every edit is checked before it is applied: a refused edit changes nothing and
//! says why in a sentence.

mod details;
mod history;

pub use details::{set_details, DetailField, DetailsDraft, FieldError};
pub use history::{History, Patch};

use crate::register::{KeyActivity, Objective, Register, Theme};
use std::fmt;

/// Where an activity sits: theme, objective and position, all 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub theme: usize,
    pub objective: usize,
    pub activity: usize,
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    NoSuchPlace,
    EmptyId,
    DuplicateId {
        id: String,
        at: String,
    },
    UnknownStatus(String),
    EmptyTitle,
    /// A theme or objective renamed to nothing; names which.
    EmptyHeading(&'static str),
    /// Themes are told apart (and filtered) by title, so two cannot share one.
    DuplicateTheme(String),
    TooLong {
        field: &'static str,
    },
    /// The new status set breaks a rule; the sentence says which.
    StatusSet(String),
    /// A status still used by activities cannot be removed.
    StatusInUse {
        label: String,
        count: usize,
    },
    /// A new activity's status was not chosen.
    NoStatus,
    /// The changed register breaks a rule of the file format (`validate`); its sentence.
    Rules(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoSuchPlace => write!(f, "That key activity is no longer in the register; reload and try again."),
            EditError::EmptyId => write!(f, "Give the key activity an ID, such as KA.01.09."),
            EditError::DuplicateId { id, at } => write!(f, "The ID {id} is already used by \u{201c}{at}\u{201d}. Each key activity needs its own ID."),
            EditError::UnknownStatus(s) => write!(f, "The status \u{201c}{s}\u{201d} is not in this register\u{2019}s status set."),
            EditError::EmptyTitle => write!(f, "Give the key activity a title."),
            EditError::EmptyHeading(what) => write!(f, "Give the {what} a title."),
            EditError::DuplicateTheme(title) => write!(f, "There is already a theme called \u{201c}{title}\u{201d}. Give this one a title of its own."),
            EditError::TooLong { field } => write!(f, "The {field} is longer than {} characters.", crate::validate::thousands(crate::validate::MAX_TEXT_CHARS)),
            EditError::StatusSet(why) | EditError::Rules(why) => write!(f, "{why}"),
            EditError::NoStatus => write!(f, "Choose a status for the key activity."),
            EditError::StatusInUse { label, count } => write!(
                f,
                "The status \u{201c}{label}\u{201d} cannot be removed: {count} key {} it. Change {} first.",
                if *count == 1 { "activity has" } else { "activities have" },
                if *count == 1 { "that activity" } else { "those activities" }
            ),
        }
    }
}

/// The activity at `place`.
pub fn activity_at(register: &Register, place: Place) -> Option<&KeyActivity> {
    register
        .themes
        .get(place.theme)?
        .objectives
        .get(place.objective)?
        .activities
        .get(place.activity)
}

/// Where the activity with `id` is.
pub fn find(register: &Register, id: &str) -> Option<Place> {
    for (t, theme) in register.themes.iter().enumerate() {
        for (o, objective) in theme.objectives.iter().enumerate() {
            if let Some(a) = objective.activities.iter().position(|a| a.id == id) {
                return Some(Place {
                    theme: t,
                    objective: o,
                    activity: a,
                });
            }
        }
    }
    None
}

/// Where an activity whose ID is the same as `id` is: compared as the file
/// reader compares IDs (`validate::ids::key`: NFC, case, lookalike letters).
pub fn find_same_id(register: &Register, id: &str) -> Option<Place> {
    let key = crate::validate::ids::key(id);
    for (t, theme) in register.themes.iter().enumerate() {
        for (o, objective) in theme.objectives.iter().enumerate() {
            if let Some(a) = objective
                .activities
                .iter()
                .position(|a| crate::validate::ids::key(&a.id) == key)
            {
                return Some(Place {
                    theme: t,
                    objective: o,
                    activity: a,
                });
            }
        }
    }
    None
}

/// The status a new activity starts with: the set's "Not started" if it has one,
/// otherwise none (the form then asks for one), never a status such as "Complete"
/// that would record it as delivered.
pub fn default_status(register: &Register) -> Option<String> {
    register
        .statuses
        .iter()
        .find(|s| s.id == "not-started" || s.label.trim().eq_ignore_ascii_case("not started"))
        .map(|s| s.id.clone())
}

/// The one door for every change: applies `change` to a copy of `register` and
/// checks the result against the same rules the file reader applies
/// (`validate::problems`), so nothing the app accepts can make the register
/// unreadable. Returns the changed register, or why it was refused.
pub fn checked(
    register: &Register,
    change: impl FnOnce(&mut Register) -> Result<(), EditError>,
) -> Result<Register, EditError> {
    let mut next = register.clone();
    change(&mut next)?;
    accept(next)
}

/// Checks a whole register that is about to replace the current one (an import,
/// a restore, the next quarter, another tab's version) against the rules.
pub fn accept(register: Register) -> Result<Register, EditError> {
    match crate::validate::problems(&register).into_iter().next() {
        None => Ok(register),
        Some(problem) => Err(EditError::Rules(problem.message)),
    }
}

/// Splits text into points: one per non-blank line.
pub fn points_from_text(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn check(
    register: &Register,
    activity: &KeyActivity,
    except: Option<Place>,
) -> Result<(), EditError> {
    if activity.id.trim().is_empty() {
        return Err(EditError::EmptyId);
    }
    if activity.title.trim().is_empty() {
        return Err(EditError::EmptyTitle);
    }
    if activity.status.is_empty() {
        return Err(EditError::NoStatus);
    }
    if register.statuses.get(&activity.status).is_none() {
        return Err(EditError::UnknownStatus(activity.status.clone()));
    }
    if let Some((at, c)) = crate::validate::ids::hidden_character(&activity.id) {
        return Err(EditError::Rules(format!(
            "The ID holds an invisible or control character ({}) at character {at}; IDs may hold only characters that can be seen.",
            crate::validate::ids::code_point(c)
        )));
    }
    if let Some(other) = find_same_id(register, &activity.id) {
        if Some(other) != except {
            let at = activity_at(register, other)
                .map(|a| a.title.clone())
                .unwrap_or_default();
            return Err(EditError::DuplicateId {
                id: activity.id.trim().to_owned(),
                at,
            });
        }
    }
    let max = crate::validate::MAX_TEXT_CHARS;
    for (field, text) in [
        ("title", &activity.title),
        ("lead officer", &activity.lead_officer),
        ("portfolio", &activity.portfolio),
    ] {
        if text.chars().count() > max {
            return Err(EditError::TooLong { field });
        }
    }
    if activity
        .progress
        .iter()
        .chain(&activity.next_steps)
        .any(|p| p.chars().count() > max)
    {
        return Err(EditError::TooLong { field: "point" });
    }
    Ok(())
}

fn tidy(mut a: KeyActivity) -> KeyActivity {
    a.id = a.id.trim().to_owned();
    a.title = a.title.trim().to_owned();
    a.lead_officer = a.lead_officer.trim().to_owned();
    a.portfolio = a.portfolio.trim().to_owned();
    a
}

/// Replaces the activity at `place` with `activity`, if it passes the checks.
pub fn update_activity(
    register: &mut Register,
    place: Place,
    activity: KeyActivity,
) -> Result<(), EditError> {
    activity_at(register, place).ok_or(EditError::NoSuchPlace)?;
    let activity = tidy(activity);
    check(register, &activity, Some(place))?;
    register.themes[place.theme].objectives[place.objective].activities[place.activity] = activity;
    Ok(())
}

/// Adds `activity` at the end of an objective.
pub fn add_activity(
    register: &mut Register,
    theme: usize,
    objective: usize,
    activity: KeyActivity,
) -> Result<Place, EditError> {
    let activity = tidy(activity);
    check(register, &activity, None)?;
    let list = &mut register
        .themes
        .get_mut(theme)
        .and_then(|t| t.objectives.get_mut(objective))
        .ok_or(EditError::NoSuchPlace)?
        .activities;
    list.push(activity);
    Ok(Place {
        theme,
        objective,
        activity: list.len() - 1,
    })
}

/// Removes the activity at `place` and returns it.
pub fn remove_activity(register: &mut Register, place: Place) -> Result<KeyActivity, EditError> {
    activity_at(register, place).ok_or(EditError::NoSuchPlace)?;
    Ok(register.themes[place.theme].objectives[place.objective]
        .activities
        .remove(place.activity))
}

/// Adds an objective to a theme, numbered after the highest "CO n" in the register.
pub fn add_objective(
    register: &mut Register,
    theme: usize,
    title: &str,
) -> Result<usize, EditError> {
    let next = register
        .themes
        .iter()
        .flat_map(|t| &t.objectives)
        .filter_map(|o| {
            o.id.trim_start_matches(|c: char| !c.is_ascii_digit())
                .parse::<u32>()
                .ok()
        })
        .max()
        .unwrap_or(0)
        + 1;
    let title = heading_title(title, "objective")?;
    let t = register
        .themes
        .get_mut(theme)
        .ok_or(EditError::NoSuchPlace)?;
    t.objectives.push(Objective {
        id: format!("CO {next}"),
        title,
        activities: Vec::new(),
    });
    Ok(t.objectives.len() - 1)
}

/// Removes an objective with its activities.
pub fn remove_objective(
    register: &mut Register,
    theme: usize,
    objective: usize,
) -> Result<Objective, EditError> {
    let t = register
        .themes
        .get_mut(theme)
        .ok_or(EditError::NoSuchPlace)?;
    if objective >= t.objectives.len() {
        return Err(EditError::NoSuchPlace);
    }
    Ok(t.objectives.remove(objective))
}

/// Adds a theme at the end.
pub fn add_theme(register: &mut Register, title: &str) -> Result<usize, EditError> {
    let title = theme_title(register, None, title)?;
    register.themes.push(Theme {
        title,
        objectives: Vec::new(),
    });
    Ok(register.themes.len() - 1)
}

/// `title` trimmed, if it is neither empty nor too long.
fn heading_title(title: &str, what: &'static str) -> Result<String, EditError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(EditError::EmptyHeading(what));
    }
    if title.chars().count() > crate::validate::MAX_TEXT_CHARS {
        return Err(EditError::TooLong { field: "title" });
    }
    Ok(title.to_owned())
}

/// `title` trimmed, if it is not empty and no other theme (than `theme`) has it
/// (compared as the file reader compares them).
fn theme_title(
    register: &Register,
    theme: Option<usize>,
    title: &str,
) -> Result<String, EditError> {
    let title = heading_title(title, "theme")?;
    let key = crate::validate::ids::key(&title);
    let taken = register
        .themes
        .iter()
        .enumerate()
        .any(|(i, t)| Some(i) != theme && crate::validate::ids::key(&t.title) == key);
    if taken {
        return Err(EditError::DuplicateTheme(title));
    }
    Ok(title)
}

/// Gives a theme a new title.
pub fn rename_theme(register: &mut Register, theme: usize, title: &str) -> Result<(), EditError> {
    if theme >= register.themes.len() {
        return Err(EditError::NoSuchPlace);
    }
    let title = theme_title(register, Some(theme), title)?;
    register.themes[theme].title = title;
    Ok(())
}

/// Gives an objective a new title; its ID ("CO 3") and activities stay.
pub fn rename_objective(
    register: &mut Register,
    theme: usize,
    objective: usize,
    title: &str,
) -> Result<(), EditError> {
    let title = heading_title(title, "objective")?;
    let o = register
        .themes
        .get_mut(theme)
        .and_then(|t| t.objectives.get_mut(objective))
        .ok_or(EditError::NoSuchPlace)?;
    o.title = title;
    Ok(())
}

/// Removes a theme with everything under it.
pub fn remove_theme(register: &mut Register, theme: usize) -> Result<Theme, EditError> {
    if theme >= register.themes.len() {
        return Err(EditError::NoSuchPlace);
    }
    Ok(register.themes.remove(theme))
}

/// The next free ID following the objective's numbering: "KA.01.09" after KA.01.08
/// under CO 1, skipping any ID already used anywhere in the register.
pub fn suggest_id(register: &Register, theme: usize, objective: usize) -> String {
    let Some(o) = register
        .themes
        .get(theme)
        .and_then(|t| t.objectives.get(objective))
    else {
        return String::new();
    };
    let number: u32 =
        o.id.trim_start_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .unwrap_or(0);
    let highest = o
        .activities
        .iter()
        .filter_map(|a| a.id.rsplit('.').next()?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (highest + 1..)
        .map(|n| format!("KA.{number:02}.{n:02}"))
        .find(|id| find_same_id(register, id).is_none())
        .unwrap_or_default()
}

/// Replaces the status set, checking every rule: ids, labels and symbols unique
/// and non-blank, colours `#rrggbb` with at least 3:1 contrast on white, and no
/// status removed while activities still have it.
pub fn set_statuses(
    register: &mut Register,
    statuses: crate::status::StatusSet,
) -> Result<(), EditError> {
    for old in register.statuses.iter() {
        if statuses.get(&old.id).is_none() {
            let count = register
                .activities()
                .filter(|p| p.activity.status == old.id)
                .count();
            if count > 0 {
                return Err(EditError::StatusInUse {
                    label: old.label.clone(),
                    count,
                });
            }
        }
    }
    for s in statuses.iter() {
        if let Some(ratio) = crate::status::contrast_ratio(&s.colour, "#ffffff") {
            if ratio < crate::status::MIN_CONTRAST {
                return Err(EditError::StatusSet(format!(
                    "The colour {} of \u{201c}{}\u{201d} has a contrast of {}:1 on white; it needs at least 3:1 to be seen. Choose a darker colour.",
                    s.colour,
                    s.label,
                    // As `{:.1}` would round it (checked for every colour).
                    crate::format::one_decimal((ratio * 10.0).round() as u64)
                )));
            }
        }
    }
    // Checked in place (a clone would copy every activity); put back if refused.
    let old = std::mem::replace(&mut register.statuses, statuses);
    if let Some(problem) = crate::validate::problems(register).into_iter().next() {
        register.statuses = old;
        return Err(EditError::StatusSet(problem.message));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
