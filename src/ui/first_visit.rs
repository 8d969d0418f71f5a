//! What a first visit (or an unreadable store) offers: the sample register,
//! opening this quarter's register (import or paste), and, separately, comparing
//! with last quarter's; and, in one sentence, where the register is kept.

use super::compare_control::CompareControl;
use super::import_controls::ImportControls;
use super::state::AppState;
use crate::sample::SAMPLE_URL;
use leptos::prelude::*;

#[component]
pub fn FirstVisit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<String>);
    let loading = RwSignal::new(false);
    // The sample is fetched from beside the app (dist/sample-register.json), not
    // embedded in the wasm: 42 KB less in every first download. It goes through
    // the same decode and checks as any file.
    let load_sample = move |_| {
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match super::file_io::fetch_text(SAMPLE_URL).await {
                Ok(text) => crate::format::decode(&text)
                    .map_err(|err| format!("The sample register could not be read: {err}")),
                Err(why) => Err(format!("The sample register could not be loaded: {why}.")),
            };
            // This view may be gone by now (a register was imported meanwhile).
            loading.try_set(false);
            match outcome {
                Ok(register) if state.register.get_untracked().is_none() => {
                    match state.start_with(register) {
                        Ok(()) => super::focus::focus_view_heading(),
                        Err(sentence) => {
                            problem.try_set(Some(sentence));
                        }
                    }
                }
                Ok(_) => {}
                Err(sentence) => {
                    problem.try_set(Some(sentence));
                }
            }
        });
    };
    view! {
        <h1>"Activity Register"</h1>
        <super::needs_register::StoredProblem />
        <p class="lede">
            "Keep your Corporate Plan key activities register, summarise it by status and print the scrutiny pack. "
            "Everything stays in this browser: nothing is sent anywhere."
        </p>
        <p class="where-first">
            "Your register is kept in this browser, which clearing browsing data deletes, so save it to a file in a OneDrive or SharePoint folder (Save as\u{2026} at the top) to keep it safe."
        </p>
        <div class="start-options">
            <section class="start-option" aria-labelledby="start-sample">
                <h2 id="start-sample">"Try it with a real report"</h2>
                <p>"The Quarter 1 2019/20 key activities report of Harborough District Council: 37 key activities under 11 objectives and 3 themes."</p>
                <button type="button" class="button" on:click=load_sample>"Load sample register"</button>
                {move || loading.get().then(|| view! { <p role="status">"Loading the sample register\u{2026}"</p> })}
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <p><a href=SAMPLE_URL download=SAMPLE_URL>"Download the sample as a JSON file"</a></p>
            </section>
            <section class="start-option" aria-labelledby="start-import">
                <h2 id="start-import">"Open this quarter\u{2019}s register"</h2>
                <p>"Import the register\u{2019}s JSON file (exported from this app) or a spreadsheet (.xlsx or .csv), or paste the key activities table from your Word or PDF report. You will see what it holds before anything is kept."</p>
                <ImportControls />
            </section>
            <section class="start-option" aria-labelledby="start-compare">
                <h2 id="start-compare">"Compare with last quarter"</h2>
                <p>"Have last quarter\u{2019}s file too? Choose it here to see each key activity\u{2019}s direction of travel. It is only compared, never opened as your register."</p>
                <CompareControl id="compare-json-first" label="Compare with last quarter" />
            </section>
        </div>
    }
}
