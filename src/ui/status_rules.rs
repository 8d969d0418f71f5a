//! Status colours as CSS rules keyed by `data-status`, inserted into the app's
//! style sheet through the CSSOM. A strict Content Security Policy
//! (`style-src 'self'`) blocks `style` attributes and `<style>` elements but
//! never CSSOM writes, and the web-page export copies these rules with the rest.

use crate::status::StatusSet;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

thread_local! {
    /// The rules this page inserted last, per scope, as the sheet reports them.
    static RULES: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
}

/// The app's own style sheet (the first whose rules can be read and written).
fn app_sheet() -> Option<web_sys::CssStyleSheet> {
    let sheets = web_sys::window()?.document()?.style_sheets();
    (0..sheets.length())
        .filter_map(|i| sheets.item(i))
        .filter_map(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        .find(|s| s.css_rules().is_ok())
}

/// Colours every `data-status` element inside `scope` (a selector, "" for the
/// whole page) by `statuses`, replacing the rules set for that scope before.
pub fn set(scope: &str, statuses: &StatusSet) {
    let Some(sheet) = app_sheet() else {
        return;
    };
    let Ok(rules) = sheet.css_rules() else {
        return;
    };
    let previous = RULES.with(|r| r.borrow_mut().remove(scope).unwrap_or_default());
    if !previous.is_empty() {
        for i in (0..rules.length()).rev() {
            if rules
                .item(i)
                .is_some_and(|r| previous.contains(&r.css_text()))
            {
                let _ = sheet.delete_rule(i);
            }
        }
    }
    let mut inserted = Vec::new();
    for rule in statuses
        .iter()
        .filter_map(|s| crate::html::status_rule(scope, s))
    {
        if let Ok(i) = sheet.insert_rule_with_index(&rule, rules.length()) {
            if let Some(text) = rules.item(i).map(|r| r.css_text()) {
                inserted.push(text);
            }
        }
    }
    RULES.with(|r| r.borrow_mut().insert(scope.to_owned(), inserted));
}
