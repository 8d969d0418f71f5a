//! The register: themes → corporate objectives → key activities for one period.
//!
//! Plain data (serde, no signals) so it is tested natively and serialised as is.
//! Field order here is the field order of the file format; keep it stable.

use crate::period::Period;
use crate::status::StatusSet;
use serde::{Deserialize, Serialize};

/// A Corporate Plan key activities register for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// The council ("Harborough District Council").
    pub organisation: String,
    /// The report ("Corporate Plan Key Activities").
    pub title: String,
    pub period: Period,
    /// The meeting or committee the pack goes to; may be empty.
    #[serde(default)]
    pub meeting: String,
    /// The meeting date as the officer writes it; may be empty.
    #[serde(default)]
    pub meeting_date: String,
    /// Who prepared the report; may be empty.
    #[serde(default)]
    pub author: String,
    pub statuses: StatusSet,
    pub themes: Vec<Theme>,
    /// The returns applied to this register, oldest first (format 1.1); a
    /// register with none writes no `trail` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trail: Vec<AppliedReturn>,
}

/// One lead officer's return as applied: who said what, and what was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliedReturn {
    /// The lead officer the return was for.
    pub lead: String,
    /// The workbook's file name as it was imported.
    pub file: String,
    /// When the workbook was read in, and when it was applied: UTC,
    /// "2019-08-14T09:30:00Z".
    pub received: String,
    pub applied: String,
    /// The fields taken from the return, by activity; a return whose changes
    /// were all kept out (or that changed nothing) has none.
    pub accepted: Vec<AcceptedFields>,
}

/// The fields of one activity taken from a return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedFields {
    /// The activity's ID when the return was applied.
    pub activity: String,
    /// Each of "status", "progress", "next_steps", in that order.
    pub fields: Vec<String>,
}

/// The activity fields a return can change, as the file names them.
pub const RETURN_FIELDS: [&str; 3] = ["status", "progress", "next_steps"];

/// A register's own details (what is not its statuses or themes), as one value:
/// undo keeps them whole when any changed, and the merge merges them field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub organisation: String,
    pub title: String,
    pub period: Period,
    pub meeting: String,
    pub meeting_date: String,
    pub author: String,
}

impl Details {
    pub fn of(r: &Register) -> Details {
        Details {
            organisation: r.organisation.clone(),
            title: r.title.clone(),
            period: r.period,
            meeting: r.meeting.clone(),
            meeting_date: r.meeting_date.clone(),
            author: r.author.clone(),
        }
    }

    /// Puts these details into `r`, returning the ones it had.
    pub fn swap_into(self, r: &mut Register) -> Details {
        let old = Details::of(r);
        r.organisation = self.organisation;
        r.title = self.title;
        r.period = self.period;
        r.meeting = self.meeting;
        r.meeting_date = self.meeting_date;
        r.author = self.author;
        old
    }
}

/// A theme of the Corporate Plan ("THE PLACE: an enterprising, vibrant place").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub title: String,
    pub objectives: Vec<Objective>,
}

/// A corporate objective ("CO 1", "Keeping the District a great place to live").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    pub title: String,
    pub activities: Vec<KeyActivity>,
}

/// A key activity: one row of the report's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyActivity {
    /// "KA.01.04"; unique within the register.
    pub id: String,
    pub title: String,
    /// The `id` of a status in the register's status set.
    pub status: String,
    /// Progress commentary, one entry per point as the report writes them.
    pub progress: Vec<String>,
    /// Next steps, one entry per point.
    pub next_steps: Vec<String>,
    /// "CMT Lead" or "Lead Officer" in the report; may be empty.
    pub lead_officer: String,
    /// The Cabinet portfolio; may be empty.
    pub portfolio: String,
}

/// A key activity with the theme and objective it sits under.
#[derive(Debug, Clone, Copy)]
pub struct PlacedActivity<'a> {
    pub theme: &'a Theme,
    pub objective: &'a Objective,
    pub activity: &'a KeyActivity,
}

impl Register {
    /// An empty register using the default status set.
    pub fn new(organisation: &str, title: &str, period: Period) -> Register {
        Register {
            organisation: organisation.to_owned(),
            title: title.to_owned(),
            period,
            meeting: String::new(),
            meeting_date: String::new(),
            author: String::new(),
            statuses: StatusSet::default_set(),
            themes: Vec::new(),
            trail: Vec::new(),
        }
    }

    /// "Harborough District Council: Corporate Plan Key Activities, 2019/20 Quarter 1".
    pub fn heading(&self) -> String {
        format!("{}: {}, {}", self.organisation, self.title, self.period)
    }

    /// Every key activity in report order, with its theme and objective.
    pub fn activities(&self) -> impl Iterator<Item = PlacedActivity<'_>> {
        self.themes.iter().flat_map(|theme| {
            theme.objectives.iter().flat_map(move |objective| {
                objective
                    .activities
                    .iter()
                    .map(move |activity| PlacedActivity {
                        theme,
                        objective,
                        activity,
                    })
            })
        })
    }

    pub fn activity_count(&self) -> usize {
        self.themes
            .iter()
            .flat_map(|t| &t.objectives)
            .map(|o| o.activities.len())
            .sum()
    }

    pub fn objective_count(&self) -> usize {
        self.themes.iter().map(|t| t.objectives.len()).sum()
    }

    /// How many activities have each status, in the status set's order.
    pub fn count_by_status(&self) -> Vec<(&str, usize)> {
        self.statuses
            .iter()
            .map(|status| {
                let n = self
                    .activities()
                    .filter(|placed| placed.activity.status == status.id)
                    .count();
                (status.id.as_str(), n)
            })
            .collect()
    }

    /// The activity with this ID.
    pub fn find_activity(&self, id: &str) -> Option<PlacedActivity<'_>> {
        self.activities().find(|placed| placed.activity.id == id)
    }
}
