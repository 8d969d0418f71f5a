//! Where focus goes after the page's content is replaced (a register loaded,
//! imported, restored, a quarter started, a form closed): to the new content's
//! heading or the control the user came from, once the next frames have put it
//! in the page. Focusing scrolls only as far as needed, so the page does not jump.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many frames focus waits for its element to appear.
pub const FRAMES: u32 = 10;

/// Moves focus to the element with `id` once it is in the page.
pub fn focus_by_id(id: &'static str) {
    focus_when(move || document().get_element_by_id(id), FRAMES);
}

/// Moves focus to the view's heading (its `h1`), which becomes focusable.
pub fn focus_view_heading() {
    focus_when(
        || {
            let h1 = document().query_selector("main h1").ok().flatten()?;
            if !h1.has_attribute("tabindex") {
                let _ = h1.set_attribute("tabindex", "-1");
            }
            Some(h1)
        },
        FRAMES,
    );
}

/// Focuses what `find` finds, trying again for up to `frames` frames.
pub fn focus_when(find: impl Fn() -> Option<web_sys::Element> + 'static, frames: u32) {
    request_animation_frame(move || {
        match find().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(el) => {
                let _ = el.focus();
            }
            None if frames > 0 => focus_when(find, frames - 1),
            None => {}
        }
    });
}

/// Whether `element` has focus.
pub fn has_focus(element: &web_sys::Element) -> bool {
    document()
        .active_element()
        .is_some_and(|active| &active == element)
}

/// Sets `disabled` on `button` as `disable` says. A button being disabled
/// while it has focus would drop focus to the page's body (the next Tab starts
/// again from the top), so focus moves first to the first of `instead` that is
/// not disabled (the control the user would reach for next: Redo after the last
/// Undo, the search box after Clear filters).
pub fn disable_keeping_focus(
    button: &web_sys::Element,
    disable: bool,
    instead: &[&web_sys::Element],
) {
    if disable && has_focus(button) {
        let next = instead
            .iter()
            .find(|el| !el.has_attribute("disabled"))
            .and_then(|el| el.dyn_ref::<web_sys::HtmlElement>());
        if let Some(el) = next {
            let _ = el.focus();
        }
    }
    let _ = button.toggle_attribute_with_force("disabled", disable);
}
