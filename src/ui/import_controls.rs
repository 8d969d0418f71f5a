//! The ways a register comes in: the "Import JSON" file picker, a file dropped on
//! the page, and "Paste report text". All of them end in `AppState::offer_import`,
//! which shows a preview; nothing is replaced until the user confirms it.

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

/// "Import JSON" and "Paste report text".
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
            <p class="hint">"You can also drop a JSON file anywhere on this page."</p>
        </div>
        <div id="paste-panel" hidden=move || !pasting.get()>
            <Show when=move || pasting.get()>
                <PastePanel close=move || pasting.set(false) />
            </Show>
        </div>
    }
}

/// The details a pasted table does not carry, from the current register or today.
fn paste_template(current: Option<&Register>) -> Register {
    match current {
        Some(r) => Register {
            themes: Vec::new(),
            ..r.clone()
        },
        None => {
            let today = js_sys::Date::new_0();
            let period =
                Period::containing(today.get_full_year() as u16, today.get_month() as u8 + 1)
                    .or_else(|_| Period::new(2019, 1))
                    .expect("2019/20 Quarter 1 is a valid period");
            Register::new("", "Corporate Plan Key Activities", period)
        }
    }
}

#[component]
fn PastePanel(close: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let template = paste_template(state.register.get_untracked().as_ref());
    let organisation = RwSignal::new(template.organisation.clone());
    let title = RwSignal::new(template.title.clone());
    let year = RwSignal::new(template.period.financial_year());
    let quarter = RwSignal::new(template.period.quarter().to_string());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let read = move |_| {
        let period = Period::parse_financial_year(&year.get_untracked())
            .and_then(|y| Period::new(y, quarter.get_untracked().parse().unwrap_or(0)));
        let period = match period {
            Ok(p) => p,
            Err(err) => {
                problem.set(Some(format!("Financial year: {err}.")));
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
            Err(why) => problem.set(Some(why)),
        }
    };
    let text_value = move |ev: leptos::ev::Event| {
        let area: web_sys::HtmlTextAreaElement = event_target(&ev);
        text.set(area.value());
    };
    view! {
        <section class="panel" aria-labelledby="paste-heading">
            <h2 id="paste-heading">"Paste report text"</h2>
            <p>"Copy the key activities table from the Word or PDF report, with its theme and objective lines, and paste it below. You will see what was read before anything is replaced."</p>
            <div class="field-row">
                <div class="field">
                    <label for="paste-organisation">"Organisation"</label>
                    <input id="paste-organisation" type="text" autocomplete="organization" prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="paste-title">"Report title"</label>
                    <input id="paste-title" type="text" prop:value=title on:input=move |ev| title.set(event_target_value(&ev)) />
                </div>
                <div class="field field-short">
                    <label for="paste-year">"Financial year"</label>
                    <input id="paste-year" type="text" inputmode="numeric" placeholder="2019/20" prop:value=year on:input=move |ev| year.set(event_target_value(&ev)) />
                </div>
                <div class="field field-short">
                    <label for="paste-quarter">"Quarter"</label>
                    <select id="paste-quarter" prop:value=quarter on:change=move |ev| quarter.set(event_target_value(&ev))>
                        {(1..=4).map(|q| view! { <option value=q.to_string()>{format!("Quarter {q}")}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="paste-text">"Report text"</label>
                <textarea id="paste-text" rows="12" spellcheck="false" on:input=text_value></textarea>
            </div>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
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
