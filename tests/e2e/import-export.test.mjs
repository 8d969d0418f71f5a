// End to end: import through the file picker and by drop, the preview, refusals
// that leave everything as it was, paste report text, export JSON and CSV.
import { stored as storedValue } from './stored.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { startApp, waitForApp, axeViolations, loadSample } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE_PATH = join(ROOT, 'public', 'sample-register.json');
const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, 'utf8');
const SAMPLE = JSON.parse(SAMPLE_TEXT).register;
const CORPUS = join(ROOT, 'tests', 'import-corpus');
const REPORT_TEXT = readFileSync(join(ROOT, 'tests', 'data', 'corporate-plan-key-activities-2019-20-q1.txt'), 'utf8');
const KEY = 'activity-register/v1/register';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

async function openApp() {
  const opened = await app.newPage();
  await opened.page.goto(app.url);
  await waitForApp(opened.page);
  return opened;
}

async function chooseFile(page, file) {
  await page.getByLabel('Import JSON').setInputFiles(file);
}

async function replaceFromPreview(page) {
  const preview = page.getByRole('region', { name: /Check before replacing/ });
  await preview.waitFor();
  const text = await preview.innerText();
  await preview.getByRole('button', { name: 'Replace register' }).click();
  await page.getByRole('status').filter({ hasText: 'Register replaced' }).waitFor();
  return text;
}

async function exportJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const stored = (page) => storedValue(page, KEY);

test('import the sample through the file picker, export it, import the export: identical', async () => {
  const { page, errors, context } = await openApp();
  await chooseFile(page, SAMPLE_PATH);
  const preview = await replaceFromPreview(page);
  assert.match(preview, /2019\/20 Quarter 1/);
  assert.match(preview, /37 key activities under 11 objectives and 3 themes/);
  assert.match(preview, /Green: 32/);
  assert.match(preview, /Amber: 2/);
  assert.equal(await page.locator('tbody tr').count(), 37);

  const exported = await exportJson(page);
  assert.equal(exported.name, 'harborough-district-council-corporate-plan-key-activities-2019-20-q1.json');
  assert.equal(exported.text, SAMPLE_TEXT, 'the export is byte-for-byte the sample file');

  await chooseFile(page, { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  const again = await replaceFromPreview(page);
  assert.match(again, /same key activities as your register, with nothing changed/);
  assert.equal((await exportJson(page)).text, SAMPLE_TEXT);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the preview says what would change, passes axe-core, and Cancel leaves everything as it was', async () => {
  const { page, errors, context } = await openApp();
  await loadSample(page);
  const before = await stored(page);
  const changed = JSON.parse(SAMPLE_TEXT);
  const co1 = changed.register.themes[0].objectives[0].activities;
  co1[0].status = 'amber';
  co1.pop();
  changed.register.themes[0].objectives[1].activities.push({ ...co1[1], id: 'KA.03.09' });
  await chooseFile(page, { name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  const preview = page.getByRole('region', { name: /Check before replacing: changed.json/ });
  await preview.waitFor();
  const text = await preview.innerText();
  assert.match(text, /1 added, 1 removed, 1 changed, 35 unchanged/);
  assert.match(text, /Added: KA\.03\.09/);
  assert.match(text, /Removed: KA\.01\.08/);
  assert.match(text, /KA\.01\.01: status Green → Amber/);
  assert.match(text, /KA\.03\.09 is under CO 2, but its number suggests CO 3/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'preview-heading');
  assert.deepEqual(await axeViolations(page), []);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Import cancelled' }).waitFor();
  assert.equal(await stored(page), before);
  assert.equal(await page.locator('tbody tr[data-activity-id="KA.01.08"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every refused file in the corpus says what is wrong and leaves storage byte-for-byte unchanged', async () => {
  const { page, errors, context } = await openApp();
  await loadSample(page);
  const before = await stored(page);
  const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'));
  const files = readdirSync(join(CORPUS, 'refused')).sort();
  assert.ok(files.length >= 30);
  for (const name of files) {
    await chooseFile(page, join(CORPUS, 'refused', name));
    const alert = page.getByRole('alert').filter({ hasText: `“${name}” was not imported` });
    await alert.waitFor();
    const text = await alert.innerText();
    for (const message of expected[name]) assert.ok(text.includes(message), `${name}: ${message}\n${text}`);
    assert.equal(await stored(page), before, `${name} changed storage`);
    assert.equal(await page.locator('tbody tr').count(), 37, `${name} changed the register`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file over the size limit is refused before it is read', async () => {
  const { page, errors, context } = await openApp();
  await loadSample(page);
  const before = await stored(page);
  await chooseFile(page, { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(33 * 1024 * 1024, 0x20) });
  const alert = page.getByRole('alert').filter({ hasText: '“huge.json” was not imported' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /The file is 33\.0 MB and the largest register file this app reads is 32\.0 MB/);
  assert.equal(await stored(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('markup and script in text fields are imported as text and never run', async () => {
  const { page, errors, context } = await openApp();
  await chooseFile(page, join(CORPUS, 'accepted', 'markup-in-text.json'));
  await replaceFromPreview(page);
  const row = page.locator('tr[data-activity-id="KA.01.01"]');
  assert.equal(await row.locator('.activity-title').innerText(), '<img src=x onerror="window.__pwned=1"> <b>Adoption</b> & "Local Plan"');
  assert.match(await row.locator('.col-progress').innerText(), /<script>window.__pwned=1<\/script>/);
  assert.equal(await row.locator('img, script, b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('UTF-16 files are accepted and a dropped file goes through the same door', async () => {
  const { page, errors, context } = await openApp();
  await chooseFile(page, join(CORPUS, 'accepted', 'utf16-le-with-bom.json'));
  await replaceFromPreview(page);
  assert.equal(await page.locator('tbody tr').count(), 6);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, SAMPLE_TEXT);
  const text = await replaceFromPreview(page);
  assert.match(text, /Check before replacing: dropped\.json/);
  assert.match(text, /31 added, 0 removed, 0 changed, 6 unchanged/);
  assert.equal(await page.locator('tbody tr').count(), 37);
  // The register it replaced can be brought back.
  await page.getByRole('button', { name: 'Restore previous register' }).click();
  await page.getByRole('status').filter({ hasText: 'Previous register restored' }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 6);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('tbody tr').count(), 6);
  await page.getByRole('button', { name: 'Restore previous register' }).click();
  await page.getByRole('status').filter({ hasText: 'Previous register restored' }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasting the shared report yields the sample register exactly', async () => {
  const { page, errors, context } = await openApp();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.getByRole('button', { name: 'Paste report text' }).click();
  await page.getByLabel('Organisation').fill('Harborough District Council');
  await page.getByLabel('Report title').fill('Corporate Plan Key Activities');
  await page.getByLabel('Financial year').fill('2019/20');
  await page.getByLabel('Quarter', { exact: true }).selectOption('1');
  await page.getByRole('textbox', { name: 'Report text', exact: true }).fill(REPORT_TEXT);
  assert.deepEqual(await axeViolations(page), []);
  assert.equal(requested.filter((u) => u.includes('report_text_worker')).length, 0, 'the text reader is not loaded before it is needed');
  await page.getByRole('button', { name: 'Read the text' }).click();
  const preview = await replaceFromPreview(page);
  assert.ok(requested.some((u) => u.endsWith('report_text_worker_bg.wasm')), 'the text reader loaded its wasm on first use');
  assert.match(preview, /pasted report text/);
  assert.match(preview, /37 key activities under 11 objectives and 3 themes/);
  assert.match(preview, /Line 29: Dropped a stray "0"/);
  assert.doesNotMatch(preview, /could not be placed/);
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.equal((await exportJson(page)).text, SAMPLE_TEXT);
  assert.deepEqual(errors, []);
  await context.close();
});

test('while the text reader loads the form says so; when it cannot load, a sentence under the text, and reading again works', async () => {
  // The worker's files from the network, as on a first visit: Playwright's routes
  // never see what a service worker serves from its cache.
  const { page, errors, context } = await app.newPage({ serviceWorkers: 'block' });
  await page.goto(app.url);
  await waitForApp(page);
  await page.route('**/report_text_worker_loader.js', async (route) => {
    await new Promise((done) => { setTimeout(done, 1000); });
    await route.fulfill({ status: 404, body: 'missing' });
  });
  await page.getByRole('button', { name: 'Paste report text' }).click();
  await page.getByLabel('Organisation').fill('Harborough District Council');
  await page.getByLabel('Financial year').fill('2019/20');
  await page.getByLabel('Quarter', { exact: true }).selectOption('1');
  await page.getByRole('textbox', { name: 'Report text', exact: true }).fill(REPORT_TEXT);
  await page.getByRole('button', { name: 'Read the text' }).click();
  await page.getByRole('status').filter({ hasText: 'Reading the text…' }).waitFor();
  const problem = page.getByRole('alert').filter({ hasText: 'The text could not be read' });
  await problem.waitFor();
  assert.match(await problem.innerText(), /^The text could not be read: .+\. Try again\.$/);
  await page.waitForFunction(() => document.activeElement?.id === 'paste-problem');
  assert.equal(await page.locator('#paste-status').innerText(), '');
  assert.equal(await page.getByRole('region', { name: /Check before replacing/ }).count(), 0);
  assert.equal(await stored(page), null, 'nothing was stored');

  await page.unroute('**/report_text_worker_loader.js');
  await page.getByRole('button', { name: 'Read the text' }).click();
  const preview = await replaceFromPreview(page);
  assert.match(preview, /37 key activities under 11 objectives and 3 themes/);
  assert.equal(await page.locator('tbody tr').count(), 37);

  // A text the reader refuses: its sentence under the text, the register as it was.
  await page.getByRole('button', { name: 'Paste report text' }).click();
  await page.getByRole('textbox', { name: 'Report text', exact: true }).fill('Dear colleagues,\nplease find attached');
  await page.getByRole('button', { name: 'Read the text' }).click();
  await page.getByRole('alert').filter({ hasText: 'No key activities were found in the text.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'paste-problem');
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.deepEqual(errors.filter((e) => !/report_text_worker_loader\.js|404/.test(e)), []);
  await context.close();
});

test('a text being read when its form is closed is dropped, even if the form opens again meanwhile', async () => {
  const { page, errors, context } = await app.newPage({ serviceWorkers: 'block' });
  await page.goto(app.url);
  await waitForApp(page);
  await page.route('**/report_text_worker_loader.js', async (route) => {
    await new Promise((done) => { setTimeout(done, 1500); });
    await route.continue();
  });
  const fill = async () => {
    await page.getByLabel('Financial year').fill('2019/20');
    await page.getByLabel('Quarter', { exact: true }).selectOption('1');
    await page.getByRole('textbox', { name: 'Report text', exact: true }).fill(REPORT_TEXT);
  };
  await page.getByRole('button', { name: 'Paste report text' }).click();
  await fill();
  await page.getByRole('button', { name: 'Read the text' }).click();
  await page.getByRole('status').filter({ hasText: 'Reading the text…' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Paste report text' }).click();
  // The new form says the earlier text is still being read, then that it is done.
  assert.equal(await page.locator('#paste-status').innerText(), 'Reading the text…');
  await page.waitForFunction(() => document.getElementById('paste-status')?.textContent === '');
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('region', { name: /Check before replacing/ }).count(), 0, 'the earlier answer is dropped');
  assert.equal(await stored(page), null);
  await fill();
  await page.getByRole('button', { name: 'Read the text' }).click();
  const preview = await replaceFromPreview(page);
  assert.match(preview, /37 key activities under 11 objectives and 3 themes/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Export CSV reads back with a CSV parser: 37 rows, every field intact', async () => {
  const { page, errors, context } = await openApp();
  await loadSample(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'harborough-district-council-corporate-plan-key-activities-2019-20-q1.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const rows = parseCsv(bytes, { bom: true, columns: true });
  assert.equal(rows.length, 37);
  const statuses = Object.fromEntries(SAMPLE.statuses.map((s) => [s.id, s.label]));
  let i = 0;
  for (const theme of SAMPLE.themes) {
    for (const objective of theme.objectives) {
      for (const a of objective.activities) {
        assert.deepEqual(rows[i], {
          Period: '2019/20 Quarter 1',
          Theme: theme.title,
          Objective: `${objective.id}: ${objective.title}`,
          ID: a.id,
          'Key activity': a.title,
          Status: statuses[a.status],
          Progress: a.progress.join('\n'),
          'Next steps': a.next_steps.join('\n'),
          'Lead officer': a.lead_officer,
          Portfolio: a.portfolio,
        });
        i += 1;
      }
    }
  }
  assert.ok(rows.some((r) => r.Progress.includes('£247,665')));
  assert.deepEqual(errors, []);
  await context.close();
});
