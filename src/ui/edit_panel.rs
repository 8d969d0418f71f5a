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

use super::edit_place::{self, Return};
use super::state::AppState;
use crate::activity_form::{field_of, Field};
use crate::edit;
use crate::register::KeyActivity;
use leptos::html;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// A refused edit: the sentence, and the field it is about (None: the form as a whole).
#[derive(Clone, PartialEq)]
struct Problem {
    field: Option<Field>,
    sentence: String,
}

#[component]
pub fn EditPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || state.editing.get().map(|id| view! { <EditForm id=id /> })
}

#[component]
fn EditForm(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let register = state
        .register
        .get_untracked()
        .unwrap_or_else(crate::sample::sample_template);
    let place = edit::find(&register, &id);
    let original_id = StoredValue::new(id.clone());
    let is_new = place.is_none();
    let existing = place.and_then(|p| edit::activity_at(&register, p).cloned());
    // Objectives to add to: (theme, objective, name).
    let objectives: Vec<(usize, usize, String)> = register
        .themes
        .iter()
        .enumerate()
        .flat_map(|(t, theme)| {
            theme
                .objectives
                .iter()
                .enumerate()
                .map(move |(o, obj)| (t, o, format!("{}: {}", obj.id, obj.title)))
        })
        .collect();
    // Where a new activity goes, by objective ID: positions can shift while the
    // form is open (undo, another tab), IDs do not.
    let objective_id_at = |t: usize, o: usize| {
        register
            .themes
            .get(t)
            .and_then(|th| th.objectives.get(o))
            .map(|ob| ob.id.clone())
            .unwrap_or_default()
    };
    let first = objectives.first().map_or((0, 0), |(t, o, _)| (*t, *o));
    let target = RwSignal::new(objective_id_at(first.0, first.1));
    let start = existing.clone().unwrap_or_else(|| KeyActivity {
        id: edit::suggest_id(&register, 0, 0),
        title: String::new(),
        // "Not started", or none chosen: never the set's first ("Complete").
        status: edit::default_status(&register).unwrap_or_default(),
        progress: Vec::new(),
        next_steps: Vec::new(),
        lead_officer: String::new(),
        portfolio: String::new(),
    });
    let activity_id = RwSignal::new(start.id.clone());
    let id_typed = RwSignal::new(false);
    let title = RwSignal::new(start.title.clone());
    let status = RwSignal::new(start.status.clone());
    let progress = RwSignal::new(start.progress.join("\n"));
    let next_steps = RwSignal::new(start.next_steps.join("\n"));
    let lead = RwSignal::new(start.lead_officer.clone());
    let portfolio = RwSignal::new(start.portfolio.clone());
    let problem = RwSignal::new(None::<Problem>);
    let confirming_removal = RwSignal::new(false);
    let leads: Vec<String> = distinct(
        register
            .activities()
            .map(|p| p.activity.lead_officer.clone()),
    );
    let portfolios: Vec<String> =
        distinct(register.activities().map(|p| p.activity.portfolio.clone()));
    let statuses = register.statuses.0.clone();
    let place = edit_place::Place::here();
    let dialog = NodeRef::<html::Dialog>::new();
    // Opened modal once it is in the page: the rest of the page is inert and
    // stays where it was; focus starts in the first field.
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
            let first = if is_new { Field::Objective } else { Field::Id };
            super::focus::focus_by_id(first.input_id());
        }
    });
    // Where focus goes when the form closes without saving.
    let back = move || {
        if is_new {
            Return::AddButton
        } else {
            Return::Row(original_id.get_value())
        }
    };

    let choose_objective = move |ev: leptos::ev::Event| {
        let (t, o) = event_target_value(&ev)
            .split_once('-')
            .and_then(|(t, o)| Some((t.parse().ok()?, o.parse().ok()?)))
            .unwrap_or((0, 0));
        target.set(state.register.with_untracked(|r| {
            r.as_ref()
                .and_then(|r| r.themes.get(t)?.objectives.get(o).map(|ob| ob.id.clone()))
                .unwrap_or_default()
        }));
        if !id_typed.get_untracked() {
            let suggested = state.register.with_untracked(|r| {
                r.as_ref()
                    .map(|r| edit::suggest_id(r, t, o))
                    .unwrap_or_default()
            });
            activity_id.set(suggested);
        }
    };
    let close = move |to: Return| {
        state.editing.set(None);
        edit_place::return_focus(to);
    };
    let cancel = move || close(back());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let activity = KeyActivity {
            id: activity_id.get_untracked(),
            title: title.get_untracked(),
            status: status.get_untracked(),
            progress: edit::points_from_text(&progress.get_untracked()),
            next_steps: edit::points_from_text(&next_steps.get_untracked()),
            lead_officer: lead.get_untracked(),
            portfolio: portfolio.get_untracked(),
        };
        let saved_id = activity.id.trim().to_owned();
        let objective_id = target.get_untracked();
        let original = original_id.get_value();
        let tried = activity.clone();
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
                close(edit_place::after_save(place, &saved_id, &tried.status));
            }
            Err(sentence) => {
                let field = refused.borrow().as_ref().and_then(|e| field_of(e, &tried));
                problem.set(Some(Problem { field, sentence }));
                super::focus::focus_by_id(field.map_or("edit-problem", Field::input_id));
            }
        }
    };
    let remove = move |_| {
        if is_new {
            return;
        }
        let removed_id = original_id.get_value();
        let original = original_id.get_value();
        match state.edit(move |r| {
            let p = edit::find(r, &original).ok_or(edit::EditError::NoSuchPlace)?;
            edit::remove_activity(r, p).map(|_| ())
        }) {
            Ok(()) => {
                state.notice.set(Some(format!(
                    "Key activity {removed_id} removed. Undo brings it back."
                )));
                close(Return::Results);
            }
            Err(sentence) => {
                problem.set(Some(Problem {
                    field: None,
                    sentence,
                }));
                super::focus::focus_by_id("edit-problem");
            }
        }
    };
    let heading_text = if is_new {
        "Add a key activity".to_owned()
    } else {
        format!("Edit key activity {id}")
    };
    // The sentence of a refusal about `field`, if that is the field.
    let error_of = move |field: Field| {
        move || {
            problem.with(|p| {
                p.as_ref()
                    .filter(|p| p.field == Some(field))
                    .map(|p| p.sentence.clone())
            })
        }
    };
    let invalid = move |field: Field| move || error_of(field)().map(|_| "true");
    // The hint (if any) and, when there is one, the error describe the control.
    let described = move |field: Field, hint: Option<&'static str>| {
        move || {
            let error = error_of(field)().map(|_| field.error_id());
            let ids: Vec<String> = hint.map(str::to_owned).into_iter().chain(error).collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let error_line = move |field: Field| {
        move || {
            error_of(field)().map(|sentence| {
                view! {
                    <p class="error-message" id=field.error_id()>
                        <span class="visually-hidden">"Error: "</span>{sentence}
                    </p>
                }
            })
        }
    };
    let text_input = move |field: Field,
                           label: &'static str,
                           value: RwSignal<String>,
                           list: Option<&'static str>| {
        let id = field.input_id();
        view! {
            <div class="field" class:field-error=move || error_of(field)().is_some()>
                <label for=id>{label}</label>
                {error_line(field)}
                <input id=id type="text" list=list aria-invalid=invalid(field) aria-describedby=described(field, None)
                    prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <dialog class="edit-dialog" aria-labelledby="edit-heading" node_ref=dialog
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); cancel(); }>
            <h2 id="edit-heading">{heading_text}</h2>
            <form on:submit=save novalidate>
                {move || problem.with(|p| p.as_ref().filter(|p| p.field.is_none()).map(|p| view! {
                    <div class="error-summary" id="edit-problem" role="alert" tabindex="-1">
                        <h3>"There is a problem"</h3>
                        <p>{p.sentence.clone()}</p>
                    </div>
                }))}
                {is_new.then(|| view! {
                    <div class="field">
                        <label for="edit-objective">"Objective"</label>
                        <select id="edit-objective" on:change=choose_objective>
                            {objectives.iter().map(|(t, o, name)| view! { <option value=format!("{t}-{o}")>{name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field-row">
                    <div class="field field-short" class:field-error=move || error_of(Field::Id)().is_some()>
                        <label for="edit-id">"ID"</label>
                        <span class="hint" id="edit-id-hint">"Unique in the register, such as KA.01.09"</span>
                        {error_line(Field::Id)}
                        <input id="edit-id" type="text" aria-describedby=described(Field::Id, Some("edit-id-hint")) aria-invalid=invalid(Field::Id) prop:value=activity_id
                            on:input=move |ev| { id_typed.set(true); activity_id.set(event_target_value(&ev)) } />
                    </div>
                    <div class="field" class:field-error=move || error_of(Field::Status)().is_some()>
                        <label for="edit-status">"Status"</label>
                        {error_line(Field::Status)}
                        <select id="edit-status" aria-describedby=described(Field::Status, None) aria-invalid=invalid(Field::Status) prop:value=status on:change=move |ev| status.set(event_target_value(&ev))>
                            {statuses.iter().map(|s| view! { <option value=s.id.clone()>{format!("{} {}", s.symbol, s.label)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {text_input(Field::Title, "Title", title, None)}
                <div class="field" class:field-error=move || error_of(Field::Progress)().is_some()>
                    <label for="edit-progress">"Progress"</label>
                    <span class="hint" id="edit-progress-hint">"One point per line."</span>
                    {error_line(Field::Progress)}
                    <textarea id="edit-progress" rows="6" aria-describedby=described(Field::Progress, Some("edit-progress-hint")) aria-invalid=invalid(Field::Progress) prop:value=progress on:input=move |ev| progress.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field" class:field-error=move || error_of(Field::NextSteps)().is_some()>
                    <label for="edit-next">"Next steps"</label>
                    <span class="hint" id="edit-next-hint">"One point per line."</span>
                    {error_line(Field::NextSteps)}
                    <textarea id="edit-next" rows="4" aria-describedby=described(Field::NextSteps, Some("edit-next-hint")) aria-invalid=invalid(Field::NextSteps) prop:value=next_steps on:input=move |ev| next_steps.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field-row">
                    {text_input(Field::LeadOfficer, "Lead officer", lead, Some("leads-in-use"))}
                    {text_input(Field::Portfolio, "Portfolio", portfolio, Some("portfolios-in-use"))}
                </div>
                <datalist id="leads-in-use">{leads.into_iter().map(|l| view! { <option value=l></option> }).collect_view()}</datalist>
                <datalist id="portfolios-in-use">{portfolios.into_iter().map(|p| view! { <option value=p></option> }).collect_view()}</datalist>
                <div class="button-row">
                    <button type="submit" class="button">{if is_new { "Add key activity" } else { "Save changes" }}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| cancel()>"Cancel"</button>
                    {(!is_new).then(|| view! {
                        <button type="button" class="button button-secondary" on:click=move |_| {
                            confirming_removal.set(true);
                            super::focus::focus_by_id("edit-remove-yes");
                        }>"Remove key activity"</button>
                    })}
                </div>
                {move || confirming_removal.get().then(|| view! {
                    <div class="notice notice-problem" role="alert">
                        <p>{format!("Remove key activity {} from the register?", activity_id.get_untracked())}</p>
                        <div class="button-row">
                            <button type="button" class="button" id="edit-remove-yes" on:click=remove>"Yes, remove it"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| confirming_removal.set(false)>"No, keep it"</button>
                        </div>
                    </div>
                })}
            </form>
        </dialog>
    }
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let v: Vec<String> = values.filter(|s| !s.trim().is_empty()).collect();
    // Through the core's one sort: `sort()` here would bring its own copy.
    let mut v = crate::query::sorted_by(v, &String::cmp);
    v.dedup();
    v
}
