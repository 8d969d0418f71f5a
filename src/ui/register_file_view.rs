//! What the officer sees of the register file: Open, Save and Save as in the
//! header with the "saved" line (or Reconnect after a reload), the short
//! explanation of where the data is, and, above the view, a file problem or
//! the message when someone else saved the file (HTML from
//! `crate::register_file::message`; the buttons and the banner one delegated
//! click handler each).

use super::html_region as region;
use super::register_file::RegisterFile;
use super::state::AppState;
use crate::header_html as html;
use crate::merge::Side;
use crate::register_file as rules;
use crate::storage::copy::CopyKind;
use crate::ui::effect::{effect, effect_with_previous};
use leptos::prelude::*;

/// Keeps the header's file parts true (`header_html::header`): the buttons
/// (drawn again when the file kept for Reconnect changes; focus stays on the
/// same button), the file's line (with the reminder's mark) and "Where your
/// data is".
pub fn keep_file_parts(state: AppState, file: RegisterFile) {
    // Ticks each minute so "3 minutes ago" stays true.
    let now = RwSignal::new(js_sys::Date::now() as u64);
    if let Ok(tick) = set_interval_with_handle(
        move || now.set(js_sys::Date::now() as u64),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || tick.clear());
    }
    let reminding = move || {
        let linked = file.linked.with(Option::is_some);
        if linked && (file.problem.with(Option::is_some) || file.conflict.with(Option::is_some)) {
            return true;
        }
        rules::needs_reminder(file.saved_at.get(), file.changed_at.get())
            && file.linked.with(Option::is_none)
            && file.reconnect.with(Option::is_none)
            && state.register.with(Option::is_some)
    };
    let line = move || {
        if file.linked.with(Option::is_some) {
            return file.saved_line.get();
        }
        if file.reconnect.with(Option::is_some) {
            return None;
        }
        let last = file
            .saved_at
            .get()
            .map(|s| rules::last_saved_to_a_file(now.get(), s));
        match (last, reminding()) {
            (Some(l), true) => Some(format!("{l}. {}", rules::REMINDER)),
            (Some(l), false) => Some(format!("{l}.")),
            (None, true) if !file.can_write => {
                Some("Not yet saved to a file: choose Save to download a copy.".to_owned())
            }
            _ => None,
        }
    };
    effect(move || {
        region::text(html::FILE_STATUS, line().as_deref().unwrap_or_default());
        region::mark(html::FILE_STATUS, "file-status-reminder", reminding());
    });
    effect(move || {
        let linked = file.linked.get();
        let reconnect = file.reconnect.get();
        region::set(
            html::WHERE_LIST,
            &rules::where_html(&rules::Whereabouts {
                linked: linked.as_deref(),
                reconnect: reconnect.as_deref(),
                can_write: file.can_write,
                persistent: state.copy_status.with(|c| c.persistent),
                in_local_storage: state.copy_status.with(|c| c.kind == CopyKind::LocalStorage),
            }),
        );
    });
    let first = file
        .reconnect
        .with_untracked(|r| rules::controls_html(r.as_deref()));
    effect_with_previous(move |drawn: Option<String>| {
        let html = file.reconnect.with(|r| rules::controls_html(r.as_deref()));
        if html != drawn.as_deref().unwrap_or(&first) {
            region::set("file-controls", &html);
        }
        html
    });
}

/// The header's file buttons (one delegated `click` handler on the header).
pub fn on_header_click(state: AppState, file: RegisterFile, ev: &leptos::ev::MouseEvent) {
    let Some((_, action, _)) = region::action_of(ev) else {
        return;
    };
    match action.as_str() {
        "open" => file.open(state),
        "save" => file.save(state),
        "save-as" => file.save_as(state),
        "reconnect" => file.reconnect_now(state),
        _ => {}
    }
}

/// Above the view: what went wrong with the file, or the message when someone
/// else saved it.
#[component]
pub fn FileBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file = expect_context::<RegisterFile>();
    let html = move || {
        let mut out = String::new();
        if let Some(p) = file.problem.get() {
            out.push_str(&rules::problem_html(&p));
        }
        file.conflict.with(|c| {
            if let Some(c) = c {
                out.push_str(&c.html());
            }
        });
        out
    };
    let act = move |ev: leptos::ev::MouseEvent| {
        let action = region::target_with(&ev, "[data-file-action]")
            .and_then(|el| el.get_attribute("data-file-action"));
        match action.as_deref() {
            Some("merge-mine") => file.merge(state, Side::Mine),
            Some("merge-theirs") => file.merge(state, Side::Theirs),
            Some("reload") => file.reload_theirs(state),
            Some("new-file") => file.save_as(state),
            _ => {}
        }
    };
    view! { <div class="file-banner" on:click=act inner_html=html></div> }
}
