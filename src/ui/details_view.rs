//! Register details: organisation, report title, period, meeting, meeting date and
//! author, as shown on the pack's cover and kept in the file; the status set; the
//! themes and objectives. Every save is one undoable step through `AppState::edit`
//! (the file format's rules); a refused detail is shown by its field (GOV.UK's
//! error summary and error message pattern).
//!
//! Kept small for the initial download: the markup is escaped HTML text from
//! `crate::details_html` in a few regions, with one delegated handler per event
//! type (`submit`, `click`, `input`, `change`, `keydown`); what is typed is read
//! back from the fields when it is saved.

use super::html_region as region;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use crate::details_html::{self as html, parse_place, place_key, Place, StructureState};
use crate::edit::{set_details, DetailsDraft, FieldError};
use crate::status::{Status, StatusSet};
use crate::ui::effect::effect;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DetailsPage() -> impl IntoView {
    view! { <NeedsRegister title="Register details"><DetailsForm /></NeedsRegister> }
}

/// The view's state besides the register.
#[derive(Clone, Copy)]
struct View {
    state: AppState,
    /// The details refused at the last save (their fields are marked).
    errors: StoredValue<Vec<FieldError>>,
    /// The status set as edited, saved as one step.
    statuses: StoredValue<Vec<Status>>,
    structure: StoredValue<StructureState>,
}

#[component]
fn DetailsForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (current, statuses) = state
        .register
        .with_untracked(|r| {
            r.as_ref()
                .map(|r| (DetailsDraft::of(r), r.statuses.0.clone()))
        })
        .unwrap_or_else(|| {
            let r = crate::sample::sample_template();
            (DetailsDraft::of(&r), r.statuses.0.clone())
        });
    let page = html::page(&current, &statuses);
    let v = View {
        state,
        errors: StoredValue::new(Vec::new()),
        statuses: StoredValue::new(statuses),
        structure: StoredValue::new(StructureState::default()),
    };
    // The themes and objectives follow the register (an edit here, an undo).
    effect(move || {
        state.register.track();
        draw_themes(v);
    });
    view! {
        <div id="details-view" inner_html=page
            on:submit=move |ev| save_details(v, ev) on:click=move |ev| on_click(v, ev)
            on:input=move |ev| on_input(v, ev) on:change=move |ev| on_change(v, ev)
            on:keydown=move |ev| on_key(v, ev)></div>
    }
}

fn save_details(v: View, ev: leptos::ev::SubmitEvent) {
    ev.prevent_default();
    let draft = DetailsDraft {
        organisation: region::value("details-organisation"),
        title: region::value("details-title"),
        financial_year: region::value("details-year"),
        quarter: region::value("details-quarter"),
        meeting: region::value("details-meeting"),
        meeting_date: region::value("details-meeting-date"),
        author: region::value("details-author"),
    };
    let mut refused = Vec::new();
    // One undoable step, through the same rules as reading a file.
    let outcome = v.state.edit(|r| {
        set_details(r, &draft).map_err(|e| {
            refused = e;
            crate::edit::EditError::Rules(String::new())
        })
    });
    region::text(
        "details-saved",
        if outcome.is_ok() {
            "Details saved. Undo in the Register view (or Ctrl+Z) takes them back."
        } else {
            ""
        },
    );
    region::set(
        "details-problem",
        &html::problem(outcome.err().as_deref().filter(|why| !why.is_empty())),
    );
    // The fields are drawn again only when their marks change, so what is
    // typed (and the cursor) stays otherwise.
    if v.errors.with_value(|e| !e.is_empty()) || !refused.is_empty() {
        region::set("details-fields", &html::fields(&draft, &refused));
    }
    region::set("details-summary", &html::summary(&refused));
    // The summary takes focus, so keyboard and screen reader users hear it.
    if !refused.is_empty() {
        region::focus("details-error-summary");
    }
    v.errors.set_value(refused);
}

fn draw_statuses(v: View) {
    region::set(
        "status-rows",
        &v.statuses.with_value(|s| html::status_rows(s)),
    );
}

fn draw_themes(v: View) {
    let text = v.state.register.with_untracked(|r| {
        v.structure.with_value(|ui| {
            r.as_ref()
                .map(|r| html::themes(&r.themes, ui))
                .unwrap_or_default()
        })
    });
    region::set("structure-themes", &text);
}

/// Says why a change to the themes was refused (or clears it); an open title
/// field is marked invalid while there is a refusal.
fn structure_problem(v: View, why: Option<&str>) {
    region::text("structure-problem", why.unwrap_or(""));
    v.structure.update_value(|s| s.problem = why.is_some());
    if let Some(place) = v.structure.with_value(|s| s.renaming) {
        if let Some(input) = document().get_element_by_id(&html::rename_input_id(place)) {
            let _ = match why {
                Some(_) => input.set_attribute("aria-invalid", "true"),
                None => input.remove_attribute("aria-invalid"),
            };
        }
    }
}

fn save_title(v: View, place: Place) {
    let title = region::value(&html::rename_input_id(place));
    let outcome = v.state.edit(move |r| match place {
        (t, None) => crate::edit::rename_theme(r, t, &title),
        (t, Some(o)) => crate::edit::rename_objective(r, t, o, &title),
    });
    match outcome {
        Ok(()) => {
            v.structure.update_value(|s| s.renaming = None);
            structure_problem(v, None);
            draw_themes(v);
            v.state.notice.set(Some("Title changed.".to_owned()));
            // The list is drawn again, so focus goes to its heading.
            region::focus("structure-heading");
        }
        Err(why) => structure_problem(v, Some(&why)),
    }
}

/// Leaving the title field puts focus back on the button that opened it.
fn cancel_title(v: View, place: Place) {
    v.structure.update_value(|s| s.renaming = None);
    structure_problem(v, None);
    draw_themes(v);
    let selector = format!(
        "[data-action=\"rename\"][data-key=\"{}\"]",
        place_key(place)
    );
    if let Ok(Some(button)) = document().query_selector(&selector) {
        if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

/// A change to the themes through the one door; a refusal is said.
fn edit_structure(
    v: View,
    change: impl FnOnce(&mut crate::register::Register) -> Result<(), crate::edit::EditError>,
) -> bool {
    match v.state.edit(change) {
        Ok(()) => true,
        Err(why) => {
            structure_problem(v, Some(&why));
            false
        }
    }
}

/// The view's `click` handler: every button carries `data-action` (and
/// `data-key`: a status's index, or a theme or objective).
fn on_click(v: View, ev: leptos::ev::MouseEvent) {
    let Some((_, action, key)) = region::action_of(&ev) else {
        return;
    };
    let place = parse_place(&key);
    let confirm = |place: Option<Place>| {
        v.structure.update_value(|s| s.confirming = place);
        draw_themes(v);
    };
    match (action.as_str(), place) {
        ("focus-field", _) => {
            // The hash holds the view, so the link only moves focus.
            ev.prevent_default();
            region::focus(&key);
        }
        ("add-status", _) => {
            v.statuses.update_value(|d| {
                let n = (1..)
                    .find(|n| d.iter().all(|s| s.id != format!("status-{n}")))
                    .unwrap_or(1);
                d.push(Status {
                    id: format!("status-{n}"),
                    label: format!("New status {n}"),
                    colour: "#505a5f".into(),
                    symbol: format!("[{n}]"),
                    meaning: String::new(),
                    rank: 0,
                    exception: false,
                });
            });
            draw_statuses(v);
        }
        ("remove-status", Some((i, None))) => {
            region::text("status-saved", "");
            v.statuses.update_value(|d| {
                if i < d.len() {
                    d.remove(i);
                }
            });
            draw_statuses(v);
        }
        ("save-statuses", _) => {
            let set = StatusSet(v.statuses.get_value());
            let outcome = v.state.edit(move |r| crate::edit::set_statuses(r, set));
            region::set(
                "status-problem",
                &html::problem(outcome.as_ref().err().map(String::as_str)),
            );
            region::text(
                "status-saved",
                if outcome.is_ok() {
                    "Status set saved."
                } else {
                    ""
                },
            );
        }
        ("add-theme", _) => {
            let title = region::value("new-theme");
            if title.trim().is_empty() {
                return structure_problem(v, Some("Give the new theme a title."));
            }
            if edit_structure(v, move |r| crate::edit::add_theme(r, &title).map(|_| ())) {
                if let Some(input) = region::input("new-theme") {
                    input.set_value("");
                }
                structure_problem(v, None);
            }
        }
        ("add-objective", Some((t, None))) => {
            let title = region::value(&format!("new-objective-{t}"));
            if title.trim().is_empty() {
                return structure_problem(v, Some("Give the new objective a title."));
            }
            if edit_structure(v, move |r| {
                crate::edit::add_objective(r, t, &title).map(|_| ())
            }) {
                structure_problem(v, None);
            }
        }
        ("rename", Some(place)) => {
            structure_problem(v, None);
            v.structure.update_value(|s| s.renaming = Some(place));
            draw_themes(v);
            // Opening the field puts the cursor in it.
            region::focus(&html::rename_input_id(place));
        }
        ("save-title", Some(place)) => save_title(v, place),
        ("cancel-title", Some(place)) => cancel_title(v, place),
        ("remove-objective" | "remove-theme", Some(place)) => confirm(Some(place)),
        ("yes-remove-objective", Some((t, Some(o)))) => {
            edit_structure(v, move |r| {
                crate::edit::remove_objective(r, t, o).map(|_| ())
            });
            confirm(None);
        }
        ("yes-remove-theme", Some((t, None))) => {
            edit_structure(v, move |r| crate::edit::remove_theme(r, t).map(|_| ()));
            confirm(None);
        }
        ("keep-structure", _) => confirm(None),
        _ => {}
    }
}

/// A status row's field as typed, into the draft.
fn status_field(v: View, el: &web_sys::Element) {
    let (Some(field), Some(i)) = (
        el.get_attribute("data-field"),
        el.get_attribute("data-key")
            .and_then(|k| k.parse::<usize>().ok()),
    ) else {
        return;
    };
    let Ok(input) = el.clone().dyn_into::<web_sys::HtmlInputElement>() else {
        return;
    };
    let text = input.value();
    v.statuses.update_value(|d| {
        if let Some(s) = d.get_mut(i) {
            match field.as_str() {
                "label" => s.label = text,
                "symbol" => s.symbol = text,
                "colour" => s.colour = text,
                "meaning" => s.meaning = text,
                "rank" => s.rank = text.parse().unwrap_or(0),
                "exception" => s.exception = input.checked(),
                _ => {}
            }
        }
    });
    region::text("status-saved", "");
}

/// The view's `input` handler: a changed detail is not yet saved; a status
/// field goes into the draft.
fn on_input(v: View, ev: web_sys::Event) {
    if region::target_with(&ev, "#details-form").is_some() {
        region::text("details-saved", "");
    } else if let Some(el) = region::target_with(&ev, "input[data-field]") {
        if el.get_attribute("data-field").as_deref() != Some("exception") {
            status_field(v, &el);
        }
    }
}

/// The view's `change` handler: the quarter and the exception boxes.
fn on_change(v: View, ev: web_sys::Event) {
    if region::target_with(&ev, "#details-form").is_some() {
        region::text("details-saved", "");
    } else if let Some(el) = region::target_with(&ev, "input[data-field=\"exception\"]") {
        status_field(v, &el);
    }
}

/// The view's `keydown` handler: in a title field, Enter saves and Escape
/// leaves.
fn on_key(v: View, ev: leptos::ev::KeyboardEvent) {
    if region::target_with(&ev, ".rename-title input").is_none() {
        return;
    }
    let Some(place) = v.structure.with_value(|s| s.renaming) else {
        return;
    };
    match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            save_title(v, place);
        }
        "Escape" => cancel_title(v, place),
        _ => {}
    }
}
