// End to end: one set of rules for every change (issue 12) — the register details
// go through the file's rules and undo; two tabs merge by activity and field; the
// next quarter asks first and runs once; archives are never hidden.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp, waitForApp, axeViolations, replaceRegister } from './browser.mjs';
import { stored as storedValue, storedKeys, store } from './stored.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const KEY = 'activity-register/v1/register';
const ARCHIVE = 'activity-register/v1/archive/';
const SAMPLE = readFileSync(new URL('../../public/sample-register.json', import.meta.url), 'utf8');
const saved = (page) => page.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
const stored = async (page) => JSON.parse(await storedValue(page, KEY)).register;
const statusIn = (register, id) => {
  for (const t of register.themes) for (const o of t.objectives) for (const a of o.activities) if (a.id === id) return a.status;
  return null;
};
const tag = (page, id) => page.locator(`tr[data-activity-id="${id}"] .status-tag`);
const archiveKeys = async (page) => (await storedKeys(page)).filter((k) => k.startsWith(ARCHIVE)).sort();

async function setStatus(page, id, label) {
  await page.getByRole('button', { name: `Edit ${id}` }).click();
  const panel = page.getByRole('dialog', { name: `Edit key activity ${id}` });
  await panel.getByLabel('Status').selectOption({ label });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  // The row, not the notice: another tab's changes may replace the notice at once.
  await tag(page, id).filter({ hasText: label.split(' ').at(-1) }).waitFor();
}

test('register details: a too-long value is refused by its field; a good one is saved, undone and read back after reload', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/details`);
  await page.getByRole('heading', { level: 1, name: 'Register details' }).waitFor();
  const organisation = page.getByLabel('Organisation');
  await organisation.fill('A'.repeat(25000));
  await page.getByRole('button', { name: 'Save details' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  const sentence = 'Organisation must be 20,000 characters or fewer; it is 25,000.';
  assert.equal(await summary.getByRole('link').innerText(), sentence);
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'focus moves to the error summary');
  assert.equal(await organisation.getAttribute('aria-invalid'), 'true');
  const describedBy = await organisation.getAttribute('aria-describedby');
  const byField = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '), describedBy);
  assert.match(byField, new RegExp(`Error: ${sentence.replace(/[.;]/g, '\\$&')}`));
  assert.deepEqual(await axeViolations(page), []);
  await summary.getByRole('link').click();
  assert.ok(await organisation.evaluate((el) => el === document.activeElement), 'the link moves focus to its field');
  await saved(page);
  assert.equal((await stored(page)).organisation, 'Harborough District Council', 'nothing refused was stored');

  await organisation.fill('Example District Council');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
  assert.equal(await summary.count(), 0);
  assert.equal(await organisation.getAttribute('aria-invalid'), null);
  await saved(page);
  assert.equal((await stored(page)).organisation, 'Example District Council');

  await page.goto(`${app.url}#/register`);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.locator('.app-identity').filter({ hasText: 'Harborough District Council' }).waitFor();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await page.locator('.app-identity').filter({ hasText: 'Example District Council' }).waitFor();
  await saved(page);
  await page.reload();
  await waitForApp(page);
  await page.locator('.app-identity').filter({ hasText: 'Example District Council' }).waitFor();
  assert.equal(await page.getByText('Your stored register could not be opened').count(), 0);
  assert.equal(await page.locator('tbody tr').count() > 0, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new key activity starts as "Not started", never "Complete"', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.getByRole('button', { name: 'Add key activity' }).click();
  const panel = page.getByRole('dialog', { name: 'Add a key activity' });
  const status = panel.getByLabel('Status');
  assert.equal(await status.inputValue(), 'not-started');
  assert.deepEqual(errors, []);
  await context.close();
});

// Two tabs saving at the same instant can each write over the same register
// (each hears of the other's save, on the BroadcastChannel, only after it); each
// save names the revision it was based on (storage::BASE_KEY), so the other tab
// merges from that base and neither edit is lost.
test('two tabs editing different activities within 300 ms: both edits are stored and shown in both tabs', async () => {
  const { page: first, errors, context } = await app.newPageWithSample();
  const second = await context.newPage();
  await second.goto(app.url);
  await waitForApp(second);
  await second.locator('tbody tr').first().waitFor();
  await Promise.all([setStatus(first, 'KA.01.01', '✖ Red'), setStatus(second, 'KA.01.02', '▲ Amber')]);
  for (const page of [first, second]) {
    await tag(page, 'KA.01.01').filter({ hasText: 'Red' }).waitFor();
    await tag(page, 'KA.01.02').filter({ hasText: 'Amber' }).waitFor();
  }
  await saved(first);
  await saved(second);
  const register = await stored(first);
  assert.equal(statusIn(register, 'KA.01.01'), 'red');
  assert.equal(statusIn(register, 'KA.01.02'), 'amber');
  // The tab that took the other's work in says which activity and field it was.
  const told = [
    await first.getByText('The register was updated from another tab, which changed KA.01.02 (status).').count(),
    await second.getByText('The register was updated from another tab, which changed KA.01.01 (status).').count(),
  ];
  assert.ok(told.some((n) => n === 1), `told: ${told}`);
  assert.equal(await first.getByRole('alert').filter({ hasText: 'changed in another tab' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs changing the same field: the later one is asked, told what the other changed, and nothing is lost', async () => {
  const { page: first, errors, context } = await app.newPageWithSample();
  const second = await context.newPage();
  // The second tab misses the first tab's saves for a while (as if it were busy):
  // the app's BroadcastChannel handler is wrapped so that messages are dropped while held.
  await second.addInitScript(() => {
    const onmessage = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage');
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
      get() { return onmessage.get.call(this); },
      set(f) { onmessage.set.call(this, f && ((e) => { if (!window.__hold) f(e); })); },
    });
  });
  await second.goto(app.url);
  await waitForApp(second);
  await second.locator('tbody tr').first().waitFor();
  await second.evaluate(() => { window.__hold = true; });
  await setStatus(first, 'KA.01.04', '✖ Red');
  await setStatus(first, 'KA.02.01', '▲ Amber');
  await saved(first);
  await second.evaluate(() => { window.__hold = false; });
  await setStatus(second, 'KA.01.04', '▲ Amber');
  const banner = second.getByRole('alert').filter({ hasText: 'This register was changed in another tab' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /The other tab changed KA\.01\.04 \(status\) and KA\.02\.01 \(status\)\./);
  assert.match(await banner.innerText(), /KA\.01\.04, status: this tab “amber”, the other tab “red”/);
  assert.deepEqual(await axeViolations(second), []);
  assert.equal(statusIn(await stored(second), 'KA.01.04'), 'red', 'nothing was saved over the other tab');
  await banner.getByRole('button', { name: 'Keep this tab’s values' }).click();
  await saved(second);
  const register = await stored(second);
  assert.equal(statusIn(register, 'KA.01.04'), 'amber', 'this tab’s value, as chosen');
  assert.equal(statusIn(register, 'KA.02.01'), 'amber', 'the other tab’s other edit is kept');
  await tag(first, 'KA.01.04').filter({ hasText: 'Amber' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the next quarter asks first; Enter twice starts it once; replacing an archive says what differs', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  await page.goto(`${app.url}#/quarters`);
  const start = page.getByRole('button', { name: 'Start 2019/20 Quarter 2…' });
  await start.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('region', { name: 'Start 2019/20 Quarter 2?' });
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /2019\/20 Quarter 1 is archived as it stands: 37 key activities, read-only/);
  assert.match(await confirm.innerText(), /2019\/20 Quarter 2 will hold the same 37 key activities, each with its status; progress and next steps start empty\./);
  assert.ok(await confirm.getByRole('heading').evaluate((h) => h === document.activeElement), 'focus is on the question, not a button');
  await page.keyboard.press('Enter');
  assert.deepEqual(await archiveKeys(page), [], 'nothing archived before Yes');
  assert.deepEqual(await axeViolations(page), []);
  await confirm.getByRole('button', { name: 'Yes, start 2019/20 Quarter 2' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByText('Started 2019/20 Quarter 2. 2019/20 Quarter 1 is archived').waitFor();
  await page.waitForTimeout(300);
  assert.match(await page.locator('.app-identity').innerText(), /2019\/20 Quarter 2/);
  assert.deepEqual(await archiveKeys(page), [`${ARCHIVE}2019-20-q1`]);

  // A revised Q1 imported again: starting again asks, and says what differs.
  const revised = JSON.parse(SAMPLE);
  revised.register.themes[0].objectives[0].activities[0].status = 'red';
  await page.goto(`${app.url}#/register`);
  await replaceRegister(page, JSON.stringify(revised), 37, 'revised-q1.json');
  await page.goto(`${app.url}#/quarters`);
  await page.getByRole('button', { name: 'Start 2019/20 Quarter 2…' }).click();
  const again = page.getByRole('region', { name: 'Start 2019/20 Quarter 2?' });
  assert.match(await again.innerText(), /An archive of 2019\/20 Quarter 1 is already kept in this browser; it differs: 1 changed, 0 added, 0 removed \(against the register now\)\. Starting will replace it\./);
  await again.getByRole('button', { name: 'No, not now' }).click();
  assert.equal(await again.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unreadable archive is listed with its text downloadable; the last period has no next quarter', async () => {
  const { page, errors, context } = await app.newPageWithSample();
  const cut = SAMPLE.slice(0, 500);
  await store(page, `${ARCHIVE}2018-19-q4`, cut);
  // The browser copy is read at start.
  await page.reload();
  await page.goto(`${app.url}#/quarters`);
  const table = page.getByRole('table', { name: 'Archived quarters that cannot be read' });
  await table.waitFor();
  assert.match(await table.innerText(), /2018-19-q4\s+The file ends too early at line \d+, column \d+: it looks cut short\./);
  assert.equal(await page.getByText('No quarters are archived in this browser yet.').count(), 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    table.getByRole('button', { name: 'Download the text of 2018-19-q4' }).click(),
  ]);
  assert.equal(readFileSync(await download.path(), 'utf8'), cut);
  // Deleting it asks first, as for a readable archive; "No" keeps it.
  await table.getByRole('button', { name: 'Delete 2018-19-q4', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Delete this unreadable archive for good?' })
    .getByRole('button', { name: 'No, keep it' }).click();
  assert.equal(await page.getByRole('button', { name: 'Yes, delete it' }).count(), 0);
  assert.deepEqual(await archiveKeys(page), [`${ARCHIVE}2018-19-q4`]);
  assert.deepEqual(await axeViolations(page), []);

  const last = JSON.parse(SAMPLE);
  last.register.period = { financial_year: '9998/99', quarter: 4 };
  await page.goto(`${app.url}#/register`);
  await replaceRegister(page, JSON.stringify(last), 37, 'last.json');
  await page.goto(`${app.url}#/quarters`);
  await page.getByRole('button', { name: 'Start the next quarter…' }).click();
  await page.getByText('9998/99 Quarter 4 is the last period a register file can hold').waitFor();
  assert.deepEqual(await archiveKeys(page), [`${ARCHIVE}2018-19-q4`]);
  assert.deepEqual(errors, []);
  await context.close();
});
