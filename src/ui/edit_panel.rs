//! Editing one key activity (or adding one): ID with a suggested next ID, title,
//! status from the register's set, progress and next steps as points (one per
//! line), lead officer and portfolio picked from those in use or typed new.
//! Removal asks first. Every change is one undoable step.
//!
//! The form is a modal dialog over the page, which stays where it was: focus
//! starts in its first field, Escape cancels, and after Save or Cancel focus goes
//! back to the row's Edit button (`edit_place`). A refused edit puts its sentence
//! by the field it is about (`activity_form::field_of`), tied to it with
//! `aria-describedby` and `aria-invalid`, and moves focus to that field.
//!
//! Kept small for the initial download: the dialog is escaped HTML text from
//! `crate::activity_form_html`, put in `#edit-panel` when `AppState::editing`
//! opens it, with one delegated handler per event type (`submit`, `click`,
//! `input`, `change`, and `cancel`, which does not bubble, in its capture
//! phase), which keep what is typed in a draft as the form's signals did; a
//! refusal's marks are put on its field without drawing the controls again.

use super::edit_place::{self, Place, Return};
use super::focus::focus_by_id;
use super::html_region as region;
use super::state::AppState;
use crate::activity_form::{field_of, Field};
use crate::activity_form_html::{self as html, Open, Problem};
use crate::edit;
use crate::ui::effect::effect;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The panel's id: the dialog is its one child while the form is open.
const PANEL: &str = "edit-panel";

#[derive(Clone, Copy)]
struct Panel {
    state: AppState,
    /// Where an edited activity is shown afterwards (taken from context here:
    /// handlers run outside it).
    place: Option<Place>,
    open: StoredValue<Option<Open>>,
}

#[component]
pub fn EditPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let p = Panel {
        state,
        place: Place::here(),
        open: StoredValue::new(None),
    };
    effect(move || {
        let editing = state.editing.get();
        draw(p, editing);
    });
    view! {
        <div id="edit-panel" on:submit=move |ev| save(p, ev) on:click=move |ev| on_click(p, ev)
            on:input=move |ev| on_input(p, ev) on:change=move |ev| on_change(p, ev)
            on:cancel:capture=move |ev: web_sys::Event| { ev.prevent_default(); cancel(p); }></div>
    }
}

/// Opens the form on `editing` afresh (or takes it away): modal once it is in
/// the page, so the rest of the page is inert and stays where it was; focus
/// starts in the first field.
fn draw(p: Panel, editing: Option<String>) {
    let Some(id) = editing else {
        p.open.set_value(None);
        region::set(PANEL, "");
        return;
    };
    let opened = p.state.register.with_untracked(|r| match r {
        Some(r) => html::open(r, &id),
        None => html::open(&crate::sample::sample_template(), &id),
    });
    region::set(PANEL, &opened.html);
    // Each value set as typed, as the form's `prop:value`s did: the caret at
    // the end (a long text scrolled to it), the status as the activity has it
    // or none chosen (never the set's first), and even a U+0000 the HTML text
    // cannot carry.
    for field in html::MARKED {
        region::set_value(field.input_id(), opened.open.draft.get(field));
    }
    let dialog = document()
        .get_element_by_id(PANEL)
        .and_then(|panel| panel.first_element_child())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok());
    if let Some(d) = dialog {
        if !d.open() {
            let _ = d.show_modal();
        }
        let first = if opened.open.is_new {
            Field::Objective
        } else {
            Field::Id
        };
        focus_by_id(first.input_id());
    }
    p.open.set_value(Some(opened.open));
}

/// Closes the form; focus goes to `to` once the page shows it.
fn close(p: Panel, to: Return) {
    p.state.editing.set(None);
    edit_place::return_focus(to);
}

/// Cancel and Escape: back to the row's Edit button, or "Add key activity".
fn cancel(p: Panel) {
    let Some(open) = p.open.get_value() else {
        return;
    };
    close(
        p,
        if open.is_new {
            Return::AddButton
        } else {
            Return::Row(open.original_id)
        },
    );
}

/// Puts a refusal by its field (its sentence before the control, the control
/// marked invalid and described by it, the field's red bar) or in the error
/// summary at the top; any earlier marks go.
fn show_problem(problem: &Problem) {
    let doc = document();
    for field in html::MARKED {
        let Some(control) = doc.get_element_by_id(field.input_id()) else {
            continue;
        };
        let error = (problem.field == Some(field)).then_some(problem.sentence.as_str());
        let sentence = error
            .map(|s| html::error_message(field, s))
            .unwrap_or_default();
        region::put(&field.error_id(), &control, "beforebegin", &sentence);
        let _ = match error {
            Some(_) => control.set_attribute("aria-invalid", "true"),
            None => control.remove_attribute("aria-invalid"),
        };
        let _ = match html::described_by(field, error.is_some()) {
            Some(ids) => control.set_attribute("aria-describedby", &ids),
            None => control.remove_attribute("aria-describedby"),
        };
        if let Some(wrapper) = control.parent_element() {
            let _ = wrapper
                .class_list()
                .toggle_with_force("field-error", error.is_some());
        }
    }
    let summary = match problem.field {
        None => html::summary(&problem.sentence),
        Some(_) => String::new(),
    };
    if let Some(form) = doc.get_element_by_id(html::FORM) {
        region::put(html::PROBLEM, &form, "afterbegin", &summary);
    }
    focus_by_id(problem.field.map_or(html::PROBLEM, Field::input_id));
}

/// The form's `submit` handler: the activity as typed through the one door;
/// a refusal is shown by its field.
fn save(p: Panel, ev: leptos::ev::SubmitEvent) {
    ev.prevent_default();
    let Some(open) = p.open.get_value() else {
        return;
    };
    let state = p.state;
    let activity = open.draft.activity();
    let saved_id = activity.id.trim().to_owned();
    let tried = activity.clone();
    let Open {
        original_id: original,
        is_new,
        target: objective_id,
        ..
    } = open;
    // The refusal as the edit gave it, to find the field it is about.
    let refused = Rc::new(RefCell::new(None::<edit::EditError>));
    let refused_in_edit = refused.clone();
    // Look the place up again in the register as it is now.
    let outcome = state.edit(move |r| {
        if is_new {
            let (t, o) = r
                .themes
                .iter()
                .enumerate()
                .find_map(|(t, th)| {
                    th.objectives
                        .iter()
                        .position(|ob| ob.id == objective_id)
                        .map(|o| (t, o))
                })
                .ok_or(edit::EditError::NoSuchPlace)?;
            edit::add_activity(r, t, o, activity).map(|_| ())
        } else {
            let p = edit::find(r, &original).ok_or(edit::EditError::NoSuchPlace)?;
            edit::update_activity(r, p, activity)
        }
        .inspect_err(|e| *refused_in_edit.borrow_mut() = Some(e.clone()))
    });
    match outcome {
        Ok(()) => {
            state.notice.set(Some(format!(
                "Key activity {saved_id} {}.",
                if is_new { "added" } else { "saved" }
            )));
            close(p, edit_place::after_save(p.place, &saved_id, &tried.status));
        }
        Err(sentence) => {
            let field = refused.borrow().as_ref().and_then(|e| field_of(e, &tried));
            show_problem(&Problem { field, sentence });
        }
    }
}

/// Removes the activity the form opened on, after "Yes, remove it".
fn remove(p: Panel, original: String) {
    let removed_id = original.clone();
    match p.state.edit(move |r| {
        let place = edit::find(r, &original).ok_or(edit::EditError::NoSuchPlace)?;
        edit::remove_activity(r, place).map(|_| ())
    }) {
        Ok(()) => {
            p.state.notice.set(Some(format!(
                "Key activity {removed_id} removed. Undo brings it back."
            )));
            close(p, Return::Results);
        }
        Err(sentence) => show_problem(&Problem {
            field: None,
            sentence,
        }),
    }
}

/// The form's `click` handler: Cancel, Remove key activity (asks first, with
/// the ID as typed), Yes, remove it, and No, keep it.
fn on_click(p: Panel, ev: leptos::ev::MouseEvent) {
    let Some((_, action, _)) = region::action_of(&ev) else {
        return;
    };
    let Some(open) = p.open.get_value() else {
        return;
    };
    let Some(form) = document().get_element_by_id(html::FORM) else {
        return;
    };
    match action.as_str() {
        "cancel" => cancel(p),
        "remove" if !open.is_new => {
            let question = html::removal(&open.draft.id);
            region::put(html::REMOVAL, &form, "beforeend", &question);
            focus_by_id(html::REMOVE_YES);
        }
        "yes-remove" if !open.is_new => remove(p, open.original_id),
        "keep" => region::put(html::REMOVAL, &form, "beforeend", ""),
        _ => {}
    }
}

/// The form's `input` handler: a text field as typed into the draft; an ID
/// typed stops the suggestions.
fn on_input(p: Panel, ev: web_sys::Event) {
    let Some(el) = region::target_with(&ev, "input, textarea") else {
        return;
    };
    let id = el.id();
    let Some(field) = html::field_by_id(&id).filter(|f| *f != Field::Status) else {
        return;
    };
    let value = region::value(&id);
    p.open.update_value(|o| {
        if let Some(o) = o {
            o.draft.set(field, value);
            o.id_typed |= field == Field::Id;
        }
    });
}

/// The form's `change` handler: the status into the draft; a new activity's
/// objective, and the next ID under it unless one was typed.
fn on_change(p: Panel, ev: web_sys::Event) {
    let Some(el) = region::target_with(&ev, "select") else {
        return;
    };
    let value = region::value(&el.id());
    if el.id() == Field::Status.input_id() {
        p.open.update_value(|o| {
            if let Some(o) = o {
                o.draft.status = value;
            }
        });
        return;
    }
    if el.id() != Field::Objective.input_id() {
        return;
    }
    let (target, suggested) = p
        .state
        .register
        .with_untracked(|r| html::chosen(r.as_ref(), &value));
    let mut typed = true;
    p.open.update_value(|o| {
        if let Some(o) = o {
            o.target = target;
            typed = o.id_typed;
            if !typed {
                o.draft.id = suggested.clone();
            }
        }
    });
    if !typed {
        region::set_value(Field::Id.input_id(), &suggested);
    }
}
