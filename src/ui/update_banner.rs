//! Working offline and updating: registers the service worker (`public/sw.js`,
//! beside `index.html`, so its scope is the app's folder under any sub-path) and
//! owns the **Reload to update** banner. A new version waits until the user
//! chooses to reload; the page never reloads by itself, and the button is held
//! back while a change is unsaved or an edit is open.

use super::html_region as region;
use super::state::{AppState, SaveStatus};
use crate::banners_html as html;
use crate::ui::effect::effect;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The service worker script, relative so it resolves beside `index.html`.
const WORKER_URL: &str = "./sw.js";
/// The window event the script below sends when a new version is ready.
const READY_EVENT: &str = "activity-register-update-ready";

// The service worker's life as the page sees it, in a few lines of JavaScript.
// "Ready" is a new version installed and waiting, or one that took over this
// page without it asking (another tab's "Reload to update": this page still runs
// the old code). The page reloads only in `reload_to_update`, after the user
// asked: on controllerchange once the waiting worker is told to skip waiting.
#[wasm_bindgen(inline_js = r#"
let registration = null;
let asked = false;
const ready = (name) => window.dispatchEvent(new Event(name));
export function watch_for_updates(url, eventName) {
  const sw = navigator.serviceWorker;
  if (!sw || !window.isSecureContext) return;
  let controlled = !!sw.controller;
  sw.addEventListener('controllerchange', () => {
    if (controlled && !asked) ready(eventName);
    controlled = true;
  });
  sw.register(url, { updateViaCache: 'none' }).then((reg) => {
    registration = reg;
    const offer = () => { if (reg.waiting && reg.active) ready(eventName); };
    const follow = (worker) => { if (worker) worker.addEventListener('statechange', offer); };
    offer();
    follow(reg.installing);
    reg.addEventListener('updatefound', () => follow(reg.installing));
    // A tab left open hears of new versions too: when it is shown again, and hourly.
    const check = () => reg.update().catch(() => {});
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
    setInterval(check, 3600 * 1000);
    // Chromium grants an installed app's request for persistent storage without
    // asking; elsewhere it could prompt, so only ask when running installed.
    if (matchMedia('(display-mode: standalone)').matches && navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().catch(() => {});
    }
  }).catch(() => {});
}
export function reload_to_update() {
  asked = true;
  const waiting = registration && registration.waiting;
  if (!waiting) { location.reload(); return; }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
  waiting.postMessage('skip-waiting');
}
"#)]
extern "C" {
    fn watch_for_updates(url: &str, event_name: &str);
    fn reload_to_update();
}

/// Why the update must wait, if it must: reloading now would lose work.
fn reason_to_wait(state: AppState) -> Option<&'static str> {
    if state.editing.with(Option::is_some) {
        return Some("Finish or cancel the edit first, then reload.");
    }
    match state.save_status.get() {
        SaveStatus::Pending => Some("Saving your changes first\u{2026}"),
        SaveStatus::NotSaved(_) => Some(
            "Your changes are not saved yet (see the header): reload once they are saved, or export the register first.",
        ),
        SaveStatus::Empty | SaveStatus::Saved => None,
    }
}

/// A polite status line that offers **Reload to update** once a new version is
/// waiting; registers the service worker when the app starts. The line is
/// escaped HTML text (`crate::banners_html::update_ready`) put in the status
/// region when the version is ready; after that only its changing sentence and
/// the button's `disabled` are updated, so only they are announced.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ready = RwSignal::new(false);
    let listener = window_event_listener_untyped(READY_EVENT, move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    watch_for_updates(WORKER_URL, READY_EVENT);
    effect(move || {
        if !ready.get() {
            return;
        }
        let wait = reason_to_wait(state);
        let why = wait.unwrap_or_else(|| match state.save_status.get() {
            SaveStatus::Saved => "Reload to use it; your register is saved and stays as it is.",
            _ => "Reload to use it.",
        });
        let doc = document();
        let (Some(text), Some(button)) = (
            doc.get_element_by_id(html::UPDATE_WHY),
            doc.get_element_by_id(html::UPDATE_BUTTON),
        ) else {
            return region::set(html::UPDATE, &html::update_ready(why, wait.is_some()));
        };
        if text.text_content().as_deref() != Some(why) {
            text.set_text_content(Some(why));
        }
        let _ = match (wait.is_some(), button.has_attribute("disabled")) {
            (true, false) => button.set_attribute("disabled", ""),
            (false, true) => button.remove_attribute("disabled"),
            _ => Ok(()),
        };
    });
    let reload = move |ev: leptos::ev::MouseEvent| {
        if region::action_of(&ev).is_some_and(|(_, a, _)| a == "reload")
            && reason_to_wait(state).is_none()
        {
            reload_to_update();
        }
    };
    view! { <div class="update-banner" role="status" id="update-banner" on:click=reload></div> }
}
