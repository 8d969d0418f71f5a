//! The ways a register comes in: the "Import JSON" file picker, a file dropped on
//! the page, "Paste report text" and "Import spreadsheet" (.xlsx or .csv, mapped
//! in the returns worker through the Returns view's handlers, so it works on a
//! first visit). All of them end in `AppState::offer_import`, which shows a
//! preview; nothing is replaced until the user confirms it.

use super::file_io;
use super::state::{AppState, Refusal};
use crate::format::size_in_words;
use crate::import::{preview_file, preview_report_text, MAX_FILE_BYTES};
use crate::period::Period;
use crate::register::Register;
use leptos::prelude::*;

/// Mark set when a file's bytes are in memory; the benchmark measures from it.
pub const BYTES_READ_MARK: &str = "import:bytes-read";

/// Reads a chosen or dropped file and offers it for import.
pub fn import_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES {
        state.offer_import(Err(Refusal {
            source: name,
            sentences: vec![format!(
                "The file is {} and the largest register file this app reads is {}: check that it is the right file.",
                size_in_words(size),
                size_in_words(MAX_FILE_BYTES)
            )],
        }));
        return;
    }
    leptos::task::spawn_local(async move {
        let outcome = match file_io::read_file(&file).await {
            Ok(bytes) => {
                file_io::mark(BYTES_READ_MARK);
                let current = state.register.get_untracked();
                preview_file(&name, &bytes, current.as_ref()).map_err(|err| Refusal {
                    source: name.clone(),
                    sentences: err.sentences(),
                })
            }
            Err(why) => Err(Refusal {
                source: name.clone(),
                sentences: vec![why],
            }),
        };
        state.offer_import(outcome);
    });
}

/// "Import JSON", "Paste report text" and "Import spreadsheet".
#[component]
pub fn ImportControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pasting = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            import_file(state, file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <div class="import-controls">
            <span class="file-button">
                <input type="file" id="import-json" class="file-input" accept=".json,application/json" on:change=on_file />
                <label for="import-json" class="button button-secondary">"Import JSON"</label>
            </span>
            <button
                type="button"
                class="button button-secondary"
                aria-expanded=move || pasting.get().to_string()
                aria-controls="paste-panel"
                on:click=move |_| pasting.update(|p| *p = !*p)
            >
                "Paste report text"
            </button>
            <span class="file-button">
                <input type="file" id="import-spreadsheet" class="file-input" accept=".xlsx,.csv,text/csv" />
                <label for="import-spreadsheet" class="button button-secondary">"Import spreadsheet"</label>
            </span>
            <p class="hint">"You can also drop a JSON file anywhere on this page. A spreadsheet (.xlsx or .csv, a row per key activity) is matched to the register\u{2019}s fields first."</p>
        </div>
        // Import spreadsheet's form, progress and problems (the worker's HTML);
        // its file button and this form are handled by the Returns view's
        // delegated listeners (`returns_worker`).
        <div class="returns-view">
            <p class="hint" role="status" id="returns-status"></p>
            <div id="returns-sheet"></div>
            <p class="notice notice-problem" role="alert" id="returns-problem"></p>
        </div>
        <div id="paste-panel" hidden=move || !pasting.get()>
            <Show when=move || pasting.get()>
                <PastePanel close=move || pasting.set(false) />
            </Show>
        </div>
    }
}

/// The details a pasted table does not carry, from the current register; with
/// none, the period is asked for (`None`), never guessed from today's date.
fn paste_template(current: Option<&Register>) -> (Register, Option<Period>) {
    match current {
        Some(r) => (
            Register {
                themes: Vec::new(),
                ..r.clone()
            },
            Some(r.period),
        ),
        None => {
            let placeholder = Period::new(2019, 1).expect("2019/20 Quarter 1 is a valid period");
            (
                Register::new("", "Corporate Plan Key Activities", placeholder),
                None,
            )
        }
    }
}

/// A problem with the pasted text's details: the sentence, and the field's id.
type PasteProblem = (Option<&'static str>, String);

#[component]
fn PastePanel(close: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (template, known) = paste_template(state.register.get_untracked().as_ref());
    let organisation = RwSignal::new(template.organisation.clone());
    let title = RwSignal::new(template.title.clone());
    let year = RwSignal::new(known.map(|p| p.financial_year()).unwrap_or_default());
    let quarter = RwSignal::new(known.map(|p| p.quarter().to_string()).unwrap_or_default());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<PasteProblem>);
    let fail = move |field: Option<&'static str>, sentence: String| {
        problem.set(Some((field, sentence)));
        super::focus::focus_by_id(field.unwrap_or("paste-problem"));
    };
    let read = move |_| {
        if year.with_untracked(|y| y.trim().is_empty()) {
            fail(
                Some("paste-year"),
                "Enter the financial year the report covers, such as 2019/20.".to_owned(),
            );
            return;
        }
        let Some(q) = quarter.with_untracked(|q| q.parse::<u8>().ok()) else {
            fail(
                Some("paste-quarter"),
                "Choose the quarter the report covers.".to_owned(),
            );
            return;
        };
        let period = match Period::parse_financial_year(&year.get_untracked()) {
            Ok(y) => Period::new(y, q),
            Err(err) => Err(err),
        };
        let period = match period {
            Ok(p) => p,
            Err(err) => {
                fail(Some("paste-year"), format!("Financial year: {err}."));
                return;
            }
        };
        let template = Register {
            organisation: organisation.get_untracked().trim().to_owned(),
            title: title.get_untracked().trim().to_owned(),
            period,
            ..template.clone()
        };
        let current = state.register.get_untracked();
        match preview_report_text(&text.get_untracked(), &template, current.as_ref()) {
            Ok(preview) => {
                problem.set(None);
                state.offer_import(Ok(preview));
                close();
            }
            Err(why) => fail(None, why),
        }
    };
    let error_for = move |field: &'static str| {
        move || {
            problem.with(|p| {
                p.as_ref()
                    .filter(|p| p.0 == Some(field))
                    .map(|p| p.1.clone())
            })
        }
    };
    let error_line = move |field: &'static str| {
        move || {
            error_for(field)().map(|sentence| view! {
            <p class="error-message" id=format!("{field}-error")><span class="visually-hidden">"Error: "</span>{sentence}</p>
        })
        }
    };
    let invalid = move |field: &'static str| move || error_for(field)().map(|_| "true");
    let described =
        move |field: &'static str| move || error_for(field)().map(|_| format!("{field}-error"));
    let text_value = move |ev: leptos::ev::Event| {
        let area: web_sys::HtmlTextAreaElement = event_target(&ev);
        text.set(area.value());
    };
    view! {
        <section class="panel" aria-labelledby="paste-heading">
            <h2 id="paste-heading">"Paste report text"</h2>
            <p>"Copy the key activities table from the Word or PDF report, with its theme and objective lines, and paste it below, and say which period it reports on. You will see what was read before anything is replaced."</p>
            <div class="field-row">
                <div class="field">
                    <label for="paste-organisation">"Organisation"</label>
                    <input id="paste-organisation" type="text" autocomplete="organization" prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="paste-title">"Report title"</label>
                    <input id="paste-title" type="text" prop:value=title on:input=move |ev| title.set(event_target_value(&ev)) />
                </div>
                <div class="field field-short" class:field-error=move || error_for("paste-year")().is_some()>
                    <label for="paste-year">"Financial year"</label>
                    {error_line("paste-year")}
                    <input id="paste-year" type="text" inputmode="numeric" placeholder="2019/20" aria-invalid=invalid("paste-year") aria-describedby=described("paste-year") prop:value=year on:input=move |ev| year.set(event_target_value(&ev)) />
                </div>
                <div class="field field-short" class:field-error=move || error_for("paste-quarter")().is_some()>
                    <label for="paste-quarter">"Quarter"</label>
                    {error_line("paste-quarter")}
                    <select id="paste-quarter" aria-invalid=invalid("paste-quarter") aria-describedby=described("paste-quarter") prop:value=quarter on:change=move |ev| quarter.set(event_target_value(&ev))>
                        <option value="">"Choose"</option>
                        {(1..=4).map(|q| view! { <option value=q.to_string()>{format!("Quarter {q}")}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="paste-text">"Report text"</label>
                <textarea id="paste-text" rows="12" spellcheck="false" on:input=text_value></textarea>
            </div>
            {move || problem.get().filter(|p| p.0.is_none()).map(|p| view! { <p class="error-message" id="paste-problem" role="alert" tabindex="-1">{p.1}</p> })}
            <div class="button-row">
                <button type="button" class="button" on:click=read>"Read the text"</button>
                <button type="button" class="button button-secondary" on:click=move |_| close()>"Close"</button>
            </div>
        </section>
    }
}

/// Lets a JSON file dropped anywhere on the page go through the same door.
pub fn accept_dropped_files(state: AppState) {
    let over = window_event_listener(leptos::ev::dragover, |ev: web_sys::DragEvent| {
        ev.prevent_default();
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            import_file(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
