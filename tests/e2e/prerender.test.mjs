// End-to-end tests of prerendered cards (issue 12): examples/prerendered.html,
// whose cards `spoiler-card render` wrote at build time (scripts/post-build.mjs).
// The static card shows the facts, styled, with JavaScript off or the wasm
// blocked, and never a word of a spoiler; the live card takes its place
// without a layout shift, under the strict CSP; a click that came early is
// not lost; a failed request leaves the card readable, with a retry.
import { existsSync, readFileSync, mkdirSync, cpSync, writeFileSync } from 'node:fs';
import { hits, serve } from './server.mjs';
import {
  test, assert, assertEqual, openPage, piercedText, renderedText, accessibilityText, findInPage,
  spoilerOnlyWords, present, launchFirefox,
} from './lib.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const PAGE = '/examples/prerendered.html';
const FIRST = '#first spoiler-card';
const plotOf = (m) => [...m.spoilers.summary, ...(m.spoilers.ending ?? []), ...(m.spoilers.post_credits ?? [])];
const gatedOf = (m) => [...plotOf(m), ...m.timeline.flatMap((e) => [e.title, e.text]), ...m.characters.map((c) => c.arc?.text ?? '')];

const UI = [...readFileSync('src/strings.rs', 'utf8').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join(' ');

/**
 * The spoiler-only words of the first card's movie (nothing is within its
 * progress): words of its gated texts that are in none of its safe texts,
 * the card's own words (its UI strings, its markup's names), the page's
 * own text, or what the second card legitimately shows.
 */
async function spoilerWords(page) {
  const safe = await page.evaluate((sel) => {
    const parts = [document.body.innerText];
    // The second card's text, node by node (textContent would glue words).
    const second = document.querySelector('#second spoiler-card')?.shadowRoot;
    const walker = second && document.createTreeWalker(second, NodeFilter.SHOW_TEXT);
    while (walker?.nextNode()) parts.push(walker.currentNode.data);
    for (const el of document.querySelectorAll('*')) for (const a of el.attributes) parts.push(a.value);
    for (const el of document.querySelector(sel).shadowRoot.querySelectorAll('*')) {
      for (const name of ['class', 'id', 'part', 'role', 'for', 'type', 'aria-controls', 'aria-labelledby', 'aria-describedby']) parts.push(el.getAttribute(name) ?? '');
    }
    return parts.join(' ');
  }, FIRST);
  return spoilerOnlyWords(LLV, gatedOf(LLV), `${safe} ${UI}`);
}

/** Is the first card still the prerendered one (stamped root)? */
const prerendered = (page) => page.evaluate((sel) => {
  const root = document.querySelector(sel)?.shadowRoot;
  return !!root && [...root.children].some((n) => n.matches('.root[data-sc-version]'));
}, FIRST);

/** What the reader sees of the first card: its title and its look. */
const look = (page) => page.evaluate((sel) => {
  const root = document.querySelector(sel).shadowRoot;
  const card = root.querySelector('.card');
  const title = root.querySelector('.title');
  const style = getComputedStyle(card);
  const r = card.getBoundingClientRect();
  return {
    title: title?.textContent,
    chips: [...root.querySelectorAll('.chip')].map((c) => c.textContent),
    gate: !!root.querySelector('button.gate'),
    tabs: [...root.querySelectorAll('[role=tab]')].map((t) => t.textContent),
    styled: style.borderTopLeftRadius === '14px' && style.paddingTop === '24px',
    box: { width: Math.round(r.width), height: Math.round(r.height) },
  };
}, FIRST);

async function assertNoSpoiler(page, where) {
  const spoilers = await spoilerWords(page);
  assert(spoilers.length > 40, `enough spoiler words to check (${spoilers.length})`);
  for (const [what, text] of Object.entries({ dom: await piercedText(page), rendered: await renderedText(page), ax: await accessibilityText(page) })) {
    assertEqual(present(spoilers, text), [], `${where}: spoiler words in the ${what}`);
  }
  const sentence = LLV.spoilers.summary[1].split(/[.;]/)[0];
  assertEqual(await findInPage(page, sentence), false, `${where}: window.find`);
}

test('prerender: the page source holds the card and no word of a spoiler', async ({ origin }) => {
  const html = await (await fetch(`${origin}${PAGE}`)).text();
  assert(html.includes('<template shadowrootmode="open">'), 'a declarative shadow root');
  assert(!html.includes('application/json'), 'no inline data');
  // The card's part of the page, against the words of its UI and markup.
  const card = html.slice(html.indexOf('<spoiler-card'), html.indexOf('</spoiler-card>'));
  const names = [...card.matchAll(/ (?:class|id|part|role|for|type|src|href|aria-[a-z]+)="([^"]*)"/g)].map((m) => m[1]).join(' ');
  const spoilers = spoilerOnlyWords(LLV, gatedOf(LLV), `${UI} ${names}`);
  assert(spoilers.length > 40, `enough spoiler words (${spoilers.length})`);
  assertEqual(present(spoilers, card), [], 'spoiler words in the prerendered HTML');
  // The stylesheet it links is the one the build wrote.
  const href = card.match(/<link rel="stylesheet" href="\.\.\/embed\/([^"]+)"/)[1];
  assert(existsSync(`dist/embed/${href}`), `dist/embed/${href} exists`);
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
  assertEqual([ld['@type'], ld.name, ld.duration], ['Movie', LLV.title, 'PT1H51M'], 'JSON-LD');
});

test('prerender: with the .wasm blocked, the facts show, styled, and nothing spoils', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  try {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${origin}${PAGE}`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.title'), FIRST);
    await page.evaluate(() => document.fonts.ready);
    const seen = await look(page);
    assertEqual([seen.title, seen.chips, seen.gate, seen.styled], [LLV.title, LLV.genres, true, true], 'facts, chips, gate, styled');
    assertEqual(seen.tabs, ['Timeline', 'Characters', 'Similar titles', 'More'], 'tab labels');
    await assertNoSpoiler(page, 'wasm blocked');
    assert(await prerendered(page), 'still the prerendered card');
  } finally {
    await page.closeAll();
  }
});

test('prerender: without JavaScript, the same card, styled and spoiler-free', async ({ browser, origin }) => {
  const page = await openPage(browser, `${origin}${PAGE}`, { javaScriptEnabled: false });
  try {
    const seen = await look(page);
    assertEqual([seen.title, seen.gate, seen.styled], [LLV.title, true, true], 'facts, gate, styled');
    writeFileSync('target/e2e/prerendered-no-js.png', await page.locator(FIRST).screenshot());
    for (const [what, text] of Object.entries({ dom: await piercedText(page), ax: await accessibilityText(page) })) {
      assertEqual(present(await spoilerWords(page), text), [], `spoiler words in the ${what}`);
    }
  } finally {
    await page.closeAll();
  }
});

test('prerender: the live card takes over without a layout shift under the strict CSP, and reveals on click', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  try {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    hits.clear();
    const response = await page.goto(`${origin}/__csp${PAGE}`);
    assert((response.headers()['content-security-policy'] ?? '').includes("style-src 'self'"), 'served with the strict CSP');
    const before = await look(page);
    await page.waitForFunction((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return ![...root.children].some((n) => n.matches('.root[data-sc-version]')) && root.querySelector('.title');
    }, FIRST, { timeout: 15000 });
    const after = await look(page);
    assertEqual(after, before, 'the live card looks as the prerendered one did');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await page.evaluate(() => window.__shift);
    assert(shift <= 0.01, `cumulative layout shift ${shift}`);
    await page.locator(`${FIRST} button.gate`).click();
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), FIRST);
    const shown = present(await spoilerWords(page), await piercedText(page));
    assert(shown.length > 10, `the plot shows after the reveal (${shown.length} words)`);
    assertEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assertEqual(page.problems, [], 'uncaught errors');
    const css = [...hits].filter(([path]) => path.endsWith('.css') && path.includes('/embed/'));
    assertEqual(css.map(([, n]) => n), [1], `stylesheet requests (${JSON.stringify(css)})`);
  } finally {
    await page.closeAll();
  }
});

test('prerender: a click on the gate before the take-over reveals once the card is live; focus stays', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((r) => { release = r; });
  try {
    await page.route('**/movies/leaving-las-vegas.json', async (route) => { await held; await route.continue(); });
    await page.goto(`${origin}${PAGE}`);
    // The wasm is up (the element is defined), the data is not.
    await page.waitForFunction(() => customElements.get('spoiler-card'));
    assert(await prerendered(page), 'prerendered while the data is held');
    await page.locator(`${FIRST} button.gate`).click();
    assert(await prerendered(page), 'nothing happens before the card is live');
    release();
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), FIRST, { timeout: 15000 });
    const focus = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.id, FIRST);
    assertEqual(focus, 'sc-plot-heading', 'focus moved to the revealed plot, as a live click does');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    release();
    await page.closeAll();
  }
});

test('prerender: if the data cannot be fetched, the card stays readable with a retry inside it', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  let fail = true;
  try {
    await page.route('**/movies/leaving-las-vegas.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.goto(`${origin}${PAGE}`);
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.notice'), FIRST, { timeout: 15000 });
    const seen = await look(page);
    assertEqual([seen.title, seen.gate], [LLV.title, true], 'the prerendered card is still there');
    const notice = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.notice').textContent, FIRST);
    assert(notice.includes('HTTP 503') && notice.includes('Try again'), `the notice says what happened: ${notice}`);
    fail = false;
    await page.locator(`${FIRST} .notice button.retry`).click();
    await page.waitForFunction((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return ![...root.children].some((n) => n.matches('.root[data-sc-version]')) && root.querySelector('.title') && !root.querySelector('.notice');
    }, FIRST, { timeout: 15000 });
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});

test('prerender: an old page keeps its stylesheet when the site upgrades the bundle (hashed files kept)', async ({ browser }) => {
  // A site that published a page with an earlier bundle, then copied the
  // new embed folder over the old one, as the README says: the old
  // stylesheet is still there, under its own name.
  const site = 'target/e2e/upgraded-site';
  mkdirSync(`${site}/embed`, { recursive: true });
  const page = readFileSync(`dist${PAGE}`, 'utf8');
  const current = page.match(/href="\.\.\/embed\/(spoiler-card-[0-9a-f]{16}\.css)"/)[1];
  const old = 'spoiler-card-0000000000000000.css';
  cpSync(`dist/embed/${current}`, `${site}/embed/${old}`);
  cpSync('dist/embed', `${site}/embed`, { recursive: true });
  cpSync('dist/movies', `${site}/movies`, { recursive: true });
  mkdirSync(`${site}/examples`, { recursive: true });
  writeFileSync(`${site}/examples/old.html`, page.replaceAll(current, old));
  const server = await serve(site);
  const tab = await openPage(browser, null);
  try {
    await tab.route('**/*.wasm', (route) => route.abort()); // the old page as it paints
    await tab.goto(`${server.origin}/examples/old.html`);
    const seen = await look(tab);
    assert(seen.styled, 'the old page is styled by its own stylesheet');
  } finally {
    await tab.closeAll();
    await server.close();
  }
});

test('prerender: in Firefox ESR too (WebDriver BiDi): painted static, then live, reveals on click', async ({ origin }) => {
  const firefox = await launchFirefox();
  try {
    const page = await firefox.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}${PAGE}`);
    const staticTitle = await page.evaluate((sel) => document.querySelector(sel).shadowRoot?.querySelector('.title')?.textContent, FIRST);
    assertEqual(staticTitle, LLV.title, 'the declarative shadow root painted the title');
    await page.waitForFunction((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return ![...root.children].some((n) => n.matches('.root[data-sc-version]')) && root.querySelector('button.gate');
    }, { timeout: 20000 }, FIRST);
    await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('button.gate').click(), FIRST);
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), { timeout: 10000 }, FIRST);
    const styled = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.card')).borderTopLeftRadius, FIRST);
    assertEqual(styled, '14px', 'styled in Firefox');
    assertEqual(errors, [], 'uncaught errors in Firefox');
  } finally {
    await firefox.close();
  }
});
