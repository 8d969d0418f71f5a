//! The Quarters view's markup as escaped HTML text (`ui::quarters_view` puts it
//! on the page and handles its events, one delegated handler per event type):
//! the skeleton, the next quarter's confirmation, the storage sentence, and the
//! archived quarters (readable and unreadable tables, the read-only view of
//! one, comparing two). Pure, so it is tested natively; every piece of user
//! text is escaped. Buttons carry `data-action` (and `data-key`, the archive's
//! storage key), which the view's click handler reads.

use crate::compare::{direction_of_travel, movement_sentence, Movement};
use crate::html::escape_into;
use crate::quarter::Plan;
use crate::storage::copy::CopyStatus;
use crate::storage::{Archived, Archives, UnreadableArchive, ARCHIVE_PREFIX};

/// The view's skeleton: `next-intro`, `start-next`'s label, `next-confirm`,
/// `next-message`, `archive-fit` and `archive-list` are filled by the view.
pub const PAGE: &str = concat!(
    "<h1>Quarters</h1>",
    "<section aria-labelledby=\"next-heading\"><h2 id=\"next-heading\">Start the next quarter</h2>",
    "<p id=\"next-intro\"></p>",
    "<fieldset class=\"status-filter\"><legend>Carry into the new quarter</legend>",
    "<div class=\"checkbox\"><input type=\"checkbox\" id=\"carry-status\" checked>",
    "<label for=\"carry-status\">Each key activity\u{2019}s status (otherwise \u{201c}Not started\u{201d})</label></div>",
    "<div class=\"checkbox\"><input type=\"checkbox\" id=\"carry-commentary\">",
    "<label for=\"carry-commentary\">Progress and next steps (otherwise they start empty)</label></div>",
    "</fieldset>",
    "<button type=\"button\" class=\"button\" id=\"start-next\" data-action=\"ask\" aria-expanded=\"false\"></button>",
    "<div id=\"next-confirm\"></div>",
    "<p role=\"status\" id=\"next-message\" tabindex=\"-1\"></p>",
    "</section>",
    "<section aria-labelledby=\"archive-heading\"><h2 id=\"archive-heading\">Archived quarters</h2>",
    "<p id=\"archive-fit\"></p><div id=\"archive-list\"></div></section>",
);

/// What starting does, naming the next period ("2019/20 Quarter 2", or "the
/// next quarter" when there is none).
pub fn intro(next: &str) -> String {
    format!("This archives the current quarter as it stands (read-only), carries every key activity into {next}, and compares the new quarter with the archived one for direction of travel. You are asked to confirm first.")
}

/// The start button's label.
pub fn start_label(next: &str) -> String {
    format!("Start {next}\u{2026}")
}

/// The confirmation before the next quarter starts: a region named by its
/// heading (which takes focus), what will be archived and held, and what an
/// archive it replaces differs in.
pub fn confirm(plan: &Plan) -> String {
    let next = plan.next.to_string();
    let mut out = String::from("<div class=\"panel confirm-panel\" role=\"region\" aria-labelledby=\"confirm-next-heading\"><h3 id=\"confirm-next-heading\" tabindex=\"-1\">Start ");
    out.push_str(&next);
    out.push_str("?</h3><ul><li>");
    escape_into(&mut out, &plan.archived);
    out.push_str("</li><li>");
    escape_into(&mut out, &plan.new_quarter);
    out.push_str("</li>");
    if let Some(r) = &plan.replaces {
        out.push_str("<li><strong>");
        escape_into(&mut out, r);
        out.push_str("</strong></li>");
    }
    out.push_str("</ul><div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"start\">Yes, start ");
    out.push_str(&next);
    out.push_str("</button><button type=\"button\" class=\"button button-secondary\" data-action=\"not-now\">No, not now</button></div></div>");
    out
}

/// How much room is left: the largest quarter here (this one, `current`
/// characters, or an archived one), and how many more of that size fit by the
/// browser's estimate. Sizes are counted as the table's are (two bytes a
/// character).
pub fn fit(current: usize, largest_archived: usize, status: &CopyStatus) -> String {
    let size = (current.max(largest_archived).max(1) * 2) as u64;
    let used = status
        .percent_words()
        .map(|p| format!("This browser\u{2019}s storage is {p} used. "))
        .unwrap_or_default();
    let fit = if status.quota > 0 {
        let more = usize::try_from(status.free() / size).unwrap_or(usize::MAX);
        format!(
            ", so about {} more quarters of that size fit",
            crate::validate::thousands(more)
        )
    } else {
        String::new()
    };
    format!(
        "{used}The largest quarter here takes about {} KB{fit}. Export quarters you want to keep for good.",
        size.div_ceil(1024)
    )
}

/// What the archive list shows besides the archives themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListState {
    /// The archive shown read-only, by key.
    pub viewing: Option<String>,
    /// The readable archive whose deletion is being confirmed.
    pub deleting: Option<String>,
    /// The unreadable archive whose deletion is being confirmed.
    pub deleting_unreadable: Option<String>,
    /// Compare two: the keys chosen ("" before a choice: the first and last).
    pub from: String,
    pub to: String,
}

/// The archived quarters: `None` while they are still being read.
pub fn list(all: Option<&Archives>, ui: &ListState) -> String {
    let Some(all) = all else {
        return "<p role=\"status\">Reading the archived quarters from this browser\u{2019}s storage\u{2026}</p>".into();
    };
    let mut out = String::new();
    if all.readable.is_empty() {
        if all.unreadable.is_empty() {
            out.push_str("<p>No quarters are archived in this browser yet.</p>");
        }
    } else {
        archive_table(&mut out, &all.readable, ui.deleting.as_deref());
        if let Some(a) = ui
            .viewing
            .as_deref()
            .and_then(|k| all.readable.iter().find(|a| a.key == k))
        {
            shown(&mut out, a);
        }
        compare_two(&mut out, &all.readable, ui);
    }
    if !all.unreadable.is_empty() {
        unreadable_table(&mut out, &all.unreadable, ui.deleting_unreadable.as_deref());
    }
    out
}

/// A small secondary button acting on one archive, its name completed for
/// screen readers by hidden text.
fn small_button(out: &mut String, action: &str, key: &str, shown: &str, hidden: &str) {
    out.push_str(
        "<button type=\"button\" class=\"button button-secondary button-small\" data-action=\"",
    );
    out.push_str(action);
    out.push_str("\" data-key=\"");
    escape_into(out, key);
    out.push_str("\">");
    escape_into(out, shown);
    if !hidden.is_empty() {
        out.push_str("<span class=\"visually-hidden\">");
        escape_into(out, hidden);
        out.push_str("</span>");
    }
    out.push_str("</button>");
}

/// The question before an archive is deleted for good.
fn confirm_delete(out: &mut String, key: &str, question: &str) {
    out.push_str("<span class=\"confirm\" role=\"alert\">");
    out.push_str(question);
    out.push_str("<button type=\"button\" class=\"button\" data-action=\"yes-delete\" data-key=\"");
    escape_into(out, key);
    out.push_str("\">Yes, delete it</button> <button type=\"button\" class=\"button button-secondary\" data-action=\"keep\" data-key=\"");
    escape_into(out, key);
    out.push_str("\">No, keep it</button></span>");
}

fn kb(chars: usize) -> String {
    format!("{} KB", (chars * 2).div_ceil(1024))
}

fn archive_table(out: &mut String, list: &[Archived], deleting: Option<&str>) {
    out.push_str("<div class=\"scroll-region\" role=\"region\" aria-label=\"Archived quarters (table)\" tabindex=\"0\"><table class=\"figures-table archive-table\"><caption>Archived quarters in this browser</caption><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Organisation</th><th scope=\"col\" class=\"number\">Key activities</th><th scope=\"col\" class=\"number\">Size</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
    for a in list {
        let period = a.register.period.to_string();
        out.push_str("<tr><th scope=\"row\">");
        out.push_str(&period);
        out.push_str("</th><td>");
        escape_into(out, &a.register.organisation);
        out.push_str("</td><td class=\"number\">");
        out.push_str(&a.register.activity_count().to_string());
        out.push_str("</td><td class=\"number\">");
        out.push_str(&kb(a.size));
        // Separate buttons, each naming the quarter it acts on.
        out.push_str("</td><td class=\"actions\"><div class=\"button-row actions-row\">");
        small_button(out, "view", &a.key, "View", &format!(" {period}"));
        small_button(
            out,
            "compare",
            &a.key,
            "Compare with current",
            &format!(" register: {period}"),
        );
        small_button(
            out,
            "export",
            &a.key,
            "Export JSON",
            &format!(" of {period}"),
        );
        small_button(out, "delete", &a.key, "Delete", &format!(" {period}"));
        out.push_str("</div>");
        if deleting == Some(a.key.as_str()) {
            confirm_delete(out, &a.key, "Delete this archived quarter for good? ");
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div><button type=\"button\" class=\"button button-secondary\" data-action=\"export-all\">Export all archived quarters</button>");
}

/// One archived quarter, read-only (its status colours are set for
/// `.archive-view` by the view).
fn shown(out: &mut String, a: &Archived) {
    let index = crate::query::RegisterIndex::build(&a.register);
    let all: Vec<u32> = (0..index.len() as u32).collect();
    out.push_str("<section class=\"panel archive-view\" aria-labelledby=\"archive-view-heading\"><h3 id=\"archive-view-heading\">");
    escape_into(out, &a.register.heading());
    out.push_str(" (archived, read-only)</h3><button type=\"button\" class=\"button button-secondary\" data-action=\"close\">Close</button><div>");
    out.push_str(&crate::html::grouped(
        &a.register,
        &index,
        &all,
        crate::html::RowOptions::default(),
        4,
    ));
    out.push_str("</div></section>");
}

/// The chosen key, or the first or last archive's before a choice.
fn chosen<'a>(list: &'a [Archived], key: &str, last: bool) -> Option<&'a Archived> {
    if key.is_empty() {
        if last {
            list.last()
        } else {
            list.first()
        }
    } else {
        list.iter().find(|a| a.key == key)
    }
}

fn compare_two(out: &mut String, list: &[Archived], ui: &ListState) {
    out.push_str("<section aria-labelledby=\"compare-two-heading\"><h3 id=\"compare-two-heading\">Compare two archived quarters</h3><div class=\"field-row\">");
    let from = chosen(list, &ui.from, false).map(|a| a.key.as_str());
    let to = chosen(list, &ui.to, true).map(|a| a.key.as_str());
    for (id, label, selected) in [("compare-from", "From", from), ("compare-to", "To", to)] {
        out.push_str("<div class=\"field field-short\"><label for=\"");
        out.push_str(id);
        out.push_str("\">");
        out.push_str(label);
        out.push_str("</label><select id=\"");
        out.push_str(id);
        out.push_str("\">");
        for a in list {
            out.push_str("<option value=\"");
            escape_into(out, &a.key);
            out.push('"');
            if selected == Some(a.key.as_str()) {
                out.push_str(" selected");
            }
            out.push('>');
            out.push_str(&a.register.period.to_string());
            out.push_str("</option>");
        }
        out.push_str("</select></div>");
    }
    out.push_str("</div><div id=\"compare-result\">");
    out.push_str(&compare_result(list, &ui.from, &ui.to));
    out.push_str("</div></section>");
}

/// Direction of travel from one archived quarter to another, with each
/// activity that moved.
pub fn compare_result(list: &[Archived], from: &str, to: &str) -> String {
    let (Some(a), Some(b)) = (chosen(list, from, false), chosen(list, to, true)) else {
        return String::new();
    };
    let travel = direction_of_travel(&a.register, &b.register);
    let mut out = format!(
        "<p>From {} to {}: {}</p><ul>",
        a.register.period,
        b.register.period,
        movement_sentence(&travel)
    );
    for m in travel.iter().filter(|x| x.movement != Movement::Unchanged) {
        out.push_str("<li>");
        escape_into(
            &mut out,
            &format!(
                "{} {} {}: {} \u{2192} {}",
                m.movement.arrow(),
                m.id,
                m.movement.word(),
                m.from.as_deref().unwrap_or("not reported"),
                m.to.as_deref().unwrap_or("not reported")
            ),
        );
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// Archive keys whose text cannot be read: listed with the reason, the text
/// downloadable as it is, and deletable after confirming; never hidden.
fn unreadable_table(out: &mut String, list: &[UnreadableArchive], deleting: Option<&str>) {
    out.push_str("<table class=\"figures-table archive-table\"><caption>Archived quarters that cannot be read</caption><thead><tr><th scope=\"col\">Archive</th><th scope=\"col\">Why it cannot be read</th><th scope=\"col\" class=\"number\">Size</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
    for a in list {
        let name = a.key.trim_start_matches(ARCHIVE_PREFIX);
        out.push_str("<tr><th scope=\"row\">");
        escape_into(out, name);
        out.push_str("</th><td>");
        escape_into(out, &a.reason);
        out.push_str("</td><td class=\"number\">");
        out.push_str(&kb(a.text.len()));
        out.push_str("</td><td class=\"actions\"><div class=\"button-row actions-row\">");
        small_button(
            out,
            "download-text",
            &a.key,
            &format!("Download the text of {name}"),
            "",
        );
        small_button(
            out,
            "delete-unreadable",
            &a.key,
            "Delete",
            &format!(" {name}"),
        );
        out.push_str("</div>");
        if deleting == Some(a.key.as_str()) {
            confirm_delete(
                out,
                &a.key,
                "Delete this unreadable archive for good? Download its text first if you may need it. ",
            );
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
}

/// The file name an unreadable archive's text is downloaded as.
pub fn unreadable_file(key: &str) -> String {
    format!(
        "unreadable-archive-{}.txt",
        key.trim_start_matches(ARCHIVE_PREFIX)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    fn archived(period: crate::period::Period, organisation: &str) -> Archived {
        let mut register = sample_register().unwrap();
        register.period = period;
        register.organisation = organisation.into();
        Archived {
            key: crate::storage::archive_key(period),
            register,
            size: 3000,
        }
    }

    #[test]
    fn the_confirmation_names_the_next_quarter_and_escapes_its_sentences() {
        let next = sample_register().unwrap().period.next().unwrap();
        let html = confirm(&Plan {
            next,
            archived: "Q1 <b>archived</b>".into(),
            new_quarter: "Q2 & more".into(),
            replaces: Some("differs \"a lot\"".into()),
        });
        assert!(html.contains("role=\"region\" aria-labelledby=\"confirm-next-heading\""));
        assert!(html.contains(&format!("tabindex=\"-1\">Start {next}?</h3>")));
        assert!(html.contains("Q1 &lt;b&gt;archived&lt;/b&gt;"));
        assert!(html.contains("Q2 &amp; more"));
        assert!(html.contains("<strong>differs &quot;a lot&quot;</strong>"));
        assert!(html.contains(&format!(">Yes, start {next}</button>")));
        assert!(html.contains(">No, not now</button>"));
    }

    #[test]
    fn the_list_says_when_it_is_read_and_when_it_is_empty() {
        let ui = ListState::default();
        assert!(list(None, &ui).contains("role=\"status\">Reading the archived quarters"));
        assert_eq!(
            list(Some(&Archives::default()), &ui),
            "<p>No quarters are archived in this browser yet.</p>"
        );
    }

    #[test]
    fn each_archive_has_buttons_naming_its_quarter_and_user_text_is_escaped() {
        let q1 = sample_register().unwrap().period;
        let q2 = q1.next().unwrap();
        let all = Archives {
            readable: vec![archived(q1, "Town & <Gown>"), archived(q2, "Council")],
            unreadable: vec![],
        };
        let mut ui = ListState {
            deleting: Some(all.readable[1].key.clone()),
            ..ListState::default()
        };
        let html = list(Some(&all), &ui);
        assert!(html.contains("<caption>Archived quarters in this browser</caption>"));
        assert!(html.contains("<td>Town &amp; &lt;Gown&gt;</td>"));
        assert!(!html.contains("<Gown>"));
        assert!(html.contains(&format!("View<span class=\"visually-hidden\"> {q1}</span>")));
        assert!(html.contains(&format!(
            "Compare with current<span class=\"visually-hidden\"> register: {q2}</span>"
        )));
        assert!(html.contains(&format!(
            "Export JSON<span class=\"visually-hidden\"> of {q1}</span>"
        )));
        assert!(html.contains("<td class=\"number\">6 KB</td>"));
        // One confirmation, under the quarter asked about.
        assert_eq!(
            html.matches("Delete this archived quarter for good? ")
                .count(),
            1
        );
        assert!(html.contains("role=\"alert\">Delete this archived quarter for good? "));
        // Compare two: first and last chosen at first; the result follows.
        assert!(html.contains(&format!(
            "<option value=\"{}\" selected>{q1}</option>",
            all.readable[0].key
        )));
        assert!(html.contains(&format!(
            "From {q1} to {q2}: 0 improved, 0 declined, 37 unchanged"
        )));
        assert!(!html.contains("archive-view"));
        ui.viewing = Some(all.readable[0].key.clone());
        ui.to = all.readable[0].key.clone();
        let html = list(Some(&all), &ui);
        assert!(html.contains("class=\"panel archive-view\""));
        assert!(html.contains("(archived, read-only)</h3>"));
        assert!(html.contains(&format!("From {q1} to {q1}:")));
    }

    #[test]
    fn an_unreadable_archive_is_listed_with_its_reason_escaped() {
        let key = format!("{ARCHIVE_PREFIX}2018-19-q4");
        let all = Archives {
            readable: vec![],
            unreadable: vec![UnreadableArchive {
                key: key.clone(),
                text: "x".repeat(600),
                reason: "It ends <too> early.".into(),
            }],
        };
        let ui = ListState {
            deleting_unreadable: Some(key.clone()),
            ..ListState::default()
        };
        let html = list(Some(&all), &ui);
        assert!(!html.contains("No quarters are archived"));
        assert!(html.contains("<caption>Archived quarters that cannot be read</caption>"));
        assert!(
            html.contains("<th scope=\"row\">2018-19-q4</th><td>It ends &lt;too&gt; early.</td>")
        );
        assert!(html.contains(">Download the text of 2018-19-q4</button>"));
        assert!(html.contains("Delete<span class=\"visually-hidden\"> 2018-19-q4</span>"));
        assert!(html.contains("Delete this unreadable archive for good?"));
        assert_eq!(unreadable_file(&key), "unreadable-archive-2018-19-q4.txt");
    }

    #[test]
    fn the_storage_sentence_counts_two_bytes_a_character() {
        let status = CopyStatus {
            usage: 1000,
            quota: 100_000,
            ..CopyStatus::default()
        };
        assert_eq!(
            fit(1024, 100, &status),
            "This browser\u{2019}s storage is 1% used. The largest quarter here takes about 2 KB, so about 48 more quarters of that size fit. Export quarters you want to keep for good."
        );
        let roomy = CopyStatus {
            usage: 1000,
            quota: 700_000_000,
            ..CopyStatus::default()
        };
        assert!(
            fit(1024, 100, &roomy).contains("so about 341,796 more quarters of that size fit"),
            "{}",
            fit(1024, 100, &roomy)
        );
        let none = CopyStatus {
            usage: 0,
            quota: 0,
            ..CopyStatus::default()
        };
        assert_eq!(
            fit(0, 0, &none),
            "The largest quarter here takes about 1 KB. Export quarters you want to keep for good."
        );
    }

    #[test]
    fn the_skeleton_has_the_labelled_controls() {
        for needle in [
            "<h1>Quarters</h1>",
            "<input type=\"checkbox\" id=\"carry-status\" checked><label for=\"carry-status\">",
            "<label for=\"carry-commentary\">",
            "role=\"status\" id=\"next-message\" tabindex=\"-1\"",
            "aria-expanded=\"false\"",
        ] {
            assert!(PAGE.contains(needle), "{needle}");
        }
        assert!(!PAGE.contains("style"));
        assert_eq!(
            start_label("2019/20 Quarter 2"),
            "Start 2019/20 Quarter 2\u{2026}"
        );
    }
}
