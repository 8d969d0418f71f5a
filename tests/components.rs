//! Component tests in headless Chromium (wasm-bindgen-test): mount the register
//! explorer and the status tag with the sample register, and check the DOM.
#![cfg(target_arch = "wasm32")]

use activity_register::sample::sample_register;
use activity_register::status::StatusSet;
use activity_register::ui::{
    AppState, Explorer, Navigation, RegisterExplorer, StatusTag, Travelled,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// The explorer with the contexts the app gives it, over the sample register.
#[component]
fn ExplorerWithSample() -> impl IntoView {
    let state = AppState::detached(Some(sample_register().expect("sample decodes")));
    provide_context(state);
    let nav = Navigation::start();
    provide_context(nav);
    provide_context(Explorer::start(state, nav));
    provide_context(Travelled::start(state));
    view! { <RegisterExplorer /> }
}

#[wasm_bindgen_test]
async fn the_explorer_renders_every_activity_grouped_with_captions_and_counts() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), ExplorerWithSample);
    leptos::task::tick().await;

    assert_eq!(
        root.query_selector_all("section.theme").unwrap().length(),
        3
    );
    assert_eq!(root.query_selector_all("table").unwrap().length(), 11);
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 37);
    assert_eq!(root.query_selector_all("caption").unwrap().length(), 11);
    assert_eq!(
        root.query_selector_all("thead th[scope=col]")
            .unwrap()
            .length(),
        66
    );
    assert_eq!(
        root.query_selector_all("tbody th[scope=row]")
            .unwrap()
            .length(),
        37
    );
    let caption = root
        .query_selector("caption")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(caption, "CO 1: Keeping the District a great place to live");
    let row = root
        .query_selector("tr[data-activity-id='KA.09.01']")
        .unwrap()
        .expect("KA.09.01 row");
    assert_eq!(
        row.query_selector_all(".col-progress li").unwrap().length(),
        5
    );
    let line = root
        .query_selector("#results-line")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(line, "Showing 37 of 37 key activities.");
    let status_filter = root
        .query_selector(".status-filter")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(status_filter.contains("Amber (2)"), "{status_filter}");
}

#[wasm_bindgen_test]
async fn status_tag_shows_symbol_and_word_and_hides_the_symbol_from_screen_readers() {
    let amber = StatusSet::default_set().get("amber").cloned();
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <StatusTag status=amber id="amber" /> },
    );
    leptos::task::tick().await;
    let tag = root.query_selector(".status-tag").unwrap().expect("a tag");
    assert_eq!(tag.text_content().unwrap(), "▲ Amber");
    let symbol = tag.query_selector(".status-symbol").unwrap().unwrap();
    assert_eq!(symbol.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(tag.get_attribute("style").unwrap().contains("#b35c00"));
}

#[wasm_bindgen_test]
async fn an_unknown_status_still_shows_a_word() {
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <StatusTag status=None id="purple" /> },
    );
    leptos::task::tick().await;
    let tag = root.query_selector(".status-tag").unwrap().expect("a tag");
    assert_eq!(tag.text_content().unwrap(), "? Unknown status “purple”");
}
