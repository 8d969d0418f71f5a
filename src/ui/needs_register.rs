//! The views that need a register (Summary, pack, details, Quarters): their
//! content once a register is loaded, otherwise their heading and a link to
//! where one can be loaded or imported; and, on every view, a stored register
//! that could not be read, with its recovery choices. Both are escaped HTML
//! text (`crate::banners_html::needs_register`, `stored_problem`) with one
//! delegated `click` handler ([`on_click`]).

use super::html_region as region;
use super::state::AppState;
use crate::banners_html as html;
use crate::route::Route;
use crate::ui::effect::memo;
use leptos::prelude::*;

#[component]
pub fn NeedsRegister(title: &'static str, children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_register = memo(move || state.register.with(|r| r.is_some()));
    move || {
        if has_register.get() {
            children().into_any()
        } else {
            let text = state
                .start_problem
                .with(|p| html::needs_register(title, p.as_deref(), Route::Register.hash()));
            view! { <div class="needs-register" inner_html=text on:click=move |ev| on_click(state, ev)></div> }
                .into_any()
        }
    }
}

/// "Download the stored text": a copy of exactly what is stored (the stored
/// problem's button, wherever it is shown).
pub fn on_click(state: AppState, ev: leptos::ev::MouseEvent) {
    let Some((_, action, _)) = region::action_of(&ev) else {
        return;
    };
    if action != "stored-text" {
        return;
    }
    if let Some(text) = state.with_storage(|s| s.stored_text()).flatten() {
        let _ = super::file_io::download(
            "activity-register-stored-text.txt",
            "text/plain;charset=utf-8",
            &text,
        );
    }
}

/// A stored register that could not be read (on the first visit): why, that
/// nothing was deleted, and a copy of exactly what is stored to download.
#[component]
pub fn StoredProblem() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state
            .start_problem
            .with(|p| p.as_deref().map(html::stored_problem).unwrap_or_default())
    };
    view! { <div class="stored-problem" inner_html=text on:click=move |ev| on_click(state, ev)></div> }
}
