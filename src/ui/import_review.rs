//! The check before an import replaces anything: the preview with "Replace
//! register" and "Cancel", or the reasons a file was refused, or what just happened.
//!
//! Kept small for the initial download: the markup is escaped HTML text from
//! `crate::import_review_html` in three regions, drawn by one effect each, with
//! one delegated `click` handler. The regions are not printed (`.import-review`
//! in the print CSS): even an empty box before the pack's first forced break
//! prints a blank page.

use super::file_io;
use super::html_region as region;
use super::import_controls::BYTES_READ_MARK;
use super::state::AppState;
use crate::import_review_html as html;
use crate::ui::effect::effect;
use leptos::prelude::*;

#[component]
pub fn ImportReview() -> impl IntoView {
    let state = expect_context::<AppState>();
    effect(move || state.notice.with(|n| draw_notice(n.as_deref())));
    effect(move || {
        let text = state.refusal.with(|r| {
            r.as_ref()
                .map(|r| html::refusal(&r.source, &r.sentences))
                .unwrap_or_default()
        });
        region::set("import-refusal", &text);
    });
    // A new preview takes focus at its heading.
    effect(move || {
        let text = state.pending.with(|p| p.as_ref().map(html::preview));
        let open = text.is_some();
        region::set("import-preview", &text.unwrap_or_default());
        if open {
            file_io::measure("import:preview", BYTES_READ_MARK);
            region::focus(html::HEADING);
        }
    });
    view! {
        <div class="import-review" id="import-notice"></div>
        <div class="import-review" id="import-refusal"></div>
        <div class="import-review" id="import-preview" on:click=move |ev| on_click(state, ev)></div>
    }
}

/// A new notice's text replaces the old one's in the same status region, so
/// it is announced as a change; with none, the region goes.
fn draw_notice(text: Option<&str>) {
    if let (Some(text), Ok(Some(p))) = (text, document().query_selector("#import-notice p")) {
        p.set_text_content(Some(text));
        return;
    }
    region::set("import-notice", &html::notice(text));
}

/// The preview's `click` handler: "Replace register" and "Cancel" go through
/// the one door; focus goes to the view's heading after either.
fn on_click(state: AppState, ev: leptos::ev::MouseEvent) {
    let Some((_, action, _)) = region::action_of(&ev) else {
        return;
    };
    match action.as_str() {
        "replace" => state.confirm_import(),
        "cancel" => state.cancel_import(),
        _ => return,
    }
    super::focus::focus_view_heading();
}
