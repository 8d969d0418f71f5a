//! Who has returned and who has not, and the reminder for those who have not:
//! a `mailto:` link whose subject and body name the period, the deadline and
//! the lead's activities. No server: the officer's own mail program sends it.

use super::LeadSheet;
use crate::register::Register;

/// A lead and whether a return from them has been read this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadProgress {
    pub lead: String,
    pub activities: usize,
    pub returned: bool,
}

/// Every lead in `sheets`, marked returned when `returned_leads` names them.
pub fn progress(sheets: &[LeadSheet], returned_leads: &[String]) -> Vec<LeadProgress> {
    sheets
        .iter()
        .map(|s| LeadProgress {
            lead: s.lead.clone(),
            activities: s.activities.len(),
            returned: returned_leads
                .iter()
                .any(|r| r.eq_ignore_ascii_case(&s.lead)),
        })
        .collect()
}

/// The reminder's subject and body for `sheet`'s lead.
pub fn reminder(register: &Register, sheet: &LeadSheet, deadline: &str) -> (String, String) {
    let by = if deadline.trim().is_empty() {
        String::new()
    } else {
        format!(" by {}", deadline.trim())
    };
    let subject = format!("Key activities return for {}{by}", register.period);
    let mut body = format!(
        "Dear {},\n\nPlease send your key activities return for {} ({}){by}: the status, progress and next steps of:\n\n",
        sheet.lead, register.period, register.title
    );
    for (a, _) in &sheet.activities {
        body.push_str(&format!("- {} {}\n", a.id, a.title));
    }
    body.push_str("\nThe return workbook was sent to you separately; fill in the yellow cells and send it back as it is.\n\nThank you.\n");
    (subject, body)
}

/// A `mailto:` link with subject and body (no address: the officer adds it).
pub fn mailto(subject: &str, body: &str) -> String {
    format!("mailto:?subject={}&body={}", encode(subject), encode(body))
}

/// Percent-encodes everything but unreserved characters (RFC 3986), line
/// breaks as %0D%0A as RFC 6068 asks.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for line_or_break in text.split_inclusive('\n') {
        let (line, brk) = match line_or_break.strip_suffix('\n') {
            Some(l) => (l, true),
            None => (line_or_break, false),
        };
        for b in line.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        if brk {
            out.push_str("%0D%0A");
        }
    }
    out
}

/// A date input's value ("2019-08-14") as words ("14 August 2019"); any
/// other text as it is.
pub fn deadline_words(value: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = value.trim().split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u16>(), m.parse::<usize>(), d.parse::<u8>()) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return format!("{d} {} {y}", MONTHS[m - 1]);
            }
        }
    }
    value.trim().to_owned()
}
