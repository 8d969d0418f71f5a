//! Reading CSV text (RFC 4180) into rows of cells, as this app's own export
//! writes it and as Excel saves it: a leading BOM dropped, quoted fields with
//! `""` for a quote and line breaks inside, CRLF or LF between records, and
//! the export's formula guard (an apostrophe before `=`, `+`, `-`, `@`, tab or
//! CR) taken off again.

/// Why CSV text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed; the 1-based line it opened on.
    Unclosed { line: usize },
    /// Text after a closing quote, before the next comma; line and field (1-based).
    AfterQuote { line: usize, field: usize },
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvError::Unclosed { line } => write!(f, "The CSV file has a quoted cell that opens on line {line} and never closes: it looks cut short or is not CSV."),
            CsvError::AfterQuote { line, field } => write!(f, "The CSV file has text after the closing quote of cell {field} on line {line}; a quoted cell must end at its closing quote."),
        }
    }
}

/// The export's guard against formulas: "'=x" back to "=x".
pub fn unguard(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell,
    }
}

/// Every record of `text` as its fields (unguarded); blank lines give no record.
pub fn read(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut quoted_since) = (1, 0);
    let mut in_quotes = false;
    let mut was_quoted = false;
    let end_record =
        |record: &mut Vec<String>, field: &mut String, records: &mut Vec<Vec<String>>| {
            record.push(unguard(std::mem::take(field)));
            let done = std::mem::take(record);
            if !(done.len() == 1 && done[0].is_empty()) {
                records.push(done);
            }
        };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
                quoted_since = line;
            }
            ',' => {
                record.push(unguard(std::mem::take(&mut field)));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(&mut record, &mut field, &mut records);
                was_quoted = false;
                line += 1;
            }
            c if was_quoted => {
                let _ = c;
                return Err(CsvError::AfterQuote {
                    line,
                    field: record.len() + 1,
                });
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError::Unclosed { line: quoted_since });
    }
    if !field.is_empty() || !record.is_empty() || was_quoted {
        end_record(&mut record, &mut field, &mut records);
    }
    Ok(records)
}
