//! The Summary view's parts as escaped HTML text (the filters in force, the
//! headline figures: sentence, bar chart and table, the breakdowns, the
//! exceptions' sentences, direction of travel), and the skeleton they go in.
//! The view puts each in its region (`ui::html_region`) instead of a Leptos view
//! per element; the pack's headline summary is written by the same functions.
//! Status is never colour alone: every bar and tag carries its symbol and word.

use super::{percent, sentence, GroupRow, Summary};
use crate::compare::Travel;
use crate::html::{escape_into, status_tag};
use crate::pack::pieces::movement_row;
use crate::register::Register;
use crate::status::Status;
use std::fmt::Write;

/// About how tall a breakdown row and an exception row are on screen, in pixels.
const BREAKDOWN_ROW_PX: usize = 37;
const EXCEPTION_ROW_PX: usize = 300;
/// From about two screens tall, a part is laid out only near the viewport.
const LONG_PART_PX: usize = 2000;

/// The view's fixed markup: the sections whose insides the view writes (the
/// heading and the headline section, which holds the compare control, are the
/// view's own elements).
pub const REST: &str = "<section id=\"summary-breakdowns\" aria-labelledby=\"breakdowns-heading\"></section><section aria-labelledby=\"exceptions-heading\"><h2 id=\"exceptions-heading\">Exceptions</h2><p id=\"exceptions-intro\"></p><div class=\"exception-tables\" id=\"exception-tables\"></div><div id=\"exceptions-more\"></div></section><section id=\"summary-travel\" aria-labelledby=\"travel-heading\"></section>";

/// Which filters are in force and how to change them (`parts` from
/// `Filters::describe`; `change` the Register view's address with them), or
/// the offer to filter when there are none.
pub fn filters_in_force(parts: &[String], total: usize, of: usize, change: &str) -> String {
    let mut out = String::new();
    if parts.is_empty() {
        let _ = write!(out, "<p class=\"lede\">All {of} key activities. <a href=\"");
        escape_into(&mut out, change);
        out.push_str("\">Filter the register</a> to summarise part of it.</p>");
    } else {
        let _ = write!(
            out,
            "<div class=\"notice\" role=\"status\"><p><strong>Filtered: {total} of {of} key activities. </strong>Filters in force: "
        );
        escape_into(&mut out, &parts.join("; "));
        out.push_str(".</p><p><a href=\"");
        escape_into(&mut out, change);
        out.push_str("\">Change filters</a> \u{b7} <button type=\"button\" class=\"link-button\" data-action=\"clear-filters\">Clear filters</button></p></div>");
    }
    out
}

/// The headline: the sentence, the chart and the same figures as a table (the
/// Summary view's and the pack's).
pub fn headline_figures(summary: &Summary, register: &Register) -> String {
    let statuses = &register.statuses.0;
    let mut out = String::from("<p class=\"headline-sentence\" id=\"headline-sentence\">");
    escape_into(&mut out, &sentence(summary, register));
    out.push_str("</p>");
    status_chart(&mut out, &summary.by_status, summary.total, statuses);
    status_table(&mut out, &summary.by_status, summary.total, register);
    out
}

/// Horizontal bars, one per status, each under its symbol and word, with its
/// count and percentage after it; the same figures are in the sentence and the
/// table. The bars' colours are SVG `fill` attributes of checked `#rrggbb`
/// values, not styles. The label sits above its bar, not beside it, so the
/// chart is narrow (`CHART_WIDTH`) and is hardly scaled down on a phone: its
/// 15 px text stays about 14 px at 390 px wide (it was about 9 px beside).
fn status_chart(out: &mut String, by_status: &[usize], total: usize, statuses: &[Status]) {
    let row_height = 50;
    let height = statuses.len() * row_height + 4;
    let max = by_status.iter().copied().max().unwrap_or(0).max(1);
    let _ = write!(out, "<figure class=\"chart\"><svg viewBox=\"0 0 {CHART_WIDTH} {height}\" width=\"{CHART_WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-title headline-sentence\"><title id=\"chart-title\">Key activities by status (bar chart)</title>");
    for (i, s) in statuses.iter().enumerate() {
        let n = by_status.get(i).copied().unwrap_or(0);
        let y = i * row_height;
        // Whole pixels as integers: the app's wasm carries no float formatting.
        let width = (n as f64 / max as f64 * BAR_MAX as f64).round() as usize;
        let _ = write!(
            out,
            "<g><text class=\"chart-label\" x=\"0\" y=\"{}\">",
            y + 16
        );
        escape_into(out, &s.symbol);
        out.push(' ');
        escape_into(out, &s.label);
        let _ = write!(
            out,
            "</text><rect x=\"1\" y=\"{}\" width=\"{}\" height=\"20\" fill=\"",
            y + 23,
            width.max(if n > 0 { 2 } else { 0 })
        );
        escape_into(out, &s.colour);
        let _ = write!(out, "\" stroke=\"#0b0c0c\" stroke-width=\"1\"></rect><text class=\"chart-figure\" x=\"{}\" y=\"{}\">{n} ({}%)</text></g>", 10 + width, y + 39, percent(n, total));
    }
    out.push_str("</svg><figcaption>Chart: key activities by status. The same figures are in the table below.</figcaption></figure>");
}

/// The chart's width in its own pixels: the longest bar and "10,000 (100%)".
const CHART_WIDTH: usize = 380;
/// The longest bar, in the chart's pixels.
const BAR_MAX: usize = 270;

fn status_table(out: &mut String, by_status: &[usize], total: usize, register: &Register) {
    out.push_str("<table class=\"figures-table\"><caption>Key activities by status</caption><thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"number\">Number</th><th scope=\"col\" class=\"number\">Percentage</th></tr></thead><tbody>");
    for (i, s) in register.statuses.iter().enumerate() {
        let n = by_status.get(i).copied().unwrap_or(0);
        out.push_str("<tr><th scope=\"row\">");
        status_tag(out, &register.statuses, &s.id);
        let _ = write!(
            out,
            "</th><td class=\"number\">{n}</td><td class=\"number\">{}%</td></tr>",
            percent(n, total)
        );
    }
    let _ = write!(out, "</tbody><tfoot><tr><th scope=\"row\">Total</th><td class=\"number\">{total}</td><td class=\"number\">{}</td></tr></tfoot></table>", if total > 0 { "100%" } else { "0%" });
}

/// A breakdown table, whole (`summary::html::breakdown_table` inside).
pub fn breakdown(
    out: &mut String,
    caption: &str,
    group: &str,
    rows: &[GroupRow],
    statuses: &[Status],
) {
    out.push_str("<table class=\"figures-table breakdown-table\">");
    out.push_str(&super::html::breakdown_table(
        caption, group, rows, statuses,
    ));
    out.push_str("</table>");
}

/// The Breakdowns section's inside: its heading and the four breakdowns, each
/// in its own sideways-scrolling region, a long one in a `long_part`.
pub fn breakdowns(summary: &Summary, statuses: &[Status]) -> String {
    let mut out = String::from("<h2 id=\"breakdowns-heading\">Breakdowns</h2>");
    for (caption, group, rows) in [
        ("By theme", "Theme", &summary.by_theme),
        ("By corporate objective", "Objective", &summary.by_objective),
        ("By portfolio", "Portfolio", &summary.by_portfolio),
        ("By lead officer", "Lead officer", &summary.by_lead),
    ] {
        let mut table = format!("<div class=\"scroll-region\" role=\"region\" aria-label=\"{caption} (table; scrolls sideways on narrow screens)\" tabindex=\"0\">");
        breakdown(&mut table, caption, group, rows, statuses);
        table.push_str("</div>");
        out.push_str(&long_part(&table, rows.len() * BREAKDOWN_ROW_PX + 120));
    }
    out
}

/// A long part of the Summary (a breakdown, a chunk of exceptions) about
/// `height` pixels tall: from two screens tall the browser lays it out and
/// paints it only near the viewport (`content-visibility: auto` on
/// `.summary-long`), so a change of filters costs what is on screen. It stays in
/// the accessibility tree and in find-in-page. Its estimated size is in
/// `data-height`, which the view turns into `contain-intrinsic-size` through the
/// CSSOM (a style attribute would be blocked by a strict Content Security Policy).
pub fn long_part(inner: &str, height: usize) -> String {
    if height >= LONG_PART_PX {
        format!("<div class=\"summary-long\" data-height=\"{height}\">{inner}</div>")
    } else {
        format!("<div>{inner}</div>")
    }
}

/// A chunk of exception tables in a `long_part` of its own, sized by its rows.
pub fn exceptions_part(tables: &str) -> String {
    let rows = tables.matches("<tr data-activity-id=").count();
    let count = tables.matches("<table").count();
    long_part(tables, rows * EXCEPTION_ROW_PX + count * 90)
}

/// The sentence before the exceptions: how many, and which statuses count
/// (`labels`, joined with "or": each activity has one status).
pub fn exceptions_intro(n: usize, labels: &[String]) -> String {
    if labels.is_empty() {
        "No status in this register's set counts as an exception.".to_owned()
    } else {
        format!(
            "{n} key {} {}, with progress and the next steps (corrective action).",
            if n == 1 {
                "activity is"
            } else {
                "activities are"
            },
            labels.join(" or ")
        )
    }
}

/// Below the exceptions: nothing when all fit, else how many are shown and the
/// button to show all (`all`: they are being shown).
pub fn exceptions_more(n: usize, first: usize, all: bool) -> String {
    if n <= first {
        String::new()
    } else if all {
        format!("<p class=\"hint\">All {n} are shown.</p>")
    } else {
        format!("<p class=\"exceptions-more\">Showing the first {first} of {n}. <button type=\"button\" class=\"button button-secondary\" data-action=\"show-all-exceptions\">Show all {n} exceptions</button></p>")
    }
}

/// The headline's line on direction of travel: the movements in a sentence
/// (`movements` from `movement_sentence`), or the offer to compare.
pub fn travel_line(movements: Option<&str>) -> String {
    match movements {
        Some(s) => format!("Since last quarter: {s} The movements are under Direction of travel, below."),
        None => "See how each key activity moved since last quarter: choose last quarter\u{2019}s JSON file. It is only compared; your register is not changed.".to_owned(),
    }
}

/// The Direction of travel section's inside: its heading, the offer when
/// nothing is `compared`, and the movements of `travel` (the selection's) in a
/// sentence and a table of those that moved or were renamed.
pub fn direction_of_travel(compared: bool, travel: Option<&[Travel]>) -> String {
    let mut out = String::from("<h2 id=\"travel-heading\">Direction of travel</h2>");
    if !compared {
        out.push_str("<p>Not compared yet. Choose \u{201c}Compare with previous quarter\u{201d} under Headline, above, and pick last quarter\u{2019}s JSON file to see how each key activity moved: improved, declined, unchanged, new or no longer reported. It is only compared; your register is not changed.</p>");
    }
    if let Some(travel) = travel {
        out.push_str("<p class=\"headline-sentence\" id=\"travel-sentence\">");
        escape_into(&mut out, &crate::compare::movement_sentence(travel));
        out.push_str("</p><div class=\"scroll-region\" role=\"region\" aria-label=\"Movements since last quarter (table)\" tabindex=\"0\"><table class=\"figures-table travel-table\"><caption>Movements since last quarter</caption><thead><tr><th scope=\"col\">Key activity</th><th scope=\"col\">Last quarter</th><th scope=\"col\">This quarter</th><th scope=\"col\">Direction</th></tr></thead><tbody>");
        for t in travel
            .iter()
            .filter(|t| t.movement != crate::compare::Movement::Unchanged || t.old_title.is_some())
        {
            movement_row(&mut out, t);
        }
        out.push_str("</tbody></table></div>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::direction_of_travel as travel_of;
    use crate::query::RegisterIndex;
    use crate::sample::sample_register;

    fn summary_of(r: &Register) -> Summary {
        let index = RegisterIndex::build(r);
        let all: Vec<u32> = (0..index.entries.len() as u32).collect();
        super::super::summarise(r, &index, &all)
    }

    #[test]
    fn filters_in_force_name_them_escaped_with_a_way_to_change_or_clear() {
        let none = filters_in_force(&[], 37, 37, "#/register");
        assert_eq!(none, "<p class=\"lede\">All 37 key activities. <a href=\"#/register\">Filter the register</a> to summarise part of it.</p>");
        let some = filters_in_force(
            &["Portfolio = <Finance>".into(), "Amber".into()],
            8,
            37,
            "#/register?portfolio=Finance&status=amber",
        );
        assert!(some.starts_with("<div class=\"notice\" role=\"status\"><p><strong>Filtered: 8 of 37 key activities. </strong>Filters in force: Portfolio = &lt;Finance&gt;; Amber.</p>"));
        assert!(some.contains(
            "<a href=\"#/register?portfolio=Finance&amp;status=amber\">Change filters</a>"
        ));
        assert!(some.contains("<button type=\"button\" class=\"link-button\" data-action=\"clear-filters\">Clear filters</button>"));
    }

    #[test]
    fn the_headline_is_a_sentence_a_labelled_chart_and_a_captioned_table() {
        let r = sample_register().unwrap();
        let html = headline_figures(&summary_of(&r), &r);
        assert!(html.starts_with("<p class=\"headline-sentence\" id=\"headline-sentence\">32 of 37 key activities (86%) are Green, 1 is Complete, 2 are Amber and 2 are Start Later in Year.</p>"));
        // The chart is an image named by its title and the sentence.
        assert!(html.contains("role=\"img\" aria-labelledby=\"chart-title headline-sentence\"><title id=\"chart-title\">Key activities by status (bar chart)</title>"));
        // Each bar under its symbol and word, count and percentage after it;
        // the widest 270 px, in a chart 380 px wide.
        assert!(html.contains("<svg viewBox=\"0 0 380 304\" width=\"380\" height=\"304\""));
        assert!(html.contains("<g><text class=\"chart-label\" x=\"0\" y=\"66\">\u{25cf} Green</text><rect x=\"1\" y=\"73\" width=\"270\" height=\"20\" fill=\"#00703c\" stroke=\"#0b0c0c\" stroke-width=\"1\"></rect><text class=\"chart-figure\" x=\"280\" y=\"89\">32 (86%)</text></g>"));
        // The smallest count still shows a bar; none shows none.
        assert!(html.contains(">\u{2605} Complete</text><rect x=\"1\" y=\"23\" width=\"8\""));
        assert!(html.contains(">\u{2716} Red</text><rect x=\"1\" y=\"173\" width=\"0\""));
        assert_eq!(html.matches("<g>").count(), r.statuses.len());
        assert!(html.contains("<table class=\"figures-table\"><caption>Key activities by status</caption><thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"number\">Number</th>"));
        assert!(html.contains("<tr><th scope=\"row\"><span class=\"status-tag\" data-status=\"amber\"><span class=\"status-symbol\" aria-hidden=\"true\">\u{25b2}</span> <span class=\"status-label\">Amber</span></span></th><td class=\"number\">2</td><td class=\"number\">5%</td></tr>"));
        assert!(html.ends_with("<tfoot><tr><th scope=\"row\">Total</th><td class=\"number\">37</td><td class=\"number\">100%</td></tr></tfoot></table>"));
        assert!(!html.contains("style="));
    }

    #[test]
    fn user_text_in_the_headline_and_breakdowns_is_escaped() {
        let mut r = sample_register().unwrap();
        r.statuses.0[1].label = "<b>Green</b>".into();
        r.statuses.0[1].symbol = "&".into();
        r.themes[0].title = "<script>x</script>".into();
        let s = summary_of(&r);
        let html = headline_figures(&s, &r) + &breakdowns(&s, &r.statuses.0);
        assert!(!html.contains("<b>") && !html.contains("<script>"));
        assert!(html.contains(">&amp; &lt;b&gt;Green&lt;/b&gt;</text>"));
        assert!(html.contains("<th scope=\"row\">&lt;script&gt;x&lt;/script&gt;</th>"));
    }

    #[test]
    fn breakdowns_are_four_captioned_tables_in_labelled_scroll_regions() {
        let r = sample_register().unwrap();
        let html = breakdowns(&summary_of(&r), &r.statuses.0);
        assert!(html.starts_with("<h2 id=\"breakdowns-heading\">Breakdowns</h2><div><div class=\"scroll-region\" role=\"region\" aria-label=\"By theme (table; scrolls sideways on narrow screens)\" tabindex=\"0\"><table class=\"figures-table breakdown-table\"><caption>By theme</caption>"));
        for caption in [
            "By theme",
            "By corporate objective",
            "By portfolio",
            "By lead officer",
        ] {
            assert!(html.contains(&format!("<caption>{caption}</caption>")));
        }
        assert_eq!(html.matches("<th scope=\"col\">Theme</th>").count(), 1);
        assert_eq!(html.matches("</table></div></div>").count(), 4);
        // Short parts are drawn as any other.
        assert!(!html.contains("summary-long"));
    }

    #[test]
    fn long_parts_carry_their_height_for_the_cssom_not_a_style() {
        assert_eq!(long_part("x", 1999), "<div>x</div>");
        assert_eq!(
            long_part("x", 2000),
            "<div class=\"summary-long\" data-height=\"2000\">x</div>"
        );
        let rows = "<table><tr data-activity-id=\"a\"></tr>".repeat(7);
        assert_eq!(
            exceptions_part(&rows),
            format!("<div class=\"summary-long\" data-height=\"2730\">{rows}</div>")
        );
    }

    #[test]
    fn the_exceptions_sentences_and_the_show_all_button() {
        let labels = ["Amber".to_owned(), "Red".to_owned()];
        assert_eq!(
            exceptions_intro(1, &labels),
            "1 key activity is Amber or Red, with progress and the next steps (corrective action)."
        );
        assert_eq!(
            exceptions_intro(2, &labels[..1]),
            "2 key activities are Amber, with progress and the next steps (corrective action)."
        );
        assert_eq!(
            exceptions_intro(0, &[]),
            "No status in this register's set counts as an exception."
        );
        assert_eq!(exceptions_more(50, 50, false), "");
        assert_eq!(exceptions_more(51, 50, false), "<p class=\"exceptions-more\">Showing the first 50 of 51. <button type=\"button\" class=\"button button-secondary\" data-action=\"show-all-exceptions\">Show all 51 exceptions</button></p>");
        assert_eq!(
            exceptions_more(51, 50, true),
            "<p class=\"hint\">All 51 are shown.</p>"
        );
    }

    #[test]
    fn direction_of_travel_offers_to_compare_or_shows_what_moved() {
        let current = sample_register().unwrap();
        assert!(direction_of_travel(false, None).contains("<p>Not compared yet."));
        let mut previous = current.clone();
        previous.themes[0].objectives[0].activities[0].status = "amber".into();
        previous.themes[0].objectives[0].activities[1].title = "An <older> title".into();
        let travel = travel_of(&previous, &current);
        let html = direction_of_travel(true, Some(&travel));
        assert!(!html.contains("Not compared yet"));
        assert!(html.contains("<p class=\"headline-sentence\" id=\"travel-sentence\">1 improved, 0 declined, 36 unchanged, 0 new, 0 no longer reported.</p>"));
        assert!(html.contains("aria-label=\"Movements since last quarter (table)\""));
        assert!(html.contains("<caption>Movements since last quarter</caption>"));
        // Only what moved or was renamed, each with arrow and word.
        assert_eq!(html.matches("<tr data-activity-id=").count(), 2);
        assert!(html.contains("<td>Amber</td><td>Green</td><td><span class=\"travel travel-improved\"><span aria-hidden=\"true\">\u{2191} </span>Improved</span></td>"));
        assert!(html.contains("Title changed; was \u{201c}An &lt;older&gt; title\u{201d}."));
        assert_eq!(
            travel_line(Some("1 improved.")),
            "Since last quarter: 1 improved. The movements are under Direction of travel, below."
        );
        assert!(travel_line(None).starts_with("See how each key activity moved"));
    }
}
