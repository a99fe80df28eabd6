// End-to-end tests of locked-down and long-lived pages (issue 22):
// - no HTML sink anywhere in what the page loads, and the card works under
//   `require-trusted-types-for 'script'; trusted-types 'none'` without a
//   policy (live, taken over, a second card, languages and a strings file,
//   events, the stopped box and its restart);
// - a removed card frees what it held: DOM nodes, listeners, the JS heap
//   and the wasm memory stay flat on a page that adds, uses and removes
//   cards round after round, swaps a card's `src`, or takes over
//   prerendered cards and removes them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generated, hits, TRUSTED_TYPES_CSP } from './server.mjs';
import { test, assert, assertEqual, openPage, present, spoilerOnlyWords, UI_TEXT, waitIn } from './lib.mjs';
import { armableTrap } from './trap.test.mjs';
import { cardRound, memoryPage, ROUND_CARDS, settled } from './memory.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const SIXTH = JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8'));
const plotOf = (m) => [...m.spoilers.summary, ...(m.spoilers.ending ?? [])];
const CLI = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';
/** What `spoiler-card render` prints for the example movie, live from `src`. */
const prerenderedFragment = () => execFileSync(CLI, ['render', 'assets/movies/leaving-las-vegas.json', '--src', '/movies/leaving-las-vegas.json', '--embed', '/embed/'], { encoding: 'utf8' });

/** A page with the embed snippet and `body` (no inline script: the CSPs allow none). */
function page(path, body) {
  generated.set('/__lockdown/icon.svg', '');
  generated.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${path}</title>
<link rel="icon" href="/__lockdown/icon.svg"><script type="module" src="/embed/spoiler-card.js"></script></head><body>${body}</body></html>`);
  return path;
}

/** The text and every attribute value in the shadow root of `selector`. */
const cardText = (p, selector) => p.evaluate((s) => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.data);
    for (const attr of node.attributes ?? []) parts.push(attr.value);
    for (const child of node.childNodes) walk(child);
  };
  walk(document.querySelector(s).shadowRoot);
  return parts.join(' ');
}, selector);

// ---- no HTML sink ------------------------------------------------------------

// What the page loads from the embed folder: the loader, the glue (which
// holds every import the wasm calls) and the snippets.
function embedScripts(dir = `${process.env.DIST ?? 'dist'}/embed`) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return embedScripts(path);
    return /\.m?js$/.test(name) ? [path] : [];
  });
}

/**
 * The HTML and script sinks of `source` (minified JS), by name: assignments
 * to innerHTML/outerHTML (reading them is no sink), the calls that parse
 * markup or run a string as code, a string handed to a timer, and the
 * script-URL sinks a bundle could reach by name. (A name built at run time
 * cannot be seen here: the Trusted Types test below is the real guard.)
 */
export function sinksIn(source) {
  const assign = String.raw`\s*(?:=(?!=)|\+=|\?\?=|\|\|=|&&=)`;
  const member = (names) => String.raw`(?:\.\s*(?:${names})\b|\[\s*["'\`](?:${names})["'\`]\s*\])`;
  const patterns = {
    'innerHTML/outerHTML assigned': new RegExp(`${member('innerHTML|outerHTML')}${assign}`, 'g'),
    'innerHTML/outerHTML set by name': /\b(?:Reflect\.set|Object\.assign)\s*\([^)]*["'`]?(?:inner|outer)HTML/g,
    'insertAdjacentHTML': /\binsertAdjacentHTML\b/g,
    // Any object's write(): the glue calls imports on an argument (`e.write(…)`).
    'document.write': new RegExp(`${member('write|writeln')}\\s*\\(`, 'g'),
    'setHTMLUnsafe / parseHTMLUnsafe': /\b(?:set|parse)HTMLUnsafe\b/g,
    'DOMParser': /\bDOMParser\b|\bparseFromString\b/g,
    'createContextualFragment': /\bcreateContextualFragment\b/g,
    'eval': /(?:(?<![\w$.])|\b(?:window|self|globalThis)\s*\.\s*)eval\s*\(|\(\s*0\s*,\s*eval\s*\)/g,
    'Function constructor': /(?:(?<![\w$.])|\b(?:window|self|globalThis)\s*\.\s*)(?:new\s+)?Function\s*\(/g,
    'string timer': /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g,
    'srcdoc or an on* handler by attribute': new RegExp(`${member('srcdoc')}${assign}|setAttribute(?:NS)?\\s*\\([^,)]*?["'\`](?:srcdoc|on[a-z]+)["'\`]`, 'g'),
    'worker or script import by URL': /\bnew\s+(?:Shared)?Worker\s*\(|\bimportScripts\s*\(/g,
  };
  const found = [];
  for (const [name, pattern] of Object.entries(patterns)) {
    for (const match of source.matchAll(pattern)) found.push(`${name}: …${source.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
  }
  return found;
}

test('lockdown: no HTML or script sink in the embed folder (loader, glue with the wasm\'s imports, snippets)', async () => {
  // The scan itself finds what it must (a test that cannot fail is none).
  const planted = ['a.innerHTML=b', 'x["outerHTML"] = y', 'a.innerHTML??=b', 'a.innerHTML||=b', 'a.outerHTML+=b', 'Reflect.set(e,"innerHTML",s)',
    'Object.assign(e,{innerHTML:s})', 'el.insertAdjacentHTML("a",b)', 'document.write(s)', 'document["writeln"](s)', 'r.createContextualFragment(s)',
    'new DOMParser', 'eval(s)', 'window.eval(s)', '(0,eval)(s)', 'new Function("x")', 'globalThis.Function("x")', 'setTimeout("go()",1)',
    'el.setHTMLUnsafe(s)', 'f.srcdoc=s', 'f.setAttribute("srcdoc",s)', 'e.setAttribute("onclick",s)', 'new Worker(u)', 'importScripts(u)'];
  for (const code of planted) assert(sinksIn(code).length === 1, `the scan finds ${code}: ${sinksIn(code)}`);
  for (const code of ['const h=a.outerHTML;', 'a.innerHTML===b', 'setTimeout(f,1)', 'x.evaluate(1)', 'typeof f=="function"(1)', 'e.setAttribute("part",s)', 'x.writeable(1)']) {
    assertEqual(sinksIn(code), [], `no sink in ${code}`);
  }
  const files = embedScripts();
  assert(files.some((f) => /spoiler-card\.js$/.test(f)) && files.some((f) => /snippets/.test(f)) && files.length >= 4, `the loader, the glue and the snippets are scanned: ${files}`);
  const found = files.flatMap((file) => sinksIn(readFileSync(file, 'utf8')).map((s) => `${file}: ${s}`));
  assertEqual(found, [], 'HTML or script sinks');
});

// ---- Trusted Types -------------------------------------------------------------

test('lockdown: under Trusted Types (trusted-types \'none\'), cards render, reveal, speak German with a strings file, tell the page, take over a prerendered card, and restart after a trap, with no violation', async ({ browser, origin }) => {
  const fragment = prerenderedFragment();
  generated.set('/__lockdown/strings.json', JSON.stringify({ synopsis: 'Worum es geht' }));
  const path = page('/__lockdown/tt.html', `
    <div id="pre">${fragment}</div>
    <spoiler-card id="live" eager remember="none" src="/movies/the-sixth-sense.json"></spoiler-card>
    <spoiler-card id="de" lang="de" strings="/__lockdown/strings.json" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>`);
  const p = await openPage(browser, null);
  try {
    await p.addInitScript(armableTrap);
    await p.addInitScript(() => {
      window.__events = [];
      addEventListener('spoiler-card:reveal', (e) => window.__events.push(`${e.target.id} ${e.detail.changed}`));
    });
    const response = await p.goto(`${origin}/__tt${path}`);
    assertEqual(response.headers()['content-security-policy'], TRUSTED_TYPES_CSP, 'served requiring Trusted Types, no policy allowed');

    // The live card, before and after the reader asks.
    await waitIn(p, '#live', '.title');
    // (The card's own words and markup names are not the movie's.)
    const names = await p.evaluate(() => [...document.querySelector('#live').shadowRoot.querySelectorAll('*')]
      .flatMap((el) => ['class', 'id', 'part'].map((a) => el.getAttribute(a) ?? '')).join(' '));
    const sixthOnly = spoilerOnlyWords(SIXTH, plotOf(SIXTH), `${UI_TEXT} ${names}`);
    assertEqual(present(sixthOnly, await cardText(p, '#live')), [], 'no word of the plot before the reveal');
    await p.locator('#live button.gate').click();
    await waitIn(p, '#live', '#sc-plot.revealed');
    assert(present(sixthOnly, await cardText(p, '#live')).length > 10, 'the plot shows after the reveal');
    await p.waitForFunction(() => window.__events.includes('live plot'), null, { timeout: 5000 });

    // The prerendered card, taken over, then revealed.
    await p.waitForFunction(() => {
      const root = document.querySelector('#pre spoiler-card')?.shadowRoot;
      return !!root && !root.querySelector('.root[data-sc-version]') && !!root.querySelector('.title');
    }, null, { timeout: 15000 });
    await p.locator('#pre spoiler-card button.gate').click();
    await waitIn(p, '#pre spoiler-card', '#sc-plot.revealed');

    // German, with the blogger's strings file.
    await waitIn(p, '#de', '.title');
    const german = await p.evaluate(() => document.querySelector('#de').shadowRoot.textContent);
    assert(german.includes('Worum es geht') && german.includes('Handlung'), `the card speaks German with the strings file: ${german.slice(0, 200)}`);

    // A trap, the stopped box, and the restart.
    await p.evaluate(() => { globalThis.__trapNext = true; });
    await p.locator('#de button.gate').click({ timeout: 2000 }).catch(() => {});
    for (const id of ['#live', '#de', '#pre spoiler-card']) await waitIn(p, id, '.error-box');
    await p.locator('#live button.retry').click();
    for (const id of ['#live', '#de']) await waitIn(p, id, '.title');
    await waitIn(p, '#live', '#sc-plot.revealed');
    await p.locator('#de button.gate').click();
    await waitIn(p, '#de', '#sc-plot.revealed');

    assertEqual(await p.evaluate(() => window.__cspViolations), [], 'Trusted Types or CSP violations');
    assertEqual(await p.evaluate(() => window.trustedTypes?.defaultPolicy ?? null), null, 'no policy');
    assertEqual(p.problems, ['uncaught: unreachable'], 'uncaught errors (the armed trap only)');
    assertEqual(p.consoleErrors.filter((e) => !e.startsWith('[spoiler-card] the card engine stopped')), [], 'console errors');
    // Last, so that its own violation is none of the above: the page really blocks HTML sinks.
    assert(await p.evaluate(() => { try { document.body.innerHTML = '<b>x</b>'; return false; } catch { return true; } }), 'the page really blocks innerHTML');
  } finally {
    await p.closeAll();
  }
});

// ---- memory ----------------------------------------------------------------

/** The growth from `first` to `last`, within the allowance (wasm memory never shrinks, so any growth is a leak). */
function assertFlat(first, last, what) {
  const growth = Object.fromEntries(Object.keys(first).map((k) => [k, last[k] - first[k]]));
  const detail = `${what}: ${JSON.stringify(first)} -> ${JSON.stringify(last)}`;
  assert(growth.nodes <= 10, `DOM nodes grew by ${growth.nodes} (${detail})`);
  assert(growth.listeners <= 10, `JS event listeners grew by ${growth.listeners} (${detail})`);
  assert(growth.heap <= 256 * 1024, `the JS heap grew by ${Math.round(growth.heap / 1024)} KB (${detail})`);
  assert(growth.wasm === 0, `the wasm memory grew by ${growth.wasm} B (${detail})`);
  return growth;
}

test('memory: cards added, used and removed, round after round, free what they held (DOM nodes, listeners, JS heap, wasm memory)', async ({ browser, origin }) => {
  const p = await memoryPage(() => openPage(browser, null), `${origin}${page('/__lockdown/rounds.html', '<div id="cards"></div>')}`);
  try {
    const movie = SIXTH;
    const readings = [];
    for (let round = 1; round <= 20; round += 1) {
      await p.evaluate(`(${cardRound})(${ROUND_CARDS}, ${JSON.stringify(movie)})`);
      readings.push(await p.memory());
    }
    // After 3 rounds of warm-up, rounds 4-20 (510 cards) add nothing.
    assertFlat(readings[2], readings[19], `rounds 3 -> 20, ${ROUND_CARDS} cards each`);
    assertEqual(p.problems, [], 'uncaught errors');
    assertEqual(p.consoleErrors, [], 'console errors');
  } finally {
    await p.closeAll();
  }
});

test('memory: a card whose src is swapped 200 times keeps only the data it shows', async ({ browser, origin }) => {
  const p = await memoryPage(() => openPage(browser, null), `${origin}${page('/__lockdown/swap.html', '<spoiler-card id="card" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>')}`);
  try {
    // Each swap to another URL (an SPA that shows post after post in one
    // card): the old URL's movie must go with the card's old data.
    let swaps = 0;
    const swap = (times) => p.evaluate(async ([times, from, titles]) => {
      const card = document.querySelector('#card');
      for (let i = 0; i < times; i += 1) {
        const next = card.getAttribute('src').includes('leaving') ? 1 : 0;
        card.setAttribute('src', `${['/movies/leaving-las-vegas.json', '/movies/the-sixth-sense.json'][next]}?swap=${from + i}`);
        const end = Date.now() + 10000;
        while (card.shadowRoot.querySelector('.title')?.textContent !== titles[next]) {
          if (Date.now() > end) throw new Error(`swap ${i} never showed ${titles[next]}`);
          await new Promise((r) => { setTimeout(r, 5); });
        }
        card.shadowRoot.querySelector('button.gate').click();
      }
    }, [times, (swaps += times) - times, [LLV.title, SIXTH.title]]);
    await waitIn(p, '#card', '.title');
    await swap(20);
    const before = await p.memory();
    await swap(180);
    assertFlat(before, await p.memory(), 'swaps 20 -> 200');
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});

test('memory: prerendered cards taken over, used, then removed, free what they held', async ({ browser, origin }) => {
  const fragment = prerenderedFragment();
  const p = await memoryPage(() => openPage(browser, null), `${origin}${page('/__lockdown/taken.html', '<div id="cards"></div>')}`);
  try {
    const round = () => p.evaluate(async (html) => {
      const box = document.querySelector('#cards');
      // Declarative shadow roots come only from the parser (test page only).
      for (let i = 0; i < 10; i += 1) {
        const holder = document.createElement('div');
        holder.setHTMLUnsafe(html);
        holder.querySelector('spoiler-card').setAttribute('eager', '');
        box.append(holder);
      }
      const cards = [...box.querySelectorAll('spoiler-card')];
      if (cards.length !== 10 || !cards.every((c) => c.shadowRoot?.querySelector('.root[data-sc-version]'))) throw new Error('not prerendered');
      const end = Date.now() + 15000;
      const taken = (c) => !c.shadowRoot.querySelector('.root[data-sc-version]') && c.shadowRoot.querySelector('button.gate');
      while (!cards.every(taken)) {
        if (Date.now() > end) throw new Error('never taken over');
        await new Promise((r) => { setTimeout(r, 20); });
      }
      for (const card of cards) card.shadowRoot.querySelector('button.gate').click();
      while (!cards.every((c) => c.shadowRoot.querySelector('#sc-plot.revealed'))) await new Promise((r) => { setTimeout(r, 20); });
      box.replaceChildren();
    }, fragment);
    const readings = [];
    for (let i = 0; i < 12; i += 1) {
      await round();
      readings.push(await p.memory());
    }
    assertFlat(readings[2], readings[11], 'rounds 3 -> 12 of 10 prerendered cards');
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});

test('memory: cards of one src share one request while they show it; after the last is removed, a later card fetches it again', async ({ browser, origin }) => {
  const url = '/movies/the-sixth-sense.json?shared';
  const p = await openPage(browser, `${origin}${page('/__lockdown/shared.html', '<div id="cards"></div>')}`);
  try {
    const add = (ids) => p.evaluate(([ids, url]) => {
      for (const id of ids) {
        const card = document.createElement('spoiler-card');
        card.id = id;
        card.setAttribute('eager', '');
        card.setAttribute('src', url);
        document.querySelector('#cards').append(card);
      }
    }, [ids, url]);
    const requests = () => hits.get('/movies/the-sixth-sense.json') ?? 0;
    hits.delete('/movies/the-sixth-sense.json');
    await add(['a', 'b', 'c']);
    for (const id of ['#a', '#b', '#c']) await waitIn(p, id, '.title');
    await add(['d']); // while the others show it
    await waitIn(p, '#d', '.title');
    assertEqual(requests(), 1, 'one request for four cards that show the movie together');
    await p.evaluate(() => document.querySelector('#cards').replaceChildren());
    await settled(p);
    await add(['e']);
    await waitIn(p, '#e', '.title');
    assertEqual(requests(), 2, 'the movie went with the last card; a later card fetched it again');
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});
