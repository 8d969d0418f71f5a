//! The compact file a few activities at a time, and its indentation a piece at
//! a time, so a 10 MB register is written across many short tasks instead of
//! one long one. Joined, `Pieces` give `encode_compact`'s text byte for byte
//! (it is made from them), and `Pretty` over any split of a compact text gives
//! `pretty` of the whole (it is `pretty`).

use super::ENVELOPE;
use crate::register::{KeyActivity, Objective, Register, Theme};

/// Where the next piece starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// The envelope and the register's fields before its themes.
    Head,
    /// Theme `t`, objective `o`, activity `a`; `open` says how far in the
    /// piece so far has written (0: nothing of theme `t`, 1: its head, 2: the
    /// head of objective `o` as well).
    Walk {
        t: usize,
        o: usize,
        a: usize,
        open: u8,
    },
    Done,
}

/// The compact file of a register, piece by piece. It keeps only where it is
/// (indices), not the register: each piece is asked for with the register, so
/// a caller that sees the register change between pieces starts again.
#[derive(Debug, Clone)]
pub struct Pieces {
    revision: Option<u64>,
    at: At,
}

impl Pieces {
    /// The compact file (`encode_compact`), or with `revision`, the compact
    /// text of a linked register file (`encode_with_revision` before indenting).
    pub fn new(revision: Option<u64>) -> Pieces {
        Pieces {
            revision,
            at: At::Head,
        }
    }

    /// The next piece, holding about `activities` key activities (at least
    /// one element), or `None` once the file is complete.
    pub fn next(&mut self, register: &Register, activities: usize) -> Option<String> {
        let mut out = String::new();
        let mut written = 0;
        loop {
            match self.at {
                At::Done => return (!out.is_empty()).then_some(out),
                At::Head => {
                    out.push_str(ENVELOPE);
                    if let Some(revision) = self.revision {
                        out.push_str("\"revision\":");
                        out.push_str(&revision.to_string());
                        out.push(',');
                    }
                    out.push_str("\"register\":");
                    out.push_str(&head(register));
                    self.at = At::Walk {
                        t: 0,
                        o: 0,
                        a: 0,
                        open: 0,
                    };
                }
                At::Walk { .. } if written >= activities.max(1) => return Some(out),
                At::Walk { t, o, a, open } => {
                    self.at = step(register, &mut out, t, o, a, open, &mut written);
                }
            }
        }
    }
}

/// Writes one element of the walk (a theme's or objective's head or end, an
/// activity, or the register's end) and says where the walk is then.
fn step(
    register: &Register,
    out: &mut String,
    t: usize,
    o: usize,
    a: usize,
    open: u8,
    written: &mut usize,
) -> At {
    let Some(theme) = register.themes.get(t) else {
        out.push(']');
        if !register.trail.is_empty() {
            out.push_str(",\"trail\":");
            out.push_str(&serde_json::to_string(&register.trail).unwrap_or_default());
        }
        out.push_str("}}");
        return At::Done;
    };
    let walk = |t, o, a, open| At::Walk { t, o, a, open };
    if open == 0 {
        if t > 0 {
            out.push(',');
        }
        out.push_str(&theme_head(theme));
        return walk(t, 0, 0, 1);
    }
    let Some(objective) = theme.objectives.get(o) else {
        out.push_str("]}");
        return walk(t + 1, 0, 0, 0);
    };
    if open == 1 {
        if o > 0 {
            out.push(',');
        }
        out.push_str(&objective_head(objective));
        return walk(t, o, 0, 2);
    }
    let Some(activity) = objective.activities.get(a) else {
        out.push_str("]}");
        return walk(t, o + 1, 0, 1);
    };
    if a > 0 {
        out.push(',');
    }
    out.push_str(&activity_text(activity));
    *written += 1;
    walk(t, o, a + 1, 2)
}

/// Serialising plain structs of strings and numbers cannot fail.
fn activity_text(activity: &KeyActivity) -> String {
    serde_json::to_string(activity).unwrap_or_default()
}

/// `text` of an empty list's holder without the list's end and the holder's
/// (`…"themes":[]}` → `…"themes":[`): serde writes the fields, so the order
/// and escaping are the ones the whole register gets.
fn open_end(text: String) -> String {
    let mut text = text;
    text.truncate(text.len().saturating_sub(2));
    text
}

/// The register's fields up to and including `"themes":[`.
fn head(r: &Register) -> String {
    // Every field named, so a field added to `Register` must be placed here.
    let fields = Register {
        organisation: r.organisation.clone(),
        title: r.title.clone(),
        period: r.period,
        meeting: r.meeting.clone(),
        meeting_date: r.meeting_date.clone(),
        author: r.author.clone(),
        statuses: r.statuses.clone(),
        themes: Vec::new(),
        trail: Vec::new(),
    };
    open_end(serde_json::to_string(&fields).unwrap_or_default())
}

fn theme_head(theme: &Theme) -> String {
    let head = Theme {
        title: theme.title.clone(),
        objectives: Vec::new(),
    };
    open_end(serde_json::to_string(&head).unwrap_or_default())
}

fn objective_head(objective: &Objective) -> String {
    let head = Objective {
        id: objective.id.clone(),
        title: objective.title.clone(),
        activities: Vec::new(),
    };
    open_end(serde_json::to_string(&head).unwrap_or_default())
}

/// The linked register file's compact text made from the browser copy's
/// (`encode_compact`, whose revision the autosave already has): the envelope
/// with `"revision":N,`, then the rest of `compact` in slices of about `size`
/// bytes, split between characters. Joined, the compact text of
/// `encode_with_revision`; `None` if `compact` is not a compact file.
pub fn file_pieces(compact: &str, revision: u64, size: usize) -> Option<(String, Vec<&str>)> {
    let rest = compact.strip_prefix(ENVELOPE)?;
    let head = format!("{ENVELOPE}\"revision\":{revision},");
    let mut slices = Vec::new();
    let mut from = 0;
    while from < rest.len() {
        let mut to = (from + size.max(1)).min(rest.len());
        while !rest.is_char_boundary(to) {
            to += 1;
        }
        slices.push(&rest[from..to]);
        from = to;
    }
    Some((head, slices))
}

/// Compact JSON (no white space outside strings) laid out as serde_json's
/// pretty printer does (two spaces a level, `": "`, `[]` and `{}` when
/// empty), fed in pieces split anywhere between characters.
#[derive(Debug, Clone, Default)]
pub struct Pretty {
    depth: usize,
    in_text: bool,
    escaped: bool,
    /// The last character written opened an object or list: whether it is
    /// empty is known from the next one.
    just_opened: bool,
}

impl Pretty {
    /// Indents the next piece of compact text onto `out`.
    pub fn push(&mut self, compact: &str, out: &mut String) {
        out.reserve(compact.len() + compact.len() / 2);
        for c in compact.chars() {
            if self.in_text {
                out.push(c);
                match (self.escaped, c) {
                    (true, _) => self.escaped = false,
                    (false, '\\') => self.escaped = true,
                    (false, '"') => self.in_text = false,
                    _ => {}
                }
                continue;
            }
            if std::mem::take(&mut self.just_opened) {
                if matches!(c, '}' | ']') {
                    out.push(c);
                    continue;
                }
                self.depth += 1;
                self.newline(out);
            }
            match c {
                '"' => {
                    self.in_text = true;
                    out.push(c);
                }
                '{' | '[' => {
                    out.push(c);
                    self.just_opened = true;
                }
                '}' | ']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline(out);
                    out.push(c);
                }
                ',' => {
                    out.push(c);
                    self.newline(out);
                }
                ':' => out.push_str(": "),
                c => out.push(c),
            }
        }
    }

    /// Ends the text (only an object or list opened last and never closed
    /// is left to lay out).
    pub fn finish(self, out: &mut String) {
        if self.just_opened {
            let mut this = self;
            this.depth += 1;
            this.newline(out);
        }
    }

    fn newline(&self, out: &mut String) {
        out.push('\n');
        for _ in 0..self.depth {
            out.push_str("  ");
        }
    }
}

#[cfg(test)]
#[path = "pieces_tests.rs"]
mod tests;
