//! Listing every structural problem in a register's JSON (wrong types, missing or
//! unknown fields), not only the first: each status, theme, objective and activity
//! is read on its own so one bad activity does not hide another.

use super::error::Problem;
use crate::period::Period;
use crate::register::KeyActivity;
use crate::status::Status;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

/// The most problems listed; past it the list says how many more there are.
const MAX_LISTED: usize = 50;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read only to find problems
struct RegisterShell {
    organisation: String,
    title: String,
    period: Period,
    #[serde(default)]
    meeting: String,
    #[serde(default)]
    meeting_date: String,
    #[serde(default)]
    author: String,
    statuses: Vec<Value>,
    themes: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeShell {
    #[allow(dead_code)]
    title: String,
    objectives: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ObjectiveShell {
    #[allow(dead_code)]
    id: String,
    #[allow(dead_code)]
    title: String,
    activities: Vec<Value>,
}

/// Reads `value` as a `T`, recording a problem at `path` if it cannot be.
fn check<T: DeserializeOwned>(value: &Value, path: &str, found: &mut Vec<Problem>) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Some(v),
        Err(err) => {
            let inner = err.path().to_string();
            let full = match (path, inner.as_str()) {
                (p, ".") | (p, "") => p.to_owned(),
                ("", i) => i.to_owned(),
                (p, i) => format!("{p}.{i}"),
            };
            found.push(Problem::from_serde(&full, err.inner()));
            None
        }
    }
}

/// Every structural problem in the `register` value, in document order.
pub fn problems(body: &Value) -> Vec<Problem> {
    let mut found = Vec::new();
    let Some(shell) = check::<RegisterShell>(body, "", &mut found) else {
        // The shell failed: still look inside the parts that are there.
        if let Value::Object(map) = body {
            if let Some(Value::Array(statuses)) = map.get("statuses") {
                statuses_problems(statuses, &mut found);
            }
            if let Some(Value::Array(themes)) = map.get("themes") {
                themes_problems(themes, &mut found);
            }
        }
        return capped(found);
    };
    statuses_problems(&shell.statuses, &mut found);
    themes_problems(&shell.themes, &mut found);
    capped(found)
}

fn statuses_problems(statuses: &[Value], found: &mut Vec<Problem>) {
    for (i, status) in statuses.iter().enumerate() {
        check::<Status>(status, &format!("statuses[{i}]"), found);
    }
}

fn themes_problems(themes: &[Value], found: &mut Vec<Problem>) {
    for (t, theme) in themes.iter().enumerate() {
        let Some(theme) = check::<ThemeShell>(theme, &format!("themes[{t}]"), found) else {
            continue;
        };
        for (o, objective) in theme.objectives.iter().enumerate() {
            let path = format!("themes[{t}].objectives[{o}]");
            let Some(objective) = check::<ObjectiveShell>(objective, &path, found) else {
                continue;
            };
            for (a, activity) in objective.activities.iter().enumerate() {
                let before = found.len();
                check::<KeyActivity>(activity, &format!("{path}.activities[{a}]"), found);
                // Name the activity too, so the officer can find it in the report.
                if let (Some(problem), Some(Value::String(id))) =
                    (found.get_mut(before), activity.get("id"))
                {
                    problem.message = format!(
                        "In key activity {}: {}",
                        crate::format::truncate(id, 40),
                        problem.message
                    );
                }
            }
        }
    }
}

fn capped(mut found: Vec<Problem>) -> Vec<Problem> {
    if found.len() > MAX_LISTED {
        let more = found.len() - MAX_LISTED;
        found.truncate(MAX_LISTED);
        found.push(Problem {
            path: "register".into(),
            message: format!("… and {more} more problems of the same kinds."),
        });
    }
    found
}
