//! The register details as the officer types them (organisation, report title,
//! financial year, quarter, meeting, meeting date, author), checked field by field
//! so each refusal can be shown by its field.

use crate::period::Period;
use crate::register::Register;
use crate::validate::{thousands, MAX_TEXT_CHARS};

/// A details field, for putting an error by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailField {
    Organisation,
    Title,
    FinancialYear,
    Quarter,
    Meeting,
    MeetingDate,
    Author,
}

impl DetailField {
    /// The field's label on the form.
    pub fn label(self) -> &'static str {
        match self {
            DetailField::Organisation => "Organisation",
            DetailField::Title => "Report title",
            DetailField::FinancialYear => "Financial year",
            DetailField::Quarter => "Quarter",
            DetailField::Meeting => "Meeting or committee",
            DetailField::MeetingDate => "Meeting date",
            DetailField::Author => "Report author",
        }
    }
}

/// Why a field was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: DetailField,
    pub message: String,
}

/// The details form's values, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsDraft {
    pub organisation: String,
    pub title: String,
    pub financial_year: String,
    pub quarter: String,
    pub meeting: String,
    pub meeting_date: String,
    pub author: String,
}

impl DetailsDraft {
    /// The register's details as the form shows them.
    pub fn of(r: &Register) -> DetailsDraft {
        DetailsDraft {
            organisation: r.organisation.clone(),
            title: r.title.clone(),
            financial_year: r.period.financial_year(),
            quarter: r.period.quarter().to_string(),
            meeting: r.meeting.clone(),
            meeting_date: r.meeting_date.clone(),
            author: r.author.clone(),
        }
    }
}

/// Puts the draft's details into the register, or says, field by field, why not
/// (and changes nothing).
pub fn set_details(register: &mut Register, draft: &DetailsDraft) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut text = |field: DetailField, value: &str| -> String {
        let value = value.trim();
        let n = value.chars().count();
        if n > MAX_TEXT_CHARS {
            errors.push(FieldError {
                field,
                message: format!(
                    "{} must be {} characters or fewer; it is {}.",
                    field.label(),
                    thousands(MAX_TEXT_CHARS),
                    thousands(n)
                ),
            });
        }
        value.to_owned()
    };
    let organisation = text(DetailField::Organisation, &draft.organisation);
    let title = text(DetailField::Title, &draft.title);
    let meeting = text(DetailField::Meeting, &draft.meeting);
    let meeting_date = text(DetailField::MeetingDate, &draft.meeting_date);
    let author = text(DetailField::Author, &draft.author);
    let year = Period::parse_financial_year(&draft.financial_year);
    let quarter: Option<u8> = draft
        .quarter
        .trim()
        .parse()
        .ok()
        .filter(|q| (1..=4).contains(q));
    let period = match (year, quarter) {
        (Ok(y), Some(q)) => match Period::new(y, q) {
            Ok(p) => Some(p),
            Err(err) => {
                errors.push(FieldError {
                    field: DetailField::FinancialYear,
                    message: format!("Financial year: {err}."),
                });
                None
            }
        },
        (year, quarter) => {
            if year.is_err() {
                errors.push(FieldError {
                    field: DetailField::FinancialYear,
                    message: "Enter the financial year like 2019/20: four digits, a slash, and the next year\u{2019}s last two digits.".into(),
                });
            }
            if quarter.is_none() {
                errors.push(FieldError {
                    field: DetailField::Quarter,
                    message: "Choose quarter 1, 2, 3 or 4.".into(),
                });
            }
            None
        }
    };
    let Some(period) = period.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    register.organisation = organisation;
    register.title = title;
    register.period = period;
    register.meeting = meeting;
    register.meeting_date = meeting_date;
    register.author = author;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    #[test]
    fn details_are_set_trimmed() {
        let mut r = sample_register().unwrap();
        let mut draft = DetailsDraft::of(&r);
        draft.meeting = "  Scrutiny Panel ".into();
        draft.financial_year = "2020/21".into();
        draft.quarter = "3".into();
        set_details(&mut r, &draft).unwrap();
        assert_eq!(r.meeting, "Scrutiny Panel");
        assert_eq!(r.period.to_string(), "2020/21 Quarter 3");
    }

    #[test]
    fn each_refusal_names_its_field_and_changes_nothing() {
        let mut r = sample_register().unwrap();
        let before = r.clone();
        let mut draft = DetailsDraft::of(&r);
        draft.organisation = "A".repeat(25_000);
        draft.financial_year = "2019/21".into();
        let errors = set_details(&mut r, &draft).unwrap_err();
        assert_eq!(
            errors,
            [
                FieldError {
                    field: DetailField::Organisation,
                    message: "Organisation must be 20,000 characters or fewer; it is 25,000.".into()
                },
                FieldError {
                    field: DetailField::FinancialYear,
                    message: "Enter the financial year like 2019/20: four digits, a slash, and the next year\u{2019}s last two digits.".into()
                },
            ]
        );
        assert_eq!(r, before);
        draft = DetailsDraft::of(&r);
        draft.financial_year = "9999/00".into();
        let errors = set_details(&mut r, &draft).unwrap_err();
        assert_eq!(errors[0].field, DetailField::FinancialYear);
        assert_eq!(
            errors[0].message,
            "Financial year: the financial year must start in 1900 to 9998, not 9999/00."
        );
    }
}
