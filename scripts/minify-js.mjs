// Post-build step (scripts/post-build.mjs, first): minifies the JavaScript the
// first view loads as modules (wasm-bindgen's glue and its snippets, each named
// by a `<link rel="modulepreload">` in the staged index.html) with terser, and
// writes each file's new sha384 into that link's `integrity`, so the browser
// still checks exactly what it runs. About 4 KB gzip off the first download.
// Trunk's own `--minify` cannot parse wasm-bindgen's module glue and leaves it
// as it is. Fails the build if a file cannot be minified or a link has no
// integrity to update, so dist/ never holds a file its page would refuse.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const links = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)].map((m) => m[0]);
if (links.length === 0) {
  console.error(`minify-js: no <link rel="modulepreload"> in ${page}`);
  process.exit(1);
}
let before = 0;
let after = 0;
for (const link of links) {
  const href = link.match(/\bhref="([^"]+)"/)?.[1];
  const integrity = link.match(/\bintegrity="([^"]+)"/)?.[0];
  if (!href || !integrity || !href.endsWith('.js')) {
    console.error(`minify-js: ${link} needs an href to a .js file and an integrity`);
    process.exit(1);
  }
  const file = join(dir, href);
  const code = readFileSync(file, 'utf8');
  const result = await minify(code, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (typeof result.code !== 'string' || result.code.length === 0) {
    console.error(`minify-js: terser returned nothing for ${href}`);
    process.exit(1);
  }
  writeFileSync(file, result.code);
  before += Buffer.byteLength(code);
  after += Buffer.byteLength(result.code);
  const sha = `integrity="sha384-${createHash('sha384').update(result.code, 'utf8').digest('base64')}"`;
  html = html.replace(link, link.replace(integrity, sha));
}
writeFileSync(page, html);
console.log(`minify-js: ${links.length} modules, ${before} → ${after} bytes`);
