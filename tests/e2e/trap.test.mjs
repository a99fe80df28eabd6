// End-to-end tests of trap containment (issue 11): a trap in the one wasm
// instance every card shares turns every card into its stopped box, the
// page keeps working, and Restart brings the cards back with their state;
// raised from JS by a test-only init script, and for real inside the
// release .wasm. Pages are generated here and served by the test server.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual, openPage, spoilerOnlyWords, present, waitIn } from './lib.mjs';
import { page, inline, shadowText, shadowsText } from './hardening.test.mjs';

const SIXTH = JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8'));

// ---- a trap is contained ----------------------------------------------------

/**
 * Runs before the page's scripts: wraps the exports of the first wasm
 * instance so that a test can make the next call into it throw a
 * RuntimeError, as a trap does. Nothing of this ships in dist/.
 */
export function armableTrap() {
  const { instantiate } = WebAssembly;
  let first = true;
  // The glue instantiates the module the loader compiled.
  WebAssembly.instantiate = function (module, imports) {
    return instantiate.call(this, module, imports).then((instance) => {
      if (!first || !(instance instanceof WebAssembly.Instance)) return instance;
      first = false;
      const exports = {};
      for (const [name, value] of Object.entries(instance.exports)) {
        exports[name] = typeof value !== 'function' ? value : function (...args) {
          if (globalThis.__trapNext && !name.includes('free')) {
            const deep = globalThis.__trapNext === 'deep';
            globalThis.__trapNext = false;
            const error = new WebAssembly.RuntimeError('unreachable');
            // A trap deep in the engine (in Yew's scheduler, say): its
            // stack holds only the module's own frames, the trapping one
            // on top, and no glue within the 10 frames V8 keeps.
            if (deep) {
              const wasm = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('_bg.wasm'));
              error.stack = ['RuntimeError: unreachable', ...Array.from({ length: 10 }, (_, i) => `    at ${wasm}:wasm-function[${1000 + i}]:0x${(4096 + i).toString(16)}`)].join('\n');
            }
            throw error;
          }
          return value.apply(this, args);
        };
      }
      // Not an Instance: the glue then takes it as { instance, module }.
      return { instance: { exports }, module };
    });
  };
}

/**
 * Runs before the page's scripts: keeps the first wasm instance's memory
 * (the instance itself is the page's, unchanged), so that a test can take
 * all the address space it may grow into. Nothing of this ships in dist/.
 */
export function keepFirstMemory() {
  const { instantiate } = WebAssembly;
  WebAssembly.instantiate = function (module, imports) {
    return instantiate.call(this, module, imports).then((result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      globalThis.__scMemory ??= instance.exports.memory;
      return result;
    });
  };
}

export const TRAP_PAGE = `
  <p><button id="page-button" type="button">A button of the blog</button> <output id="clicks">0</output></p>
  <script>document.querySelector("#page-button").addEventListener("click", () => { const o = document.querySelector("#clicks"); o.textContent = String(Number(o.textContent) + 1); });</script>
  <spoiler-card id="a" src="/movies/leaving-las-vegas.json" remember="none" eager></spoiler-card>
  <spoiler-card id="b" src="/movies/the-sixth-sense.json" remember="none" eager></spoiler-card>
  <spoiler-card id="c" eager>${inline({ ...SIXTH, id: 'inline-copy' })}</spoiler-card>`;

for (const where of ['an event handler', 'a call from the element', 'deep in the engine']) {
  test(`hardening: a trap in ${where} turns every card into its box; Restart brings them all back with their state`, async ({ browser, origin }) => {
    const url = page(`/__gen/trap-${where.replace(/\W+/g, '-')}.html`, TRAP_PAGE);
    const p = await openPage(browser, null);
    const wasmRequests = [];
    p.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmRequests.push(r.url()); });
    try {
      await p.addInitScript(armableTrap);
      await p.goto(`${origin}${url}`);
      for (const id of ['#a', '#b', '#c']) await waitIn(p, id, '.title');
      // The reader's state before the trap: progress on a, the plot on b
      // (remember="none": only the live card knows it).
      await p.locator('#a #sc-progress').focus();
      await p.keyboard.press('PageUp');
      await p.keyboard.press('PageUp');
      await p.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('#sc-progress').value === '20');
      await p.locator('#b button.gate').click();
      await waitIn(p, '#b', '#sc-plot.revealed');

      await p.evaluate((deep) => { globalThis.__trapNext = deep ? 'deep' : true; }, where === 'deep in the engine');
      // (The pointer reaching the gate may already call in: the box then
      // takes the button away before the click.)
      if (where === 'a call from the element') await p.evaluate(() => document.querySelector('#c').setAttribute('progress', '5'));
      else await p.locator('#c button.gate').click({ timeout: 2000 }).catch(() => {});

      for (const id of ['#a', '#b', '#c']) await waitIn(p, id, '.error-box');
      for (const id of ['#a', '#b', '#c']) {
        const text = await shadowText(p, id);
        assert(text.includes('This card stopped working') && text.includes('Restart the cards'), `${id} says it stopped: "${text}"`);
        assert(!text.includes('Loading'), `${id} does not hang on Loading`);
      }
      const stops = p.consoleErrors.filter((e) => e.includes('the card engine stopped'));
      assertEqual(stops.length, 1, 'the stop is logged once');
      assertEqual(present(spoilerOnlyWords(SIXTH, SIXTH.spoilers.summary), await shadowsText(p)), [], 'no spoiler in the boxes');
      // A card added while the engine is stopped shows the box too.
      await p.evaluate(() => {
        const late = document.createElement('spoiler-card');
        late.id = 'late';
        late.setAttribute('eager', '');
        late.setAttribute('src', '/movies/leaving-las-vegas.json');
        document.body.append(late);
      });
      await waitIn(p, '#late', '.error-box');
      // The rest of the page keeps working.
      await p.locator('#page-button').click();
      assertEqual(await p.evaluate(() => document.querySelector('#clicks').textContent), '1', 'the page\'s own button still works');

      await p.locator('#b button.retry').click();
      for (const id of ['#a', '#b', '#c', '#late']) await waitIn(p, id, '.title');
      await p.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('#sc-progress')?.value === '20', null, { timeout: 5000 })
        .catch(async () => { throw new Error(`progress not kept: ${await p.evaluate(() => document.querySelector('#a').shadowRoot.querySelector('#sc-progress')?.value)}`); });
      await waitIn(p, '#b', '#sc-plot.revealed');
      assertEqual(wasmRequests.length, 1, `the .wasm is not downloaded again (${wasmRequests})`);
      // The fresh instance works.
      await p.locator('#c button.gate').click();
      await waitIn(p, '#c', '#sc-plot.revealed');
      await p.locator('#b button.hide').click();
      await waitIn(p, '#b', 'button.gate');
      // The trap itself reaches the page only from an event handler; nothing else does.
      assertEqual(p.problems, where === 'a call from the element' ? [] : ['uncaught: unreachable'], 'uncaught errors');
      const mine = p.consoleErrors.filter((e) => e.startsWith('[spoiler-card'));
      assertEqual(mine.map((e) => e.split(':')[0]), ['[spoiler-card] the card engine stopped'], 'console errors of the cards');
    } finally {
      await p.closeAll();
    }
  });
}

// A real trap inside the release .wasm, not one thrown from JS: the
// allocator runs out of memory. The test grows the first instance's memory
// to the most the browser gives a wasm32 memory, then hands a card 4 MB of
// JSON to copy in; the allocator's grow fails, and Rust's out-of-memory
// path ends in the `unreachable` the release flags make of an abort.
test('hardening: a real trap in the release .wasm (out of memory) turns every card into its box; Restart brings them back', async ({ browser, origin }) => {
  const url = page('/__gen/trap-out-of-memory.html', TRAP_PAGE);
  const p = await openPage(browser, null);
  try {
    await p.addInitScript(keepFirstMemory);
    await p.goto(`${origin}${url}`);
    for (const id of ['#a', '#b', '#c']) await waitIn(p, id, '.title');
    await p.locator('#b button.gate').click();
    await waitIn(p, '#b', '#sc-plot.revealed');
    const pages = await p.evaluate(() => {
      const memory = globalThis.__scMemory;
      for (let step = 16384; step >= 1;) {
        try { memory.grow(step); } catch { step >>= 1; }
      }
      return memory.buffer.byteLength / 65536;
    });
    assert(pages >= 16384, `the memory grew to its maximum (${pages} pages)`);
    // Valid data with a 4 MB field the card does not know (a warning): its
    // text must be copied into the wasm memory, which cannot grow.
    await p.evaluate(() => { document.querySelector('#c').movie = { ...JSON.parse(document.querySelector('#c script').textContent), notes: 'x'.repeat(4_000_000) }; });
    for (const id of ['#a', '#b', '#c']) await waitIn(p, id, '.error-box');
    for (const id of ['#a', '#b', '#c']) {
      const text = await shadowText(p, id);
      assert(text.includes('This card stopped working') && text.includes('Restart the cards'), `${id} says it stopped: "${text}"`);
    }
    const stops = p.consoleErrors.filter((e) => e.includes('the card engine stopped'));
    assertEqual(stops.length, 1, 'the stop is logged once');
    assert(/unreachable/i.test(stops[0]), `a real trap: ${stops[0]}`);
    assertEqual(present(spoilerOnlyWords(SIXTH, SIXTH.spoilers.summary), await shadowsText(p)), [], 'no spoiler in the boxes');
    await p.locator('#page-button').click();
    assertEqual(await p.evaluate(() => document.querySelector('#clicks').textContent), '1', 'the page\'s own button still works');
    // A fresh instance, with memory to grow: the 4 MB movie now reads.
    await p.locator('#a button.retry').click();
    for (const id of ['#a', '#b', '#c']) await waitIn(p, id, '.title');
    await waitIn(p, '#b', '#sc-plot.revealed');
    await p.locator('#c button.gate').click();
    await waitIn(p, '#c', '#sc-plot.revealed');
  } finally {
    await p.closeAll();
  }
});
