// End to end: the register view of the built dist/, in headless Chromium.
import { stored as storedValue, store, waitForStored } from './stored.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp, waitForApp, axeViolations } from './browser.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('a first visit offers the sample register and passes axe-core', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Activity Register');
  await page.getByRole('button', { name: 'Load sample register' }).waitFor();
  assert.equal(await page.locator('.save-status').innerText(), 'Nothing to save yet');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('before any register, the other views say so and link to the Register view, then fill in once one is loaded', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  for (const [hash, title] of [['summary', 'Summary'], ['pack', 'Scrutiny pack'], ['details', 'Register details'], ['quarters', 'Quarters']]) {
    await page.evaluate((h) => { location.hash = h; }, `#/${hash}`);
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await page.getByText('There is no register in this browser yet.').waitFor();
    assert.deepEqual(await axeViolations(page), [], hash);
  }
  await page.getByRole('link', { name: 'Load or import one on the Register view' }).click();
  await page.getByRole('button', { name: 'Load sample register' }).click();
  await page.getByRole('heading', { level: 1, name: /Harborough District Council/ }).waitFor();
  await page.evaluate(() => { location.hash = '#/quarters'; });
  await page.getByRole('heading', { level: 1, name: /^Quarters/ }).waitFor();
  assert.equal(await page.getByText('There is no register in this browser yet.').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('loading the sample shows 37 key activities under 11 objectives and 3 themes', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  const h1 = await page.getByRole('heading', { level: 1 }).innerText();
  assert.match(h1, /Harborough District Council\s+Corporate Plan Key Activities\s+2019\/20 Quarter 1/);
  assert.match(await page.title(), /Harborough District Council: Corporate Plan Key Activities, 2019\/20 Quarter 1/);

  const themes = page.locator('section.theme');
  assert.equal(await themes.count(), 3);
  assert.equal(await page.getByRole('table').count(), 11);
  const rows = page.locator('tbody tr');
  assert.equal(await rows.count(), 37);

  // Grouped as the report: CO 1 (8 activities) sits in the first theme.
  const co1 = page.getByRole('table', { name: 'CO 1: Keeping the District a great place to live' });
  assert.equal(await co1.locator('tbody tr').count(), 8);
  const firstTheme = themes.nth(0);
  assert.equal(await firstTheme.getByRole('heading', { level: 2 }).innerText(), 'THE PLACE: an enterprising, vibrant place');
  assert.equal(await firstTheme.getByRole('table').count(), 5);

  // Column headers carry scope, rows are headed by the activity.
  const headers = await co1.locator('thead th[scope="col"]').allInnerTexts();
  assert.deepEqual(headers, ['Key Activity', 'Status', 'Progress', 'Next Steps', 'Lead Officer', 'Portfolio']);
  const amberRow = page.getByRole('row', { name: /KA\.06\.01/ });
  assert.match(await amberRow.getByRole('rowheader').innerText(), /KA\.06\.01\s+Implement the Smarter Services Action Plan/);

  // Status reads without colour: a symbol and the word.
  const tag = (await amberRow.locator('.status-tag').innerText()).replace(/\s+/g, ' ').trim();
  assert.equal(tag, '▲ Amber');
  const complete = page.getByRole('row', { name: /KA\.11\.04/ }).locator('.status-tag');
  assert.equal((await complete.innerText()).replace(/\s+/g, ' ').trim(), '★ Complete');

  // KA.11.03 has no lead officer or portfolio in the source, and none is invented.
  const ka1103 = page.getByRole('row', { name: /KA\.11\.03/ });
  assert.deepEqual(await ka1103.locator('td.col-lead, td.col-portfolio').allInnerTexts(), ['Not recorded', 'Not recorded']);

  await page.locator('.save-status').filter({ hasText: 'All changes saved in this browser' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the register survives a reload and the view has no axe-core violations', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /Harborough District Council/ }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.match(page.url(), /#\/register$|\/$/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('views are addressed in the hash and work under a sub-path-like reload', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/register`);
  await waitForApp(page);
  assert.equal(await page.getByRole('link', { name: 'Register', exact: true }).getAttribute('aria-current'), 'page');
  await page.goto(`${app.url}#/no-such-view`);
  await page.getByRole('alert').filter({ hasText: 'There is no view called' }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 37);
  // Every asset URL in the page is relative, so any sub-path works.
  const html = await (await fetch(app.url)).text();
  assert.doesNotMatch(html, /(href|src)="\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unreadable stored register is kept aside, reported, and never overwritten', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  await store(page, 'activity-register/v1/register', '{"format": "activity-register", "version": 1, "register": {');
  await page.reload();
  await waitForApp(page);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /cut short/);
  assert.match(await alert.innerText(), /activity-register\/v1\/unreadable\/1/);
  const cut = '{"format": "activity-register", "version": 1, "register": {';
  await waitForStored(page, 'activity-register/v1/unreadable/1', cut);
  const kept = { main: await storedValue(page, 'activity-register/v1/register') };
  assert.equal(kept.main, cut);
  // The raw stored text can be downloaded as it is.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the stored text' }).click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), kept.main);
  assert.deepEqual(errors, []);
  await context.close();
});
