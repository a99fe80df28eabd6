// `npx spoiler-card studio [FILE]`: the card studio on this machine, for
// one movie file. It serves the package's studio and embed bundle on
// 127.0.0.1 at a free port, under a random token (a page of another site
// cannot guess it, and a Host other than this address is refused, against
// DNS rebinding), opens FILE (or a new movie) and saves back to FILE only:
// atomically (a temp file beside it, then a rename), and never over a FILE
// that changed on disk since it was loaded or last saved.
import { createServer } from 'node:http';
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.html': 'text/html; charset=utf-8',
};
/** The most a saved movie may be: the card reads no more. */
const MAX_BYTES = 5 * 1024 * 1024;

const hashOf = (text) => createHash('sha256').update(text).digest('hex');

/** FILE's text and its version, or none when it does not exist yet. */
function current(file) {
  if (!existsSync(file)) return { text: null, version: 'none' };
  const text = readFileSync(file, 'utf8');
  return { text, version: hashOf(text) };
}

function page(token, file) {
  const name = basename(file).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} — card studio</title>
<script type="module" src="/${token}/embed/spoiler-card.js"></script>
<script type="module" src="/${token}/studio/spoiler-card-studio.js"></script>
<script type="module" src="/${token}/page.js"></script>
<style>
  body { margin: 0; background: #e9edf4; font-family: system-ui, sans-serif; }
  main { max-width: 1280px; margin: 0 auto; padding: 16px; }
  .file { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 0 4px 12px; }
  .file code { font-size: 1rem; }
  .file button { font: inherit; padding: 6px 14px; border-radius: 8px; border: 1px solid #3a5bd9; background: #3a5bd9; color: #fff; cursor: pointer; }
  #status { color: #3d4657; }
  #status.error { color: #b42318; }
</style></head><body><main>
<p class="file"><code>${name}</code><button type="button" id="save">Save</button><span id="status" role="status"></span></p>
<spoiler-card-studio draft-key="file:${name}"></spoiler-card-studio>
</main></body></html>`;
}

const PAGE_JS = `await customElements.whenDefined('spoiler-card-studio');
const studio = document.querySelector('spoiler-card-studio');
const status = document.querySelector('#status');
const say = (text, error = false) => { status.textContent = text; status.className = error ? 'error' : ''; };
let version = 'none';
const loaded = await fetch('movie');
version = loaded.headers.get('etag') ?? 'none';
const text = loaded.status === 200 ? await loaded.text() : null;
let movie = null;
try { movie = text === null ? null : JSON.parse(text); } catch (error) {
  // Saving would put a new movie over what the file holds: not offered.
  document.querySelector('#save').disabled = true;
  say('The file is not valid JSON (' + error.message + '): fix it in an editor, or open it in the studio by paste.', true);
}
if (movie !== null) studio.movie = movie;
if (text === null) say('A new movie: Save creates the file.');
else if (movie !== null) say('Opened.');
document.querySelector('#save').addEventListener('click', async () => {
  const response = await fetch('movie', { method: 'PUT', headers: { 'If-Match': version, 'Content-Type': 'application/json' }, body: studio.jsonText() });
  const answer = await response.text();
  if (response.ok) { version = response.headers.get('etag'); say('Saved.'); } else say(answer, true);
});
`;

/**
 * Serves the studio for `file` until the process stops: resolves with
 * `{ url, close }` once it listens.
 */
export function serveStudio(file, { port = 0, log = console.log } = {}) {
  const target = resolve(file ?? 'movie.json');
  const token = randomBytes(16).toString('hex');
  let version = current(target).version;
  const server = createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(body);
    };
    const { port: listening } = server.address();
    if (req.headers.host !== `127.0.0.1:${listening}` && req.headers.host !== `localhost:${listening}`) {
      return send(403, 'spoiler-card studio: this address only\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const url = new URL(req.url, `http://${req.headers.host}`);
    const prefix = `/${token}/`;
    if (!url.pathname.startsWith(prefix)) return send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    const rest = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rest === '' && req.method === 'GET') return send(200, page(token, target), { 'Content-Type': TYPES['.html'] });
    if (rest === 'page.js' && req.method === 'GET') return send(200, PAGE_JS, { 'Content-Type': TYPES['.js'] });
    if (rest === 'movie' && req.method === 'GET') {
      const { text, version: now } = current(target);
      version = now;
      return text === null ? send(404, 'no file yet\n', { ETag: now }) : send(200, text, { 'Content-Type': TYPES['.json'], ETag: now });
    }
    if (rest === 'movie' && req.method === 'PUT') {
      let body = '';
      let size = 0;
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        size += Buffer.byteLength(chunk);
        if (size <= MAX_BYTES) body += chunk;
      });
      req.on('end', () => {
        const plain = { 'Content-Type': 'text/plain; charset=utf-8' };
        if (size > MAX_BYTES) return send(413, `Not saved: more than ${MAX_BYTES} bytes.`, plain);
        const { version: now } = current(target);
        if (req.headers['if-match'] !== now) {
          return send(409, `Not saved: ${basename(target)} changed on disk since it was opened. Copy your work, then reload to open the file as it is now.`, plain);
        }
        const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
        try {
          writeFileSync(temp, body, { flag: 'wx' });
          renameSync(temp, target);
        } catch (error) {
          try { unlinkSync(temp); } catch { /* not made */ }
          return send(500, `Not saved: ${error.message}`, plain);
        }
        version = hashOf(body);
        log(`saved ${target}`);
        return send(204, '', { ETag: version });
      });
      return undefined;
    }
    // The bundles: only files inside the package's embed/ and studio/.
    const [top] = rest.split('/');
    if (req.method === 'GET' && (top === 'embed' || top === 'studio')) {
      const path = resolve(PACKAGE, rest);
      if (path.startsWith(PACKAGE + sep) && existsSync(path) && statSync(path).isFile()) {
        return send(200, readFileSync(path), { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      }
    }
    return send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
  });
  return new Promise((resolveListening, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/${token}/`;
      log(`spoiler-card studio: ${existsSync(target) ? 'editing' : 'a new movie, saved to'} ${target}`);
      log(`open ${url}  (Ctrl-C stops)`);
      resolveListening({ url, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
