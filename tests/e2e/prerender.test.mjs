// End-to-end tests of prerendered cards (issue 12): examples/prerendered.html,
// whose cards `spoiler-card render` wrote at build time (scripts/post-build.mjs).
// The static card shows the facts, styled, with JavaScript off or the wasm
// blocked, and never a word of a spoiler; the live card takes its place
// without a layout shift, under the strict CSP; a click that came early is
// not lost; a failed request leaves the card readable, with a retry.
import { existsSync, readFileSync, mkdirSync, cpSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { generated, hits, serve } from './server.mjs';
import {
  test, assert, assertEqual, openPage, piercedText, renderedText, accessibilityText, findInPage,
  spoilerOnlyWords, present, launchFirefox, UI_TEXT, DIST,
} from './lib.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const PAGE = '/examples/prerendered.html';
const FIRST = '#first spoiler-card';
const plotOf = (m) => [...m.spoilers.summary, ...(m.spoilers.ending ?? []), ...(m.spoilers.post_credits ?? [])];
const gatedOf = (m) => [...plotOf(m), ...m.timeline.flatMap((e) => [e.title, e.text]), ...m.characters.map((c) => c.arc?.text ?? '')];

const UI = UI_TEXT;
// The card's English words: what a pressed prerendered gate says.
const EN = JSON.parse(readFileSync('assets/locales/en.json', 'utf8'));
const [OPENING, NEEDS_SCRIPT] = [EN.opening, EN.needs_script];

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

/** Has the first card's live card taken its place? */
const taken = (sel = FIRST) => (s) => {
  const root = document.querySelector(s)?.shadowRoot;
  return !!root && ![...root.children].some((n) => n.matches('.root[data-sc-version]')) && !!root.querySelector('.title');
};

/** The titles of the first card's events a reader can see. */
const eventTitles = (page) => page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.event-title')].map((e) => e.textContent), FIRST);

/**
 * A server for dist/ whose .wasm answers only on `release()`: the page has
 * its HTML, stylesheet and scripts, and no live card yet, for as long as a
 * test needs (without request interception, which turns off the cache).
 */
const wasmHeld = () => serve(DIST, { hold: (path) => path.endsWith('.wasm') });

/**
 * A server for dist/ that holds every script of the embed folder (the
 * loader spoiler-card.js, the glue, its snippets) and the .wasm until
 * `release()`: the page has its HTML, the prerendered card and its
 * stylesheet, and no script of the card has run.
 */
const scriptsHeld = () => serve(DIST, { hold: (path) => /\/embed\/.*\.(js|wasm)$/.test(path) });

/** Opens `url` and waits for the first card's title to be painted (no script needed). */
async function atFirstPaint(page, url) {
  const loading = page.goto(url, { waitUntil: 'commit' });
  await loading;
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.title'), FIRST);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
}

/**
 * The loader's first statement has run (from then on a press on any button
 * is kept), the wasm not: a test-only hook notes the loader's capture
 * listener being added.
 */
async function noteLoaderRan(page) {
  await page.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (this === window && type === 'click' && options === true) window.__loaderRan = true;
      return add.call(this, type, listener, options);
    };
  });
}
const loaderRanNoWasm = (page) => page.waitForFunction(() => window.__loaderRan === true && !customElements.get('spoiler-card'));

/**
 * What the first card shows of a press not yet taken: the gate's and the
 * events' pending texts on screen, the label in their place, and whether
 * the focused tab is drawn pending.
 */
const pendingLook = (page) => page.evaluate((sel) => {
  const root = document.querySelector(sel).shadowRoot;
  const shown = (node) => !!node && node.getClientRects().length > 0 && getComputedStyle(node).visibility === 'visible' && parseFloat(getComputedStyle(node).fontSize) > 0;
  const texts = (selector) => [...root.querySelectorAll(selector)].filter(shown).map((n) => n.textContent);
  return {
    gate: texts('.gate .opening, .gate .needs-script, .gate .gate-label'),
    events: texts('.reveal .opening, .reveal .needs-script'),
    // (Dashed: the still look, which reduced motion keeps.)
    tab: [...root.querySelectorAll('.tab')].filter((t) => getComputedStyle(t).borderBottomStyle === 'dashed').map((t) => t.textContent),
  };
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
    gate: !!root.querySelector('.gate'),
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
    // No control that needs script shows (the slider, the other tabs,
    // "Show everything"): only the <summary>s, which say why they cannot
    // open, and the selected tab, which names the panel.
    const controls = await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('button, summary, input, select, a[href]')]
      .filter((n) => n.getClientRects().length > 0).map((n) => `${n.localName}.${n.className}`), FIRST);
    const reveals = LLV.timeline.length;
    assertEqual([...new Set(controls)], ['summary.gate', 'button.tab', 'summary.reveal'], 'the controls on show');
    assertEqual(controls.length, 2 + reveals, `one summary per event (${reveals}), the gate and the selected tab`);
    await page.locator(`${FIRST} .gate`).click();
    await page.locator(`${FIRST} .reveal`).first().click();
    assertEqual(await pendingLook(page), { gate: [NEEDS_SCRIPT], events: [NEEDS_SCRIPT], tab: [] }, 'opened, they say at once that revealing needs JavaScript');
    writeFileSync('target/e2e/prerendered-no-js.png', await page.locator(FIRST).screenshot());
    for (const [what, text] of Object.entries({ dom: await piercedText(page), ax: await accessibilityText(page) })) {
      assertEqual(present(await spoilerWords(page), text), [], `spoiler words in the ${what}`);
    }
  } finally {
    await page.closeAll();
  }
});

test('prerender: the live card takes over without a layout shift under the strict CSP, and reveals on click', async ({ browser }) => {
  const server = await wasmHeld();
  const page = await openPage(browser, null);
  try {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    hits.clear();
    const response = await page.goto(`${server.origin}/__csp${PAGE}`);
    assert((response.headers()['content-security-policy'] ?? '').includes("style-src 'self'"), 'served with the strict CSP');
    await page.evaluate(() => document.fonts.ready);
    assert(await prerendered(page), 'the look before is the prerendered card\'s');
    const before = await look(page);
    server.release();
    await page.waitForFunction(taken(), FIRST, { timeout: 15000 });
    const after = await look(page);
    assertEqual(after, before, 'the live card looks as the prerendered one did');
    assertEqual(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('link').length, FIRST), 0, 'the live card\'s own sheet, adopted; the link gone');
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
    await server.close();
  }
});

test('prerender: a click on the gate before the wasm runs reveals once the card is live', async ({ browser }) => {
  const server = await wasmHeld();
  const page = await openPage(browser, null);
  try {
    await noteLoaderRan(page);
    await page.goto(`${server.origin}${PAGE}`);
    await loaderRanNoWasm(page);
    await page.locator(`${FIRST} .gate`).click();
    // A click elsewhere in the card afterwards does not erase it.
    await page.locator(`${FIRST} .synopsis`).click();
    assert(await prerendered(page), 'nothing happens before the card is live');
    server.release();
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), FIRST, { timeout: 15000 });
    // (Focus moves in an effect, which may run a task after the render.)
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.activeElement?.id === 'sc-plot-heading', FIRST, { timeout: 5000 }).catch(() => {});
    const focus = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.id, FIRST);
    assertEqual(focus, 'sc-plot-heading', 'focus moved to the revealed plot, as a live click does');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
    await server.close();
  }
});

// Issue 23: the first moments after the card paints are when a reader who
// has seen the film presses. Every script of the card is held back, so
// that only the page's own HTML and the stylesheet can keep the press.

/** The first card once live: its selected tab, the plot, the events shown, focus. */
const liveState = (page) => page.evaluate((sel) => {
  const root = document.querySelector(sel).shadowRoot;
  return {
    tab: root.querySelector('[role=tab][aria-selected=true]')?.id,
    plot: !!root.querySelector('#sc-plot.revealed'),
    events: [...root.querySelectorAll('.event-title')].map((e) => e.textContent),
  };
}, FIRST);

test('prerender: presses at the first paint, before any script of the card arrived, show pending at once, spoil nothing, and are kept: the gate, an event (another opened and closed again), a tab', async ({ browser }) => {
  const server = await scriptsHeld();
  const page = await openPage(browser, null);
  try {
    await noteLoaderRan(page);
    await atFirstPaint(page, `${server.origin}${PAGE}`);
    const reveals = page.locator(`${FIRST} .reveal`);
    await page.locator(`${FIRST} .gate`).click();
    await reveals.nth(1).click();
    await reveals.nth(3).click();
    await reveals.nth(3).click();
    await page.locator(`${FIRST} #sc-tab-characters`).click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assertEqual(await pendingLook(page), { gate: [OPENING], events: [OPENING], tab: ['Characters'] }, 'pending at once, drawn by the stylesheet');
    await assertNoSpoiler(page, 'pending');
    const announced = Object.entries(EN).filter(([key]) => key.startsWith('announce_')).map(([, text]) => text);
    const ax = await accessibilityText(page);
    assertEqual(announced.filter((text) => ax.includes(text)), [], 'nothing announced as revealed (the accessibility tree)');
    assert(ax.includes(EN.opening), 'the pending word is in the accessibility tree');
    assertEqual(await page.evaluate(() => [!!customElements.get('spoiler-card'), !!window.__loaderRan]), [false, false], 'no script of the card ran, not even the loader');
    assert(await prerendered(page), 'still the prerendered card');
    server.release();
    await page.waitForFunction(taken(), FIRST, { timeout: 15000 });
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), FIRST, { timeout: 5000 });
    assertEqual(await liveState(page), { tab: 'sc-tab-characters', plot: true, events: [LLV.timeline[1].title] }, 'the plot, the event opened (not the one closed again) and the tab');
    const shown = present(await spoilerWords(page), await piercedText(page));
    assert(shown.length > 10, `the plot's words are there after the take-over (${shown.length})`);
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.activeElement?.id === 'sc-plot-heading', FIRST, { timeout: 5000 }).catch(() => {});
    assertEqual(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.id, FIRST), 'sc-plot-heading', 'focus moved to the plot, as a live reveal does');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
    await server.close();
  }
});

test('prerender: the same with real keys (Enter on the gate, Space on an event\'s reveal), on a phone\'s width; after 10 s "Opening…" gives way to "needs JavaScript", which fits, and the take-over still reveals', async ({ browser }) => {
  const server = await scriptsHeld();
  const page = await openPage(browser, null, { width: 360, height: 800 });
  try {
    await atFirstPaint(page, `${server.origin}${PAGE}`);
    await page.locator(`${FIRST} .gate`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${FIRST} .reveal`).nth(2).focus();
    await page.keyboard.press(' ');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assertEqual(await pendingLook(page), { gate: [OPENING], events: [OPENING], tab: [] }, 'pending at once');
    await page.waitForTimeout(10300);
    assertEqual(await pendingLook(page), { gate: [NEEDS_SCRIPT], events: [NEEDS_SCRIPT], tab: [] }, 'after 10 s, never "Opening…" for ever');
    // The longer words fit the card: nothing sticks out of the event's row
    // or the plot's box.
    const fits = await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const inside = (inner, outer) => { const a = inner.getBoundingClientRect(); const b = outer.getBoundingClientRect(); return a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5; };
      const open = [...root.querySelectorAll('details[open] > summary')];
      return open.map((summary) => {
        const text = summary.querySelector('.needs-script');
        return inside(text, summary.closest('.event-body, .veil')) && inside(summary.closest('.event-body, .veil'), root.querySelector('.card'));
      });
    }, FIRST);
    assertEqual(fits, [true, true], 'the 10 s words fit the gate and the event row');
    writeFileSync('target/e2e/prerendered-needs-script-360.png', await page.locator(FIRST).screenshot());
    await assertNoSpoiler(page, 'after 10 s');
    server.release();
    await page.waitForFunction(taken(), FIRST, { timeout: 15000 });
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), FIRST, { timeout: 5000 });
    assertEqual(await liveState(page), { tab: 'sc-tab-timeline', plot: true, events: [LLV.timeline[2].title] }, 'the plot and that event');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
    await server.close();
  }
});

test('prerender: once the loader has run, the last button pressed is kept without focus (a tab, then a click elsewhere; "Show everything"), drawn pending, and pressed on the live card', async ({ browser }) => {
  for (const what of ['tab', 'everything']) {
    const server = await wasmHeld();
    const page = await openPage(browser, null);
    try {
      await noteLoaderRan(page);
      await page.goto(`${server.origin}${PAGE}`);
      await loaderRanNoWasm(page);
      if (what === 'tab') {
        await page.locator(`${FIRST} #sc-tab-similar`).click();
        await page.locator(`${FIRST} .synopsis p`).click();
        const focus = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.id ?? null, FIRST);
        assert(focus !== 'sc-tab-similar', 'focus left the tab');
        assertEqual((await pendingLook(page)).tab, ['Similar titles'], 'the tab drawn pending');
      } else {
        await page.locator(`${FIRST} .reveal-bar .button`).click();
        const marked = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.reveal-bar .button').hasAttribute('data-sc-pending'), FIRST);
        assert(marked, '"Show everything" marked pending');
        await assertNoSpoiler(page, 'pressed, not yet live');
      }
      server.release();
      await page.waitForFunction(taken(), FIRST, { timeout: 15000 });
      const expected = what === 'tab'
        ? { tab: 'sc-tab-similar', plot: false, events: [] }
        : { tab: 'sc-tab-timeline', plot: false, events: LLV.timeline.map((e) => e.title) };
      await page.waitForFunction(([sel, n]) => document.querySelector(sel).shadowRoot.querySelectorAll('.event-title').length === n, [FIRST, expected.events.length], { timeout: 5000 }).catch(() => {});
      assertEqual(await liveState(page), expected, `${what}: pressed on the live card`);
      assertEqual(page.problems, [], 'uncaught errors');
    } finally {
      await page.closeAll();
      await server.close();
    }
  }
});

test('prerender: the control pressed or focused early is the one the live card presses or focuses, and a moved slider keeps its minute', async ({ browser }) => {
  const server = await wasmHeld();
  const page = await openPage(browser, null);
  const reveals = page.locator(`${FIRST} .reveal`);
  try {
    await noteLoaderRan(page);
    await page.goto(`${server.origin}${PAGE}`);
    await loaderRanNoWasm(page);
    // The third of many "Spoiler — reveal" (a <summary>; the live card's
    // button is told apart by the event's hash).
    await reveals.nth(2).click();
    server.release();
    await page.waitForFunction(taken(), FIRST, { timeout: 15000 });
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.event-title'), FIRST);
    assertEqual(await eventTitles(page), [LLV.timeline[2].title], 'that event, and only it, revealed');
  } finally {
    await page.closeAll();
    await server.close();
  }
  // Focus on a control without an id, and the slider moved by keys.
  let moved = null;
  for (const what of ['focus', 'slider']) {
    const held = await wasmHeld();
    const tab = await openPage(browser, null);
    try {
      await noteLoaderRan(tab);
      await tab.goto(`${held.origin}${PAGE}`);
      await loaderRanNoWasm(tab);
      if (what === 'focus') {
        await tab.locator(`${FIRST} .reveal`).nth(4).focus();
      } else {
        await tab.locator(`${FIRST} #sc-progress`).focus();
        for (let i = 0; i < 3; i += 1) await tab.keyboard.press('PageUp');
        moved = await tab.locator(`${FIRST} #sc-progress`).inputValue();
        assert(Number(moved) > 20, `the static slider moves (${moved})`);
      }
      held.release();
      await tab.waitForFunction(taken(), FIRST, { timeout: 15000 });
      // (The carried minute is a state change of its own, maybe a task later.)
      if (what !== 'focus') {
        await tab.waitForFunction(([sel, v]) => document.querySelector(sel).shadowRoot.querySelector('#sc-progress').value === v, [FIRST, moved], { timeout: 5000 }).catch(() => {});
      }
      await tab.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); }));
      const state = await tab.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const active = root.activeElement;
        return {
          index: [...root.querySelectorAll('button.reveal')].indexOf(active),
          id: active?.id ?? null,
          value: root.querySelector('#sc-progress').value,
          events: root.querySelectorAll('.event-title').length,
        };
      }, FIRST);
      if (what === 'focus') {
        assertEqual([state.index, state.value], [4, '0'], 'the same reveal button has focus');
      } else {
        const due = LLV.timeline.filter((e) => e.at_minute <= Number(moved)).length;
        assertEqual([state.id, state.value, state.events], ['sc-progress', moved, due], 'the slider keeps focus and its minute; the events up to it show');
      }
      assertEqual(tab.problems, [], 'uncaught errors');
    } finally {
      await tab.closeAll();
      await held.close();
    }
  }
});

/**
 * Opens `path` on a fresh server for `root` and the hinted files' request
 * counts and the console's warnings about preloads, 5 s after the card is
 * live (Chromium says "preloaded … but not used" about 3 s after load).
 */
async function preloadsOf(browser, path) {
  const server = await serve(DIST);
  const page = await openPage(browser, null);
  const warnings = [];
  page.on('console', (m) => { if (/preload/i.test(m.text())) warnings.push(m.text()); });
  try {
    hits.clear();
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(taken('spoiler-card'), 'spoiler-card', { timeout: 15000 });
    await page.waitForTimeout(5000);
    const hinted = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));
    return { hinted, requests: hinted.map((p) => hits.get(p) ?? 0), warnings, problems: page.problems };
  } finally {
    await page.closeAll();
    await server.close();
  }
}

test('prerender: the fragment\'s hints start the loader, the .wasm and an eager card\'s JSON with the page; each is requested once and used (no "preloaded but not used" 5 s on)', async ({ browser }) => {
  const manifest = JSON.parse(readFileSync(`${DIST}/embed/manifest.json`, 'utf8'));
  const fragment = execFileSync('target/release/spoiler-card', ['render', 'assets/movies/leaving-las-vegas.json', '--src', '/movies/leaving-las-vegas.json',
    '--embed', '/embed/', '--eager', '--manifest', `${DIST}/embed/manifest.json`], { encoding: 'utf8' });
  const page = (hints) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hints</title>
<script type="module" src="/embed/spoiler-card.js"></script></head><body>${hints}</body></html>`;
  generated.set('/__gen/hints.html', page(fragment));
  const seen = await preloadsOf(browser, '/__gen/hints.html');
  assertEqual(seen.hinted, ['/embed/spoiler-card.js', `/embed/${manifest.wasm}`, '/movies/leaving-las-vegas.json'], 'the hints: the loader, the .wasm, the JSON');
  assertEqual(seen.requests, [1, 1, 1], 'each hinted file requested once');
  assertEqual(seen.warnings, [], 'console warnings about preloads');
  assertEqual(seen.problems, [], 'uncaught errors');
  // The check can fail: a .wasm hint that does not match the loader's
  // fetch (no crossorigin) is fetched twice and warned about.
  generated.set('/__gen/hints-mismatched.html', page(fragment.replace(' type="application/wasm" crossorigin>', ' type="application/wasm">')));
  const mismatched = await preloadsOf(browser, '/__gen/hints-mismatched.html');
  assert(mismatched.requests[1] === 2 || mismatched.warnings.length > 0, `a mismatched hint is caught: ${JSON.stringify(mismatched)}`);
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
    // A press on the gate now: the notice says what is wrong; no "Opening…".
    await page.locator(`${FIRST} .gate`).click();
    assertEqual((await pendingLook(page)).gate, [EN.plot_gate], 'the gate under a notice gives way to it');
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

test('prerender: a take-over after a notice keeps the author\'s progress the author\'s (nothing stored) and the slider where it was', async ({ browser, origin }) => {
  // The second card has progress="40": its notice holds the live card
  // inside the prerendered one until "Try again" brings the data.
  const SECOND = '#second spoiler-card';
  const page = await openPage(browser, null);
  let fail = true;
  try {
    await page.route('**/movies/the-sixth-sense.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.goto(`${origin}${PAGE}`);
    await page.locator(SECOND).scrollIntoViewIfNeeded();
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.notice'), SECOND, { timeout: 15000 });
    fail = false;
    await page.locator(`${SECOND} .notice button.retry`).click();
    await page.waitForFunction(taken(SECOND), SECOND, { timeout: 15000 });
    await page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); }));
    const state = await page.evaluate((sel) => ({
      slider: document.querySelector(sel).shadowRoot.querySelector('input[type=range]').value,
      stored: Object.keys(localStorage).filter((key) => key.includes('spoiler')),
    }), SECOND);
    assertEqual(state, { slider: '40', stored: [] }, 'the author\'s progress shows and is not stored as the reader\'s');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});

test('prerender: an eager prerendered card with a bad movie property shows its notice from the start', async ({ browser, origin }) => {
  const fragment = readFileSync(`dist${PAGE}`, 'utf8').match(/<spoiler-card src="\.\.\/movies\/leaving-las-vegas\.json"[\s\S]*?<\/spoiler-card>/)[0]
    .replace('<spoiler-card ', '<spoiler-card eager id="bad" ');
  // The property is set before the element is defined: the card mounts
  // while the engine defines the element.
  generated.set('/__gen/eager-bad.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eager</title></head><body>
    <div>${fragment.replaceAll('../embed/', '/embed/').replaceAll('../movies/', '/movies/')}</div>
    <script>document.querySelector('#bad').movie = { schema: 1, id: 'x' };</script>
    <script type="module" src="/embed/spoiler-card.js"></script></body></html>`);
  const page = await openPage(browser, `${origin}/__gen/eager-bad.html`);
  try {
    await page.waitForFunction(() => document.querySelector('#bad').shadowRoot.querySelector('.notice'), null, { timeout: 15000 });
    const seen = await page.evaluate(() => {
      const root = document.querySelector('#bad').shadowRoot;
      return { prerendered: [...root.children].some((n) => n.matches('.root[data-sc-version]')), notice: root.querySelector('.notice').textContent };
    });
    assert(seen.prerendered && /title/.test(seen.notice), `the published card stays, with a notice that names the problem: ${JSON.stringify(seen)}`);
  } finally {
    await page.closeAll();
  }
});

test('prerender: an old page keeps its stylesheet when the site upgrades the bundle, and the live card brings the new one', async ({ browser }) => {
  // A site that published a page with an earlier bundle, then copied the
  // new embed folder over the old one, as the README says: the old
  // stylesheet is still there, under its own name. (The old one here
  // draws an outline the new one does not.)
  const site = 'target/e2e/upgraded-site';
  mkdirSync(`${site}/embed`, { recursive: true });
  const page = readFileSync(`dist${PAGE}`, 'utf8');
  const current = page.match(/href="\.\.\/embed\/(spoiler-card-[0-9a-f]{16}\.css)"/)[1];
  const old = 'spoiler-card-0000000000000000.css';
  cpSync('dist/embed', `${site}/embed`, { recursive: true });
  writeFileSync(`${site}/embed/${old}`, `${readFileSync(`dist/embed/${current}`, 'utf8')}.card{outline:3px solid rgb(200, 0, 0)}`);
  cpSync('dist/movies', `${site}/movies`, { recursive: true });
  mkdirSync(`${site}/examples`, { recursive: true });
  writeFileSync(`${site}/examples/old.html`, page.replaceAll(current, old));
  const server = await serve(site, { hold: (path) => path.endsWith('.wasm') });
  const tab = await openPage(browser, `${server.origin}/examples/old.html`);
  const outline = () => tab.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.card')).outlineStyle, FIRST);
  try {
    await tab.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.title'), FIRST);
    const before = await look(tab);
    assert(before.styled, 'the old page is styled by its own stylesheet');
    assertEqual(await outline(), 'solid', 'by the old one');
    server.release();
    await tab.waitForFunction(taken(), FIRST, { timeout: 15000 });
    const after = await look(tab);
    assert(after.styled, 'the live card is styled');
    assertEqual(await outline(), 'none', 'by the new stylesheet, the old link gone');
  } finally {
    await tab.closeAll();
    await server.close();
  }
});

test('prerender: a static card (render --static) stays as published on a page that runs the embed', async ({ browser, origin }) => {
  const cli = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';
  const fragment = execFileSync(cli, ['render', 'assets/movies/leaving-las-vegas.json', '--static', '--embed', '/embed/'], { encoding: 'utf8' });
  generated.set('/__gen/static.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
    <script type="module" src="/embed/spoiler-card.js"></script></head><body>
    <div id="static">${fragment}</div>
    <spoiler-card id="live" src="/movies/the-sixth-sense.json" eager></spoiler-card></body></html>`);
  const page = await openPage(browser, `${origin}/__gen/static.html`);
  try {
    // The engine ran (the other card is live) and left the static one alone.
    await page.waitForFunction(() => document.querySelector('#live').shadowRoot?.querySelector('.title'));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const state = await page.evaluate(() => {
      const root = document.querySelector('#static spoiler-card').shadowRoot;
      return {
        stamped: [...root.children].some((n) => n.matches('.root[data-sc-version]')),
        title: root.querySelector('.title')?.textContent,
        notice: root.querySelector('.notice, .error-box')?.textContent ?? null,
      };
    });
    assertEqual(state, { stamped: true, title: LLV.title, notice: null }, 'as published, no notice');
    assertEqual([page.problems, page.consoleErrors], [[], []], 'no error, none logged');
  } finally {
    await page.closeAll();
  }
});

test('prerender: a trap before the take-over leaves the card readable, with the restart inside it', async ({ browser, origin }) => {
  const { armableTrap } = await import('./trap.test.mjs');
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((r) => { release = r; });
  try {
    await page.addInitScript(armableTrap);
    await page.route('**/movies/leaving-las-vegas.json', async (route) => { await held; await route.continue(); });
    await page.goto(`${origin}${PAGE}`);
    await page.waitForFunction(() => customElements.get('spoiler-card'));
    // The reader pressed the gate while the data was on its way: pending.
    await page.locator(`${FIRST} .gate`).click();
    assertEqual((await pendingLook(page)).gate, [OPENING], 'pending before the trap');
    await page.evaluate((sel) => { globalThis.__trapNext = true; document.querySelector(sel).setAttribute('progress', '5'); }, FIRST);
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.stopped'), FIRST);
    const seen = await look(page);
    assertEqual([seen.title, seen.gate, seen.styled], [LLV.title, true, true], 'the published card is still there');
    assertEqual((await pendingLook(page)).gate, [EN.plot_gate], 'the stopped box says what is wrong: no "Opening…"');
    assert(await prerendered(page), 'not replaced by the box');
    // The data comes back to the stopped instance: it no longer owns the card.
    const answered = page.waitForResponse('**/movies/leaving-las-vegas.json');
    release();
    await answered;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert(await prerendered(page) && await page.evaluate((sel) => !!document.querySelector(sel).shadowRoot.querySelector('.stopped'), FIRST), 'the stopped instance did not take the card over');
    await page.locator(`${FIRST} .stopped button.retry`).click();
    await page.waitForFunction(taken(), FIRST, { timeout: 15000 });
    assertEqual(await page.evaluate((sel) => !!document.querySelector(sel).shadowRoot.querySelector('.stopped'), FIRST), false, 'the box went with it');
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('#sc-plot.revealed'), FIRST, { timeout: 5000 });
  } finally {
    release();
    await page.closeAll();
  }
});

test('prerender: in Firefox ESR too (WebDriver BiDi): painted static; a press on the gate and a tab at the first paint, before any script, pending at once and kept; live, reveals', async () => {
  const server = await scriptsHeld();
  const firefox = await launchFirefox();
  try {
    const page = await firefox.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // (Every script is held: the load event waits for the loader.)
    const loading = page.goto(`${server.origin}${PAGE}`).catch((e) => e);
    await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.title'), { timeout: 15000 }, FIRST);
    const painted = await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return {
        title: root?.querySelector('.title')?.textContent,
        stamped: !!root && [...root.children].some((n) => n.matches('.root[data-sc-version]')),
        radius: root && getComputedStyle(root.querySelector('.card')).borderTopLeftRadius,
      };
    }, FIRST);
    assertEqual(painted, { title: LLV.title, stamped: true, radius: '14px' }, 'the declarative shadow root painted the card, styled');
    // (Puppeteer's >>> pierces the shadow root; real clicks, at the controls' centres.)
    await page.locator(`${FIRST} >>> .gate`).click();
    await (await page.$$(`${FIRST} >>> .reveal`))[1].click();
    await page.locator(`${FIRST} >>> #sc-tab-characters`).click();
    assertEqual(await pendingLook(page), { gate: [OPENING], events: [OPENING], tab: ['Characters'] }, 'pending at once');
    assertEqual(await page.evaluate(() => !!customElements.get('spoiler-card')), false, 'no script of the card ran');
    const spoilers = await spoilerWords(page);
    assert(spoilers.length > 40, `enough spoiler words to check (${spoilers.length})`);
    assertEqual(present(spoilers, await piercedText(page)), [], 'no spoiler word in the page or the card (attributes included) before the take-over');
    server.release();
    await loading;
    await page.waitForFunction((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return ![...root.children].some((n) => n.matches('.root[data-sc-version]')) && root.querySelector('#sc-plot.revealed');
    }, { timeout: 20000 }, FIRST);
    assertEqual(await liveState(page), { tab: 'sc-tab-characters', plot: true, events: [LLV.timeline[1].title] }, 'the plot, the event and the tab pressed');
    assert(present(spoilers, await piercedText(page)).length > 10, 'the plot\'s words are there after the take-over');
    const styled = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.card')).borderTopLeftRadius, FIRST);
    assertEqual(styled, '14px', 'styled in Firefox');
    assertEqual(errors, [], 'uncaught errors in Firefox');
  } finally {
    await firefox.close();
    await server.close();
  }
});

test('prerender: a stylesheet that fails to load is no junk sheet: the card links it and works, and the console says why', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  try {
    await page.route('**/embed/spoiler-card-*.css', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' }));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.querySelector('#card-llv')?.shadowRoot?.querySelector('.title'), null, { timeout: 15000 });
    const sheets = await page.evaluate(() => {
      const root = document.querySelector('#card-llv').shadowRoot;
      return { adopted: root.adoptedStyleSheets.length, links: [...root.querySelectorAll('link')].map((l) => l.getAttribute('href')) };
    });
    assertEqual(sheets.adopted, 0, 'no sheet made of the error page');
    assert(sheets.links.length === 1 && /spoiler-card-[0-9a-f]{16}\.css$/.test(sheets.links[0]), `a link to the stylesheet instead: ${sheets.links}`);
    assert(page.consoleErrors.some((e) => e.includes('the stylesheet') && e.includes('could not be loaded')), `said in the console: ${page.consoleErrors}`);
    await page.locator('#card-llv button.gate').click();
    await page.waitForFunction(() => document.querySelector('#card-llv').shadowRoot.querySelector('#sc-plot.revealed'));
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});
