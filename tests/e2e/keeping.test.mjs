// End to end: keeping the register — editing with undo and redo, adding and
// removing, the next quarter and archived quarters, two tabs, and a full store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, axeViolations, loadSample } from './browser.mjs';
import { stored, blockIndexedDb } from './stored.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const KEY = 'activity-register/v1/register';
const saved = (page) => page.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
const storedStatus = async (page, id) => {
  const r = JSON.parse(await stored(page, KEY)).register;
  for (const t of r.themes) for (const o of t.objectives) for (const a of o.activities) if (a.id === id) return a.status;
  return null;
};

async function setStatus(page, id, label) {
  await page.getByRole('button', { name: `Edit ${id}` }).click();
  const panel = page.getByRole('dialog', { name: `Edit key activity ${id}` });
  await panel.getByLabel('Status').selectOption({ label });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: `Key activity ${id} saved.` }).waitFor();
}

test('edit a status, reload: kept; undo and redo with buttons and keys', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByRole('button', { name: 'Edit KA.01.04' }).click();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await setStatus(page, 'KA.01.04', '✖ Red');
  await saved(page);
  assert.equal(await storedStatus(page, 'KA.01.04'), 'red');
  await page.reload();
  await waitForApp(page);
  const tag = page.locator('tr[data-activity-id="KA.01.04"] .status-tag');
  assert.equal((await tag.innerText()).replace(/\s+/g, ' ').trim(), '✖ Red');

  // Reload starts a new session, so make a fresh edit to undo.
  await setStatus(page, 'KA.01.04', '▲ Amber');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasText: 'Red' }).waitFor();
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasText: 'Amber' }).waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasText: 'Red' }).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasText: 'Amber' }).waitFor();
  await saved(page);
  assert.equal(await storedStatus(page, 'KA.01.04'), 'amber');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Undo and Redo hand focus to each other as they run out, never to the page', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await setStatus(page, 'KA.01.04', '✖ Red');
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  const focusedAction = () => page.evaluate(() => document.activeElement?.dataset?.action ?? document.activeElement?.tagName);
  await undo.focus();
  await page.keyboard.press('Enter');
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasNotText: 'Red' }).waitFor();
  assert.ok(await undo.isDisabled(), 'nothing left to undo');
  assert.equal(await focusedAction(), 'redo');
  await page.keyboard.press('Enter');
  await page.locator('tr[data-activity-id="KA.01.04"] .status-tag').filter({ hasText: 'Red' }).waitFor();
  assert.ok(await redo.isDisabled(), 'nothing left to redo');
  assert.equal(await focusedAction(), 'undo');
  assert.deepEqual(errors, []);
  await context.close();
});

test('add a key activity with the suggested ID, refuse a duplicate, remove after confirming', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByRole('button', { name: 'Add key activity' }).click();
  const panel = page.getByRole('dialog', { name: 'Add a key activity' });
  assert.equal(await panel.getByLabel('ID').inputValue(), 'KA.01.09');
  await panel.getByLabel('Objective').selectOption({ label: 'CO 11: Effective and robust governance arrangements' });
  assert.equal(await panel.getByLabel('ID').inputValue(), 'KA.11.06');
  await panel.getByLabel('Title').fill('Publish the annual governance statement');
  await panel.getByLabel('Lead officer').fill('B. Jolly');
  await panel.getByLabel('Progress').fill('Draft prepared\nAudit committee consulted');
  await panel.getByLabel('ID').fill('KA.11.04');
  await panel.getByRole('button', { name: 'Add key activity' }).click();
  // The refusal sits by the ID field, described by it and marked invalid; focus is there.
  await panel.getByText(/The ID KA\.11\.04 is already used by/).waitFor();
  const idField = panel.getByLabel('ID');
  assert.equal(await idField.getAttribute('aria-invalid'), 'true');
  assert.match(await idField.evaluate((el) => el.getAttribute('aria-describedby').split(' ')
    .map((i) => document.getElementById(i).textContent).join(' ')), /Error: The ID KA\.11\.04 is already used by/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'edit-id');
  await panel.getByLabel('ID').fill('KA.11.06');
  await panel.getByRole('button', { name: 'Add key activity' }).click();
  await page.locator('#results-line').filter({ hasText: 'Showing 38 of 38' }).waitFor();
  assert.deepEqual(await page.locator('tr[data-activity-id="KA.11.06"] .col-progress li').allInnerTexts(), ['Draft prepared', 'Audit committee consulted']);

  await page.getByRole('button', { name: 'Edit KA.11.06' }).click();
  await page.getByRole('button', { name: 'Remove key activity' }).click();
  await page.getByText('Remove key activity KA.11.06 from the register?').waitFor();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.locator('#results-line').filter({ hasText: 'Showing 37 of 37' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('start the next quarter: Q2 2019/20 with direction of travel against the archived Q1', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/quarters`);
  await page.getByRole('heading', { level: 1, name: 'Quarters' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Start 2019/20 Quarter 2…' }).click();
  await page.getByRole('button', { name: 'Yes, start 2019/20 Quarter 2' }).click();
  await page.getByText('Started 2019/20 Quarter 2. 2019/20 Quarter 1 is archived').waitFor();
  assert.match(await page.locator('.app-identity').innerText(), /2019\/20 Quarter 2/);
  const archive = page.getByRole('table', { name: 'Archived quarters in this browser' });
  assert.match(await archive.innerText(), /2019\/20 Quarter 1\s+Harborough District Council\s+37/);
  // One size for a quarter: the sentence gives the largest, the table each one's.
  const fit = await page.getByText(/storage is (less than 1|\d+)% used/).innerText();
  assert.match(fit, /about \d{1,3}(,\d{3})* more quarters of that size fit/);
  const sizeCell = await archive.locator('tbody tr').first().locator('td.number').nth(1).innerText();
  assert.equal(fit.match(/takes about (\d+ KB)/)[1], sizeCell);

  await page.goto(`${app.url}#/register`);
  await setStatus(page, 'KA.01.04', '▲ Amber');
  await page.goto(`${app.url}#/summary`);
  await page.locator('#travel-sentence').waitFor();
  assert.equal(await page.locator('#travel-sentence').innerText(), '0 improved, 1 declined, 36 unchanged, 0 new, 0 no longer reported.');
  assert.match(await page.getByText(/^Compared with/).innerText(), /Compared with 2019\/20 Quarter 1/);

  // An archived quarter is deleted only after confirmation.
  await page.goto(`${app.url}#/quarters`);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await page.getByText('No quarters are archived in this browser yet.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs: a saved change shows in the other tab; edits to different activities are combined, none overwritten', async () => {
  const { page: first, errors, context } = await app.newPageWithSample();
  // Lets a tab hold back storage events (window.holdStorageEvents), from before
  // the app's own listener, so it runs first.
  await context.addInitScript(() => {
    window.addEventListener('storage', (e) => { if (window.holdStorageEvents) e.stopImmediatePropagation(); }, true);
  });
  await first.reload();
  await waitForApp(first);
  const second = await context.newPage();
  await second.goto(app.url);
  await waitForApp(second);
  await second.locator('tbody tr').first().waitFor();

  // Counts the second tab's writes of the register.
  await second.evaluate(() => {
    window.registerWrites = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function count(key, value) {
      if (key === 'activity-register/v1/register') window.registerWrites += 1;
      return setItem.call(this, key, value);
    };
  });
  await setStatus(first, 'KA.01.01', '✖ Red');
  await saved(first);
  await second.locator('tr[data-activity-id="KA.01.01"] .status-tag').filter({ hasText: 'Red' }).waitFor();
  await second.getByText('The register was updated from another tab, which changed KA.01.01 (status).').waitFor();
  // Taking in the other tab's version writes nothing back, even after the save delay.
  await second.waitForTimeout(800);
  assert.equal(await second.evaluate(() => window.registerWrites), 0);

  // Both change the register, different activities. The first tab hears of the
  // second's save only after its own change (as a busy tab may), so its save
  // finds the stored register changed and must merge: both changes are kept.
  await first.evaluate(() => { window.holdStorageEvents = true; });
  await second.bringToFront();
  await setStatus(second, 'KA.01.02', '▲ Amber');
  await saved(second);
  await first.bringToFront();
  await setStatus(first, 'KA.01.03', '▲ Amber');
  await first.evaluate(() => { window.holdStorageEvents = false; });
  await saved(first);
  await first.locator('tr[data-activity-id="KA.01.02"] .status-tag').filter({ hasText: 'Amber' }).waitFor();
  await second.locator('tr[data-activity-id="KA.01.03"] .status-tag').filter({ hasText: 'Amber' }).waitFor();
  assert.equal(await storedStatus(first, 'KA.01.02'), 'amber', 'the other tab\'s save is kept');
  assert.equal(await storedStatus(first, 'KA.01.03'), 'amber', 'this tab\'s save is kept');
  assert.equal(await first.getByRole('alert').filter({ hasText: 'This register was changed in another tab' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

// The localStorage fallback (IndexedDB blocked) keeps the 5 MB quota's rules.
async function newFallbackPage() {
  const opened = await app.newPage();
  await opened.context.addInitScript(blockIndexedDb);
  await opened.page.goto(app.url);
  await waitForApp(opened.page);
  return opened;
}

test('with the localStorage fallback, the header shows the share of storage used, other sites\' keys included', async () => {
  const { page, errors, context } = await newFallbackPage();
  // Another app's data, one key named like a Storage method (read without a shortcut).
  await page.evaluate(() => {
    localStorage.setItem('other-app/data', 'y'.repeat(1_000_000));
    localStorage.setItem('getItem', 'x'.repeat(600_000));
  });
  await loadSample(page);
  const used = await page.evaluate(() => {
    let n = 0;
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      n += key.length + localStorage.getItem(key).length;
    }
    return n;
  });
  const percent = Math.ceil((used * 100) / (5 * 1024 * 1024));
  assert.ok(percent > 30, `the other keys count: ${percent}%`);
  assert.match(await page.locator('.storage-use').innerText(), new RegExp(`kept in its smaller local storage \\(about 5 MB\\)\\. ${percent}% of this browser’s storage used\\.$`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('localStorage fallback already full: the quota message, the register kept in memory, export works, nothing lost', async () => {
  const { page, errors, context } = await newFallbackPage();
  // Another app on the same site has used nearly all of the quota.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; ; i += 1) {
      try { localStorage.setItem(`other-app/${i}`, chunk); } catch { break; }
    }
    let small = 'y'.repeat(64 * 1024);
    for (let i = 0; small.length > 16; i += 1) {
      try { localStorage.setItem(`other-app/small-${i}`, small); } catch { small = small.slice(0, small.length / 2); }
    }
  });
  const before = await page.evaluate(() => Object.keys(localStorage).length);
  await page.getByRole('button', { name: 'Load sample register' }).click();
  await page.locator('.save-status').filter({ hasText: /^Not saved: the browser's storage for this page is full/ }).waitFor();
  assert.match(await page.locator('.storage-use').innerText(), /100% of this browser’s storage used\.$/);
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).length), before, 'nothing of the other app was removed');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  assert.match(download.suggestedFilename(), /2019-20-q1\.json$/);
  assert.deepEqual(errors.filter((e) => !/QuotaExceeded|exceeded the quota/i.test(e)), []);
  await context.close();
});

test('the status set and the themes and objectives are editable, with the rules checked', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/details`);
  await page.getByRole('heading', { name: 'Status set' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Status 2: label').fill('On track');
  await page.getByRole('button', { name: 'Save status set' }).click();
  await page.getByText('Status set saved.').waitFor();
  // A colour too pale to see is refused and changes nothing.
  await page.getByLabel('Status 3: colour').evaluate((el) => { el.value = '#ffbf47'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.getByRole('button', { name: 'Save status set' }).click();
  await page.getByRole('alert').filter({ hasText: 'contrast of 1.6:1 on white; it needs at least 3:1' }).waitFor();
  // Removing a status that activities still have is refused.
  await page.getByRole('button', { name: 'Remove status 3' }).click();
  await page.getByRole('button', { name: 'Save status set' }).click();
  await page.getByRole('alert').filter({ hasText: 'The status “Amber” cannot be removed: 2 key activities have it.' }).waitFor();

  await page.getByLabel('New objective under “YOUR COUNCIL: innovative, proactive and efficient”').fill('Net zero by 2030');
  await page.getByRole('button', { name: 'Add objective' }).nth(2).click();
  await page.getByText('CO 12: Net zero by 2030 (0 key activities)').waitFor();
  await page.getByRole('button', { name: 'Remove CO 12' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.getByText('CO 12: Net zero by 2030').waitFor({ state: 'detached' });

  await page.goto(`${app.url}#/register`);
  const tag = page.locator('tr[data-activity-id="KA.01.01"] .status-tag');
  assert.equal((await tag.innerText()).replace(/\s+/g, ' ').trim(), '● On track');
  const amber = page.locator('tr[data-activity-id="KA.06.01"] .status-tag');
  assert.equal(await amber.getAttribute('style'), null, 'no style attribute: a strict policy blocks them');
  assert.equal(await amber.evaluate((t) => getComputedStyle(t).getPropertyValue('--status-colour').trim()), '#b35c00');
  // A new colour in the status set recolours the tags (the rules follow the set).
  await page.goto(`${app.url}#/details`);
  await page.getByLabel('Status 3: colour').evaluate((el) => { el.value = '#7a4100'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.getByRole('button', { name: 'Save status set' }).click();
  await page.getByText('Status set saved.').waitFor();
  await page.goto(`${app.url}#/register`);
  assert.equal(await amber.evaluate((t) => getComputedStyle(t).getPropertyValue('--status-colour').trim()), '#7a4100');
  assert.equal(await amber.evaluate((t) => getComputedStyle(t).borderLeftColor), 'rgb(122, 65, 0)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('themes and objectives are renamed in place; an empty title is refused; undo brings the old one back', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/details`);
  await page.getByRole('heading', { name: 'Themes and objectives' }).waitFor();
  await page.getByRole('button', { name: 'Rename CO 3' }).click();
  const field = page.getByLabel('New title for CO 3');
  assert.equal(await field.inputValue(), 'Quality Homes for all');
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the cursor is in the field');
  assert.deepEqual(await axeViolations(page), []);
  await field.fill('Homes people can afford');
  await field.press('Enter');
  await page.getByText('CO 3: Homes people can afford (4 key activities)').waitFor();
  await saved(page);
  const kept = JSON.parse(await stored(page, KEY));
  assert.equal(kept.register.themes[0].objectives[2].title, 'Homes people can afford');
  assert.equal(kept.register.themes[0].objectives[2].activities.length, 4);

  // A theme renamed to nothing is refused and changes nothing; Escape leaves the field.
  await page.getByRole('button', { name: 'Rename theme “THE PLACE: an enterprising, vibrant place”' }).click();
  await page.getByLabel('New title for this theme').fill('   ');
  await page.getByRole('button', { name: 'Save title' }).click();
  await page.getByRole('alert').filter({ hasText: 'Give the theme a title.' }).waitFor();
  assert.equal(await page.getByLabel('New title for this theme').getAttribute('aria-invalid'), 'true');
  // Themes are filtered by title, so a second theme cannot take the first one's.
  await page.getByLabel('New title for this theme').fill('THE PEOPLE: a healthy, inclusive and engaged community');
  await page.getByRole('button', { name: 'Save title' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is already a theme called “THE PEOPLE: a healthy, inclusive and engaged community”.' }).waitFor();
  await page.getByLabel('New title for this theme').press('Escape');
  await page.getByLabel('New title for this theme').waitFor({ state: 'detached' });
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Rename theme “THE PLACE/, 'focus is back on the button');
  await page.getByRole('heading', { name: 'THE PLACE: an enterprising, vibrant place', level: 3 }).waitFor();

  // The register shows the new title, and the objective filter offers it; undo restores it.
  await page.goto(`${app.url}#/register`);
  await page.getByRole('heading', { name: 'CO 3: Homes people can afford' }).waitFor();
  const objectives = await page.getByLabel('Objective').locator('option').allInnerTexts();
  assert.ok(objectives.includes('CO 3: Homes people can afford (4)'), objectives.join(' | '));
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'CO 3: Quality Homes for all' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edit form left open across an undo still saves to its own activity', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  // Remove KA.01.02, so KA.01.03 moves up a place.
  await page.getByRole('button', { name: 'Edit KA.01.02' }).click();
  await page.getByRole('button', { name: 'Remove key activity' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.locator('#results-line').filter({ hasText: 'Showing 36 of 36' }).waitFor();
  // Open KA.01.03, then undo the removal underneath the open form.
  await page.getByRole('button', { name: 'Edit KA.01.03' }).click();
  const panel = page.getByRole('dialog', { name: 'Edit key activity KA.01.03' });
  await panel.getByLabel('Title').fill('Planning service, retitled');
  // The page behind the dialog is inert; Ctrl+Z outside a text field still undoes.
  await panel.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Control+z');
  await page.locator('#results-line').filter({ hasText: 'Showing 37 of 37' }).waitFor();
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Key activity KA.01.03 saved.' }).waitFor();
  assert.equal(await page.locator('tr[data-activity-id="KA.01.03"] .activity-title').innerText(), 'Planning service, retitled');
  assert.equal(await page.locator('tr[data-activity-id="KA.01.02"] .activity-title').innerText(),
    'To promote community safety through the Community Safety Partnership (CSP)');
  assert.deepEqual(errors, []);
  await context.close();
});
