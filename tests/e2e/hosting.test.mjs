// End-to-end tests of hosting as real hosts do it (issue 23, part 3): the
// build writes each file of the embed folder precompressed beside it; the
// test server (and the benchmark's) answers by Accept-Encoding, brotli or
// gzip or as is; the card loads and works from a compressed bundle.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, assert, assertEqual, openPage } from './lib.mjs';
import { chooseEncoding } from './server.mjs';

const DIST = process.env.DIST ?? 'dist';

function filesOf(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

/** GET `url` with `headers`; resolves { status, headers, body } (the body as sent). */
function get(url, headers) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('hosting: the release build writes each file of the embed folder as .br and .gz beside it, each the file\'s bytes', async () => {
  const files = filesOf(`${DIST}/embed`).filter((f) => /\.(js|wasm|css|json)$/.test(f));
  assert(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.css')) && files.some((f) => /locales\/de\.json$/.test(f)), `the wasm, the stylesheet and the locale files are there: ${files}`);
  for (const file of files) {
    const bytes = readFileSync(file);
    assert(existsSync(`${file}.br`) && existsSync(`${file}.gz`), `${file}: .br and .gz beside it`);
    assert(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${file}.br decodes to the file`);
    assert(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${file}.gz decodes to the file`);
    if (file.endsWith('.wasm')) assert(statSync(`${file}.br`).size < bytes.length / 2, `${file}.br is compressed (${statSync(`${file}.br`).size} of ${bytes.length} B)`);
  }
});

test('hosting: the test server answers by Accept-Encoding (brotli, gzip or as is), as real hosts do', async ({ origin }) => {
  for (const [header, want] of [['gzip, deflate, br, zstd', 'br'], ['gzip, deflate', 'gzip'], ['br;q=0, gzip', 'gzip'], ['identity', null], ['', null], ['*', 'br']]) {
    assertEqual(chooseEncoding(header), want, `Accept-Encoding "${header}"`);
  }
  const wasm = filesOf(`${DIST}/embed`).find((f) => f.endsWith('.wasm'));
  const path = wasm.slice(DIST.length);
  const bytes = readFileSync(wasm);
  for (const [accept, encoding, decode] of [['gzip, deflate, br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync], ['identity', undefined, (b) => b]]) {
    const answer = await get(`${origin}${path}`, { 'Accept-Encoding': accept });
    assertEqual([answer.status, answer.headers['content-encoding'], answer.headers['content-type'], answer.headers.vary], [200, encoding, 'application/wasm', 'Accept-Encoding'], `${path} for "${accept}"`);
    assert(decode(answer.body).equals(bytes), `${path} for "${accept}": the file's bytes`);
    if (encoding) assert(answer.body.equals(readFileSync(`${wasm}.${encoding === 'br' ? 'br' : 'gz'}`)), `${path} for "${accept}": the build's precompressed file, sent as it is`);
  }
  // What the build did not precompress (a movie, a page) is compressed on the fly.
  const movie = await get(`${origin}/movies/leaving-las-vegas.json`, { 'Accept-Encoding': 'br' });
  assertEqual(movie.headers['content-encoding'], 'br', 'the movie JSON, brotli');
  assert(brotliDecompressSync(movie.body).equals(readFileSync(`${DIST}/movies/leaving-las-vegas.json`)), 'the movie JSON decodes to the file');
  const page = await get(`${origin}/examples/blog.html`, { 'Accept-Encoding': 'gzip' });
  assertEqual(page.headers['content-encoding'], 'gzip', 'a page, gzip');
  assert(gunzipSync(page.body).equals(readFileSync(`${DIST}/examples/blog.html`)), 'the page decodes to the file');
});

test('hosting: the card loads and works from a brotli-served bundle', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  const encodings = [];
  page.on('response', (response) => {
    if (/\/embed\//.test(response.url())) encodings.push(response.allHeaders().then((h) => [response.url().split('/embed/')[1], h['content-encoding'] ?? 'none']));
  });
  try {
    await page.goto(`${origin}/examples/blog.html`);
    await page.waitForFunction(() => !!document.querySelector('spoiler-card')?.shadowRoot?.querySelector('.title'), null, { timeout: 15000 });
    await page.locator('spoiler-card button.gate').first().click();
    await page.waitForFunction(() => !!document.querySelector('spoiler-card').shadowRoot.querySelector('#sc-plot.revealed'));
    const sent = await Promise.all(encodings);
    assert(sent.length >= 5 && sent.every(([, encoding]) => encoding === 'br'), `every file of the bundle came brotli-encoded: ${JSON.stringify(sent)}`);
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});
