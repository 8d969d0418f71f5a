//! The mapping form of **Import spreadsheet** as escaped HTML text (written by
//! the returns worker, put on the Returns view as one string): a labelled
//! select per register field listing the file's columns, a select per status
//! word the register does not have, and the Preview and Cancel buttons. The
//! page reads the choices back from `select[data-sheet]` (`data-key` names
//! the field or the word). Every character of file text is escaped.

use super::{column_letter, Table, TARGETS};
use crate::html::escape_into;
use crate::register::Register;

/// The form for `table`, with `mapping` chosen and `words` to map (each with
/// the status proposed for it, if any); `problems` listed above the buttons;
/// `first` when `register` is the one made for a browser that had none.
pub fn form(
    table: &Table,
    mapping: &[Option<usize>; 9],
    words: &[(String, Option<String>)],
    register: &Register,
    problems: &[String],
    first: bool,
) -> String {
    let mut out = String::from("<h2 id=\"sheet-heading\" tabindex=\"-1\">Map the columns of ");
    escape_into(&mut out, &table.name);
    if !table.sheet.is_empty() {
        out.push_str(" (sheet ");
        escape_into(&mut out, &table.sheet);
        out.push(')');
    }
    let rows = match table.rows.len() {
        1 => "1 row".to_owned(),
        n => format!("{} rows", crate::validate::thousands(n)),
    };
    out.push_str(&format!(
        "</h2><p>{rows} under the header on row {}. Each field shows the column guessed from the headers: check them, then preview. ",
        table.header_row
    ));
    if first {
        out.push_str("There is no register in this browser yet: this one will be ");
        escape_into(
            &mut out,
            &format!("{}, {}", register.title, register.period),
        );
        out.push_str(
            ", with the usual statuses; change its details on Register details afterwards.",
        );
    } else {
        out.push_str("The register\u{2019}s details and status set are kept; its key activities are replaced only if you confirm the preview.");
    }
    out.push_str("</p><div class=\"field-grid\">");
    for (t, (key, label)) in TARGETS.iter().enumerate() {
        out.push_str(&format!(
            "<div class=\"field field-short\"><label for=\"map-{key}\">{label}</label><select id=\"map-{key}\" data-sheet=\"map\" data-key=\"{key}\"><option value=\"\">Not in the file</option>"
        ));
        for (c, header) in table.headers.iter().enumerate() {
            let selected = if mapping[t] == Some(c) {
                " selected"
            } else {
                ""
            };
            out.push_str(&format!(
                "<option value=\"{c}\"{selected}>Column {}: ",
                column_letter(c)
            ));
            escape_into(
                &mut out,
                if header.is_empty() {
                    "(no header)"
                } else {
                    header
                },
            );
            out.push_str("</option>");
        }
        out.push_str("</select></div>");
    }
    out.push_str("</div>");
    if !words.is_empty() {
        out.push_str("<fieldset class=\"sheet-words\"><legend>Status words this register does not have</legend><p class=\"hint\">Choose the register\u{2019}s status each word means.</p>");
        for (i, (word, proposed)) in words.iter().enumerate() {
            out.push_str(&format!(
                "<div class=\"field field-short\"><label for=\"word-{i}\">\u{2018}"
            ));
            escape_into(&mut out, word);
            out.push_str(&format!(
                "\u{2019} means</label><select id=\"word-{i}\" data-sheet=\"word\" data-key=\""
            ));
            escape_into(&mut out, word);
            out.push_str("\"><option value=\"\">Choose\u{2026}</option>");
            for s in register.statuses.iter() {
                let selected = if proposed.as_deref() == Some(s.id.as_str()) {
                    " selected"
                } else {
                    ""
                };
                out.push_str("<option value=\"");
                escape_into(&mut out, &s.id);
                out.push_str(&format!("\"{selected}>"));
                escape_into(&mut out, &s.label);
                out.push_str("</option>");
            }
            out.push_str("</select></div>");
        }
        out.push_str("</fieldset>");
    }
    if !problems.is_empty() {
        out.push_str("<div class=\"notice notice-problem\" role=\"alert\"><p>The spreadsheet cannot be imported yet:</p><ul class=\"refusal-reasons\">");
        for p in problems {
            out.push_str("<li>");
            escape_into(&mut out, p);
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
    }
    out.push_str("<div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"sheet-preview\">Preview import</button><button type=\"button\" class=\"button button-secondary\" data-action=\"sheet-cancel\">Cancel</button></div>");
    out
}
