// A static file server for dist/ on 127.0.0.1, for `scripts/serve.sh` and the
// end-to-end tests. Any static host will do in production; this one has the
// right MIME types (application/wasm) and never serves outside its folder.
import { createServer } from 'node:http';
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

/** Serves `dir` on host:port (port 0 picks a free one); resolves to
 *  { server, url, useFolder, setDown }. `options.headers` are added to every
 *  response (e.g. a Content-Security-Policy). For the offline tests,
 *  `useFolder(dir)` serves another folder from then on (a new build), and
 *  `setDown(true)` drops every connection unanswered (the network gone). */
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
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...(options.headers ?? {}),
      });
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
