//! Undo and redo that keep what changed, not whole registers.
//!
//! A step is a [`Patch`]: the parts of the register an edit replaced, found by
//! comparing the register before and after it list by list (themes, objectives,
//! activities). An edit of one activity keeps that one activity; adding or
//! removing keeps the few items around the change; only an edit that touches
//! everything (the next quarter, an import) keeps everything. Applying a patch
//! swaps what it holds with what the register holds, so the same patch, applied,
//! becomes its own inverse: undo hands redo the step back without copying the
//! register.

use crate::register::{AppliedReturn, Details, KeyActivity, Objective, Register, Theme};
use crate::status::StatusSet;

/// How one list changed.
#[derive(Debug, Clone, PartialEq)]
enum ListPatch<T, D> {
    Same,
    /// Same length: the items at these places changed, each by its own patch.
    Each(Vec<(usize, D)>),
    /// A different length: `len` items at `at` are replaced by `items`.
    Splice {
        at: usize,
        len: usize,
        items: Vec<T>,
    },
}

impl<T: PartialEq + Clone, D> ListPatch<T, D> {
    /// The patch that turns `now` into `then`.
    fn between(now: &[T], then: &[T], item: impl Fn(&T, &T) -> D) -> Self {
        if now.len() == then.len() {
            let changed: Vec<(usize, D)> = now
                .iter()
                .zip(then)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, (a, b))| (i, item(a, b)))
                .collect();
            return if changed.is_empty() {
                ListPatch::Same
            } else {
                ListPatch::Each(changed)
            };
        }
        let shorter = now.len().min(then.len());
        let prefix = now.iter().zip(then).take_while(|(a, b)| a == b).count();
        let suffix = now
            .iter()
            .rev()
            .zip(then.iter().rev())
            .take(shorter - prefix)
            .take_while(|(a, b)| a == b)
            .count();
        ListPatch::Splice {
            at: prefix,
            len: now.len() - prefix - suffix,
            items: then[prefix..then.len() - suffix].to_vec(),
        }
    }

    /// Applies the patch to `list`; returns the patch that undoes it.
    fn apply(self, list: &mut Vec<T>, item: impl Fn(&mut T, D) -> D) -> Self {
        match self {
            ListPatch::Same => ListPatch::Same,
            ListPatch::Each(changes) => ListPatch::Each(
                changes
                    .into_iter()
                    .filter_map(|(i, d)| Some((i, item(list.get_mut(i)?, d))))
                    .collect(),
            ),
            ListPatch::Splice { at, len, items } => {
                let at = at.min(list.len());
                let end = (at + len).min(list.len());
                let new_len = items.len();
                let removed: Vec<T> = list.splice(at..end, items).collect();
                ListPatch::Splice {
                    at,
                    len: new_len,
                    items: removed,
                }
            }
        }
    }

    fn is_same(&self) -> bool {
        matches!(self, ListPatch::Same)
    }
}

#[derive(Debug, Clone, PartialEq)]
struct ObjectivePatch {
    heading: Option<(String, String)>,
    activities: ListPatch<KeyActivity, KeyActivity>,
}

#[derive(Debug, Clone, PartialEq)]
struct ThemePatch {
    title: Option<String>,
    objectives: ListPatch<Objective, ObjectivePatch>,
}

/// What one step changed: enough to turn the register back into what it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Patch {
    details: Option<Details>,
    statuses: Option<StatusSet>,
    themes: ListPatch<Theme, ThemePatch>,
    /// The trail of applied returns, whole, when it changed.
    trail: Option<Vec<AppliedReturn>>,
}

fn objective_patch(now: &Objective, then: &Objective) -> ObjectivePatch {
    ObjectivePatch {
        heading: (now.id != then.id || now.title != then.title)
            .then(|| (then.id.clone(), then.title.clone())),
        activities: ListPatch::between(&now.activities, &then.activities, |_, b| b.clone()),
    }
}

fn theme_patch(now: &Theme, then: &Theme) -> ThemePatch {
    ThemePatch {
        title: (now.title != then.title).then(|| then.title.clone()),
        objectives: ListPatch::between(&now.objectives, &then.objectives, objective_patch),
    }
}

impl Patch {
    /// The patch that turns `now` back into `then`.
    pub fn between(now: &Register, then: &Register) -> Patch {
        let (a, b) = (Details::of(now), Details::of(then));
        Patch {
            details: (a != b).then_some(b),
            statuses: (now.statuses != then.statuses).then(|| then.statuses.clone()),
            themes: ListPatch::between(&now.themes, &then.themes, theme_patch),
            trail: (now.trail != then.trail).then(|| then.trail.clone()),
        }
    }

    /// Whether the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.details.is_none()
            && self.statuses.is_none()
            && self.themes.is_same()
            && self.trail.is_none()
    }

    /// Applies the patch to `register`; returns the patch that undoes it.
    pub fn apply(self, register: &mut Register) -> Patch {
        let details = self.details.map(|d| d.swap_into(register));
        let statuses = self
            .statuses
            .map(|s| std::mem::replace(&mut register.statuses, s));
        let trail = self
            .trail
            .map(|t| std::mem::replace(&mut register.trail, t));
        let themes = self
            .themes
            .apply(&mut register.themes, |theme, p| ThemePatch {
                title: p.title.map(|t| std::mem::replace(&mut theme.title, t)),
                objectives: p
                    .objectives
                    .apply(&mut theme.objectives, |o, p| ObjectivePatch {
                        heading: p.heading.map(|(id, title)| {
                            (
                                std::mem::replace(&mut o.id, id),
                                std::mem::replace(&mut o.title, title),
                            )
                        }),
                        activities: p.activities.apply(&mut o.activities, std::mem::replace),
                    }),
            });
        Patch {
            details,
            statuses,
            themes,
            trail,
        }
    }
}

/// Undo and redo as patches.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Patch>,
    redo: Vec<Patch>,
}

/// How many steps back are kept.
const HISTORY_LIMIT: usize = 100;

impl History {
    /// Records a step: `before` is the register as it was, `after` as it is now.
    pub fn record(&mut self, before: &Register, after: &Register) {
        let patch = Patch::between(after, before);
        if patch.is_empty() {
            return;
        }
        self.undo.push(patch);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps `register` back one edit; false if there is nothing to undo.
    pub fn undo(&mut self, register: &mut Register) -> bool {
        let Some(patch) = self.undo.pop() else {
            return false;
        };
        self.redo.push(patch.apply(register));
        true
    }

    /// Steps `register` forward one undone edit; false if there is none.
    pub fn redo(&mut self, register: &mut Register) -> bool {
        let Some(patch) = self.redo.pop() else {
            return false;
        };
        self.undo.push(patch.apply(register));
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a different register was loaded).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
