//! The register as CSV for Excel: one row per key activity, RFC 4180 quoting,
//! CRLF between records, UTF-8 with a BOM (so Excel keeps "£", "’" and accents),
//! and the points of a cell joined by line breaks.

use crate::register::Register;

/// The columns, in order.
pub const HEADER: [&str; 10] = [
    "Period",
    "Theme",
    "Objective",
    "ID",
    "Key activity",
    "Status",
    "Progress",
    "Next steps",
    "Lead officer",
    "Portfolio",
];

/// The register as CSV text, starting with a BOM.
pub fn encode(register: &Register) -> String {
    let mut out = String::from('\u{feff}');
    push_record(&mut out, HEADER.iter().map(|h| h.to_string()));
    let period = register.period.to_string();
    for placed in register.activities() {
        let a = placed.activity;
        let objective = if placed.objective.title.is_empty() {
            placed.objective.id.clone()
        } else {
            format!("{}: {}", placed.objective.id, placed.objective.title)
        };
        let status = register
            .statuses
            .get(&a.status)
            .map_or_else(|| a.status.clone(), |s| s.label.clone());
        push_record(
            &mut out,
            [
                period.clone(),
                placed.theme.title.clone(),
                objective,
                a.id.clone(),
                a.title.clone(),
                status,
                a.progress.join("\n"),
                a.next_steps.join("\n"),
                a.lead_officer.clone(),
                a.portfolio.clone(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// One field, quoted when it must be. A field that Excel would run as a formula
/// (starting "=", "+", "-", "@") is prefixed with an apostrophe, which Excel hides.
fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    #[test]
    fn one_row_per_activity_with_a_bom_and_crlf() {
        let text = encode(&sample_register().unwrap());
        assert!(text.starts_with("\u{feff}Period,Theme,Objective,ID,Key activity,Status,Progress,Next steps,Lead officer,Portfolio\r\n"));
        assert!(text.contains("\r\n2019/20 Quarter 1,\"THE PLACE: an enterprising, vibrant place\",CO 1: Keeping the District a great place to live,KA.01.01,Adoption and Implementation of the Local Plan,Green,"));
        assert!(text.contains("£247,665"));
    }

    #[test]
    fn quotes_commas_and_line_breaks_are_quoted() {
        let mut out = String::new();
        push_field(&mut out, "He said \"no\", then\nleft");
        assert_eq!(out, "\"He said \"\"no\"\", then\nleft\"");
    }

    #[test]
    fn formulas_are_defused() {
        let mut out = String::new();
        push_field(&mut out, "=HYPERLINK(\"http://x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"http://x\"\")\"");
    }
}
