use super::*;
use crate::sample::sample_register;

fn index() -> RegisterIndex {
    RegisterIndex::build(&sample_register().unwrap())
}

fn ids(index: &RegisterIndex, matches: &[u32]) -> Vec<String> {
    matches
        .iter()
        .map(|i| index.activity_ids[*i as usize].clone())
        .collect()
}

fn filters(f: impl FnOnce(&mut Filters)) -> Filters {
    let mut filters = Filters::default();
    f(&mut filters);
    filters
}

#[test]
fn no_filters_match_everything_in_report_order() {
    let index = index();
    let result = index.run(&Filters::default());
    assert_eq!(result.matches.len(), 37);
    assert_eq!(result.total, 37);
    assert_eq!(ids(&index, &result.matches[..2]), ["KA.01.01", "KA.01.02"]);
}

#[test]
fn status_amber_is_exactly_the_two_exceptions() {
    let index = index();
    let result = index.run(&filters(|f| {
        f.statuses.insert("amber".into());
    }));
    assert_eq!(ids(&index, &result.matches), ["KA.06.01", "KA.07.02"]);
}

#[test]
fn several_statuses_are_alternatives() {
    let index = index();
    let result = index.run(&filters(|f| {
        f.statuses
            .extend(["amber".to_owned(), "complete".to_owned()]);
    }));
    assert_eq!(
        ids(&index, &result.matches),
        ["KA.06.01", "KA.07.02", "KA.11.04"]
    );
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let index = index();
    let air = index.run(&filters(|f| f.search = "AIR Quality".into()));
    assert_eq!(ids(&index, &air.matches), ["KA.01.04"]);
    let accented = index.run(&filters(|f| f.search = "ÄIR QUÁLITY".into()));
    assert_eq!(accented.matches, air.matches);
    let by_id = index.run(&filters(|f| f.search = "ka.09.0".into()));
    assert_eq!(by_id.matches.len(), 3);
    let none = index.run(&filters(|f| f.search = "air zebra".into()));
    assert!(none.matches.is_empty());
}

#[test]
fn search_covers_progress_and_next_steps_but_not_across_fields() {
    let index = index();
    // "£247,665" is in KA.05.02's progress; "Classic Car Show" in KA.01.05's next steps.
    assert_eq!(
        ids(
            &index,
            &index
                .run(&filters(|f| f.search = "£247,665".into()))
                .matches
        ),
        ["KA.05.02"]
    );
    assert!(ids(
        &index,
        &index
            .run(&filters(|f| f.search = "classic car show".into()))
            .matches
    )
    .contains(&"KA.01.05".to_owned()));
}

#[test]
fn finance_and_green_combine() {
    let index = index();
    let result = index.run(&filters(|f| {
        f.portfolio = Some("Finance".into());
        f.statuses.insert("green".into());
    }));
    assert_eq!(
        ids(&index, &result.matches),
        [
            "KA.01.05", "KA.02.02", "KA.02.03", "KA.03.02", "KA.04.01", "KA.09.03", "KA.10.01",
            "KA.10.02"
        ]
    );
}

#[test]
fn counts_per_option_ignore_their_own_filter_but_honour_the_others() {
    let index = index();
    let result = index.run(&filters(|f| {
        f.portfolio = Some("Finance".into());
        f.statuses.insert("green".into());
    }));
    let status = |id: &str| {
        result.counts.statuses[index.statuses.iter().position(|(s, _)| s == id).unwrap()]
    };
    // Within Finance: 8 Green and nothing else.
    assert_eq!((status("green"), status("amber")), (8, 0));
    let portfolio = |name: &str| {
        result.counts.portfolios[index.portfolios.iter().position(|p| p == name).unwrap()]
    };
    // Among Green activities: per portfolio.
    assert_eq!(portfolio("Finance"), 8);
    assert_eq!(portfolio("Regulatory"), 4);
    assert_eq!(result.counts.portfolios.iter().sum::<usize>(), 32);
}

#[test]
fn theme_objective_and_lead_filters() {
    let index = index();
    let people = index.run(&filters(|f| {
        f.theme = Some("THE PEOPLE: a healthy, inclusive and engaged community".into())
    }));
    assert_eq!(people.matches.len(), 11);
    let co9 = index.run(&filters(|f| f.objective = Some("CO 9".into())));
    assert_eq!(
        ids(&index, &co9.matches),
        ["KA.09.01", "KA.09.02", "KA.09.03"]
    );
    let no_lead = index.run(&filters(|f| f.lead_officer = Some(String::new())));
    assert_eq!(ids(&index, &no_lead.matches), ["KA.11.03"]);
    assert_eq!(index.leads[0], "", "not recorded sorts first");
}

#[test]
fn values_the_register_does_not_have_are_ignored() {
    let index = index();
    let result = index.run(&filters(|f| {
        f.statuses.insert("purple".into());
        f.portfolio = Some("Nowhere".into());
        f.objective = Some("CO 99".into());
    }));
    assert_eq!(result.matches.len(), 37);
}

#[test]
fn sorting_by_status_uses_rank_and_keeps_report_order_for_ties() {
    let index = index();
    let all = index.run(&Filters::default()).matches;
    let by_status = index.sorted(
        &all,
        Sort {
            key: SortKey::Status,
            descending: false,
        },
    );
    assert_eq!(
        ids(&index, &by_status[..4]),
        ["KA.01.07", "KA.06.02", "KA.06.01", "KA.07.02"]
    );
    let best_first = index.sorted(
        &all,
        Sort {
            key: SortKey::Status,
            descending: true,
        },
    );
    assert_eq!(ids(&index, &best_first[..2]), ["KA.11.04", "KA.01.01"]);
    let by_id_desc = index.sorted(
        &all,
        Sort {
            key: SortKey::Id,
            descending: true,
        },
    );
    assert_eq!(ids(&index, &by_id_desc[..1]), ["KA.11.05"]);
    let by_lead = index.sorted(
        &all,
        Sort {
            key: SortKey::LeadOfficer,
            descending: false,
        },
    );
    assert_eq!(ids(&index, &by_lead[..2]), ["KA.11.03", "KA.01.02"]);
}

#[test]
fn the_searcher_gives_the_same_answers_as_a_fresh_query_while_typing() {
    let index = index();
    let mut searcher = Searcher::default();
    for typed in [
        "a",
        "ai",
        "air",
        "air ",
        "air q",
        "air qu",
        "air",
        "plan",
        "pla",
        "p",
        "",
        "local plan",
    ] {
        let f = filters(|f| f.search = typed.into());
        assert_eq!(
            searcher.run(&index, &f),
            index.run(&f),
            "after typing {typed:?}"
        );
    }
}

#[test]
fn a_lengthened_term_found_later_in_the_text_still_matches() {
    // "co" first occurs early in most activities; "council" further on. The
    // searcher looks for "council" from where "co" was found, never before it.
    let index = index();
    let mut searcher = Searcher::default();
    let mut typed = String::new();
    for letter in "council".chars() {
        typed.push(letter);
        let f = filters(|f| f.search = typed.clone());
        assert_eq!(searcher.run(&index, &f), index.run(&f), "after {typed:?}");
    }
    let council = index.run(&filters(|f| f.search = "council".into()));
    assert!(council.matches.len() > 1, "the sample mentions the council");
}

// proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod typing {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is typed, deleted or replaced, and with other filters set, the
        /// searcher answers as a fresh query would.
        #[test]
        fn the_searcher_always_agrees_with_a_fresh_query(
            words in proptest::collection::vec("[acdeilnopqrstu ]{0,9}", 1..6),
            amber in any::<bool>(),
        ) {
            let index = index();
            let mut searcher = Searcher::default();
            for word in &words {
                for end in 0..=word.len() {
                    let f = filters(|f| {
                        f.search = word[..end].to_owned();
                        if amber {
                            f.statuses.insert("amber".into());
                        }
                    });
                    prop_assert_eq!(searcher.run(&index, &f), index.run(&f), "after {:?}", &word[..end]);
                }
            }
        }
    }
}

#[test]
fn search_finds_lead_officers_and_portfolios() {
    let index = index();
    // Lead officer "V.Wenham" appears in no title, progress or next step.
    let register = sample_register().unwrap();
    let led: Vec<String> = register
        .activities()
        .filter(|p| p.activity.lead_officer.contains("Wenham"))
        .map(|p| p.activity.id.clone())
        .collect();
    let wenham = index.run(&filters(|f| f.search = "wenham".into()));
    assert!(!led.is_empty());
    assert_eq!(ids(&index, &wenham.matches), led);
    // A portfolio's name, with another word from the activity's own text.
    let finance = index.run(&filters(|f| f.search = "finance".into()));
    let by_filter = index.run(&filters(|f| f.portfolio = Some("Finance".into())));
    assert!(by_filter
        .matches
        .iter()
        .all(|m| finance.matches.contains(m)));
    // Fields are still apart: the lead officer's last letters and the
    // portfolio's first do not make one term.
    let first = index.activity(&register, wenham.matches[0]).unwrap();
    let across = format!("ham{}", &first.portfolio[..3]).to_lowercase();
    let found = index.run(&filters(|f| f.search = across.clone()));
    assert!(!found.matches.contains(&wenham.matches[0]), "{across}");
}
