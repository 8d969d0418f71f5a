//! A wide table's own scrolling box: at 320 CSS px (400% zoom) or on a phone the
//! table scrolls sideways inside it, never the page (WCAG 1.4.10 Reflow). The box
//! is a labelled region in the tab order, so keyboard users can scroll it with
//! the arrow keys.

use leptos::prelude::*;

#[component]
pub fn ScrollRegion(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="scroll-region" role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
