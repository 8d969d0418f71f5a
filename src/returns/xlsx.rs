//! The return workbooks themselves, in the returns worker only (feature
//! `xlsx`): written with `rust_xlsxwriter` (instructions, one protected sheet
//! per lead with the status drop-down and the editable cells unlocked, the very
//! hidden identity) and read back with `calamine` into a [`Book`] for `read`.

use super::book::{Book, CellValue, Merged, Sheet, Visibility};
use super::identity::Identity;
use super::layout::*;
use super::read::{self, Problem, Returned};
use super::LeadSheet;
use crate::register::Register;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use std::io::Cursor;

/// Where the status labels are listed on the instructions sheet (0-based), for
/// the drop-down when the labels do not fit an inline list.
const STATUS_KEY_ROW: u32 = 12;

/// One workbook holding `sheets` (one lead's, or every lead's).
pub fn write(
    register: &Register,
    sheets: &[&LeadSheet],
    deadline: &str,
) -> Result<Vec<u8>, String> {
    build(register, sheets, deadline)
        .map_err(|e| format!("The return workbook could not be made ({e})."))
}

fn build(register: &Register, sheets: &[&LeadSheet], deadline: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    write_instructions(book.add_worksheet(), register, sheets, deadline)?;
    let labels: Vec<String> = register.statuses.iter().map(|s| s.label.clone()).collect();
    for sheet in sheets {
        write_lead(book.add_worksheet(), register, sheet, &labels, deadline)?;
    }
    let identity = Identity::new(register, sheets).to_sheet();
    let hidden = book.add_worksheet();
    hidden.set_name(IDENTITY_SHEET)?;
    for ((row, col), value) in &identity.cells {
        hidden.write_string(*row, *col, value.text())?;
    }
    hidden.set_very_hidden(true);
    hidden.protect();
    if let Some(first) = book.worksheets_mut().get_mut(1) {
        first.set_active(true);
    }
    book.save_to_buffer()
}

fn wrap() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
}

fn write_instructions(
    ws: &mut Worksheet,
    register: &Register,
    sheets: &[&LeadSheet],
    deadline: &str,
) -> Result<(), XlsxError> {
    ws.set_name(INSTRUCTIONS_SHEET)?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 90)?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    ws.write_string_with_format(
        0,
        0,
        format!("Key activities return: {}", register.period),
        &title,
    )?;
    ws.write_string(1, 0, register.heading())?;
    let who: Vec<&str> = sheets.iter().map(|s| s.sheet_name.as_str()).collect();
    let by = if deadline.trim().is_empty() {
        String::new()
    } else {
        format!(" by {}", deadline.trim())
    };
    let steps = [
        format!("1. Open the sheet with your name ({}).", who.join(", ")),
        "2. For each key activity choose its Status from the drop-down list in the Status column.".to_owned(),
        "3. Write Progress and Next steps in their columns: one point per line (Alt+Enter starts a new line in a cell).".to_owned(),
        "4. Last quarter\u{2019}s status and text are beside each activity for reference; they are not read back.".to_owned(),
        "5. Do not rename the sheets, change the IDs, or add, delete or merge rows or cells: the return is matched by them.".to_owned(),
        format!("6. Save the workbook as it is (.xlsx, no password) and send it back{by}."),
    ];
    for (i, step) in steps.iter().enumerate() {
        ws.merge_range(3 + i as u32, 0, 3 + i as u32, 1, step, &wrap())?;
    }
    ws.write_string_with_format(STATUS_KEY_ROW - 1, 0, "Status", &bold)?;
    ws.write_string_with_format(STATUS_KEY_ROW - 1, 1, "What it means", &bold)?;
    for (i, status) in register.statuses.iter().enumerate() {
        ws.write_string(STATUS_KEY_ROW + i as u32, 0, &status.label)?;
        ws.write_string_with_format(STATUS_KEY_ROW + i as u32, 1, &status.meaning, &wrap())?;
    }
    ws.protect();
    Ok(())
}

fn write_lead(
    ws: &mut Worksheet,
    register: &Register,
    sheet: &LeadSheet,
    labels: &[String],
    deadline: &str,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.sheet_name)?;
    let title = Format::new().set_bold().set_font_size(14);
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    let locked = wrap().set_border(FormatBorder::Thin);
    let open = wrap()
        .set_unlocked()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xFFF8DC));
    let reference = wrap()
        .set_border(FormatBorder::Thin)
        .set_font_color(Color::RGB(0x444444))
        .set_background_color(Color::RGB(0xF2F2F2));
    ws.write_string_with_format(
        TITLE_ROW,
        0,
        format!("Key activities return: {}", sheet.lead),
        &title,
    )?;
    ws.write_string(REGISTER_ROW, 0, register.heading())?;
    let by = if deadline.trim().is_empty() {
        String::new()
    } else {
        format!(" Please return it by {}.", deadline.trim())
    };
    ws.write_string(GUIDANCE_ROW, 0, format!("Fill in the yellow cells: Status (from the list), Progress and Next steps, one point per line.{by}"))?;
    for (col, (text, width)) in HEADINGS
        .iter()
        .zip([12, 40, 16, 60, 50, 16, 45, 40])
        .enumerate()
    {
        ws.write_string_with_format(HEADER_ROW, col as u16, *text, &heading)?;
        ws.set_column_width(col as u16, width)?;
    }
    for (i, (a, last)) in sheet.activities.iter().enumerate() {
        let row = FIRST_ACTIVITY_ROW + i as u32;
        let status = register
            .statuses
            .get(&a.status)
            .map_or(a.status.as_str(), |s| s.label.as_str());
        ws.write_string_with_format(row, ID_COL, &a.id, &locked)?;
        ws.write_string_with_format(row, TITLE_COL, &a.title, &locked)?;
        ws.write_string_with_format(row, STATUS_COL, status, &open)?;
        ws.write_string_with_format(row, PROGRESS_COL, lines(&a.progress), &open)?;
        ws.write_string_with_format(row, NEXT_STEPS_COL, lines(&a.next_steps), &open)?;
        let (s, p, n) = last
            .as_ref()
            .map_or((String::new(), String::new(), String::new()), |l| {
                (l.status.clone(), lines(&l.progress), lines(&l.next_steps))
            });
        ws.write_string_with_format(row, LAST_STATUS_COL, s, &reference)?;
        ws.write_string_with_format(row, LAST_PROGRESS_COL, p, &reference)?;
        ws.write_string_with_format(row, LAST_NEXT_STEPS_COL, n, &reference)?;
    }
    if !sheet.activities.is_empty() {
        let last_row = FIRST_ACTIVITY_ROW + sheet.activities.len() as u32 - 1;
        ws.add_data_validation(
            FIRST_ACTIVITY_ROW,
            STATUS_COL,
            last_row,
            STATUS_COL,
            &status_list(labels)?,
        )?;
    }
    ws.set_freeze_panes(FIRST_ACTIVITY_ROW, TITLE_COL + 1)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    Ok(())
}

/// The status drop-down: the labels inline when they fit Excel's 255
/// characters and hold no comma, else the list on the instructions sheet.
fn status_list(labels: &[String]) -> Result<DataValidation, XlsxError> {
    let inline = labels.iter().map(|l| l.chars().count() + 1).sum::<usize>() <= 250
        && !labels.iter().any(|l| l.contains(','));
    let rule = DataValidation::new()
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("Not a status")?
        .set_error_message("Choose a status from the list.")?;
    if inline {
        rule.allow_list_strings(labels)
    } else {
        let last = STATUS_KEY_ROW + labels.len() as u32;
        Ok(rule.allow_list_formula(Formula::new(format!(
            "={INSTRUCTIONS_SHEET}!$A${}:$A${last}",
            STATUS_KEY_ROW + 1
        ))))
    }
}

/// A returned file: the container's checks, then calamine, then `read::check`.
pub fn read_return(
    bytes: &[u8],
    register: &Register,
    file: &str,
) -> Result<Returned, Vec<Problem>> {
    let book = read_book(bytes).map_err(|p| vec![p])?;
    read::check(&book, register, file)
}

/// The workbook's sheets as plain cells (after `container::check`).
pub fn read_book(bytes: &[u8]) -> Result<Book, Problem> {
    use calamine::{Data, Reader, SheetVisible, Xlsx};
    super::container::check(bytes)?;
    let unreadable = |e: calamine::XlsxError| Problem::Unreadable {
        reason: e.to_string(),
    };
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let metadata: Vec<(String, SheetVisible)> = xlsx
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    let mut book = Book::default();
    for (name, visible) in metadata {
        let visibility = match visible {
            SheetVisible::Visible => Visibility::Visible,
            SheetVisible::Hidden => Visibility::Hidden,
            SheetVisible::VeryHidden => Visibility::VeryHidden,
        };
        let mut sheet = Sheet::new(&name, visibility);
        let range = xlsx.worksheet_range(&name).map_err(unreadable)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            let value = match value {
                Data::String(s) => CellValue::Text(s.clone()),
                Data::Float(f) => CellValue::Number(*f),
                Data::Int(i) => CellValue::Number(*i as f64),
                Data::Bool(b) => CellValue::Bool(*b),
                Data::Error(e) => CellValue::Error(format!("{e:?}")),
                Data::Empty => continue,
                other => CellValue::Text(other.to_string()),
            };
            sheet
                .cells
                .insert((r0 + r as u32, (c0 as usize + c) as u16), value);
        }
        let formulas = xlsx.worksheet_formula(&name).map_err(unreadable)?;
        let (f0, g0) = formulas.start().unwrap_or((0, 0));
        sheet.formulas = formulas
            .used_cells()
            .filter(|(_, _, f)| !f.is_empty())
            .map(|(r, c, _)| (f0 + r as u32, (g0 as usize + c) as u16))
            .collect();
        sheet.merged = xlsx
            .merge_cells_by_sheet_name(&name)
            .map_err(unreadable)?
            .into_iter()
            .map(|d| Merged {
                first: (d.start.0, d.start.1 as u16),
                last: (d.end.0, d.end.1 as u16),
            })
            .collect();
        book.sheets.push(sheet);
    }
    Ok(book)
}
