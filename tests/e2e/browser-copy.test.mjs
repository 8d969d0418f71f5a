// End to end: the browser copy in IndexedDB (issue 13): the move from the
// localStorage of earlier versions (copied, read back, only then removed, and
// resumed after an interruption), surviving localStorage.clear(), 10,000
// activities with 40 archived quarters, an unreadable stored register reported
// on whichever view opens, full storage, and the localStorage fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp, waitForApp, loadSample } from './browser.mjs';
import { stored, storedKeys, store, waitForStored, blockIndexedDb, fullIndexedDbWhenAsked } from './stored.mjs';
import { generateRegister } from '../bench/generate.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const KEY = 'activity-register/v1/register';
const PREFIX = 'activity-register/';
const CUT = '{"format": "activity-register", "version": 1, "register": {';
const saved = (page) => page.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
// The register's storage keys (activity-register/v1/…); the register file's
// times (activity-register/file/…) are not register data and stay in localStorage.
const localEntries = (page) => page.evaluate((prefix) => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort().map((k) => [k, localStorage.getItem(k)])), `${PREFIX}v1/`);
const FILE_TIME = 'activity-register/file/saved-at';
const exported = async (page) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return readFileSync(await download.path(), 'utf8');
};

/** What the version before the browser copy kept in localStorage: the sample,
 *  one status changed, and the next quarter started (an archive and a
 *  comparison), made by this build with IndexedDB blocked (the same keys and
 *  texts as that version wrote), with the file Export gives for it. */
/** Imports a generated register of 10,000 activities and waits until it is saved. */
async function importTenThousand(page) {
  await page.getByLabel('Import JSON').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(generateRegister(10000)) });
  await page.getByRole('button', { name: 'Replace register' }).click();
  await page.locator('#results-line').filter({ hasText: 'of 10,000' }).waitFor();
  await saved(page);
}

async function earlierVersionsStorage() {
  const { page, context } = await app.newPage();
  await context.addInitScript(blockIndexedDb);
  await loadSample(page, app.url);
  await page.goto(`${app.url}#/quarters`);
  await page.getByRole('button', { name: /^Start 2019\/20 Quarter 2/ }).click();
  await page.getByRole('button', { name: 'Yes, start 2019/20 Quarter 2' }).click();
  await page.getByRole('status').filter({ hasText: 'Started 2019/20 Quarter 2' }).waitFor();
  await saved(page);
  await page.goto(`${app.url}#/register`);
  const entries = await localEntries(page);
  const file = await exported(page);
  await context.close();
  assert.ok(entries[KEY] && entries[`${PREFIX}v1/comparison`] && entries[`${PREFIX}v1/archive/2019-20-q1`], Object.keys(entries).join());
  return { entries, file };
}

/** A fresh context whose localStorage holds `entries` (and another app's key) before the app first starts. */
async function contextWithLocalStorage(entries) {
  const opened = await app.newPage();
  // A page of the origin that is not the app (the app must not start before
  // the seed), served by the test itself.
  await opened.page.route(`${app.url}seed`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title><link rel="icon" href="data:,">' }));
  await opened.page.goto(`${app.url}seed`);
  await opened.page.evaluate((all) => { for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v); localStorage.setItem('other-app/x', 'theirs'); localStorage.setItem('activity-register/file/saved-at', '1764590000000'); }, entries);
  return opened;
}

test('the first start after upgrading moves localStorage into IndexedDB: the same texts, the same export, old keys removed only after', async () => {
  const { entries, file } = await earlierVersionsStorage();
  const { page, context, errors } = await contextWithLocalStorage(entries);
  await page.goto(app.url);
  await waitForApp(page);
  await page.locator('tbody tr').first().waitFor();
  for (const [key, text] of Object.entries(entries)) assert.equal(await stored(page, key), text, `${key} in IndexedDB`);
  assert.deepEqual(await localEntries(page), {}, 'the old keys are gone');
  assert.equal(await page.evaluate(() => localStorage.getItem('other-app/x')), 'theirs', 'another app\u2019s key is left alone');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), FILE_TIME), '1764590000000', 'the register file\u2019s time stays where it is read');
  assert.equal(await exported(page), file, 'Export gives the same file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a migration interrupted after the copy (reload before removal) loses nothing and resumes', async () => {
  const { entries, file } = await earlierVersionsStorage();
  const { page, context, errors } = await contextWithLocalStorage(entries);
  // The first start stops for good after copying (as a closed tab would).
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('stopped-once')) {
      sessionStorage.setItem('stopped-once', '1');
      window.__migrationPause = (step) => (step === 'copied' ? new Promise(() => {}) : Promise.resolve());
    }
  });
  await page.goto(app.url);
  await waitForStored(page, KEY, entries[KEY]);
  assert.deepEqual(await localEntries(page), entries, 'nothing is removed before it has been read back');
  await page.reload();
  await waitForApp(page);
  await page.locator('tbody tr').first().waitFor();
  for (const [key, text] of Object.entries(entries)) assert.equal(await stored(page, key), text, `${key} in IndexedDB`);
  assert.deepEqual(await localEntries(page), {});
  assert.equal(await exported(page), file);

  // Half-migrated the other way: IndexedDB holds only the register, localStorage all of it.
  const half = await contextWithLocalStorage(entries);
  await store(half.page, KEY, entries[KEY]);
  await half.page.goto(app.url);
  await half.page.locator('tbody tr').first().waitFor();
  for (const [key, text] of Object.entries(entries)) assert.equal(await stored(half.page, key), text, `${key} in IndexedDB`);
  assert.deepEqual(await localEntries(half.page), {});
  assert.deepEqual([...errors, ...half.errors], []);
  await context.close();
  await half.context.close();
});

test('localStorage.clear() then reload: the register is still there (it is in IndexedDB)', async () => {
  const { page, context, errors } = await app.newPageWithSample();
  assert.match(await page.locator('.storage-use').innerText(), /Browser copy/);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#results-line').filter({ hasText: 'Showing 37 of 37' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('10,000 activities and 40 archived quarters of 1,000: stored, reloaded, counts exact', async () => {
  const { page, context, errors } = await app.newPageOnApp();
  await importTenThousand(page);
  const quarter = JSON.parse(generateRegister(1000));
  for (let i = 0; i < 40; i += 1) {
    const year = 2000 + Math.floor(i / 4);
    quarter.register.period = { financial_year: `${year}/${String((year + 1) % 100).padStart(2, '0')}`, quarter: (i % 4) + 1 };
    await store(page, `${PREFIX}v1/archive/${year}-${String((year + 1) % 100).padStart(2, '0')}-q${(i % 4) + 1}`, JSON.stringify(quarter));
  }
  await page.reload();
  await page.locator('#results-line').filter({ hasText: 'of 10,000' }).waitFor();
  assert.equal(JSON.parse(await stored(page, KEY)).register.themes.flatMap((t) => t.objectives.flatMap((o) => o.activities)).length, 10000);
  await page.goto(`${app.url}#/quarters`);
  const rows = page.getByRole('table', { name: 'Archived quarters in this browser' }).locator('tbody tr');
  await rows.first().waitFor({ timeout: 30000 });
  assert.equal(await rows.count(), 40);
  const counts = await rows.locator('td.number:nth-of-type(2)').allInnerTexts();
  assert.deepEqual([...new Set(counts)], ['1000']);
  // "How many more fit" comes from the browser's estimate, not localStorage's 5 MB.
  const fit = await page.getByText(/more quarters of that size fit/).innerText();
  const more = Number(fit.match(/about ([\d,]+) more quarters/)[1].replace(/,/g, ''));
  assert.ok(more > 10, fit);
  assert.equal((await storedKeys(page)).filter((k) => k.includes('/archive/')).length, 40);
  assert.deepEqual(errors, []);
  await context.close();
});

async function expectUnreadableReported(page, hash, heading) {
  await page.goto(`${app.url}${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /cut short/);
  assert.equal(await page.getByText('There is no register in this browser yet').count(), 0, `${hash} does not say there is none`);
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download the stored text' }).click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), CUT);
  await page.getByRole('link', { name: /import a register file or load the sample/ }).waitFor();
}

test('an unreadable stored register is reported with its recovery choices on #/quarters, #/summary and #/pack', async () => {
  const { page, context, errors } = await app.newPageOnApp();
  await store(page, KEY, CUT);
  for (const [hash, heading] of [['#/quarters', 'Quarters'], ['#/summary', 'Summary'], ['#/pack', /Scrutiny pack/]]) {
    await page.goto('about:blank');
    await expectUnreadableReported(page, hash, heading);
  }
  await waitForStored(page, `${PREFIX}v1/unreadable/1`, CUT);
  assert.equal(await stored(page, KEY), CUT, 'never overwritten');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with IndexedDB unavailable: one sentence says so, the register saves to localStorage, and an unreadable one is reported there too', async () => {
  const { page, context, errors } = await app.newPage();
  await context.addInitScript(blockIndexedDb);
  await loadSample(page, app.url);
  const line = await page.locator('.storage-use').innerText();
  assert.match(line, /database cannot be used here \(.*blocked by a policy.*\), so the register is kept in its smaller local storage/);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).register.title.length > 0, true);
  await page.reload();
  await page.locator('#results-line').filter({ hasText: 'Showing 37 of 37' }).waitFor();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, CUT]);
  await page.goto('about:blank');
  await expectUnreadableReported(page, '#/quarters', 'Quarters');
  assert.deepEqual(errors, []);
  await context.close();
});

test('IndexedDB full: "Not saved" says so, nothing is lost, and the next change saves it', async () => {
  const { page, context, errors } = await app.newPage();
  await context.addInitScript(fullIndexedDbWhenAsked);
  await loadSample(page, app.url);
  const original = await stored(page, KEY);
  await page.evaluate(() => { window.__full = true; });
  await page.getByRole('button', { name: 'Edit KA.01.01' }).click();
  let panel = page.getByRole('dialog', { name: 'Edit key activity KA.01.01' });
  await panel.getByLabel('Status').selectOption({ label: '▲ Amber' });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('.save-status').filter({ hasText: /Not saved: the browser.s storage for this page is full/ }).waitFor();
  assert.equal(await stored(page, KEY), original, 'the browser copy is as it was');
  await page.evaluate(() => { window.__full = false; });
  await page.getByRole('button', { name: 'Edit KA.01.02' }).click();
  panel = page.getByRole('dialog', { name: 'Edit key activity KA.01.02' });
  await panel.getByLabel('Status').selectOption({ label: '▲ Amber' });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await saved(page);
  const after = JSON.parse(await stored(page, KEY)).register;
  const status = (id) => after.themes.flatMap((t) => t.objectives.flatMap((o) => o.activities)).find((a) => a.id === id).status;
  assert.equal(status('KA.01.01'), 'amber', 'the change made while full was kept and saved');
  assert.equal(status('KA.01.02'), 'amber');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a change and at once a reload (before the save\u2019s pause is over): the change is kept', async () => {
  const { page, context, errors } = await app.newPageWithSample();
  await page.getByRole('button', { name: 'Edit KA.01.01' }).click();
  const panel = page.getByRole('dialog', { name: 'Edit key activity KA.01.01' });
  await panel.getByLabel('Status').selectOption({ label: '▲ Amber' });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.reload();
  await page.locator('tr[data-activity-id="KA.01.01"] .status-tag').filter({ hasText: 'Amber' }).waitFor({ timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload while the save\u2019s check is still under way in IndexedDB: the change is kept', async () => {
  const { page, context, errors } = await app.newPage();
  // When asked, the save's check of the stored revision (the first step of
  // its transaction) is made slow: reads of the register are queued ahead of
  // it in the same transaction, so the page goes while it waits.
  await context.addInitScript(([revisionKey, registerKey]) => {
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (key) {
      if (window.__slowCheck && key === revisionKey && this.transaction.mode === 'readwrite') {
        for (let i = 0; i < 400; i += 1) get.call(this, registerKey);
        window.__checking = true;
      }
      return get.call(this, key);
    };
  }, ['activity-register/v1/register-revision', KEY]);
  await loadSample(page, app.url);
  await page.evaluate(() => { window.__slowCheck = true; });
  await page.getByRole('button', { name: 'Edit KA.01.01' }).click();
  const panel = page.getByRole('dialog', { name: 'Edit key activity KA.01.01' });
  await panel.getByLabel('Status').selectOption({ label: '▲ Amber' });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => window.__checking === true);
  await page.reload();
  await page.locator('tr[data-activity-id="KA.01.01"] .status-tag').filter({ hasText: 'Amber' }).waitFor({ timeout: 5000 });
  const kept = JSON.parse(await stored(page, KEY)).register.themes.flatMap((t) => t.objectives.flatMap((o) => o.activities));
  assert.equal(kept.find((a) => a.id === 'KA.01.01').status, 'amber');
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 10,000 activities a change while the autosave is under way: the newer change is saved too, whole, and "All changes saved" waits for it', async () => {
  const { page, context, errors } = await app.newPageOnApp();
  await importTenThousand(page);
  const ids = await page.locator('tbody tr[data-activity-id]').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.dataset.activityId));
  const setStatus = async (id, label) => {
    await page.getByRole('button', { name: `Edit ${id}` }).click();
    const panel = page.getByRole('dialog', { name: `Edit key activity ${id}` });
    await panel.getByLabel('Status').selectOption({ label });
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: `Key activity ${id} saved.` }).waitFor();
  };
  // Each to a status it does not have yet, so both are changes.
  const want = [];
  for (const id of ids) {
    const now = await page.locator(`tr[data-activity-id="${id}"] .status-tag`).innerText();
    want.push(now.includes('Red') ? ['▲ Amber', 'amber', 'Amber'] : ['✖ Red', 'red', 'Red']);
  }
  await setStatus(ids[0], want[0][0]);
  // The save starts 300 ms after the change and takes its pieces a task each.
  await page.waitForTimeout(380);
  await setStatus(ids[1], want[1][0]);
  assert.doesNotMatch(await page.locator('.save-status').innerText(), /All changes saved/);
  await saved(page);
  const statusOf = (text, id) => JSON.parse(text).register.themes.flatMap((t) => t.objectives.flatMap((o) => o.activities)).find((a) => a.id === id).status;
  const text = await stored(page, KEY);
  assert.deepEqual(ids.map((id) => statusOf(text, id)), want.map((w) => w[1]));
  // The register is kept as a Blob of its text, with the revision of that text noted.
  const kind = await page.evaluate(async (key) => {
    const db = await new Promise((ok) => { const r = indexedDB.open('activity-register', 1); r.onsuccess = () => ok(r.result); });
    const get = db.transaction('entries').objectStore('entries').get(key);
    const v = await new Promise((ok) => { get.onsuccess = () => ok(get.result); });
    db.close();
    return v instanceof Blob ? 'blob' : typeof v;
  }, KEY);
  assert.equal(kind, 'blob');
  await page.reload();
  await page.locator('#results-line').filter({ hasText: 'of 10,000' }).waitFor();
  for (const [i, id] of ids.entries()) await page.locator(`tr[data-activity-id="${id}"] .status-tag`).filter({ hasText: want[i][2] }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a stored register with no revision beside it (moved in from localStorage, never saved since) gets its revision noted at start, and the next edit saves', async () => {
  const REVISION = 'activity-register/v1/register-revision';
  const { page, context, errors } = await app.newPageWithSample();
  await saved(page);
  const text = await stored(page, KEY);
  // As a register moved in by the migration is: the text alone.
  await store(page, REVISION, null);
  assert.equal(await stored(page, REVISION), null, 'the revision is gone before the reload');
  await page.reload();
  await page.locator('tbody tr').first().waitFor();
  let noted = null;
  for (let i = 0; i < 100 && !noted; i += 1) {
    noted = await stored(page, REVISION);
    if (!noted) await page.waitForTimeout(50);
  }
  assert.ok(noted && /^[0-9a-z-]+$/i.test(noted), `a revision is noted beside the register: ${noted}`);
  assert.equal(await stored(page, KEY), text, 'the register itself is not rewritten');
  // The next edit goes through as usual: no other-tab conflict, the new revision written with it.
  await page.getByRole('button', { name: 'Edit KA.01.01' }).click();
  const panel = page.getByRole('dialog', { name: 'Edit key activity KA.01.01' });
  await panel.getByLabel('Status').selectOption({ label: '▲ Amber' });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await saved(page);
  assert.notEqual(await stored(page, REVISION), noted, 'the save wrote the next revision');
  const after = JSON.parse(await stored(page, KEY)).register.themes.flatMap((t) => t.objectives).flatMap((o) => o.activities);
  assert.equal(after.find((a) => a.id === 'KA.01.01').status, 'amber');
  assert.deepEqual(errors, []);
  await context.close();
});
