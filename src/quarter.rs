//! Rolling the register into the next quarter: the period moves on (Q4 2019/20 →
//! Q1 2020/21), the activities carry over, and status and commentary are cleared
//! or kept as the officer chooses. The quarter left behind is archived by the
//! caller, after showing the officer `plan`'s sentences: what will be archived,
//! what the new quarter will hold, and what an archive it replaces differs in.

use crate::compare::activity_changes;
use crate::period::Period;
use crate::register::Register;
use std::fmt;

/// Why the next quarter cannot be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuarterError {
    /// The register is for the last period a file can hold.
    LastPeriod(Period),
}

impl fmt::Display for QuarterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuarterError::LastPeriod(p) => write!(
                f,
                "{p} is the last period a register file can hold, so no quarter can follow it. Check the register\u{2019}s financial year in Register details."
            ),
        }
    }
}

/// What starting the next quarter will do, in sentences, before it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub next: Period,
    /// "2019/20 Quarter 1 is archived as it stands: 37 key activities, read-only."
    pub archived: String,
    /// "2019/20 Quarter 2 will hold the same 37 key activities, each with its status; progress and next steps start empty."
    pub new_quarter: String,
    /// When an archive of this period exists: what replacing it changes.
    pub replaces: Option<String>,
}

/// The sentences to confirm before starting the next quarter; `existing` is an
/// archive already kept for the register's period, if any.
pub fn plan(
    register: &Register,
    carry: Carry,
    existing: Option<&Register>,
) -> Result<Plan, QuarterError> {
    let next = register
        .period
        .next()
        .ok_or(QuarterError::LastPeriod(register.period))?;
    let count = register.activity_count();
    let activities = if count == 1 {
        "key activity"
    } else {
        "key activities"
    };
    let archived = format!(
        "{} is archived as it stands: {count} {activities}, read-only, and it becomes the comparison for direction of travel.",
        register.period
    );
    let status = if carry.status {
        "each with its status".to_owned()
    } else {
        match fresh_status(register).and_then(|id| register.statuses.get(&id)) {
            Some(s) => format!("each with the status \u{201c}{}\u{201d}", s.label),
            None => "each with its status".to_owned(),
        }
    };
    let commentary = if carry.commentary {
        "progress and next steps are kept"
    } else {
        "progress and next steps start empty"
    };
    let new_quarter =
        format!("{next} will hold the same {count} {activities}, {status}; {commentary}.");
    let replaces = existing.map(|old| {
        let changes = activity_changes(old, register);
        let what = if changes.is_empty() && old == register {
            "is the same as the register now".to_owned()
        } else {
            format!(
                "differs: {} changed, {} added, {} removed (against the register now)",
                changes.changed.len(),
                changes.added.len(),
                changes.removed.len()
            )
        };
        format!(
            "An archive of {} is already kept in this browser; it {what}. Starting will replace it.",
            register.period
        )
    });
    Ok(Plan {
        next,
        archived,
        new_quarter,
        replaces,
    })
}

/// What carries into the new quarter besides the activities themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carry {
    /// Keep each activity's status (otherwise the lowest-ranked "not started"-like status).
    pub status: bool,
    /// Keep progress and next steps (otherwise they start empty).
    pub commentary: bool,
}

/// The status an activity starts a quarter with when statuses are cleared: "Not
/// started" if the set has it, otherwise the lowest-ranked status.
fn fresh_status(register: &Register) -> Option<String> {
    register
        .statuses
        .iter()
        .find(|s| s.id == "not-started" || s.label.eq_ignore_ascii_case("not started"))
        .or_else(|| register.statuses.iter().min_by_key(|s| s.rank))
        .map(|s| s.id.clone())
}

/// The register for the quarter after `register`'s.
pub fn next_quarter(register: &Register, carry: Carry) -> Result<Register, QuarterError> {
    let mut next = register.clone();
    next.period = register
        .period
        .next()
        .ok_or(QuarterError::LastPeriod(register.period))?;
    next.meeting_date.clear();
    // The trail of applied returns is the quarter's: it stays with the archive.
    next.trail.clear();
    let fresh = fresh_status(register);
    for theme in &mut next.themes {
        for objective in &mut theme.objectives {
            for activity in &mut objective.activities {
                if !carry.status {
                    if let Some(status) = &fresh {
                        activity.status = status.clone();
                    }
                }
                if !carry.commentary {
                    activity.progress.clear();
                    activity.next_steps.clear();
                }
            }
        }
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;
    use crate::sample::sample_register;

    #[test]
    fn q4_rolls_into_q1_of_the_next_financial_year() {
        let mut r = sample_register().unwrap();
        r.period = Period::new(2019, 4).unwrap();
        r.trail = vec![crate::register::AppliedReturn {
            lead: "D. Atkinson".into(),
            file: "return.xlsx".into(),
            received: "2020-01-10T09:00:00Z".into(),
            applied: "2020-01-11T09:00:00Z".into(),
            accepted: Vec::new(),
        }];
        let next = next_quarter(
            &r,
            Carry {
                status: true,
                commentary: true,
            },
        )
        .unwrap();
        assert_eq!(next.period.to_string(), "2020/21 Quarter 1");
        assert_eq!(next.themes, r.themes);
        assert!(
            next.trail.is_empty(),
            "the trail stays with the quarter it belongs to"
        );
    }

    #[test]
    fn clearing_resets_status_and_commentary_but_keeps_the_activities() {
        let r = sample_register().unwrap();
        let next = next_quarter(
            &r,
            Carry {
                status: false,
                commentary: false,
            },
        )
        .unwrap();
        assert_eq!(next.period.to_string(), "2019/20 Quarter 2");
        assert_eq!(next.activity_count(), 37);
        assert!(next
            .activities()
            .all(|p| p.activity.status == "not-started"));
        assert!(next
            .activities()
            .all(|p| p.activity.progress.is_empty() && p.activity.next_steps.is_empty()));
        assert_eq!(
            next.find_activity("KA.11.04")
                .unwrap()
                .activity
                .lead_officer,
            "B. Jolly"
        );
        assert!(crate::validate::problems(&next).is_empty());
    }

    #[test]
    fn a_set_without_not_started_uses_its_lowest_rank() {
        let mut r = sample_register().unwrap();
        r.statuses.0.retain(|s| s.id != "not-started");
        let next = next_quarter(
            &r,
            Carry {
                status: false,
                commentary: true,
            },
        )
        .unwrap();
        assert!(next
            .activities()
            .all(|p| p.activity.status == "start-later"));
    }

    #[test]
    fn the_last_period_a_file_holds_has_no_next_quarter() {
        let mut r = sample_register().unwrap();
        r.period = Period::new(9998, 4).unwrap();
        let carry = Carry {
            status: true,
            commentary: true,
        };
        let err = next_quarter(&r, carry).unwrap_err();
        assert_eq!(err, QuarterError::LastPeriod(r.period));
        assert!(err
            .to_string()
            .starts_with("9998/99 Quarter 4 is the last period"));
        assert!(plan(&r, carry, None).is_err());
    }

    #[test]
    fn the_plan_says_what_is_archived_what_the_new_quarter_holds_and_what_it_replaces() {
        let r = sample_register().unwrap();
        let carry = Carry {
            status: false,
            commentary: false,
        };
        let plan = plan(&r, carry, None).unwrap();
        assert_eq!(plan.next.to_string(), "2019/20 Quarter 2");
        assert_eq!(plan.archived, "2019/20 Quarter 1 is archived as it stands: 37 key activities, read-only, and it becomes the comparison for direction of travel.");
        assert_eq!(plan.new_quarter, "2019/20 Quarter 2 will hold the same 37 key activities, each with the status \u{201c}Not started\u{201d}; progress and next steps start empty.");
        assert_eq!(plan.replaces, None);
        let mut revised = r.clone();
        revised.themes[0].objectives[0].activities[0].status = "red".into();
        let replacing = super::plan(&revised, carry, Some(&r)).unwrap();
        assert_eq!(
            replacing.replaces.as_deref(),
            Some("An archive of 2019/20 Quarter 1 is already kept in this browser; it differs: 1 changed, 0 added, 0 removed (against the register now). Starting will replace it.")
        );
    }
}
