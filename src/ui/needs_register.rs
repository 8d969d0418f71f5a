//! The views that need a register (Summary, pack, details, Quarters): their
//! content once a register is loaded, otherwise their heading and a link to
//! where one can be loaded or imported; and, on every view, a stored register
//! that could not be read, with its recovery choices (`StoredProblem`).

use super::state::AppState;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn NeedsRegister(title: &'static str, children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_register = Memo::new(move |_| state.register.with(|r| r.is_some()));
    move || {
        if has_register.get() {
            children().into_any()
        } else {
            let problem = state.start_problem.with(Option::is_some);
            view! {
                <h1>{title}</h1>
                <StoredProblem />
                {if problem {
                    view! { <p>"To carry on, "<a href=Route::Register.hash()>"import a register file or load the sample on the Register view"</a>"; the stored text stays as it is."</p> }.into_any()
                } else {
                    view! { <p>"There is no register in this browser yet. "<a href=Route::Register.hash()>"Load or import one on the Register view"</a>"."</p> }.into_any()
                }}
            }
            .into_any()
        }
    }
}

/// A stored register that could not be read: why, that nothing was deleted,
/// and a copy of exactly what is stored to download.
#[component]
pub fn StoredProblem() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.start_problem.get().map(|why| view! {
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
        })
    }
}
