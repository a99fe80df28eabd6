// A small static server for the end-to-end tests and the benchmark: serves
// dist/ (or another root) on 127.0.0.1 with the right MIME types, and
// special routes to test failure handling:
//   /__status/404/...      answers 404
//   /__hang/...            never answers
//   /__csp/<path>          serves <path> with the strict CSP header
//   any path ?cors=1       adds Access-Control-Allow-Origin: *
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

export function serve(root, { port = 0, cors = false, extraRoutes = {} } = {}) {
  const hanging = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    const headers = {};
    if (cors || url.searchParams.has('cors')) headers['Access-Control-Allow-Origin'] = '*';
    if (extraRoutes[path]) return extraRoutes[path](req, res);
    if (path.startsWith('/__hang/')) { hanging.add(res); return; }
    if (path.startsWith('/__status/')) {
      const status = Number(path.split('/')[2]);
      res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
      return res.end(`status ${status}`);
    }
    if (path.startsWith('/__csp/')) {
      headers['Content-Security-Policy'] = STRICT_CSP;
      path = path.slice('/__csp'.length);
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403); return res.end(); }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port, origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { for (const res of hanging) res.destroy(); server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}
