//! "Compare with previous quarter"'s markup as escaped HTML text
//! (`ui::compare_control` puts it on the page and handles its events): what
//! the register is compared with and the button that clears it, the file
//! button, the note the comparison left, and why a file was refused. Pure, so
//! it is tested natively; every piece of user text is escaped.

use crate::html::escape_into;

/// What the control shows besides its file button.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown<'a> {
    /// The register it is compared with ("2019/20 Quarter 4 (Harborough …)").
    pub compared: Option<&'a str>,
    /// What the comparison said when it was loaded.
    pub note: Option<&'a str>,
    /// A refused file's name and the sentences saying what is wrong.
    pub refusal: Option<(&'a str, &'a [String])>,
}

/// The control's inner markup: `id` is its file input's, `label` the button's words.
pub fn control(id: &str, label: &str, shown: &Shown) -> String {
    let mut out = String::new();
    if let Some(c) = shown.compared {
        out.push_str("<p>Compared with ");
        escape_into(&mut out, c);
        out.push_str(concat!(
            ". <button type=\"button\" class=\"link-button\" data-action=\"clear-comparison\">",
            "Clear comparison</button></p>",
        ));
    }
    out.push_str("<div class=\"file-button\"><input type=\"file\" id=\"");
    out.push_str(id);
    out.push_str("\" class=\"file-input\" accept=\".json,application/json\"><label for=\"");
    out.push_str(id);
    out.push_str("\" class=\"button button-secondary\">");
    escape_into(&mut out, label);
    out.push_str("</label></div>");
    if let Some(n) = shown.note {
        out.push_str("<p class=\"notice\">");
        escape_into(&mut out, n);
        out.push_str("</p>");
    }
    if let Some((name, sentences)) = shown.refusal {
        out.push_str("<div class=\"notice notice-problem\" role=\"alert\"><h3>\u{201c}");
        escape_into(&mut out, name);
        out.push_str(concat!(
            "\u{201d} was not loaded for comparison</h3>",
            "<p>Your register and any earlier comparison are unchanged. What is wrong:</p><ul>",
        ));
        for s in sentences {
            out.push_str("<li>");
            escape_into(&mut out, s);
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alone_it_is_the_file_button() {
        assert_eq!(
            control("compare-json", "Compare with previous quarter", &Shown::default()),
            "<div class=\"file-button\"><input type=\"file\" id=\"compare-json\" class=\"file-input\" accept=\".json,application/json\"><label for=\"compare-json\" class=\"button button-secondary\">Compare with previous quarter</label></div>"
        );
    }

    #[test]
    fn what_it_compares_with_its_note_and_a_refusal_are_escaped() {
        let why = vec!["Line 1: not <JSON>.".to_owned(), "And & more.".to_owned()];
        let html = control(
            "c",
            "Compare",
            &Shown {
                compared: Some("2019/20 Quarter 4 (Town & <Gown>)"),
                note: Some("3 activities are \"new\"."),
                refusal: Some(("q4 <old>.json", &why)),
            },
        );
        assert!(html.starts_with("<p>Compared with 2019/20 Quarter 4 (Town &amp; &lt;Gown&gt;). <button type=\"button\" class=\"link-button\" data-action=\"clear-comparison\">Clear comparison</button></p><div class=\"file-button\">"));
        assert!(html.contains("<p class=\"notice\">3 activities are &quot;new&quot;.</p>"));
        assert!(html.ends_with("<div class=\"notice notice-problem\" role=\"alert\"><h3>\u{201c}q4 &lt;old&gt;.json\u{201d} was not loaded for comparison</h3><p>Your register and any earlier comparison are unchanged. What is wrong:</p><ul><li>Line 1: not &lt;JSON&gt;.</li><li>And &amp; more.</li></ul></div>"));
    }
}
