// Shared set-up for the end-to-end tests: dist/ served on 127.0.0.1, Debian's
// Chromium driven by playwright-core, console errors collected, axe-core scans.
import { chromium } from 'playwright-core';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Flags that keep Chromium off this machine's closed network. Playwright gives
 *  each launch a fresh, empty profile of its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and a browser; returns helpers and a close(). */
export async function startApp() {
  const { server, url } = await serve(join(ROOT, 'dist'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    /** A fresh context (empty storage) and page, recording console errors. */
    async newPage() {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      return { context, page, errors };
    },
    /** A fresh context and page with the app open (no register yet). */
    async newPageOnApp() {
      const opened = await this.newPage();
      await opened.page.goto(url);
      await waitForApp(opened.page);
      return opened;
    },
    /** A fresh context and page with the sample register loaded and saved. */
    async newPageWithSample() {
      const opened = await this.newPage();
      await loadSample(opened.page, url);
      return opened;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Loads the sample register (opening the app at `url` first, if given) and
 *  waits until its rows are shown and it is saved. */
export async function loadSample(page, url) {
  if (url) {
    await page.goto(url);
    await waitForApp(page);
  }
  await page.getByRole('button', { name: 'Load sample register' }).click();
  await page.locator('tbody tr').first().waitFor();
  await page.locator('.save-status').filter({ hasText: 'All changes saved' }).waitFor();
}

/** Imports register JSON `text` through the file picker and replaces the
 *  register with it; waits until the list shows all `count` activities. */
export async function replaceRegister(page, text, count, name = 'register.json') {
  await page.getByLabel('Import JSON').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Replace register' }).click();
  await page.locator('#results-line').filter({ hasText: `Showing ${count} of ${count}` }).waitFor();
}

/** Waits until the wasm app has mounted (its header is on the page). */
export async function waitForApp(page) {
  await page.getByRole('banner').waitFor();
}

/** Runs axe-core on the page; returns its violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
