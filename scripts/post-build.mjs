// Trunk's one post_build hook (Trunk.toml): runs the post-build steps over the
// staged dist/ ($TRUNK_STAGING_DIR) one after another, in the order below.
//
// One hook, not one per step, because Trunk 0.21 starts every hook of a stage at
// the same time (trunk src/hooks.rs: spawn_hooks collects them into a
// FuturesUnordered), so the order of [[hooks]] in Trunk.toml is not the order
// they run in. Each step here sees what the steps before it wrote.
//
// Add a step by putting its script (in scripts/) in STEPS. Keep precompress.mjs last: its .br
// and .gz copies must be of the final files (and a step that lists dist/'s
// files, such as a service worker's precache list, must come before it, or
// ignore .br and .gz).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

const STEPS = [
  // First: terser over wasm-bindgen's glue and snippets, their integrity renewed.
  'minify-js.mjs',
  // The Content-Security-Policy's sha256 of Trunk's inline script, into index.html.
  'csp-hash.mjs',
  // The service worker's list of files with their sha256, and a version, into
  // sw.js: after csp-hash (it must see the final index.html); skips .br/.gz.
  'precache.mjs',
  // Last: Brotli and gzip copies beside every file, for hosts that serve them.
  'precompress.mjs',
];

for (const step of STEPS) {
  const run = spawnSync(process.execPath, [join(HERE, step)], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`post-build: ${step} failed (${run.error ?? `exit ${run.status ?? run.signal}`})`);
    process.exit(1);
  }
}
