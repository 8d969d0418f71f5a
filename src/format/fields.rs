//! Reading a register's fields from the JSON reader in one pass, with the path of
//! every value, so each wrong type, missing, unknown or repeated field is reported
//! in the officer's words (never a Rust type name) and one bad activity does not
//! hide another: a bad value is recorded and skipped, and reading goes on.

use super::error::Problem;
use super::json::{whole_number, Fatal, Json, Key, Kind};
use super::truncate;
use crate::period::Period;
use crate::register::{AcceptedFields, AppliedReturn, KeyActivity, Objective, Register, Theme};
use crate::status::{Status, StatusSet};

type Step<T> = Result<T, Fatal>;

/// The most characters of a bad value quoted back.
const EXCERPT: usize = 60;

/// What a value should have been, in words.
#[derive(Clone, Copy)]
enum Expected {
    Text,
    Whole,
    Flag,
    List,
    Fields,
}

impl Expected {
    fn words(self) -> &'static str {
        match self {
            Expected::Text => "text in double quotes",
            Expected::Whole => "a whole number",
            Expected::Flag => "true or false",
            Expected::List => "a list in [ ]",
            Expected::Fields => "a group of fields in { }",
        }
    }
}

/// Collects the problems of one file while it is read.
pub(super) struct Reader<'a> {
    text: &'a str,
    pub problems: Vec<Problem>,
}

fn join(path: &str, name: &str) -> String {
    format!("{path}.{name}")
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, path: &str, what: String) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message: format!("At {path}: {what}."),
        });
    }

    /// Reads the value that is not what was expected, and says what it is.
    fn wrong(&mut self, j: &mut Json, path: &str, expected: Expected) -> Step<()> {
        let found = match j.peek()? {
            Kind::Null => {
                j.skip()?;
                "null (no value)".to_owned()
            }
            Kind::Bool => match j.literal()? {
                Some(b) => b.to_string(),
                None => "null (no value)".to_owned(),
            },
            Kind::Number => format!("the number {}", truncate(j.number()?, EXCERPT)),
            Kind::Text => format!(
                "the text \u{201c}{}\u{201d}",
                truncate(&j.string()?, EXCERPT)
            ),
            Kind::List => {
                j.skip()?;
                "a list".to_owned()
            }
            Kind::Object => {
                j.skip()?;
                "a group of fields".to_owned()
            }
        };
        self.problem(
            path,
            format!("this should be {}, but it is {found}", expected.words()),
        );
        Ok(())
    }

    fn text(&mut self, j: &mut Json, path: &str) -> Step<Option<String>> {
        if j.peek()? == Kind::Text {
            return j.string().map(Some);
        }
        self.wrong(j, path, Expected::Text).map(|()| None)
    }

    fn whole(&mut self, j: &mut Json, path: &str) -> Step<Option<i64>> {
        if j.peek()? != Kind::Number {
            return self.wrong(j, path, Expected::Whole).map(|()| None);
        }
        let text = j.number()?;
        let n = whole_number(text);
        if n.is_none() {
            self.problem(
                path,
                format!(
                    "this should be a whole number, but it is {}",
                    truncate(text, EXCERPT)
                ),
            );
        }
        Ok(n)
    }

    fn flag(&mut self, j: &mut Json, path: &str) -> Step<Option<bool>> {
        if j.peek()? == Kind::Bool {
            return j.literal();
        }
        self.wrong(j, path, Expected::Flag).map(|()| None)
    }

    /// A list, each item read by `item`; `None` if it is not a list or an item is bad.
    fn list<T>(
        &mut self,
        j: &mut Json,
        path: &str,
        mut item: impl FnMut(&mut Self, &mut Json, &str) -> Step<Option<T>>,
    ) -> Step<Option<Vec<T>>> {
        let mut out = Some(Vec::new());
        let is_list = self.list_dyn(j, path, &mut |r, j, p| {
            match (item(r, j, p)?, out.as_mut()) {
                (Some(v), Some(list)) => list.push(v),
                _ => out = None,
            }
            Ok(())
        })?;
        Ok(out.filter(|_| is_list))
    }

    // One copy of the list's checks and paths for every kind of item (a smaller wasm).
    fn list_dyn(
        &mut self,
        j: &mut Json,
        path: &str,
        item: &mut dyn FnMut(&mut Self, &mut Json, &str) -> Step<()>,
    ) -> Step<bool> {
        if j.peek()? != Kind::List {
            return self.wrong(j, path, Expected::List).map(|()| false);
        }
        j.list(|j, i| item(self, j, &format!("{path}[{i}]")))?;
        Ok(true)
    }

    fn texts(&mut self, j: &mut Json, path: &str) -> Step<Option<Vec<String>>> {
        self.list(j, path, |r, j, p| r.text(j, p))
    }

    /// An object with the fields `names`, each read by `field` (by its index);
    /// `required` fields must be there. False if it is not an object or a required
    /// field is missing (each problem recorded).
    fn fields(
        &mut self,
        j: &mut Json,
        path: &str,
        names: &[&str],
        required: &[&str],
        mut field: impl FnMut(&mut Self, &mut Json, usize, &str) -> Step<()>,
    ) -> Step<bool> {
        self.fields_dyn(j, path, names, required, &mut field)
    }

    // One copy of the checks for the six kinds of object (a smaller wasm).
    fn fields_dyn(
        &mut self,
        j: &mut Json,
        path: &str,
        names: &[&str],
        required: &[&str],
        field: &mut dyn FnMut(&mut Self, &mut Json, usize, &str) -> Step<()>,
    ) -> Step<bool> {
        if j.peek()? != Kind::Object {
            return self.wrong(j, path, Expected::Fields).map(|()| false);
        }
        let mut seen = vec![false; names.len()];
        j.object(|j, key: Key| {
            let name = truncate(&key.name, EXCERPT);
            let at = join(path, &name);
            if key.repeated {
                let (line, column) = Json::line_column(self.text, key.offset);
                self.problem(&at, format!("the field \u{201c}{name}\u{201d} is given twice (again at line {line}, column {column}); a file may give each field once"));
                return j.skip();
            }
            match names.iter().position(|n| *n == key.name) {
                Some(i) => {
                    seen[i] = true;
                    field(self, j, i, &at)
                }
                None => {
                    self.problem(&at, format!("a register file has no field called \u{201c}{name}\u{201d} here; check its spelling"));
                    j.skip()
                }
            }
        })?;
        let mut complete = true;
        for (i, name) in names.iter().enumerate() {
            if !seen[i] && required.contains(name) {
                self.problem(path, format!("the field \u{201c}{name}\u{201d} is missing"));
                complete = false;
            }
        }
        Ok(complete)
    }

    /// The register object at `path`.
    pub fn register(&mut self, j: &mut Json, path: &str) -> Step<Option<Register>> {
        let before = self.problems.len();
        let (mut organisation, mut title, mut period) = (None, None, None);
        let (mut meeting, mut meeting_date, mut author) = (
            Some(String::new()),
            Some(String::new()),
            Some(String::new()),
        );
        let (mut statuses, mut themes, mut trail) = (None, None, Some(Vec::new()));
        let complete = self.fields(
            j,
            path,
            &[
                "organisation",
                "title",
                "period",
                "meeting",
                "meeting_date",
                "author",
                "statuses",
                "themes",
                "trail",
            ],
            &["organisation", "title", "period", "statuses", "themes"],
            |r, j, i, p| {
                match i {
                    0 => organisation = r.text(j, p)?,
                    1 => title = r.text(j, p)?,
                    2 => period = r.period(j, p)?,
                    3 => meeting = r.text(j, p)?,
                    4 => meeting_date = r.text(j, p)?,
                    5 => author = r.text(j, p)?,
                    6 => statuses = r.list(j, p, |r, j, p| r.status(j, p))?,
                    7 => themes = r.list(j, p, |r, j, p| r.theme(j, p))?,
                    _ => trail = r.list(j, p, |r, j, p| r.applied(j, p))?,
                }
                Ok(())
            },
        )?;
        if !complete || self.problems.len() > before {
            return Ok(None);
        }
        Ok(Some(Register {
            organisation: organisation.unwrap_or_default(),
            title: title.unwrap_or_default(),
            period: match period {
                Some(p) => p,
                None => return Ok(None),
            },
            meeting: meeting.unwrap_or_default(),
            meeting_date: meeting_date.unwrap_or_default(),
            author: author.unwrap_or_default(),
            statuses: StatusSet(statuses.unwrap_or_default()),
            themes: themes.unwrap_or_default(),
            trail: trail.unwrap_or_default(),
        }))
    }

    /// One entry of the trail of applied returns (format 1.1).
    fn applied(&mut self, j: &mut Json, path: &str) -> Step<Option<AppliedReturn>> {
        let mut texts: [Option<String>; 4] = Default::default();
        let mut accepted = None;
        let before = self.problems.len();
        let names = ["lead", "file", "received", "applied", "accepted"];
        let complete = self.fields(j, path, &names, &names, |r, j, i, p| {
            match i {
                0..=3 => texts[i] = r.text(j, p)?,
                _ => accepted = r.list(j, p, |r, j, p| r.accepted(j, p))?,
            }
            Ok(())
        })?;
        if !complete || self.problems.len() > before {
            return Ok(None);
        }
        let [lead, file, received, applied] = texts.map(Option::unwrap_or_default);
        Ok(Some(AppliedReturn {
            lead,
            file,
            received,
            applied,
            accepted: accepted.unwrap_or_default(),
        }))
    }

    fn accepted(&mut self, j: &mut Json, path: &str) -> Step<Option<AcceptedFields>> {
        let (mut activity, mut fields) = (None, None);
        let before = self.problems.len();
        let names = ["activity", "fields"];
        let complete = self.fields(j, path, &names, &names, |r, j, i, p| {
            match i {
                0 => activity = r.text(j, p)?,
                _ => fields = r.texts(j, p)?,
            }
            Ok(())
        })?;
        Ok(
            (complete && self.problems.len() == before).then(|| AcceptedFields {
                activity: activity.unwrap_or_default(),
                fields: fields.unwrap_or_default(),
            }),
        )
    }

    fn period(&mut self, j: &mut Json, path: &str) -> Step<Option<Period>> {
        let (mut year, mut quarter) = (None, None);
        let complete = self.fields(
            j,
            path,
            &["financial_year", "quarter"],
            &["financial_year", "quarter"],
            |r, j, i, p| {
                match i {
                    0 => year = r.text(j, p)?,
                    _ => quarter = r.whole(j, p)?,
                }
                Ok(())
            },
        )?;
        let (Some(year), Some(quarter), true) = (year, quarter, complete) else {
            return Ok(None);
        };
        let period = Period::parse_financial_year(&year)
            .and_then(|start| Period::new(start, u8::try_from(quarter).unwrap_or(0)));
        match period {
            Ok(p) => Ok(Some(p)),
            Err(crate::period::PeriodError::Quarter(_)) => {
                self.problem(
                    path,
                    format!(
                        "the quarter must be 1, 2, 3 or 4, not {}",
                        truncate(&quarter.to_string(), EXCERPT)
                    ),
                );
                Ok(None)
            }
            Err(err) => {
                self.problem(path, err.to_string());
                Ok(None)
            }
        }
    }

    fn status(&mut self, j: &mut Json, path: &str) -> Step<Option<Status>> {
        let mut texts: [Option<String>; 5] = Default::default();
        let (mut rank, mut exception) = (None, None);
        let names = [
            "id",
            "label",
            "colour",
            "symbol",
            "meaning",
            "rank",
            "exception",
        ];
        let before = self.problems.len();
        let complete = self.fields(j, path, &names, &names, |r, j, i, p| {
            match i {
                0..=4 => texts[i] = r.text(j, p)?,
                5 => {
                    rank = r.whole(j, p)?.and_then(|n| match i32::try_from(n) {
                        Ok(n) => Some(n),
                        Err(_) => {
                            r.problem(p, format!("the rank {n} is too far from 0"));
                            None
                        }
                    })
                }
                _ => exception = r.flag(j, p)?,
            }
            Ok(())
        })?;
        if !complete || self.problems.len() > before {
            return Ok(None);
        }
        let [id, label, colour, symbol, meaning] = texts.map(Option::unwrap_or_default);
        Ok(Some(Status {
            id,
            label,
            colour,
            symbol,
            meaning,
            rank: rank.unwrap_or_default(),
            exception: exception.unwrap_or_default(),
        }))
    }

    fn theme(&mut self, j: &mut Json, path: &str) -> Step<Option<Theme>> {
        let (mut title, mut objectives) = (None, None);
        let before = self.problems.len();
        let names = ["title", "objectives"];
        let complete = self.fields(j, path, &names, &names, |r, j, i, p| {
            match i {
                0 => title = r.text(j, p)?,
                _ => objectives = r.list(j, p, |r, j, p| r.objective(j, p))?,
            }
            Ok(())
        })?;
        Ok((complete && self.problems.len() == before).then(|| Theme {
            title: title.unwrap_or_default(),
            objectives: objectives.unwrap_or_default(),
        }))
    }

    fn objective(&mut self, j: &mut Json, path: &str) -> Step<Option<Objective>> {
        let (mut id, mut title, mut activities) = (None, None, None);
        let before = self.problems.len();
        let names = ["id", "title", "activities"];
        let complete = self.fields(j, path, &names, &names, |r, j, i, p| {
            match i {
                0 => id = r.text(j, p)?,
                1 => title = r.text(j, p)?,
                _ => activities = r.list(j, p, |r, j, p| r.activity(j, p))?,
            }
            Ok(())
        })?;
        Ok(
            (complete && self.problems.len() == before).then(|| Objective {
                id: id.unwrap_or_default(),
                title: title.unwrap_or_default(),
                activities: activities.unwrap_or_default(),
            }),
        )
    }

    fn activity(&mut self, j: &mut Json, path: &str) -> Step<Option<KeyActivity>> {
        let mut texts: [Option<String>; 5] = Default::default();
        let (mut progress, mut next_steps) = (None, None);
        let before = self.problems.len();
        let names = [
            "id",
            "title",
            "status",
            "progress",
            "next_steps",
            "lead_officer",
            "portfolio",
        ];
        let complete = self.fields(j, path, &names, &names, |r, j, i, p| {
            match i {
                3 => progress = r.texts(j, p)?,
                4 => next_steps = r.texts(j, p)?,
                0..=2 => texts[i] = r.text(j, p)?,
                _ => texts[i - 2] = r.text(j, p)?,
            }
            Ok(())
        })?;
        if self.problems.len() > before {
            // Name the activity too, so the officer can find it in the report.
            if let Some(id) = &texts[0] {
                let id = truncate(id, EXCERPT);
                for problem in &mut self.problems[before..] {
                    problem.message = format!("In key activity {id}: {}", problem.message);
                }
            }
            return Ok(None);
        }
        if !complete {
            return Ok(None);
        }
        let [id, title, status, lead_officer, portfolio] = texts.map(Option::unwrap_or_default);
        Ok(Some(KeyActivity {
            id,
            title,
            status,
            progress: progress.unwrap_or_default(),
            next_steps: next_steps.unwrap_or_default(),
            lead_officer,
            portfolio,
        }))
    }
}
