// Trunk post-build step (run by scripts/post-build.mjs, after csp-hash.mjs, so the
// index.html it hashes is the one that ships): writes into the staged sw.js the
// list of every file of this build with its sha256, and a version made from them,
// in place of its `const BUILD = …;` line. Skips sw.js itself and precompressed
// copies (.br, .gz), which are the same files for hosts that serve them.
// Also exported, so a test can make "a new build" from a changed copy of dist/.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIP = /(^|\/)sw\.js$|\.(br|gz)$/;
const BUILD_LINE = /^const BUILD = .*;$/m;

function filesUnder(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) return [];
    if (entry.isDirectory()) return filesUnder(path, root);
    return [relative(root, path).split(sep).join('/')];
  });
}

/** Rewrites `dir`/sw.js's BUILD line for the files in `dir`; returns the build. */
export function writePrecache(dir) {
  const files = filesUnder(dir)
    .filter((path) => !SKIP.test(path))
    .sort()
    .map((path) => [path.split('/').map(encodeURIComponent).join('/'),
      createHash('sha256').update(readFileSync(join(dir, path))).digest('base64')]);
  const version = createHash('sha256').update(files.map(([p, h]) => `${p} ${h}\n`).join('')).digest('hex').slice(0, 16);
  const sw = join(dir, 'sw.js');
  const text = readFileSync(sw, 'utf8');
  if (text.split(BUILD_LINE).length !== 2) throw new Error(`precache: ${sw} must have one line "const BUILD = …;"`);
  writeFileSync(sw, text.replace(BUILD_LINE, `const BUILD = ${JSON.stringify({ version, files })};`));
  return { version, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('precache: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
    process.exit(1);
  }
  try {
    const { version, files } = writePrecache(dir);
    console.log(`precache: sw.js caches ${files.length} files as version ${version}`);
  } catch (e) {
    console.error(String(e.message ?? e));
    process.exit(1);
  }
}
