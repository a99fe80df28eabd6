// End-to-end tests of the hardening (issue 11): whatever the reader's
// storage, the data or the host page does, no card traps, freezes or shows
// a spoiler. (A trap that happens anyway is contained and restartable:
// trap.test.mjs.)
// Pages are generated here and served by the test server.
import { readFileSync } from 'node:fs';
import { generated } from './server.mjs';
import { test, assert, assertEqual, openPage, spoilerOnlyWords, present, words, waitIn } from './lib.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const SIXTH = JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8'));

/** A page with the embed snippet and `body`, served at `path`. */
export function page(path, body, head = '') {
  generated.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/embed/spoiler-card.js"></script>${head}</head><body>${body}</body></html>`);
  return path;
}

/** Inline movie data for a card (the text escaped for a <script> element). */
export const inline = (movie) => `<script type="application/json">${JSON.stringify(movie).replace(/</g, '\\u003c')}</script>`;

export const shadowText = (page, selector) => page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', selector);
/** The text and attributes of every card's shadow root (inline data in the light DOM is the page's own). */
export const shadowsText = (page) => page.evaluate(() => [...document.querySelectorAll('spoiler-card')].map((card) => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.data);
    for (const attr of node.attributes ?? []) parts.push(attr.value);
    for (const child of node.childNodes) walk(child);
  };
  if (card.shadowRoot) walk(card.shadowRoot);
  return parts.join(' ');
}).join('\n'));
const traps = (page) => page.problems.filter((p) => /unreachable|RuntimeError|wasm/i.test(p));

test('hardening: any value in storage (non-ASCII, megabytes, junk, an old format) leaves every card working', async ({ browser, origin }) => {
  const url = page('/__gen/stored.html', `
    <spoiler-card id="a" src="/movies/leaving-las-vegas.json" remember="all" eager></spoiler-card>
    <spoiler-card id="b" src="/movies/the-sixth-sense.json" remember="all" eager></spoiler-card>`);
  const hostile = ['é1', '😀', '2:é1,a😀,e:', 'e3,a1,plot', '\u0000', 'x'.repeat(2_000_000)];
  for (const value of hostile) {
    const p = await openPage(browser, null);
    try {
      await p.addInitScript(([value, id]) => {
        for (const what of ['progress', 'revealed']) {
          try { localStorage.setItem(`spoiler-card:v1:${id}:${what}`, value); } catch { /* full: also a store the card meets */ }
        }
        // The other card's stored reveal is valid: storage is really read.
        localStorage.setItem('spoiler-card:v1:the-sixth-sense-1999:revealed', '2:plot');
      }, [value, LLV.id]);
      await p.goto(`${origin}${url}`);
      await waitIn(p, '#a', '.title');
      await waitIn(p, '#b', '#sc-plot.revealed');
      assert(await p.evaluate(() => !!document.querySelector('#a').shadowRoot.querySelector('button.gate')), `nothing revealed by ${JSON.stringify(value.slice(0, 12))}`);
      assertEqual(p.problems, [], `uncaught errors with ${JSON.stringify(value.slice(0, 12))}`);
    } finally {
      await p.closeAll();
    }
  }
});

test('hardening: a storage that throws on get, set or remove just means "not remembered"', async ({ browser, origin }) => {
  const url = page('/__gen/throwing-store.html', `<spoiler-card id="a" src="/movies/leaving-las-vegas.json" remember="all" eager></spoiler-card>`);
  for (const how of ['getter', 'methods', 'full']) {
    const p = await openPage(browser, null);
    try {
      await p.addInitScript((how) => {
        const fail = () => { throw new DOMException('denied', how === 'full' ? 'QuotaExceededError' : 'SecurityError'); };
        if (how === 'getter') Object.defineProperty(window, 'localStorage', { get: fail, configurable: true });
        else {
          Storage.prototype.setItem = fail;
          Storage.prototype.removeItem = fail;
          if (how === 'methods') Storage.prototype.getItem = fail;
        }
      }, how);
      await p.goto(`${origin}${url}`);
      await waitIn(p, '#a', '.title');
      await p.locator('#a button.gate').click();
      await waitIn(p, '#a', '#sc-plot.revealed');
      await p.locator('#a #sc-progress').focus();
      await p.keyboard.press('PageUp');
      await p.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('#sc-progress').value === '10');
      assertEqual(p.problems, [], `uncaught errors (${how})`);
    } finally {
      await p.closeAll();
    }
  }
});

test('hardening: hostile el.movie values (cycles, throwing getters, Proxies, BigInt, huge sparse arrays) are clear errors', async ({ browser, origin }) => {
  const url = page('/__gen/hostile-movie.html', `
    <spoiler-card id="good" src="/movies/the-sixth-sense.json" eager></spoiler-card>
    <spoiler-card id="target" eager></spoiler-card>`);
  const p = await openPage(browser, `${origin}${url}`);
  try {
    await waitIn(p, '#good', '.title');
    await waitIn(p, '#target', '.error-box');
    const cases = {
      cycle: ['(() => { const o = { schema: 1 }; o.self = o; return o; })()', 'circular'],
      bigint: ['({ schema: 1, year: 10n })', 'BigInt'],
      'throwing getter': ['({ schema: 1, get title() { throw new Error("getter says no"); } })', 'getter says no'],
      'Proxy with a throwing trap': ['new Proxy({}, { ownKeys() { throw new Error("trap says no"); } })', 'trap says no'],
      'revoked Proxy': ['(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()', 'revoked'],
      'Proxy that lies': [`new Proxy(${JSON.stringify(LLV)}, { get: (t, k) => (k === 'title' ? 42 : t[k]) })`, 'title: expected text, found a number'],
      'sparse array of a billion holes': ['({ schema: 1, timeline: new Array(1e9) })', 'more than 250000 values'],
      'a huge string': ['({ schema: 1, title: "x".repeat(6e6) })', 'characters of text'],
      'a toJSON that throws': ['({ toJSON() { throw new Error("toJSON says no"); } })', 'toJSON says no'],
      'an error that throws': ['({ get x() { throw { get message() { throw new Error("worse"); } }; } })', 'reading it failed'],
      function: ['(() => 1)', 'function is not data'],
      symbol: ['Symbol("s")', 'symbol is not data'],
      'a Map': ['new Map([["schema", 1]])', 'schema: required'],
      'a Date': ['new Date(0)', 'expected an object, found text'],
      'a number': ['42', 'expected an object, found a number'],
    };
    for (const [name, [expression, expected]] of Object.entries(cases)) {
      const started = Date.now();
      await p.evaluate(([e]) => {
        const el = document.querySelector('#target');
        el.movie = undefined;
        // eslint-disable-next-line no-new-func
        el.movie = new Function(`return ${e}`)();
      }, [expression]);
      try {
        await p.waitForFunction((want) => (document.querySelector('#target').shadowRoot.querySelector('.error-box')?.textContent ?? '').includes(want), expected, { timeout: 10000 });
      } catch {
        throw new Error(`${name}: expected "${expected}" in the error box, got "${await shadowText(p, '#target')}" (${p.problems})`);
      }
      assert(Date.now() - started < 10000, `${name} answered in ${Date.now() - started} ms`);
      assertEqual(p.problems, [], `uncaught errors after ${name}`);
    }
    // The card takes plain data again, and the other card never noticed.
    await p.evaluate((m) => { document.querySelector('#target').movie = m; }, { ...LLV, id: 'hostile-then-good' });
    await waitIn(p, '#target', '.title');
    await p.locator('#good button.gate').click();
    await waitIn(p, '#good', '#sc-plot.revealed');
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});

test('hardening: any string in every attribute renders a card or a clear error, never a trap', async ({ browser, origin }) => {
  const url = page('/__gen/attributes.html', `<spoiler-card id="a" src="/movies/leaving-las-vegas.json" eager></spoiler-card>`);
  const p = await openPage(browser, `${origin}${url}`);
  try {
    await waitIn(p, '#a', '.title');
    const strings = ['', ' ', '-1', '0', '1:99', '99999999999', '1e3', 'NaN', '\u0000', 'é', '😀'.repeat(500), 'x'.repeat(200000),
      'javascript:alert(1)', '<script>alert(1)</script>', '../../../../etc/passwd', '"\'><img src=x onerror=alert(1)>', '\ud800'];
    for (const name of ['progress', 'remember', 'heading-level', 'theme', 'eager', 'lang', 'strings', 'src']) {
      for (const value of strings) {
        await p.evaluate(([n, v]) => document.querySelector('#a').setAttribute(n, v), [name, value]);
      }
      await p.evaluate((n) => document.querySelector('#a').removeAttribute(n), name);
    }
    await p.evaluate(() => document.querySelector('#a').setAttribute('src', '/movies/leaving-las-vegas.json'));
    await waitIn(p, '#a', '.title');
    await p.locator('#a button.gate').click();
    await waitIn(p, '#a', '#sc-plot.revealed');
    assertEqual(p.problems, [], 'uncaught errors and dialogs');
  } finally {
    await p.closeAll();
  }
});

test('hardening: dropping el.movie falls back to the inline data, then to src', async ({ browser, origin }) => {
  const url = page('/__gen/sources.html', `<spoiler-card id="a" src="/movies/the-sixth-sense.json" eager>${inline(LLV)}</spoiler-card>`);
  const p = await openPage(browser, `${origin}${url}`);
  const title = () => p.evaluate(() => document.querySelector('#a').shadowRoot?.querySelector('.title')?.textContent.trim());
  const waitTitle = (want) => p.waitForFunction((w) => document.querySelector('#a').shadowRoot?.querySelector('.title')?.textContent.trim() === w, want, { timeout: 15000 })
    .catch(async () => { throw new Error(`expected the card to show "${want}", it shows "${await title()}"`); });
  try {
    await waitTitle(LLV.title);
    await p.evaluate((m) => { document.querySelector('#a').movie = m; }, { ...SIXTH, id: 'from-property', title: 'From the property' });
    await waitTitle('From the property');
    await p.evaluate(() => { document.querySelector('#a').movie = null; });
    await waitTitle(LLV.title);
    // Removing the inline data applies at once, like an attribute change.
    await p.evaluate(() => document.querySelector('#a > script').remove());
    await waitTitle(SIXTH.title);
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});

test('hardening: new data with the same id gates again what the old data unlocked', async ({ browser, origin }) => {
  const url = page('/__gen/same-id.html', `<spoiler-card id="a" progress="111" remember="none" eager>${inline(LLV)}</spoiler-card>`);
  const p = await openPage(browser, `${origin}${url}`);
  try {
    await waitIn(p, '#a', '#sc-plot.revealed');
    // Words of the plot that no timeline event or arc holds (at minute 111
    // those show by the reader's progress).
    const shownByProgress = [...LLV.timeline.flatMap((e) => [e.title, e.text]), ...LLV.characters.map((c) => c.arc?.text ?? '')].join(' ');
    const classNames = () => p.evaluate(() => [...document.querySelector('#a').shadowRoot.querySelectorAll('[class]')].map((e) => e.className).join(' '));
    const plotWords = spoilerOnlyWords(LLV, LLV.spoilers.summary, `${shownByProgress} ${await classNames()}`);
    assert(present(plotWords, await shadowText(p, '#a')).length > 10, 'the plot shows at the end of the film');
    // The author re-sends the film, 30 minutes longer: minute 111 is no
    // longer the end.
    await p.evaluate((m) => { document.querySelector('#a').movie = m; }, { ...LLV, runtime_minutes: 141 });
    await waitIn(p, '#a', 'button.gate');
    const markup = words(await classNames());
    assertEqual(present(plotWords.filter((w) => !markup.has(w)), await shadowsText(p)), [], 'no word of the plot left in the card');
    assertEqual(await p.evaluate(() => document.querySelector('#a').shadowRoot.querySelector('#sc-progress').max), '141', 'the slider has the new runtime');
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});

test('hardening: a remembered reveal stays with its event when the author inserts and removes others', async ({ browser, origin }) => {
  const events = LLV.timeline;
  const chosen = 5;
  const before = page('/__gen/keys-before.html', `<spoiler-card id="a" remember="all" eager>${inline(LLV)}</spoiler-card>`);
  // The author adds two events at the start and drops the one before the
  // chosen one: it moves from position 5 to 6, and position 5 is another.
  const added = [1, 2].map((n) => ({ at_minute: 0, title: `A new opening scene ${n}`, text: 'Added later by the author.' }));
  const edited = { ...LLV, timeline: [...added, ...events.slice(0, chosen - 1), ...events.slice(chosen)] };
  const after = page('/__gen/keys-after.html', `<spoiler-card id="a" remember="all" eager>${inline(edited)}</spoiler-card>`);
  const p = await openPage(browser, `${origin}${before}`);
  const revealedTitles = () => p.evaluate(() => [...document.querySelector('#a').shadowRoot.querySelectorAll('li.event:not(.gated) .event-title')].map((t) => t.textContent));
  try {
    await waitIn(p, '#a', '.title');
    await p.locator('#a li.event').nth(chosen).locator('button.reveal').click();
    await p.waitForFunction((t) => [...document.querySelector('#a').shadowRoot.querySelectorAll('.event-title')].some((e) => e.textContent === t), events[chosen].title);
    assertEqual(await revealedTitles(), [events[chosen].title], 'the reader revealed one event');
    const stored = await p.evaluate((id) => localStorage.getItem(`spoiler-card:v1:${id}:revealed`), LLV.id);
    assert(stored.startsWith('2:e:'), `stored by key in the versioned format (${stored})`);
    await p.goto(`${origin}${after}`);
    await waitIn(p, '#a', '.title');
    await p.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelectorAll('.event-title').length > 0);
    assertEqual(await revealedTitles(), [events[chosen].title], 'the same event is revealed, and only it');
    assertEqual(p.problems, [], 'uncaught errors');
  } finally {
    await p.closeAll();
  }
});

test('hardening: src="" asks for nothing (not the page itself) and says there is no data', async ({ browser, origin }) => {
  const url = page('/__gen/empty-src.html', `<spoiler-card id="a" src="" eager></spoiler-card><spoiler-card id="b" src="   " eager></spoiler-card>`);
  const p = await openPage(browser, null);
  const requests = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await p.goto(`${origin}${url}`);
    await waitIn(p, '#a', '.error-box');
    await waitIn(p, '#b', '.error-box');
    assert((await shadowText(p, '#a')).includes('No movie data'), 'the card says what is missing');
    assertEqual(requests.filter((r) => r === url).length, 1, `requests for the page itself (${requests.join(', ')})`);
  } finally {
    await p.closeAll();
  }
});

// ---- foreign hands in the shadow root ---------------------------------------

/**
 * Runs in the page: what page translation does to text (wraps each text node
 * in <font>, or puts new text in a <font> in its place), and keeps doing to
 * text that appears later.
 */
export function translate(selector, mode) {
  const root = document.querySelector(selector).shadowRoot;
  const handle = (node) => {
    if (node.nodeType !== Node.TEXT_NODE || !node.data.trim() || node.parentNode?.nodeName === 'FONT') return;
    const font = document.createElement('font');
    if (mode === 'wrap') {
      node.replaceWith(font);
      font.append(node);
    } else {
      font.textContent = `[${node.data}]`;
      node.replaceWith(font);
    }
  };
  const walk = (node) => { handle(node); for (const child of [...node.childNodes]) walk(child); };
  walk(root);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) walk(node);
      if (record.type === 'characterData') handle(record.target);
    }
  }).observe(root, { childList: true, subtree: true, characterData: true });
}

/** Runs in the page: a script that moves, removes and inserts nodes in the card. */
export function meddle(selector, round) {
  const root = document.querySelector(selector).shadowRoot;
  const all = [...root.querySelectorAll('*')];
  const pick = (i) => all[(i * 7919 + round * 104729) % all.length];
  for (let i = 0; i < 6; i += 1) {
    const node = pick(i);
    if (!node || node.classList.contains('root')) continue;
    switch ((i + round) % 4) {
      case 0: node.remove(); break;
      case 1: pick(i + 11)?.parentNode?.insertBefore(node, pick(i + 11)); break;
      case 2: node.parentNode?.insertBefore(document.createElement('aside'), node); break;
      default: node.append(document.createTextNode('foreign text'));
    }
  }
}

/** Runs `fn` (self-contained) in the page with `args`. */
const inPage = (p, fn, ...args) => p.evaluate(`(${fn})(...${JSON.stringify(args)})`);

/** Everything a reader does to a card, by real clicks and keys; waits briefly for each. */
async function useCard(p, card) {
  const root = `${card}`;
  const clickIf = async (selector) => {
    const target = p.locator(`${root} ${selector}`).first();
    if (await target.count()) await target.click({ timeout: 2000 }).catch(() => {});
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
  };
  await clickIf('button.gate');
  await clickIf('button.hide');
  await clickIf('button.gate');
  for (const tab of ['#sc-tab-characters', '#sc-tab-similar', '#sc-tab-more', '#sc-tab-timeline']) await clickIf(tab);
  await clickIf('button.reveal');
  await clickIf('.reveal-bar button');
  await clickIf('.reveal-bar button');
  await clickIf('.link-button');
  const slider = p.locator(`${root} #sc-progress`).first();
  if (await slider.count()) {
    await slider.focus().catch(() => {});
    for (const key of ['PageUp', 'ArrowRight', 'End', 'Home', 'PageUp']) await p.keyboard.press(key);
  }
  await clickIf('#sc-tab-characters');
  await clickIf('button.reveal');
  await clickIf('#sc-tab-timeline');
}

for (const mode of ['wrap', 'replace']) {
  test(`hardening: page translation (${mode} text in <font>) and a meddling script never trap the card`, async ({ browser, origin }) => {
    const p = await openPage(browser, `${origin}/`);
    try {
      await waitIn(p, '#card-llv', '.title');
      await p.locator('#card-sixth').scrollIntoViewIfNeeded();
      await waitIn(p, '#card-sixth', '.title');
      await inPage(p, translate, '#card-llv', mode);
      await useCard(p, '#card-llv');
      for (let round = 0; round < 4; round += 1) {
        await inPage(p, meddle, '#card-llv', round);
        await useCard(p, '#card-llv');
      }
      assertEqual(traps(p), [], 'no trap');
      assertEqual(p.problems, [], 'no uncaught error');
      // The other card was never harmed.
      await p.locator('#card-sixth button.gate').click();
      await waitIn(p, '#card-sixth', '#sc-plot.revealed');
      assertEqual(await p.evaluate(() => !!document.querySelector('#card-llv').shadowRoot.querySelector('.root')), true, 'the meddled card is still mounted');
    } finally {
      await p.closeAll();
    }
  });
}
