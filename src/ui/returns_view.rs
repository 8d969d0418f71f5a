//! Returns (`#/returns`): **Export return workbooks** (one per lead officer, or
//! one with a sheet per lead), who has returned and a reminder e-mail for who
//! has not, **Import returns** (picker, or files dropped on the view) and the
//! review of what came back, field by field, ending in **Apply returns** (one
//! undoable step through `AppState::replace`). The workbooks are made, read and
//! merged by the returns worker (`returns_worker`); the rules and the markup are
//! in `crate::returns` (`returns::html`).
//!
//! Kept small for the initial download: the view is a few regions of escaped
//! HTML text with one delegated handler per event type (a Leptos view per row
//! and control cost ~45 KB gzip), and the reviewer's choices are read back from
//! the review's `select` elements when Apply is pressed.

use super::file_io;
use super::returns_worker;
use super::state::AppState;
use crate::returns::request::{
    ApplyRequest, ExportRequest, ReadRequest, Request, SheetRequest, ViewRequest,
};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The returns' state for the session, kept while the officer moves between
/// views (created once in `App`). The HTML regions are the worker's.
#[derive(Clone, Copy)]
pub struct ReturnsSession {
    deadline: RwSignal<String>,
    combined: RwSignal<bool>,
    /// Workbooks made this session, one a line: lead ("" for every lead),
    /// name and blob URL, tab-separated.
    made: RwSignal<String>,
    /// The returns read and not yet applied (the worker's JSON, opaque here).
    held: RwSignal<String>,
    tracker: RwSignal<String>,
    review: RwSignal<String>,
    /// The review region is not what `review` says (a new review, or the view
    /// opened again).
    review_stale: RwSignal<bool>,
    /// Per review item, '1' for a conflict (which starts undecided).
    conflicts: RwSignal<String>,
    refused: RwSignal<String>,
    /// Leads whose returns are held, then applied this session.
    leads: RwSignal<String>,
    /// One lead a line.
    applied: RwSignal<String>,
    busy: RwSignal<bool>,
    status: RwSignal<String>,
    problem: RwSignal<String>,
    /// Import spreadsheet: the mapping form (the worker's HTML), the table
    /// read (its JSON, opaque here) and the file's name.
    sheet: RwSignal<String>,
    table: RwSignal<String>,
    sheet_name: RwSignal<String>,
    /// The view's skeleton (`returns::html::PAGE`, sent by the worker).
    page: RwSignal<String>,
}

impl ReturnsSession {
    pub fn new() -> ReturnsSession {
        ReturnsSession {
            deadline: RwSignal::new(String::new()),
            combined: RwSignal::new(false),
            made: RwSignal::new(String::new()),
            held: RwSignal::new(String::new()),
            tracker: RwSignal::new(String::new()),
            review: RwSignal::new(String::new()),
            review_stale: RwSignal::new(false),
            conflicts: RwSignal::new(String::new()),
            refused: RwSignal::new(String::new()),
            leads: RwSignal::new(String::new()),
            applied: RwSignal::new(String::new()),
            busy: RwSignal::new(false),
            status: RwSignal::new(String::new()),
            problem: RwSignal::new(String::new()),
            sheet: RwSignal::new(String::new()),
            table: RwSignal::new(String::new()),
            sheet_name: RwSignal::new(String::new()),
            page: RwSignal::new(String::new()),
        }
    }
}

impl Default for ReturnsSession {
    fn default() -> Self {
        ReturnsSession::new()
    }
}

/// What to do with an answer besides setting the named regions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Only the tracker is drawn again: quietly, not as the officer's work.
    Tracker,
    /// The review and refusals are shown; the tracker follows.
    Review,
    Download,
    Applied,
    /// A step of Import spreadsheet: the form, or a register to preview.
    Sheet,
}

/// Asks the worker and puts its answer on the page: every named region it
/// sends, then what `then` says; a failure is one sentence.
fn run(
    state: AppState,
    s: ReturnsSession,
    request: Request,
    files: js_sys::Array,
    doing: &'static str,
    then: Then,
) {
    if then != Then::Tracker {
        if s.busy.get_untracked() {
            return;
        }
        s.busy.set(true);
        s.problem.set(String::new());
        s.status.set(doing.to_owned());
        paint(s);
    }
    leptos::task::spawn_local(async move {
        let outcome = match returns_worker::ask(&request, files).await {
            Ok(answer) => take(state, s, &answer, then),
            Err(why) => Err(format!(
                "{} did not work: {}.",
                doing.trim_end_matches('\u{2026}'),
                why.trim_end_matches('.')
            )),
        };
        if then != Then::Tracker {
            s.busy.set(false);
            match outcome {
                Ok(done) => s.status.set(done),
                Err(why) => {
                    s.status.set(String::new());
                    s.problem.set(why);
                }
            }
        } else if let Err(why) = outcome {
            s.problem.set(why);
        }
        paint(s);
    });
}

fn take(
    state: AppState,
    s: ReturnsSession,
    answer: &JsValue,
    then: Then,
) -> Result<String, String> {
    let field = |name| returns_worker::field(answer, name);
    for (name, signal) in [
        ("tracker", s.tracker),
        ("review", s.review),
        ("conflicts", s.conflicts),
        ("refused", s.refused),
        ("leads", s.leads),
        ("returns", s.held),
        ("sheet", s.sheet),
        ("table", s.table),
    ] {
        if let Some(text) = field(name) {
            signal.set(text);
        }
    }
    if let Some(page) = field("page") {
        region("returns-view", &page);
        s.page.set(page);
        setup(state, s);
    }
    s.review_stale
        .set(s.review_stale.get_untracked() || field("review").is_some());
    let done = field("status").unwrap_or_default();
    paint(s);
    match then {
        Then::Tracker => return Ok(done),
        Then::Review => {
            refresh(state, s);
            return Ok(done);
        }
        Then::Download => {
            let files = returns_worker::files(answer);
            let mut made = String::new();
            for (lead, name, bytes) in &files {
                // One blob each: downloaded now, and linked in the tracker.
                let url = file_io::object_url(XLSX_MIME, bytes)?;
                file_io::download_url(name, &url)?;
                made.push_str(&format!("{lead}\t{name}\t{url}\n"));
            }
            for old in s
                .made
                .get_untracked()
                .lines()
                .filter_map(|l| l.rsplit('\t').next())
            {
                let _ = web_sys::Url::revoke_object_url(old);
            }
            s.made.set(made);
            refresh(state, s);
            return Ok(match files.as_slice() {
                [(_, name, _)] => format!("Downloaded {name}."),
                _ => format!("Downloaded {} workbooks, one per lead officer; each is also linked in the table below.", files.len()),
            });
        }
        Then::Sheet => {
            // The form is drawn only when the worker sends one, so choices stay.
            if let Some(html) = field("sheet") {
                region("returns-sheet", &html);
                if let Some(h) = document().get_element_by_id("sheet-heading") {
                    let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            if let Some(text) = field("offer") {
                // Through the usual import preview: the file format's rules.
                let name = s.sheet_name.get_untracked();
                let current = state.register.get_untracked();
                state.offer_import(
                    crate::import::preview_file(&name, text.as_bytes(), current.as_ref()).map_err(
                        |e| super::state::Refusal {
                            source: name,
                            sentences: e.sentences(),
                        },
                    ),
                );
            }
            return Ok(done);
        }
        Then::Applied => {}
    }
    let text = field("register").ok_or("the workbook tools answered something unexpected")?;
    let next = crate::format::decode(&text).map_err(|e| e.to_string())?;
    let leads = s.leads.get_untracked();
    // Through the one door: a register the rules refuse is not applied.
    state
        .replace(next)
        .map_err(|why| format!("The returns were not applied: {why}"))?;
    s.applied.update(|a| {
        a.push_str(&leads);
        a.push('\n');
    });
    for signal in [s.held, s.review, s.refused, s.conflicts, s.leads] {
        signal.set(String::new());
    }
    s.review_stale.set(true);
    paint(s);
    refresh(state, s);
    let from: Vec<&str> = leads.lines().collect();
    Ok(format!(
        "Returns applied from {}. Undo puts the register back as it was.",
        from.join(", ")
    ))
}

fn encoded(state: AppState) -> Option<String> {
    state
        .register
        .with_untracked(|r| r.as_ref().map(crate::format::encode_compact))
}

/// Draws the tracker again (in the worker).
fn refresh(state: AppState, s: ReturnsSession) {
    let Some(register) = encoded(state) else {
        return;
    };
    let request = ViewRequest {
        register,
        deadline: s.deadline.get_untracked(),
        links: s.made.get_untracked(),
        applied: s.applied.get_untracked(),
        held: s.held.get_untracked(),
        page: s.page.with_untracked(String::is_empty),
    };
    run(
        state,
        s,
        Request::View(request),
        js_sys::Array::new(),
        "Drawing the tracker",
        Then::Tracker,
    );
}

/// Sets a region's HTML, if it is on the page.
fn region(id: &str, html: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.set_inner_html(html);
    }
}

/// Puts the session's regions on the page (after each answer, and when the
/// view is opened again). An empty region is not shown (`.returns-view
/// :empty` in the CSS).
fn paint(s: ReturnsSession) {
    region("returns-tracker-table", &s.tracker.get_untracked());
    region(
        "returns-status",
        &crate::html::escape(&s.status.get_untracked()),
    );
    // Drawn again only when the review changed, so the choices made stay.
    if s.review_stale.get_untracked() {
        region("returns-review-panel", &s.review.get_untracked());
        s.review_stale.set(false);
    }
    region("returns-refused", &s.refused.get_untracked());
    region(
        "returns-problem",
        &crate::html::escape(&s.problem.get_untracked()),
    );
}

/// The view's controls as the officer left them and its regions: after the
/// skeleton is on the page, and again whenever the register changes (an
/// edit, an undo, an applied return).
fn setup(state: AppState, s: ReturnsSession) {
    let period = state
        .register
        .with_untracked(|r| r.as_ref().map(|r| r.period.to_string()));
    let doc = document();
    if let Some(el) = doc.get_element_by_id("returns-period") {
        el.set_text_content(period.as_deref());
    }
    if let Some(el) = doc.get_element_by_id("returns-deadline") {
        el.unchecked_into::<web_sys::HtmlInputElement>()
            .set_value(&s.deadline.get_untracked());
    }
    if let Some(el) = doc.get_element_by_id(if s.combined.get_untracked() {
        "returns-combined"
    } else {
        "returns-apart"
    }) {
        el.unchecked_into::<web_sys::HtmlInputElement>()
            .set_checked(true);
    }
    s.review_stale.set(true);
    region("returns-sheet", &s.sheet.get_untracked());
    paint(s);
}

/// What the view shows with no register in the browser.
const NO_REGISTER: &str = "<h1>Returns</h1><p>There is no register in this browser yet. <a href=\"#/register\">Load or import one on the Register view</a>: Import spreadsheet there brings in one kept in Excel or CSV.</p>";

/// What the view shows until the worker sends its skeleton.
const LOADING: &str =
    "<h1>Returns</h1><p class=\"hint\" role=\"status\">Loading the returns tools\u{2026}</p>";

#[component]
pub fn ReturnsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = expect_context::<ReturnsSession>();
    // After the view is on the page, and again whenever the register changes
    // (an edit, an undo, an applied return): the period, the controls as the
    // officer left them, the regions, and the tracker (drawn by the worker).
    Effect::new(move |_| {
        if state.register.with(Option::is_none) {
            return region("returns-view", NO_REGISTER);
        }
        let page = s.page.get_untracked();
        region(
            "returns-view",
            if page.is_empty() { LOADING } else { &page },
        );
        setup(state, s);
        refresh(state, s);
    });
    view! {
        // The skeleton comes from the worker with the first tracker (so its
        // text is not in the initial download), and is kept for the session.
        <div class="returns-view" id="returns-view" inner_html=LOADING
            on:click=move |ev| on_click(state, s, ev) on:change=move |ev| on_change(state, s, ev)
            on:dragover=|ev: web_sys::DragEvent| { ev.prevent_default(); ev.stop_propagation(); }
            on:drop=move |ev: web_sys::DragEvent| {
                // Dropped on this view, files are returns; the page's own drop
                // handler (JSON import) is not reached.
                ev.prevent_default();
                ev.stop_propagation();
                import_returns(state, s, ev.data_transfer().and_then(|d| d.files()));
            }>
        </div>
    }
}

/// The event's target, or its closest ancestor, matching `selector`.
fn target_with(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The review's selects, in item order.
fn selects() -> Vec<web_sys::HtmlSelectElement> {
    let Ok(list) = document().query_selector_all("select[data-review]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The view's `change` handler; also Import spreadsheet's in the import
/// controls (`import_controls::ImportControls`), so it works with no register.
pub fn on_change(state: AppState, s: ReturnsSession, ev: web_sys::Event) {
    if target_with(&ev, "select[data-sheet=\"map\"]").is_some() {
        // Another status column has other words to map: draw the form again.
        return sheet_step(state, s, "form", js_sys::Array::new());
    }
    let Some(input) = target_with(&ev, "input") else {
        return;
    };
    let input: web_sys::HtmlInputElement = input.unchecked_into();
    match input.id().as_str() {
        "import-returns" => {
            import_returns(state, s, input.files());
            // Choosing the same files again must fire `change` again.
            input.set_value("");
        }
        "import-spreadsheet" => {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                s.sheet_name.set(file.name());
                sheet_step(state, s, "read", js_sys::Array::of1(&file));
            }
            input.set_value("");
        }
        "returns-deadline" => {
            s.deadline.set(input.value());
            refresh(state, s);
        }
        _ => s.combined.set(input.value() == "combined"),
    }
}

/// The view's `click` handler (and Import spreadsheet's form's, as above).
pub fn on_click(state: AppState, s: ReturnsSession, ev: leptos::ev::MouseEvent) {
    let Some(button) = target_with(&ev, "[data-action]") else {
        return;
    };
    match button.get_attribute("data-action").as_deref() {
        Some("export") => {
            let Some(text) = encoded(state) else { return };
            let request = ExportRequest {
                register: text,
                // Last quarter, for the reference columns: the comparison
                // (starting a quarter sets it to the one archived).
                previous: state
                    .comparison
                    .with_untracked(|c| c.as_ref().map(crate::format::encode_compact)),
                combined: s.combined.get_untracked(),
                deadline: s.deadline.get_untracked(),
            };
            run(
                state,
                s,
                Request::Export(request),
                js_sys::Array::new(),
                "Preparing the return workbooks\u{2026}",
                Then::Download,
            );
        }
        Some("apply") => apply(state, s),
        Some("sheet-preview") => sheet_step(state, s, "build", js_sys::Array::new()),
        Some("sheet-cancel") => {
            s.sheet.set(String::new());
            s.table.set(String::new());
            region("returns-sheet", "");
            s.status
                .set("The spreadsheet was set aside; the register is unchanged.".to_owned());
            paint(s);
        }
        Some("discard") => {
            for signal in [s.held, s.review, s.conflicts, s.leads] {
                signal.set(String::new());
            }
            s.review_stale.set(true);
            s.status
                .set("The returns were set aside; the register is unchanged.".to_owned());
            paint(s);
            refresh(state, s);
        }
        Some(action @ ("take" | "keep")) => {
            let value = if action == "take" { "accept" } else { "reject" };
            let file = button.get_attribute("data-file");
            for select in selects() {
                if select.get_attribute("data-file") == file {
                    select.set_value(value);
                }
            }
        }
        _ => {}
    }
}

/// A step of Import spreadsheet in the worker, with the form's choices (one
/// a line: `data-sheet`, `data-key`, value). With no register in the
/// browser none is sent: the worker starts from the default one.
fn sheet_step(state: AppState, s: ReturnsSession, step: &str, files: js_sys::Array) {
    let request = SheetRequest {
        register: encoded(state).unwrap_or_default(),
        step: step.to_owned(),
        name: s.sheet_name.get_untracked(),
        table: s.table.get_untracked(),
        choices: returns_worker::sheet_choices(),
    };
    run(
        state,
        s,
        Request::Sheet(request),
        files,
        "Reading the spreadsheet\u{2026}",
        Then::Sheet,
    );
}

/// Reads the chosen or dropped files in the worker and reviews them.
fn import_returns(state: AppState, s: ReturnsSession, files: Option<web_sys::FileList>) {
    let Some(files) = files.filter(|f| f.length() > 0) else {
        return;
    };
    let Some(register) = encoded(state) else {
        return;
    };
    let blobs = js_sys::Array::new();
    let (mut names, mut sizes) = (Vec::new(), Vec::new());
    for file in (0..files.length()).filter_map(|i| files.get(i)) {
        names.push(file.name());
        sizes.push(file.size() as u64);
        blobs.push(&file);
    }
    let request = ReadRequest {
        register,
        names,
        sizes,
        held: s.held.get_untracked(),
    };
    run(
        state,
        s,
        Request::Read(request),
        blobs,
        "Reading the returned workbooks\u{2026}",
        Then::Review,
    );
}

fn apply(state: AppState, s: ReturnsSession) {
    let found = selects();
    let decisions: String = found
        .iter()
        .map(|s| match s.value().as_str() {
            "accept" => 'a',
            "reject" => 'r',
            _ => '-',
        })
        .collect();
    let conflicts = s.conflicts.get_untracked();
    let undecided = decisions
        .chars()
        .zip(conflicts.chars())
        .position(|(d, c)| c == '1' && d == '-');
    if let Some(i) = undecided {
        s.problem.set(
            "Choose which value to keep for each conflict first: nothing has been applied."
                .to_owned(),
        );
        paint(s);
        if let Some(select) = found.get(i) {
            let _ = select.focus();
        }
        return;
    }
    let Some(register) = encoded(state) else {
        return;
    };
    let request = ApplyRequest {
        register,
        returns: s.held.get_untracked(),
        decisions,
    };
    run(
        state,
        s,
        Request::Apply(request),
        js_sys::Array::new(),
        "Applying the returns\u{2026}",
        Then::Applied,
    );
}
