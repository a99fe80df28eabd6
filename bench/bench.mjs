// The benchmark behind `make bench` (scripts/bench.sh builds dist/ first).
// Drives Debian's Chromium headless through playwright-core against dist/
// and writes bench/results/results.{json,md} and the PNG charts.
//
//   node bench/bench.mjs              full run (expects dist/ and target/size-report.json)
//   BENCH_QUICK=1 node bench/bench.mjs  few repetitions, for trying the script out
//
// Every timing is a median of repeated runs with its spread (min/max and
// IQR); every ratio is taken between figures measured in the same run.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/lib.mjs';
import { serve, generated } from '../tests/e2e/server.mjs';
import { scaleChartSvg, sizeChartSvg } from './charts.mjs';
import { NAMED_WASM, twiggyTop, writeReport } from './report.mjs';
import { validationBench } from './validation.mjs';
import { mobileBench } from './mobile.mjs';

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
// BENCH_ONLY=ttc,mobile,inter,render,scale,validation runs only those sections, for trying a
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
const extraRoutes = {};
for (const [path, { file, type }] of extraFiles) {
  extraRoutes[path] = (_req, res) => {
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  };
}
const server = await serve(`${ROOT}/${DIST}`, { extraRoutes });
const ORIGIN = server.origin;

const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>';
const SCRIPT = '<script type="module" src="/embed/spoiler-card.js"></script>';
const page1 = (attrs = '', src = '/movies/leaving-las-vegas.json') =>
  `${HEAD}${SCRIPT}</head><body><spoiler-card ${attrs} src="${src}"></spoiler-card></body></html>`;
generated.set('/bench/one.html', page1());
generated.set('/bench/empty.html', `${HEAD}${SCRIPT}</head><body></body></html>`);
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

async function newPage({ width = 800, height = 900, init = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  if (init) await page.addInitScript(INIT_SCRIPT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
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

// ---------- 1. the static floor: freeze one rendered card ----------
log('freezing the rendered card into a static page');
{
  const page = await newPage({ init: false });
  await page.goto(`${ORIGIN}/bench/one-eager.html`);
  await page.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('.title'));
  const { css, html } = await page.evaluate(() => {
    const sr = document.querySelector('spoiler-card').shadowRoot;
    return { css: [...sr.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'), html: sr.innerHTML };
  });
  writeFileSync(`${GEN}/card.css`, css);
  const floor = `${HEAD}</head><body><spoiler-card src="/movies/leaving-las-vegas.json"><template shadowrootmode="open"><link rel="stylesheet" href="/bench/card.css">${html}</template></spoiler-card></body></html>`;
  writeFileSync(`${GEN}/floor.html`, floor);
  generated.set('/bench/floor.html', floor);
  noteErrors('freeze', page);
  await page.close2();
}

// ---------- 2. time to card ----------
async function coldLoad(path) {
  const page = await newPage();
  await open(page, `${ORIGIN}${path}`);
  const b = await waitDone(page);
  noteErrors(path, page);
  await page.close2();
  return b.done;
}
log(`time to card: ${N.ttc} cold loads each, alternating embed and floor`);
const ttcEmbed = []; const ttcFloor = [];
if (!want('ttc')) N.ttc = 1;
else { await coldLoad('/bench/one.html'); await coldLoad('/bench/floor.html'); } // warm the server and the OS caches
for (let i = 0; i < N.ttc; i++) {
  ttcEmbed.push(await coldLoad('/bench/one.html'));
  ttcFloor.push(await coldLoad('/bench/floor.html'));
}
const ttc = { embed: stats(ttcEmbed), floor: stats(ttcFloor) };
ttc.ratio = Math.round((ttc.embed.median / ttc.floor.median) * 100) / 100;
ttc.raw = { embed: ttcEmbed, floor: ttcFloor };
log('time to card', fmt(ttc.embed), 'floor', fmt(ttc.floor), 'ratio', ttc.ratio);

// ---------- 2b. time to card on the mobile profile ----------
let mobile = null;
if (want('mobile')) {
  mobile = await mobileBench({ newPage: () => newPage({ init: false }), origin: ORIGIN, runs: N.mobile, stats, log, generated, head: HEAD, script: SCRIPT, floorPath: '/bench/floor.html' });
}

// ---------- 3. interaction latency ----------
// Inside the page: input -> wait until the DOM shows the change (checked
// synchronously, then on every mutation and every 1 ms) -> forced layout.
const INTERACT = async ({ kind, n, warm, runtime }) => {
  const sr = document.querySelector('spoiler-card').shadowRoot;
  const waitFor = (cond, what = kind) => new Promise((resolve, reject) => {
    if (cond()) return resolve();
    let iv = 0; const start = performance.now();
    const mo = new MutationObserver(() => { if (cond()) { mo.disconnect(); clearInterval(iv); resolve(); } });
    mo.observe(sr, { subtree: true, childList: true, attributes: true, characterData: true });
    iv = setInterval(() => {
      if (cond()) { mo.disconnect(); clearInterval(iv); resolve(); }
      else if (performance.now() - start > 10000) { mo.disconnect(); clearInterval(iv); reject(new Error(`timed out waiting for ${what}`)); }
    }, 1);
  });
  const layout = () => sr.querySelector('.card').getBoundingClientRect();
  const idle = () => new Promise((r) => setTimeout(r, 0));
  const times = []; const warmup = [];
  const values = [Math.round(runtime / 4), Math.round((3 * runtime) / 4)];
  const count = () => sr.querySelector('#sc-panel-timeline .hidden-count')?.textContent ?? '';
  if ((kind === 'progress' || kind === 'showMore') && sr.getElementById('sc-tab-timeline').getAttribute('aria-selected') !== 'true') {
    sr.getElementById('sc-tab-timeline').click(); // the progress change is timed with the timeline shown
    await waitFor(() => sr.querySelector('#sc-panel-timeline ol.timeline'), 'timeline tab');
    await idle();
  }
  for (let i = 0; i < n + warm; i++) {
    let t0; let t1;
    if (kind === 'reveal') {
      const gate = sr.querySelector('button.gate');
      if (!gate) throw new Error('no gate to reveal');
      t0 = performance.now();
      gate.click();
      await waitFor(() => sr.querySelector('#sc-plot.revealed'));
      layout(); t1 = performance.now();
      await idle();
      sr.querySelector('#sc-plot .hide').click(); // reset, not timed
      await waitFor(() => sr.querySelector('button.gate'), 'gate after hide');
      layout();
    } else if (kind === 'tab') {
      const target = i % 2 === 0 ? 'characters' : 'timeline';
      const tab = sr.getElementById(`sc-tab-${target}`);
      t0 = performance.now();
      tab.click();
      await waitFor(() => {
        const p = sr.getElementById(`sc-panel-${target}`);
        return tab.getAttribute('aria-selected') === 'true' && p && !p.hidden && p.children.length > 0;
      });
      layout(); t1 = performance.now();
    } else if (kind === 'showMore') {
      // "Show 50 more" under the timeline: 50 more rows each time.
      const before = sr.querySelectorAll('#sc-panel-timeline li.event').length;
      const button = sr.querySelector('#sc-panel-timeline .show-more button');
      if (!button) break; // the whole list is shown
      t0 = performance.now();
      button.click();
      await waitFor(() => sr.querySelectorAll('#sc-panel-timeline li.event').length > before);
      layout(); t1 = performance.now();
    } else if (kind === 'progress') {
      const slider = sr.getElementById('sc-progress');
      const v = values[i % 2];
      const text = sr.getElementById('sc-progress-text');
      const before = text.textContent;
      const countBefore = count();
      t0 = performance.now();
      slider.value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await waitFor(() => sr.getElementById('sc-progress-text').textContent !== before
        && (countBefore === '' || count() !== countBefore));
      layout(); t1 = performance.now();
    }
    if (i >= warm) times.push(t1 - t0); else warmup.push(t1 - t0);
    await idle();
  }
  return { times, warmup };
};

const interactions = [];
const movies = !want('inter') ? [] : [
  { name: 'example (Leaving Las Vegas: 20 events, 8 characters)', key: 'example', path: '/bench/one-eager.html', runtime: example.runtime_minutes, events: example.timeline.length },
  { name: 'synthetic (1,000 events, 200 characters)', key: 'synthetic', path: '/bench/synthetic-eager.html', runtime: 120, events: 1000 },
];
/** A fresh page with the movie's card rendered, in `state`. */
async function interactionPage(movie, state) {
  const page = await newPage({ init: false });
  await page.goto(`${ORIGIN}${movie.path}`);
  await page.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('li.event'), null, { timeout: 30000 });
  if (state === 'revealed') {
    await page.evaluate(async () => {
      const sr = document.querySelector('spoiler-card').shadowRoot;
      [...sr.querySelectorAll('.reveal-bar button')].find((b) => /show everything/i.test(b.textContent)).click();
      while (sr.querySelector('li.event.gated')) await new Promise((r) => setTimeout(r, 5));
    });
  }
  return page;
}

/**
 * The first opening of Characters, one sample per fresh page (its panel is
 * built with code never run before on that page): by a bare click, or as a
 * reader makes it — the pointer reaches the tab list (which builds the
 * panels, hidden) and the press lands 100 ms later, a quick tap.
 */
async function firstOpenings(movie, state, rate, { hover }) {
  const samples = [];
  while (samples.length < N.firstOpen) {
    const page = await interactionPage(movie, state);
    await page.cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (hover) {
      await page.locator('spoiler-card #sc-tab-characters').hover();
      await sleep(100);
    }
    const { warmup } = await page.evaluate(INTERACT, { kind: 'tab', n: 0, warm: 1, runtime: movie.runtime });
    samples.push(warmup[0]);
    noteErrors(`first open${hover ? ' after hover' : ''} ${movie.key} ${state}`, page);
    await page.close2();
  }
  return stats(samples);
}

for (const movie of movies) {
  for (const state of ['gated', 'revealed']) {
    for (const rate of [1, 4]) {
      const page = await interactionPage(movie, state);
      const counts = await page.evaluate(() => {
        const sr = document.querySelector('spoiler-card').shadowRoot;
        return { events: sr.querySelectorAll('li.event').length, gated: sr.querySelectorAll('li.event.gated').length };
      });
      counts.total = movie.events;
      await page.cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const row = { movie: movie.key, state, throttle: rate, ...counts };
      for (const kind of ['reveal', 'tab', 'progress']) {
        // The tab warm-up round opens Characters for the first time; the
        // timed switches show panels kept from before (first openings are
        // measured on fresh pages below).
        const { times } = await page.evaluate(INTERACT, { kind, n: N.inter, warm: N.warm, runtime: movie.runtime });
        row[kind] = stats(times);
      }
      // Last, as it grows the list for good: as many pages as the list has
      // (19 for 1,000 events), not N.inter.
      if (movie.events > LIST_PAGE) {
        const pages = Math.ceil(movie.events / LIST_PAGE) - 1;
        const { times } = await page.evaluate(INTERACT, { kind: 'showMore', n: pages - N.warm, warm: N.warm, runtime: movie.runtime });
        row.showMore = stats(times);
      }
      await page.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      noteErrors(`interactions ${movie.key} ${state}`, page);
      await page.close2();
      row.tabFirstOpen = await firstOpenings(movie, state, rate, { hover: false });
      row.tabFirstOpenAfterHover = await firstOpenings(movie, state, rate, { hover: true });
      interactions.push(row);
      log('interactions', movie.key, state, `${rate}x`, `reveal ${fmtShort(row.reveal)} tab ${fmtShort(row.tab)} first open ${fmtShort(row.tabFirstOpen)} (after hover ${fmtShort(row.tabFirstOpenAfterHover)}) progress ${fmtShort(row.progress)}${row.showMore ? ` show more ${fmtShort(row.showMore)}` : ''}`);
    }
  }
}

// ---------- 4. 1,000-event render: card vs plain JS ----------
log(`render cost: ${N.render} x the card and plain JS building the same DOM, for the 1,000-event movie`);
const RENDER = async ({ reps, page }) => {
  const movie = await (await fetch('/bench/synthetic-1000.json')).json();
  const sheets = document.querySelector('spoiler-card').shadowRoot.adoptedStyleSheets;
  const box = document.createElement('div');
  document.body.append(box);
  const waitFor = (root, cond) => new Promise((resolve) => {
    if (cond()) return resolve();
    let iv = 0;
    const mo = new MutationObserver(() => { if (cond()) { mo.disconnect(); clearInterval(iv); resolve(); } });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    iv = setInterval(() => { if (cond()) { mo.disconnect(); clearInterval(iv); resolve(); } }, 1);
  });
  const idle = () => new Promise((r) => setTimeout(r, 20));
  const newCard = () => {
    const host = document.createElement('spoiler-card');
    host.setAttribute('eager', '');
    host.setAttribute('progress', String(movie.runtime_minutes)); // every event within progress
    host.movie = movie;
    return host;
  };
  const firstPageListed = (sr) => () => sr.querySelectorAll('li.event:not(.gated)').length === page && sr.querySelector('.show-more');
  // The card's rendered DOM as plain data: [namespace, tag, attributes,
  // input value, children] or a text.
  const describe = (node) => (node.nodeType === Node.TEXT_NODE ? node.data
    : [node.namespaceURI, node.localName, [...node.attributes].map((a) => [a.name, a.value]), node.value, [...node.childNodes].map(describe)]);
  const build = (d) => {
    if (typeof d === 'string') return document.createTextNode(d);
    const [ns, tag, attributes, value, children] = d;
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of attributes) e.setAttribute(k, v);
    for (const c of children) e.append(build(c));
    if (tag === 'input') e.value = value;
    return e;
  };
  // A reference card: its DOM with the first page listed, then with every event listed.
  const ref = newCard();
  box.append(ref);
  await waitFor(ref.shadowRoot, firstPageListed(ref.shadowRoot));
  const firstPage = describe(ref.shadowRoot.firstChild);
  for (let button; (button = ref.shadowRoot.querySelector('#sc-panel-timeline .show-more button'));) {
    const before = ref.shadowRoot.querySelectorAll('li.event').length;
    button.click();
    await waitFor(ref.shadowRoot, () => ref.shadowRoot.querySelectorAll('li.event').length > before);
  }
  const allListed = describe(ref.shadowRoot.firstChild);
  const allCount = ref.shadowRoot.querySelectorAll('li.event').length;
  ref.remove();
  await idle();

  // The plain-JS baseline: a loop (recursive) that builds the given DOM
  // with createElement/setAttribute/createTextNode into a shadow root with
  // the card's adopted stylesheet, then forced layout.
  const plainBuild = (dom) => {
    const host = document.createElement('div');
    const t0 = performance.now();
    const sr = host.attachShadow({ mode: 'open' });
    sr.adoptedStyleSheets = sheets;
    sr.append(build(dom));
    box.append(host);
    sr.firstChild.getBoundingClientRect();
    const ms = performance.now() - t0;
    const html = sr.innerHTML;
    host.remove();
    return { ms, html };
  };
  const card = []; const plainSame = []; const plainAll = []; let cardHtml = ''; let plainHtml = '';
  for (let r = 0; r < reps; r++) {
    {
      const host = newCard();
      const t0 = performance.now();
      box.append(host);
      const sr = host.shadowRoot;
      await waitFor(sr, firstPageListed(sr));
      sr.firstChild.getBoundingClientRect();
      card.push(performance.now() - t0);
      cardHtml = sr.innerHTML;
      host.remove();
      await idle();
    }
    { const { ms, html } = plainBuild(firstPage); plainSame.push(ms); plainHtml = html; await idle(); }
    { const { ms } = plainBuild(allListed); plainAll.push(ms); await idle(); }
  }
  box.remove();
  return { card, plainSame, plainAll, allCount, sameDom: cardHtml === plainHtml, cardHtmlLength: cardHtml.length, plainHtmlLength: plainHtml.length };
};
let render;
if (want('render')) {
  const page = await newPage({ init: false });
  await page.goto(`${ORIGIN}/bench/one-eager.html`);
  await page.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('li.event'));
  const r = await page.evaluate(RENDER, { reps: N.render + 1, page: LIST_PAGE });
  for (const k of ['card', 'plainSame', 'plainAll']) r[k].shift(); // first round is warm-up
  render = { card: stats(r.card), plain: stats(r.plainSame), plainAll: stats(r.plainAll), listed: LIST_PAGE, allCount: r.allCount, sameDom: r.sameDom };
  if (!r.sameDom) problems.push(`render: the plain-JS DOM differs from the card's (${r.plainHtmlLength} vs ${r.cardHtmlLength} characters of HTML)`);
  if (r.allCount !== 1000) problems.push(`render: the reference card listed ${r.allCount} events after "Show more", not 1,000`);
  render.ratio = Math.round((render.card.median / render.plain.median) * 100) / 100;
  render.ratioAll = Math.round((render.card.median / render.plainAll.median) * 100) / 100;
  noteErrors('render', page);
  await page.close2();
  log('render 1000-event movie: card', fmt(render.card), 'plain JS same DOM', fmt(render.plain), 'ratio', render.ratio, 'plain JS all 1000 listed', fmt(render.plainAll), 'same DOM', render.sameDom);
}

// ---------- 5. scale ----------
const MEMORY = async (glue) => {
  let wasm = null;
  try { const exports = await (await import(glue)).default(); wasm = exports.memory.buffer.byteLength; } catch { /* not loaded */ }
  const cards = [...document.getElementsByTagName('spoiler-card')];
  return {
    wasm,
    started: cards.filter((c) => c.shadowRoot).length,
    rendered: cards.filter((c) => c.shadowRoot?.querySelector('.title')).length,
  };
};
const scale = [];
for (const n of want('scale') ? [1, 10, 50, 100] : []) {
  for (const mode of ['eager', 'lazy']) {
    const times = []; const heap = []; const wasm = []; const nodes = []; const failures = []; let started = 0; let rendered = 0;
    for (let r = 0; r < N.scale; r++) {
      const page = await newPage();
      await open(page, `${ORIGIN}/bench/scale-${n}-${mode}.html?n=${n}&lazy=${mode === 'lazy' ? 1 : 0}`);
      let b;
      try { b = await waitDone(page, 20000); } catch {
        // record what the page shows instead of the rendered cards, and go on
        const diag = await page.evaluate(() => {
          const tally = {};
          for (const c of document.getElementsByTagName('spoiler-card')) {
            const sr = c.shadowRoot;
            const k = !sr ? 'not started' : sr.querySelector('.title') ? 'rendered' : sr.querySelector('.loading') ? 'loading' : `other: ${sr.innerHTML.slice(0, 80)}`;
            tally[k] = (tally[k] ?? 0) + 1;
          }
          return JSON.stringify(tally);
        }).catch((e) => `page unreachable: ${e.message}`);
        problems.push(`scale ${n} ${mode}, load ${r + 1}: not done after 20 s (${diag}); sample left out`);
        failures.push(diag);
        noteErrors(`scale ${n} ${mode}`, page);
        await page.close2();
        continue;
      }
      times.push(b.done);
      await page.waitForTimeout(300);
      await page.cdp.send('HeapProfiler.collectGarbage');
      const m = await page.evaluate(MEMORY, `/embed/${glueName}`);
      await page.cdp.send('Performance.enable');
      const { metrics } = await page.cdp.send('Performance.getMetrics');
      const metric = (k) => metrics.find((x) => x.name === k)?.value;
      heap.push(metric('JSHeapUsedSize') / 1024 / 1024);
      nodes.push(metric('Nodes'));
      if (m.wasm != null) wasm.push(m.wasm / 1024 / 1024);
      started = m.started; rendered = m.rendered;
      noteErrors(`scale ${n} ${mode}`, page);
      await page.close2();
    }
    const row = { cards: n, mode, time: stats(times), jsHeapMB: stats(heap), wasmMB: wasm.length ? stats(wasm) : null, domNodes: stats(nodes), startedAfter300ms: started, renderedAfter300ms: rendered, failedLoads: failures.length };
    scale.push(row);
    log('scale', n, mode, fmt(row.time), `heap ${row.jsHeapMB.median} MB wasm ${row.wasmMB?.median} MB nodes ${row.domNodes.median} rendered ${rendered}`);
  }
}

// ---------- 6. validation of the worst documents ----------
let validation = null;
if (want('validation')) {
  validation = await validationBench({ dist: DIST, origin: ORIGIN, newPage: () => newPage({ init: false }), runs: N.validation, stats, log });
  log('validation worst: native', validation.worstNative, 'browser', validation.worstBrowser);
}

// ---------- 7. size ----------
const size = JSON.parse(readFileSync('target/size-report.json', 'utf8'));
const twiggy = twiggyTop(NAMED_WASM);
if (!twiggy) problems.push(`${NAMED_WASM} missing: no twiggy table`);

if (ONLY) {
  log(`BENCH_ONLY=${process.env.BENCH_ONLY}: no results written${problems.length ? `; problems: ${problems.join('; ')}` : ''}`);
  await browser.close();
  await server.close();
  process.exit(0);
}

// ---------- 8. charts ----------
const chartPage = await browser.newPage({ viewport: { width: 1000, height: 460 } });
async function png(svg, file, width, height) {
  await chartPage.setViewportSize({ width, height });
  await chartPage.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
  await chartPage.locator('svg').screenshot({ path: file });
}
await png(scaleChartSvg(scale), `${OUT}/scale.png`, 1000, 440);
await png(sizeChartSvg(size), `${OUT}/size.png`, 900, 360);
await chartPage.close();
await browser.close();
await server.close();

// ---------- 9. results ----------
const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
const machine = {
  nproc: Number(sh('nproc', [])) || cpus().length,
  model: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] ?? 'unknown',
  memTotal: (readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s*(.*)/) || [])[1],
  loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
};
const results = {
  date: new Date().toISOString(), quick: QUICK, machine, chromium: chromiumVersion, node: process.version,
  repetitions: N, size, twiggy, timeToCard: ttc, mobile, interactions, render, scale, validation, problems,
};
writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 2)); // raw figures first
writeReport(results, OUT);
log(`wrote ${OUT}/results.md, results.json, scale.png, size.png`);
