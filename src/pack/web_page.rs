//! The pack as one self-contained web page for the council's website: the
//! pack's HTML as the app shows it, with the app's styles inline, no scripts and
//! nothing fetched from anywhere. GOV.UK guidance prefers HTML to PDF.

use crate::html::escape;

/// A whole HTML document: `title` (user text), the pack's `body` (already
/// escaped HTML) inside `<main>`, and `css` inline.
pub fn document(title: &str, body: &str, css: &str) -> String {
    // Nothing in the styles may close the <style> element early: "<" only
    // occurs in CSS strings, where the escape `\3c ` means the same.
    let css = css.replace('<', "\\3c ");
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n<style>\n{css}\n@media screen {{ .pack-web-page {{ max-width: 285mm; margin: 0 auto; padding: 1rem; }} }}\n</style>\n</head>\n\
         <body>\n<main class=\"pack-web-page\">\n{body}\n</main>\n</body>\n</html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_whole_english_and_cannot_run_or_fetch_anything() {
        let page = document(
            "Council <b> – Report",
            "<article class=\"pack\">x</article>",
            ".a { content: \"</style><script>\"; }",
        );
        assert!(page.starts_with("<!doctype html>\n<html lang=\"en-GB\">"));
        assert!(page.contains("<title>Council &lt;b&gt; – Report</title>"));
        assert!(
            page.contains("<main class=\"pack-web-page\">\n<article class=\"pack\">x</article>")
        );
        assert_eq!(page.matches("</style>").count(), 1);
        assert!(!page.contains("<script"));
        assert!(page.contains("default-src 'none'"));
    }
}
