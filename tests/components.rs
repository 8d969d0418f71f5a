//! Component tests in headless Chromium (wasm-bindgen-test): mount the register
//! explorer (its facet selects too) and the status tag with the sample
//! register, and check the DOM.
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

/// Mounts the explorer over the sample register in `root`, with the contexts the
/// app gives it, and keeps it mounted; returns the state and navigation to drive it.
async fn mount_explorer(root: &web_sys::HtmlElement) -> (AppState, Navigation) {
    // Each test starts from the unfiltered register, whatever one before it chose.
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/register"))
        .unwrap();
    let handles = std::rc::Rc::new(std::cell::RefCell::new(None));
    let mounted = handles.clone();
    leptos::mount::mount_to(root.clone(), move || {
        let state = AppState::detached(Some(sample_register().expect("sample decodes")));
        provide_context(state);
        let nav = Navigation::start();
        provide_context(nav);
        provide_context(Explorer::start(state, nav));
        provide_context(Travelled::start(state));
        *mounted.borrow_mut() = Some((state, nav));
        view! { <RegisterExplorer /> }
    })
    .forget();
    leptos::task::tick().await;
    let handles = handles.borrow();
    handles.expect("mounted")
}

#[wasm_bindgen_test]
async fn the_explorer_renders_every_activity_grouped_with_captions_and_counts() {
    let root = container();
    mount_explorer(&root).await;

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

/// The option labels of the select `id`, without "All …".
fn option_labels(root: &web_sys::HtmlElement, id: &str) -> Vec<String> {
    let options = root
        .query_selector_all(&format!("#{id} option:not([value=all])"))
        .unwrap();
    (0..options.length())
        .filter_map(|i| options.item(i)?.text_content())
        .collect()
}

/// The sum of the "(n)" counts in `labels`.
fn counted(labels: &[String]) -> usize {
    labels
        .iter()
        .filter_map(|l| {
            l.rsplit_once(" (")?
                .1
                .strip_suffix(')')?
                .parse::<usize>()
                .ok()
        })
        .sum()
}

#[wasm_bindgen_test]
async fn facet_selects_follow_the_query_and_are_rebuilt_when_the_register_changes() {
    let root = container();
    let (state, nav) = mount_explorer(&root).await;

    let portfolios = option_labels(&root, "filter-portfolio");
    assert!(
        portfolios.contains(&"Finance (8)".to_owned()),
        "{portfolios:?}"
    );
    assert_eq!(counted(&portfolios), 37);
    assert_eq!(option_labels(&root, "filter-objective").len(), 11);

    // Amber: only the two Amber activities are counted, in every select.
    nav.update(false, |v| {
        v.filters.statuses.insert("amber".into());
    });
    leptos::task::tick().await;
    assert_eq!(counted(&option_labels(&root, "filter-portfolio")), 2);
    assert_eq!(counted(&option_labels(&root, "filter-objective")), 2);

    // Choosing a portfolio selects its option; a new objective rebuilds the
    // objective select and keeps the portfolio chosen.
    nav.update(false, |v| v.filters.portfolio = Some("Finance".into()));
    leptos::task::tick().await;
    let select = |id: &str| -> web_sys::HtmlSelectElement {
        root.query_selector(&format!("#{id}"))
            .unwrap()
            .expect("select")
            .unchecked_into()
    };
    let finance = portfolios
        .iter()
        .position(|l| l == "Finance (8)")
        .expect("Finance");
    assert_eq!(select("filter-portfolio").value(), finance.to_string());
    let mut bigger = state.register.get_untracked().expect("a register");
    activity_register::edit::add_objective(&mut bigger, 2, "Net zero by 2030").unwrap();
    state.register.set(Some(bigger));
    leptos::task::tick().await;
    let objectives = option_labels(&root, "filter-objective");
    assert_eq!(objectives.len(), 12);
    assert_eq!(objectives[11], "CO 12: Net zero by 2030 (0)");
    assert_eq!(select("filter-portfolio").value(), finance.to_string());
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
    // The colour is a CSSOM rule keyed by data-status, never a style attribute
    // (a strict Content Security Policy blocks those).
    assert_eq!(tag.get_attribute("data-status").as_deref(), Some("amber"));
    assert!(tag.get_attribute("style").is_none());
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
