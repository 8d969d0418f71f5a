// Post-build step (run by scripts/post-build.mjs, always last): writes a Brotli
// (`X.br`) and a gzip (`X.gz`) copy beside every compressible file in Trunk's
// staging folder, for static hosts that serve precompressed files (nginx
// `gzip_static`/`brotli_static`, Apache with rewrite rules, many CDNs, and
// `tests/e2e/serve.mjs`), so the wasm travels as Brotli (about 22% smaller than
// gzip -9) without the host compressing it on every request. Last, so each copy
// is of the final file (index.html after csp-hash has put its hash in).
//
// Both at their highest levels (Brotli quality 11, gzip 9; zlib's memLevel 9
// came out 0.3% larger on the wasm than its default 8): they run once per
// release build, not per request. A copy that would not be smaller than its
// file (a tiny file) is not written, so a host serves that file as it is. The
// copies are deterministic (gzip's header carries no time), so the same build
// gives the same bytes.
//
// Debug builds (`trunk build`, `trunk serve`) are skipped: only a release dist/
// is published, and Brotli 11 over a debug wasm takes long.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Extensions worth compressing: text and WebAssembly. Images such as PNG are
 *  compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.webmanifest', '.xml', '.map']);

/** Every file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/** The Brotli and gzip copies of `bytes` (a file of extension `ext`). */
export function compress(bytes, ext) {
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: ext === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  return { br, gz };
}

/** Writes the copies for every compressible file under `dir`; returns what it wrote. */
export function precompress(dir) {
  const written = [];
  for (const file of files(dir)) {
    const ext = extname(file);
    if (!COMPRESSIBLE.has(ext)) continue; // also skips existing .br and .gz
    const bytes = readFileSync(file);
    const copies = compress(bytes, ext);
    for (const [suffix, body] of Object.entries(copies)) {
      if (body.length >= bytes.length) continue;
      writeFileSync(`${file}.${suffix}`, body);
      written.push({ file: relative(dir, file), suffix, raw: bytes.length, size: body.length });
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('precompress: TRUNK_STAGING_DIR is not set to a folder (run by trunk as a post_build hook)');
    process.exit(1);
  }
  if (process.env.TRUNK_PROFILE === 'debug') {
    console.log('precompress: debug build, no .br/.gz copies');
    process.exit(0);
  }
  const written = precompress(dir);
  const br = written.filter((w) => w.suffix === 'br');
  const total = (list, key) => list.reduce((sum, w) => sum + w[key], 0);
  console.log(`precompress: ${br.length} files, ${total(br, 'raw')} B -> ${total(br, 'size')} B Brotli, ${total(written.filter((w) => w.suffix === 'gz'), 'size')} B gzip`);
}
