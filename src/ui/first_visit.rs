//! What a first visit (or an unreadable store) offers: the sample register, and import.

use super::import_controls::ImportControls;
use super::state::AppState;
use crate::sample::sample_register;
use leptos::prelude::*;

#[component]
pub fn FirstVisit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<String>);
    let load_sample = move |_| match sample_register() {
        Ok(register) => {
            let _ = state.start_with(register);
        }
        Err(err) => problem.set(Some(format!(
            "The sample register could not be read: {err}"
        ))),
    };
    view! {
        <h1>"Activity Register"</h1>
        {move || state.start_problem.get().map(|why| view! {
            <div class="notice notice-problem" role="alert">
                <h2>"Your stored register could not be opened"</h2>
                <p>{why}</p>
                <p>"Nothing has been deleted. You can keep a copy of exactly what is stored, to send to support or to repair."</p>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    if let Some(text) = state.with_storage(|s| s.stored_text()).flatten() {
                        let _ = super::file_io::download("activity-register-stored-text.txt", "text/plain;charset=utf-8", &text);
                    }
                }>"Download the stored text"</button>
            </div>
        })}
        <p class="lede">
            "Keep your Corporate Plan key activities register, summarise it by status and print the scrutiny pack. "
            "Everything stays in this browser: nothing is sent anywhere."
        </p>
        <div class="start-options">
            <section class="start-option" aria-labelledby="start-sample">
                <h2 id="start-sample">"Try it with a real report"</h2>
                <p>"The Quarter 1 2019/20 key activities report of Harborough District Council: 37 key activities under 11 objectives and 3 themes."</p>
                <button type="button" class="button" on:click=load_sample>"Load sample register"</button>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <p><a href="sample-register.json" download="sample-register.json">"Download the sample as a JSON file"</a></p>
            </section>
            <section class="start-option" aria-labelledby="start-import">
                <h2 id="start-import">"Bring your own register"</h2>
                <p>"Import last quarter\u{2019}s JSON file, or paste the key activities table from your Word or PDF report."</p>
                <ImportControls />
            </section>
        </div>
    }
}
