//! The register's actions: import, paste, export JSON or CSV, restore the previous register.

use super::file_io;
use super::import_controls::ImportControls;
use super::state::AppState;
use crate::export::{csv, file_name};
use leptos::prelude::*;

#[component]
pub fn RegisterActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file = expect_context::<super::register_file::RegisterFile>();
    let export = move |kind: &'static str| {
        let Some(register) = state.register.get_untracked() else {
            return;
        };
        let exported = match kind {
            "csv" => {
                let name = file_name(&register, "csv");
                file_io::download(&name, "text/csv;charset=utf-8", &csv::encode(&register))
                    .map(|()| name)
            }
            // A whole register in a file: it counts as saved to a file.
            _ => file_io::download_json(&register).inspect(|_| file.downloaded()),
        };
        state.notice.set(Some(match exported {
            Ok(name) => format!("Exported {name}."),
            Err(why) => why,
        }));
    };
    view! {
        <section class="register-actions" aria-label="Register actions">
            <ImportControls />
            <div class="button-row">
                <button type="button" class="button button-secondary" on:click=move |_| export("json")>"Export JSON"</button>
                <button type="button" class="button button-secondary" on:click=move |_| export("csv")>"Export CSV"</button>
                <button type="button" class="button button-secondary" id="add-activity" on:click=move |_| state.editing.set(Some(String::new()))>"Add key activity"</button>
                <button type="button" class="button button-secondary" disabled=move || !state.can_undo.get() on:click=move |_| state.undo() aria-keyshortcuts="Control+Z">"Undo"</button>
                <button type="button" class="button button-secondary" disabled=move || !state.can_redo.get() on:click=move |_| state.redo() aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
                {move || state.previous.with(|p| p.is_some()).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| { state.restore_previous(); super::focus::focus_view_heading(); }>
                        "Restore previous register"
                    </button>
                })}
            </div>
            <super::compare_control::CompareControl id="compare-json-register" label="Compare with previous quarter" />
        </section>
    }
}
