// Trunk post-build hook (Trunk.toml [[hooks]]): puts the sha256 of each inline
// <script> Trunk wrote into the staged index.html (its module script that starts
// the wasm, different in every build) into the Content-Security-Policy <meta>,
// in place of 'sha256-of-trunk-inline-script'. Fails the build if either is missing,
// so dist/ never carries a policy that would block the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const PLACEHOLDER = "'sha256-of-trunk-inline-script'";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
// Inline scripts only: those without a src attribute. The browser hashes the
// exact text between the tags, as UTF-8.
const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
if (hashes.length === 0) {
  console.error(`csp-hash: no inline <script> in ${file}`);
  process.exit(1);
}
if (html.split(PLACEHOLDER).length !== 2) {
  console.error(`csp-hash: ${file} must carry ${PLACEHOLDER} exactly once`);
  process.exit(1);
}
writeFileSync(file, html.replace(PLACEHOLDER, [...new Set(hashes)].join(' ')));
console.log(`csp-hash: script-src allows ${hashes.join(' ')}`);
