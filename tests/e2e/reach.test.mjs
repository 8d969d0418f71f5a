// End to end: usable on a phone, at 200% and 400% zoom and by keyboard alone.
// The keyboard flow uses page.keyboard only (no clicks): load the sample, filter
// to Amber, edit one activity's status and save (focus back on its Edit button,
// the row in view, the sentence saying it no longer matches), reach the pack and
// Print. axe-core runs on every view at three sizes, with the edit form and the
// import preview open; at 320 CSS px no view scrolls sideways. (The Returns view
// does not exist yet.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp, waitForApp, axeViolations, loadSample } from './browser.mjs';

const SAMPLE_TEXT = readFileSync(new URL('../../public/sample-register.json', import.meta.url), 'utf8');

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** What the focused element is called: aria-label, its label, or its text. */
const focusedName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  return (el.getAttribute('aria-label') ?? el.labels?.[0]?.innerText ?? el.innerText ?? '').replace(/\s+/g, ' ').trim();
});

/** Presses Tab (or Shift+Tab) until the focused element's name matches `name`. */
async function tabTo(page, name, { back = false, max = 200 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focusedName(page);
    if (name instanceof RegExp ? name.test(now) : now === name) return now;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Whether the element is (at least partly) inside the viewport. */
const inView = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
});

const resultsLine = (page, text) => page.locator('#results-line').filter({ hasText: text }).waitFor();

test('by keyboard alone: load the sample, filter to Amber, edit a status and save, reach the pack and Print', async () => {
  const { page, errors, context } = await app.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await waitForApp(page);

  // The skip link moves focus to the main content and leaves the address alone.
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(page), 'Skip to main content');
  const address = page.url();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(page.url(), address);

  // Load sample register: focus on the register's heading, the page at its top.
  await tabTo(page, 'Load sample register');
  await page.keyboard.press('Enter');
  await resultsLine(page, 'Showing 37 of 37');
  await page.waitForFunction(() => document.activeElement?.id === 'register-heading');
  assert.ok(await page.evaluate(() => scrollY) < 300, 'the page did not jump down');

  // Filter to Amber with the Space bar.
  await tabTo(page, /^▲ Amber \(2\)$/);
  await page.keyboard.press('Space');
  await resultsLine(page, 'Showing 2 of 37');

  // Edit KA.06.01: a dialog, focus in its first field; Escape cancels back to the row.
  await tabTo(page, 'Edit KA.06.01');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit key activity KA.06.01' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'edit-id');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit KA.06.01');

  // Open it again, choose Red with the arrow keys, Save.
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'edit-id');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'edit-status');
  for (let i = 0; i < 6 && await dialog.getByLabel('Status').inputValue() !== 'red'; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await dialog.getByLabel('Status').inputValue(), 'red');
  await tabTo(page, 'Save changes');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });

  // Focus is back on the row's Edit button, the row is in view, and the page says
  // the row no longer matches the filters (it stays until they change).
  const row = page.locator('tr[data-activity-id="KA.06.01"]');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit KA.06.01');
  assert.ok(await inView(row), 'the edited row is in view');
  assert.match(await row.locator('.status-tag').innerText(), /Red/);
  const note = page.getByRole('status').filter({ hasText: 'KA.06.01 is now Red and no longer matches the filters.' });
  await note.waitFor();
  await resultsLine(page, 'Showing 1 of 37');

  // The sentence's link shows it in the register.
  await tabTo(page, 'Show KA.06.01 in the register', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/register\?q=KA\.06\.01$/);
  await note.waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.activityId)), ['KA.06.01']);

  // The pack, by the header's link, and Print.
  await tabTo(page, 'Scrutiny pack', { back: true });
  await page.keyboard.press('Enter');
  await page.locator('article.pack[data-pack-ready="true"]').waitFor();
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await tabTo(page, 'Print');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every view (and the edit form, the import preview and the paste form) at
 *  `width`×`height`: axe-core's violations, and at 320 px whether the page
 *  scrolls sideways. Returns problems as sentences. */
async function everyView(width, height) {
  const { page, errors, context } = await app.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(app.url);
  await waitForApp(page);
  const problems = [];
  const check = async (what) => {
    for (const v of await axeViolations(page)) problems.push(`${width}×${height} ${what}: ${v}`);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    if (width <= 320 && scroll > inner) problems.push(`${width}×${height} ${what}: the page scrolls sideways (${scroll} > ${inner})`);
  };
  await page.getByRole('heading', { level: 1, name: 'Activity Register' }).waitFor();
  await check('first visit');
  await page.getByRole('button', { name: 'Paste report text' }).click();
  await page.getByRole('heading', { name: 'Paste report text' }).waitFor();
  await check('paste form');
  await loadSample(page);
  await check('register');
  await page.getByRole('button', { name: 'Edit KA.06.01' }).click();
  await page.getByRole('dialog', { name: 'Edit key activity KA.06.01' }).waitFor();
  await check('edit form');
  await page.keyboard.press('Escape');
  await page.getByLabel('Import JSON').setInputFiles({ name: 'sample.json', mimeType: 'application/json', buffer: Buffer.from(SAMPLE_TEXT) });
  await page.getByRole('region', { name: /Check before replacing/ }).waitFor();
  await check('import preview');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`${app.url}#/register?layout=table`);
  await page.getByRole('table', { name: 'Key activities matching the filters' }).waitFor();
  await check('register as one table');
  await page.goto(`${app.url}#/summary`);
  await page.getByRole('heading', { level: 1, name: /Summary/ }).waitFor();
  await check('summary');
  await page.goto(`${app.url}#/pack`);
  await page.locator('article.pack[data-pack-ready="true"]').waitFor();
  await check('scrutiny pack');
  await page.goto(`${app.url}#/details`);
  await page.getByRole('heading', { level: 1, name: 'Register details' }).waitFor();
  await check('register details');
  await page.goto(`${app.url}#/returns`);
  await page.getByRole('heading', { level: 1, name: /^Returns/ }).waitFor();
  await page.getByRole('button', { name: 'Export return workbooks' }).waitFor();
  await page.getByRole('table').first().waitFor();
  await check('returns');
  await page.goto(`${app.url}#/quarters`);
  await page.getByRole('button', { name: 'Start 2019/20 Quarter 2…' }).click();
  await check('quarters, asking before the next quarter starts');
  await page.getByRole('button', { name: 'Yes, start 2019/20 Quarter 2' }).click();
  await page.getByRole('table', { name: 'Archived quarters in this browser' }).waitFor();
  await check('quarters, with an archived quarter');
  await page.getByRole('button', { name: 'View 2019/20 Quarter 1' }).click();
  await page.getByRole('heading', { name: /archived, read-only/ }).waitFor();
  await check('an archived quarter');
  problems.push(...errors);
  await context.close();
  return problems;
}

for (const [width, height] of [[1280, 900], [390, 844], [320, 640]]) {
  test(`axe-core finds nothing on any view at ${width}×${height}${width === 320 ? ', and no view scrolls sideways' : ''}`, async () => {
    assert.deepEqual(await everyView(width, height), []);
  });
}

test('on a phone the register reads as cards, the header keeps every view, and words stay whole', async () => {
  const { page, errors, context } = await app.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await loadSample(page, app.url);
  const row = page.locator('tr[data-activity-id="KA.01.04"]');
  const card = await row.evaluate((tr) => {
    const cell = (c) => tr.querySelector(c);
    const label = (c) => getComputedStyle(cell(c), '::before').content;
    return {
      display: getComputedStyle(tr).display,
      width: tr.getBoundingClientRect().width,
      labels: ['.col-status', '.col-progress', '.col-next', '.col-lead', '.col-portfolio'].map(label),
      // One line for "KA.01.04": not broken letter by letter.
      idLines: Math.round(cell('.activity-id').getBoundingClientRect().height / parseFloat(getComputedStyle(cell('.activity-id')).lineHeight)),
    };
  });
  assert.equal(card.display, 'block');
  assert.ok(card.width > 300, `a card is ${card.width} px wide`);
  assert.deepEqual(card.labels, ['"Status: "', '"Progress"', '"Next steps"', '"Lead officer: "', '"Portfolio: "']);
  assert.equal(card.idLines, 1);
  // Every view's link is whole inside the window.
  const nav = await page.getByRole('navigation', { name: 'Views' }).getByRole('link').evaluateAll((links) =>
    links.map((a) => { const r = a.getBoundingClientRect(); return { text: a.innerText, fits: r.left >= 0 && r.right <= innerWidth && r.height >= 24 }; }));
  assert.deepEqual(nav.map((l) => l.text), ['Register', 'Summary', 'Scrutiny pack', 'Register details', 'Quarters', 'Returns']);
  assert.ok(nav.every((l) => l.fits), JSON.stringify(nav));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 40000, `the register is ${height} px tall at 390 px`);
  // At a desktop width the same markup is the report's table again.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await row.evaluate((tr) => getComputedStyle(tr).display), 'table-row');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after content is replaced focus goes to its heading; a notice stays on its own view', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.locator('tr[data-activity-id="KA.11.05"]').scrollIntoViewIfNeeded();
  await page.getByLabel('Import JSON').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(SAMPLE_TEXT) });
  await page.waitForFunction(() => document.activeElement?.id === 'preview-heading');
  await page.getByRole('button', { name: 'Replace register' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'register-heading');
  assert.ok(await page.evaluate(() => scrollY) < 300);
  await page.getByRole('button', { name: 'Restore previous register' }).click();
  await page.getByText(/^Previous register restored/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'register-heading');

  // "Key activity … saved." is said on the Register view, not on Quarters.
  await page.getByRole('button', { name: 'Edit KA.01.04' }).click();
  await page.getByRole('dialog', { name: 'Edit key activity KA.01.04' }).getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Key activity KA.01.04 saved.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit KA.01.04');
  await page.getByRole('link', { name: 'Quarters' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quarters' }).waitFor();
  assert.equal(await page.getByText('Key activity KA.01.04 saved.').count(), 0);
  assert.equal(await page.evaluate(() => scrollY), 0, 'a new view starts at its top');

  // Starting a quarter: focus on what it says; the actions are separate, named buttons.
  await page.getByRole('button', { name: 'Start 2019/20 Quarter 2…' }).click();
  await page.getByRole('button', { name: 'Yes, start 2019/20 Quarter 2' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'next-message');
  assert.match(await page.locator('#next-message').innerText(), /^Started 2019\/20 Quarter 2\./);
  for (const name of ['View 2019/20 Quarter 1', 'Compare with current register: 2019/20 Quarter 1', 'Export JSON of 2019/20 Quarter 1', 'Delete 2019/20 Quarter 1']) {
    await page.getByRole('button', { name, exact: true }).waitFor();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the views explain themselves: compare where direction of travel is first mentioned, "or", the period asked for', async () => {
  const { page, errors, context } = await app.newPageOnApp();
  // First visit: this quarter's register, and separately last quarter's to compare.
  await page.getByRole('heading', { name: 'Open this quarter’s register' }).waitFor();
  await page.getByRole('heading', { name: 'Compare with last quarter' }).waitFor();
  await page.getByRole('region', { name: 'Compare with last quarter' }).getByLabel('Compare with last quarter').waitFor({ state: 'attached' });

  // Pasted text without a period: the form asks for it, by the field.
  await page.getByRole('button', { name: 'Paste report text' }).click();
  await page.getByRole('textbox', { name: 'Report text', exact: true }).fill('THE PLACE: a theme');
  await page.getByRole('button', { name: 'Read the text' }).click();
  const year = page.getByLabel('Financial year');
  await page.waitForFunction(() => document.activeElement?.id === 'paste-year');
  assert.equal(await year.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#paste-year-error').innerText(), /Enter the financial year the report covers/);
  assert.equal(await page.getByRole('region', { name: /Check before replacing/ }).count(), 0);

  await page.getByRole('button', { name: 'Load sample register' }).click();
  await resultsLine(page, 'Showing 37 of 37');
  await page.getByRole('region', { name: 'Register actions' }).getByLabel('Compare with previous quarter').waitFor({ state: 'attached' });
  await page.getByRole('link', { name: 'Summary' }).click();
  const headline = page.getByRole('region', { name: 'Headline' });
  await headline.getByLabel('Compare with previous quarter').waitFor({ state: 'attached' });
  await page.getByText('2 key activities are Amber or Red, with progress and the next steps (corrective action).').waitFor();
  await headline.getByLabel('Compare with previous quarter').setInputFiles({ name: 'q4.json', mimeType: 'application/json', buffer: Buffer.from(SAMPLE_TEXT) });
  await headline.getByText(/^Since last quarter: 0 improved, 0 declined, 37 unchanged/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused edit puts its sentence by its field and focus there', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByRole('button', { name: 'Edit KA.01.04' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit key activity KA.01.04' });
  await dialog.getByLabel('Title').fill('');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'edit-title');
  const title = dialog.getByLabel('Title');
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  assert.equal(await title.getAttribute('aria-describedby'), 'edit-title-error');
  assert.equal(await page.locator('#edit-title-error').textContent(), 'Error: Give the key activity a title.');
  // The sentence sits between the Title label and its box.
  const [label, error, box] = await Promise.all(['label[for="edit-title"]', '#edit-title-error', '#edit-title']
    .map((s) => page.locator(s).evaluate((el) => el.getBoundingClientRect().top)));
  assert.ok(label < error && error < box, `${label} ${error} ${box}`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after Add, focus is on the new row; an edit that moves a row to another page follows it there', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByRole('button', { name: 'Add key activity' }).click();
  const add = page.getByRole('dialog', { name: 'Add a key activity' });
  await page.waitForFunction(() => document.activeElement?.id === 'edit-objective');
  await add.getByLabel('Title').fill('Publish the annual governance statement');
  await add.getByRole('button', { name: 'Add key activity' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit KA.01.09');
  assert.ok(await inView(page.locator('tr[data-activity-id="KA.01.09"]')));
  // Cancel on Add goes back to "Add key activity".
  await page.getByRole('button', { name: 'Add key activity' }).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'add-activity');

  // 150 activities, 10 a page, sorted by status: the first row, made Complete
  // (the highest rank), moves to a later page, and so do the page and focus.
  const { generateRegister } = await import('../bench/generate.mjs');
  await page.getByLabel('Import JSON').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(generateRegister(150)) });
  await page.getByRole('button', { name: 'Replace register' }).click();
  await page.goto(`${app.url}#/register?layout=table&sort=status`);
  await resultsLine(page, /Showing 150 of 150 .*\(page 1 of 15\)/);
  const first = await page.locator('tbody tr').first().getAttribute('data-activity-id');
  await page.getByRole('button', { name: `Edit ${first}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit key activity ${first}` });
  await dialog.getByLabel('Status').selectOption('complete');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction((id) => document.activeElement?.getAttribute('aria-label') === `Edit ${id}`, first);
  assert.match(page.url(), /page=(\d+)/);
  assert.ok(Number(page.url().match(/page=(\d+)/)[1]) > 1, page.url());
  assert.ok(await inView(page.locator(`tr[data-activity-id="${first}"]`)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the header does not move the page once the storage estimate arrives (no layout shift on a first visit)', async () => {
  for (const [width, height] of [[412, 823], [390, 844], [320, 700], [1280, 900]]) {
    const { page, context, errors } = await app.newPage({ viewport: { width, height } });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__shifts.push({ value: e.value, from: e.sources.map((s) => s.node?.className || s.node?.nodeName || '?').join(', ') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(app.url);
    await waitForApp(page);
    // The line the estimate fills in after start-up.
    await page.locator('.storage-use').filter({ hasText: 'storage used' }).waitFor();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const shifts = await page.evaluate(() => window.__shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(total < 0.01, `at ${width}×${height} the page shifted by ${total.toFixed(3)}: ${JSON.stringify(shifts)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('at 320 and 390 px an open rename field on Register details does not make the page scroll sideways', async () => {
  for (const [width, height] of [[320, 700], [390, 844]]) {
    const { page, context, errors } = await app.newPage({ viewport: { width, height } });
    await loadSample(page, app.url);
    await page.goto(`${app.url}#/details`);
    await page.getByRole('button', { name: 'Rename CO 3' }).click();
    await page.getByLabel('New title for CO 3').waitFor();
    await page.getByRole('button', { name: 'Rename theme' }).first().click();
    await page.getByLabel('New title for this theme').first().waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `at ${width} px the page is ${wide} px wide with the rename fields open`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
