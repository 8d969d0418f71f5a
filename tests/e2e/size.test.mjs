// The lighter start (issue 15, part 4): the precompressed copies beside each file
// in dist/, the test server that sends them as a good host does, and the sample
// fetched rather than embedded in the app's wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from './serve.mjs';
import { COMPRESSIBLE, compress } from '../../scripts/precompress.mjs';
import { startApp, waitForApp } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');

/** Every file under `dir`, as paths relative to it. */
function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]);
}

/** The app's own wasm (not the Word worker's), as index.html names it. */
function appWasm() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const name = html.match(/(activity-register-[0-9a-f]+_bg\.wasm)/)?.[1];
  assert.ok(name, 'index.html names the app wasm');
  return name;
}

/** GET `path` from `url` with an Accept-Encoding; resolves to { status, headers, body }. */
function get(url, path, acceptEncoding) {
  return new Promise((ok, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(new URL(path, url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('every compressible file in dist/ has Brotli and gzip copies of its final bytes beside it', () => {
  const all = files(DIST);
  const originals = all.filter((f) => COMPRESSIBLE.has(extname(f)));
  assert.ok(originals.includes('index.html') && originals.includes(appWasm()));
  for (const file of originals) {
    const bytes = readFileSync(join(DIST, file));
    for (const [suffix, decompress] of [['br', brotliDecompressSync], ['gz', gunzipSync]]) {
      const copy = join(DIST, `${file}.${suffix}`);
      if (existsSync(copy)) {
        assert.ok(decompress(readFileSync(copy)).equals(bytes), `${file}.${suffix} is a copy of ${file} as it is now`);
      } else {
        // Left out only where it would not be smaller (a tiny file).
        assert.ok(compress(bytes, extname(file))[suffix].length >= bytes.length, `${file}.${suffix} is missing`);
      }
    }
  }
  // The wasm's copies exist and pay: Brotli smaller than gzip.
  const wasm = appWasm();
  assert.ok(readFileSync(join(DIST, `${wasm}.br`)).length < readFileSync(join(DIST, `${wasm}.gz`)).length);
  // index.html's copies carry the policy's real hash (made after csp-hash ran).
  const html = brotliDecompressSync(readFileSync(join(DIST, 'index.html.br'))).toString('utf8');
  assert.doesNotMatch(html, /sha256-of-trunk-inline-script/);
  // No copy without its file.
  for (const f of all.filter((f) => /\.(br|gz)$/.test(f))) assert.ok(all.includes(f.replace(/\.(br|gz)$/, '')), f);
});

test('the server sends the precompressed copy the request allows, with the file\'s own type and Vary', async () => {
  const wasm = appWasm();
  const bytes = readFileSync(join(DIST, wasm));
  const cases = [
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ];
  for (const [accept, encoding] of cases) {
    const res = await get(app.url, wasm, accept);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/wasm', String(accept));
    assert.equal(res.headers['content-encoding'], encoding, String(accept));
    assert.equal(res.headers.vary, 'Accept-Encoding', String(accept));
    assert.equal(Number(res.headers['content-length']), res.body.length);
    const body = encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
    assert.ok(body.equals(bytes), `${accept}: the body is the wasm`);
  }
  const page = await get(app.url, '', 'br');
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(page.headers['content-encoding'], 'br');
  assert.ok(brotliDecompressSync(page.body).equals(readFileSync(join(DIST, 'index.html'))));
  // A server without compression sends every file as it is.
  const { server, url } = await serve(DIST, 0, '127.0.0.1', { precompressed: false });
  try {
    const plain = await get(url, wasm, 'br, gzip');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(bytes));
  } finally {
    server.close();
  }
});

test('the sample is fetched from dist/ (Brotli on the wire), not embedded in the app\'s wasm', async () => {
  // The longest text in the sample: had the wasm embedded the file, it would hold it.
  const sample = readFileSync(join(ROOT, 'public', 'sample-register.json'), 'utf8');
  const longest = [...sample.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).sort((a, b) => b.length - a.length)[0];
  assert.ok(longest.length > 500);
  assert.equal(readFileSync(join(DIST, appWasm())).includes(Buffer.from(longest)), false, 'the app wasm carries the sample');

  const { page, errors, context } = await app.newPage();
  const encodings = new Map();
  page.on('response', async (r) => encodings.set(new URL(r.url()).pathname.split('/').pop(), (await r.allHeaders())['content-encoding']));
  await page.goto(app.url);
  await waitForApp(page);
  assert.equal(encodings.get(appWasm()), 'br', 'the wasm arrived as Brotli');
  assert.equal(encodings.has('sample-register.json'), false, 'nothing fetches the sample before it is asked for');
  await page.getByRole('button', { name: 'Load sample register' }).click();
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 37);
  assert.equal(encodings.get('sample-register.json'), 'br');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sample that cannot be fetched is one sentence under the button, and nothing changes', async () => {
  // Service workers blocked: Playwright's routes never see what a service worker
  // serves, and once it controls the page the sample comes from its cache.
  const { page, errors, context } = await app.newPage({ serviceWorkers: 'block' });
  await page.route('**/sample-register.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
  await page.goto(app.url);
  await waitForApp(page);
  await page.getByRole('button', { name: 'Load sample register' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The sample register could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /^The sample register could not be loaded: the server answered 404 .*sample-register\.json\.$/);
  assert.equal(await page.locator('.save-status').innerText(), 'Nothing to save yet');
  // The failed fetch is the browser's console error; nothing else went wrong.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});
