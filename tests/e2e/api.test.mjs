// End-to-end tests of the element's events and JS API (issue 14): the
// `spoiler-card:*` events (bubbling, composed, details from Rust), the
// `progress` / `revealed` properties and the `reveal()` / `hide()` methods;
// only the reader's own actions fire events or are remembered, the page's
// calls never echo back, and nothing the page passes breaks a card.
import { readFileSync, mkdirSync } from 'node:fs';
import { generated } from './server.mjs';
import { test, assert, assertEqual, openPage } from './lib.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const ID = LLV.id;

/** A page with the embed snippet, `body`, and a log of every card event in `window.__events`. */
function page(path, body) {
  generated.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
  window.__events = [];
  for (const type of ['ready', 'error', 'progress', 'reveal', 'hide']) {
    // On the window: the events bubble out of the card and cross the shadow boundary.
    window.addEventListener('spoiler-card:' + type, (e) => window.__events.push({
      type: e.type, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail,
    }));
  }
</script>
<script type="module" src="/embed/spoiler-card.js"></script></head><body>${body}</body></html>`);
  return path;
}

const inRoot = (selector) => `#card >> ${selector}`;
/** Yew renders a microtask after a dispatch, effects after that, events a microtask later: a task, a frame, a task is past all of it. */
const settled = (p) => p.evaluate(() => new Promise((r) => { setTimeout(() => requestAnimationFrame(() => setTimeout(r, 0)), 0); }));
const events = (p) => p.evaluate(() => window.__events);
const clearEvents = (p) => p.evaluate(() => { window.__events = []; });
const stored = (p) => p.evaluate((id) => ({
  progress: localStorage.getItem(`spoiler-card:v1:${id}:progress`),
  revealed: localStorage.getItem(`spoiler-card:v1:${id}:revealed`),
}), ID);

async function openCard(ctx, path, body) {
  const p = await openPage(ctx.browser, `${ctx.origin}${page(path, body)}`);
  await p.waitForFunction(() => window.__events.some((e) => e.type === 'spoiler-card:ready'), null, { timeout: 15000 });
  return p;
}

test('api: spoiler-card:ready bubbles out of the card, composed, with the movie id, progress and what is revealed', async (ctx) => {
  const p = await openCard(ctx, '/__api/ready.html',
    '<spoiler-card id="card" eager src="/movies/leaving-las-vegas.json" progress="20"></spoiler-card>');
  try {
    const [ready, ...rest] = await events(p);
    assertEqual(ready, { type: 'spoiler-card:ready', target: 'card', bubbles: true, composed: true,
      detail: { id: ID, progress: 20, revealed: [] } }, 'the ready event');
    assertEqual(rest, [], 'nothing else happened');
    assertEqual(await p.evaluate(() => document.querySelector('#card').progress), 20, 'el.progress');
    assertEqual(await p.evaluate(() => document.querySelector('#card').revealed), [], 'el.revealed');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('api: the reader\'s reveal, hide and progress fire events with what changed, by stable key', async (ctx) => {
  const p = await openCard(ctx, '/__api/reader.html',
    '<spoiler-card id="card" eager remember="all" src="/movies/leaving-las-vegas.json" progress="20"></spoiler-card>');
  try {
    await clearEvents(p);
    await p.locator(inRoot('button.gate')).click();
    await settled(p);
    await p.locator(inRoot('button.hide')).click();
    await settled(p);
    await p.locator(inRoot('input.slider')).focus();
    await p.keyboard.press('ArrowRight');
    await settled(p);
    await p.locator(inRoot('li.event.gated button.reveal')).first().click();
    await settled(p);
    const log = await events(p);
    assertEqual(log.map((e) => e.type), ['spoiler-card:reveal', 'spoiler-card:hide', 'spoiler-card:progress', 'spoiler-card:reveal'], 'event types');
    assertEqual(log[0].detail, { id: ID, progress: 20, changed: ['plot'], revealed: ['plot'] }, 'reveal of the plot');
    assertEqual(log[1].detail, { id: ID, progress: 20, changed: ['plot'], revealed: [] }, 'hide of the plot');
    assertEqual(log[2].detail, { id: ID, progress: 21, revealed: [] }, 'progress');
    const item = log[3].detail.changed;
    assert(item.length === 1 && /^event:#[0-9a-f]{16}$/.test(item[0]), `an event by its stable key: ${item}`);
    assertEqual(log[3].detail.revealed, item, 'revealed now');
    assertEqual(await p.evaluate(() => document.querySelector('#card').revealed), item, 'el.revealed');
    assert(log.every((e) => e.bubbles && e.composed && e.target === 'card'), 'bubbling, composed, from the element');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('api: the page\'s progress, reveal() and hide() apply at once, fire no event, are not remembered or reflected', async (ctx) => {
  const p = await openCard(ctx, '/__api/page.html',
    '<spoiler-card id="card" eager remember="all" src="/movies/leaving-las-vegas.json" progress="20"></spoiler-card>');
  try {
    await clearEvents(p);
    const before = await stored(p);
    const read = await p.evaluate(() => {
      const el = document.querySelector('#card');
      el.progress = 111;
      const afterSet = el.progress;
      const revealed = el.reveal('plot');
      const list = el.revealed;
      return { afterSet, revealed, list, unknown: el.reveal('event:nope'), notText: el.reveal(42), attribute: el.getAttribute('progress') };
    });
    assertEqual(read, { afterSet: 111, revealed: true, list: ['plot'], unknown: false, notText: false, attribute: '20' }, 'what the page reads');
    await settled(p);
    const shown = await p.evaluate(() => {
      const root = document.querySelector('#card').shadowRoot;
      return { plot: !!root.querySelector('#sc-plot'), slider: root.querySelector('input.slider').value };
    });
    assertEqual(shown, { plot: true, slider: '111' }, 'the card shows what the page asked for');
    await p.evaluate(() => document.querySelector('#card').hide());
    await settled(p);
    assertEqual(await p.evaluate(() => document.querySelector('#card').revealed), [], 'hidden');
    assertEqual(await events(p), [], 'no event echoes the page\'s calls');
    assertEqual(await stored(p), before, 'nothing stored');
    assertEqual(await p.evaluate(() => document.querySelector('#card').getAttribute('progress')), '20', 'the attribute is the author\'s');
    // The progress is the end of the film (111): the plot shows by progress.
    // The page sets it back; the reader then acts: that one is an event.
    await p.evaluate(() => { document.querySelector('#card').progress = 30; });
    await settled(p);
    await p.locator(inRoot('input.slider')).focus();
    await p.keyboard.press('ArrowRight');
    await settled(p);
    assertEqual((await events(p)).map((e) => [e.type, e.detail.progress]), [['spoiler-card:progress', 31]], 'only the reader\'s step');
    assertEqual((await stored(p)).progress, '31', 'the reader\'s step is remembered');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('api: a progress set before the card starts applies when it shows the movie; odd values are refused without harm', async (ctx) => {
  const path = page('/__api/early.html', `
    <spoiler-card id="card" eager src="/movies/leaving-las-vegas.json"></spoiler-card>
    <spoiler-card id="other" eager src="/movies/leaving-las-vegas.json"></spoiler-card>
    <script>
      // Before the element is defined (the module loads later): an own property the element takes over.
      document.querySelector('#card').progress = '45';
    </script>`);
  const p = await openPage(ctx.browser, `${ctx.origin}${path}`);
  try {
    await p.waitForFunction(() => window.__events.filter((e) => e.type === 'spoiler-card:ready').length === 2, null, { timeout: 15000 });
    const ready = (await events(p)).find((e) => e.target === 'card');
    assertEqual(ready.detail.progress, 45, 'the early progress, in the ready event');
    const odd = await p.evaluate(() => {
      const el = document.querySelector('#other');
      const results = [];
      for (const value of [Symbol('x'), {}, NaN, -1, Infinity, '', 'ten', null, undefined, 10n]) {
        try { el.progress = value; results.push(el.progress); } catch (e) { results.push(`threw ${e.message}`); }
      }
      el.progress = 1e9;
      results.push(el.progress);
      return results;
    });
    assertEqual(odd, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 111], 'odd values change nothing; a huge one is the end of the film');
    await settled(p);
    assert(await p.evaluate(() => !document.querySelector('#other').shadowRoot.querySelector('.stopped')), 'the card still runs');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('api: spoiler-card:error says what is wrong; a listener that throws stops no card', async (ctx) => {
  const bad = JSON.stringify({ ...LLV, title: undefined, year: 1700 }).replace(/</g, '\\u003c');
  const p = await openPage(ctx.browser, `${ctx.origin}${page('/__api/error.html', `
    <spoiler-card id="bad" eager><script type="application/json">${bad}</script></spoiler-card>
    <spoiler-card id="card" eager src="/movies/leaving-las-vegas.json"></spoiler-card>
    <script>window.addEventListener('spoiler-card:reveal', () => { throw new Error('a page listener broke'); });</script>`)}`);
  try {
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'spoiler-card:error')
      && window.__events.some((e) => e.type === 'spoiler-card:ready'), null, { timeout: 15000 });
    const error = (await events(p)).find((e) => e.type === 'spoiler-card:error');
    assertEqual(error.target, 'bad', 'from the broken card');
    assert(/has problems/.test(error.detail.message), `message: ${error.detail.message}`);
    assert(error.detail.details.includes('title: required') && error.detail.details.includes('year: 1700 is out of range'), `details: ${error.detail.details}`);
    p.problems.length = 0;
    await p.locator(inRoot('button.gate')).click();
    await settled(p);
    assertEqual(p.problems, ['uncaught: a page listener broke'], 'the listener\'s own error, on its own');
    await p.locator(inRoot('button.hide')).click();
    await settled(p);
    const still = await p.evaluate(() => ({
      stopped: !!document.querySelector('#card').shadowRoot.querySelector('.stopped'),
      gate: !!document.querySelector('#card').shadowRoot.querySelector('button.gate'),
    }));
    assertEqual(still, { stopped: false, gate: true }, 'the card keeps working');
  } finally { await p.closeAll(); }
});

test('api: the watch-along example — the player drives the card, the card\'s slider drives the player, the log shows reader actions only', async (ctx) => {
  const p = await openPage(ctx.browser, `${ctx.origin}/examples/watch-along.html`);
  try {
    await p.waitForFunction(() => !!document.querySelector('#watch-card')?.shadowRoot?.querySelector('.title'), null, { timeout: 15000 });
    const gatedBefore = await p.evaluate(() => document.querySelector('#watch-card').shadowRoot.querySelectorAll('li.event.gated').length);
    await p.click('#play');
    await p.waitForFunction(() => document.querySelector('#watch-card').progress >= 12, null, { timeout: 15000 });
    await p.click('#play');
    const playing = await p.evaluate(() => ({ player: Number(document.querySelector('#position').value), card: document.querySelector('#watch-card').progress }));
    assertEqual(playing.card, playing.player, 'the card is where the player is');
    await settled(p);
    const gatedAfter = await p.evaluate(() => document.querySelector('#watch-card').shadowRoot.querySelectorAll('li.event.gated').length);
    assert(gatedAfter < gatedBefore, `events opened as the film went on (${gatedBefore} → ${gatedAfter})`);
    assertEqual(await p.locator('#log li').count(), 0, 'the player\'s calls are not reader actions');
    await p.locator('#watch-card >> input.slider').focus();
    await p.keyboard.press('ArrowRight');
    await settled(p);
    const followed = await p.evaluate(() => ({ player: Number(document.querySelector('#position').value), card: document.querySelector('#watch-card').progress }));
    assertEqual(followed, { player: playing.card + 1, card: playing.card + 1 }, 'the player follows the card\'s slider');
    assertEqual(await p.locator('#log li').allTextContents(), [`progress at ${playing.card + 1} min`], 'the log');
    mkdirSync('target/e2e', { recursive: true });
    await p.screenshot({ path: 'target/e2e/watch-along.png', fullPage: true });
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('api: what the page revealed or set is not remembered even when the reader acts after it', async (ctx) => {
  const p = await openCard(ctx, '/__api/page-then-reader.html',
    '<spoiler-card id="card" eager remember="all" src="/movies/leaving-las-vegas.json" progress="20"></spoiler-card>');
  try {
    await p.evaluate(() => { const el = document.querySelector('#card'); el.progress = 90; el.reveal('plot'); });
    await settled(p);
    await clearEvents(p);
    // The reader reveals one event (the page's progress 90 left some gated).
    await p.locator(inRoot('li.event.gated button.reveal')).first().click();
    await settled(p);
    const log = await events(p);
    assertEqual(log.map((e) => e.type), ['spoiler-card:reveal'], 'one reader event');
    assertEqual(log[0].detail.changed.length, 1, 'only what the reader revealed');
    const kept = await stored(p);
    assert(kept.progress === null, `the page's 90 is not remembered: ${kept.progress}`);
    assert(kept.revealed && !kept.revealed.includes('plot') && kept.revealed.includes(log[0].detail.changed[0].slice('event:'.length)), `only the reader's reveal is remembered: ${kept.revealed}`);
    // A reload shows the reader's own choice: the event, not the plot.
    await p.reload();
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'spoiler-card:ready'), null, { timeout: 15000 });
    const ready = (await events(p)).find((e) => e.type === 'spoiler-card:ready');
    assertEqual(ready.detail.progress, 20, 'the author\'s progress');
    assertEqual(ready.detail.revealed, log[0].detail.changed, 'the reader\'s reveal');
  } finally { await p.closeAll(); }
});

test('api: calls right after new data are for the new card; each error shown is told', async (ctx) => {
  const other = JSON.stringify({ ...LLV, id: 'other-movie', title: 'Another Film' });
  const p = await openCard(ctx, '/__api/new-data.html',
    '<spoiler-card id="card" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>');
  try {
    await clearEvents(p);
    const answer = await p.evaluate((json) => {
      const el = document.querySelector('#card');
      el.movie = JSON.parse(json);
      el.progress = 30;
      return el.reveal('plot');
    }, other);
    assertEqual(answer, false, 'no movie to reveal in yet');
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'spoiler-card:ready'), null, { timeout: 15000 });
    const ready = (await events(p)).find((e) => e.type === 'spoiler-card:ready');
    assertEqual([ready.detail.id, ready.detail.progress], ['other-movie', 30], 'the new card, at the page\'s progress');
    // Bad data, good data, the same bad data again: two errors told.
    await clearEvents(p);
    await p.evaluate(() => { document.querySelector('#card').movie = { schema: 1 }; });
    await settled(p);
    await p.evaluate((json) => { document.querySelector('#card').movie = JSON.parse(json); }, other);
    await settled(p);
    await p.evaluate(() => { document.querySelector('#card').movie = { schema: 1 }; });
    await settled(p);
    assertEqual((await events(p)).map((e) => e.type), ['spoiler-card:error', 'spoiler-card:ready', 'spoiler-card:error'], 'events');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('api: after the element is moved (unmounted, mounted again), what the page had set is shown but still not remembered', async (ctx) => {
  const p = await openCard(ctx, '/__api/moved.html',
    '<div id="a"><spoiler-card id="card" eager remember="all" src="/movies/leaving-las-vegas.json"></spoiler-card></div><div id="b"></div>');
  try {
    await p.evaluate(() => { const el = document.querySelector('#card'); el.progress = 90; el.reveal('plot'); });
    await settled(p);
    // Detached for a while (unmounted), then put back: the card resumes as it was.
    await p.evaluate(() => { window.__moved = document.querySelector('#card'); window.__moved.remove(); });
    await settled(p);
    await p.evaluate(() => document.querySelector('#b').append(window.__moved));
    await p.waitForFunction(() => window.__events.filter((e) => e.type === 'spoiler-card:ready').length === 2, null, { timeout: 15000 });
    const ready = (await events(p)).filter((e) => e.type === 'spoiler-card:ready')[1];
    assertEqual([ready.detail.progress, ready.detail.revealed], [90, ['plot']], 'shown as it was');
    await p.locator(inRoot('li.event.gated button.reveal')).first().click();
    await settled(p);
    const kept = await stored(p);
    assert(kept.progress === null, `the page's 90 is not remembered: ${kept.progress}`);
    assert(kept.revealed && !kept.revealed.includes('plot'), `the page's plot is not remembered: ${kept.revealed}`);
  } finally { await p.closeAll(); }
});

test('api: the element is the class the loader\'s module exports, defined once; nothing is stored on it; attribute changes apply together in a microtask, a read in the same task sees the card from before', async (ctx) => {
  const p = await openCard(ctx, '/__api/class.html',
    '<spoiler-card id="card" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>');
  try {
    const facts = await p.evaluate(async () => {
      const el = document.querySelector('#card');
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((name) => name.endsWith('/src/embed.js'));
      const { SpoilerCardElement } = await import(url);
      const Defined = customElements.get('spoiler-card');
      // The page's own calls, then what is on the element.
      el.progress = 20;
      el.reveal('plot');
      el.movie = undefined;
      return {
        same: Defined === SpoilerCardElement,
        name: Defined.name,
        instance: el instanceof SpoilerCardElement,
        again: SpoilerCardElement.define(),
        own: Object.getOwnPropertyNames(el),
        symbols: Object.getOwnPropertySymbols(el).length,
      };
    });
    assertEqual(facts, { same: true, name: 'SpoilerCardElement', instance: true, again: false, own: [], symbols: 0 },
      'the exported class, defined once, nothing stored on the element');
    await settled(p);
    const batched = await p.evaluate(async () => {
      const el = document.querySelector('#card');
      el.setAttribute('progress', '50');
      el.setAttribute('progress', '60');
      return el.progress;
    });
    await settled(p);
    const after = await p.evaluate(() => document.querySelector('#card').progress);
    assertEqual([batched, after], [20, 60], 'the read in the same task sees the card from before; the last change applies');
    // How often the card reads what its element says: a test hook counts
    // data.js's look for inline data, which every read makes.
    const reads = await p.evaluate(async () => {
      const el = document.querySelector('#card');
      const query = Element.prototype.querySelector;
      let count = 0;
      Element.prototype.querySelector = function (selector) {
        if (this === el && selector.includes('application/json')) count += 1;
        return query.call(this, selector);
      };
      const settle = () => new Promise((r) => { setTimeout(r, 50); });
      try {
        for (let i = 0; i < 10; i += 1) el.setAttribute('heading-level', String(2 + (i % 3)));
        await settle();
        const changed = count;
        count = 0;
        for (let i = 0; i < 10; i += 1) el.setAttribute('remember', 'none');
        await settle();
        return { changed, unchanged: count };
      } finally {
        Element.prototype.querySelector = query;
      }
    });
    assertEqual(reads, { changed: 1, unchanged: 0 }, 'ten changes in a task are read once; the same value again is not read');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});
