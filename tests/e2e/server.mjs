// A small static server for the end-to-end tests and the benchmark: serves
// dist/ (or another root) on 127.0.0.1 with the right MIME types, and
// special routes to test failure handling:
//   /__status/404/...      answers 404
//   /__hang/...            never answers
//   /__csp/<path>          serves <path> (a file or a generated page) with
//                          the strict CSP header
//   /__tt/<path>           the same, with Trusted Types required and no
//                          policy allowed (TRUSTED_TYPES_CSP)
//   any path ?cors=1       adds Access-Control-Allow-Origin: *
//   /__cdn/v1/<path>       serves <path> (a bundle hosted at a deeper path)
//   hashed files (name-<16 hex>.js|wasm|css) are sent cacheable for ever
//   generated.get(path)    an HTML page a test put in `generated` (tests
//                          share this process), served like a real file
//   hold(path) true        the answer waits for `release()` (for browsers a
//                          test cannot intercept requests in, like Firefox)
// Like real hosts (GitHub Pages, Netlify, Cloudflare), it answers by the
// request's Accept-Encoding: brotli, else gzip, else as is, for the types
// hosts compress; a `.br` or `.gz` file beside the file (which the build
// writes for dist/embed/) is sent as it is, as nginx's brotli_static and
// gzip_static do, others are compressed once and kept. `compress: false`
// serves every file as is (the benchmark's uncompressed figures).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// The strict CSP of a page that also requires Trusted Types and allows no
// policy: any HTML or script sink (innerHTML, eval, …) is blocked.
export const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

// What hosts compress: text, JSON, JavaScript, wasm, SVG.
const COMPRESSIBLE = /^(?:text\/|application\/(?:wasm|json)|image\/svg)/;

/**
 * The encoding a request's Accept-Encoding allows that a host prefers:
 * `br`, else `gzip`, else null (as is). A `q=0` refuses one.
 */
export function chooseEncoding(acceptEncoding = '') {
  const accepted = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const allowed = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ['br', 'gzip'].find(allowed) ?? null;
}

// Bodies compressed on the fly, by what they are (a file and its mtime, or
// a hash of a generated page's text) and the encoding. Quality 5 for brotli, as CDNs
// compress on the fly; the build's own .br files are -q 11.
const compressedCache = new Map();
function compress(body, encoding, key) {
  const cacheKey = `${encoding}\u0000${key}`;
  let out = compressedCache.get(cacheKey);
  if (!out) {
    out = encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 });
    if (compressedCache.size > 500) compressedCache.clear();
    compressedCache.set(cacheKey, out);
  }
  return out;
}

/**
 * Sends `body` with `headers`, compressed by the request's Accept-Encoding
 * when its type is one hosts compress (and `compress` is on). `file`, if
 * the body is a file's, lets a `.br`/`.gz` beside it be sent instead.
 */
export async function send(req, res, { status = 200, headers, body, file = null, mtime = 0, compress: on = true }) {
  const type = headers['Content-Type'] ?? '';
  const encoding = on && COMPRESSIBLE.test(type) ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (COMPRESSIBLE.test(type)) headers = { ...headers, Vary: 'Accept-Encoding' };
  if (!encoding) {
    res.writeHead(status, headers);
    return res.end(body);
  }
  let encoded = null;
  if (file) {
    const beside = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    encoded = await stat(beside).then((s) => (s.isFile() && s.mtimeMs >= mtime ? readFile(beside) : null), () => null);
  }
  encoded ??= compress(Buffer.from(body), encoding, file ? `${file}\u0000${mtime}` : createHash('sha1').update(body).digest('hex'));
  res.writeHead(status, { ...headers, 'Content-Encoding': encoding });
  return res.end(encoded);
}

/** Pages generated by tests, by path: served as text/html by every server. */
export const generated = new Map();

/** Requests that reached a server, by path (what the browser's cache did not answer). */
export const hits = new Map();

export function serve(root, { port = 0, cors = false, extraRoutes = {}, hold = null, compress = true } = {}) {
  const hanging = new Set();
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (hold?.(path)) await released;
    const headers = {};
    if (cors || url.searchParams.has('cors')) headers['Access-Control-Allow-Origin'] = '*';
    if (extraRoutes[path]) return extraRoutes[path](req, res);
    if (path.startsWith('/__hang/')) { hanging.add(res); return; }
    if (path.startsWith('/__status/')) {
      const status = Number(path.split('/')[2]);
      res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
      return res.end(`status ${status}`);
    }
    for (const [prefix, policy] of [['/__csp/', STRICT_CSP], ['/__tt/', TRUSTED_TYPES_CSP]]) {
      if (path.startsWith(prefix)) {
        headers['Content-Security-Policy'] = policy;
        path = path.slice(prefix.length - 1);
      }
    }
    if (generated.has(path)) {
      return send(req, res, { headers: { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store', ...headers }, body: generated.get(path), compress });
    }
    if (path.startsWith('/__cdn/v1/')) path = path.slice('/__cdn/v1'.length);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403); return res.end(); }
    let info;
    try {
      info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...headers });
      return res.end('not found');
    }
    const body = await readFile(file);
    // Content-hashed files are cached for ever, as the README tells sites
    // to serve them (a prerendered card's stylesheet is then one download
    // for the page and the live card); everything else is never cached.
    const hashed = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/.test(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    return send(req, res, { headers: { 'Content-Type': type, 'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-store', ...headers }, body, file, mtime: info.mtimeMs, compress });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port, origin: `http://127.0.0.1:${port}`, release,
        close: () => new Promise((r) => { release(); for (const res of hanging) res.destroy(); server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}
