//! The views that need a register (Summary, pack, details, Quarters): their
//! content once a register is loaded, otherwise their heading and a link to
//! where one can be loaded or imported.

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
            view! {
                <h1>{title}</h1>
                <p>"There is no register in this browser yet. "<a href=Route::Register.hash()>"Load or import one on the Register view"</a>"."</p>
            }
            .into_any()
        }
    }
}
