use super::*;
use crate::query::Filters;
use crate::sample::sample_register;

fn sample_summary(filters: &Filters) -> (Register, Summary) {
    let register = sample_register().unwrap();
    let index = RegisterIndex::build(&register);
    let matches = index.run(filters).matches;
    let summary = summarise(&register, &index, &matches);
    (register, summary)
}

#[test]
fn the_sample_is_32_green_2_amber_2_later_1_complete() {
    let (register, summary) = sample_summary(&Filters::default());
    assert_eq!(summary.total, 37);
    // complete, green, amber, red, start-later, not-started
    assert_eq!(summary.by_status, [1, 32, 2, 0, 2, 0]);
    assert_eq!(
        sentence(&summary, &register),
        "32 of 37 key activities (86%) are Green, 1 is Complete, 2 are Amber and 2 are Start Later in Year."
    );
}

#[test]
fn percentages_round_half_up_and_survive_zero() {
    assert_eq!(percent(32, 37), 86);
    assert_eq!(percent(1, 8), 13);
    assert_eq!(percent(1, 3), 33);
    assert_eq!(percent(0, 0), 0);
}

#[test]
fn by_portfolio_and_by_lead_officer_including_the_activity_with_no_lead() {
    let (_, summary) = sample_summary(&Filters::default());
    let find =
        |rows: &[GroupRow], name: &str| rows.iter().find(|r| r.name == name).cloned().unwrap();
    let finance = find(&summary.by_portfolio, "Finance");
    assert_eq!((finance.total, finance.counts[1]), (8, 8));
    let corporate = find(&summary.by_portfolio, "Corporate");
    assert_eq!(corporate.total, 5);
    assert_eq!(corporate.counts, [1, 2, 1, 0, 1, 0]);
    let not_recorded = find(&summary.by_lead, "Not recorded");
    assert_eq!((not_recorded.total, not_recorded.counts[1]), (1, 1));
    assert_eq!(find(&summary.by_portfolio, "Not recorded").total, 1);
    let szadziewski = find(&summary.by_lead, "R. Szadziewski");
    assert_eq!(szadziewski.counts, [0, 4, 2, 0, 2, 0]);
    assert_eq!(summary.by_lead.iter().map(|r| r.total).sum::<usize>(), 37);
}

#[test]
fn by_theme_and_objective_follow_the_report() {
    let (_, summary) = sample_summary(&Filters::default());
    let themes: Vec<usize> = summary.by_theme.iter().map(|r| r.total).collect();
    assert_eq!(themes, [19, 11, 7]);
    assert_eq!(summary.by_objective.len(), 11);
    assert_eq!(
        summary.by_objective[5].name,
        "CO 6: More-accessible services available 24/7"
    );
    assert_eq!(summary.by_objective[5].counts, [0, 1, 1, 0, 1, 0]);
}

#[test]
fn exceptions_are_the_amber_activities_by_default() {
    let (register, summary) = sample_summary(&Filters::default());
    let index = RegisterIndex::build(&register);
    let ids: Vec<&str> = summary
        .exceptions
        .iter()
        .map(|i| index.activity_ids[*i as usize].as_str())
        .collect();
    assert_eq!(ids, ["KA.06.01", "KA.07.02"]);
}

#[test]
fn the_summary_follows_the_filters() {
    let filters = Filters {
        portfolio: Some("Corporate".into()),
        ..Filters::default()
    };
    let (register, summary) = sample_summary(&filters);
    assert_eq!(summary.total, 5);
    assert_eq!(summary.register_total, 37);
    assert_eq!(summary.by_portfolio.len(), 1);
    assert_eq!(
        sentence(&summary, &register),
        "2 of 5 key activities (40%) are Green, 1 is Complete, 1 is Amber and 1 is Start Later in Year."
    );
}

#[test]
fn any_status_set_works_labels_ranks_and_exception_flags_included() {
    let mut register = sample_register().unwrap();
    // A BRAG council: Blue for complete, and "Start Later in Year" counted as an exception.
    let complete = &mut register.statuses.0[0];
    complete.label = "Blue".into();
    complete.colour = "#005ea5".into();
    register.statuses.0[4].exception = true;
    register.statuses.0[2].exception = false;
    let index = RegisterIndex::build(&register);
    let all = index.run(&Filters::default()).matches;
    let summary = summarise(&register, &index, &all);
    let ids: Vec<&str> = summary
        .exceptions
        .iter()
        .map(|i| index.activity_ids[*i as usize].as_str())
        .collect();
    assert_eq!(ids, ["KA.01.07", "KA.06.02"]);
    assert!(sentence(&summary, &register).contains("1 is Blue"));
}

#[test]
fn an_empty_selection_says_so() {
    let filters = Filters {
        search: "zebra crossing".into(),
        ..Filters::default()
    };
    let (register, summary) = sample_summary(&filters);
    assert_eq!(summary.total, 0);
    assert_eq!(sentence(&summary, &register), "No key activities match.");
}

mod as_html {
    use super::*;
    use crate::summary::html::{
        breakdown_table, chunk_ranges, exception_tables, exceptions_chunk, ExceptionsChunk,
    };

    fn all_amber() -> (Register, RegisterIndex, Vec<u32>) {
        let mut register = sample_register().unwrap();
        for t in &mut register.themes {
            for o in &mut t.objectives {
                for a in &mut o.activities {
                    a.status = "amber".into();
                }
            }
        }
        let index = RegisterIndex::build(&register);
        let all = index.run(&Filters::default()).matches;
        let exceptions = summarise(&register, &index, &all).exceptions;
        (register, index, exceptions)
    }

    #[test]
    fn a_breakdown_table_has_a_row_per_group_totals_and_scoped_headers() {
        let (register, summary) = sample_summary(&Filters::default());
        let html = breakdown_table(
            "By portfolio",
            "Portfolio",
            &summary.by_portfolio,
            &register.statuses.0,
        );
        assert!(html.starts_with("<caption>By portfolio</caption><thead><tr><th scope=\"col\">Portfolio</th><th scope=\"col\" class=\"number\"><span aria-hidden=\"true\">★ </span>Complete</th>"));
        assert_eq!(
            html.matches("<th scope=\"row\">").count(),
            summary.by_portfolio.len() + 1
        );
        assert!(html.contains("<tr><th scope=\"row\">Finance</th><td class=\"number\">0</td><td class=\"number\">8</td><td class=\"number\">0</td><td class=\"number\">0</td><td class=\"number\">0</td><td class=\"number\">0</td><td class=\"number\">8</td><td class=\"bar-cell\"><svg class=\"stacked-bar\""));
        // Finance is all Green: one segment the whole width.
        assert!(html.contains("<rect x=\"0\" y=\"0\" width=\"120\" height=\"12\" fill=\"#00703c\""));
        assert!(html.ends_with("<td class=\"number\">37</td><td></td></tr></tfoot>"));
        assert_eq!(
            html.matches("aria-hidden=\"true\" focusable=\"false\"")
                .count(),
            summary.by_portfolio.len()
        );
    }

    #[test]
    fn breakdown_names_are_text() {
        let register = sample_register().unwrap();
        let rows = [GroupRow {
            name: "<b>Finance</b> & Co".into(),
            counts: vec![0, 1, 0, 0, 0, 0],
            total: 1,
        }];
        let html = breakdown_table("By <x>", "P", &rows, &register.statuses.0);
        assert!(html.contains("&lt;b&gt;Finance&lt;/b&gt; &amp; Co"));
        assert!(html.contains("<caption>By &lt;x&gt;</caption>"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn exceptions_are_tables_by_objective_with_status_as_symbol_and_word() {
        let (register, summary) = sample_summary(&Filters::default());
        let index = RegisterIndex::build(&register);
        let html = exception_tables(&register, &index, &summary.exceptions);
        assert_eq!(
            html.matches("<table class=\"register-table exceptions-table\">")
                .count(),
            2
        );
        assert_eq!(html.matches("<tr data-activity-id=").count(), 2);
        assert!(html.contains("<tr data-activity-id=\"KA.06.01\"><th scope=\"row\" class=\"col-activity\"><span class=\"activity-id\">KA.06.01</span> "));
        assert!(html.contains("<span class=\"status-symbol\" aria-hidden=\"true\">▲</span> <span class=\"status-label\">Amber</span>"));
        assert!(html
            .contains("<th scope=\"col\" class=\"col-next\">Next Steps (corrective action)</th>"));
        assert!(html.contains(" \u{2014} CO 6: "));
    }

    #[test]
    fn exception_text_never_becomes_markup() {
        let (mut register, _, _) = all_amber();
        register.themes[0].objectives[0].activities[0].progress = vec!["<script>x</script>".into()];
        register.themes[0].objectives[0].title = "<img src=x>".into();
        let index = RegisterIndex::build(&register);
        let html = exception_tables(&register, &index, &[0]);
        assert!(!html.contains("<script>") && !html.contains("<img"));
        assert!(html.contains("<li>&lt;script&gt;x&lt;/script&gt;</li>"));
    }

    #[test]
    fn chunks_add_up_to_the_whole_and_continue_an_open_table() {
        let (register, index, exceptions) = all_amber();
        assert_eq!(exceptions.len(), 37);
        let whole = exception_tables(&register, &index, &exceptions);
        // CO 1 has 8 activities: a chunk ending after 3 leaves its table open.
        let first = exceptions_chunk(&register, &index, &exceptions, 0..3);
        assert!(first.continued.is_empty());
        let second = exceptions_chunk(&register, &index, &exceptions, 3..37);
        assert_eq!(second.continued.matches("<tr ").count(), 5);
        assert!(!second.continued.contains("<table"));
        // Appending the continued rows inside the open table gives the whole.
        let joined = format!(
            "{}{}</tbody></table>{}",
            first.tables.trim_end_matches("</tbody></table>"),
            second.continued,
            second.tables
        );
        assert_eq!(joined, whole);
        // A chunk starting at an objective's first activity opens a table.
        let at_co2 = exceptions_chunk(&register, &index, &exceptions, 8..9);
        assert!(at_co2.continued.is_empty());
        assert!(at_co2.tables.contains("\u{2014} CO 2: "));
        assert_eq!(
            exceptions_chunk(&register, &index, &exceptions, 37..37),
            ExceptionsChunk::default()
        );
    }

    #[test]
    fn chunk_ranges_cover_what_is_shown_once() {
        assert_eq!(
            chunk_ranges(0, 50, 100),
            Vec::<std::ops::Range<usize>>::new()
        );
        let one = chunk_ranges(30, 50, 100);
        assert_eq!((one.len(), one[0].start, one[0].end), (1, 0, 30));
        assert_eq!(
            chunk_ranges(260, 50, 100),
            [0..50, 50..150, 150..250, 250..260]
        );
    }
}
