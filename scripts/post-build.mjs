// The one Trunk post_build hook (Trunk.toml): runs the steps that edit the staged
// dist/ in order. Trunk 0.21 starts all hooks of a stage at once (trunk's
// src/hooks.rs), and these depend on each other:
//   1. csp-hash.mjs  puts the inline script's sha256 into index.html's policy;
//   2. precache.mjs  lists every file with its sha256 in sw.js (so it must see the
//                    final index.html);
//   3. compression (.br/.gz copies), when added, must come last: after every
//      file it compresses has its final content.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
for (const step of ['csp-hash.mjs', 'precache.mjs']) {
  const run = spawnSync(process.execPath, [join(HERE, step)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
