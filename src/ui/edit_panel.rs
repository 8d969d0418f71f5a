//! Editing one key activity (or adding one): ID with a suggested next ID, title,
//! status from the register's set, progress and next steps as points (one per
//! line), lead officer and portfolio picked from those in use or typed new.
//! Removal asks first. Every change is one undoable step.

use super::state::AppState;
use crate::edit;
use crate::register::KeyActivity;
use leptos::html;
use leptos::prelude::*;

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
    let problem = RwSignal::new(None::<String>);
    let confirming_removal = RwSignal::new(false);
    let leads: Vec<String> = distinct(
        register
            .activities()
            .map(|p| p.activity.lead_officer.clone()),
    );
    let portfolios: Vec<String> =
        distinct(register.activities().map(|p| p.activity.portfolio.clone()));
    let statuses = register.statuses.0.clone();
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

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
    let close = move || state.editing.set(None);
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
        });
        match outcome {
            Ok(()) => {
                state.notice.set(Some(format!(
                    "Key activity {saved_id} {}.",
                    if is_new { "added" } else { "saved" }
                )));
                close();
            }
            Err(why) => problem.set(Some(why)),
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
                close();
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let heading_text = if is_new {
        "Add a key activity".to_owned()
    } else {
        format!("Edit key activity {id}")
    };
    let text_input = move |id: &'static str,
                           label: &'static str,
                           value: RwSignal<String>,
                           list: Option<&'static str>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" list=list prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <section class="panel" aria-labelledby="edit-heading">
            <h2 id="edit-heading" tabindex="-1" node_ref=heading>{heading_text}</h2>
            <form on:submit=save novalidate>
                {is_new.then(|| view! {
                    <div class="field">
                        <label for="edit-objective">"Objective"</label>
                        <select id="edit-objective" on:change=choose_objective>
                            {objectives.iter().map(|(t, o, name)| view! { <option value=format!("{t}-{o}")>{name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field-row">
                    <div class="field field-short">
                        <label for="edit-id">"ID"</label>
                        <span class="hint" id="edit-id-hint">"Unique in the register, such as KA.01.09"</span>
                        <input id="edit-id" type="text" aria-describedby="edit-id-hint" prop:value=activity_id
                            on:input=move |ev| { id_typed.set(true); activity_id.set(event_target_value(&ev)) } />
                    </div>
                    <div class="field">
                        <label for="edit-status">"Status"</label>
                        <select id="edit-status" prop:value=status on:change=move |ev| status.set(event_target_value(&ev))>
                            {statuses.iter().map(|s| view! { <option value=s.id.clone()>{format!("{} {}", s.symbol, s.label)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {text_input("edit-title", "Title", title, None)}
                <div class="field">
                    <label for="edit-progress">"Progress"</label>
                    <span class="hint" id="edit-progress-hint">"One point per line."</span>
                    <textarea id="edit-progress" rows="6" aria-describedby="edit-progress-hint" prop:value=progress on:input=move |ev| progress.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="edit-next">"Next steps"</label>
                    <span class="hint" id="edit-next-hint">"One point per line."</span>
                    <textarea id="edit-next" rows="4" aria-describedby="edit-next-hint" prop:value=next_steps on:input=move |ev| next_steps.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field-row">
                    {text_input("edit-lead", "Lead officer", lead, Some("leads-in-use"))}
                    {text_input("edit-portfolio", "Portfolio", portfolio, Some("portfolios-in-use"))}
                </div>
                <datalist id="leads-in-use">{leads.into_iter().map(|l| view! { <option value=l></option> }).collect_view()}</datalist>
                <datalist id="portfolios-in-use">{portfolios.into_iter().map(|p| view! { <option value=p></option> }).collect_view()}</datalist>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="submit" class="button">{if is_new { "Add key activity" } else { "Save changes" }}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| close()>"Cancel"</button>
                    {(!is_new).then(|| view! {
                        <button type="button" class="button button-secondary" on:click=move |_| confirming_removal.set(true)>"Remove key activity"</button>
                    })}
                </div>
                {move || confirming_removal.get().then(|| view! {
                    <div class="notice notice-problem" role="alert">
                        <p>{format!("Remove key activity {} from the register?", activity_id.get_untracked())}</p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=remove>"Yes, remove it"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| confirming_removal.set(false)>"No, keep it"</button>
                        </div>
                    </div>
                })}
            </form>
        </section>
    }
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = values.filter(|s| !s.trim().is_empty()).collect();
    v.sort();
    v.dedup();
    v
}
