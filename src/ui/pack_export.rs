//! The pack leaving the app as a web page: the pack as it is on screen (its
//! page breaks decided), with the page's own styles inline, offered as one
//! `.html` file. The document around it is `pack::web_page`.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Every rule of the page's style sheets, as text.
fn page_styles() -> String {
    let mut css = String::new();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return css;
    };
    let sheets = document.style_sheets();
    for sheet in (0..sheets.length())
        .filter_map(|i| sheets.item(i))
        .filter_map(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
    {
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        for rule in (0..rules.length()).filter_map(|i| rules.item(i)) {
            css.push_str(&rule.css_text());
            css.push('\n');
        }
    }
    css
}

/// Downloads the pack `article` of `register` as a web page; returns its name.
pub fn download_web_page(
    register: &crate::register::Register,
    article: &Element,
) -> Result<String, String> {
    let copy = article
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<Element>().ok())
        .ok_or_else(|| "The pack could not be copied for the web page.".to_owned())?;
    // Screen-only hints (links back into the app) do not belong in the file.
    if let Ok(hints) = copy.query_selector_all(".no-print-hint") {
        for i in 0..hints.length() {
            if let Some(h) = hints.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                h.remove();
            }
        }
    }
    let title = format!(
        "{} \u{2013} {} \u{2013} {}",
        register.organisation, register.title, register.period
    );
    let page = crate::pack::web_page::document(&title, &copy.outer_html(), &page_styles());
    let name = crate::export::file_name(register, "html");
    super::file_io::download(&name, "text/html;charset=utf-8", &page)?;
    Ok(name)
}
