//! Register details: organisation, report title, period, meeting, meeting date and
//! author, as shown on the pack's cover and kept in the file; the status set; the
//! themes and objectives. Every save is one undoable step through `AppState::edit`
//! (the file format's rules); a refused detail is shown by its field (GOV.UK's
//! error summary and error message pattern).

use super::needs_register::NeedsRegister;
use super::state::AppState;
use crate::edit::{set_details, DetailField, DetailsDraft, FieldError};
use crate::route::Route;
use crate::status::{Status, StatusSet};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DetailsPage() -> impl IntoView {
    view! { <NeedsRegister title="Register details"><DetailsForm /></NeedsRegister> }
}

#[component]
fn DetailsForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state
        .register
        .with_untracked(|r| r.as_ref().map(DetailsDraft::of))
        .unwrap_or_else(|| DetailsDraft::of(&crate::sample::sample_template()));
    let organisation = RwSignal::new(current.organisation);
    let title = RwSignal::new(current.title);
    let year = RwSignal::new(current.financial_year);
    let quarter = RwSignal::new(current.quarter);
    let meeting = RwSignal::new(current.meeting);
    let meeting_date = RwSignal::new(current.meeting_date);
    let author = RwSignal::new(current.author);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = DetailsDraft {
            organisation: organisation.get_untracked(),
            title: title.get_untracked(),
            financial_year: year.get_untracked(),
            quarter: quarter.get_untracked(),
            meeting: meeting.get_untracked(),
            meeting_date: meeting_date.get_untracked(),
            author: author.get_untracked(),
        };
        let mut refused = Vec::new();
        // One undoable step, through the same rules as reading a file.
        let outcome = state.edit(|r| {
            set_details(r, &draft).map_err(|e| {
                refused = e;
                crate::edit::EditError::Rules(String::new())
            })
        });
        saved.set(outcome.is_ok());
        problem.set(outcome.err().filter(|why| !why.is_empty()));
        errors.set(refused);
    };
    let error_of = move |field: DetailField| {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    };
    let text_field = move |field: DetailField,
                           id: &'static str,
                           hint: &'static str,
                           value: RwSignal<String>| {
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let described = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            move || {
                let mut ids = Vec::new();
                if !hint.is_empty() {
                    ids.push(hint_id.clone());
                }
                if error_of(field).is_some() {
                    ids.push(error_id.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        view! {
            <div class="field" class:field-with-error=move || error_of(field).is_some()>
                <label for=id>{field.label()}</label>
                {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id.clone()>{hint}</span> })}
                {move || error_of(field).map(|m| view! {
                    <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                })}
                <input id=id type="text" aria-describedby=described
                    aria-invalid=move || error_of(field).is_some().then_some("true")
                    prop:value=value on:input=move |ev| { saved.set(false); value.set(event_target_value(&ev)) } />
            </div>
        }
    };
    view! {
        <h1>"Register details"</h1>
        <p class="lede">"These appear on the scrutiny pack\u{2019}s cover and in the JSON file."</p>
        <ErrorSummary errors=errors />
        <form class="details-form" on:submit=save novalidate>
            {text_field(DetailField::Organisation, "details-organisation", "", organisation)}
            {text_field(DetailField::Title, "details-title", "", title)}
            <div class="field-row">
                {text_field(DetailField::FinancialYear, "details-year", "For example 2019/20", year)}
                <div class="field field-short" class:field-with-error=move || error_of(DetailField::Quarter).is_some()>
                    <label for="details-quarter">"Quarter"</label>
                    {move || error_of(DetailField::Quarter).map(|m| view! {
                        <p class="error-message" id="details-quarter-error"><span class="visually-hidden">"Error: "</span>{m}</p>
                    })}
                    <select id="details-quarter" prop:value=quarter
                        aria-describedby=move || error_of(DetailField::Quarter).is_some().then_some("details-quarter-error")
                        aria-invalid=move || error_of(DetailField::Quarter).is_some().then_some("true")
                        on:change=move |ev| { saved.set(false); quarter.set(event_target_value(&ev)) }>
                        {(1..=4).map(|q| view! { <option value=q.to_string()>{format!("Quarter {q}")}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            {text_field(DetailField::Meeting, "details-meeting", "For example Scrutiny Panel", meeting)}
            {text_field(DetailField::MeetingDate, "details-meeting-date", "As it should appear, for example 12 September 2019", meeting_date)}
            {text_field(DetailField::Author, "details-author", "", author)}
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <div class="button-row">
                <button type="submit" class="button">"Save details"</button>
                <a href=Route::Pack.hash()>"See the scrutiny pack"</a>
            </div>
            <p role="status">{move || saved.get().then_some("Details saved. Undo in the Register view (or Ctrl+Z) takes them back.")}</p>
        </form>
        <StatusSetEditor />
        <StructureEditor />
    }
}

/// The id of a details field's input, for the error summary's links.
fn input_id(field: DetailField) -> &'static str {
    match field {
        DetailField::Organisation => "details-organisation",
        DetailField::Title => "details-title",
        DetailField::FinancialYear => "details-year",
        DetailField::Quarter => "details-quarter",
        DetailField::Meeting => "details-meeting",
        DetailField::MeetingDate => "details-meeting-date",
        DetailField::Author => "details-author",
    }
}

/// GOV.UK's error summary: "There is a problem", each error a link to its field;
/// it takes focus when it appears, so keyboard and screen reader users hear it.
#[component]
fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = summary.get() {
            let _ = el.focus();
        }
    });
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| view! {
            <div class="error-summary" node_ref=summary tabindex="-1" role="alert" aria-labelledby="details-error-summary-title">
                <h2 id="details-error-summary-title">"There is a problem"</h2>
                <ul>
                    {list.into_iter().map(|e| {
                        let id = input_id(e.field);
                        view! {
                            <li><a href=format!("#{id}") on:click=move |ev| {
                                // The hash holds the view, so the link only moves focus.
                                ev.prevent_default();
                                if let Some(el) = document().get_element_by_id(id) {
                                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                        let _ = el.focus();
                                    }
                                }
                            }>{e.message}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// The status set, edited as a draft and saved as one undoable step.
#[component]
pub fn StatusSetEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(
        state
            .register
            .with_untracked(|r| r.as_ref().map(|r| r.statuses.0.clone()).unwrap_or_default()),
    );
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let update = move |i: usize, change: Box<dyn FnOnce(&mut Status)>| {
        saved.set(false);
        draft.update(|d| {
            if let Some(s) = d.get_mut(i) {
                change(s);
            }
        });
    };
    let add = move |_| {
        draft.update(|d| {
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
    };
    let save = move |_| {
        let set = StatusSet(draft.get_untracked());
        match state.edit(move |r| crate::edit::set_statuses(r, set)) {
            Ok(()) => {
                problem.set(None);
                saved.set(true);
            }
            Err(why) => {
                saved.set(false);
                problem.set(Some(why));
            }
        }
    };
    let rows = move || {
        draft
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let n = i + 1;
                view! {
                    <tr>
                        <td><input type="text" aria-label=format!("Status {n}: label") prop:value=s.label.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); update(i, Box::new(move |s| s.label = v)) } /></td>
                        <td><input type="text" class="input-short" aria-label=format!("Status {n}: symbol") prop:value=s.symbol.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); update(i, Box::new(move |s| s.symbol = v)) } /></td>
                        <td><input type="color" aria-label=format!("Status {n}: colour") prop:value=s.colour.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); update(i, Box::new(move |s| s.colour = v)) } /></td>
                        <td><input type="text" aria-label=format!("Status {n}: meaning") prop:value=s.meaning.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); update(i, Box::new(move |s| s.meaning = v)) } /></td>
                        <td><input type="number" class="input-short" aria-label=format!("Status {n}: rank") prop:value=s.rank.to_string()
                            on:input=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(0); update(i, Box::new(move |s| s.rank = v)) } /></td>
                        <td><input type="checkbox" aria-label=format!("Status {n}: counts as an exception") prop:checked=s.exception
                            on:change=move |ev| { let v = event_target_checked(&ev); update(i, Box::new(move |s| s.exception = v)) } /></td>
                        <td><button type="button" class="link-button" on:click=move |_| { saved.set(false); draft.update(|d| { d.remove(i); }); }>{format!("Remove status {n}")}</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="status-set-heading">
            <h2 id="status-set-heading">"Status set"</h2>
            <p>"Each status needs a word and a symbol of its own, so it reads in black and white, and a colour with at least 3:1 contrast on white. Higher ranks are better, for direction of travel."</p>
            <super::scroll_region::ScrollRegion label="Statuses (table)">
            <table class="figures-table status-set-table">
                <caption>"Statuses, in the order they are listed"</caption>
                <thead><tr>
                    <th scope="col">"Label"</th><th scope="col">"Symbol"</th><th scope="col">"Colour"</th>
                    <th scope="col">"Meaning"</th><th scope="col">"Rank"</th><th scope="col">"Exception"</th><th scope="col">"Remove"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </super::scroll_region::ScrollRegion>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <div class="button-row">
                <button type="button" class="button button-secondary" on:click=add>"Add a status"</button>
                <button type="button" class="button" on:click=save>"Save status set"</button>
            </div>
            <p role="status">{move || saved.get().then_some("Status set saved.")}</p>
        </section>
    }
}

/// Themes and objectives: add, and remove after confirming.
#[component]
pub fn StructureEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(None::<(usize, Option<usize>)>);
    let renaming = RwSignal::new(None::<(usize, Option<usize>)>);
    let problem = RwSignal::new(None::<String>);
    let new_theme = RwSignal::new(String::new());
    let add_theme = move |_| {
        let title = new_theme.get_untracked();
        if title.trim().is_empty() {
            problem.set(Some("Give the new theme a title.".into()));
            return;
        }
        match state.edit(move |r| crate::edit::add_theme(r, &title).map(|_| ())) {
            Ok(()) => {
                new_theme.set(String::new());
                problem.set(None);
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let themes = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.themes
                        .iter()
                        .map(|t| {
                            (
                                t.title.clone(),
                                t.objectives
                                    .iter()
                                    .map(|o| (o.id.clone(), o.title.clone(), o.activities.len()))
                                    .collect::<Vec<_>>(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="structure-heading">
            <h2 id="structure-heading" tabindex="-1">"Themes and objectives"</h2>
            {move || themes().into_iter().enumerate().map(|(t, (title, objectives))| {
                let new_objective = RwSignal::new(String::new());
                let add_objective = move |_| {
                    let title = new_objective.get_untracked();
                    if title.trim().is_empty() {
                        problem.set(Some("Give the new objective a title.".into()));
                        return;
                    }
                    match state.edit(move |r| crate::edit::add_objective(r, t, &title).map(|_| ())) {
                        Ok(()) => {
                            new_objective.set(String::new());
                            problem.set(None);
                        }
                        Err(why) => problem.set(Some(why)),
                    }
                };
                let input_id = format!("new-objective-{t}");
                view! {
                    <div class="structure-theme">
                        <h3>{title.clone()}</h3>
                        <RenameTitle place=(t, None) current=title.clone() what="theme".to_owned() renaming problem />
                        <ul>
                            {objectives.into_iter().enumerate().map(|(o, (id, objective_title, count))| view! {
                                <li>
                                    {format!("{id}: {objective_title} ({count} key {})", if count == 1 { "activity" } else { "activities" })}" "
                                    <RenameTitle place=(t, Some(o)) current=objective_title what=id.clone() renaming problem />" "
                                    <button type="button" class="link-button" on:click=move |_| confirming.set(Some((t, Some(o))))>{format!("Remove {id}")}</button>
                                    {move || (confirming.get() == Some((t, Some(o)))).then(|| view! {
                                        <span class="confirm" role="alert">
                                            {format!(" Remove it and its {count} key activities? ")}
                                            <button type="button" class="button" on:click=move |_| { if let Err(why) = state.edit(move |r| crate::edit::remove_objective(r, t, o).map(|_| ())) { problem.set(Some(why)); } confirming.set(None); }>"Yes, remove it"</button>" "
                                            <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>"No, keep it"</button>
                                        </span>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                        <div class="field-row">
                            <div class="field">
                                <label for=input_id.clone()>{format!("New objective under \u{201c}{title}\u{201d}")}</label>
                                <input id=input_id type="text" prop:value=new_objective on:input=move |ev| new_objective.set(event_target_value(&ev)) />
                            </div>
                        </div>
                        <div class="button-row">
                            <button type="button" class="button button-secondary" on:click=add_objective>"Add objective"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| confirming.set(Some((t, None)))>"Remove theme"</button>
                        </div>
                        {move || (confirming.get() == Some((t, None))).then(|| view! {
                            <div class="notice notice-problem" role="alert">
                                <p>"Remove this theme with all its objectives and key activities?"</p>
                                <button type="button" class="button" on:click=move |_| { if let Err(why) = state.edit(move |r| crate::edit::remove_theme(r, t).map(|_| ())) { problem.set(Some(why)); } confirming.set(None); }>"Yes, remove the theme"</button>" "
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>"No, keep it"</button>
                            </div>
                        })}
                    </div>
                }
            }).collect_view()}
            <div class="field">
                <label for="new-theme">"New theme"</label>
                <input id="new-theme" type="text" prop:value=new_theme on:input=move |ev| new_theme.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="button button-secondary" on:click=add_theme>"Add theme"</button>
            <p class="error-message" id="structure-problem" role="alert">{move || problem.get()}</p>
            <p class="hint">"Every change here can be undone from the Register view (Undo, or Ctrl+Z)."</p>
        </section>
    }
}

/// "Rename …": a button that opens a field with the current title, saved with
/// "Save title" or Enter, left with "Cancel" or Escape. One place is renamed at a time.
#[component]
fn RenameTitle(
    place: (usize, Option<usize>),
    current: String,
    /// "theme", or the objective's ID ("CO 3").
    what: String,
    renaming: RwSignal<Option<(usize, Option<usize>)>>,
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(current.clone());
    let open = move || renaming.get() == Some(place);
    let field = NodeRef::<leptos::html::Input>::new();
    // Opening the field puts the cursor in it.
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    let input_id = match place {
        (t, None) => format!("rename-theme-{t}"),
        (t, Some(o)) => format!("rename-objective-{t}-{o}"),
    };
    let save = move || {
        let title = text.get_untracked();
        let outcome = state.edit(move |r| match place {
            (t, None) => crate::edit::rename_theme(r, t, &title),
            (t, Some(o)) => crate::edit::rename_objective(r, t, o, &title),
        });
        match outcome {
            Ok(()) => {
                renaming.set(None);
                problem.set(None);
                state.notice.set(Some("Title changed.".to_owned()));
                // The list is drawn again, so focus goes to its heading.
                if let Some(heading) = document().get_element_by_id("structure-heading") {
                    if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                        let _ = heading.focus();
                    }
                }
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let rename_button = NodeRef::<leptos::html::Button>::new();
    // Leaving the field puts focus back on the button that opened it.
    let cancel = move || {
        renaming.set(None);
        problem.set(None);
        if let Some(button) = rename_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let start = {
        let current = current.clone();
        move |_| {
            text.set(current.clone());
            problem.set(None);
            renaming.set(Some(place));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            save();
        }
        "Escape" => cancel(),
        _ => {}
    };
    let label = if place.1.is_none() {
        "New title for this theme".to_owned()
    } else {
        format!("New title for {what}")
    };
    // Every theme has one, so a theme's button also names it (for screen readers).
    let (button, named) = if place.1.is_none() {
        (
            "Rename theme".to_owned(),
            format!(" \u{201c}{current}\u{201d}"),
        )
    } else {
        (format!("Rename {what}"), String::new())
    };
    let invalid = move || (open() && problem.with(Option::is_some)).then_some("true");
    view! {
        <button type="button" class="link-button" node_ref=rename_button aria-expanded=move || open().to_string() on:click=start>
            {button}<span class="visually-hidden">{named}</span>
        </button>
        {move || open().then(|| {
            let input_id = input_id.clone();
            view! {
                <span class="rename-title">
                    <span class="field field-inline">
                        <label for=input_id.clone()>{label.clone()}</label>
                        <input id=input_id type="text" node_ref=field prop:value=text aria-invalid=invalid aria-describedby="structure-problem" on:input=move |ev| text.set(event_target_value(&ev)) on:keydown=on_key />
                    </span>
                    <button type="button" class="button" on:click=move |_| save()>"Save title"</button>" "
                    <button type="button" class="button button-secondary" on:click=move |_| cancel()>"Cancel"</button>
                </span>
            }
        })}
    }
}
