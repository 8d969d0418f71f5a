//! The Returns view's long parts as escaped HTML text (as `summary::html`
//! does for the Summary): the tracker's rows, the refusals and the review.
//! One string each keeps the app's initial download small (a Leptos view per
//! row cost ~45 KB gzip); the page reads the reviewer's choices back from the
//! `select[data-review]` elements and handles the buttons by their
//! `data-take` / `data-keep` attributes. Every character of user text is escaped.

use super::request::Refused;
use super::review::{Review, ReviewItem};
use super::tracker::{mailto, progress, reminder};
use super::LeadSheet;
use crate::html::{escape, escape_into};
use crate::register::Register;

/// A workbook made this session, linked in the tracker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// None: the workbook with every lead.
    pub lead: Option<String>,
    pub name: String,
    pub url: String,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The tracker's table: each lead, their activities, returned or outstanding,
/// their workbook and, if outstanding, the reminder link.
pub fn tracker_table(
    register: &Register,
    sheets: &[LeadSheet],
    returned: &[String],
    links: &[Link],
    deadline: &str,
) -> String {
    let progress = progress(sheets, returned);
    let done = progress.iter().filter(|p| p.returned).count();
    let mut out = String::from("<table class=\"figures-table returns-table\"><caption>");
    out.push_str(&format!(
        "Lead officers: {done} returned, {} outstanding",
        sheets.len() - done
    ));
    out.push_str("</caption><thead><tr><th scope=\"col\">Lead officer</th><th scope=\"col\" class=\"number\">Key activities</th><th scope=\"col\">Return</th><th scope=\"col\">Workbook</th><th scope=\"col\">Reminder</th></tr></thead><tbody>");
    for (sheet, p) in sheets.iter().zip(&progress) {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(&mut out, &sheet.lead);
        out.push_str(&format!(
            "</th><td class=\"number\">{}</td><td>{}</td><td>",
            p.activities,
            if p.returned {
                "Returned"
            } else {
                "Outstanding"
            }
        ));
        if let Some(link) = links
            .iter()
            .find(|l| l.lead.as_deref() == Some(sheet.lead.as_str()))
        {
            link_into(&mut out, link);
        }
        out.push_str("</td><td>");
        if !p.returned {
            let (subject, body) = reminder(register, sheet, deadline);
            out.push_str("<a href=\"");
            escape_into(&mut out, &mailto(&subject, &body));
            out.push_str("\">E-mail a reminder to ");
            escape_into(&mut out, &sheet.lead);
            out.push_str("</a>");
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    out.push_str("<p class=\"hint\">Returned means read in this session (or applied). A reminder opens your e-mail program with the subject and text filled in.</p>");
    if let Some(all) = links.iter().find(|l| l.lead.is_none()) {
        out.push_str("<p>The workbook with every lead\u{2019}s sheet: ");
        link_into(&mut out, all);
        out.push_str("</p>");
    }
    out
}

/// "2019-08-14T09:30:00Z" as "2019-08-14 09:30 UTC" (anything else as it is).
fn time_words(utc: &str) -> String {
    match (utc.get(..10), utc.get(11..16)) {
        (Some(day), Some(time)) if crate::validate::is_utc_time(utc) => format!("{day} {time} UTC"),
        _ => utc.to_owned(),
    }
}

/// The register's trail of applied returns: who, which file, when received
/// and applied, and the fields taken per activity; empty with no trail.
pub fn trail_table(register: &Register) -> String {
    if register.trail.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<table class=\"figures-table returns-trail\"><caption>Returns applied to this register: {}</caption><thead><tr><th scope=\"col\">Lead officer</th><th scope=\"col\">File</th><th scope=\"col\">Received</th><th scope=\"col\">Applied</th><th scope=\"col\">Fields taken</th></tr></thead><tbody>",
        register.trail.len()
    );
    for entry in &register.trail {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(&mut out, &entry.lead);
        out.push_str("</th><td>");
        escape_into(&mut out, &entry.file);
        out.push_str("</td><td>");
        escape_into(&mut out, &time_words(&entry.received));
        out.push_str("</td><td>");
        escape_into(&mut out, &time_words(&entry.applied));
        out.push_str("</td><td>");
        if entry.accepted.is_empty() {
            out.push_str("None (every change kept out, or none made)");
        }
        for (i, a) in entry.accepted.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            let fields: Vec<String> = a.fields.iter().map(|f| f.replace('_', " ")).collect();
            escape_into(&mut out, &format!("{}: {}", a.activity, fields.join(", ")));
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn link_into(out: &mut String, link: &Link) {
    // Only the page's own blob: URLs are links.
    if !link.url.starts_with("blob:") {
        return;
    }
    out.push_str("<a href=\"");
    escape_into(out, &link.url);
    out.push_str("\" download=\"");
    escape_into(out, &link.name);
    out.push_str("\">");
    escape_into(out, &link.name);
    out.push_str("</a>");
}

/// The refused files, each with its sentences.
pub fn refusals(refused: &[Refused]) -> String {
    if refused.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<h3>{} refused</h3>",
        if refused.len() == 1 {
            "1 workbook was".to_owned()
        } else {
            format!("{} workbooks were", refused.len())
        }
    );
    for r in refused {
        out.push_str("<p><strong>");
        escape_into(&mut out, &r.file);
        out.push_str("</strong></p><ul class=\"refusal-reasons\">");
        for s in &r.sentences {
            out.push_str("<li>");
            escape_into(&mut out, s);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out
}

/// The review's sentence: how many changes, how many conflicts.
pub fn review_summary(review: &Review) -> String {
    let n = review.items.len();
    let c = review.items.iter().filter(|i| i.conflict).count();
    match (n, c) {
        (0, _) => "The returns change nothing: every value came back as it was sent.".to_owned(),
        (n, 0) => format!("{} proposed. Take or keep each, then apply.", plural(n, "change", "changes")),
        (n, c) => format!(
            "{} proposed, {c} in conflict with changes made to the register since the returns were sent: choose for each conflict.",
            plural(n, "change", "changes")
        ),
    }
}

fn points(out: &mut String, lines: &[String]) {
    if lines.is_empty() {
        out.push_str("<p class=\"hint\">(empty)</p>");
        return;
    }
    out.push_str("<ul class=\"review-points\">");
    for l in lines {
        out.push_str("<li>");
        escape_into(out, l);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The review: notes, a take-all / keep-all pair per file, and each change
/// with sent, now and returned and a decision (conflicts start undecided).
pub fn review(review: &Review) -> String {
    let mut out = String::new();
    for n in &review.notes {
        out.push_str("<p class=\"notice\">");
        escape_into(&mut out, n);
        out.push_str("</p>");
    }
    let mut files: Vec<&str> = review.items.iter().map(|i| i.file.as_str()).collect();
    files.dedup();
    for file in files {
        let f = escape(file);
        out.push_str(&format!(
            "<div class=\"button-row\"><strong>{f}</strong><button type=\"button\" class=\"button button-secondary\" data-action=\"take\" data-file=\"{f}\">Take every change in {f}</button><button type=\"button\" class=\"button button-secondary\" data-action=\"keep\" data-file=\"{f}\">Keep the register for all of {f}</button></div>"
        ));
    }
    out.push_str("<ol class=\"review-list\">");
    for (i, item) in review.items.iter().enumerate() {
        item_into(&mut out, i, item);
    }
    out.push_str("</ol>");
    out
}

fn item_into(out: &mut String, i: usize, item: &ReviewItem) {
    out.push_str(if item.conflict {
        "<li class=\"review-item review-conflict\"><h3>"
    } else {
        "<li class=\"review-item\"><h3>"
    });
    escape_into(out, &format!("{} {}: {}", item.id, item.title, item.field));
    out.push_str("</h3><p class=\"hint\">From ");
    escape_into(out, &format!("{} ({})", item.lead, item.file));
    out.push_str("</p>");
    if item.conflict {
        out.push_str("<p class=\"error-message\">Conflict: the register changed this after the return was sent. Choose which to keep.</p>");
    }
    out.push_str("<dl class=\"review-values\">");
    for (term, lines) in [
        ("Sent", &item.sent),
        ("In the register now", &item.now),
        ("Returned", &item.returned),
    ] {
        out.push_str(&format!("<div><dt>{term}</dt><dd>"));
        points(out, lines);
        out.push_str("</dd></div>");
    }
    let (choose, take) = if item.conflict {
        (" selected", "")
    } else {
        ("", " selected")
    };
    out.push_str(&format!(
        "</dl><div class=\"field field-short\"><label for=\"review-{i}\">Decision for "
    ));
    escape_into(out, &format!("{} {}", item.id, item.field));
    out.push_str(&format!(
        "</label><select id=\"review-{i}\" data-review=\"{i}\" data-file=\""
    ));
    escape_into(out, &item.file);
    out.push_str(&format!(
        "\"><option value=\"\" disabled{choose}>Choose\u{2026}</option><option value=\"accept\"{take}>Take the returned value</option><option value=\"reject\">Keep the register\u{2019}s value</option></select></div></li>"
    ));
}

/// The whole view as the page first draws it; the page fills the regions
/// (`#returns-period`, `#returns-status`, `#returns-tracker-table`,
/// `#returns-refused`, `#returns-review-panel`, `#returns-sheet`,
/// `#returns-problem`) and handles
/// the controls by id and `data-action`.
pub const PAGE: &str = concat!(
    "<h1>Returns<span class=\"heading-sub\" id=\"returns-period\"></span></h1>",
    "<p class=\"lede\">Send each lead officer a workbook, take the returns back in, review and apply them. Nothing is sent anywhere: you attach the workbooks to your own e-mails.</p>",
    "<section aria-labelledby=\"returns-send\"><h2 id=\"returns-send\">Send returns</h2><p>Each workbook holds only that lead\u{2019}s key activities: status as a drop-down, progress and next steps to fill in, last quarter\u{2019}s for reference, and instructions. IDs and titles are locked.</p>",
    "<div class=\"field-row\"><div class=\"field field-short\"><label for=\"returns-deadline\">Return by</label><input id=\"returns-deadline\" type=\"date\"></div></div>",
    "<fieldset class=\"layout-choice\"><legend>Workbooks</legend><label class=\"radio\"><input type=\"radio\" name=\"returns-combined\" id=\"returns-apart\" value=\"apart\" checked>One workbook per lead officer</label><label class=\"radio\"><input type=\"radio\" name=\"returns-combined\" id=\"returns-combined\" value=\"combined\">One workbook with a sheet per lead officer</label></fieldset>",
    "<div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"export\">Export return workbooks</button></div></section>",
    "<p class=\"hint\" role=\"status\" id=\"returns-status\"></p>",
    "<section aria-labelledby=\"returns-tracker\"><h2 id=\"returns-tracker\">Who has returned</h2><div class=\"table-scroll\" id=\"returns-tracker-table\"></div></section>",
    "<section aria-labelledby=\"returns-in\"><h2 id=\"returns-in\">Take returns in</h2><div class=\"drop-zone\"><span class=\"file-button\"><input type=\"file\" id=\"import-returns\" class=\"file-input\" multiple accept=\".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"><label for=\"import-returns\" class=\"button button-secondary\">Import returns</label></span><p class=\"hint\">Choose the returned workbooks (several at once), or drop them on this view. Nothing changes until you apply them.</p></div></section>",
    "<div class=\"notice notice-problem\" role=\"alert\" id=\"returns-refused\"></div>",
    "<section class=\"panel panel-preview\" aria-labelledby=\"returns-review\" id=\"returns-review-panel\"></section>",
    "<section aria-labelledby=\"returns-sheets\"><h2 id=\"returns-sheets\">Bring in a register kept in Excel or CSV</h2><div class=\"drop-zone\"><span class=\"file-button\"><input type=\"file\" id=\"import-spreadsheet\" class=\"file-input\" accept=\".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"><label for=\"import-spreadsheet\" class=\"button button-secondary\">Import spreadsheet</label></span><p class=\"hint\">An .xlsx or .csv file with a row per key activity (this app\u{2019}s Export CSV too). You match its columns to the register\u{2019}s fields, then the import preview shows what it holds; nothing is replaced until you confirm.</p></div><div id=\"returns-sheet\"></div></section>",
    "<p class=\"notice notice-problem\" role=\"alert\" id=\"returns-problem\"></p>",
);

/// The review panel: heading, sentence, the changes, and the two buttons.
pub fn review_panel(summary: &str, review_html: &str) -> String {
    let mut out = String::from("<h2 id=\"returns-review\">Review the returns</h2><p>");
    escape_into(&mut out, summary);
    out.push_str("</p>");
    out.push_str(review_html);
    out.push_str("<div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"apply\">Apply returns</button><button type=\"button\" class=\"button button-secondary\" data-action=\"discard\">Set the returns aside</button></div>");
    out
}
