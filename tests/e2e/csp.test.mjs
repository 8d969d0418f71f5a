// End to end: the app under its strict Content-Security-Policy, sent as a
// response header as well as the <meta> in dist/index.html; the static first
// view before the wasm arrives, and the sentence when it cannot start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, loadSample, axeViolations, statusColours, watch } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'public', 'sample-register.json'), 'utf8')).register;

/** The policy as dist/index.html's <meta> carries it (with this build's hash). */
function metaPolicy() {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, 'dist/index.html carries a Content-Security-Policy <meta>');
  return m[1];
}

let app;
let policy;
before(async () => {
  policy = metaPolicy();
  // The same policy as a host would send it, with what only a header can say.
  app = await startApp({ headers: { 'content-security-policy': `${policy}; frame-ancestors 'none'` } });
});
after(async () => { await app?.close(); });

test('the built policy is strict and carries the sha256 of the inline script it allows', () => {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  for (const directive of ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
    "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(policy.split(';').map((d) => d.trim()).includes(directive), directive);
  }
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.doesNotMatch(policy, /sha256-of-trunk-inline-script/, 'the build hook replaced the placeholder');
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'one inline script: Trunk\'s');
  assert.doesNotMatch(html, /\sstyle\s*=|<style/i, 'no inline styles in index.html');
});

test('under the policy as a header too: the sample loads, status tags are coloured, no violations, nothing from elsewhere', async () => {
  const { page, errors, context } = await app.newPage();
  const response = await page.goto(app.url);
  assert.match(response.headers()['content-security-policy'], /frame-ancestors 'none'/);
  await loadSample(page);
  const want = Object.fromEntries(SAMPLE.statuses.map((s) => [s.id, s.colour]));
  const check = async (where) => {
    const tags = await statusColours(page);
    assert.ok(tags.length > 0, `status tags on ${where}`);
    for (const tag of tags) {
      assert.equal(tag.colour, want[tag.id], `${where}: --status-colour of ${tag.id}`);
      assert.equal(tag.border, tag.expectedBorder, `${where}: border colour of ${tag.id}`);
    }
  };
  await check('the register');
  assert.equal(await page.locator('[style*="--status-colour"]').count(), 0, 'no status colour in a style attribute');
  await page.goto(`${app.url}#/summary`);
  await page.locator('#summary-sentence, .summary-sentence, h1').first().waitFor();
  await page.goto(`${app.url}#/pack`);
  await page.locator('article.pack[data-pack-ready="true"]').waitFor();
  await check('the pack');
  // The Word export's worker (same-origin files, its own wasm) runs under the policy.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Word document' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the violation check can fail: a style attribute written into the page is caught', async () => {
  const { page, errors, context } = await app.newPage();
  await loadSample(page, app.url);
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<span style="color: red">x</span>';
    document.body.append(div);
  });
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.ok(errors.some((e) => /^CSP violation: style-src/.test(e)), errors.join('\n'));
  await context.close();
});

test('with the wasm blocked: the static first view at once, then the sentence, never a blank page', async () => {
  const context = await app.browser.newContext();
  const errors = watch(context, app.url);
  const page = await context.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(app.url);
  const boot = page.getByRole('main');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Activity Register');
  assert.match(await boot.innerText(), /stays on this machine/);
  await page.getByRole('status').filter({ hasText: 'The Activity Register could not start in this browser:' }).waitFor({ timeout: 10000 });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.ok(errors.length > 0, 'the failed start is reported');
  await context.close();
});

test('the static first view is in index.html as served, and the app replaces it when it starts', async () => {
  const text = await (await fetch(app.url)).text();
  const body = text.slice(text.indexOf('<body'));
  assert.match(body, /<main id="boot"[^>]*>\s*<h1>Activity Register<\/h1>/);
  assert.match(body, /the register stays on this machine/);
  assert.match(body, /Loading…/);
  assert.match(body, /<script src="boot.js"><\/script>/);
  const { page, errors, context } = await app.newPage();
  await page.goto(app.url);
  await page.getByRole('banner').waitFor();
  assert.equal(await page.locator('#boot').count(), 0, 'the first view is gone');
  assert.equal(await page.getByRole('main').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the largest paint of a first visit is the static first view, at phone and desktop sizes (LCP before the wasm)', async () => {
  for (const [width, height] of [[412, 823], [390, 844], [1280, 900]]) {
    const { page, errors, context } = await app.newPage({ viewport: { width, height } });
    await page.addInitScript(() => {
      window.__largest = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__largest.push({ size: e.size, text: e.element?.textContent?.slice(0, 40) ?? '(removed)' });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Load sample register' }).waitFor();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const largest = await page.evaluate(() => window.__largest);
    assert.ok(largest.length > 0, 'a largest paint was reported');
    assert.match(largest.at(-1).text, /^Keep a council’s Corporate Plan/,
      `at ${width}×${height} the largest paint came after the wasm: ${JSON.stringify(largest)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
