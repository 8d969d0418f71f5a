//! "Compare with previous quarter": choose last quarter's JSON file to see the
//! direction of travel; it is only compared, never imported. Offered where
//! direction of travel is first mentioned (the Summary's headline, the Register
//! view, the first visit); says what it compares with and can clear it.
//!
//! Kept small for the initial download: escaped HTML text from
//! `crate::compare_control_html`, drawn again by one effect when what it shows
//! changes (focus kept on the same control), with one `change` and one `click`
//! handler.

use super::file_io;
use super::html_region as region;
use super::state::AppState;
use crate::compare_control_html::{control, Shown};
use crate::import::read_register_file;
use crate::ui::effect::effect_with_previous;
use leptos::prelude::*;

/// The file button (`id` for its input, `label` its words), what it compares
/// with, and why a file was refused.
#[component]
pub fn CompareControl(id: &'static str, label: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let refusal = RwSignal::new(None::<(String, Vec<String>)>);
    let note = RwSignal::new(None::<String>);
    let region_id = format!("{id}-control");
    let html = move || {
        let compared = state.comparison.with(|c| {
            c.as_ref()
                .map(|c| format!("{} ({})", c.period, c.organisation))
        });
        note.with(|n| {
            refusal.with(|r| {
                control(
                    id,
                    label,
                    &Shown {
                        compared: compared.as_deref(),
                        note: n.as_deref(),
                        refusal: r.as_ref().map(|(name, s)| (name.as_str(), s.as_slice())),
                    },
                )
            })
        })
    };
    let first = html();
    let drawn_first = first.clone();
    let region_for_effect = region_id.clone();
    effect_with_previous(move |drawn: Option<String>| {
        let now = html();
        if now != drawn.as_deref().unwrap_or(&drawn_first) {
            region::set(&region_for_effect, &now);
        }
        now
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = region::target_with(&ev, "input[type=file]")
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            let outcome = match file_io::read_file(&file).await {
                Ok(bytes) => read_register_file(&bytes).map_err(|e| e.sentences()),
                Err(why) => Err(vec![why]),
            };
            match outcome {
                Ok(previous) => {
                    refusal.set(None);
                    note.set(state.compare_with(previous));
                }
                Err(sentences) => refusal.set(Some((name, sentences))),
            }
        });
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if region::action_of(&ev).is_some_and(|(_, action, _)| action == "clear-comparison") {
            state.clear_comparison();
        }
    };
    view! {
        <div class="compare-control" id=region_id inner_html=first on:change=on_change on:click=on_click></div>
    }
}
