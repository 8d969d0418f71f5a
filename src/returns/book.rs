//! A workbook as plain cells: what the checks in `read` look at, filled by
//! `xlsx::read_book` from calamine (or by tests, to build bad workbooks
//! without Excel).

use std::collections::BTreeMap;

/// Whether a sheet shows in Excel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Visible,
    Hidden,
    /// Hidden so that Excel's "Unhide" does not list it.
    VeryHidden,
}

/// A cell's value as text (numbers as Excel would show them plainly).
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// An error value such as `#REF!`.
    Error(String),
}

impl CellValue {
    /// The value as the text a reader would see.
    pub fn text(&self) -> String {
        match self {
            CellValue::Text(t) => t.clone(),
            CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            CellValue::Number(n) => n.to_string(),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            CellValue::Error(e) => e.clone(),
        }
    }
}

/// A rectangle of merged cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    pub first: (u32, u16),
    pub last: (u32, u16),
}

/// One sheet: its cells (absent = empty), the cells holding formulas, and
/// merged regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub visibility: Visibility,
    /// By (row, column), 0-based.
    pub cells: BTreeMap<(u32, u16), CellValue>,
    pub formulas: Vec<(u32, u16)>,
    pub merged: Vec<Merged>,
}

impl Sheet {
    pub fn new(name: &str, visibility: Visibility) -> Sheet {
        Sheet {
            name: name.to_owned(),
            visibility,
            cells: BTreeMap::new(),
            formulas: Vec::new(),
            merged: Vec::new(),
        }
    }

    /// The cell's text, "" when empty.
    pub fn text(&self, row: u32, col: u16) -> String {
        self.cells
            .get(&(row, col))
            .map(CellValue::text)
            .unwrap_or_default()
    }

    pub fn set(&mut self, row: u32, col: u16, text: &str) {
        if text.is_empty() {
            self.cells.remove(&(row, col));
        } else {
            self.cells
                .insert((row, col), CellValue::Text(text.to_owned()));
        }
    }

    /// The last row with anything in it, if any.
    pub fn last_row(&self) -> Option<u32> {
        self.cells.keys().map(|(r, _)| *r).max()
    }
}

/// A workbook's sheets in tab order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }

    pub fn sheet_mut(&mut self, name: &str) -> Option<&mut Sheet> {
        self.sheets.iter_mut().find(|s| s.name == name)
    }
}
