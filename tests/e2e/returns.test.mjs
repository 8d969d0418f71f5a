// End to end: lead officers' returns on the sample register, with real clients
// nobody here wrote. Export the returns in Chromium; read them with Debian's
// openpyxl (data validation on the status cells, locking, the very hidden
// identity) and LibreOffice (CSV of the lead's sheet); change cells with
// openpyxl in two workbooks; import both; the review shows exactly those
// changes; apply; the exported JSON holds them; Undo restores the register.
// Then a conflict, and the bad workbooks, each refused with its sentence.
import { stored, waitForStored } from './stored.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { startApp, replaceRegister, axeViolations } from './browser.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
let app;
let folder;
before(async () => {
  app = await startApp();
  folder = mkdtempSync(join(tmpdir(), 'activity-register-returns-'));
});
after(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const LEADS = ['A.M. Hawkins', 'B. Jolly', 'D. Atkinson', 'R. Szadziewski', 'V.Wenham'];
const FILES = LEADS.map((l) => `return-2019-20-q1-${l.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.xlsx`);
const REGISTER_KEY = 'activity-register/v1/register';

/** Every key activity of a v1 file's register. */
const acts = (file) => file.register.themes.flatMap((t) => t.objectives.flatMap((o) => o.activities));
const py = (script, ...args) => execFileSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });

/** Opens the Returns view with the sample, exports the returns (one per lead, or one) and saves them. */
async function exportReturns(opened, combined = false) {
  const { page } = opened;
  await page.goto(`${app.url}#/returns`);
  await page.getByRole('heading', { name: 'Who has returned' }).waitFor();
  await page.getByRole('table', { name: /Lead officers: 0 returned, 5 outstanding/ }).waitFor();
  if (combined) await page.getByLabel('One workbook with a sheet per lead officer').check();
  const wanted = combined ? 1 : LEADS.length;
  const downloads = [];
  const all = new Promise((resolve) => page.on('download', (d) => { downloads.push(d); if (downloads.length === wanted) resolve(); }));
  await page.getByRole('button', { name: 'Export return workbooks' }).click();
  await all;
  const paths = [];
  for (const d of downloads) {
    const path = join(folder, d.suggestedFilename());
    await d.saveAs(path);
    paths.push(path);
  }
  await page.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor();
  return { names: downloads.map((d) => d.suggestedFilename()), paths };
}

const INSPECT = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
dv = [(d.type, d.formula1, str(d.sqref)) for d in ws.data_validations.dataValidation]
print(json.dumps({
  'sheets': [(s.title, s.sheet_state) for s in wb.worksheets],
  'validation': dv,
  'protected': ws.protection.sheet,
  'id_locked': ws['A6'].protection.locked,
  'status_locked': ws['C6'].protection.locked,
  'progress_locked': ws['D6'].protection.locked,
  'first_row': [ws.cell(6, c).value for c in range(1, 6)],
  'header': [ws.cell(5, c).value for c in range(1, 9)],
}))
`;

/** Edits cells of `sheet` in the workbook at `path`: {"C6": "Amber", …}; `append` adds a line. */
function editCells(path, sheet, cells, out) {
  py(String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
for ref, value in json.loads(sys.argv[3]).items():
    if value.startswith('+'):
        ws[ref] = (ws[ref].value or '') + '\n' + value[1:]
    else:
        ws[ref] = value
wb.save(sys.argv[4])
`, path, sheet, JSON.stringify(cells), out);
}

async function importReturns(page, paths) {
  await page.getByLabel('Import returns').setInputFiles(paths);
}

async function registerText(page) {
  return stored(page, REGISTER_KEY);
}

test('returns go out per lead, come back edited in openpyxl, are reviewed field by field, applied and undone', async () => {
  const opened = await app.newPageWithSample();
  const { page, errors, context } = opened;
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  const { names, paths } = await exportReturns(opened);
  assert.deepEqual([...names].sort(), [...FILES].sort());
  assert.ok(requested.some((u) => u.endsWith('returns_worker_bg.wasm')), 'the returns worker loads on first use');
  const atkinson = paths.find((p) => p.endsWith('d-atkinson.xlsx'));
  const szadziewski = paths.find((p) => p.endsWith('r-szadziewski.xlsx'));

  // openpyxl: the drop-down, locking, protection and the very hidden identity.
  const seen = JSON.parse(py(INSPECT, atkinson, 'D. Atkinson'));
  assert.deepEqual(seen.sheets, [['Instructions', 'visible'], ['D. Atkinson', 'visible'], ['Return identity', 'veryHidden']]);
  assert.deepEqual(seen.validation, [['list', '"Complete,Green,Amber,Red,Start Later in Year,Not started"', 'C6:C16']]);
  assert.equal(seen.protected, true);
  assert.deepEqual([seen.id_locked, seen.status_locked, seen.progress_locked], [true, false, false]);
  assert.equal(seen.header[2], 'Status');
  const firstId = seen.first_row[0];
  assert.match(firstId, /^KA\.\d\d\.\d\d$/);

  // LibreOffice: every sheet to CSV; the lead's sheet holds the activities' values.
  const profile = pathToFileURL(join(folder, 'lo-profile')).href;
  const csvDir = join(folder, 'csv');
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, atkinson], { stdio: 'pipe', timeout: 180_000 });
  const leadCsv = readdirSync(csvDir).find((f) => f.includes('D. Atkinson'));
  assert.ok(leadCsv, `LibreOffice wrote the lead's sheet: ${readdirSync(csvDir)}`);
  const csv = readFileSync(join(csvDir, leadCsv), 'utf8');
  const register = JSON.parse(await registerText(page));
  const mine = acts(register).filter((a) => a.lead_officer === 'D. Atkinson');
  assert.equal(mine.length, 11);
  for (const a of mine) {
    assert.ok(csv.includes(a.id), `${a.id} is in the CSV`);
    assert.ok(csv.includes(a.progress[0].slice(0, 40)), `${a.id}'s progress is in the CSV`);
  }
  assert.ok(csv.includes('Green'), 'status labels are in the CSV');

  // Two workbooks changed as a lead would, in openpyxl.
  const edited1 = join(folder, 'back-' + FILES[2]);
  const edited2 = join(folder, 'back-' + FILES[3]);
  editCells(atkinson, 'D. Atkinson', { C6: 'Amber', D6: '+A new point from the lead' }, edited1);
  editCells(szadziewski, 'R. Szadziewski', { E6: 'Report to Cabinet in October' }, edited2);
  const before = await registerText(page);
  await importReturns(page, [edited1, edited2]);
  const review = page.getByRole('region', { name: 'Review the returns' });
  await review.waitFor();
  await review.getByText('3 changes proposed').waitFor();
  const items = await review.locator('.review-item h3').allTextContents();
  assert.equal(items.length, 3, items.join(' | '));
  assert.ok(items[0].startsWith(`${firstId} `) && items[0].endsWith(': status'), items[0]);
  assert.ok(items[1].startsWith(`${firstId} `) && items[1].endsWith(': progress'), items[1]);
  assert.ok(items[2].endsWith(': next steps'), items[2]);
  await review.getByText('A new point from the lead').waitFor();
  assert.equal(await registerText(page), before, 'nothing changes before Apply');
  await page.getByRole('table', { name: /2 returned, 3 outstanding/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^E-mail a reminder to/ }).count(), 3);
  const mailto = await page.getByRole('link', { name: 'E-mail a reminder to V.Wenham' }).getAttribute('href');
  assert.match(decodeURIComponent(mailto), /subject=Key activities return for 2019\/20 Quarter 1/);
  assert.deepEqual(await axeViolations(page), []);

  await review.getByRole('button', { name: 'Apply returns' }).click();
  await page.getByText(/Returns applied from D\. Atkinson, R\. Szadziewski/).waitFor();
  await page.getByRole('table', { name: /2 returned, 3 outstanding/ }).waitFor();
  const rsFirst = JSON.parse(py(INSPECT, szadziewski, 'R. Szadziewski')).first_row[0];
  // The trail: who said what, shown on the Returns view.
  const trail = page.getByRole('table', { name: 'Returns applied to this register: 2' });
  await trail.waitFor();
  const trailRows = await trail.locator('tbody tr').allInnerTexts();
  assert.equal(trailRows.length, 2, trailRows.join(' | '));
  assert.match(trailRows[0], /^D\. Atkinson\s+back-return-2019-20-q1-d-atkinson\.xlsx\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  assert.ok(trailRows[0].endsWith(`${firstId}: status, progress`), trailRows[0]);
  assert.ok(trailRows[1].startsWith('R. Szadziewski') && trailRows[1].endsWith(`${rsFirst}: next steps`), trailRows[1]);

  await page.goto(`${app.url}#/register`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const jsonPath = join(folder, 'after.json');
  await download.saveAs(jsonPath);
  const after = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const find = (r, id) => acts(r).find((a) => a.id === id);
  const changed = find(after, firstId);
  assert.equal(changed.status, 'amber');
  assert.equal(changed.progress.at(-1), 'A new point from the lead');
  assert.deepEqual(find(after, rsFirst).next_steps, ['Report to Cabinet in October']);
  // Nothing else changed.
  const others = (r) => JSON.stringify(acts(r).filter((a) => a.id !== firstId && a.id !== rsFirst));
  assert.equal(others(after), others(JSON.parse(before)));
  // The exported file (format 1.1) holds the trail.
  assert.equal(after.version, 1.1);
  assert.deepEqual(after.register.trail.map((e) => [e.lead, e.file, e.accepted]), [
    ['D. Atkinson', 'back-' + FILES[2], [{ activity: firstId, fields: ['status', 'progress'] }]],
    ['R. Szadziewski', 'back-' + FILES[3], [{ activity: rsFirst, fields: ['next_steps'] }]],
  ]);
  for (const e of after.register.trail) {
    assert.match(e.received, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(e.received <= e.applied, `${e.received} <= ${e.applied}`);
  }
  assert.equal(JSON.parse(before).register.trail, undefined, 'no trail before');

  await page.getByRole('button', { name: 'Undo' }).click();
  // Undo restores the register and takes the trail's entries away with it.
  await waitForStored(page, REGISTER_KEY, before);
  await page.goto(`${app.url}#/returns`);
  await page.getByRole('table', { name: /Lead officers:/ }).waitFor();
  // The tracker is drawn again by the worker; the trail's table goes with the entries.
  await page.waitForFunction(() => document.querySelector('#returns-tracker-table .returns-trail') === null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a field changed in the register after sending and in the return is a conflict that must be decided', async () => {
  const opened = await app.newPageWithSample();
  const { page, errors, context } = opened;
  const { paths } = await exportReturns(opened, true);
  const [all] = paths;
  assert.ok(all.endsWith('return-2019-20-q1-all-leads.xlsx'));
  const sheets = JSON.parse(py(INSPECT, all, 'D. Atkinson')).sheets.map(([name]) => name);
  assert.deepEqual(sheets, ['Instructions', ...LEADS, 'Return identity']);
  const firstId = JSON.parse(py(INSPECT, all, 'D. Atkinson')).first_row[0];
  // The register changes the status after the return went out…
  const now = JSON.parse(await registerText(page));
  acts(now).find((a) => a.id === firstId).status = 'red';
  await page.goto(`${app.url}#/register`);
  await replaceRegister(page, JSON.stringify(now), 37);
  // …and the return changes it too.
  const back = join(folder, 'back-all.xlsx');
  editCells(all, 'D. Atkinson', { C6: 'Amber' }, back);
  await page.goto(`${app.url}#/returns`);
  await importReturns(page, [back]);
  const review = page.getByRole('region', { name: 'Review the returns' });
  await review.getByText('1 change proposed, 1 in conflict').waitFor();
  await review.getByText('Conflict: the register changed this after the return was sent.').waitFor();
  const before = await registerText(page);
  await review.getByRole('button', { name: 'Apply returns' }).click();
  await page.getByText('Choose which value to keep for each conflict first: nothing has been applied.').waitFor();
  assert.equal(await registerText(page), before);
  await review.getByLabel(`Decision for ${firstId} status`).selectOption({ label: 'Keep the register\u2019s value' });
  await review.getByRole('button', { name: 'Apply returns' }).click();
  await page.getByText(/Returns applied from/).waitFor();
  const after = JSON.parse(await registerText(page));
  assert.equal(acts(after).find((a) => a.id === firstId).status, 'red');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad workbooks are refused, each with its sentence, and nothing changes', async () => {
  const opened = await app.newPageWithSample();
  const { page, errors, context } = opened;
  const { paths } = await exportReturns(opened);
  const good = paths.find((p) => p.endsWith('d-atkinson.xlsx'));
  const ids = JSON.parse(py(INSPECT, good, 'D. Atkinson')).first_row;
  const bad = (name) => join(folder, name);
  py(String.raw`
import sys, zipfile, shutil, openpyxl
good, out = sys.argv[1], sys.argv[2]
open(out + '/not-a-zip.xlsx', 'w').write('ID,Title\nKA.01.01,x\n')
with zipfile.ZipFile(out + '/zip-not-workbook.xlsx', 'w') as z: z.writestr('notes.txt', 'hello')
# A real password-protected workbook: the good one encrypted as Excel does
# (msoffcrypto-tool, installed by scripts/setup.sh into .tools/python).
sys.path.insert(0, sys.argv[3])
from msoffcrypto.format.ooxml import OOXMLFile
with open(good, 'rb') as plain, open(out + '/password.xlsx', 'wb') as locked:
    OOXMLFile(plain).encrypt('secret', locked)
def edit(name, f):
    wb = openpyxl.load_workbook(good)
    f(wb)
    wb.save(out + '/' + name)
edit('renamed.xlsx', lambda wb: setattr(wb['D. Atkinson'], 'title', 'Atkinson'))
edit('no-identity.xlsx', lambda wb: wb.remove(wb['Return identity']))
edit('identity-edited.xlsx', lambda wb: wb['Return identity'].cell(8, 5, 'amber'))
edit('id-edited.xlsx', lambda wb: wb['D. Atkinson'].cell(7, 1, 'KA.99.99'))
edit('row-inserted.xlsx', lambda wb: (wb['D. Atkinson'].insert_rows(8), wb['D. Atkinson'].cell(8, 1, 'KA.NEW')))
edit('row-deleted.xlsx', lambda wb: wb['D. Atkinson'].delete_rows(7))
edit('merged.xlsx', lambda wb: wb['D. Atkinson'].merge_cells('D6:E6'))
edit('formula.xlsx', lambda wb: wb['D. Atkinson'].cell(8, 4, '=1+1'))
edit('greeen.xlsx', lambda wb: wb['D. Atkinson'].cell(7, 3, 'Greeen'))
with open(out + '/fifty-mb.xlsx', 'wb') as f: f.write(b'PK\x03\x04' + b'\0' * (50 * 1024 * 1024))
with zipfile.ZipFile(out + '/bomb.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', '<workbook/>')
    z.writestr('xl/worksheets/sheet1.xml', b'0' * 101_000_000)
`, good, folder, join(ROOT, '.tools', 'python'));
  const expected = {
    'not-a-zip.xlsx': 'This is not an Excel workbook (.xlsx): open it in Excel and save it as \u201cExcel Workbook (*.xlsx)\u201d.',
    'zip-not-workbook.xlsx': 'This is a zip file but not an Excel workbook: it has no workbook inside.',
    'password.xlsx': 'This workbook is protected with a password, so it cannot be read: open it in Excel, remove the password (File, Info, Protect Workbook, Encrypt with Password), save it and import it again.',
    'renamed.xlsx': 'The sheet \u201cD. Atkinson\u201d is missing: it was renamed or deleted. Its name must stay as it was sent.',
    'no-identity.xlsx': 'The workbook has no \u201cReturn identity\u201d sheet, so it cannot be matched to the register: it was not made by Export return workbooks, or that sheet was deleted. Send the lead a new return.',
    'identity-edited.xlsx': 'Sheet Return identity, cell B6: the return\u2019s identity has been edited, so what was sent cannot be trusted. Send the lead a new return.',
    'id-edited.xlsx': `Sheet D. Atkinson, cell A7: the ID is 'KA.99.99' but '${JSON.parse(py(String.raw`
import json, sys, openpyxl
print(json.dumps(openpyxl.load_workbook(sys.argv[1])['D. Atkinson'].cell(7, 1).value))`, good))}' was sent there; IDs must not be changed.`,
    'row-inserted.xlsx': "Sheet D. Atkinson, row 8: a row was added ('KA.NEW'); a return updates the activities sent and cannot add any.",
    'merged.xlsx': 'Sheet D. Atkinson, cells D6:E6 are merged; unmerge them so that each value has its own cell.',
    'formula.xlsx': 'Sheet D. Atkinson, cell D8 holds a formula; type the text itself (formulas are not read).',
    'greeen.xlsx': "Sheet D. Atkinson, cell C7: 'Greeen' is not a status in this register.",
    'fifty-mb.xlsx': 'The file is 52.4 MB; a return workbook can be at most 20.0 MB, so it was not opened.',
    'bomb.xlsx': 'The workbook would expand to more than 100.0 MB when opened (at \u201cxl/worksheets/sheet1.xml\u201d), so it was not opened: a return workbook is far smaller.',
  };
  const deleted = JSON.parse(py(String.raw`
import json, sys, openpyxl
print(json.dumps(openpyxl.load_workbook(sys.argv[1])['D. Atkinson'].cell(7, 1).value))`, good));
  expected['row-deleted.xlsx'] = `Sheet D. Atkinson: the row for ${deleted} was deleted; every activity sent must stay in the return.`;
  assert.ok(ids.length > 0);
  const before = await registerText(page);
  await importReturns(page, Object.keys(expected).map(bad));
  const alert = page.locator('#returns-refused');
  await alert.getByText(`${Object.keys(expected).length} workbooks were refused`).waitFor();
  for (const [file, sentence] of Object.entries(expected)) {
    const block = alert.locator('p', { hasText: file });
    assert.equal(await block.count(), 1, file);
    const reasons = await block.locator('xpath=following-sibling::ul[1]/li').allTextContents();
    assert.deepEqual(reasons, [sentence], file);
  }
  assert.equal(await page.getByRole('region', { name: 'Review the returns' }).count(), 0);
  assert.equal(await registerText(page), before, 'the register is unchanged');
  assert.deepEqual(errors, []);
  await context.close();
});
