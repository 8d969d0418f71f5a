//! The return's identity: a very hidden sheet naming the register, the period,
//! each lead's sheet and the values sent (the base the review compares with),
//! and a fingerprint of all of it, so an edited identity is refused rather than
//! trusted. The fingerprint (FNV-1a, 64 bits) catches edits and damage; it is
//! not a signature against someone set on forging one.

use super::book::{Sheet, Visibility};
use super::layout::{lines, IDENTITY_SHEET};
use super::read::Problem;
use super::{LeadSheet, SentActivity};
use crate::register::Register;
use serde::{Deserialize, Serialize};

/// What the first cell says, and the layout's version.
pub const MARK: &str = "Activity Register return";
pub const VERSION: &str = "1";
const FINGERPRINT_ROW: u32 = 5;
const HEADINGS_ROW: u32 = 6;
const FIRST_ROW: u32 = 7;

/// Which register, period and leads a return is for, and what was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub organisation: String,
    pub title: String,
    /// "2019/20 Quarter 1".
    pub period: String,
    pub leads: Vec<SentLead>,
}

/// One lead's sheet as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentLead {
    pub sheet: String,
    pub lead: String,
    pub activities: Vec<SentActivity>,
}

impl Identity {
    pub fn new(register: &Register, sheets: &[&LeadSheet]) -> Identity {
        Identity {
            organisation: register.organisation.clone(),
            title: register.title.clone(),
            period: register.period.to_string(),
            leads: sheets
                .iter()
                .map(|s| SentLead {
                    sheet: s.sheet_name.clone(),
                    lead: s.lead.clone(),
                    activities: s.activities.iter().map(|(a, _)| a.clone()).collect(),
                })
                .collect(),
        }
    }

    /// The identity as the hidden sheet's cells.
    pub fn to_sheet(&self) -> Sheet {
        let mut sheet = Sheet::new(IDENTITY_SHEET, Visibility::VeryHidden);
        for (row, cells) in self.rows().into_iter().enumerate() {
            for (col, text) in cells.iter().enumerate() {
                sheet.set(row as u32, col as u16, text);
            }
        }
        sheet.set(FINGERPRINT_ROW, 0, "Fingerprint");
        sheet.set(FINGERPRINT_ROW, 1, &fingerprint(&self.rows()));
        sheet
    }

    /// Every row but the fingerprint's, in sheet order (the fingerprint's row
    /// left empty).
    fn rows(&self) -> Vec<Vec<String>> {
        let mut rows = vec![
            vec![MARK.to_owned(), VERSION.to_owned()],
            vec!["Organisation".to_owned(), self.organisation.clone()],
            vec!["Report".to_owned(), self.title.clone()],
            vec!["Period".to_owned(), self.period.clone()],
            vec![
                "Note".to_owned(),
                "What was sent, so the returned values can be compared with it. Do not edit."
                    .to_owned(),
            ],
            Vec::new(),
            [
                "Sheet",
                "Lead officer",
                "ID",
                "Title",
                "Status",
                "Progress",
                "Next steps",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for lead in &self.leads {
            for a in &lead.activities {
                rows.push(vec![
                    lead.sheet.clone(),
                    lead.lead.clone(),
                    a.id.clone(),
                    a.title.clone(),
                    a.status.clone(),
                    lines(&a.progress),
                    lines(&a.next_steps),
                ]);
            }
        }
        rows
    }

    /// Reads the identity back from its sheet, refusing one that was edited.
    pub fn from_sheet(sheet: &Sheet) -> Result<Identity, Problem> {
        let edited = |row: u32, col: u16| Problem::IdentityEdited {
            cell: super::layout::cell_ref(row, col),
        };
        if sheet.text(0, 0) != MARK {
            return Err(edited(0, 0));
        }
        if sheet.text(0, 1) != VERSION {
            return Err(Problem::NewerReturn {
                version: sheet.text(0, 1),
            });
        }
        if sheet.text(HEADINGS_ROW, 2) != "ID" {
            return Err(edited(HEADINGS_ROW, 2));
        }
        let mut leads: Vec<SentLead> = Vec::new();
        let last = sheet.last_row().unwrap_or(0);
        for row in FIRST_ROW..=last {
            let cell = |col: u16| sheet.text(row, col);
            let (name, lead) = (cell(0), cell(1));
            if name.is_empty() {
                return Err(edited(row, 0));
            }
            let activity = SentActivity {
                id: cell(2),
                title: cell(3),
                status: cell(4),
                progress: crate::edit::points_from_text(&cell(5)),
                next_steps: crate::edit::points_from_text(&cell(6)),
            };
            match leads.last_mut() {
                Some(l) if l.sheet == name => l.activities.push(activity),
                _ => leads.push(SentLead {
                    sheet: name,
                    lead,
                    activities: vec![activity],
                }),
            }
        }
        let identity = Identity {
            organisation: sheet.text(1, 1),
            title: sheet.text(2, 1),
            period: sheet.text(3, 1),
            leads,
        };
        if leads_empty(&identity) || sheet.text(FINGERPRINT_ROW, 1) != fingerprint(&identity.rows())
        {
            return Err(edited(FINGERPRINT_ROW, 1));
        }
        Ok(identity)
    }
}

fn leads_empty(identity: &Identity) -> bool {
    identity.leads.is_empty()
}

/// FNV-1a over every cell, each ended by a unit separator and each row by a
/// record separator, as 16 hex digits.
pub fn fingerprint(rows: &[Vec<String>]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for row in rows {
        for cell in row {
            // Points are compared as the lines a cell holds, so a cell read back
            // with \r\n or trailing blanks hashes the same.
            for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
                eat(line.as_bytes());
                eat(b"\n");
            }
            eat(&[0x1f]);
        }
        eat(&[0x1e]);
    }
    format!("{hash:016x}")
}
