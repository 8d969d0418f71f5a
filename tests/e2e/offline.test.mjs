// End to end: working offline and installing. The service worker (public/sw.js,
// its file list written by scripts/precache.mjs) caches the build on the first
// visit, so the app opens with the network gone; a new build waits and the page
// offers "Reload to update", never reloading by itself or while a change is
// unsaved; the manifest makes it installable; all of it under a sub-path too.
// "The network gone" is both Playwright's offline mode and the server dropping
// every connection, so nothing can come from the network by another route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApp, waitForApp, axeViolations, watch, CHROMIUM_ARGS } from './browser.mjs';
import { writePrecache } from '../../scripts/precache.mjs';
import { fullIndexedDbWhenAsked } from './stored.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const NEW_BUILD_MARK = 'This is the next build.';

let app;
let tmp;
before(async () => {
  app = await startApp();
  tmp = mkdtempSync(join(tmpdir(), 'activity-register-offline-'));
});
after(async () => {
  await app?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The `const BUILD = {…};` line precache.mjs wrote into `dir`/sw.js. */
function buildOf(dir) {
  const m = readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const BUILD = (.*);$/m);
  assert.ok(m, `${dir}/sw.js has its BUILD line`);
  return JSON.parse(m[1]);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

/** A copy of dist/ at `name` (under the test's temporary folder), without the
 *  precompressed .br/.gz copies: a test that changes a file would otherwise be
 *  served the stale compressed copy of the old one. */
function copyOfDist(name) {
  const to = join(tmp, name);
  cpSync(DIST, to, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  return to;
}

/** Waits until a service worker controls the page (so the build is cached). */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

/** Cuts the network (browser offline, server dropping connections) for `run`. */
async function withNetworkGone(context, run) {
  app.setDown(true);
  await context.setOffline(true);
  try {
    await run();
  } finally {
    await context.setOffline(false);
    app.setDown(false);
  }
}

/** Edits one activity's status, adding `nextStep` to its next steps if given. */
async function setStatus(page, id, label, nextStep) {
  await page.getByRole('button', { name: `Edit ${id}` }).click();
  // A region beside the register, or a dialog (issue 16's phone layout).
  const name = `Edit key activity ${id}`;
  const panel = page.getByRole('dialog', { name }).or(page.getByRole('region', { name }));
  await panel.getByLabel('Status').selectOption({ label });
  if (nextStep) {
    const field = panel.getByLabel('Next steps');
    await field.fill(`${await field.inputValue()}\n${nextStep}`);
  }
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: `Key activity ${id} saved.` }).waitFor();
}

const statusOf = async (page, id) =>
  (await page.locator(`tr[data-activity-id="${id}"] .status-tag`).innerText()).replace(/\s+/g, ' ').trim();
const description = (page) => page.locator('meta[name="description"]').getAttribute('content');

test('dist/sw.js lists every file of the build with its sha256, and a version; .br and .gz copies are skipped', () => {
  const build = buildOf(DIST);
  const expected = filesUnder(DIST).filter((p) => p !== 'sw.js' && !/\.(br|gz)$/.test(p));
  assert.deepEqual(build.files.map(([p]) => p), expected);
  for (const [path, sha256] of build.files) {
    assert.equal(sha256, createHash('sha256').update(readFileSync(join(DIST, path))).digest('base64'), path);
  }
  const names = build.files.map(([p]) => p);
  for (const name of ['index.html', 'boot.js', 'manifest.json', 'sample-register.json',
    'pack_docx_worker_loader.js', 'pack_docx_worker.js', 'pack_docx_worker_bg.wasm',
    'report_text_worker_loader.js', 'report_text_worker.js', 'report_text_worker_bg.wasm']) {
    assert.ok(names.includes(name), `${name} is cached`);
  }
  assert.ok(names.some((p) => /^activity-register-[0-9a-f]+_bg\.wasm$/.test(p)), 'the app\'s hashed wasm is cached');
  assert.ok(names.some((p) => /^snippets\/.+\.js$/.test(p)), 'wasm-bindgen\'s snippets are cached');
  assert.match(build.version, /^[0-9a-f]{16}$/);

  // The hook on a copy: precompressed copies change nothing; any changed file
  // (named with a hash or not) makes a new version.
  const copy = copyOfDist('hook');
  writeFileSync(join(copy, 'index.html.br'), 'compressed');
  writeFileSync(join(copy, 'sample-register.json.gz'), 'compressed');
  assert.equal(writePrecache(copy).version, build.version);
  writeFileSync(join(copy, 'pack_docx_worker.js'), `${readFileSync(join(copy, 'pack_docx_worker.js'), 'utf8')}\n`);
  assert.notEqual(writePrecache(copy).version, build.version);
});

test('after one visit the app opens with the network gone: the sample loads, the register stays, the Word export works', async () => {
  const { page, errors, context } = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await controlled(page);
  await withNetworkGone(context, async () => {
    await page.reload();
    await waitForApp(page);
    await page.getByRole('button', { name: 'Load sample register' }).click();
    await page.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 37);
    // A new tab, still offline: the page and the register are there.
    const again = await context.newPage();
    await again.goto(app.url);
    await waitForApp(again);
    await again.locator('tbody tr').first().waitFor();
    assert.equal(await again.locator('tbody tr').count(), 37);
    // The Word export's worker and its wasm come from the cache too.
    await again.goto(`${app.url}#/pack`);
    await again.locator('article.pack[data-pack-ready="true"]').waitFor();
    const [download] = await Promise.all([
      again.waitForEvent('download'),
      again.getByRole('button', { name: 'Export Word document' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    assert.deepEqual(await again.evaluate(() => window.__cspViolations), []);
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test('installable: the manifest and its icons, and Chromium reports no installability errors', async () => {
  // A profile on disk: Chromium never offers to install from an incognito
  // context, which is what the other tests' fresh contexts are.
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const errors = watch(context, app.url);
  const page = await context.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const { url, errors: manifestErrors, data } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${app.url}manifest.json`);
  assert.deepEqual(manifestErrors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, 'Activity Register');
  assert.ok(manifest.short_name.length <= 12, 'a short name that fits under an icon');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
  // Each icon is a PNG of the size it claims (the width and height in its IHDR).
  for (const icon of manifest.icons) {
    const png = readFileSync(join(DIST, icon.src));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
    const side = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    assert.equal(side, icon.sizes, icon.src);
  }
  const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  for (const want of ['192x192 any', '512x512 any', '512x512 maskable']) assert.ok(purposes.includes(want), want);
  const { primaryIcon } = await cdp.send('Page.getManifestIcons');
  assert.ok(primaryIcon, 'Chromium picked an icon to install with');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build: Reload to update appears; it waits while a change is unsaved, never reloads by itself, then reloads into the new version', async () => {
  const { page: tab, errors, context } = await app.newPage();
  await context.addInitScript(fullIndexedDbWhenAsked);
  await tab.goto(app.url);
  await waitForApp(tab);
  await tab.getByRole('button', { name: 'Load sample register' }).click();
  await tab.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
  await controlled(tab);
  const other = await context.newPage();
  await other.goto(app.url);
  await other.locator('tbody tr').first().waitFor();
  await controlled(other);
  const oldDescription = await description(tab);
  // Anything that survives only while the document is not reloaded.
  await tab.evaluate(() => { window.__sameDocument = true; });

  // A change in the first tab that cannot be saved: the site's storage is full.
  await tab.evaluate(() => { window.__full = true; });
  await setStatus(tab, 'KA.01.04', '◇ Start Later in Year', 'Report the air quality figures to the next panel meeting.');
  await tab.locator('.save-status').filter({ hasText: /^Not saved: the browser's storage for this page is full/ }).waitFor();

  // The next build is published: a changed index.html, its list made by the hook.
  const next = copyOfDist('next');
  const html = readFileSync(join(next, 'index.html'), 'utf8');
  writeFileSync(join(next, 'index.html'), html.replace('Runs in the browser;', `${NEW_BUILD_MARK} Runs in the browser;`));
  assert.notEqual(writePrecache(next).version, buildOf(DIST).version);
  app.useFolder(next);
  try {
    // The app looks for a new version when its tab is shown again (and hourly).
    await tab.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const banner = (page) => page.getByRole('status').filter({ hasText: 'A new version of the Activity Register is ready.' });
    await banner(tab).waitFor();
    await banner(other).waitFor();
    assert.equal(await tab.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))), true,
      'the new version waits');
    const button = tab.getByRole('button', { name: 'Reload to update' });
    assert.ok(await button.isDisabled(), 'no reload while a change is unsaved');
    assert.match(await banner(tab).innerText(), /Your changes are not saved yet/);
    assert.deepEqual(await axeViolations(tab), []);

    // The other tab has nothing unsaved: its button reloads it into the new version.
    const otherButton = other.getByRole('button', { name: 'Reload to update' });
    assert.ok(await otherButton.isEnabled());
    await otherButton.click();
    await other.waitForFunction((mark) => document.querySelector('meta[name="description"]')?.content.includes(mark), NEW_BUILD_MARK);
    await waitForApp(other);
    assert.equal(await other.getByRole('button', { name: 'Reload to update' }).count(), 0, 'the new version has nothing to offer');

    // The new version now serves this origin, yet the first tab was not reloaded:
    // its unsaved change is still on screen, and it still offers the update.
    await tab.waitForTimeout(1000);
    assert.equal(await tab.evaluate(() => window.__sameDocument), true, 'the first tab was never reloaded');
    assert.equal(await description(tab), oldDescription);
    assert.equal(await statusOf(tab, 'KA.01.04'), '◇ Start Later in Year');
    assert.ok(await button.isDisabled());

    // Room again; the next change saves, and the button reloads into the new version.
    await tab.evaluate(() => { window.__full = false; });
    await setStatus(tab, 'KA.01.04', '▲ Amber');
    await tab.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
    assert.ok(await button.isEnabled());
    assert.equal(await tab.evaluate(() => window.__sameDocument), true, 'still not reloaded until asked');
    await button.click();
    await tab.waitForFunction((mark) => document.querySelector('meta[name="description"]')?.content.includes(mark), NEW_BUILD_MARK);
    await tab.locator('tbody tr').first().waitFor();
    assert.equal(await tab.evaluate(() => window.__sameDocument), undefined, 'reloaded once asked');
    assert.equal(await statusOf(tab, 'KA.01.04'), '▲ Amber', 'the saved change is there after the update');
    assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
  } finally {
    app.useFolder(DIST);
  }
  assert.deepEqual(errors.filter((e) => !/QuotaExceeded|exceeded the quota/i.test(e)), []);
  await context.close();
});

test('under a sub-path: the worker\'s scope and caches are the app\'s folder, and it opens there with the network gone', async () => {
  const site = join(tmp, 'site');
  cpSync(DIST, join(site, 'council', 'activities'), { recursive: true });
  app.useFolder(site);
  try {
    const at = `${app.url}council/activities/`;
    const { page, errors, context } = await app.newPage();
    await page.goto(at);
    await waitForApp(page);
    await controlled(page);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope)), at);
    const caches = await page.evaluate(() => caches.keys());
    assert.ok(caches.length > 0 && caches.every((name) => name.includes(at)), caches.join(', '));
    await withNetworkGone(context, async () => {
      await page.reload();
      await waitForApp(page);
      await page.getByRole('button', { name: 'Load sample register' }).click();
      await page.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
      assert.equal(await page.locator('tbody tr').count(), 37);
    });
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    app.useFolder(DIST);
  }
});
