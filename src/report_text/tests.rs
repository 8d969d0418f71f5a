use super::*;
use crate::sample::sample_template;

const HEADER: &str = "Key Activities\tStatus\tProgress\tNext Steps\tCMT Lead\tPortfolio";

fn parse_lines(lines: &[&str]) -> ReportParse {
    parse(&lines.join("\n"), &sample_template())
}

#[test]
fn themes_objectives_and_activities_are_placed() {
    let parsed = parse_lines(&[
        "THE PLACE: an enterprising, vibrant place",
        "CO 1: Keeping the District a great place to live",
        HEADER,
        "KA.01.01 Adoption of the Local Plan\tGreen\t- Adopted in April.\t- Implement it.\tD. Atkinson\tStrategy",
    ]);
    let register = &parsed.register;
    assert_eq!(register.themes.len(), 1);
    let objective = &register.themes[0].objectives[0];
    assert_eq!(
        (objective.id.as_str(), objective.title.as_str()),
        ("CO 1", "Keeping the District a great place to live")
    );
    let activity = &objective.activities[0];
    assert_eq!(activity.id, "KA.01.01");
    assert_eq!(activity.status, "green");
    assert_eq!(activity.progress, ["Adopted in April."]);
    assert_eq!(activity.next_steps, ["Implement it."]);
    assert_eq!(
        (activity.lead_officer.as_str(), activity.portfolio.as_str()),
        ("D. Atkinson", "Strategy")
    );
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
}

#[test]
fn continuation_rows_add_points_or_run_on_across_a_repeated_header() {
    let parsed = parse_lines(&[
        "THE PLACE: x",
        "CO 9 Stronger Communities",
        "KA.09.01 Liaise with parishes and enable\tGreen\t- First point\t Next, the day \tA. Lead\tCommunities",
        "them to provide services\t\t- Second point\t- Another step",
        HEADER,
        "\t\twhich runs on.",
        "\t\t\tafter the break",
    ]);
    let activity = &parsed.register.themes[0].objectives[0].activities[0];
    assert_eq!(
        activity.title,
        "Liaise with parishes and enable them to provide services"
    );
    assert_eq!(
        activity.progress,
        ["First point", "Second point which runs on."]
    );
    assert_eq!(
        activity.next_steps,
        ["Next, the day", "Another step after the break"]
    );
}

#[test]
fn extraction_artefacts_in_objective_lines_are_dropped_and_noted() {
    let parsed = parse_lines(&[
        "THE PLACE: x",
        "CO 3 0\tQuality Homes for all\t",
        "Г",
        "CO 5 Infrastructure-led E\tDevelopment",
        "---------------------------\t-------------",
    ]);
    let titles: Vec<_> = parsed.register.themes[0]
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("CO 3", "Quality Homes for all"),
            ("CO 5", "Infrastructure-led Development")
        ]
    );
    assert_eq!(
        parsed
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Guessed)
            .count(),
        3
    );
}

#[test]
fn an_unknown_status_is_added_to_the_set_and_noted() {
    let parsed = parse_lines(&["THE PLACE: x", "CO 1: y", "KA.01.01 T\tPurple Haze\t\t\t\t"]);
    let activity = &parsed.register.themes[0].objectives[0].activities[0];
    assert_eq!(activity.status, "purple-haze");
    let status = parsed.register.statuses.get("purple-haze").unwrap();
    assert_eq!(status.label, "Purple Haze");
    assert!(!status.symbol.is_empty());
    assert!(crate::validate::problems(&parsed.register).is_empty());
    assert!(parsed.notes[0].message.contains("Purple Haze"));
}

#[test]
fn lines_that_fit_nowhere_are_listed_with_their_number() {
    let parsed = parse_lines(&["Some preamble", "KA.01.01 Orphan\tGreen"]);
    assert!(parsed.register.themes.is_empty());
    let lines: Vec<_> = parsed
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::NotPlaced)
        .map(|n| n.line)
        .collect();
    assert_eq!(lines, [1, 2]);
}

#[test]
fn broken_words_are_rejoined_and_noted() {
    let parsed = parse_lines(&[
        "THE PLACE: x",
        "CO 1: y",
        "KA.01.07 Prepare for re- procurement\tGreen",
    ]);
    assert_eq!(
        parsed.register.themes[0].objectives[0].activities[0].title,
        "Prepare for re-procurement"
    );
    assert!(parsed
        .notes
        .iter()
        .any(|n| n.message == "Rejoined \"re- procurement\" as \"re-procurement\"."));
}
