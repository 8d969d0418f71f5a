//! "Compare with previous quarter": choose last quarter's JSON file to see the
//! direction of travel; it is only compared, never imported. Offered where
//! direction of travel is first mentioned (the Summary's headline, the Register
//! view, the first visit); says what it compares with and can clear it.

use super::file_io;
use super::state::AppState;
use crate::import::read_register_file;
use leptos::prelude::*;

/// The file button (`id` for its input, `label` its words), what it compares
/// with, and why a file was refused.
#[component]
pub fn CompareControl(id: &'static str, label: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let refusal = RwSignal::new(None::<(String, Vec<String>)>);
    let note = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
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
    let compared = move || {
        state.comparison.with(|c| {
            c.as_ref()
                .map(|c| format!("{} ({})", c.period, c.organisation))
        })
    };
    view! {
        <div class="compare-control">
            {move || compared().map(|c| view! {
                <p>{format!("Compared with {c}.")}" "
                    <button type="button" class="link-button" on:click=move |_| state.clear_comparison()>"Clear comparison"</button>
                </p>
            })}
            <div class="file-button">
                <input type="file" id=id class="file-input" accept=".json,application/json" on:change=on_file />
                <label for=id class="button button-secondary">{label}</label>
            </div>
            {move || note.get().map(|n| view! { <p class="notice">{n}</p> })}
            {move || refusal.get().map(|(name, sentences)| view! {
                <div class="notice notice-problem" role="alert">
                    <h3>{format!("\u{201c}{name}\u{201d} was not loaded for comparison")}</h3>
                    <p>"Your register and any earlier comparison are unchanged. What is wrong:"</p>
                    <ul>{sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                </div>
            })}
        </div>
    }
}
