// The benchmark command (scripts/bench.sh): measures the built dist/ in headless
// Chromium and prints figures. Not part of the pass/fail tests: timings on a shared
// 2-core machine vary, so they are reported, never asserted.
//
//   import   parse + validate + preview of a generated 5,000-activity file
import { startApp, waitForApp } from '../e2e/browser.mjs';
import { generateRegister } from './generate.mjs';

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1) };
}

const ms = (v) => `${v.toFixed(1)} ms`;
const line = (label, s) =>
  console.log(`${label.padEnd(58)} median ${ms(s.median).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  (n=${s.n}, min ${ms(s.min)}, max ${ms(s.max)})`);

async function benchImport(app, runs = 15) {
  const count = 5000;
  const text = generateRegister(count);
  const file = { name: 'benchmark-5000.json', mimeType: 'application/json', buffer: Buffer.from(text) };
  const { page, context } = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  const timeOnce = async () => {
    await page.evaluate(() => performance.clearMeasures('import:preview'));
    await page.getByLabel('Import JSON').setInputFiles(file);
    const preview = page.getByRole('region', { name: /Check before replacing/ });
    await preview.waitFor();
    const duration = await page.evaluate(() => performance.getEntriesByName('import:preview').at(-1)?.duration);
    if (duration === undefined) throw new Error('the app recorded no import:preview measure');
    return { duration, preview };
  };
  // Into an empty app: parse + validate + preview with nothing to compare against.
  const first = await timeOnce();
  const emptyRuns = [first.duration];
  await first.preview.getByRole('button', { name: 'Cancel' }).click();
  for (let i = 1; i < runs; i += 1) {
    const r = await timeOnce();
    emptyRuns.push(r.duration);
    await r.preview.getByRole('button', { name: 'Cancel' }).click();
  }
  // Against a 5,000-activity register: every activity matched and compared as well.
  const r = await timeOnce();
  await r.preview.getByRole('button', { name: 'Replace register' }).click();
  await page.getByRole('status').filter({ hasText: 'Register replaced' }).waitFor();
  const againstRuns = [];
  for (let i = 0; i < runs; i += 1) {
    const again = await timeOnce();
    againstRuns.push(again.duration);
    await again.preview.getByRole('button', { name: 'Cancel' }).click();
  }
  await context.close();
  console.log(`\nImport (file of ${count} activities, ${(text.length / 1024 / 1024).toFixed(2)} MB): bytes read → preview on screen; target ≤ 300 ms`);
  line('  into an empty app', stats(emptyRuns));
  line('  against a current register of 5,000 (with the diff)', stats(againstRuns));
}

const which = process.argv.slice(2);
const app = await startApp();
try {
  if (which.length === 0 || which.includes('import')) await benchImport(app);
} finally {
  await app.close();
}
