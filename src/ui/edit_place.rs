//! Keeping the editor's place: after the key activity form closes, focus goes
//! back to the row's Edit button (on the page it is now on), to "Add key
//! activity", or to the results line; an activity the edit took out of the
//! filters stays on the page with a sentence saying so (`Explorer::kept`).
//! Focus waits for the next frames, when the new rows are in the page.

use super::explorer::{Explorer, Kept};
use super::navigation::Navigation;
use super::state::AppState;
use crate::activity_form::{landing, Landing};
use crate::query::page_size;
use leptos::prelude::*;

/// Where focus goes when the form closes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Return {
    /// The Edit button of this activity's row.
    Row(String),
    /// "Add key activity", which opened the form.
    AddButton,
    /// The results line ("Showing N of M"), when the row is gone.
    Results,
}

use super::focus::{focus_by_id, focus_when, FRAMES};

/// Moves focus back to `to` once the page shows it.
pub fn return_focus(to: Return) {
    match to {
        Return::Row(id) => {
            let selector = format!("button[data-edit={}]", crate::export::css_string(&id));
            focus_when(
                move || {
                    document()
                        .query_selector(&selector)
                        .ok()
                        .flatten()
                        .or_else(|| document().get_element_by_id("results-line"))
                },
                FRAMES,
            );
        }
        Return::AddButton => focus_by_id("add-activity"),
        Return::Results => focus_by_id("results-line"),
    }
}

/// What deciding where an edited activity shows needs; taken from context when
/// the form is created (event handlers run outside it).
#[derive(Clone, Copy)]
pub struct Place {
    state: AppState,
    explorer: Explorer,
    nav: Navigation,
}

impl Place {
    /// The app's explorer and navigation, if the form is inside the app.
    pub fn here() -> Option<Place> {
        Some(Place {
            state: use_context::<AppState>()?,
            explorer: use_context::<Explorer>()?,
            nav: use_context::<Navigation>()?,
        })
    }
}

/// Decides where the activity `id` (just saved, now of status `status`) is
/// shown: its page of the filtered list, or kept on this page with a sentence
/// when it no longer matches the filters. Returns where focus goes.
pub fn after_save(place: Option<Place>, id: &str, status: &str) -> Return {
    let Some(Place {
        state,
        explorer,
        nav,
    }) = place
    else {
        return Return::Row(id.to_owned());
    };
    let position = explorer.indexed.with_untracked(|i| {
        i.as_ref()
            .and_then(|i| i.index.activity_ids.iter().position(|a| a == id))
    });
    let Some(position) = position else {
        return Return::Results;
    };
    let rows = nav.view_query.with_untracked(|v| v.rows);
    let landed = explorer
        .ordered
        .with_untracked(|o| landing(o, position as u32, page_size(o.len(), rows)));
    match landed {
        Landing::Page(page) => {
            let current = nav
                .view_query
                .with_untracked(|v| v.page)
                .min(explorer.page_count.get_untracked())
                .max(1);
            if page != current {
                nav.update(false, |v| v.page = page);
            }
        }
        Landing::Unmatched => {
            let label = state.register.with_untracked(|r| {
                r.as_ref()
                    .and_then(|r| r.statuses.get(status).map(|s| s.label.clone()))
                    .unwrap_or_else(|| status.to_owned())
            });
            explorer.kept.set(Some(Kept {
                id: id.to_owned(),
                sentence: format!("{id} is now {label} and no longer matches the filters."),
            }));
        }
    }
    Return::Row(id.to_owned())
}
