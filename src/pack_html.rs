//! The Scrutiny pack's short parts as escaped HTML text: the cover, the
//! contents, the status key, the headline summary, and each long part's heading
//! and sentences with the empty holder its rows are put in (`pack_render`), plus
//! the very large pack's choice. The pack view writes the whole article from
//! `article` whenever what it shows changes, instead of a Leptos view per line.
//! Pure, so it is tested natively; every piece of user text is escaped.

use crate::compare::{movement_sentence, Movement, Travel};
use crate::html::{escape, escape_into, status_tag};
use crate::register::Register;
use crate::status::StatusSet;
use crate::summary::{page_html, Summary};
use crate::validate::thousands;

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

/// Above this many activities the pack waits for the user to choose the whole
/// of it or an extract (about 0.75 ms an activity to prepare, on 2 cores).
pub const LARGE_PACK: usize = 2_500;

/// The pack's toolbar, as first drawn (`ui::pack_view` sets the progress line,
/// the notice and the buttons' `disabled`; `ui::docx_export` the Word line and
/// its problem). Print and Export web page wait until the pack is ready.
/// Buttons carry `data-action`.
pub const TOOLBAR: &str = concat!(
    "<button type=\"button\" class=\"button\" data-action=\"print\" id=\"pack-print\" disabled>Print</button>",
    "<button type=\"button\" class=\"button button-secondary\" data-action=\"export-web-page\" id=\"pack-export-web-page\" disabled>Export web page</button>",
    "<button type=\"button\" class=\"button button-secondary\" data-action=\"export-word\" id=\"pack-export-word\">Export Word document</button>",
    "<p class=\"hint\" role=\"status\" id=\"pack-word-status\">A .docx of this pack for committee services: the same selection, in Word\u{2019}s headings and tables.</p>",
    "<p class=\"pack-progress\" role=\"status\" id=\"pack-progress\"></p>",
    "<p class=\"hint\">Print opens the browser\u{2019}s print dialog: print on paper, or choose \u{201c}Save as PDF\u{201d}. A4, the detail in landscape, with page numbers.</p>",
    // Always in the page, so that a screen reader hears each new message.
    "<p class=\"pack-notice\" role=\"status\" id=\"pack-notice\"></p>",
    "<div id=\"pack-extract-hint\"></div>",
);

/// Why the Word document could not be made, as the alert after the Word line.
pub fn word_problem(sentence: &str) -> String {
    let mut out =
        String::from("<p class=\"notice notice-problem\" role=\"alert\" id=\"pack-word-problem\">");
    escape_into(&mut out, sentence);
    out.push_str("</p>");
    out
}

/// What the pack shows, for `article`.
pub struct PackParts<'a> {
    pub register: &'a Register,
    /// The filters in force, described (empty: the full pack).
    pub extract: &'a [String],
    pub summary: &'a Summary,
    /// The themes the detail holds, in order: (heading id, title).
    pub themes: &'a [(String, String)],
    /// With a comparison: its period, and the selection's movements.
    pub travel: Option<(&'a str, &'a [Travel])>,
    /// How many activities the detail holds.
    pub detail: usize,
    /// Whether a very large pack waits for the choice.
    pub choosing: bool,
}

/// The page a part prints on: landscape for its wide table or, when it is only
/// a sentence, the orientation of the part before it, which it flows on from.
fn flowing_after(empty: bool, before: &'static str) -> &'static str {
    if empty {
        before
    } else {
        "landscape"
    }
}

/// A long part's section: its orientation, `data-flow` when it is only a
/// sentence (it flows on after the part before), and its heading.
fn part_open(out: &mut String, id: &str, orientation: &str, empty: bool, heading: &str) {
    out.push_str("<section class=\"pack-part\" data-orientation=\"");
    out.push_str(orientation);
    out.push('"');
    if empty {
        out.push_str(" data-flow=\"\"");
    }
    out.push_str(" aria-labelledby=\"");
    out.push_str(id);
    out.push_str("\"><h2 id=\"");
    out.push_str(id);
    out.push_str("\" tabindex=\"-1\">");
    out.push_str(heading);
    out.push_str("</h2>");
}

/// The empty holder of a long part's rows, and the end of its section.
fn part_close(out: &mut String, id: &str) {
    out.push_str("<div class=\"pack-chunks\" id=\"");
    out.push_str(id);
    out.push_str("\"></div></section>");
}

/// A contents entry: the link to `target` and the span its page is written in.
fn entry(out: &mut String, target: &str, label: &str, sub: bool) {
    out.push_str(if sub {
        "<li class=\"has-sub\">"
    } else {
        "<li>"
    });
    out.push_str("<a class=\"toc-entry\" href=\"#");
    escape_into(out, target);
    out.push_str("\">");
    escape_into(out, label);
    out.push_str("</a><span class=\"visually-hidden\">, page</span><span class=\"toc-page\" data-contents-for=\"");
    escape_into(out, target);
    out.push_str("\"></span>");
    if !sub {
        out.push_str("</li>");
    }
}

/// The contents: each part and, under the detail, each theme it holds, with an
/// empty span for the page it prints on (written in by `pack_pages`).
fn contents(out: &mut String, has_travel: bool, themes: &[(String, String)]) {
    out.push_str("<nav class=\"pack-contents\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2><ol>");
    entry(out, "pack-key", "How to read this report", false);
    entry(out, "pack-summary", "Headline summary", false);
    entry(out, "pack-exceptions", "Exceptions", false);
    if has_travel {
        entry(out, "pack-travel", "Direction of travel", false);
    }
    entry(out, "pack-detail", "Key activities in detail", true);
    if !themes.is_empty() {
        out.push_str("<ol>");
        for (id, title) in themes {
            entry(out, id, title, false);
        }
        out.push_str("</ol>");
    }
    out.push_str("</li></ol></nav>");
}

/// The choice a very large pack waits for: all of it (about 0.75 ms an
/// activity), or an extract.
pub fn large_pack_choice(count: usize) -> String {
    let seconds = (count * 3).div_ceil(4000).max(1);
    format!("<div class=\"notice pack-choice\" role=\"group\" aria-labelledby=\"pack-choice-heading\"><h3 id=\"pack-choice-heading\">A very large pack</h3><p>This pack holds {} key activities, well over a thousand printed pages. Preparing all of it takes about {seconds} seconds on a computer like this one; the page stays usable meanwhile. An extract (one portfolio, theme or lead officer, or only the exceptions) is usually what a committee needs.</p><button type=\"button\" class=\"button\" data-action=\"prepare-full\">Prepare the full pack</button> <button type=\"button\" class=\"button button-secondary\" data-action=\"exceptions-only\">Exceptions only</button> <a href=\"#/register\">Choose an extract on the Register view</a></div>", thousands(count))
}

/// The toolbar's line for an extract: what it holds and how to get the full
/// pack (nothing for the full pack).
pub fn extract_hint(extract: &[String]) -> String {
    if extract.is_empty() {
        return String::new();
    }
    format!("<p class=\"hint\">This pack is an extract ({}). <a href=\"#/register\">Clear the filters on the Register view</a> for the full pack.</p>", escape(&extract.join("; ")))
}

/// The whole pack but its long parts' rows: cover, contents and status key,
/// headline summary, then exceptions, direction of travel (with a comparison)
/// and the detail, each with its sentences and the empty holder its rows go in
/// (`pack-exceptions-rows`, `pack-travel-rows`, `pack-detail-rows`). A part that
/// is only a sentence flows on in the orientation of the part before it (a
/// change of orientation would start a page).
pub fn article(p: &PackParts) -> String {
    let r = p.register;
    let mut out =
        String::from("<header class=\"pack-cover pack-part\" data-orientation=\"portrait\">");
    out.push_str(&cover(r, p.extract));
    out.push_str("</header><div class=\"pack-part pack-front\" data-orientation=\"portrait\">");
    contents(&mut out, p.travel.is_some(), p.themes);
    out.push_str("<section aria-labelledby=\"pack-key\"><h2 id=\"pack-key\" tabindex=\"-1\">How to read this report</h2><p class=\"keep-with-next\">Each key activity has a status, shown as a word with a symbol so that it reads in black and white and for colour-blind readers.</p><table class=\"figures-table key-table\"><caption>Status key</caption><thead><tr><th scope=\"col\" class=\"col-key-status\">Symbol and status</th><th scope=\"col\">What it means</th></tr></thead><tbody>");
    out.push_str(&status_key_rows(&r.statuses));
    out.push_str("</tbody></table></section></div><section class=\"pack-part\" data-orientation=\"portrait\" aria-labelledby=\"pack-summary\">");
    out.push_str(&headline_summary(p.summary, r));
    out.push_str("</section>");

    // Exceptions: one sentence, the only content when there are none.
    let n = p.summary.exceptions.len();
    let labels: Vec<&str> = r
        .statuses
        .iter()
        .filter(|s| s.exception)
        .map(|s| s.label.as_str())
        .collect();
    let which = if labels.is_empty() {
        "an exception".to_owned()
    } else {
        escape(&labels.join(" or "))
    };
    let exceptions_orientation = flowing_after(n == 0, "portrait");
    part_open(
        &mut out,
        "pack-exceptions",
        exceptions_orientation,
        n == 0,
        "Exceptions",
    );
    if n == 0 {
        out.push_str(&format!(
            "<p class=\"pack-empty\">No key activity in this pack is {which}.</p>"
        ));
    } else {
        out.push_str(&format!(
            "<p class=\"keep-with-next\">{} key {} {which}; each with its progress and next steps (corrective action).</p>",
            thousands(n),
            if n == 1 { "activity is" } else { "activities are" }
        ));
    }
    part_close(&mut out, "pack-exceptions-rows");

    // Direction of travel, with a comparison.
    let mut before = exceptions_orientation;
    if let Some((against, travel)) = p.travel {
        let none_moved = travel.iter().all(|t| t.movement == Movement::Unchanged);
        let orientation = flowing_after(none_moved, exceptions_orientation);
        before = orientation;
        part_open(
            &mut out,
            "pack-travel",
            orientation,
            none_moved,
            "Direction of travel",
        );
        out.push_str(if none_moved {
            "<p class=\"\">"
        } else {
            "<p class=\"keep-with-next\">"
        });
        out.push_str("Since ");
        escape_into(&mut out, against);
        out.push_str(": ");
        escape_into(&mut out, &movement_sentence(travel));
        out.push_str("</p>");
        if none_moved {
            out.push_str("<p class=\"pack-empty\">No key activity moved since ");
            escape_into(&mut out, against);
            out.push_str(".</p>");
        }
        part_close(&mut out, "pack-travel-rows");
    }

    // The detail.
    let no_detail = p.detail == 0;
    part_open(
        &mut out,
        "pack-detail",
        flowing_after(no_detail, before),
        no_detail,
        "Key activities in detail",
    );
    if p.choosing {
        out.push_str(&large_pack_choice(p.detail));
    }
    if no_detail {
        out.push_str("<p class=\"pack-empty\">No key activity matches the filters, so there is nothing to show in detail.</p>");
    }
    part_close(&mut out, "pack-detail-rows");
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
    fn the_toolbar_waits_to_print_and_a_word_problem_is_an_escaped_alert() {
        // Print and Export web page start disabled (the pack is not ready); the
        // Word button does not.
        assert!(TOOLBAR.contains("data-action=\"print\" id=\"pack-print\" disabled>Print</button>"));
        assert!(TOOLBAR.contains("id=\"pack-export-web-page\" disabled>Export web page</button>"));
        assert!(TOOLBAR.contains("id=\"pack-export-word\">Export Word document</button>"));
        // Each message line is a live region from the start.
        for id in ["pack-word-status", "pack-progress", "pack-notice"] {
            assert!(
                TOOLBAR.contains(&format!("role=\"status\" id=\"{id}\"")),
                "{id}"
            );
        }
        assert_eq!(
            word_problem("it <stopped> & \"failed\""),
            "<p class=\"notice notice-problem\" role=\"alert\" id=\"pack-word-problem\">it &lt;stopped&gt; &amp; &quot;failed&quot;</p>"
        );
    }

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

    fn parts_of<'a>(
        r: &'a Register,
        s: &'a Summary,
        themes: &'a [(String, String)],
        travel: Option<(&'a str, &'a [Travel])>,
    ) -> PackParts<'a> {
        PackParts {
            register: r,
            extract: &[],
            summary: s,
            themes,
            travel,
            detail: 37,
            choosing: false,
        }
    }

    #[test]
    fn the_article_holds_every_part_with_its_heading_and_an_empty_holder() {
        let r = sample_register().unwrap();
        let index = crate::query::RegisterIndex::build(&r);
        let all: Vec<u32> = (0..37).collect();
        let s = crate::summary::summarise(&r, &index, &all);
        let themes = vec![("pack-theme-1".to_owned(), "Town & <Gown>".to_owned())];
        let html = article(&parts_of(&r, &s, &themes, None));
        assert!(html.starts_with("<header class=\"pack-cover pack-part\" data-orientation=\"portrait\"><p class=\"cover-organisation\">"));
        // The contents: a link and a page span per part, the themes under the detail.
        assert!(html.contains("<li><a class=\"toc-entry\" href=\"#pack-key\">How to read this report</a><span class=\"visually-hidden\">, page</span><span class=\"toc-page\" data-contents-for=\"pack-key\"></span></li>"));
        assert!(html.contains("<li class=\"has-sub\"><a class=\"toc-entry\" href=\"#pack-detail\">Key activities in detail</a><span class=\"visually-hidden\">, page</span><span class=\"toc-page\" data-contents-for=\"pack-detail\"></span><ol><li><a class=\"toc-entry\" href=\"#pack-theme-1\">Town &amp; &lt;Gown&gt;</a>"));
        assert!(!html.contains("#pack-travel") && !html.contains("pack-travel-rows"));
        assert!(html.contains("<caption>Status key</caption>"));
        assert!(html.contains("<h2 id=\"pack-summary\" tabindex=\"-1\">Headline summary</h2>"));
        assert!(html.contains("<section class=\"pack-part\" data-orientation=\"landscape\" aria-labelledby=\"pack-exceptions\"><h2 id=\"pack-exceptions\" tabindex=\"-1\">Exceptions</h2><p class=\"keep-with-next\">2 key activities are Amber or Red; each with its progress and next steps (corrective action).</p><div class=\"pack-chunks\" id=\"pack-exceptions-rows\"></div></section>"));
        assert!(html.ends_with("<section class=\"pack-part\" data-orientation=\"landscape\" aria-labelledby=\"pack-detail\"><h2 id=\"pack-detail\" tabindex=\"-1\">Key activities in detail</h2><div class=\"pack-chunks\" id=\"pack-detail-rows\"></div></section>"));
        assert!(!html.contains("style="));
    }

    #[test]
    fn a_part_that_is_one_sentence_flows_on_in_the_orientation_before_it() {
        let r = sample_register().unwrap();
        let index = crate::query::RegisterIndex::build(&r);
        let s = crate::summary::summarise(&r, &index, &[]);
        let same = crate::compare::direction_of_travel(&r, &r);
        let mut p = parts_of(&r, &s, &[], Some(("2019/20 Quarter 4", &same)));
        p.detail = 0;
        let html = article(&p);
        assert!(html.contains("<section class=\"pack-part\" data-orientation=\"portrait\" data-flow=\"\" aria-labelledby=\"pack-exceptions\"><h2 id=\"pack-exceptions\" tabindex=\"-1\">Exceptions</h2><p class=\"pack-empty\">No key activity in this pack is Amber or Red.</p>"));
        assert!(html.contains("<section class=\"pack-part\" data-orientation=\"portrait\" data-flow=\"\" aria-labelledby=\"pack-travel\"><h2 id=\"pack-travel\" tabindex=\"-1\">Direction of travel</h2><p class=\"\">Since 2019/20 Quarter 4: 0 improved, 0 declined, 37 unchanged, 0 new, 0 no longer reported.</p><p class=\"pack-empty\">No key activity moved since 2019/20 Quarter 4.</p><div class=\"pack-chunks\" id=\"pack-travel-rows\"></div>"));
        assert!(html.contains("<section class=\"pack-part\" data-orientation=\"portrait\" data-flow=\"\" aria-labelledby=\"pack-detail\"><h2 id=\"pack-detail\" tabindex=\"-1\">Key activities in detail</h2><p class=\"pack-empty\">No key activity matches the filters"));
        assert!(
            html.contains("<a class=\"toc-entry\" href=\"#pack-travel\">Direction of travel</a>")
        );
        // With movements, travel is landscape and the detail follows it.
        let mut previous = r.clone();
        previous.themes[0].objectives[0].activities[0].status = "amber".into();
        let moved = crate::compare::direction_of_travel(&previous, &r);
        let html = article(&parts_of(&r, &s, &[], Some(("Q4 <old>", &moved))));
        assert!(html.contains("data-orientation=\"landscape\" aria-labelledby=\"pack-travel\"><h2 id=\"pack-travel\" tabindex=\"-1\">Direction of travel</h2><p class=\"keep-with-next\">Since Q4 &lt;old&gt;: 1 improved,"));
        assert!(html.contains("data-orientation=\"landscape\" aria-labelledby=\"pack-detail\">"));
    }

    #[test]
    fn a_very_large_pack_offers_its_choice_and_an_extract_says_so() {
        let r = sample_register().unwrap();
        let s = Summary::default();
        let mut p = parts_of(&r, &s, &[], None);
        p.detail = 10_000;
        p.choosing = true;
        let html = article(&p);
        assert!(html.contains("<div class=\"notice pack-choice\" role=\"group\" aria-labelledby=\"pack-choice-heading\"><h3 id=\"pack-choice-heading\">A very large pack</h3><p>This pack holds 10,000 key activities, well over a thousand printed pages. Preparing all of it takes about 8 seconds"));
        assert!(html.contains("<button type=\"button\" class=\"button\" data-action=\"prepare-full\">Prepare the full pack</button> <button type=\"button\" class=\"button button-secondary\" data-action=\"exceptions-only\">Exceptions only</button> <a href=\"#/register\">Choose an extract on the Register view</a></div><div class=\"pack-chunks\" id=\"pack-detail-rows\">"));
        assert!(large_pack_choice(2_501).contains("about 2 seconds"));
        assert!(large_pack_choice(1).contains("about 1 seconds"));
        assert_eq!(extract_hint(&[]), "");
        assert_eq!(
            extract_hint(&["Portfolio = <Finance>".into()]),
            "<p class=\"hint\">This pack is an extract (Portfolio = &lt;Finance&gt;). <a href=\"#/register\">Clear the filters on the Register view</a> for the full pack.</p>"
        );
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
