// What every section of the benchmark shares: the repetitions, the
// statistics, the inputs (dist/ copied, the synthetic movie, the generated
// pages), the server and the browser, and the list of problems.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/lib.mjs';
import { send, serve, generated } from '../tests/e2e/server.mjs';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
process.chdir(ROOT);
const QUICK = !!process.env.BENCH_QUICK;
const N = {
  ttc: QUICK ? 3 : 15,
  inter: QUICK ? 5 : 30,
  warm: 1,
  render: QUICK ? 3 : 15,
  scale: QUICK ? 2 : 5,
  firstOpen: QUICK ? 2 : 5,
  validation: QUICK ? 2 : 5,
  mobile: QUICK ? 2 : 7,
};
// BENCH_ONLY=ttc,mobile,inter,render,scale,churn,validation,studio,package runs only those sections, for trying a
// change out; it prints the figures and writes no results or charts.
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (section) => !ONLY || ONLY.has(section);
const OUT = process.env.BENCH_OUT ?? 'bench/results';
const GEN = 'target/bench';
mkdirSync(OUT, { recursive: true });
mkdirSync(GEN, { recursive: true });
const log = (...a) => console.log(`[bench ${((performance.now()) / 1000).toFixed(0)}s]`, ...a);

// ---------- statistics ----------
function stats(xs) {
  if (!xs.length) return { n: 0, median: NaN, min: NaN, max: NaN, p25: NaN, p75: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => {
    const i = (s.length - 1) * p; const lo = Math.floor(i); const hi = Math.ceil(i);
    return s[lo] + (s[hi] - s[lo]) * (i - lo);
  };
  const r = (x) => Math.round(x * 100) / 100;
  return { n: s.length, median: r(q(0.5)), min: r(s[0]), max: r(s[s.length - 1]), p25: r(q(0.25)), p75: r(q(0.75)) };
}
const fmt = (st, unit = 'ms') => `${st.median} ${unit} (${st.min}–${st.max}, IQR ${st.p25}–${st.p75}, n=${st.n})`;
const fmtShort = (st) => `${st.median} (${st.min}–${st.max})`;

// ---------- inputs ----------
// Serve a snapshot of dist/: a rebuild of dist/ during the run (another
// `trunk build`) would otherwise swap the hashed files under the pages.
const DIST = `${GEN}/dist`;
rmSync(DIST, { recursive: true, force: true });
cpSync('dist', DIST, { recursive: true });
const loader = readFileSync(`${DIST}/embed/spoiler-card.js`, 'utf8');
const glueName = loader.match(/'\.\/(spoiler-card-[0-9a-f]+\.js)'/)[1];
const example = JSON.parse(readFileSync(`${DIST}/movies/leaving-las-vegas.json`, 'utf8'));

/** A valid movie with 1,000 timeline events and 200 characters. */
function syntheticMovie() {
  const m = structuredClone(example);
  delete m.$schema;
  m.id = 'synthetic-1000';
  m.title = 'Synthetic Thousand';
  m.runtime_minutes = 120;
  m.timeline = Array.from({ length: 1000 }, (_, i) => ({
    at_minute: Math.floor((i * 120) / 999),
    title: `Event number ${i + 1}`,
    text: `Something happens in scene ${i + 1}: a plain sentence of ordinary length that describes what the characters do here.`,
  }));
  m.characters = Array.from({ length: 200 }, (_, i) => ({
    name: `Character ${i + 1}`,
    actor: `Actor ${i + 1}`,
    intro: `Character ${i + 1} is introduced early on, without giving anything away.`,
    arc: { text: `What finally becomes of character ${i + 1}.`, at_minute: Math.floor((i * 120) / 199) },
  }));
  return m;
}
const synthetic = syntheticMovie();
writeFileSync(`${GEN}/synthetic-1000.json`, JSON.stringify(synthetic));
// How many events and characters a list shows at first (card_state::LIST_PAGE),
// as the card's own first render lists them.
const LIST_PAGE = execFileSync('target/release/spoiler-card', ['render', `${GEN}/synthetic-1000.json`, '--static'], { encoding: 'utf8' })
  .split('<li class="event').length - 1;
if (!(LIST_PAGE > 0 && LIST_PAGE < synthetic.timeline.length)) throw new Error(`bench: the first render lists ${LIST_PAGE} of the synthetic movie's events`);

// Files the benchmark generates, served next to dist/.
const extraFiles = new Map([
  ['/bench/synthetic-1000.json', { file: `${GEN}/synthetic-1000.json`, type: 'application/json' }],
  ['/bench/card.css', { file: `${GEN}/card.css`, type: 'text/css; charset=utf-8' }],
]);
// As real hosts serve them: compressed by the request's Accept-Encoding
// (brotli or gzip; the build's precompressed .br/.gz for dist/embed/), the
// benchmark's figures; and a second server that sends every file as is,
// for the uncompressed figures beside them.
const routes = (compress) => Object.fromEntries([...extraFiles].map(([path, { file, type }]) => [path,
  (req, res) => send(req, res, { headers: { 'Content-Type': type, 'Cache-Control': 'no-store' }, body: readFileSync(file), compress })]));
const extraRoutes = routes(true);
const server = await serve(`${ROOT}/${DIST}`, { extraRoutes });
const ORIGIN = server.origin;
const serverRaw = await serve(`${ROOT}/${DIST}`, { extraRoutes: routes(false), compress: false });
const ORIGIN_RAW = serverRaw.origin;

const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>';
const SCRIPT = '<script type="module" src="/embed/spoiler-card.js"></script>';
const page1 = (attrs = '', src = '/movies/leaving-las-vegas.json') =>
  `${HEAD}${SCRIPT}</head><body><spoiler-card ${attrs} src="${src}"></spoiler-card></body></html>`;
generated.set('/bench/one.html', page1());
generated.set('/bench/empty.html', `${HEAD}${SCRIPT}</head><body></body></html>`);
generated.set('/bench/churn.html', `${HEAD}${SCRIPT}</head><body><div id="cards"></div></body></html>`);
generated.set('/bench/one-eager.html', page1('eager'));
generated.set('/bench/synthetic-eager.html', page1('eager', '/bench/synthetic-1000.json'));
for (const n of [1, 10, 50, 100]) {
  const cards = (attrs) => Array.from({ length: n }, () => `<spoiler-card ${attrs} src="/movies/leaving-las-vegas.json"></spoiler-card>`).join('\n');
  generated.set(`/bench/scale-${n}-eager.html`, `${HEAD}${SCRIPT}</head><body>${cards('eager')}</body></html>`);
  generated.set(`/bench/scale-${n}-lazy.html`, `${HEAD}${SCRIPT}</head><body>${cards('')}</body></html>`);
}

// Runs at document start in every measured page: records in
// window.__bench.done the performance.now() (ms since navigation start) at
// which the cards' content exists in their shadow roots, their stylesheets
// (if linked) are loaded, and the first card's content has been laid out
// (cards off screen may leave theirs to when they come near: see the
// content-visibility rule in base.css). Checked on every DOM
// mutation (document and every shadow root), on stylesheet load and on
// every animation frame as a fallback.
const INIT_SCRIPT = () => {
  const q = new URLSearchParams(location.search);
  const expected = Number(q.get('n') || 1);
  const lazy = q.get('lazy') === '1';
  let finish;
  const B = (window.__bench = { done: null, rendered: 0, started: 0, finished: new Promise((r) => { finish = r; }) });
  const check = () => {
    if (B.done !== null) return;
    const cards = document.getElementsByTagName('spoiler-card');
    if (cards.length < expected) return;
    let firstMissing = -1; let rendered = 0;
    for (let i = 0; i < cards.length; i++) {
      const sr = cards[i].shadowRoot;
      const title = sr && sr.querySelector('.title');
      if (!title) { if (firstMissing < 0) firstMissing = i; if (!lazy) return; continue; }
      for (const link of sr.querySelectorAll('link[rel=stylesheet]')) {
        if (!link.sheet) { if (!link.__b) { link.__b = 1; link.addEventListener('load', check); } return; }
      }
      rendered++;
    }
    if (firstMissing >= 0) {
      // lazy start: done when every card that is missing lies below the viewport
      if (rendered === 0 || firstMissing === 0) return;
      if (cards[firstMissing].getBoundingClientRect().top < innerHeight) return;
    }
    // Forced layout of the first card's content: reading a box inside the
    // shadow root lays it out even where content-visibility: auto has not
    // yet decided the card is on screen (in the floor page as well).
    cards[0].shadowRoot.querySelector('.title').getBoundingClientRect();
    B.done = performance.now();
    B.rendered = rendered;
    finish();
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    mo.observe(root, { childList: true, subtree: true });
    return root;
  };
  document.addEventListener('DOMContentLoaded', check);
  const frame = () => { check(); if (B.done === null) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
};

// ---------- browser ----------
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();

// A fresh context is a cold cache. `cacheOff` also keeps a page from
// reusing its own responses (the card's stylesheet, fetched by its <link>
// and again by the loader), which no real first visit does: the mobile
// section leaves it on.
async function newPage({ width = 800, height = 900, init = true, cacheOff = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  if (init) await page.addInitScript(INIT_SCRIPT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cacheOff) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  page.cdp = cdp;
  page.close2 = () => context.close();
  return page;
}

// Waits for the page's own done flag through plain CDP evaluations (a
// promise in the page). Playwright's waitForFunction would inject its
// utility script into the page while it loads: ~9 ms of main-thread work
// landing in the middle of the embed's start-up (and after the floor's).
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitDone(page, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { result } = await page.cdp.send('Runtime.evaluate', {
      expression: `window.__bench ? Promise.race([window.__bench.finished, new Promise((r) => setTimeout(r, 1000))])
        .then(() => (window.__bench.done === null ? null : { done: window.__bench.done, rendered: window.__bench.rendered })) : null`,
      awaitPromise: true,
      returnByValue: true,
    }).catch(() => ({ result: null })); // the navigation's new context is not there yet
    if (result?.value) return result.value;
    if (Date.now() > deadline) throw new Error(`not done after ${timeout} ms`);
    await sleep(result ? 0 : 5);
  }
}

// Navigates without waiting for the load event (Playwright's default):
// nothing of the harness runs in the page while it starts.
const open = (page, url) => page.goto(url, { waitUntil: 'commit' });

const problems = [];
const noteErrors = (what, page) => { for (const e of page.errors) problems.push(`${what}: ${e}`); };

export {
  generated,
  ROOT,
  QUICK,
  N,
  ONLY,
  want,
  OUT,
  GEN,
  log,
  stats,
  fmt,
  fmtShort,
  DIST,
  loader,
  glueName,
  example,
  syntheticMovie,
  synthetic,
  LIST_PAGE,
  extraFiles,
  extraRoutes,
  server,
  ORIGIN,
  serverRaw,
  ORIGIN_RAW,
  HEAD,
  SCRIPT,
  page1,
  INIT_SCRIPT,
  browser,
  chromiumVersion,
  newPage,
  sleep,
  waitDone,
  open,
  problems,
  noteErrors,
};
