// End to end: the Summary view (headline, chart with its text equivalent,
// breakdowns, exceptions), following the filters, direction of travel against a
// previous quarter, and a register with a status set of its own.
import { stored } from './stored.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, waitForApp, axeViolations, replaceRegister } from './browser.mjs';
import { generateRegister } from '../bench/generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE_TEXT = readFileSync(join(ROOT, 'public', 'sample-register.json'), 'utf8');

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const asFile = (name, doc) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)) });

test('the summary of the sample: sentence, chart with a text equivalent, table, breakdowns, exceptions', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Summary' }).click();
  await page.getByRole('heading', { level: 1, name: /Summary/ }).waitFor();
  assert.match(await page.title(), /^Summary – Harborough District Council/);
  assert.equal(await page.locator('#headline-sentence').innerText(),
    '32 of 37 key activities (86%) are Green, 1 is Complete, 2 are Amber and 2 are Start Later in Year.');
  const chart = page.getByRole('img', { name: /Key activities by status \(bar chart\)/ });
  assert.match(await chart.getAttribute('aria-labelledby'), /headline-sentence/);
  const table = page.getByRole('table', { name: 'Key activities by status' });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(rows, ['★ Complete 1 3%', '● Green 32 86%', '▲ Amber 2 5%', '✖ Red 0 0%', '◇ Start Later in Year 2 5%', '○ Not started 0 0%']);
  for (const name of ['By theme', 'By corporate objective', 'By portfolio', 'By lead officer']) {
    await page.getByRole('table', { name }).waitFor();
  }
  const noLead = page.getByRole('table', { name: 'By lead officer' }).getByRole('row', { name: /^Not recorded/ });
  assert.match((await noLead.innerText()).replace(/\s+/g, ' '), /Not recorded 0 1 0 0 0 0 1/);
  const finance = page.getByRole('table', { name: 'By portfolio' }).getByRole('row', { name: /^Finance/ });
  assert.match((await finance.innerText()).replace(/\s+/g, ' '), /Finance 0 8 0 0 0 0 8/);
  const exceptions = await page.locator('.exceptions-table tbody tr .activity-id').allInnerTexts();
  assert.deepEqual(exceptions, ['KA.06.01', 'KA.07.02']);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the summary follows the filters and says which are in force', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByLabel('Portfolio').selectOption({ label: 'Finance (8)' });
  await page.locator('#results-line').filter({ hasText: 'Showing 8 of 37' }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Summary' }).click();
  await page.getByText('Filters in force: Portfolio = Finance.').waitFor();
  assert.match(await page.getByText(/^Filtered:/).innerText(), /Filtered: 8 of 37 key activities/);
  assert.equal(await page.locator('#headline-sentence').innerText(), '8 of 8 key activities (100%) are Green.');
  assert.match(page.url(), /#\/summary\?portfolio=Finance$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.locator('#headline-sentence').filter({ hasText: '32 of 37' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('direction of travel against a previous quarter: counts, movements, arrows in the register, remembered', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  const previous = JSON.parse(SAMPLE_TEXT);
  const acts = (t, o) => previous.register.themes[t].objectives[o].activities;
  acts(0, 0)[0].status = 'amber'; // KA.01.01 was Amber, now Green: improved
  acts(1, 0)[0].status = 'green'; // KA.06.01 was Green, now Amber: declined
  acts(0, 0)[1].title = 'An older title'; // KA.01.02: title changed
  acts(2, 1).splice(2, 1); // KA.11.03 was not reported last quarter: new
  acts(2, 1).push({ ...acts(2, 1)[0], id: 'KA.11.09' }); // KA.11.09 no longer reported
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Summary' }).click();
  const before = await stored(page, 'activity-register/v1/register');
  await page.getByLabel('Compare with previous quarter').setInputFiles(asFile('q4.json', previous));
  await page.locator('#travel-sentence').waitFor();
  assert.equal(await page.locator('#travel-sentence').innerText(), '1 improved, 1 declined, 34 unchanged, 1 new, 1 no longer reported.');
  const movements = page.getByRole('table', { name: 'Movements since last quarter' });
  const row = async (id) => (await movements.locator(`tr[data-activity-id="${id}"]`).innerText()).replace(/\s+/g, ' ').trim();
  assert.match(await row('KA.01.01'), /Amber Green ↑ Improved$/);
  assert.match(await row('KA.06.01'), /Green Amber ↓ Declined$/);
  assert.match(await row('KA.01.02'), /Title changed; was “An older title”\..*→ Unchanged$/);
  assert.match(await row('KA.11.03'), /Not reported Green \+ New$/);
  assert.match(await row('KA.11.09'), /Green Not reported × No longer reported$/);
  assert.equal(await stored(page, 'activity-register/v1/register'), before, 'comparing never replaces the register');
  assert.deepEqual(await axeViolations(page), []);

  // The register shows an arrow and a word; the comparison survives a reload.
  await page.goto(`${app.url}#/register`);
  await page.reload();
  await waitForApp(page);
  const status = page.locator('tr[data-activity-id="KA.06.01"] .col-status');
  await status.locator('.travel').waitFor();
  assert.equal((await status.locator('.travel').innerText()).trim(), '↓ Declined');

  await page.goto(`${app.url}#/summary`);
  await page.getByRole('button', { name: 'Clear comparison' }).click();
  await page.locator('#travel-sentence').waitFor({ state: 'detached' });
  assert.equal(await stored(page, 'activity-register/v1/comparison'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad previous-quarter file gets the import messages and changes nothing', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/summary`);
  await page.getByLabel('Compare with previous quarter').setInputFiles(asFile('old.json', SAMPLE_TEXT.replace('"version": 1', '"version": 9')));
  const alert = page.getByRole('alert').filter({ hasText: '“old.json” was not loaded for comparison' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /made by a newer version of the app/);
  assert.equal(await stored(page, 'activity-register/v1/comparison'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a register with its own status set: other labels, colours, ranks and exception flags', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  const brag = JSON.parse(SAMPLE_TEXT);
  brag.register.statuses = [
    { id: 'blue', label: 'Blue', colour: '#005ea5', symbol: '★', meaning: 'Done.', rank: 4, exception: false },
    { id: 'g', label: 'On track', colour: '#00703c', symbol: '●', meaning: 'Fine.', rank: 3, exception: false },
    { id: 'a', label: 'At risk', colour: '#b35c00', symbol: '▲', meaning: 'Watch.', rank: 2, exception: true },
    { id: 'later', label: 'Later', colour: '#505a5f', symbol: '◇', meaning: 'Later.', rank: 1, exception: true },
  ];
  const map = { complete: 'blue', green: 'g', amber: 'a', 'start-later': 'later' };
  for (const t of brag.register.themes) for (const o of t.objectives) for (const a of o.activities) a.status = map[a.status];
  await page.getByLabel('Import JSON').setInputFiles(asFile('brag.json', brag));
  await page.getByRole('button', { name: 'Replace register' }).click();
  await page.goto(`${app.url}#/summary`);
  await page.locator('#headline-sentence').waitFor();
  assert.equal(await page.locator('#headline-sentence').innerText(),
    '32 of 37 key activities (86%) are On track, 1 is Blue, 2 are At risk and 2 are Later.');
  const exceptions = await page.locator('.exceptions-table tbody tr .activity-id').allInnerTexts();
  assert.deepEqual(exceptions, ['KA.01.07', 'KA.06.01', 'KA.06.02', 'KA.07.02']);
  assert.match(await page.getByText(/key activities are At risk or Later/).innerText(), /^4 key activities/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('many exceptions: the first 50, all of them on request, focus on the first row added', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  const count = 600;
  await replaceRegister(page, generateRegister(count), count, 'county.json');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Summary' }).click();
  const section = page.getByRole('region', { name: 'Exceptions' });
  const said = await section.getByText(/key activities are Amber or Red/).innerText();
  const total = Number(said.match(/^(\d+) /)[1]);
  assert.ok(total > 50, `${total} exceptions`);
  const rows = section.locator('.exceptions-table tbody tr');
  assert.equal(await rows.count(), 50);
  await section.getByText(`Showing the first 50 of ${total}.`).waitFor();
  const fiftyFirst = await page.evaluate(() => document.querySelector('.exceptions-table tbody tr')?.dataset.activityId);
  assert.ok(fiftyFirst);
  assert.deepEqual(await axeViolations(page), []);

  await section.getByRole('button', { name: `Show all ${total} exceptions` }).click();
  await section.getByText(`All ${total} are shown.`).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.exceptions-table tbody tr').length === n, total);
  // Every row once, in report order, each objective one table (chunks continue the open table).
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.activityId));
  assert.equal(new Set(ids).size, total);
  assert.deepEqual(ids, [...ids].sort());
  const captions = await section.locator('.exceptions-table caption').allInnerTexts();
  assert.equal(new Set(captions).size, captions.length);
  // Focus moves to the first row that was not shown before.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.activityId), ids[50]);
  assert.equal(await section.getByRole('button', { name: /Show all/ }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);

  // A change of filters keeps "all" and redraws them for the new selection.
  await page.evaluate(() => { location.hash = '#/summary?status=red'; });
  await section.getByText(/^\d+ key activities are Amber or Red/).filter({ hasNotText: said }).waitFor();
  const red = Number((await section.getByText(/key activities are Amber or Red/).innerText()).match(/^(\d+) /)[1]);
  await page.waitForFunction((n) => document.querySelectorAll('.exceptions-table tbody tr').length === n, red);
  assert.equal(await section.locator('.status-tag[data-status="amber"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
