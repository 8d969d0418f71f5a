// End to end: the filter bar, search, layouts and sorting, the URL, the keyboard,
// and registers far bigger than the sample.
import { blockIndexedDb } from './stored.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, axeViolations, replaceRegister, loadSample } from './browser.mjs';
import { generateRegister } from '../bench/generate.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const shownIds = (page) => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.activityId));
const resultsLine = (page) => page.locator('#results-line').innerText();

async function waitForLine(page, pattern) {
  await page.locator('#results-line').filter({ hasText: pattern }).waitFor();
}

/** Waits until the results line says something other than `before`; returns it. */
async function waitForNewLine(page, before) {
  await page.waitForFunction((b) => (document.getElementById('results-line')?.innerText ?? b) !== b, before);
  return resultsLine(page);
}

/** Waits until the rows mark `word` (the search has run for it). */
async function waitForMarks(page, word) {
  await page.locator('tbody mark').filter({ hasText: new RegExp(`^${word}$`, 'i') }).first().waitFor();
}

/** The rows a page should show for the results line: all up to 100, else 10. */
function expectedRows(line) {
  const n = Number(line.match(/^Showing ([\d,]+) of/)[1].replace(/,/g, ''));
  return n > 100 ? 10 : n;
}

test('Status = Amber shows exactly KA.06.01 and KA.07.02, and axe-core finds nothing', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  assert.equal(await resultsLine(page), 'Showing 37 of 37 key activities.');
  const amber = page.getByRole('group', { name: 'Status' }).getByLabel(/Amber/);
  assert.match(await page.getByRole('group', { name: 'Status' }).innerText(), /Amber \(2\)/);
  await amber.check();
  await waitForLine(page, 'Showing 2 of 37');
  assert.deepEqual(await shownIds(page), ['KA.06.01', 'KA.07.02']);
  assert.match(page.url(), /#\/register\?status=amber$/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Search "air quality" finds KA.01.04, ignoring case and accents, with the matches marked', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByLabel('Search').fill('AIR QUÁLITY');
  await waitForLine(page, 'Showing 1 of 37');
  assert.deepEqual(await shownIds(page), ['KA.01.04']);
  const marks = await page.locator('tr[data-activity-id="KA.01.04"] mark').allInnerTexts();
  assert.ok(marks.length >= 4, `marks: ${marks}`);
  assert.ok(marks.every((m) => /^(air|quality)$/i.test(m)), `marks: ${marks}`);
  // Escape clears the search; "/" comes back to it.
  await page.getByLabel('Search').press('Escape');
  await waitForLine(page, 'Showing 37 of 37');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Portfolio = Finance and Status = Green combine; counts follow the other filters', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByLabel('Portfolio').selectOption({ label: 'Finance (8)' });
  await waitForLine(page, 'Showing 8 of 37');
  await page.getByRole('group', { name: 'Status' }).getByLabel(/Green/).check();
  await waitForLine(page, 'Showing 8 of 37');
  assert.deepEqual(await shownIds(page), ['KA.01.05', 'KA.02.02', 'KA.02.03', 'KA.03.02', 'KA.04.01', 'KA.09.03', 'KA.10.01', 'KA.10.02']);
  const portfolioOptions = await page.getByLabel('Portfolio').locator('option').allInnerTexts();
  assert.ok(portfolioOptions.includes('Regulatory (4)'), portfolioOptions.join(' | '));
  assert.match(await page.getByRole('group', { name: 'Status' }).innerText(), /Amber \(0\)/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await waitForLine(page, 'Showing 37 of 37');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the URL reproduces a filtered, sorted view after reload and with back and forward', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByLabel('Lead officer').selectOption({ label: 'R. Szadziewski (8)' });
  await waitForLine(page, 'Showing 8 of 37');
  await page.getByLabel('One table, sortable').check();
  await page.getByRole('button', { name: /^Status/ }).click();
  await waitForLine(page, 'sorted by status, lowest rank first');
  const url = page.url();
  assert.match(url, /lead=R\.%20Szadziewski/);
  const ids = await shownIds(page);
  assert.deepEqual(ids.slice(0, 3), ['KA.01.07', 'KA.06.02', 'KA.06.01']);
  assert.equal(await page.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await axeViolations(page), []);

  await page.reload();
  await waitForApp(page);
  await waitForLine(page, 'Showing 8 of 37 key activities, sorted by status, lowest rank first.');
  assert.deepEqual(await shownIds(page), ids);
  assert.equal(await page.getByLabel('One table, sortable').isChecked(), true);

  await page.goBack();
  await waitForLine(page, /^Showing 8 of 37 key activities\.$/);
  await page.goBack();
  await waitForLine(page, 'Showing 8 of 37');
  await page.goBack();
  await waitForLine(page, 'Showing 37 of 37');
  await page.goForward();
  await waitForLine(page, 'Showing 8 of 37');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a search is written to the URL once typing pauses, reloads, and is kept by a filter or link chosen straight after', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  const search = page.getByLabel('Search');
  await search.pressSequentially('air');
  await waitForLine(page, /Showing \d+ of 37/);
  await page.waitForURL(/q=air$/);
  await search.fill('air quality');
  await waitForLine(page, 'Showing 1 of 37');
  await page.waitForURL(/q=air%20quality$/);
  await page.reload();
  await waitForApp(page);
  await waitForLine(page, 'Showing 1 of 37');
  assert.equal(await search.inputValue(), 'air quality');
  // Typed, then a status chosen at once: the entry left behind keeps the search.
  const airQualityLine = await resultsLine(page);
  await search.fill('council');
  const councilLine = await waitForNewLine(page, airQualityLine);
  await page.getByRole('group', { name: 'Status' }).getByLabel(/Green/).check();
  await page.waitForURL(/status=green&q=council$/);
  await page.goBack();
  await page.waitForURL(/q=council$/);
  await waitForLine(page, councilLine);
  assert.equal(await search.inputValue(), 'council');
  // Typed, then a link followed at once: the same.
  await search.fill('air');
  await waitForMarks(page, 'air');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Summary' }).click();
  await page.waitForURL(/#\/summary\?q=air$/);
  await page.goBack();
  await page.waitForURL(/#\/register\?q=air$/);
  assert.equal(await search.inputValue(), 'air');
  assert.deepEqual(errors, []);
  await context.close();
});

test('values in the URL that the register does not have are ignored without a crash', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/register?status=purple&portfolio=Nowhere&objective=CO%2099&page=99&sort=sideways&q=`);
  await waitForLine(page, 'Showing 37 of 37');
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 1,000-activity register shows 10 rows a page, with an exact count, page links and a choice of rows per page', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  await replaceRegister(page, generateRegister(1000), 1000, 'big.json');
  await waitForLine(page, 'Showing 1,000 of 1,000 key activities (page 1 of 100).');
  assert.equal(await page.locator('tbody tr').count(), 10);
  const pages = page.getByRole('navigation', { name: 'Pages of key activities' });
  await pages.getByRole('button', { name: 'Next page' }).click();
  await waitForLine(page, '(page 2 of 100)');
  assert.match(page.url(), /page=2/);
  await page.evaluate(() => { location.hash = '#/register?page=6'; });
  await waitForLine(page, '(page 6 of 100)');
  const sixth = await shownIds(page);
  assert.equal(sixth.length, 10);
  // 25 a page: the first row on screen (the 51st) stays on screen, now first on page 3.
  await pages.getByLabel('Rows per page').selectOption('25');
  await waitForLine(page, 'Showing 1,000 of 1,000 key activities (page 3 of 40).');
  const widened = await shownIds(page);
  assert.equal(widened.length, 25);
  assert.equal(widened[0], sixth[0]);
  assert.match(page.url(), /page=3&rows=25$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  await waitForApp(page);
  await waitForLine(page, '(page 3 of 40)');
  assert.equal(await page.getByLabel('Rows per page').inputValue(), '25');
  await page.goBack();
  await waitForLine(page, '(page 6 of 100)');
  assert.deepEqual(await shownIds(page), sixth);
  const beforeAmber = await resultsLine(page);
  await page.getByRole('group', { name: 'Status' }).getByLabel(/Amber/).check();
  const amberLine = await waitForNewLine(page, beforeAmber);
  assert.match(amberLine, /^Showing [\d,]+ of 1,000/);
  assert.equal(await page.locator('tbody tr').count(), expectedRows(amberLine));
  assert.doesNotMatch(page.url(), /page=/, 'a new filter goes back to page 1');
  assert.deepEqual(errors, []);
  await context.close();
});

/** What has focus: its id, or its text when it has none; "BODY" when focus was dropped. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'BODY';
  return el.id || el.textContent.trim();
});

test('focus never drops to the page when the control pressed is disabled or the page count changes', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  await replaceRegister(page, generateRegister(1000), 1000, 'big.json');
  await waitForLine(page, '(page 1 of 100)');
  const pages = page.getByRole('navigation', { name: 'Pages of key activities' });
  // By keyboard: Next, then Previous back to page 1, where Previous is disabled.
  await pages.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await waitForLine(page, '(page 2 of 100)');
  assert.equal(await focused(page), 'Next page');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'Previous page');
  await page.keyboard.press('Enter');
  await waitForLine(page, '(page 1 of 100)');
  assert.ok(await pages.getByRole('button', { name: 'Previous page' }).isDisabled());
  assert.equal(await focused(page), 'Next page', 'focus moved to the button still to press');
  // Rows per page: the number of pages changes, the choice keeps focus.
  await pages.getByLabel('Rows per page').focus();
  await pages.getByLabel('Rows per page').selectOption('25');
  await waitForLine(page, '(page 1 of 40)');
  assert.equal(await focused(page), 'rows-per-page');
  // The last page: Next is disabled, focus goes to Previous.
  await page.evaluate(() => { location.hash = '#/register?page=39&rows=25'; });
  await waitForLine(page, '(page 39 of 40)');
  await pages.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await waitForLine(page, '(page 40 of 40)');
  assert.equal(await focused(page), 'Previous page');
  // A status filter changes the number of pages: the checkbox keeps focus.
  const amber = page.getByRole('group', { name: 'Status' }).getByLabel(/Amber/);
  await amber.focus();
  await page.keyboard.press('Space');
  await page.locator('#results-line').filter({ hasNotText: 'of 1,000 key activities (page 40' }).waitFor();
  assert.equal(await focused(page), await amber.getAttribute('id'));
  // Clear filters disables itself: focus goes to the search box.
  await page.getByRole('button', { name: 'Clear filters' }).focus();
  await page.keyboard.press('Enter');
  await waitForLine(page, 'Showing 1,000 of 1,000');
  assert.ok(await page.getByRole('button', { name: 'Clear filters' }).isDisabled());
  assert.equal(await focused(page), 'search');
  // Two pages: each button is the other's only way on.
  await replaceRegister(page, generateRegister(150), 150, 'two-pages.json');
  await pages.getByLabel('Rows per page').selectOption('100');
  await waitForLine(page, '(page 1 of 2)');
  await pages.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await waitForLine(page, '(page 2 of 2)');
  assert.equal(await focused(page), 'Previous page');
  await page.keyboard.press('Enter');
  await waitForLine(page, '(page 1 of 2)');
  assert.equal(await focused(page), 'Next page');
  assert.deepEqual(errors, []);
  await context.close();
});

// The browser copy (IndexedDB) holds 10,000; the localStorage fallback still cannot.
test('with the localStorage fallback, 10,000 activities do not fit: the app says so, keeps working, exports, and damages nothing', async () => {
  const { page, errors, context } = await app.newPage();
  await context.addInitScript(blockIndexedDb);
  await loadSample(page, app.url);
  const before = await page.evaluate(() => localStorage.getItem('activity-register/v1/register'));
  const big = generateRegister(10000);
  await replaceRegister(page, big, 10000, 'county.json');
  await page.locator('.save-status').filter({ hasText: /^Not saved: the browser's storage for this page is full/ }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('activity-register/v1/register')), before);
  await page.getByLabel('Search').fill('café');
  await waitForMarks(page, 'café');
  const cafeLine = await resultsLine(page);
  assert.match(cafeLine, /^Showing [\d,]+ of 10,000/);
  assert.equal(await page.locator('tbody tr').count(), expectedRows(cafeLine));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(exported.register.themes.flatMap((t) => t.objectives.flatMap((o) => o.activities)).length, 10000);
  assert.deepEqual(errors.filter((e) => !/QuotaExceeded/.test(e)), []);
  await context.close();
});
