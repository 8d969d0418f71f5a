//! The page's side of the returns worker (`src/bin/returns_worker.rs`) and of
//! the Returns view's session: a small inline script that holds the worker
//! (started on first use with a relative URL, so the workbook code is not in
//! the initial download; any failure ends it, so the next use starts a fresh
//! one), the session's strings (opaque to the page: the worker's HTML, the
//! returns held, the choices made), the view's delegated click, change and
//! drop handlers, and the downloads. It asks the app (`returns_view::host`)
//! for the register and hands the register the worker made back to it: every
//! change still goes through `AppState::replace` or the import preview.
//!
//! Kept in script on purpose: this is plumbing of strings between the page
//! and the worker, and written in Rust it cost ~8 KB gzip of the initial
//! download (issue 14's 10 KB limit); every rule and check about returns is
//! in the worker (`crate::returns`), and only the page's few sentences of its
//! own (what it is doing, set aside, applied) are here.

use wasm_bindgen::prelude::*;

// The script, without comments (it ships as written):
// - `S` is the session, kept while the officer moves between views: the
//   worker's regions (tracker, review, refused, sheet), `held` the returns
//   read and not yet applied, `table` the spreadsheet read (both the worker's
//   JSON), `made` one workbook a line (lead, "" for every lead; name; blob
//   URL), `applied` one lead a line, `conflicts` '1' per review item that
//   starts undecided, `stale` when the review region is not what `review` says.
// - `ask` sends one request at a time (each answer goes to the request it
//   answers); files over the size limit are sent empty (refused by size).
// - `run` shows what is being done, asks, and puts the answer on the page
//   (`take`: every named region sent, then per `then`: 'tracker' quietly,
//   'review', 'download', 'sheet' or 'applied'); a failure is one sentence.
// - `paint` sets the regions; an empty one is not shown (`.returns-view
//   :empty` in the CSS); the review is drawn again only when it changed, so
//   the choices made stay. `setup` puts the controls back as the officer
//   left them.
// - Import spreadsheet's choices are sent one a line (`data-sheet`,
//   `data-key`, value); its file button on the Register view is outside any
//   `.returns-view`, so it is matched by id and works with no register.
// - Files dropped on `#returns-view` are returns: the page's own drop
//   handler (JSON import, on the window) is not reached.
// - A register from the worker goes to the app's one door (`host('apply')`),
//   a spreadsheet's to the import preview (`host('offer')`).
#[wasm_bindgen(inline_js = r##"
const URL_ = './returns_worker_loader.js';
let MAX = 0;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NO_REGISTER = '<h1>Returns</h1><p>There is no register in this browser yet. <a href="#/register">Load or import one on the Register view</a>: Import spreadsheet there brings in one kept in Excel or CSV.</p>';
const LOADING = '<h1>Returns</h1><p class="hint" role="status">Loading the returns tools\u2026</p>';
let host = null;
let w = null;
let q = Promise.resolve();
const S = { deadline: '', combined: false, made: '', held: '', tracker: '', review: '', stale: false, conflicts: '',
  refused: '', leads: '', applied: '', busy: false, status: '', problem: '', sheet: '', table: '', sheetName: '', page: '' };
const $ = (id) => document.getElementById(id);
const region = (id, html) => { const e = $(id); if (e) e.innerHTML = html; };
const text = (id, t) => { const e = $(id); if (e) e.textContent = t; };
const describe = (e) => (e instanceof Error ? e.message : typeof e === 'string' ? e : 'no reason given');
const register = () => host('register', '', '');

async function ask(request, blobs) {
  const files = await Promise.all(blobs.map(async (b) => new Uint8Array(b.size > MAX ? 0 : await b.arrayBuffer())));
  const starting = w || (w = new Promise((ok, no) => {
    const x = new Worker(URL_);
    const t = setTimeout(() => { x.terminate(); no(new Error('the workbook tools did not start in time')); }, 30000);
    x.onmessage = (e) => { if (e.data === 'ready') { clearTimeout(t); ok(x); } };
    x.onerror = (e) => { e.preventDefault(); clearTimeout(t); no(new Error(e.message || 'their files could not be loaded')); };
  }));
  const x = await starting.catch((why) => { w = null; throw why; });
  const job = q.then(() => new Promise((ok, no) => {
    x.onmessage = (e) => (typeof e.data === 'string' ? no(new Error(e.data)) : ok(e.data));
    x.onerror = (e) => { e.preventDefault(); x.terminate(); w = null; no(new Error(e.message || 'the workbook tools stopped')); };
    x.postMessage({ request: JSON.stringify(request), files }, files.map((f) => f.buffer));
  }));
  q = job.catch(() => {});
  return job;
}

async function run(request, blobs, doing, then) {
  const quiet = then === 'tracker';
  if (!quiet) {
    if (S.busy) return;
    S.busy = true; S.problem = ''; S.status = doing; paint();
  }
  let done = '';
  let why = null;
  try {
    const answer = await ask(request, blobs);
    try { done = take(answer, then); } catch (e) { why = describe(e); }
  } catch (e) {
    why = `${doing.replace(/\u2026+$/, '')} did not work: ${describe(e).replace(/\.+$/, '')}.`;
  }
  if (!quiet) {
    S.busy = false;
    S.status = why === null ? done : '';
    if (why !== null) S.problem = why;
  } else if (why !== null) S.problem = why;
  paint();
}

function take(a, then) {
  const got = (k) => (typeof a[k] === 'string' ? a[k] : null);
  for (const [k, key] of [['tracker'], ['review'], ['conflicts'], ['refused'], ['leads'], ['returns', 'held'], ['sheet'], ['table']]) {
    if (got(k) !== null) S[key || k] = got(k);
  }
  if (got('page') !== null) { region('returns-view', S.page = got('page')); setup(); }
  S.stale = S.stale || got('review') !== null;
  const done = got('status') || '';
  paint();
  if (then === 'tracker') return done;
  if (then === 'review') { refresh(); return done; }
  if (then === 'download') {
    let made = '';
    const files = [...a];
    for (const f of files) {
      let url;
      try {
        url = URL.createObjectURL(new Blob([f.bytes], { type: XLSX }));
        const link = document.createElement('a');
        link.href = url; link.download = f.name; link.click();
      } catch (e) { throw `The download could not start (${describe(e)}).`; }
      made += `${f.lead}\t${f.name}\t${url}\n`;
    }
    for (const line of S.made.split('\n')) if (line) URL.revokeObjectURL(line.split('\t').pop());
    S.made = made;
    refresh();
    return files.length === 1 ? `Downloaded ${files[0].name}.`
      : `Downloaded ${files.length} workbooks, one per lead officer; each is also linked in the table below.`;
  }
  if (then === 'sheet') {
    if (got('sheet') !== null) { region('returns-sheet', got('sheet')); $('sheet-heading')?.focus(); }
    if (got('offer') !== null) host('offer', S.sheetName, got('offer'));
    return done;
  }
  const next = got('register');
  if (next === null) throw 'the workbook tools answered something unexpected';
  const refused = host('apply', next, '');
  if (refused !== undefined) throw refused;
  const leads = S.leads;
  S.applied += `${leads}\n`;
  S.held = S.review = S.refused = S.conflicts = S.leads = '';
  S.stale = true;
  paint();
  refresh();
  return `Returns applied from ${leads.split('\n').join(', ')}. Undo puts the register back as it was.`;
}

function refresh() {
  const r = register();
  if (r === undefined) return;
  run({ kind: 'View', register: r, deadline: S.deadline, links: S.made, applied: S.applied, held: S.held, page: !S.page },
    [], 'Drawing the tracker', 'tracker');
}

function paint() {
  region('returns-tracker-table', S.tracker);
  text('returns-status', S.status);
  if (S.stale) { region('returns-review-panel', S.review); S.stale = false; }
  region('returns-refused', S.refused);
  text('returns-problem', S.problem);
}

function setup() {
  text('returns-period', host('period', '', '') || '');
  const d = $('returns-deadline');
  if (d) d.value = S.deadline;
  const c = $(S.combined ? 'returns-combined' : 'returns-apart');
  if (c) c.checked = true;
  S.stale = true;
  region('returns-sheet', S.sheet);
  paint();
}

function sheetStep(step, blobs) {
  const choices = [...document.querySelectorAll('select[data-sheet]')].map((s) => `${s.dataset.sheet}\t${s.dataset.key}\t${s.value}\n`).join('');
  run({ kind: 'Sheet', register: register() ?? '', step, name: S.sheetName, table: S.table, choices },
    blobs, 'Reading the spreadsheet\u2026', 'sheet');
}

function importReturns(list) {
  const blobs = [...(list || [])];
  const r = blobs.length ? register() : undefined;
  if (r === undefined) return;
  run({ kind: 'Read', register: r, names: blobs.map((f) => f.name), sizes: blobs.map((f) => f.size), held: S.held },
    blobs, 'Reading the returned workbooks\u2026', 'review');
}

function apply() {
  const found = [...document.querySelectorAll('select[data-review]')];
  const decisions = found.map((s) => ({ accept: 'a', reject: 'r' })[s.value] || '-').join('');
  const i = [...decisions].findIndex((d, i) => S.conflicts[i] === '1' && d === '-');
  if (i >= 0) {
    S.problem = 'Choose which value to keep for each conflict first: nothing has been applied.';
    paint();
    found[i].focus();
    return;
  }
  const r = register();
  if (r === undefined) return;
  run({ kind: 'Apply', register: r, returns: S.held, decisions }, [], 'Applying the returns\u2026', 'applied');
}

function onClick(ev) {
  const t = ev.target;
  const b = t instanceof Element && t.closest('.returns-view') && t.closest('[data-action]');
  if (!b) return;
  const action = b.dataset.action;
  if (action === 'export') {
    const r = register();
    if (r === undefined) return;
    run({ kind: 'Export', register: r, previous: host('previous', '', '') ?? null, combined: S.combined, deadline: S.deadline },
      [], 'Preparing the return workbooks\u2026', 'download');
  } else if (action === 'apply') apply();
  else if (action === 'sheet-preview') sheetStep('build', []);
  else if (action === 'sheet-cancel') {
    S.sheet = S.table = '';
    region('returns-sheet', '');
    S.status = 'The spreadsheet was set aside; the register is unchanged.';
    paint();
  } else if (action === 'discard') {
    S.held = S.review = S.conflicts = S.leads = '';
    S.stale = true;
    S.status = 'The returns were set aside; the register is unchanged.';
    paint();
    refresh();
  } else if (action === 'take' || action === 'keep') {
    for (const s of document.querySelectorAll('select[data-review]')) {
      if (s.getAttribute('data-file') === b.getAttribute('data-file')) s.value = action === 'take' ? 'accept' : 'reject';
    }
  }
}

function onChange(ev) {
  const t = ev.target;
  if (!(t instanceof Element) || !(t.closest('.returns-view') || t.id === 'import-spreadsheet')) return;
  if (t.closest('select[data-sheet="map"]')) return sheetStep('form', []);
  const input = t.closest('input');
  if (!input) return;
  if (input.id === 'import-returns') {
    importReturns(input.files);
  } else if (input.id === 'import-spreadsheet') {
    const f = input.files && input.files[0];
    if (f) { S.sheetName = f.name; sheetStep('read', [f]); }
  } else if (input.id === 'returns-deadline') {
    S.deadline = input.value;
    return refresh();
  } else return void (S.combined = input.value === 'combined');
  input.value = '';
}

function onDrop(ev) {
  const t = ev.target;
  if (!(t instanceof Element && t.closest('#returns-view'))) return;
  ev.preventDefault();
  ev.stopPropagation();
  if (ev.type === 'drop') importReturns(ev.dataTransfer && ev.dataTransfer.files);
}

export function returns_start(h, max) {
  host = h;
  MAX = max;
  document.addEventListener('click', onClick);
  document.addEventListener('change', onChange);
  document.addEventListener('dragover', onDrop);
  document.addEventListener('drop', onDrop);
}

export function returns_show(has) {
  if (!has) return region('returns-view', NO_REGISTER);
  region('returns-view', S.page || LOADING);
  setup();
  refresh();
}
"##)]
extern "C" {
    /// Installs the session with the app's side (`what`, two strings → a
    /// string or nothing) and the delegated handlers; once.
    pub fn returns_start(
        host: &Closure<dyn Fn(String, String, String) -> Option<String>>,
        max_bytes: f64,
    );
    /// Fills `#returns-view`: the skeleton, the regions and the tracker, or
    /// the no-register text.
    pub fn returns_show(has_register: bool);
}
