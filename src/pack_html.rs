//! The Scrutiny pack's cover and status key as escaped HTML text (the pack view
//! puts each in its element with `inner_html`, instead of a Leptos view per
//! line). Pure, so it is tested natively; every piece of user text is escaped.

use crate::html::{escape_into, status_tag};
use crate::register::Register;
use crate::status::StatusSet;
use crate::summary::{page_html, Summary};

/// The cover's content: organisation, title, period, the meeting and its date
/// and the author when given, the extract when the pack is one, and the link to
/// edit the details.
pub fn cover(r: &Register, extract: &[String]) -> String {
    let mut out = String::from("<p class=\"cover-organisation\">");
    escape_into(&mut out, &r.organisation);
    out.push_str("</p><h1 class=\"cover-title\">");
    escape_into(&mut out, &r.title);
    out.push_str("</h1><p class=\"cover-period\">");
    out.push_str(&r.period.to_string());
    out.push_str("</p>");
    let meeting = match (r.meeting.trim(), r.meeting_date.trim()) {
        ("", "") => String::new(),
        (m, "") => m.to_owned(),
        ("", d) => d.to_owned(),
        (m, d) => format!("{m}, {d}"),
    };
    if !meeting.is_empty() {
        out.push_str("<p class=\"cover-meeting\">");
        escape_into(&mut out, &meeting);
        out.push_str("</p>");
    }
    if !r.author.trim().is_empty() {
        out.push_str("<p class=\"cover-author\">Report author: ");
        escape_into(&mut out, &r.author);
        out.push_str("</p>");
    }
    if !extract.is_empty() {
        out.push_str("<p class=\"cover-extract\"><strong>Extract: ");
        escape_into(&mut out, &extract.join("; "));
        out.push_str("</strong></p>");
    }
    out.push_str("<p class=\"cover-note no-print-hint\"><a href=\"#/details\">Edit the register details</a> (meeting, date, author) shown on this cover.</p>");
    out
}

/// The status key's rows: each status as its tag (symbol and word), and what
/// it means.
pub fn status_key_rows(statuses: &StatusSet) -> String {
    let mut out = String::new();
    for s in statuses.iter() {
        out.push_str("<tr><th scope=\"row\">");
        status_tag(&mut out, statuses, &s.id);
        out.push_str("</th><td>");
        if s.meaning.trim().is_empty() {
            out.push_str("No meaning recorded.");
        } else {
            escape_into(&mut out, &s.meaning);
        }
        out.push_str("</td></tr>");
    }
    out
}

/// The headline summary part: its heading (a contents target), the headline
/// figures as the Summary view has them, and the breakdowns by theme and by
/// portfolio.
pub fn headline_summary(summary: &Summary, r: &Register) -> String {
    let mut out = String::from("<h2 id=\"pack-summary\" tabindex=\"-1\">Headline summary</h2>");
    out.push_str(&page_html::headline_figures(summary, r));
    let statuses = &r.statuses.0;
    page_html::breakdown(&mut out, "By theme", "Theme", &summary.by_theme, statuses);
    page_html::breakdown(
        &mut out,
        "By portfolio",
        "Portfolio",
        &summary.by_portfolio,
        statuses,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    #[test]
    fn the_cover_escapes_and_shows_only_what_is_given() {
        let mut r = sample_register().unwrap();
        r.organisation = "Town & <Gown>".into();
        r.meeting = String::new();
        r.meeting_date = "12 September 2019".into();
        r.author = String::new();
        let html = cover(&r, &[]);
        assert!(html.starts_with(
            "<p class=\"cover-organisation\">Town &amp; &lt;Gown&gt;</p><h1 class=\"cover-title\">"
        ));
        assert!(html.contains("<p class=\"cover-meeting\">12 September 2019</p>"));
        assert!(!html.contains("cover-author") && !html.contains("cover-extract"));
        assert!(html.contains("<a href=\"#/details\">Edit the register details</a>"));
        r.meeting = "Scrutiny Panel".into();
        r.author = "An \"officer\"".into();
        let html = cover(&r, &["Portfolio: Finance".into(), "Amber".into()]);
        assert!(html.contains("<p class=\"cover-meeting\">Scrutiny Panel, 12 September 2019</p>"));
        assert!(
            html.contains("<p class=\"cover-author\">Report author: An &quot;officer&quot;</p>")
        );
        assert!(html.contains("<strong>Extract: Portfolio: Finance; Amber</strong>"));
    }

    #[test]
    fn the_headline_summary_is_its_heading_the_figures_and_two_breakdowns() {
        let r = sample_register().unwrap();
        let index = crate::query::RegisterIndex::build(&r);
        let all: Vec<u32> = (0..37).collect();
        let s = crate::summary::summarise(&r, &index, &all);
        let html = headline_summary(&s, &r);
        assert!(html.starts_with("<h2 id=\"pack-summary\" tabindex=\"-1\">Headline summary</h2><p class=\"headline-sentence\" id=\"headline-sentence\">32 of 37"));
        assert!(html.contains("<caption>Key activities by status</caption>"));
        assert!(html.contains(
            "<table class=\"figures-table breakdown-table\"><caption>By theme</caption>"
        ));
        assert!(html.ends_with("</tfoot></table>"));
        assert!(html.contains("<caption>By portfolio</caption>"));
        assert!(!html.contains("By corporate objective") && !html.contains("scroll-region"));
    }

    #[test]
    fn the_key_has_a_row_a_status_with_its_tag_and_meaning() {
        let mut set = StatusSet::default_set();
        set.0[0].meaning = "Done <well>".into();
        set.0[1].meaning = " ".into();
        let html = status_key_rows(&set);
        assert_eq!(
            html.matches("<tr><th scope=\"row\"><span class=\"status-tag\" data-status=")
                .count(),
            set.len()
        );
        assert!(html.contains("<td>Done &lt;well&gt;</td>"));
        assert!(html.contains("<td>No meaning recorded.</td>"));
        assert!(html.contains("<span class=\"status-symbol\" aria-hidden=\"true\">"));
    }
}
