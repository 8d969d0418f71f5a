//! Rolling the register into the next quarter: the period moves on (Q4 2019/20 →
//! Q1 2020/21), the activities carry over, and status and commentary are cleared
//! or kept as the officer chooses. The quarter left behind is archived by the caller.

use crate::register::Register;

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
pub fn next_quarter(register: &Register, carry: Carry) -> Register {
    let mut next = register.clone();
    next.period = register.period.next();
    next.meeting_date.clear();
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
    next
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
        let next = next_quarter(
            &r,
            Carry {
                status: true,
                commentary: true,
            },
        );
        assert_eq!(next.period.to_string(), "2020/21 Quarter 1");
        assert_eq!(next.themes, r.themes);
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
        );
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
        );
        assert!(next
            .activities()
            .all(|p| p.activity.status == "start-later"));
    }
}
