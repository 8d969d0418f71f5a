//! The key activity form's rules that are not the register's: which field a
//! refused edit is about (so its sentence sits by that field, GOV.UK style), and
//! where an edited activity lands in the filtered, paged list (its page, or
//! nowhere because it no longer matches the filters). The edits themselves and
//! their checks live in `edit`.

use crate::edit::EditError;
use crate::register::KeyActivity;

/// A field of the key activity form, in the order the form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Objective,
    Id,
    Status,
    Title,
    Progress,
    NextSteps,
    LeadOfficer,
    Portfolio,
}

impl Field {
    /// The form control's element id.
    pub fn input_id(self) -> &'static str {
        match self {
            Field::Objective => "edit-objective",
            Field::Id => "edit-id",
            Field::Status => "edit-status",
            Field::Title => "edit-title",
            Field::Progress => "edit-progress",
            Field::NextSteps => "edit-next",
            Field::LeadOfficer => "edit-lead",
            Field::Portfolio => "edit-portfolio",
        }
    }

    /// The id of the element holding this field's error sentence.
    pub fn error_id(self) -> String {
        format!("{}-error", self.input_id())
    }
}

/// The field a refused edit of `activity` is about; `None` for a problem of the
/// whole register (shown at the top of the form).
pub fn field_of(error: &EditError, activity: &KeyActivity) -> Option<Field> {
    match error {
        EditError::EmptyId | EditError::DuplicateId { .. } => Some(Field::Id),
        EditError::EmptyTitle => Some(Field::Title),
        EditError::UnknownStatus(_) => Some(Field::Status),
        EditError::NoSuchPlace => None,
        EditError::TooLong { field } => match *field {
            "ID" | "id" => Some(Field::Id),
            "title" => Some(Field::Title),
            "lead officer" => Some(Field::LeadOfficer),
            "portfolio" => Some(Field::Portfolio),
            // A point: whichever list holds the long one.
            _ => {
                let long = |points: &[String]| {
                    points
                        .iter()
                        .any(|p| p.chars().count() > crate::validate::MAX_TEXT_CHARS)
                };
                if long(&activity.progress) {
                    Some(Field::Progress)
                } else if long(&activity.next_steps) {
                    Some(Field::NextSteps)
                } else {
                    None
                }
            }
        },
        _ => None,
    }
}

/// Where an edited activity is to be found after the edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// On this page (1-based) of the filtered, ordered list.
    Page(usize),
    /// It no longer matches the filters.
    Unmatched,
}

/// Where `position` (an activity's place in the index) is in `ordered` (the
/// matches in display order), shown `page_size` to a page.
pub fn landing(ordered: &[u32], position: u32, page_size: usize) -> Landing {
    match ordered.iter().position(|p| *p == position) {
        Some(at) => Landing::Page(at / page_size.max(1) + 1),
        None => Landing::Unmatched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn activity() -> KeyActivity {
        KeyActivity {
            id: "KA.01.01".into(),
            title: "A title".into(),
            status: "green".into(),
            progress: vec!["short".into()],
            next_steps: vec!["x".repeat(crate::validate::MAX_TEXT_CHARS + 1)],
            lead_officer: String::new(),
            portfolio: String::new(),
        }
    }

    #[test]
    fn each_refusal_points_at_its_field() {
        let a = activity();
        assert_eq!(field_of(&EditError::EmptyTitle, &a), Some(Field::Title));
        assert_eq!(field_of(&EditError::EmptyId, &a), Some(Field::Id));
        let duplicate = EditError::DuplicateId {
            id: "KA.01.02".into(),
            at: "Another".into(),
        };
        assert_eq!(field_of(&duplicate, &a), Some(Field::Id));
        assert_eq!(
            field_of(&EditError::UnknownStatus("x".into()), &a),
            Some(Field::Status)
        );
        assert_eq!(
            field_of(&EditError::TooLong { field: "portfolio" }, &a),
            Some(Field::Portfolio)
        );
        // The long point is in the next steps, not the progress.
        assert_eq!(
            field_of(&EditError::TooLong { field: "point" }, &a),
            Some(Field::NextSteps)
        );
        assert_eq!(field_of(&EditError::NoSuchPlace, &a), None);
        assert_eq!(Field::Title.error_id(), "edit-title-error");
    }

    #[test]
    fn an_edited_activity_lands_on_its_page_or_out_of_the_filters() {
        let ordered = [4, 9, 2, 7, 1];
        assert_eq!(landing(&ordered, 4, 2), Landing::Page(1));
        assert_eq!(landing(&ordered, 2, 2), Landing::Page(2));
        assert_eq!(landing(&ordered, 1, 2), Landing::Page(3));
        assert_eq!(landing(&ordered, 3, 2), Landing::Unmatched);
        assert_eq!(landing(&ordered, 1, 0), Landing::Page(5));
    }
}
