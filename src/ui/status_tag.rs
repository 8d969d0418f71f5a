//! A status shown as a word, a symbol and a colour: never by colour alone. The
//! colour comes from the `data-status` rule (`status_rules`), not a style attribute.

use crate::status::Status;
use leptos::prelude::*;

/// The tag for a status; an id missing from the set shows as itself, marked unknown.
#[component]
pub fn StatusTag(status: Option<Status>, #[prop(into)] id: String) -> impl IntoView {
    match status {
        Some(status) => view! {
            <span class="status-tag" data-status=status.id.clone()>
                <span class="status-symbol" aria-hidden="true">{status.symbol}</span>
                " "
                <span class="status-label">{status.label}</span>
            </span>
        }
        .into_any(),
        None => view! {
            <span class="status-tag status-unknown" data-status=id.clone()>
                <span class="status-symbol" aria-hidden="true">"?"</span>
                " "
                <span class="status-label">{format!("Unknown status \u{201c}{id}\u{201d}")}</span>
            </span>
        }
        .into_any(),
    }
}
