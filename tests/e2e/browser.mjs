// Shared set-up for the end-to-end tests: dist/ served on 127.0.0.1, Debian's
// Chromium driven by playwright-core, console errors collected, axe-core scans.
import { chromium } from 'playwright-core';
import { join, dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Flags that keep Chromium off this machine's closed network. Playwright gives
 *  each launch a fresh, empty profile of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and a browser; returns helpers and a close().
 *  `options.chromiumArgs` adds launch flags (the benchmark's
 *  `--enable-precise-memory-info`). */
export async function startApp(options = {}) {
  const { server, url, useFolder, setDown } = await serve(join(ROOT, 'dist'), 0, '127.0.0.1', options);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
  });
  return {
    url,
    browser,
    /** Serve another folder from now on, or drop every connection (serve.mjs). */
    useFolder,
    setDown,
    /** A fresh context (empty storage) and page, recording console errors,
     *  Content-Security-Policy violations and requests to any other origin in
     *  `errors`, for every page the context opens. */
    async newPage(contextOptions = {}) {
      const context = await browser.newContext(contextOptions);
      const errors = watch(context, url);
      const page = await context.newPage();
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
    async newPageWithSample(contextOptions = {}) {
      const opened = await this.newPage(contextOptions);
      await loadSample(opened.page, url);
      return opened;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Records in the returned array, for every page of `context`: console errors,
 *  uncaught exceptions, `securitypolicyviolation` events (as "CSP violation: …")
 *  and requests to any origin but `appUrl`'s (data: and blob: URLs are the page's
 *  own). Tests assert it stays empty. */
export function watch(context, appUrl) {
  const errors = [];
  const origin = new URL(appUrl).origin;
  context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const text = `${e.violatedDirective} ${e.blockedURI}`;
      window.__cspViolations.push(text);
      console.error(`CSP violation: ${text}`);
    });
  });
  context.on('page', (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  context.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) errors.push(`request to another origin: ${u}`);
  });
  return errors;
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
  const n = count.toLocaleString('en-GB');
  await page.locator('#results-line').filter({ hasText: `Showing ${n} of ${n}` }).waitFor();
}

/** Waits until the wasm app has mounted (its header is on the page). */
export async function waitForApp(page) {
  await page.getByRole('banner').waitFor();
}

/** Every status tag on the page with a `data-status`: its id, computed
 *  `--status-colour`, computed left border colour, and the border that colour
 *  should give (rgb()). */
export async function statusColours(page) {
  return page.locator('.status-tag[data-status]').evaluateAll((tags) => tags.map((t) => {
    const style = getComputedStyle(t);
    const colour = style.getPropertyValue('--status-colour').trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    return { id: t.dataset.status, colour, border: style.borderLeftColor, expectedBorder: `rgb(${r}, ${g}, ${b})` };
  }));
}

/** Runs axe-core on the page; returns its violations. */
export async function axeViolations(page) {
  // Evaluated through the driver, not added as a <script>: the app's policy
  // (rightly) blocks inline scripts, and a blocked one counts as a violation.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
