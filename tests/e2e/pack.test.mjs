// End to end: the scrutiny pack printed to PDF and read back with pdftotext:
// cover, status key, page numbers, every activity once in the detail section,
// extracts, and headings in order for an accessible PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, waitForApp, axeViolations } from './browser.mjs';

let app;
let folder;
before(async () => {
  app = await startApp();
  folder = mkdtempSync(join(tmpdir(), 'activity-register-pack-'));
});
after(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const ALL_IDS = [
  'KA.01.01', 'KA.01.02', 'KA.01.03', 'KA.01.04', 'KA.01.05', 'KA.01.06', 'KA.01.07', 'KA.01.08',
  'KA.02.01', 'KA.02.02', 'KA.02.03', 'KA.03.01', 'KA.03.02', 'KA.03.03', 'KA.03.04', 'KA.04.01',
  'KA.05.01', 'KA.05.02', 'KA.05.03', 'KA.06.01', 'KA.06.02', 'KA.06.03', 'KA.07.01', 'KA.07.02',
  'KA.08.01', 'KA.08.02', 'KA.08.03', 'KA.09.01', 'KA.09.02', 'KA.09.03', 'KA.10.01', 'KA.10.02',
  'KA.11.01', 'KA.11.02', 'KA.11.03', 'KA.11.04', 'KA.11.05',
];
const FINANCE = ['KA.01.05', 'KA.02.02', 'KA.02.03', 'KA.03.02', 'KA.04.01', 'KA.09.03', 'KA.10.01', 'KA.10.02'];

async function openPack(query = '') {
  const opened = await app.newPageWithSample();
  const { page } = opened;
  await page.goto(`${app.url}#/pack${query}`);
  await page.locator('[data-pack-ready]').waitFor();
  return opened;
}

/** Prints the page to a PDF as the browser's "Save as PDF" would; returns its text and page count. */
async function printToPdf(page, name) {
  const path = join(folder, name);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-'], { encoding: 'utf8' });
  return { text, pages, first, path };
}

const detailOf = (text) => text.slice(text.lastIndexOf('Key activities in detail'));
const count = (text, id) => text.split(id).length - 1;

test('the full pack prints: cover, key, page numbers, each activity once in the detail, a sensible length', async () => {
  const { page, errors, context } = await openPack();
  assert.deepEqual(await axeViolations(page), []);
  // Headings in order: the report title, the sections, themes, objectives.
  const levels = await page.locator('.pack').evaluate((pack) => [...pack.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 1);
  assert.equal(levels.filter((l) => l === 1).length, 1);
  for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i] <= levels[i - 1] + 1, `heading level jumps at ${i}: ${levels.slice(0, i + 1)}`);
  assert.equal(await page.locator('.pack thead th[scope="col"]').count() > 60, true);

  const pdf = await printToPdf(page, 'full.pdf');
  assert.match(pdf.first, /Harborough District Council/);
  assert.match(pdf.first, /Corporate Plan Key Activities/);
  assert.match(pdf.first, /2019\/20 Quarter 1/);
  assert.match(pdf.text, /Page 1 of \d+/);
  assert.match(pdf.text, new RegExp(`Page ${pdf.pages} of ${pdf.pages}`));
  assert.match(pdf.text, /Corporate Plan Key Activities – 2019\/20 Quarter 1/, 'running footer');
  assert.match(pdf.text, /How to read this report/);
  for (const key of ['Complete', 'Green', 'Amber', 'Red', 'Start Later in Year', 'Not started']) assert.match(pdf.text, new RegExp(`[★●▲✖◇○] ${key}`));
  assert.match(pdf.text, /32 of 37 key activities \(86%\) are Green/);
  const detail = detailOf(pdf.text);
  for (const id of ALL_IDS) assert.equal(count(detail, id), 1, `${id} in the detail section`);
  // 1 cover + 1 contents and key + 2 summary + 2 exceptions + about 19 of detail
  // (37 activities with long commentary, each theme from a new page).
  assert.ok(pdf.pages >= 18 && pdf.pages <= 32, `${pdf.pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Finance extract holds only Finance activities and says so on the cover', async () => {
  const { page, errors, context } = await openPack('?portfolio=Finance');
  await page.getByText('Extract: Portfolio = Finance').waitFor();
  const pdf = await printToPdf(page, 'finance.pdf');
  assert.match(pdf.first, /Extract: Portfolio = Finance/);
  const detail = detailOf(pdf.text);
  for (const id of ALL_IDS) assert.equal(count(detail, id), FINANCE.includes(id) ? 1 : 0, id);
  assert.match(pdf.text, /8 of 8 key activities \(100%\) are Green/);
  assert.ok(pdf.pages < 14, `${pdf.pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('register details edited in the app appear on the cover; Print opens the print dialog', async () => {
  const { page, errors, context } = await openPack();
  await page.goto(`${app.url}#/details`);
  await page.getByLabel('Meeting or committee').fill('Scrutiny Panel');
  await page.getByLabel('Meeting date').fill('12 September 2019');
  await page.getByLabel('Report author').fill('Corporate Performance Officer');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('Details saved.').waitFor();
  await page.getByRole('link', { name: 'See the scrutiny pack' }).click();
  await page.locator('[data-pack-ready]').waitFor();
  assert.match(await page.locator('.pack-cover').innerText(), /Scrutiny Panel, 12 September 2019[\s\S]*Report author: Corporate Performance Officer/);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.reload();
  await waitForApp(page);
  await page.locator('[data-pack-ready]').waitFor();
  assert.match(await page.locator('.pack-cover').innerText(), /Scrutiny Panel/);
  assert.deepEqual(errors, []);
  await context.close();
});
