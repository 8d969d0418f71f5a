//! The browser UI: presents the core's register with Leptos. Holds view state and
//! wiring only; every rule about the register lives in the core modules.

mod app_header;
mod browser_copy;
mod browser_storage;
mod compare_control;
mod details_view;
mod docx_export;
mod edit_panel;
mod edit_place;
mod effect;
mod explorer;
mod file_io;
mod first_visit;
mod focus;
mod html_region;
mod import_controls;
mod import_review;
mod navigation;
mod needs_register;
mod pack_export;
mod pack_pages;
mod pack_render;
mod pack_view;
mod quarters_view;
mod register_actions;
mod register_file;
mod register_file_js;
mod register_file_view;
mod register_view;
mod returns_view;
mod returns_worker;
mod state;
mod status_rules;
mod status_tag;
mod summary_view;
mod update_banner;
mod worker_call;

pub use app_header::AppHeader;
pub use explorer::{Explorer, RegisterExplorer};
pub use navigation::Navigation;
pub use state::{AppState, SaveStatus};
pub use status_tag::StatusTag;
pub use summary_view::Travelled;

use crate::route::Route;
use crate::ui::effect::{effect, effect_with_previous};
use leptos::prelude::*;

/// Reads the browser copy, then mounts the app on the page's body in place of
/// `index.html`'s static first view (`#boot`: the app's name and "Loading…",
/// shown until the register has been read).
pub fn start() {
    console_error_panic_hook::set_once();
    // Leptos's executor is set up by mounting; until then, wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        let (copy, status) = browser_copy::open().await;
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        mount_to_body(move || view! { <App copy status /> });
    });
}

/// The whole app: header, the view the hash names, and the storage wiring.
#[component]
fn App(copy: browser_copy::BrowserCopy, status: crate::storage::copy::CopyStatus) -> impl IntoView {
    let state = AppState::start(copy, status);
    provide_context(state);
    provide_context(register_file::RegisterFile::start(state));
    import_controls::accept_dropped_files(state);
    let nav = navigation::Navigation::start();
    provide_context(nav);
    let explorer = explorer::Explorer::start(state, nav);
    provide_context(explorer);
    provide_context(summary_view::Travelled::start(state));
    // Returns read and workbooks made stay while the officer moves between views.
    provide_context(returns_view::ReturnsSession::new());
    // Status colours are CSSOM rules keyed by `data-status`, never style
    // attributes (a strict Content Security Policy blocks those).
    effect(move || {
        state.register.with(|r| {
            if let Some(r) = r {
                status_rules::set("", &r.statuses);
            }
        })
    });
    let route = nav.route;
    // Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, outside text fields (which
    // keep their own undo).
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_text = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_text {
            return;
        }
        // ASCII letters only: `str::to_lowercase` would bring its Unicode code in.
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                state.undo();
            }
            ("z", true) | ("y", _) => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let unknown = nav.unknown;
    // A notice belongs to the view it was raised on: going to another view lets
    // it go ("Key activity KA.01.09 added." is not news on Quarters).
    effect_with_previous(move |last: Option<Route>| {
        let now = route.get();
        if last.is_some_and(|l| l != now) {
            state.notice.set(None);
            state.refusal.set(None);
            // A new view starts at its top, not where the last one was scrolled to.
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        now
    });
    // The skip link moves focus to the main content without changing the
    // address (a "#main" hash would lose the view and its filters on reload).
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            main.scroll_into_view();
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    };

    effect(move || {
        let heading = state
            .register
            .with(|r| r.as_ref().map(|r| r.heading()))
            .unwrap_or_else(|| "Activity Register".to_owned());
        document().set_title(&format!("{} – {heading}", route.get().label()));
    });

    view! {
        <a class="skip-link" href="#main" on:click=skip>"Skip to main content"</a>
        <AppHeader route=route />
        <main id="main" tabindex="-1">
            {move || unknown.get().map(|path| view! {
                <div class="notice" role="alert">
                    <p>{format!("There is no view called \u{201c}{path}\u{201d}; showing the register instead.")}</p>
                </div>
            })}
            <update_banner::UpdateBanner />
            <ConflictBanner />
            <register_file_view::FileBanner />
            <import_review::ImportReview />
            {move || match route.get() {
                Route::Register => view! { <register_view::RegisterPage /> }.into_any(),
                Route::Summary => view! { <summary_view::SummaryPage /> }.into_any(),
                Route::Pack => view! { <pack_view::PackPage /> }.into_any(),
                Route::Details => view! { <details_view::DetailsPage /> }.into_any(),
                Route::Quarters => view! { <quarters_view::QuartersPage /> }.into_any(),
                Route::Returns => view! { <returns_view::ReturnsPage /> }.into_any(),
            }}
        </main>
    }
}

/// Shown when another tab saved changes this tab cannot combine without asking:
/// it says what the other tab changed and which fields both changed, and nothing
/// is saved until the user chooses. Escaped HTML text
/// (`crate::banners_html::tab_conflict`) with one delegated `click` handler; a
/// conflict that changes while shown is written into the same alert.
#[component]
fn ConflictBanner() -> impl IntoView {
    use crate::banners_html as html;
    let state = expect_context::<AppState>();
    effect(move || {
        state.conflict.with(|c| {
            let Some(c) = c else {
                return html_region::set(html::TAB_CONFLICT, "");
            };
            let body = html::tab_conflict_body(
                &c.theirs_changed,
                &c.both_changed,
                c.cannot_combine.as_deref(),
            );
            if document()
                .get_element_by_id(html::TAB_CONFLICT_ALERT)
                .is_some()
            {
                html_region::set(html::TAB_CONFLICT_ALERT, &body);
            } else {
                html_region::set(html::TAB_CONFLICT, &html::tab_conflict(&body));
            }
        })
    });
    let act = move |ev: leptos::ev::MouseEvent| {
        let Some((_, action, _)) = html_region::action_of(&ev) else {
            return;
        };
        match action.as_str() {
            "keep-values" => state.resolve_conflict(crate::merge::Side::Mine),
            "use-values" => state.resolve_conflict(crate::merge::Side::Theirs),
            "use-version" => state.take_other_tabs_version(),
            "keep-version" => state.keep_this_tabs_version(),
            "export" => {
                if let Some(r) = state.register.get_untracked() {
                    let _ = file_io::download_json(&r);
                }
            }
            _ => {}
        }
    };
    view! { <div class="tab-conflict" id="tab-conflict" on:click=act></div> }
}
