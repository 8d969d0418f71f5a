//! The register's actions: import, paste, export JSON or CSV, restore the previous register.
//!
//! The row of buttons is escaped HTML text (`crate::explorer_html::actions`)
//! with one delegated `click` handler; Undo's and Redo's `disabled` and the
//! Restore button change in place, so focus stays where it was.

use super::file_io;
use super::focus;
use super::html_region as region;
use super::import_controls::ImportControls;
use super::state::AppState;
use crate::explorer_html as html;
use crate::export::{csv, file_name};
use crate::ui::effect::{effect, memo};
use leptos::prelude::*;

const ROW: &str = ".register-actions > .button-row";

pub fn register_actions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file = expect_context::<super::register_file::RegisterFile>();
    let previous = memo(move || state.previous.with(|p| p.is_some()));
    effect(move || {
        let (undo, redo, previous) = (state.can_undo.get(), state.can_redo.get(), previous.get());
        let Ok(Some(row)) = document().query_selector(ROW) else {
            return;
        };
        let button = |action: &str| {
            row.query_selector(&format!("[data-action={action}]"))
                .ok()
                .flatten()
        };
        if let (Some(undo_button), Some(redo_button), Some(add)) =
            (button("undo"), button("redo"), button("add"))
        {
            // The one enabled goes first, so focus can move to it; with neither
            // left to press, "Add key activity" is next in the row.
            let mut pairs = [
                (&undo_button, undo, &redo_button),
                (&redo_button, redo, &undo_button),
            ];
            if !undo {
                // Not `sort`: it would bring a copy of std's sort into the wasm.
                pairs.swap(0, 1);
            }
            for (b, can, other) in pairs {
                focus::disable_keeping_focus(b, !can, &[other, &add]);
            }
        }
        match (
            row.query_selector("[data-action=restore]").ok().flatten(),
            previous,
        ) {
            (None, true) => {
                let _ = row.insert_adjacent_html("beforeend", html::RESTORE);
            }
            (Some(b), false) => b.remove(),
            _ => {}
        }
    });
    let text = html::actions(
        state.can_undo.get_untracked(),
        state.can_redo.get_untracked(),
        previous.get_untracked(),
    );
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some((_, action, _)) = region::action_of(&ev) else {
            return;
        };
        match action.as_str() {
            "add" => state.editing.set(Some(String::new())),
            "undo" => state.undo(),
            "redo" => state.redo(),
            "restore" => {
                state.restore_previous();
                super::focus::focus_view_heading();
            }
            "json" | "csv" => {
                let Some(register) = state.register.get_untracked() else {
                    return;
                };
                let exported = if action == "csv" {
                    let name = file_name(&register, "csv");
                    file_io::download(&name, "text/csv;charset=utf-8", &csv::encode(&register))
                        .map(|()| name)
                } else {
                    // A whole register in a file: it counts as saved to a file.
                    file_io::download_json(&register).inspect(|_| file.downloaded())
                };
                state.notice.set(Some(match exported {
                    Ok(name) => format!("Exported {name}."),
                    Err(why) => why,
                }));
            }
            _ => {}
        }
    };
    view! {
        <section class="register-actions" aria-label="Register actions">
            <ImportControls />
            <div class="button-row" inner_html=text on:click=click></div>
            <super::compare_control::CompareControl id="compare-json-register" label="Compare with previous quarter" />
        </section>
    }
}
