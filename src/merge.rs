//! Three-way merge of registers, by activity ID and field: the one merge for two
//! tabs, a register file changed on another machine, and lead officers' returns.
//!
//! ```text
//! merge(base, mine, theirs) -> Merged { register, conflicts, theirs_changed, problems }
//! merge_choosing(base, mine, theirs, &choices)   // the same, with conflicts decided
//! ```
//!
//! - `base` is the version both sides started from; `mine` is this side's (kept
//!   where nothing else says otherwise); `theirs` the other side's.
//! - What is merged, and by what key: the register details field by field
//!   (`Target::Details`), each status by its id (`Target::Status`), themes by title
//!   (a renamed theme is one removed and one added), objectives by ID (title and the
//!   theme they sit under), activities by ID (every field, and the objective they sit
//!   under). Adding and removing is the `Field::Presence` of a thing.
//! - A field changed on one side only takes that side's value. Changed to the same
//!   value on both: that value. Changed differently on both: a [`Conflict`] carrying
//!   the base, mine and theirs values, decided by `choices` (default: mine). A thing
//!   removed on one side and changed on the other is a conflict of its presence.
//! - Order: mine's, with theirs' additions placed after the item theirs has them
//!   after; if mine kept base's order, theirs' order.
//! - Nothing is lost silently: a theme or objective removed on one side while the
//!   other added or moved something into it is kept (a presence conflict says so).
//! - `theirs_changed` lists every target and field theirs changed from base, for a
//!   sentence such as [`describe`] writes.
//! - `problems` are the register rules (`validate::problems`) the merged register
//!   breaks (e.g. theirs removed a status mine still uses); when not empty the caller
//!   must not keep it, and should offer whole versions instead.
//!
//! Pure: no storage, no UI. Values are plain ([`Value`]) so a view can show them
//! field by field; [`value_words`], [`Target::label`] and [`Field::label`] put
//! them in words.

use crate::period::Period;
use crate::register::{Details, KeyActivity, Objective, Register, Theme};
use crate::status::{Status, StatusSet};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a field belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// The register details: organisation, title, period, meeting, date, author.
    Details,
    /// A status of the set, by its id.
    Status(String),
    /// A theme, by its title.
    Theme(String),
    /// An objective, by its ID ("CO 3").
    Objective(String),
    /// A key activity, by its ID ("KA.01.04").
    Activity(String),
}

/// A field of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Whether the thing is there at all (added or removed).
    Presence,
    Organisation,
    Title,
    Period,
    Meeting,
    MeetingDate,
    Author,
    Label,
    Colour,
    Symbol,
    Meaning,
    Rank,
    Exception,
    /// The theme an objective sits under (by title).
    Theme,
    /// The objective an activity sits under (by ID).
    Objective,
    Status,
    Progress,
    NextSteps,
    LeadOfficer,
    Portfolio,
}

/// A field's value, plain enough to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// The thing is not there (removed, or never added).
    Absent,
    /// The thing is there (the value of `Field::Presence`).
    Present,
    Text(String),
    /// Points, as progress and next steps are kept.
    Points(Vec<String>),
    Period(Period),
    Number(i32),
    Flag(bool),
}

/// Which side's value to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// The same field changed differently on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub target: Target,
    pub field: Field,
    /// `None` when both sides added the thing.
    pub base: Option<Value>,
    pub mine: Value,
    pub theirs: Value,
    /// The side the merged register took.
    pub chosen: Side,
}

/// One field the other side changed from base.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub target: Target,
    pub field: Field,
}

/// Decisions for conflicts, by target and field; undecided ones keep mine.
pub type Choices = BTreeMap<(Target, Field), Side>;

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub register: Register,
    pub conflicts: Vec<Conflict>,
    pub theirs_changed: Vec<Change>,
    /// Sentences of the register rules the merged register breaks; empty when it may be kept.
    pub problems: Vec<String>,
}

impl Merged {
    /// Whether the merged register can be kept without asking anyone.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.problems.is_empty()
    }
}

/// Merges `mine` and `theirs`, both changed from `base`; conflicts keep mine.
pub fn merge(base: &Register, mine: &Register, theirs: &Register) -> Merged {
    merge_choosing(base, mine, theirs, &Choices::new())
}

/// Merges as [`merge`] does, deciding conflicts by `choices`.
pub fn merge_choosing(
    base: &Register,
    mine: &Register,
    theirs: &Register,
    choices: &Choices,
) -> Merged {
    let mut ctx = Ctx {
        choices,
        conflicts: Vec::new(),
        changed: Vec::new(),
    };
    let (b, m, t) = (Flat::of(base), Flat::of(mine), Flat::of(theirs));
    let details = ctx
        .record(
            &Target::Details,
            Some(&b.details),
            Some(&m.details),
            Some(&t.details),
        )
        .unwrap_or_else(|| m.details.clone());
    let statuses = ctx.map(Target::Status, &b.statuses, &m.statuses, &t.statuses);
    let mut themes = ctx.map(Target::Theme, &b.themes, &m.themes, &t.themes);
    let mut objectives = ctx.map(
        Target::Objective,
        &b.objectives,
        &m.objectives,
        &t.objectives,
    );
    let activities = ctx.map(
        Target::Activity,
        &b.activities,
        &m.activities,
        &t.activities,
    );
    // Keep the objectives and themes something still sits under.
    let orphans: Vec<String> = parents_missing(&activities, &objectives, |a| &a.objective);
    for id in orphans {
        if let Some(found) = ctx.keep_parent(Target::Objective(id.clone()), [&m, &t, &b], |f| {
            find(&f.objectives, &id)
        }) {
            objectives.push((id, found));
        }
    }
    let objectives = drop_orphans(objectives, &themes, |o| &o.theme);
    for title in parents_missing(&objectives, &themes, |o| &o.theme) {
        if let Some(found) = ctx.keep_parent(Target::Theme(title.clone()), [&m, &t, &b], |f| {
            find(&f.themes, &title)
        }) {
            themes.push((title, found));
        }
    }
    let objectives = drop_orphans(objectives, &themes, |o| &o.theme);
    let activities = drop_orphans(activities, &objectives, |a| &a.objective);
    let mut register = assemble(details, statuses, themes, objectives, activities);
    register.trail = merged_trail(&base.trail, &mine.trail, &theirs.trail);
    let problems = crate::validate::problems(&register)
        .into_iter()
        .map(|p| p.message)
        .collect();
    ctx.changed.sort();
    ctx.changed.dedup();
    Merged {
        register,
        conflicts: ctx.conflicts,
        theirs_changed: ctx.changed,
        problems,
    }
}

/// "KA.01.02 (status), KA.03.01 (progress, next steps) and the register details
/// (title)": what `changes` touch, for a sentence.
pub fn describe(changes: &[Change]) -> String {
    let mut order: Vec<&Target> = Vec::new();
    let mut fields: HashMap<&Target, Vec<&'static str>> = HashMap::new();
    for change in changes {
        if !fields.contains_key(&change.target) {
            order.push(&change.target);
        }
        let list = fields.entry(&change.target).or_default();
        let word = match change.field {
            Field::Presence => "added or removed",
            other => other.label(),
        };
        if !list.contains(&word) {
            list.push(word);
        }
    }
    let parts: Vec<String> = order
        .iter()
        .map(|t| format!("{} ({})", t.label(), fields[t].join(", ")))
        .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A value in a few words, for a sentence: "\u{201c}red\u{201d}", "2 points: …",
/// "removed". Long text is cut short.
pub fn value_words(value: &Value) -> String {
    let quoted = |t: &str| {
        if t.is_empty() {
            "empty".to_owned()
        } else {
            format!("\u{201c}{}\u{201d}", crate::format::truncate(t, 60))
        }
    };
    match value {
        Value::Absent => "removed".to_owned(),
        Value::Present => "kept".to_owned(),
        Value::Text(t) => quoted(t),
        Value::Points(p) => match p.as_slice() {
            [] => "no points".to_owned(),
            [one] => quoted(one),
            [first, ..] => format!("{} points, the first {}", p.len(), quoted(first)),
        },
        Value::Period(p) => p.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Flag(true) => "yes".to_owned(),
        Value::Flag(false) => "no".to_owned(),
    }
}

impl Target {
    /// How the target is named to the user: "KA.01.04", "objective CO 3",
    /// "theme \u{201c}THE PLACE\u{201d}", "status \u{201c}amber\u{201d}", "the register details".
    pub fn label(&self) -> String {
        match self {
            Target::Details => "the register details".to_owned(),
            Target::Status(id) => format!("status \u{201c}{id}\u{201d}"),
            Target::Theme(title) => format!(
                "theme \u{201c}{}\u{201d}",
                crate::format::truncate(title, 60)
            ),
            Target::Objective(id) => format!("objective {id}"),
            Target::Activity(id) => id.clone(),
        }
    }
}

impl Field {
    /// The field's name for the user: "next steps", "lead officer".
    pub fn label(self) -> &'static str {
        match self {
            Field::Presence => "whether it is in the register",
            Field::Organisation => "organisation",
            Field::Title => "title",
            Field::Period => "period",
            Field::Meeting => "meeting",
            Field::MeetingDate => "meeting date",
            Field::Author => "author",
            Field::Label => "label",
            Field::Colour => "colour",
            Field::Symbol => "symbol",
            Field::Meaning => "meaning",
            Field::Rank => "rank",
            Field::Exception => "exception",
            Field::Theme => "theme",
            Field::Objective => "objective",
            Field::Status => "status",
            Field::Progress => "progress",
            Field::NextSteps => "next steps",
            Field::LeadOfficer => "lead officer",
            Field::Portfolio => "portfolio",
        }
    }
}

/// Something merged field by field.
trait Record: Clone + PartialEq {
    const FIELDS: &'static [Field];
    fn get(&self, field: Field) -> Value;
    fn set(&mut self, field: Field, value: Value);
}

#[derive(Debug, Clone, PartialEq)]
struct ThemeRecord;

#[derive(Debug, Clone, PartialEq)]
struct ObjectiveRecord {
    theme: String,
    title: String,
}

#[derive(Debug, Clone, PartialEq)]
struct ActivityRecord {
    objective: String,
    activity: KeyActivity,
}

fn text(value: Value) -> String {
    match value {
        Value::Text(t) => t,
        _ => String::new(),
    }
}

impl Record for Details {
    const FIELDS: &'static [Field] = &[
        Field::Organisation,
        Field::Title,
        Field::Period,
        Field::Meeting,
        Field::MeetingDate,
        Field::Author,
    ];
    fn get(&self, field: Field) -> Value {
        match field {
            Field::Organisation => Value::Text(self.organisation.clone()),
            Field::Title => Value::Text(self.title.clone()),
            Field::Period => Value::Period(self.period),
            Field::Meeting => Value::Text(self.meeting.clone()),
            Field::MeetingDate => Value::Text(self.meeting_date.clone()),
            Field::Author => Value::Text(self.author.clone()),
            _ => Value::Absent,
        }
    }
    fn set(&mut self, field: Field, value: Value) {
        match (field, value) {
            (Field::Period, Value::Period(p)) => self.period = p,
            (Field::Organisation, v) => self.organisation = text(v),
            (Field::Title, v) => self.title = text(v),
            (Field::Meeting, v) => self.meeting = text(v),
            (Field::MeetingDate, v) => self.meeting_date = text(v),
            (Field::Author, v) => self.author = text(v),
            _ => {}
        }
    }
}

impl Record for Status {
    const FIELDS: &'static [Field] = &[
        Field::Label,
        Field::Colour,
        Field::Symbol,
        Field::Meaning,
        Field::Rank,
        Field::Exception,
    ];
    fn get(&self, field: Field) -> Value {
        match field {
            Field::Label => Value::Text(self.label.clone()),
            Field::Colour => Value::Text(self.colour.clone()),
            Field::Symbol => Value::Text(self.symbol.clone()),
            Field::Meaning => Value::Text(self.meaning.clone()),
            Field::Rank => Value::Number(self.rank),
            Field::Exception => Value::Flag(self.exception),
            _ => Value::Absent,
        }
    }
    fn set(&mut self, field: Field, value: Value) {
        match (field, value) {
            (Field::Rank, Value::Number(n)) => self.rank = n,
            (Field::Exception, Value::Flag(b)) => self.exception = b,
            (Field::Label, v) => self.label = text(v),
            (Field::Colour, v) => self.colour = text(v),
            (Field::Symbol, v) => self.symbol = text(v),
            (Field::Meaning, v) => self.meaning = text(v),
            _ => {}
        }
    }
}

impl Record for ThemeRecord {
    const FIELDS: &'static [Field] = &[];
    fn get(&self, _: Field) -> Value {
        Value::Absent
    }
    fn set(&mut self, _: Field, _: Value) {}
}

impl Record for ObjectiveRecord {
    const FIELDS: &'static [Field] = &[Field::Title, Field::Theme];
    fn get(&self, field: Field) -> Value {
        match field {
            Field::Title => Value::Text(self.title.clone()),
            Field::Theme => Value::Text(self.theme.clone()),
            _ => Value::Absent,
        }
    }
    fn set(&mut self, field: Field, value: Value) {
        match field {
            Field::Title => self.title = text(value),
            Field::Theme => self.theme = text(value),
            _ => {}
        }
    }
}

impl Record for ActivityRecord {
    const FIELDS: &'static [Field] = &[
        Field::Objective,
        Field::Title,
        Field::Status,
        Field::Progress,
        Field::NextSteps,
        Field::LeadOfficer,
        Field::Portfolio,
    ];
    fn get(&self, field: Field) -> Value {
        let a = &self.activity;
        match field {
            Field::Objective => Value::Text(self.objective.clone()),
            Field::Title => Value::Text(a.title.clone()),
            Field::Status => Value::Text(a.status.clone()),
            Field::Progress => Value::Points(a.progress.clone()),
            Field::NextSteps => Value::Points(a.next_steps.clone()),
            Field::LeadOfficer => Value::Text(a.lead_officer.clone()),
            Field::Portfolio => Value::Text(a.portfolio.clone()),
            _ => Value::Absent,
        }
    }
    fn set(&mut self, field: Field, value: Value) {
        let a = &mut self.activity;
        match (field, value) {
            (Field::Progress, Value::Points(p)) => a.progress = p,
            (Field::NextSteps, Value::Points(p)) => a.next_steps = p,
            (Field::Objective, v) => self.objective = text(v),
            (Field::Title, v) => a.title = text(v),
            (Field::Status, v) => a.status = text(v),
            (Field::LeadOfficer, v) => a.lead_officer = text(v),
            (Field::Portfolio, v) => a.portfolio = text(v),
            _ => {}
        }
    }
}

/// A register as keyed records, each list in report order.
struct Flat {
    details: Details,
    statuses: Vec<(String, Status)>,
    themes: Vec<(String, ThemeRecord)>,
    objectives: Vec<(String, ObjectiveRecord)>,
    activities: Vec<(String, ActivityRecord)>,
}

impl Flat {
    fn of(r: &Register) -> Flat {
        let mut flat = Flat {
            details: Details::of(r),
            statuses: r
                .statuses
                .iter()
                .map(|s| (s.id.clone(), s.clone()))
                .collect(),
            themes: Vec::new(),
            objectives: Vec::new(),
            activities: Vec::new(),
        };
        for theme in &r.themes {
            flat.themes.push((theme.title.clone(), ThemeRecord));
            for objective in &theme.objectives {
                flat.objectives.push((
                    objective.id.clone(),
                    ObjectiveRecord {
                        theme: theme.title.clone(),
                        title: objective.title.clone(),
                    },
                ));
                for activity in &objective.activities {
                    flat.activities.push((
                        activity.id.clone(),
                        ActivityRecord {
                            objective: objective.id.clone(),
                            activity: activity.clone(),
                        },
                    ));
                }
            }
        }
        flat
    }
}

fn find<R: Clone>(list: &[(String, R)], key: &str) -> Option<R> {
    list.iter().find(|(k, _)| k == key).map(|(_, r)| r.clone())
}

struct Ctx<'a> {
    choices: &'a Choices,
    conflicts: Vec<Conflict>,
    changed: Vec<Change>,
}

impl Ctx<'_> {
    fn changed(&mut self, target: &Target, field: Field) {
        self.changed.push(Change {
            target: target.clone(),
            field,
        });
    }

    /// Records a conflict and returns the side its choice (or mine) keeps.
    fn conflict(
        &mut self,
        target: &Target,
        field: Field,
        base: Option<Value>,
        mine: Value,
        theirs: Value,
    ) -> Side {
        let chosen = self
            .choices
            .get(&(target.clone(), field))
            .copied()
            .unwrap_or(Side::Mine);
        self.conflicts.push(Conflict {
            target: target.clone(),
            field,
            base,
            mine,
            theirs,
            chosen,
        });
        chosen
    }

    /// One field, three ways.
    fn pick(
        &mut self,
        target: &Target,
        field: Field,
        base: Option<Value>,
        mine: Value,
        theirs: Value,
    ) -> Value {
        if base.as_ref() != Some(&theirs) {
            self.changed(target, field);
        }
        if mine == theirs || base.as_ref() == Some(&theirs) {
            mine
        } else if base.as_ref() == Some(&mine) {
            theirs
        } else {
            match self.conflict(target, field, base, mine.clone(), theirs.clone()) {
                Side::Mine => mine,
                Side::Theirs => theirs,
            }
        }
    }

    /// Every field of `mine` and `theirs` merged against `base`.
    fn fields<R: Record>(&mut self, target: &Target, base: Option<&R>, mine: &R, theirs: &R) -> R {
        let mut out = mine.clone();
        for &field in R::FIELDS {
            let value = self.pick(
                target,
                field,
                base.map(|b| b.get(field)),
                mine.get(field),
                theirs.get(field),
            );
            out.set(field, value);
        }
        out
    }

    /// One record, three ways, with its presence.
    fn record<R: Record>(
        &mut self,
        target: &Target,
        base: Option<&R>,
        mine: Option<&R>,
        theirs: Option<&R>,
    ) -> Option<R> {
        match (base, mine, theirs) {
            (Some(b), Some(m), Some(t)) => Some(self.fields(target, Some(b), m, t)),
            (None, Some(m), Some(t)) => {
                self.changed(target, Field::Presence);
                Some(self.fields(target, None, m, t))
            }
            (None, Some(m), None) => Some(m.clone()),
            (None, None, Some(t)) => {
                self.changed(target, Field::Presence);
                Some(t.clone())
            }
            (_, None, None) => {
                if base.is_some() {
                    self.changed(target, Field::Presence);
                }
                None
            }
            (Some(b), None, Some(t)) => {
                if t == b {
                    return None;
                }
                for &field in R::FIELDS {
                    if t.get(field) != b.get(field) {
                        self.changed(target, field);
                    }
                }
                let side = self.conflict(
                    target,
                    Field::Presence,
                    Some(Value::Present),
                    Value::Absent,
                    Value::Present,
                );
                (side == Side::Theirs).then(|| t.clone())
            }
            (Some(b), Some(m), None) => {
                self.changed(target, Field::Presence);
                if m == b {
                    return None;
                }
                let side = self.conflict(
                    target,
                    Field::Presence,
                    Some(Value::Present),
                    Value::Present,
                    Value::Absent,
                );
                (side == Side::Mine).then(|| m.clone())
            }
        }
    }

    /// A keyed list, three ways, in merged order.
    fn map<R: Record>(
        &mut self,
        target: fn(String) -> Target,
        base: &[(String, R)],
        mine: &[(String, R)],
        theirs: &[(String, R)],
    ) -> Vec<(String, R)> {
        let index = |list: &[(String, R)]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect()
        };
        let (bi, mi, ti) = (index(base), index(mine), index(theirs));
        let mut keys: Vec<&String> = Vec::new();
        let mut seen = HashSet::new();
        for (k, _) in mine.iter().chain(theirs).chain(base) {
            if seen.insert(k) {
                keys.push(k);
            }
        }
        let mut merged: HashMap<String, R> = HashMap::new();
        for key in keys {
            let got = |list: &'_ [(String, R)], idx: &HashMap<String, usize>| {
                idx.get(key).map(|&i| list[i].1.clone())
            };
            let (b, m, t) = (got(base, &bi), got(mine, &mi), got(theirs, &ti));
            if let Some(r) = self.record(&target(key.clone()), b.as_ref(), m.as_ref(), t.as_ref()) {
                merged.insert(key.clone(), r);
            }
        }
        let keys_of = |list: &[(String, R)]| list.iter().map(|(k, _)| k.clone()).collect();
        let (bk, mk, tk): (Vec<String>, Vec<String>, Vec<String>) =
            (keys_of(base), keys_of(mine), keys_of(theirs));
        let (first, second) = if mk == bk { (&tk, &mk) } else { (&mk, &tk) };
        merged_order(first, second, &bk, &mut merged)
    }

    /// A parent removed on one side while the other put something under it: kept,
    /// unless a choice says the removing side wins. Returns the parent to add.
    fn keep_parent<R: Record>(
        &mut self,
        target: Target,
        sides: [&Flat; 3],
        lookup: impl Fn(&Flat) -> Option<R>,
    ) -> Option<R> {
        let [mine, theirs, base] = sides;
        let (m, t) = (lookup(mine), lookup(theirs));
        let removing = if m.is_none() {
            Side::Mine
        } else {
            Side::Theirs
        };
        let key = (target.clone(), Field::Presence);
        if self.choices.get(&key) == Some(&removing) {
            return None;
        }
        let kept = match removing {
            Side::Mine => Side::Theirs,
            Side::Theirs => Side::Mine,
        };
        let presence = |r: &Option<R>| {
            if r.is_some() {
                Value::Present
            } else {
                Value::Absent
            }
        };
        let (mv, tv) = (presence(&m), presence(&t));
        match self
            .conflicts
            .iter_mut()
            .find(|c| c.target == target && c.field == Field::Presence)
        {
            Some(existing) => existing.chosen = kept,
            None => self.conflicts.push(Conflict {
                target,
                field: Field::Presence,
                base: lookup(base).map(|_| Value::Present),
                mine: mv,
                theirs: tv,
                chosen: kept,
            }),
        }
        m.or(t).or_else(|| lookup(base))
    }
}

/// `first`'s order of what survived, `second`'s extra items after the item they
/// follow there, then anything else (kept from base) in base's order.
fn merged_order<R>(
    first: &[String],
    second: &[String],
    base: &[String],
    merged: &mut HashMap<String, R>,
) -> Vec<(String, R)> {
    let mut order: Vec<String> = first
        .iter()
        .filter(|k| merged.contains_key(*k))
        .cloned()
        .collect();
    for extra in [second, base] {
        let mut placed: HashSet<String> = order.iter().cloned().collect();
        let mut after: Option<String> = None;
        for key in extra {
            if !merged.contains_key(key) {
                continue;
            }
            if placed.contains(key) {
                after = Some(key.clone());
                continue;
            }
            let at = match &after {
                Some(a) => order.iter().position(|k| k == a).map_or(0, |i| i + 1),
                None => 0,
            };
            order.insert(at, key.clone());
            placed.insert(key.clone());
            after = Some(key.clone());
        }
    }
    order
        .into_iter()
        .filter_map(|k| merged.remove(&k).map(|r| (k, r)))
        .collect()
}

/// Keys of parents that children name but that are not among `parents`.
fn parents_missing<C, P>(
    children: &[(String, C)],
    parents: &[(String, P)],
    parent_of: impl Fn(&C) -> &String,
) -> Vec<String> {
    let have: HashSet<&String> = parents.iter().map(|(k, _)| k).collect();
    let mut missing: Vec<String> = Vec::new();
    for (_, child) in children {
        let p = parent_of(child);
        if !have.contains(p) && !missing.contains(p) {
            missing.push(p.clone());
        }
    }
    missing
}

fn drop_orphans<C, P>(
    children: Vec<(String, C)>,
    parents: &[(String, P)],
    parent_of: impl Fn(&C) -> &String,
) -> Vec<(String, C)> {
    let have: HashSet<&String> = parents.iter().map(|(k, _)| k).collect();
    children
        .into_iter()
        .filter(|(_, c)| have.contains(parent_of(c)))
        .collect()
}

/// The trail of applied returns, as a set: mine, less what theirs removed
/// since the base (an undo there), plus what theirs added.
fn merged_trail(
    base: &[crate::register::AppliedReturn],
    mine: &[crate::register::AppliedReturn],
    theirs: &[crate::register::AppliedReturn],
) -> Vec<crate::register::AppliedReturn> {
    let mut out: Vec<_> = mine
        .iter()
        .filter(|e| !base.contains(e) || theirs.contains(e))
        .cloned()
        .collect();
    for e in theirs {
        if !base.contains(e) && !out.contains(e) {
            out.push(e.clone());
        }
    }
    out
}

fn assemble(
    details: Details,
    statuses: Vec<(String, Status)>,
    themes: Vec<(String, ThemeRecord)>,
    objectives: Vec<(String, ObjectiveRecord)>,
    activities: Vec<(String, ActivityRecord)>,
) -> Register {
    let mut by_objective: HashMap<String, Vec<KeyActivity>> = HashMap::new();
    for (_, a) in activities {
        by_objective
            .entry(a.objective)
            .or_default()
            .push(a.activity);
    }
    let mut by_theme: HashMap<String, Vec<Objective>> = HashMap::new();
    for (id, o) in objectives {
        let activities = by_objective.remove(&id).unwrap_or_default();
        by_theme.entry(o.theme).or_default().push(Objective {
            id,
            title: o.title,
            activities,
        });
    }
    Register {
        organisation: details.organisation,
        title: details.title,
        period: details.period,
        meeting: details.meeting,
        meeting_date: details.meeting_date,
        author: details.author,
        statuses: StatusSet(statuses.into_iter().map(|(_, s)| s).collect()),
        themes: themes
            .into_iter()
            .map(|(title, _)| Theme {
                objectives: by_theme.remove(&title).unwrap_or_default(),
                title,
            })
            .collect(),
        trail: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
