// End to end: "Export Word document" on the Scrutiny pack. The .docx is caught
// as a download, read with python-docx (heading styles in order, title,
// language, repeated header rows, the landscape section, footer fields) and
// converted to PDF by LibreOffice as a Word user's machine would render it; the
// PDF's text has every activity once in the detail section, or only an
// extract's. The worker that makes the document is loaded on first use only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync, symlinkSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { startApp, loadSample, watch } from './browser.mjs';
import { serve } from './serve.mjs';

let app;
let folder;
before(async () => {
  app = await startApp();
  folder = mkdtempSync(join(tmpdir(), 'activity-register-docx-'));
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
const TITLE = 'Harborough District Council: Corporate Plan Key Activities, 2019/20 Quarter 1';
const FILE = 'harborough-district-council-corporate-plan-key-activities-2019-20-q1.docx';

/** What python-docx (Debian's, so /usr/bin/python3) reads from the document. */
const READ_DOCX = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
from docx.enum.section import WD_ORIENT
d = docx.Document(sys.argv[1])
body = d.element.body
headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith('Heading')]
detail_tables, in_detail = [], False
for el in body.iterchildren():
    if el.tag == qn('w:p') and el.xpath('string(.)') == 'Key activities in detail' and el.xpath('.//w:pStyle[@w:val="Heading2"]'):
        in_detail = True
    if el.tag == qn('w:tbl') and in_detail:
        detail_tables.append(el)
def header_repeats(tbl):
    first = tbl.findall(qn('w:tr'))[0]
    return first.find(qn('w:trPr')) is not None and first.find(qn('w:trPr')).find(qn('w:tblHeader')) is not None
lang = d.styles.element.xpath('./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val')
footers = [s.footer._element.xml for s in d.sections]
print(json.dumps({
    'headings': headings,
    'title': d.core_properties.title,
    'language': d.core_properties.language,
    'styles_lang': lang,
    'tables': len(d.tables),
    'all_headers_repeat': all(header_repeats(t._tbl) for t in d.tables),
    'detail_tables': len(detail_tables),
    'detail_headers_repeat': all(header_repeats(t) for t in detail_tables),
    'detail_columns': [[c.xpath('string(.)') for c in t.findall(qn('w:tr'))[0].findall(qn('w:tc'))] for t in detail_tables[:1]],
    'orientations': [s.orientation == WD_ORIENT.LANDSCAPE for s in d.sections],
    'footer_text': [s.footer.paragraphs[0].text for s in d.sections],
    'footer_fields': all(' PAGE ' in f and ' NUMPAGES ' in f for f in footers),
    'update_fields': d.settings.element.xpath('./w:updateFields/@w:val'),
    'toc': ' TOC \\o "1-3" \\h \\z \\u ' in body.xml,
}))
`;

function readDocx(path) {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_DOCX, path], { encoding: 'utf8' }));
}

/** The document as LibreOffice renders it: PDF text, page count, the last page's size. */
function toPdf(path) {
  const profile = pathToFileURL(join(folder, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, path], { stdio: 'pipe', timeout: 180_000 });
  const pdf = path.replace(/\.docx$/, '.pdf');
  assert.ok(existsSync(pdf), 'LibreOffice wrote a PDF');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const last = execFileSync('pdfinfo', ['-f', String(pages), '-l', String(pages), pdf], { encoding: 'utf8' });
  const [width, height] = /size:\s+([\d.]+) x ([\d.]+)/.exec(last).slice(1).map(Number);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { text, pages, landscapeAtEnd: width > height, pdf };
}

const detailOf = (text) => text.slice(text.lastIndexOf('Key activities in detail'));
const count = (text, id) => text.split(id).length - 1;

/** Opens the pack (with `query`), clicks Export Word document and saves the download. */
async function exportDocx(query, name) {
  const opened = await app.newPageWithSample();
  const { page } = opened;
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${app.url}#/pack${query}`);
  await page.locator('[data-pack-ready]').waitFor();
  assert.equal(requested.filter((u) => u.includes('pack_docx_worker')).length, 0, 'the worker is not loaded before it is needed');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Word document' }).click(),
  ]);
  const path = join(folder, name);
  await download.saveAs(path);
  await page.getByRole('status').filter({ hasText: `Downloaded ${FILE}.` }).waitFor();
  assert.ok(requested.some((u) => u.endsWith('pack_docx_worker_bg.wasm')), 'the worker loaded its wasm on first use');
  return { ...opened, download, path };
}

test('the full pack as a Word document: heading styles, title, language, repeated headers, landscape detail, every activity once', async () => {
  const { page, errors, context, download, path } = await exportDocx('', 'full.docx');
  assert.equal(download.suggestedFilename(), FILE);
  const doc = readDocx(path);
  assert.deepEqual(doc.headings.slice(0, 6), [
    ['Heading 1', 'Corporate Plan Key Activities'],
    ['Heading 2', 'How to read this report'],
    ['Heading 2', 'Headline summary'],
    ['Heading 2', 'Exceptions'],
    ['Heading 2', 'Key activities in detail'],
    ['Heading 3', 'THE PLACE: an enterprising, vibrant place'],
  ]);
  const levels = doc.headings.map(([style]) => Number(style.slice(-1)));
  for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i] <= levels[i - 1] + 1, `heading level jumps at ${i}`);
  assert.equal(levels.filter((l) => l === 3).length, 3, 'a Heading 3 per theme');
  assert.equal(levels.filter((l) => l === 4).length, 11, 'a Heading 4 per objective');
  assert.equal(doc.title, TITLE);
  assert.equal(doc.language, 'en-GB');
  assert.deepEqual(doc.styles_lang, ['en-GB']);
  assert.equal(doc.detail_tables, 11);
  assert.ok(doc.detail_headers_repeat && doc.all_headers_repeat, 'every table\u2019s first row repeats as a header');
  assert.deepEqual(doc.detail_columns, [['Key Activity', 'Status', 'Progress', 'Next Steps', 'Lead Officer', 'Portfolio']]);
  assert.deepEqual(doc.orientations, [false, true], 'portrait, then the landscape section');
  for (const text of doc.footer_text) assert.match(text, /^Corporate Plan Key Activities – 2019\/20 Quarter 1\tPage 1 of 1$/);
  assert.ok(doc.footer_fields, 'PAGE and NUMPAGES fields');
  assert.deepEqual(doc.update_fields, ['true']);
  assert.ok(doc.toc, 'a TOC field over headings 1 to 3');

  const pdf = toPdf(path);
  assert.ok(pdf.landscapeAtEnd, 'the detail is printed landscape');
  assert.match(pdf.text, /Harborough District Council/);
  assert.match(pdf.text, /Page 1 of \d+/);
  assert.match(pdf.text, new RegExp(`Page ${pdf.pages} of ${pdf.pages}`));
  assert.match(pdf.text, /32 of 37 key activities \(86%\) are Green/);
  for (const key of ['Complete', 'Green', 'Amber', 'Red', 'Start Later in Year', 'Not started']) assert.match(pdf.text, new RegExp(`[★●▲✖◇○] +${key}`));
  assert.doesNotMatch(pdf.text, /#[0-9a-f]{6}/i, 'no colour codes');
  const detail = detailOf(pdf.text);
  for (const id of ALL_IDS) assert.equal(count(detail, id), 1, `${id} once in the detail section`);
  assert.ok(pdf.pages >= 12 && pdf.pages <= 40, `${pdf.pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Finance extract as a Word document holds only the Finance activities and says so on the cover', async () => {
  const { errors, context, path } = await exportDocx('?portfolio=Finance', 'finance.docx');
  const pdf = toPdf(path);
  assert.match(pdf.text, /Extract: Portfolio = Finance/);
  const detail = detailOf(pdf.text);
  for (const id of ALL_IDS) assert.equal(count(detail, id), FINANCE.includes(id) ? 1 : 0, id);
  assert.match(pdf.text, /8 of 8 key activities \(100%\) are Green/);
  assert.match(pdf.text, /No key activity in this pack is Amber or Red\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the worker cannot load, the pack says so in a sentence and the button works again', async () => {
  // The worker's files from the network, as on a first visit: Playwright's routes
  // never see what a service worker serves from its cache (offline.test.mjs
  // checks the export with the network gone).
  const { page, context } = await app.newPageWithSample({ serviceWorkers: 'block' });
  await page.route('**/pack_docx_worker_loader.js', async (route) => {
    await new Promise((done) => { setTimeout(done, 1000); });
    await route.fulfill({ status: 404, body: 'missing' });
  });
  await page.goto(`${app.url}#/pack`);
  await page.locator('[data-pack-ready]').waitFor();
  await page.getByRole('button', { name: 'Export Word document' }).click();
  await page.getByRole('status').filter({ hasText: 'Preparing the Word document…' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'The Word document could not be prepared' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Try again, or use Print to save a PDF\./);
  await page.unroute('**/pack_docx_worker_loader.js');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Word document' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), FILE);
  await context.close();
});

test('under a sub-path of the host the worker is found beside index.html; a comparison adds direction of travel', async () => {
  const site = join(folder, 'site');
  mkdirSync(join(site, 'council'), { recursive: true });
  symlinkSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist'), join(site, 'council', 'activity-register'));
  const { server, url } = await serve(site);
  const context = await app.browser.newContext();
  const errors = watch(context, url);
  try {
    const page = await context.newPage();
    const base = `${url}council/activity-register/`;
    await loadSample(page, base);
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const previous = JSON.parse(readFileSync(join(root, 'public', 'sample-register.json'), 'utf8'));
    previous.register.period = { financial_year: '2018/19', quarter: 4 };
    previous.register.themes[0].objectives[0].activities[0].status = 'amber'; // KA.01.01 Amber → Green: improved
    await page.goto(`${base}#/summary`);
    await page.getByLabel('Compare with previous quarter').setInputFiles({ name: 'q4.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(previous)) });
    await page.locator('#travel-sentence').waitFor();
    await page.goto(`${base}#/pack`);
    await page.locator('[data-pack-ready]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Word document' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), FILE);
    const path = join(folder, 'travel.docx');
    await download.saveAs(path);
    const doc = readDocx(path);
    assert.deepEqual(doc.headings.filter(([style]) => style === 'Heading 2').map(([, text]) => text), [
      'How to read this report', 'Headline summary', 'Exceptions', 'Direction of travel', 'Key activities in detail',
    ]);
    const pdf = toPdf(path);
    assert.match(pdf.text, /Since 2018\/19 Quarter 4: 1 improved, 0 declined, 36 unchanged, 0 new, 0 no longer reported\./);
    assert.match(pdf.text, /KA\.01\.01[^\n]*Amber +Green +↑ Improved/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    server.close();
  }
});
