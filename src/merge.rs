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
use crate::register::{KeyActivity, Objective, Register, Theme};
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
            DETAILS,
            Some(&b.details),
            Some(&m.details),
            Some(&t.details),
        )
        .unwrap_or_else(|| m.details.clone());
    let statuses = ctx.map(
        Target::Status,
        STATUS,
        &b.statuses,
        &m.statuses,
        &t.statuses,
    );
    let mut themes = ctx.map(Target::Theme, THEME, &b.themes, &m.themes, &t.themes);
    let mut objectives = ctx.map(
        Target::Objective,
        OBJECTIVE,
        &b.objectives,
        &m.objectives,
        &t.objectives,
    );
    let activities = ctx.map(
        Target::Activity,
        ACTIVITY,
        &b.activities,
        &m.activities,
        &t.activities,
    );
    // Keep the objectives and themes something still sits under.
    for id in parents_missing(&activities, &objectives, ACTIVITY_OBJECTIVE) {
        if let Some(found) = ctx.keep_parent(Target::Objective(id.clone()), [&m, &t, &b], &|f| {
            find(&f.objectives, &id)
        }) {
            objectives.push((id, found));
        }
    }
    let objectives = drop_orphans(objectives, &themes, OBJECTIVE_THEME);
    for title in parents_missing(&objectives, &themes, OBJECTIVE_THEME) {
        if let Some(found) = ctx.keep_parent(Target::Theme(title.clone()), [&m, &t, &b], &|f| {
            find(&f.themes, &title)
        }) {
            themes.push((title, found));
        }
    }
    let objectives = drop_orphans(objectives, &themes, OBJECTIVE_THEME);
    let activities = drop_orphans(activities, &objectives, ACTIVITY_OBJECTIVE);
    let mut register = assemble(
        details,
        statuses,
        themes,
        objectives,
        activities,
        mine.period,
    );
    register.trail = merged_trail(&base.trail, &mine.trail, &theirs.trail);
    let problems = crate::validate::problems(&register)
        .into_iter()
        .map(|p| p.message)
        .collect();
    let mut changed = crate::query::sorted_by(ctx.changed, &Change::cmp);
    changed.dedup();
    Merged {
        register,
        conflicts: ctx.conflicts,
        theirs_changed: changed,
        problems,
    }
}

/// Every one of `conflicts` decided for `side`.
pub fn choosing_all(conflicts: &[Conflict], side: Side) -> Choices {
    // Inserted one by one: `collect` into a map would bring its own copy of
    // std's sort into the wasm.
    let mut choices = Choices::new();
    for c in conflicts {
        choices.insert((c.target.clone(), c.field), side);
    }
    choices
}

/// "KA.01.02 (status), KA.03.01 (progress, next steps) and the register details
/// (title)": what `changes` touch, for a sentence.
pub fn describe(changes: &[Change]) -> String {
    // Targets in first-seen order with their fields' words. Looked up from the
    // end: `theirs_changed` is sorted, so a target's changes are neighbours.
    let mut order: Vec<(&Target, Vec<&'static str>)> = Vec::new();
    for change in changes {
        let at = match order.iter().rposition(|(t, _)| *t == &change.target) {
            Some(at) => at,
            None => {
                order.push((&change.target, Vec::new()));
                order.len() - 1
            }
        };
        let list = &mut order[at].1;
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
        .map(|(t, fields)| format!("{} ({})", t.label(), fields.join(", ")))
        .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One field changed differently on both sides, in words: what it is
/// ("KA.01.04, status"), this side's value, the other's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BothChanged {
    pub what: String,
    pub mine: String,
    pub theirs: String,
}

/// The conflicts in words, for the two-tab banner and the file's message.
pub fn both_changed(conflicts: &[Conflict]) -> Vec<BothChanged> {
    conflicts
        .iter()
        .map(|c| BothChanged {
            what: format!("{}, {}", c.target.label(), c.field.label()),
            mine: value_words(&c.mine),
            theirs: value_words(&c.theirs),
        })
        .collect()
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

// Every kind of record is merged as the same type: its key and its fields'
// values (`Rec`), in the order of its kind's field list below. One copy of the
// merge's code serves all five kinds (it was monomorphised per kind: about 23 KB
// of the app's wasm).

/// A record's field values, in the order of its kind's field list.
type Rec = Vec<Value>;

const DETAILS: &[Field] = &[
    Field::Organisation,
    Field::Title,
    Field::Period,
    Field::Meeting,
    Field::MeetingDate,
    Field::Author,
];
const STATUS: &[Field] = &[
    Field::Label,
    Field::Colour,
    Field::Symbol,
    Field::Meaning,
    Field::Rank,
    Field::Exception,
];
const THEME: &[Field] = &[];
/// An objective's title, and the theme it sits under (by title).
const OBJECTIVE: &[Field] = &[Field::Title, Field::Theme];
const OBJECTIVE_THEME: usize = 1;
/// An activity's objective (by ID) first, then its own fields.
const ACTIVITY: &[Field] = &[
    Field::Objective,
    Field::Title,
    Field::Status,
    Field::Progress,
    Field::NextSteps,
    Field::LeadOfficer,
    Field::Portfolio,
];
const ACTIVITY_OBJECTIVE: usize = 0;

fn text(value: Value) -> String {
    match value {
        Value::Text(t) => t,
        _ => String::new(),
    }
}

fn text_ref(value: &Value) -> &str {
    match value {
        Value::Text(t) => t,
        _ => "",
    }
}

fn points(value: Value) -> Vec<String> {
    match value {
        Value::Points(p) => p,
        _ => Vec::new(),
    }
}

/// A register as keyed records, each list in report order.
struct Flat {
    details: Rec,
    statuses: Vec<(String, Rec)>,
    themes: Vec<(String, Rec)>,
    objectives: Vec<(String, Rec)>,
    activities: Vec<(String, Rec)>,
}

impl Flat {
    fn of(r: &Register) -> Flat {
        let t = |s: &String| Value::Text(s.clone());
        let mut flat = Flat {
            details: vec![
                t(&r.organisation),
                t(&r.title),
                Value::Period(r.period),
                t(&r.meeting),
                t(&r.meeting_date),
                t(&r.author),
            ],
            statuses: r
                .statuses
                .iter()
                .map(|s| {
                    let values = vec![
                        t(&s.label),
                        t(&s.colour),
                        t(&s.symbol),
                        t(&s.meaning),
                        Value::Number(s.rank),
                        Value::Flag(s.exception),
                    ];
                    (s.id.clone(), values)
                })
                .collect(),
            themes: Vec::new(),
            objectives: Vec::new(),
            activities: Vec::new(),
        };
        for theme in &r.themes {
            flat.themes.push((theme.title.clone(), Vec::new()));
            for objective in &theme.objectives {
                let values = vec![t(&objective.title), t(&theme.title)];
                flat.objectives.push((objective.id.clone(), values));
                for a in &objective.activities {
                    let values = vec![
                        t(&objective.id),
                        t(&a.title),
                        t(&a.status),
                        Value::Points(a.progress.clone()),
                        Value::Points(a.next_steps.clone()),
                        t(&a.lead_officer),
                        t(&a.portfolio),
                    ];
                    flat.activities.push((a.id.clone(), values));
                }
            }
        }
        flat
    }
}

fn find(list: &[(String, Rec)], key: &str) -> Option<Rec> {
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
    fn fields(
        &mut self,
        target: &Target,
        fields: &[Field],
        base: Option<&Rec>,
        mine: &Rec,
        theirs: &Rec,
    ) -> Rec {
        let mut out = Vec::with_capacity(fields.len());
        for (i, &field) in fields.iter().enumerate() {
            let value = self.pick(
                target,
                field,
                base.map(|b| b[i].clone()),
                mine[i].clone(),
                theirs[i].clone(),
            );
            out.push(value);
        }
        out
    }

    /// One record, three ways, with its presence.
    fn record(
        &mut self,
        target: &Target,
        fields: &[Field],
        base: Option<&Rec>,
        mine: Option<&Rec>,
        theirs: Option<&Rec>,
    ) -> Option<Rec> {
        match (base, mine, theirs) {
            (Some(b), Some(m), Some(t)) => Some(self.fields(target, fields, Some(b), m, t)),
            (None, Some(m), Some(t)) => {
                self.changed(target, Field::Presence);
                Some(self.fields(target, fields, None, m, t))
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
                for (i, &field) in fields.iter().enumerate() {
                    if t[i] != b[i] {
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
    fn map(
        &mut self,
        target: fn(String) -> Target,
        fields: &[Field],
        base: &[(String, Rec)],
        mine: &[(String, Rec)],
        theirs: &[(String, Rec)],
    ) -> Vec<(String, Rec)> {
        let index = |list: &[(String, Rec)]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect()
        };
        let (bi, mi, ti) = (index(base), index(mine), index(theirs));
        let mut keys: Vec<&str> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for (k, _) in mine.iter().chain(theirs).chain(base) {
            if seen.insert(k) {
                keys.push(k);
            }
        }
        // What survives, and where each key's record is in it.
        let mut merged: Vec<Option<Rec>> = Vec::new();
        let mut slot: HashMap<String, usize> = HashMap::new();
        for key in keys {
            let (b, m, t) = (at(base, &bi, key), at(mine, &mi, key), at(theirs, &ti, key));
            if let Some(r) = self.record(&target(key.to_owned()), fields, b, m, t) {
                slot.insert(key.to_owned(), merged.len());
                merged.push(Some(r));
            }
        }
        let keys_of = |list: &[(String, Rec)]| list.iter().map(|(k, _)| k.clone()).collect();
        let (bk, mk, tk): (Vec<String>, Vec<String>, Vec<String>) =
            (keys_of(base), keys_of(mine), keys_of(theirs));
        let (first, second) = if mk == bk { (&tk, &mk) } else { (&mk, &tk) };
        merged_order(first, second, &bk, &slot, &mut merged)
    }

    /// A parent removed on one side while the other put something under it: kept,
    /// unless a choice says the removing side wins. Returns the parent to add.
    fn keep_parent(
        &mut self,
        target: Target,
        sides: [&Flat; 3],
        lookup: &dyn Fn(&Flat) -> Option<Rec>,
    ) -> Option<Rec> {
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
        let presence = |r: &Option<Rec>| {
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

/// The record under `key` in `list`, found by `index`.
fn at<'a>(list: &'a [(String, Rec)], index: &HashMap<String, usize>, key: &str) -> Option<&'a Rec> {
    index.get(key).map(|&i| &list[i].1)
}

/// `first`'s order of what survived, `second`'s extra items after the item they
/// follow there, then anything else (kept from base) in base's order.
fn merged_order(
    first: &[String],
    second: &[String],
    base: &[String],
    slot: &HashMap<String, usize>,
    merged: &mut [Option<Rec>],
) -> Vec<(String, Rec)> {
    let mut order: Vec<String> = first
        .iter()
        .filter(|k| slot.contains_key(*k))
        .cloned()
        .collect();
    for extra in [second, base] {
        let mut placed: HashSet<String> = order.iter().cloned().collect();
        let mut after: Option<String> = None;
        for key in extra {
            if !slot.contains_key(key) {
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
        .filter_map(|k| {
            let r = slot.get(&k).and_then(|&i| merged[i].take());
            r.map(|r| (k, r))
        })
        .collect()
}

/// Keys of parents that children name (their field `parent_at`) but that are
/// not among `parents`.
fn parents_missing(
    children: &[(String, Rec)],
    parents: &[(String, Rec)],
    parent_at: usize,
) -> Vec<String> {
    let have: HashSet<&str> = parents.iter().map(|(k, _)| k.as_str()).collect();
    let mut missing: Vec<String> = Vec::new();
    for (_, child) in children {
        let p = text_ref(&child[parent_at]);
        if !have.contains(p) && !missing.iter().any(|m| m == p) {
            missing.push(p.to_owned());
        }
    }
    missing
}

fn drop_orphans(
    children: Vec<(String, Rec)>,
    parents: &[(String, Rec)],
    parent_at: usize,
) -> Vec<(String, Rec)> {
    let have: HashSet<&str> = parents.iter().map(|(k, _)| k.as_str()).collect();
    children
        .into_iter()
        .filter(|(_, c)| have.contains(text_ref(&c[parent_at])))
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

/// The register the merged records make; `period` stands in should the
/// details' period not be one (it always is: every record has its kind's fields).
fn assemble(
    details: Rec,
    statuses: Vec<(String, Rec)>,
    themes: Vec<(String, Rec)>,
    objectives: Vec<(String, Rec)>,
    activities: Vec<(String, Rec)>,
    period: Period,
) -> Register {
    let mut by_objective: HashMap<String, Vec<KeyActivity>> = HashMap::new();
    for (id, a) in activities {
        let mut f = a.into_iter();
        let mut next = || f.next().unwrap_or(Value::Absent);
        let objective = text(next());
        let activity = KeyActivity {
            id,
            title: text(next()),
            status: text(next()),
            progress: points(next()),
            next_steps: points(next()),
            lead_officer: text(next()),
            portfolio: text(next()),
        };
        by_objective.entry(objective).or_default().push(activity);
    }
    let mut by_theme: HashMap<String, Vec<Objective>> = HashMap::new();
    for (id, o) in objectives {
        let mut f = o.into_iter();
        let title = text(f.next().unwrap_or(Value::Absent));
        let theme = text(f.next().unwrap_or(Value::Absent));
        let activities = by_objective.remove(&id).unwrap_or_default();
        by_theme.entry(theme).or_default().push(Objective {
            id,
            title,
            activities,
        });
    }
    let statuses = statuses.into_iter().map(|(id, s)| {
        let mut f = s.into_iter();
        let mut next = || f.next().unwrap_or(Value::Absent);
        Status {
            id,
            label: text(next()),
            colour: text(next()),
            symbol: text(next()),
            meaning: text(next()),
            rank: match next() {
                Value::Number(n) => n,
                _ => 0,
            },
            exception: next() == Value::Flag(true),
        }
    });
    let mut f = details.into_iter();
    let mut next = || f.next().unwrap_or(Value::Absent);
    Register {
        organisation: text(next()),
        title: text(next()),
        period: match next() {
            Value::Period(p) => p,
            _ => period,
        },
        meeting: text(next()),
        meeting_date: text(next()),
        author: text(next()),
        statuses: StatusSet(statuses.collect()),
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
