//! The Register view: the register grouped theme → objective → key activity, in
//! the report's table layout, with the status key. The heading, lede and status
//! key are escaped HTML text (`crate::explorer_html`), each written again when
//! its text changes.

use super::edit_panel::EditPanel;
use super::explorer::RegisterExplorer;
use super::first_visit::FirstVisit;
use super::register_actions::register_actions;
use super::state::AppState;
use crate::explorer_html as html;
use crate::register::Register;
use crate::ui::effect::memo;
use leptos::prelude::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<super::explorer::Explorer>();
    // An activity kept on the page after an edit is let go with the view.
    on_cleanup(move || explorer.kept.set(None));
    let has_register = memo(move || state.register.with(|r| r.is_some()));
    move || {
        if !has_register.get() {
            return view! { <FirstVisit /> }.into_any();
        }
        // Each part written again only when its own text changes.
        let part = |write: fn(&Register) -> String| {
            memo(move || {
                state
                    .register
                    .with(|r| r.as_ref().map(write).unwrap_or_default())
            })
        };
        let heading = part(html::heading);
        let lede = part(html::lede);
        let key = part(|r| html::status_key(&r.statuses));
        view! {
            <h1 id="register-heading" tabindex="-1" inner_html=heading></h1>
            <p class="lede">{lede}</p>
            {register_actions()}
            <EditPanel />
            <section class="status-key" aria-labelledby="status-key-heading" inner_html=key></section>
            <RegisterExplorer />
        }
        .into_any()
    }
}
