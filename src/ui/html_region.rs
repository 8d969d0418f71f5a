//! Regions of escaped HTML text on the page (the Quarters and Register details
//! views, Paste report text, the key activity form, the filter bar): putting new text in one with focus kept where a Leptos view that
//! rebuilds in place would keep it, putting one element in or taking it out,
//! setting a text, focusing by id, and finding
//! the control an event came from (for one delegated handler per event type).

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Puts `html` in the element `id`. If focus was inside, the element with the
/// same `id`, or the same `data-action` and `data-key`, gets it back; when
/// there is none (the control went with the change), focus goes where the
/// browser puts it.
pub fn set(id: &str, html: &str) {
    if let Some(region) = document().get_element_by_id(id) {
        set_in(&region, html);
    }
}

/// Puts `html` in `region`, focus kept as `set` keeps it.
pub fn set_in(region: &web_sys::Element, html: &str) {
    let doc = document();
    let had = doc
        .active_element()
        .filter(|a| region.contains(Some(a)))
        .map(|a| {
            (
                a.id(),
                a.get_attribute("data-action"),
                a.get_attribute("data-key"),
            )
        });
    region.set_inner_html(html);
    let Some((had_id, action, key)) = had else {
        return;
    };
    let again = if !had_id.is_empty() {
        doc.get_element_by_id(&had_id)
    } else {
        let Some(action) = action else { return };
        region
            .query_selector_all("[data-action]")
            .ok()
            .and_then(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                    .find(|e| {
                        e.get_attribute("data-action").as_deref() == Some(action.as_str())
                            && e.get_attribute("data-key") == key
                    })
            })
    };
    if let Some(el) = again {
        focus_element(&el);
    }
}

/// Takes the element `id` out (if there is one) and puts `html` (one element
/// with that id, or "" for none) at `position` of `anchor` ("beforebegin",
/// "afterbegin", "beforeend"), where it was: nothing else is drawn again.
pub fn put(id: &str, anchor: &web_sys::Element, position: &str, html: &str) {
    if let Some(old) = document().get_element_by_id(id) {
        old.remove();
    }
    if !html.is_empty() {
        let _ = anchor.insert_adjacent_html(position, html);
    }
}

/// Sets the value of the field `id` (an input or a textarea), as typed.
pub fn set_value(id: &str, value: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    } else if let Some(text) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        text.set_value(value);
    }
}

/// Sets the text of the element `id` (no markup).
pub fn text(id: &str, text: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// Puts the class on the element `id`, or takes it off.
pub fn mark(id: &str, class: &str, on: bool) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.class_list().toggle_with_force(class, on);
    }
}

/// Moves focus to the element `id`.
pub fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        focus_element(&el);
    }
}

fn focus_element(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// The event's target, or its closest ancestor, matching `selector`.
pub fn target_with(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The control an event came from, as its `data-action` and `data-key`
/// (empty when it has none).
pub fn action_of(ev: &web_sys::Event) -> Option<(web_sys::Element, String, String)> {
    let el = target_with(ev, "[data-action]")?;
    let action = el.get_attribute("data-action")?;
    let key = el.get_attribute("data-key").unwrap_or_default();
    Some((el, action, key))
}

/// The value of the field `id` as typed (an input, a select or a textarea;
/// empty when there is none).
pub fn value(id: &str) -> String {
    let Some(el) = document().get_element_by_id(id) else {
        return String::new();
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        el.dyn_ref::<web_sys::HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default()
    }
}

/// The element `id` as an input (checkbox, text, select's value via `value`).
pub fn input(id: &str) -> Option<web_sys::HtmlInputElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}
