//! Lead officers' returns: which activities go to which lead, what a return
//! workbook holds, and what came back. Pure: the workbooks themselves are
//! written and read in the returns worker (`xlsx`, behind the `xlsx` feature),
//! which hands this module plain cells ([`book::Book`]) to check.
//!
//! - [`sheets_for`]: one [`LeadSheet`] per lead officer, their activities in
//!   report order, with last quarter's values where a previous register is known.
//! - [`identity`]: the very hidden sheet naming the register, period, lead and
//!   the values sent (the merge's base), with a fingerprint so an edit shows.
//! - [`container`]: the file before any of it is inflated (size, zip, zip bomb,
//!   password).
//! - [`read`]: a returned workbook's cells checked against the register and its
//!   identity: every refusal a sentence naming the sheet and cell.
//! - [`review`]: each return's changes field by field (sent, now, returned).
//! - [`tracker`]: who has returned, and the reminder e-mail for who has not.

pub mod book;
pub mod container;
pub mod html;
pub mod identity;
pub mod layout;
pub mod read;
pub mod request;
pub mod review;
pub mod tracker;
#[cfg(feature = "xlsx")]
pub mod xlsx;

#[cfg(test)]
mod tests;

use crate::register::Register;

/// One activity as a return sends it: the values the lead is asked to update,
/// and last quarter's for reference.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SentActivity {
    pub id: String,
    pub title: String,
    /// The status id (stable); the sheet shows its label.
    pub status: String,
    pub progress: Vec<String>,
    pub next_steps: Vec<String>,
}

/// Last quarter's values of an activity, shown beside it for reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastQuarter {
    /// The status label as last quarter's register called it.
    pub status: String,
    pub progress: Vec<String>,
    pub next_steps: Vec<String>,
}

/// One lead officer's sheet: their activities in report order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadSheet {
    pub lead: String,
    /// The sheet's name in the workbook (safe, unique within one workbook).
    pub sheet_name: String,
    pub activities: Vec<(SentActivity, Option<LastQuarter>)>,
}

/// The lead officers of `register` with their activities, sorted by name
/// (activities with no lead officer are in none; see [`without_lead`]).
/// `previous` is last quarter's register, when the app has it.
pub fn sheets_for(register: &Register, previous: Option<&Register>) -> Vec<LeadSheet> {
    let mut leads: Vec<&str> = register
        .activities()
        .map(|p| p.activity.lead_officer.trim())
        .filter(|l| !l.is_empty())
        .collect();
    leads.sort_by_key(|l| l.to_lowercase());
    leads.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut used = Vec::new();
    leads
        .into_iter()
        .map(|lead| {
            let activities = register
                .activities()
                .filter(|p| p.activity.lead_officer.trim().eq_ignore_ascii_case(lead))
                .map(|p| {
                    let a = p.activity;
                    let last = previous.and_then(|prev| {
                        prev.find_activity(&a.id).map(|old| LastQuarter {
                            status: prev
                                .statuses
                                .get(&old.activity.status)
                                .map_or_else(|| old.activity.status.clone(), |s| s.label.clone()),
                            progress: old.activity.progress.clone(),
                            next_steps: old.activity.next_steps.clone(),
                        })
                    });
                    (
                        SentActivity {
                            id: a.id.clone(),
                            title: a.title.clone(),
                            status: a.status.clone(),
                            progress: a.progress.clone(),
                            next_steps: a.next_steps.clone(),
                        },
                        last,
                    )
                })
                .collect();
            let sheet_name = layout::sheet_name(lead, &used);
            used.push(sheet_name.clone());
            LeadSheet {
                lead: lead.to_owned(),
                sheet_name,
                activities,
            }
        })
        .collect()
}

/// The IDs of activities that name no lead officer, so are in no return.
pub fn without_lead(register: &Register) -> Vec<String> {
    register
        .activities()
        .filter(|p| p.activity.lead_officer.trim().is_empty())
        .map(|p| p.activity.id.clone())
        .collect()
}

/// A file name for a return: period and lead, safe on every file system
/// ("return-2019-20-q1-d-atkinson.xlsx"); `lead` None for the one workbook
/// with every lead ("return-2019-20-q1-all-leads.xlsx").
pub fn file_name(register: &Register, lead: Option<&str>) -> String {
    let raw = format!(
        "return {} q{} {}",
        register.period.financial_year(),
        register.period.quarter(),
        lead.unwrap_or("all leads")
    );
    crate::export::safe_name(&raw, "xlsx")
}
