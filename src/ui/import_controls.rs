//! The ways a register comes in: the "Import JSON" file picker, a file dropped on
//! the page, "Paste report text" and "Import spreadsheet" (.xlsx or .csv, mapped
//! in the returns worker through the Returns view's handlers, so it works on a
//! first visit). All of them end in `AppState::offer_import`, which shows a
//! preview; nothing is replaced until the user confirms it.
//!
//! Kept small for the initial download: Paste report text's form is escaped
//! HTML text from `crate::paste_html` with one delegated `click` handler; what
//! is typed is read back from the fields when the text is read.

use super::file_io;
use super::html_region as region;
use super::state::{AppState, Refusal};
use super::worker_call;
use crate::format::size_in_words;
use crate::import::{preview_file, preview_read_text_file, MAX_FILE_BYTES};
use crate::paste_html::{self as paste, PasteForm};
use crate::register::Register;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

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
    let paste = Paste {
        state,
        template: StoredValue::new(None),
        opened: StoredValue::new(0),
        reading: StoredValue::new(false),
    };
    // Import JSON's file: Import spreadsheet's input is the Returns view's
    // delegated listeners' (`returns_worker`).
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = region::target_with(&ev, "#import-json")
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            import_file(state, file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if region::action_of(&ev).is_some_and(|(_, action, _)| action == "paste") {
            let open = paste.template.with_value(Option::is_none);
            show_paste(paste, open);
        }
    };
    view! {
        <div class="import-controls" inner_html=paste::IMPORT_CONTROLS on:change=on_change on:click=on_click></div>
        // Import spreadsheet's form, progress and problems (the worker's HTML);
        // its file button and this form are handled by the Returns view's
        // delegated listeners (`returns_worker`).
        <div class="returns-view" inner_html=paste::SPREADSHEET_REGIONS></div>
        // Paste report text's form (`crate::paste_html`), drawn when it opens.
        <div id="paste-panel" hidden on:click=move |ev| on_paste_click(paste, ev)></div>
    }
}

/// Paste report text's form while the page shows it.
#[derive(Clone, Copy)]
struct Paste {
    state: AppState,
    /// The details the pasted table does not carry, taken when the form opens;
    /// `None` while it is closed.
    template: StoredValue<Option<Register>>,
    /// Counts the form's openings: the answer to a text read before the form
    /// was closed is dropped, even when it has opened again since.
    opened: StoredValue<u32>,
    /// While the worker reads a text, "Read the text" waits (one at a time).
    reading: StoredValue<bool>,
}

/// Opens Paste report text's form afresh from the current register, or
/// closes it (focus on a control inside goes with it, as it did).
fn show_paste(p: Paste, open: bool) {
    let Paste {
        state, template, ..
    } = p;
    let doc = document();
    let (Some(panel), Ok(Some(toggle))) = (
        doc.get_element_by_id("paste-panel"),
        doc.query_selector("[aria-controls=\"paste-panel\"]"),
    ) else {
        return;
    };
    let html = if open {
        let (t, known) = paste::template(state.register.get_untracked().as_ref());
        let html = paste::panel(&PasteForm::of(&t, known));
        template.set_value(Some(t));
        html
    } else {
        template.set_value(None);
        String::new()
    };
    region::set("paste-panel", &html);
    let _ = panel.toggle_attribute_with_force("hidden", !open);
    let _ = toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if open {
        p.opened.update_value(|n| *n = n.wrapping_add(1));
        // A text from before is still being read: this one waits for it.
        if p.reading.get_value() {
            region::text(paste::STATUS, paste::READING);
        }
    }
}

/// Trunk's loader for Paste report text's reader (`data-loader-shim`; workers'
/// files are not hashed).
const READER_URL: &str = "./report_text_worker_loader.js";

/// Paste report text's `click` handler: "Read the text" checks the details,
/// then has the worker read the text into an import preview (focus goes to
/// what was refused); "Close" closes the form.
fn on_paste_click(p: Paste, ev: leptos::ev::MouseEvent) {
    let Paste {
        state,
        template,
        opened,
        reading,
    } = p;
    let Some((_, action, _)) = region::action_of(&ev) else {
        return;
    };
    if action == "close" {
        return show_paste(p, false);
    }
    if action != "read" || reading.get_value() {
        return;
    }
    let form = PasteForm {
        organisation: region::value("paste-organisation"),
        title: region::value("paste-title"),
        year: region::value(paste::YEAR),
        quarter: region::value(paste::QUARTER),
    };
    let checked = template.with_value(|t| t.as_ref().map(|t| paste::checked_template(&form, t)));
    let with = match checked {
        Some(Ok(with)) => with,
        Some(Err(problem)) => return show_problem(&form, problem),
        None => return,
    };
    let request = js_sys::Array::of2(
        &crate::format::encode_compact(&with).into(),
        &region::value(paste::TEXT).into(),
    );
    reading.set_value(true);
    let asked_at = opened.get_value();
    region::set(paste::PROBLEM_REGION, "");
    region::text(paste::STATUS, paste::READING);
    leptos::task::spawn_local(async move {
        let answer = worker_call::call(READER_URL, &request, "the text reader").await;
        // The view may have gone meanwhile (its stored values with it).
        let _ = reading.try_set_value(false);
        region::text(paste::STATUS, "");
        // Closed while the text was read: the officer no longer wants it.
        if template.try_with_value(Option::is_none) != Some(false)
            || opened.try_get_value() != Some(asked_at)
        {
            return;
        }
        let outcome = match answer {
            Ok(read) => {
                let read = js_sys::Array::from(&read);
                let strings = |v: JsValue| {
                    js_sys::Array::from(&v)
                        .iter()
                        .filter_map(|s| s.as_string())
                        .collect()
                };
                let current = state.register.get_untracked();
                preview_read_text_file(
                    &read.get(0).as_string().unwrap_or_default(),
                    strings(read.get(1)),
                    strings(read.get(2)),
                    current.as_ref(),
                )
            }
            Err(Ok(sentence)) => Err(sentence),
            Err(Err(why)) => Err(format!(
                "The text could not be read: {}. Try again.",
                why.trim_end_matches('.')
            )),
        };
        match outcome {
            Ok(preview) => {
                state.offer_import(Ok(preview));
                show_paste(p, false);
            }
            Err(sentence) => show_problem(&form, paste::text_problem(sentence)),
        }
    });
}

/// A refusal by its field, or under the text, with focus there.
fn show_problem(form: &PasteForm, problem: paste::PasteProblem) {
    region::set(paste::FIELDS, &paste::fields(form, Some(&problem)));
    region::set(paste::PROBLEM_REGION, &paste::problem(Some(&problem)));
    region::focus(problem.field.unwrap_or(paste::PROBLEM));
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
