// A static file server for dist/ on 127.0.0.1, for `scripts/serve.sh`, the
// end-to-end tests and the benchmarks. Any static host will do in production;
// this one has the right MIME types (application/wasm), never serves outside its
// folder, and serves the precompressed copies the build writes beside each file
// (`X.br`, `X.gz`, scripts/precompress.mjs) when the request's Accept-Encoding
// allows, as a well-configured host does (nginx gzip_static/brotli_static), so
// the tests and Lighthouse see what such a host sends.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The encodings an Accept-Encoding header allows, as a set of names: each
 *  listed token not given q=0 (`*` stands for any not listed). */
export function acceptedEncodings(header = '') {
  const allowed = new Set();
  const refused = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    (q && Number(q.slice(2)) === 0 ? refused : allowed).add(name);
  }
  if (allowed.has('*')) for (const name of ['br', 'gzip']) if (!refused.has(name)) allowed.add(name);
  return allowed;
}

/** Precompressed copies, in the order they are preferred. */
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

/** Serves `dir` on host:port (port 0 picks a free one); resolves to
 *  { server, url, useFolder, setDown }. `options.headers` are added to every
 *  response (e.g. a Content-Security-Policy). For the offline tests,
 *  `useFolder(dir)` serves another folder from then on (a new build), and
 *  `setDown(true)` drops every connection unanswered (the network gone);
 *  `options.precompressed: false` serves every file as it is (a host without
 *  compression). */
export function serve(dir, port = 0, host = '127.0.0.1', options = {}) {
  let root = resolve(dir);
  let down = false;
  const server = createServer(async (req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      // The type is the file's own, whichever copy is sent.
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      let body = null;
      if (options.precompressed !== false) {
        const accepted = acceptedEncodings(req.headers['accept-encoding']);
        for (const [encoding, suffix] of ENCODINGS) {
          if (!accepted.has(encoding)) continue;
          body = await readFile(file + suffix).catch(() => null);
          if (body) {
            headers['content-encoding'] = encoding;
            break;
          }
        }
        // The answer depends on Accept-Encoding wherever a copy exists.
        if (body || ENCODINGS.some(([, suffix]) => existsSync(file + suffix))) headers.vary = 'Accept-Encoding';
      }
      body ??= await readFile(file);
      headers['content-length'] = body.length;
      res.writeHead(200, { ...headers, ...(options.headers ?? {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      ok({
        server,
        url: `http://${host}:${server.address().port}/`,
        useFolder: (other) => { root = resolve(other); },
        setDown: (value) => { down = value; if (down) server.closeAllConnections(); },
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`Serving ${dir}/ at ${url} (Ctrl+C to stop)`);
}
