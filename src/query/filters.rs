//! What the user asked to see: filters, layout, sort and page, and their form in
//! the URL (`#/register?status=amber&portfolio=Finance&q=air`).

use std::collections::BTreeSet;

/// The filters of the filter bar. Values are the register's own (status ids, theme
/// titles, objective IDs, names); a value the register does not have is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub statuses: BTreeSet<String>,
    pub theme: Option<String>,
    pub objective: Option<String>,
    pub lead_officer: Option<String>,
    pub portfolio: Option<String>,
    pub search: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The filters in words, for headings and extracts: "Status = Amber or Red",
    /// "Portfolio = Finance", "Search = “air quality”". Empty when none is set.
    pub fn describe(&self, register: &crate::register::Register) -> Vec<String> {
        let mut parts = Vec::new();
        if !self.statuses.is_empty() {
            let labels: Vec<String> = register
                .statuses
                .iter()
                .filter(|s| self.statuses.contains(&s.id))
                .map(|s| s.label.clone())
                .collect();
            if !labels.is_empty() {
                parts.push(format!("Status = {}", labels.join(" or ")));
            }
        }
        let shown = |v: &str| {
            if v.trim().is_empty() {
                "Not recorded".to_owned()
            } else {
                v.to_owned()
            }
        };
        for (name, value) in [
            ("Theme", &self.theme),
            ("Objective", &self.objective),
            ("Lead officer", &self.lead_officer),
            ("Portfolio", &self.portfolio),
        ] {
            if let Some(v) = value {
                parts.push(format!("{name} = {}", shown(v)));
            }
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("Search = \u{201c}{}\u{201d}", self.search.trim()));
        }
        parts
    }
}

/// How the register is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// Theme → objective → key activity, as the report.
    #[default]
    Grouped,
    /// One sortable table.
    Table,
}

/// What the flat table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Report,
    Id,
    Status,
    LeadOfficer,
    Portfolio,
}

impl SortKey {
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Report => "report",
            SortKey::Id => "id",
            SortKey::Status => "status",
            SortKey::LeadOfficer => "lead",
            SortKey::Portfolio => "portfolio",
        }
    }

    fn from_name(name: &str) -> Option<SortKey> {
        [
            SortKey::Report,
            SortKey::Id,
            SortKey::Status,
            SortKey::LeadOfficer,
            SortKey::Portfolio,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// A sort: key and direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Up to this many matches show on one page, so a register the size of the
/// report (37) reads as one document.
pub const ONE_PAGE_UP_TO: usize = 100;

/// Rows on each page of a list longer than [`ONE_PAGE_UP_TO`]: 10 unless the user
/// chose another of [`RowsPerPage::CHOICES`]. Few rows keep a keystroke quick at
/// 10,000 activities; each row carries a long progress and next-steps text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowsPerPage(usize);

impl RowsPerPage {
    pub const CHOICES: [usize; 4] = [10, 25, 50, 100];

    /// `rows` if it is one of the choices.
    pub fn new(rows: usize) -> Option<RowsPerPage> {
        Self::CHOICES.contains(&rows).then_some(RowsPerPage(rows))
    }

    pub fn get(self) -> usize {
        self.0
    }
}

impl Default for RowsPerPage {
    fn default() -> Self {
        RowsPerPage(Self::CHOICES[0])
    }
}

/// Everything the register view shows, as the URL carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewQuery {
    pub filters: Filters,
    pub layout: Layout,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
    pub rows: RowsPerPage,
}

/// Rows on one page when `matches` activities match: all of them up to
/// [`ONE_PAGE_UP_TO`], otherwise the rows per page chosen.
pub fn page_size(matches: usize, rows: RowsPerPage) -> usize {
    if matches <= ONE_PAGE_UP_TO {
        ONE_PAGE_UP_TO
    } else {
        rows.get()
    }
}

impl ViewQuery {
    /// Reads the query part of a URL hash; unknown keys and bad values are ignored.
    pub fn from_query(query: &str) -> ViewQuery {
        let mut view = ViewQuery {
            page: 1,
            ..ViewQuery::default()
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            let filters = &mut view.filters;
            match key {
                "status" if !value.is_empty() => {
                    filters.statuses.insert(value);
                }
                "theme" if !value.is_empty() => filters.theme = Some(value),
                "objective" if !value.is_empty() => filters.objective = Some(value),
                "lead" => filters.lead_officer = Some(value),
                "portfolio" => filters.portfolio = Some(value),
                "q" => filters.search = value,
                "layout" if value == "table" => view.layout = Layout::Table,
                "sort" => view.sort.key = SortKey::from_name(&value).unwrap_or_default(),
                "dir" => view.sort.descending = value == "desc",
                "page" => view.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                "rows" => {
                    view.rows = value
                        .parse()
                        .ok()
                        .and_then(RowsPerPage::new)
                        .unwrap_or_default()
                }
                _ => {}
            }
        }
        view
    }

    /// The query part of the URL hash, without defaults; empty when all are default.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut add =
            |key: &str, value: &str| parts.push(format!("{key}={}", encode_component(value)));
        let f = &self.filters;
        for status in &f.statuses {
            add("status", status);
        }
        if let Some(v) = &f.theme {
            add("theme", v);
        }
        if let Some(v) = &f.objective {
            add("objective", v);
        }
        if let Some(v) = &f.lead_officer {
            add("lead", v);
        }
        if let Some(v) = &f.portfolio {
            add("portfolio", v);
        }
        if !f.search.is_empty() {
            add("q", &f.search);
        }
        if self.layout == Layout::Table {
            add("layout", "table");
        }
        if self.sort.key != SortKey::Report {
            add("sort", self.sort.key.name());
        }
        if self.sort.descending {
            add("dir", "desc");
        }
        if self.page > 1 {
            add("page", &self.page.to_string());
        }
        if self.rows != RowsPerPage::default() {
            add("rows", &self.rows.get().to_string());
        }
        parts.join("&")
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes percent-encoding ("+" is a space); malformed escapes are kept as text.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, byte) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_round_trips_through_the_url() {
        let mut view = ViewQuery {
            page: 3,
            rows: RowsPerPage::new(50).unwrap(),
            layout: Layout::Table,
            sort: Sort {
                key: SortKey::Status,
                descending: true,
            },
            ..ViewQuery::default()
        };
        view.filters.statuses = ["amber".to_owned(), "red".to_owned()].into();
        view.filters.theme = Some("THE PLACE: an enterprising, vibrant place".into());
        view.filters.lead_officer = Some(String::new());
        view.filters.portfolio = Some("Finance & Assets".into());
        view.filters.search = "air quality café".into();
        let query = view.to_query();
        assert!(query.starts_with("status=amber&status=red&theme=THE%20PLACE%3A%20an%20enterprising%2C%20vibrant%20place&lead=&portfolio=Finance%20%26%20Assets&q=air%20quality%20caf%C3%A9"), "{query}");
        assert!(query.ends_with("&page=3&rows=50"), "{query}");
        assert_eq!(ViewQuery::from_query(&query), view);
    }

    #[test]
    fn long_lists_are_paged_by_the_rows_chosen_and_short_ones_show_whole() {
        let ten = RowsPerPage::default();
        assert_eq!(ten.get(), 10);
        assert_eq!(page_size(37, ten), ONE_PAGE_UP_TO);
        assert_eq!(page_size(100, ten), ONE_PAGE_UP_TO);
        assert_eq!(page_size(101, ten), 10);
        let fifty = RowsPerPage::new(50).unwrap();
        assert_eq!(page_size(10_000, fifty), 50);
        assert_eq!(RowsPerPage::new(30), None);
        assert_eq!(RowsPerPage::new(0), None);
    }

    #[test]
    fn defaults_leave_the_url_clean_and_junk_is_ignored() {
        let default = ViewQuery {
            page: 1,
            ..ViewQuery::default()
        };
        assert_eq!(default.to_query(), "");
        let junk = ViewQuery::from_query(
            "page=-4&rows=7&sort=sideways&layout=spiral&zzz=1&q=%E2%28%A1&status=&%ZZ",
        );
        assert_eq!(junk.page, 1);
        assert_eq!(junk.rows, RowsPerPage::default());
        assert_eq!(junk.sort, Sort::default());
        assert_eq!(junk.layout, Layout::Grouped);
        assert!(junk.filters.statuses.is_empty());
    }

    #[test]
    fn filters_are_described_in_words() {
        let register = crate::sample::sample_register().unwrap();
        let mut f = Filters::default();
        assert!(f.describe(&register).is_empty());
        f.statuses = ["red".to_owned(), "amber".to_owned()].into();
        f.portfolio = Some("Finance".into());
        f.lead_officer = Some(String::new());
        f.search = " air ".into();
        assert_eq!(
            f.describe(&register),
            [
                "Status = Amber or Red",
                "Lead officer = Not recorded",
                "Portfolio = Finance",
                "Search = \u{201c}air\u{201d}"
            ]
        );
    }

    #[test]
    fn percent_decoding_is_forgiving() {
        assert_eq!(decode_component("a+b%20c%2"), "a b c%2");
        assert_eq!(decode_component("%zz"), "%zz");
    }
}
