//! Where things are in a return workbook: the sheets' names, the lead sheet's
//! rows and columns, and cell references as Excel writes them ("C7"). The
//! writer (`xlsx`) and the checks (`read`) both take them from here.

/// The first sheet: what to do, in plain words.
pub const INSTRUCTIONS_SHEET: &str = "Instructions";
/// The very hidden sheet that says what the return is (`identity`).
pub const IDENTITY_SHEET: &str = "Return identity";

/// The lead sheet's rows (0-based): a title, the register, what to do, a gap,
/// the column headings, then one row per activity.
pub const TITLE_ROW: u32 = 0;
pub const REGISTER_ROW: u32 = 1;
pub const GUIDANCE_ROW: u32 = 2;
pub const HEADER_ROW: u32 = 4;
pub const FIRST_ACTIVITY_ROW: u32 = 5;

/// The lead sheet's columns (0-based).
pub const ID_COL: u16 = 0;
pub const TITLE_COL: u16 = 1;
pub const STATUS_COL: u16 = 2;
pub const PROGRESS_COL: u16 = 3;
pub const NEXT_STEPS_COL: u16 = 4;
pub const LAST_STATUS_COL: u16 = 5;
pub const LAST_PROGRESS_COL: u16 = 6;
pub const LAST_NEXT_STEPS_COL: u16 = 7;

/// The column headings, in column order.
pub const HEADINGS: [&str; 8] = [
    "ID",
    "Key activity",
    "Status",
    "Progress (one point per line)",
    "Next steps (one point per line)",
    "Status last quarter",
    "Progress last quarter",
    "Next steps last quarter",
];

/// Characters Excel does not allow in a sheet name.
const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];
/// Excel's longest sheet name.
const MAX_SHEET_NAME: usize = 31;

/// A sheet name for `lead`: Excel's rules (at most 31 characters, none of
/// `[]:*?/\`, not starting or ending with `'`, not the reserved names) and
/// unique, ignoring case, among `taken`.
pub fn sheet_name(lead: &str, taken: &[String]) -> String {
    let clean: String = lead
        .chars()
        .map(|c| {
            if FORBIDDEN.contains(&c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim().to_owned();
    let base = if clean.is_empty()
        || [INSTRUCTIONS_SHEET, IDENTITY_SHEET, "History"]
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&clean))
    {
        format!("Lead {clean}").trim().to_owned()
    } else {
        clean
    };
    let is_taken = |name: &str| {
        taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = MAX_SHEET_NAME - suffix.chars().count();
        let name: String = base.chars().take(room).collect();
        let name = format!("{}{suffix}", name.trim_end());
        if !is_taken(&name) {
            return name;
        }
        n += 1;
    }
}

/// "C7" for row 6, column 2 (both 0-based), as Excel names cells.
pub fn cell_ref(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// Points as one cell's text: one per line.
pub fn lines(points: &[String]) -> String {
    points.join("\n")
}
