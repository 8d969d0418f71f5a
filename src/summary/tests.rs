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
