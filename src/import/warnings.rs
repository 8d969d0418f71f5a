//! Things about an incoming register worth a look, but no reason to refuse it.

use crate::register::Register;

/// The warnings for importing `incoming` in place of `current`.
pub fn of(incoming: &Register, current: Option<&Register>) -> Vec<String> {
    let mut warnings = Vec::new();
    if let Some(current) = current {
        if incoming.period < current.period {
            warnings.push(format!(
                "The file is for {}, earlier than your register's {}.",
                incoming.period, current.period
            ));
        }
        if incoming.organisation != current.organisation && !current.organisation.is_empty() {
            warnings.push(format!(
                "The file is {}\u{2019}s register; yours is {}\u{2019}s.",
                quoted_or_unnamed(&incoming.organisation),
                quoted_or_unnamed(&current.organisation)
            ));
        }
    }
    for placed in incoming.activities() {
        let objective_number = trailing_number(&placed.objective.id);
        let activity_number = placed
            .activity
            .id
            .split('.')
            .nth(1)
            .and_then(|n| n.parse::<u32>().ok());
        if let (Some(o), Some(a)) = (objective_number, activity_number) {
            if o != a {
                warnings.push(format!(
                    "{} is under {}, but its number suggests CO {a}. It was kept where the file puts it: councils number differently.",
                    placed.activity.id, placed.objective.id
                ));
            }
        }
    }
    warnings
}

fn quoted_or_unnamed(name: &str) -> String {
    if name.trim().is_empty() {
        "an unnamed organisation".to_owned()
    } else {
        name.to_owned()
    }
}

/// 2 for "CO 2", "CO.02" or "Objective 2".
fn trailing_number(id: &str) -> Option<u32> {
    let digits: String = id
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}
