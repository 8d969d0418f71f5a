// End to end: the register file. The File System Access pickers are replaced by
// functions handing in files of the origin-private file system, which are real
// FileSystemFileHandles with createWritable, so the app's own write path runs:
// Save as and autosave, someone else's save (no overwrite, what differs, each
// choice), Reconnect after a reload, a write that fails, the download fallback
// where the API is missing, Ctrl+S / Ctrl+Shift+S, two tabs saving at once under the Web Lock, and axe scans.
import { stored as browserCopy, fullIndexedDbWhenAsked } from './stored.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, axeViolations, loadSample } from './browser.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const KEY = 'activity-register/v1/register';

/** The pickers hand in OPFS files named by `window.__pickName`. */
function pickersFromOpfs() {
  window.__pickName = 'register.json';
  window.__picked = 0;
  const handle = async () => {
    window.__picked += 1;
    return (await navigator.storage.getDirectory()).getFileHandle(window.__pickName, { create: true });
  };
  window.showSaveFilePicker = handle;
  window.showOpenFilePicker = async () => [await handle()];
}

async function withPickers() {
  const opened = await app.newPage();
  await opened.context.addInitScript(pickersFromOpfs);
  await loadSample(opened.page, app.url);
  return opened;
}

/** The text of OPFS file `name` (null if there is none). */
const fileText = (page, name = 'register.json') => page.evaluate(async (n) => {
  try {
    const dir = await navigator.storage.getDirectory();
    return await (await (await dir.getFileHandle(n)).getFile()).text();
  } catch { return null; }
}, name);

/** Writes `text` to OPFS file `name`, as a colleague's save would. */
const writeFile = (page, text, name = 'register.json') => page.evaluate(async ({ n, t }) => {
  const dir = await navigator.storage.getDirectory();
  const out = await (await dir.getFileHandle(n, { create: true })).createWritable();
  await out.write(t);
  await out.close();
}, { n: name, t: text });

const statusIn = (text, id) => {
  const r = JSON.parse(text).register;
  for (const t of r.themes) for (const o of t.objectives) for (const a of o.activities) if (a.id === id) return a.status;
  return null;
};

/** Polls until `check(text of the file)` holds, within `ms`. */
async function fileHolds(page, check, ms = 5000, name = 'register.json') {
  const until = Date.now() + ms;
  let text;
  while (Date.now() < until) {
    text = await fileText(page, name);
    if (text && check(text)) return text;
    await page.waitForTimeout(100);
  }
  assert.fail(`the file ${name} did not change as expected within ${ms} ms: ${text?.slice(0, 200)}`);
}

/** The file with `id`'s status changed and the revision moved on. */
function theirEdit(text, id, status) {
  const file = JSON.parse(text);
  for (const t of file.register.themes) for (const o of t.objectives) for (const a of o.activities) if (a.id === id) a.status = status;
  file.revision = (file.revision ?? 0) + 1;
  return JSON.stringify(file, null, 2);
}

async function setStatus(page, id, label) {
  await page.getByRole('button', { name: `Edit ${id}` }).click();
  const panel = page.getByRole('dialog', { name: `Edit key activity ${id}` });
  await panel.getByLabel('Status').selectOption({ label });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: `Key activity ${id} saved.` }).waitFor();
}

/** With SCREENSHOTS=dir, the page at 1280, 390 and 640 px wide (then back to 1280). */
async function shots(page, name) {
  if (!process.env.SCREENSHOTS) return;
  for (const [width, height] of [[1280, 900], [390, 844], [640, 450]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const header = (page) => page.getByRole('banner');
const savedLine = (page, name = 'register.json') =>
  header(page).getByRole('status').filter({ hasText: new RegExp(`^Saved to ${name.replace('.', '\\.')} at \\d\\d:\\d\\d$`) });

async function linkWithSaveAs(page) {
  await header(page).getByRole('button', { name: 'Save as…' }).click();
  await savedLine(page).waitFor();
  const text = await fileText(page);
  assert.equal(JSON.parse(text).revision, 1);
  return text;
}

test('Save as links a file; an edit is in the file within 5 s, with the next revision', async () => {
  const { page, errors, context } = await withPickers();
  await linkWithSaveAs(page);
  const started = Date.now();
  await setStatus(page, 'KA.01.04', '✖ Red');
  const text = await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red');
  assert.ok(Date.now() - started < 5000);
  assert.equal(JSON.parse(text).revision, 2);
  await savedLine(page).waitFor();
  // What the browser copy holds is the same register.
  const stored = await browserCopy(page, KEY);
  assert.equal(statusIn(stored, 'KA.01.04'), 'red');
  assert.deepEqual(errors, []);
  await context.close();
});

test('someone else saves the file: no overwrite, what differs, then merge, reload and a new file', async () => {
  const { page, errors, context } = await withPickers();
  const linked = await linkWithSaveAs(page);

  // 1. Theirs changes KA.01.02, mine KA.01.04: they do not overlap, so merge.
  const theirs = theirEdit(linked, 'KA.01.02', 'amber');
  await writeFile(page, theirs);
  await setStatus(page, 'KA.01.04', '✖ Red');
  const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'register.json was changed by someone else' }) });
  await alert.waitFor({ timeout: 6000 });
  await alert.getByText('Against your register, the file has 0 added, 0 removed and 2 changed.').waitFor();
  await alert.getByText(/Changed: KA\.01\.02 \(status Green → Amber\); KA\.01\.04 \(status Red → Green\)|Changed: KA\.01\.02.*KA\.01\.04/).waitFor();
  assert.equal(await fileText(page), theirs, 'their save is not overwritten');
  await header(page).getByRole('status').filter({ hasText: 'Not saved to register.json: someone else saved it' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'file-conflict-heading', 'taken to the message');
  assert.deepEqual(await axeViolations(page), []);
  await shots(page, 'file-conflict');
  await alert.getByRole('button', { name: 'Merge the changes' }).click();
  const merged = await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red' && statusIn(t, 'KA.01.02') === 'amber');
  assert.equal(JSON.parse(merged).revision, 3);
  await alert.waitFor({ state: 'detached' });
  await page.locator('tr[data-activity-id="KA.01.02"] .status-tag').filter({ hasText: 'Amber' }).waitFor();

  // 2. They change it again: reload theirs; mine is one Undo away, the file untouched.
  const theirs2 = theirEdit(merged, 'KA.01.06', 'red');
  await writeFile(page, theirs2);
  await setStatus(page, 'KA.01.05', '▲ Amber');
  await alert.waitFor({ timeout: 6000 });
  await alert.getByRole('button', { name: 'Reload register.json' }).click();
  await page.locator('tr[data-activity-id="KA.01.06"] .status-tag').filter({ hasText: 'Red' }).waitFor();
  await page.locator('tr[data-activity-id="KA.01.05"] .status-tag').filter({ hasText: 'Green' }).waitFor();
  await page.waitForTimeout(2500);
  assert.equal(await fileText(page), theirs2, 'reloading writes nothing');

  // 3. Once more, keeping theirs: mine goes to a new file, theirs stays as it is.
  const theirs3 = theirEdit(theirs2, 'KA.01.07', 'amber');
  await writeFile(page, theirs3);
  await setStatus(page, 'KA.01.08', '✖ Red');
  await alert.waitFor({ timeout: 6000 });
  await page.evaluate(() => { window.__pickName = 'mine.json'; });
  await alert.getByRole('button', { name: 'Keep theirs, save mine as a new file…' }).click();
  const mine = await fileHolds(page, (t) => statusIn(t, 'KA.01.08') === 'red', 5000, 'mine.json');
  assert.equal(statusIn(mine, 'KA.01.07'), statusIn(theirs2, 'KA.01.07'), 'theirs is not in mine');
  assert.equal(await fileText(page), theirs3);
  await savedLine(page, 'mine.json').waitFor();

  // 4. Both changed the same field: decided as for two tabs.
  const mine2 = theirEdit(mine, 'KA.02.01', 'amber');
  await writeFile(page, mine2, 'mine.json');
  await setStatus(page, 'KA.02.01', '✖ Red');
  const alert2 = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'mine.json was changed by someone else' }) });
  await alert2.getByText(/KA\.02\.01, status: yours “red”, the file’s “amber”/).waitFor({ timeout: 6000 });
  await alert2.getByRole('button', { name: 'Merge, keeping my values' }).click();
  await fileHolds(page, (t) => JSON.parse(t).revision === JSON.parse(mine2).revision + 1 && statusIn(t, 'KA.02.01') === 'red', 5000, 'mine.json');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a reload, Reconnect to the file, then saves resume', async () => {
  const { page, errors, context } = await withPickers();
  await linkWithSaveAs(page);
  await page.reload();
  await waitForApp(page);
  const reconnect = header(page).getByRole('button', { name: 'Reconnect to register.json' });
  await reconnect.waitFor();
  await setStatus(page, 'KA.01.04', '✖ Red');
  await page.waitForTimeout(2500);
  assert.equal(statusIn(await fileText(page), 'KA.01.04'), 'green', 'nothing is written before the click');
  await reconnect.click();
  await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red');
  await savedLine(page).waitFor();
  await reconnect.waitFor({ state: 'hidden' });

  // The file is gone: said so, and the register stays in the browser.
  await page.reload();
  await waitForApp(page);
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('register.json'));
  await reconnect.click();
  await page.getByRole('alert').filter({ hasText: 'register.json can no longer be found' }).waitFor();
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasText: 'Red' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a write that fails says why; the file and the browser copy are intact', async () => {
  const { page, errors, context } = await withPickers();
  const linked = await linkWithSaveAs(page);
  await page.evaluate(() => {
    const original = FileSystemFileHandle.prototype.createWritable;
    window.__restoreWrites = () => { FileSystemFileHandle.prototype.createWritable = original; };
    FileSystemFileHandle.prototype.createWritable = async function (...args) {
      const out = await original.apply(this, args);
      out.write = async () => { throw new DOMException('The disk is full.', 'QuotaExceededError'); };
      return out;
    };
  });
  await setStatus(page, 'KA.01.04', '✖ Red');
  await page.getByRole('alert').filter({ hasText: /^Not saved to register\.json: the disk is full\. The file is as it was, and your register is kept in this browser/ }).waitFor({ timeout: 6000 });
  assert.equal(await fileText(page), linked, 'the file is whole, as before');
  const stored = await browserCopy(page, KEY);
  assert.equal(statusIn(stored, 'KA.01.04'), 'red', 'the browser copy holds the edit');
  await page.locator('.save-status').filter({ hasText: 'All changes saved in this browser' }).waitFor();
  // Once writing works again, Save writes it.
  await page.evaluate(() => window.__restoreWrites());
  await header(page).getByRole('button', { name: 'Save', exact: true }).click();
  await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red');
  await page.getByRole('alert').filter({ hasText: 'Not saved to register.json' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Ctrl+S saves now and Ctrl+Shift+S asks for a new file; neither opens the browser\u2019s dialog', async () => {
  const { page, errors, context } = await withPickers();
  await page.locator('h1').click();
  await page.evaluate(() => {
    window.__prevented = [];
    window.addEventListener('keydown', (e) => { if (e.key.toLowerCase() === 's') window.__prevented.push(e.defaultPrevented); });
  });
  await page.keyboard.press('Control+Shift+S');
  await savedLine(page).waitFor();
  assert.equal(await page.evaluate(() => window.__picked), 1);
  await setStatus(page, 'KA.01.04', '✖ Red');
  // At once, not 2 s later; even from a text field.
  await page.getByRole('searchbox').first().focus().catch(() => page.locator('h1').click());
  await page.keyboard.press('Control+S');
  await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red', 1000);
  assert.deepEqual(await page.evaluate(() => window.__prevented), [true, true]);
  assert.equal(await page.evaluate(() => window.__picked), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the API is missing, Save downloads; the header says when, and reminds after changes', async () => {
  const { page, errors, context } = await app.newPage({ acceptDownloads: true });
  await context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; });
  await loadSample(page, app.url);
  const line = header(page).getByRole('status').filter({ hasText: /file/ });
  await line.filter({ hasText: 'Not yet saved to a file: choose Save to download a copy.' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+S'),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).register.themes.length, 3);
  await line.filter({ hasText: /^Last saved to a file just now\.$/ }).waitFor();
  await setStatus(page, 'KA.01.04', '✖ Red');
  await line.filter({ hasText: 'Last saved to a file just now. Changes since then are only in this browser: choose Save to keep them in a file.' }).waitFor();
  // Days later (the time is remembered in this browser).
  await page.evaluate(() => localStorage.setItem('activity-register/file/saved-at', String(Date.now() - 3 * 86400000 - 60000)));
  await page.reload();
  await waitForApp(page);
  await line.filter({ hasText: /^Last saved to a file 3 days ago\. Changes since then/ }).waitFor();
  await shots(page, 'file-fallback');
  // Export JSON writes the whole register to a file too: it counts as saved.
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  assert.match(exported.suggestedFilename(), /\.json$/);
  await line.filter({ hasText: /^Last saved to a file just now\.$/ }).waitFor();
  // The explanation says downloads are how files are kept here.
  await header(page).getByText('Where your data is').click();
  await header(page).getByText('Save downloads a copy').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Where your data is: the file, the browser copy, clearing, keeping safe; accessible', async () => {
  const { page, errors, context } = await withPickers();
  await linkWithSaveAs(page);
  const summary = header(page).getByText('Where your data is');
  await summary.focus();
  await page.keyboard.press('Enter');
  const list = header(page).locator('.where-data ul');
  await list.getByText('The register file: register.json.').waitFor();
  await list.getByText(/persistent/).waitFor();
  await list.getByText(/Clearing browsing data/).waitFor();
  await list.getByText(/OneDrive or SharePoint/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  for (const [width, height] of [[1280, 900], [390, 844], [320, 640]]) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scroll at ${width} px (${overflow})`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/file-header-${width}.png` });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('Open register file goes through the import preview, then links the file', async () => {
  const { page, errors, context } = await withPickers();
  const first = await linkWithSaveAs(page);
  await writeFile(page, theirEdit(first, 'KA.01.03', 'amber'), 'other.json');
  await page.evaluate(() => { window.__pickName = 'other.json'; });
  await header(page).getByRole('button', { name: 'Open register file…' }).click();
  await page.getByRole('heading', { name: 'Check before replacing: other.json' }).waitFor();
  await page.getByRole('button', { name: 'Replace register' }).click();
  await header(page).getByRole('status').filter({ hasText: /^Opened other\.json at \d\d:\d\d; changes are saved to it$/ }).waitFor();
  await setStatus(page, 'KA.01.04', '✖ Red');
  const text = await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red', 5000, 'other.json');
  assert.equal(statusIn(text, 'KA.01.03'), 'amber');
  assert.equal(JSON.parse(text).revision, 3);
  assert.equal(statusIn(await fileText(page), 'KA.01.04'), 'green', 'the first file is no longer written');
  assert.deepEqual(errors, []);
  await context.close();
});

test('leaving with changes in no file and not in the browser copy asks first; saved to a file, it does not', async () => {
  const { page, errors, context } = await app.newPage();
  await context.addInitScript(pickersFromOpfs);
  await context.addInitScript(fullIndexedDbWhenAsked);
  await page.goto(app.url);
  await waitForApp(page);
  // The browser copy cannot be written: its storage is full.
  await page.evaluate(() => { window.__full = true; });
  await page.getByRole('button', { name: 'Load sample register' }).click();
  await page.locator('.save-status').filter({ hasText: /^Not saved/ }).waitFor();
  const asked = [];
  page.on('dialog', async (d) => { asked.push(d.type()); await d.dismiss(); });
  await page.close({ runBeforeUnload: true });
  await page.waitForTimeout(500);
  assert.deepEqual(asked, ['beforeunload'], 'asked before leaving');
  assert.equal(page.isClosed(), false, 'dismissing keeps the page');

  // Once the register is in a file, leaving does not ask.
  await header(page).getByRole('button', { name: 'Save as…' }).click();
  await savedLine(page).waitFor();
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  assert.deepEqual(asked, ['beforeunload'], 'not asked again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file saved elsewhere with the same register (another tab of this app) is no conflict', async () => {
  const { page, errors, context } = await withPickers();
  const linked = await linkWithSaveAs(page);
  const same = JSON.parse(linked);
  same.revision = 5;
  await writeFile(page, `${JSON.stringify(same, null, 2)}\n`);
  await header(page).getByRole('button', { name: 'Save', exact: true }).click();
  await savedLine(page).waitFor();
  await setStatus(page, 'KA.01.04', '✖ Red');
  const text = await fileHolds(page, (t) => statusIn(t, 'KA.01.04') === 'red');
  assert.equal(JSON.parse(text).revision, 6);
  assert.equal(await page.getByRole('heading', { name: /was changed by someone else/ }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Counts navigator.locks.request calls for the file's lock in `window.__fileLocks`
 *  and writes in `window.__writes`; each write waits 400 ms, so two tabs'
 *  check-then-write would overlap unlocked. */
function countLocksAndSlowWrites() {
  window.__fileLocks = 0;
  if (!navigator.locks) return; // a frame with no locks (not the app's page)
  const request = navigator.locks.request.bind(navigator.locks);
  navigator.locks.request = (name, ...rest) => {
    if (name === 'activity-register/file') window.__fileLocks += 1;
    return request(name, ...rest);
  };
  const create = FileSystemFileHandle.prototype.createWritable;
  FileSystemFileHandle.prototype.createWritable = async function (...args) {
    window.__writes = (window.__writes ?? 0) + 1;
    await new Promise((ok) => setTimeout(ok, 400));
    return create.apply(this, args);
  };
  // The tabs' browser copies stay apart (each merges the other's only on its own
  // save), so the two registers differ when both write the file.
  window.BroadcastChannel = function () { throw new Error('off in this test'); };
}

test('two tabs linked to the same file save at once: one writes, the other is told, under a Web Lock', async () => {
  const { page: a, errors, context } = await withPickers();
  await context.addInitScript(countLocksAndSlowWrites);
  await a.reload();
  await waitForApp(a);
  await a.locator('tbody tr').first().waitFor();
  await linkWithSaveAs(a);
  const b = await context.newPage();
  await b.goto(app.url);
  await waitForApp(b);
  await header(b).getByRole('button', { name: 'Reconnect to register.json' }).click();
  await savedLine(b).waitFor();
  const editAndSave = async (page, id, label) => {
    await setStatus(page, id, label);
    await page.locator('h1').click();
    await page.keyboard.press('Control+S');
  };
  for (const p of [a, b]) await p.evaluate(() => { window.__writes = 0; });
  await Promise.all([editAndSave(a, 'KA.01.04', '✖ Red'), editAndSave(b, 'KA.01.02', '▲ Amber')]);
  const heading = (p) => p.getByRole('heading', { name: 'register.json was changed by someone else' });
  const loser = await Promise.any([
    heading(a).waitFor({ timeout: 8000 }).then(() => a),
    heading(b).waitFor({ timeout: 8000 }).then(() => b),
  ]);
  const winner = loser === a ? b : a;
  await header(loser).getByRole('status').filter({ hasText: 'Not saved to register.json: someone else saved it' }).waitFor();
  assert.equal(await heading(winner).count(), 0, 'only one tab is told');
  await shots(loser, 'file-two-tabs');
  assert.equal(await loser.evaluate(() => window.__writes), 0, 'the told tab never wrote: no silent overwrite');
  assert.ok(await winner.evaluate(() => window.__writes) >= 1, 'the other tab wrote');
  const text = await fileText(a);
  if (winner === a) assert.equal(statusIn(text, 'KA.01.04'), 'red', "the file holds A's write");
  else assert.equal(statusIn(text, 'KA.01.02'), 'amber', "the file holds B's write");
  assert.ok(await a.evaluate(() => window.__fileLocks) >= 1, 'tab A took the lock');
  assert.ok(await b.evaluate(() => window.__fileLocks) >= 1, 'tab B took the lock');
  assert.deepEqual(errors, []);
  await context.close();
});
