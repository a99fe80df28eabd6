// `npx spoiler-card studio [FILE]`: the card studio on this machine, for
// one movie file. It serves the package's studio and embed bundle on
// 127.0.0.1 at a free port, under a random token (a page of another site
// cannot guess it, and a Host other than this address is refused, against
// DNS rebinding), opens FILE (or a new movie) and saves back to FILE only:
// atomically (a temp file beside it, then a rename), and never over a FILE
// that changed on disk since it was loaded or last saved.
import { createServer } from 'node:http';
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, realpathSync, renameSync, writeFileSync, statSync, unlinkSync } from 'node:fs';
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
<spoiler-card-studio draft-key="file:${hashOf(file).slice(0, 16)}"></spoiler-card-studio>
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
const save = document.querySelector('#save');
save.addEventListener('click', async () => {
  // One save at a time: a second would carry the version the first replaces.
  if (save.disabled) return;
  save.disabled = true;
  try {
    const response = await fetch('movie', { method: 'PUT', headers: { 'If-Match': version, 'Content-Type': 'application/json' }, body: studio.jsonText() });
    const answer = await response.text();
    if (response.ok) { version = response.headers.get('etag'); say('Saved.'); } else say(answer, true);
  } catch (error) {
    say('Not saved: the studio command does not answer (' + error.message + ').', true);
  } finally {
    save.disabled = false;
  }
});
`;

/**
 * Serves the studio for `file` until the process stops: resolves with
 * `{ url, close }` once it listens.
 */
export function serveStudio(file, { port, log = console.log } = {}) {
  // A symlink is written through (the link stays a link).
  const given = resolve(file ?? 'movie.json');
  const target = existsSync(given) ? realpathSync(given) : given;
  const token = randomBytes(16).toString('hex');
  const plain = { 'Content-Type': 'text/plain; charset=utf-8' };
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
    let rest;
    try {
      rest = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return send(400, 'a malformed address\n', plain);
    }
    if (rest === '' && req.method === 'GET') return send(200, page(token, target), { 'Content-Type': TYPES['.html'] });
    if (rest === 'page.js' && req.method === 'GET') return send(200, PAGE_JS, { 'Content-Type': TYPES['.js'] });
    if (rest === 'movie' && req.method === 'GET') {
      let file;
      try {
        file = current(target);
      } catch (error) {
        return send(500, `cannot read ${basename(target)}: ${error.message}\n`, plain);
      }
      return file.text === null ? send(404, 'no file yet\n', { ETag: file.version }) : send(200, file.text, { 'Content-Type': TYPES['.json'], ETag: file.version });
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
        if (size > MAX_BYTES) return send(413, `Not saved: more than ${MAX_BYTES} bytes.`, plain);
        let now;
        let mode;
        try {
          now = current(target).version;
          mode = existsSync(target) ? statSync(target).mode : null;
        } catch (error) {
          return send(500, `Not saved: cannot read ${basename(target)}: ${error.message}`, plain);
        }
        if (req.headers['if-match'] !== now) {
          return send(409, `Not saved: ${basename(target)} changed on disk since it was opened. Copy your work, then reload to open the file as it is now.`, plain);
        }
        const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
        try {
          writeFileSync(temp, body, { flag: 'wx' });
          if (mode !== null) chmodSync(temp, mode & 0o7777); // the file keeps its permissions
          renameSync(temp, target);
        } catch (error) {
          try { unlinkSync(temp); } catch { /* not made */ }
          return send(500, `Not saved: ${error.message}`, plain);
        }
        log(`saved ${target}`);
        return send(204, '', { ETag: hashOf(body) });
      });
      return undefined;
    }
    // The bundles: only files inside the package's embed/ and studio/.
    if (req.method === 'GET') {
      const path = resolve(PACKAGE, rest);
      const inside = [join(PACKAGE, 'embed') + sep, join(PACKAGE, 'studio') + sep].some((folder) => path.startsWith(folder));
      if (inside && existsSync(path) && statSync(path).isFile()) {
        return send(200, readFileSync(path), { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      }
    }
    return send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
  });
  // The same port for the same file while it is free: the page's origin,
  // and with it the draft the studio keeps in the browser, stay the same
  // from one run to the next. Another free port when it is taken.
  const preferred = port ?? 20000 + (parseInt(hashOf(target).slice(0, 8), 16) % 10000);
  return new Promise((resolveListening, reject) => {
    server.once('error', (error) => {
      if (error.code !== 'EADDRINUSE' || port !== undefined) return reject(error);
      server.once('error', reject);
      server.listen(0, '127.0.0.1');
    });
    server.on('listening', () => {
      const url = `http://127.0.0.1:${server.address().port}/${token}/`;
      log(`spoiler-card studio: ${existsSync(target) ? 'editing' : 'a new movie, saved to'} ${target}`);
      log(`open ${url}  (Ctrl-C stops)`);
      resolveListening({ url, close: () => new Promise((r) => server.close(r)) });
    });
    server.listen(preferred, '127.0.0.1');
  });
}
