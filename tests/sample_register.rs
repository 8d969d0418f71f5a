//! The sample register in `public/` is the real Q1 2019/20 report, faithfully.
//!
//! It must equal what the report-text parser reads from the source text, and the
//! source's counts and a sample of its fields are checked here by hand.
//! `UPDATE_SAMPLE=1 cargo test --test sample_register` rewrites the file from the source.
#![cfg(not(target_arch = "wasm32"))]

use activity_register::format;
use activity_register::register::Register;
use activity_register::report_text::{self, NoteKind};
use activity_register::sample::{sample_register, sample_template};

const SOURCE: &str = include_str!("data/corporate-plan-key-activities-2019-20-q1.txt");
const SAMPLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/sample-register.json");

fn sample() -> Register {
    sample_register().expect("the shipped sample decodes")
}

#[test]
fn the_sample_file_is_what_the_report_text_parses_to() {
    let parsed = report_text::parse(SOURCE, &sample_template());
    if std::env::var_os("UPDATE_SAMPLE").is_some() {
        std::fs::write(SAMPLE_PATH, format::encode(&parsed.register)).unwrap();
    }
    let on_disk = std::fs::read_to_string(SAMPLE_PATH).unwrap();
    assert_eq!(
        on_disk,
        format::encode(&parsed.register),
        "run with UPDATE_SAMPLE=1 to refresh"
    );
    let not_placed: Vec<_> = parsed
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::NotPlaced)
        .collect();
    assert!(not_placed.is_empty(), "{not_placed:?}");
}

#[test]
fn three_themes_eleven_objectives_thirty_seven_activities() {
    let register = sample();
    let themes: Vec<_> = register.themes.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        themes,
        [
            "THE PLACE: an enterprising, vibrant place",
            "THE PEOPLE: a healthy, inclusive and engaged community",
            "YOUR COUNCIL: innovative, proactive and efficient",
        ]
    );
    let objectives: Vec<_> = register
        .themes
        .iter()
        .flat_map(|t| &t.objectives)
        .map(|o| format!("{}: {} ({})", o.id, o.title, o.activities.len()))
        .collect();
    assert_eq!(
        objectives,
        [
            "CO 1: Keeping the District a great place to live (8)",
            "CO 2: Wider employment choice (3)",
            "CO 3: Quality Homes for all (4)",
            "CO 4: Improving Tourism for the District (1)",
            "CO 5: Infrastructure-led Development (3)",
            "CO 6: More-accessible services available 24/7 (3)",
            "CO 7: Increased participation in physical activity (2)",
            "CO 8: Support Vulnerable People (3)",
            "CO 9: Stronger Communities (3)",
            "CO 10: Deliver Financial Stability for the future (2)",
            "CO 11: Effective and robust governance arrangements (5)",
        ]
    );
    assert_eq!(register.activity_count(), 37);
    assert_eq!(register.period.to_string(), "2019/20 Quarter 1");
}

#[test]
fn every_activity_id_of_the_source_is_there_once_in_order() {
    let ids_in_source: Vec<&str> = SOURCE
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|word| word.starts_with("KA."))
        .collect();
    let register = sample();
    let ids: Vec<&str> = register
        .activities()
        .map(|p| p.activity.id.as_str())
        .collect();
    assert_eq!(ids, ids_in_source);
}

#[test]
fn status_counts_match_the_report() {
    let register = sample();
    let counts: Vec<(&str, usize)> = register
        .count_by_status()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(
        counts,
        [
            ("complete", 1),
            ("green", 32),
            ("amber", 2),
            ("start-later", 2)
        ]
    );
    let amber: Vec<_> = register
        .activities()
        .filter(|p| p.activity.status == "amber")
        .map(|p| p.activity.id.as_str())
        .collect();
    assert_eq!(amber, ["KA.06.01", "KA.07.02"]);
}

#[test]
fn titles_are_exact_with_run_ons_joined_and_broken_words_mended() {
    let register = sample();
    let title = |id: &str| register.find_activity(id).unwrap().activity.title.clone();
    assert_eq!(
        title("KA.01.04"),
        "Provide effective local air quality management"
    );
    assert_eq!(title("KA.09.01"), "Liaise with parishes to understand local need and enable them to provide services in their locality");
    assert_eq!(
        title("KA.01.07"),
        "Prepare for re-procurement of the Environmental Services Contract"
    );
    assert_eq!(
        title("KA.03.04"),
        "To bring long-term empty properties back in to use"
    );
}

#[test]
fn leads_and_portfolios_are_kept_and_never_invented() {
    let register = sample();
    let lead = |id: &str| {
        let a = register.find_activity(id).unwrap().activity;
        (a.lead_officer.clone(), a.portfolio.clone())
    };
    assert_eq!(lead("KA.11.03"), (String::new(), String::new()));
    assert_eq!(lead("KA.01.01"), ("D. Atkinson".into(), "Strategy".into()));
    assert_eq!(lead("KA.04.01"), ("D. Atkinson".into(), "Finance".into()));
    assert_eq!(lead("KA.11.04"), ("B. Jolly".into(), "Corporate".into()));
    assert_eq!(
        lead("KA.06.01"),
        ("R. Szadziewski".into(), "Corporate".into())
    );
}

#[test]
fn points_are_split_where_the_source_marks_them() {
    let register = sample();
    let activity = |id: &str| register.find_activity(id).unwrap().activity.clone();
    let ka0401 = activity("KA.04.01");
    assert_eq!(ka0401.progress.len(), 3);
    assert_eq!(ka0401.next_steps, [
        "Deliver a successful launch event of the guide and website.",
        "Ensure a distribution company is in place to deliver the guide in and out of the District in high footfall areas.",
        "Ensure that the website is kept updated with a focus on the events calendar page.",
    ]);
    assert_eq!(activity("KA.09.01").progress.len(), 5);
    assert_eq!(activity("KA.09.02").next_steps.len(), 4);
    // A run-on paragraph stays one point, and its page-break continuation joins it.
    let ka0105 = activity("KA.01.05");
    assert_eq!(ka0105.progress.len(), 1);
    assert!(ka0105.progress[0].ends_with("attended the day which gave the Council a great opportunity to showcase what the District has to offer."));
    assert!(activity("KA.07.01").progress[0]
        .ends_with("pathways we are continuing to develop this year."));
    assert_eq!(
        activity("KA.01.01").progress,
        ["The Local Plan was adopted by the Council at the end of April 2019."]
    );
}

#[test]
fn no_extraction_noise_survives() {
    let text = format::encode_compact(&sample());
    for noise in [
        "Г",
        "ſ",
        "re- procurement",
        "long- term",
        "Tip- Off",
        "County- wide",
        "wider- ranging",
        "Key Activities in Detail",
        "CO 3 0",
        "Infrastructure-led E ",
        "  ",
    ] {
        assert!(!text.contains(noise), "found {noise:?}");
    }
    assert!(text.contains("£247,665"));
}
