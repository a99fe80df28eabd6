// What a page holds, for the memory tests (tests/e2e/lockdown.test.mjs)
// and the benchmark's churn section (bench/churn.mjs): a page whose DOM
// nodes, JS event listeners, JS heap (after a forced GC) and wasm memory
// can be read, and a round of cards added, used and removed.

/**
 * Runs before the page's scripts: keeps the wasm instances' memories where
 * the test can read their size (nothing of this ships in dist/).
 */
export function keepWasmMemories() {
  const { instantiate } = WebAssembly;
  globalThis.__wasmMemories = [];
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) globalThis.__wasmMemories.push(value);
      return result;
    });
  };
}

/** Past a removed card's unmount microtask, Yew's scheduler (its destroy) and a frame. */
export const settled = (p) => p.evaluate(() => new Promise((r) => { setTimeout(() => requestAnimationFrame(() => setTimeout(r, 50)), 0); }));

/** A page whose memory the test reads: DOM nodes, JS listeners and heap after a forced GC, and the wasm memory. */
export async function memoryPage(openPage, url) {
  const p = await openPage();
  await p.addInitScript(keepWasmMemories);
  await p.goto(url);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Performance.enable');
  p.memory = async () => {
    await settled(p);
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    const wasm = await p.evaluate(() => globalThis.__wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
    return { nodes: m.Nodes, listeners: m.JSEventListeners, heap: m.JSHeapUsedSize, wasm };
  };
  return p;
}

export const ROUND_CARDS = 30;

/**
 * Runs in the page: adds `count` eager cards (by `src` of two films, inline
 * JSON and `el.movie`), waits until each shows its movie, uses each (the
 * plot revealed, a tab, the progress), then removes them all.
 */
export async function cardRound(count, movie) {
  const box = document.querySelector('#cards');
  const cards = [];
  for (let i = 0; i < count; i += 1) {
    const card = document.createElement('spoiler-card');
    card.setAttribute('eager', '');
    card.setAttribute('remember', 'none');
    if (i % 4 === 0) card.setAttribute('src', '/movies/leaving-las-vegas.json');
    else if (i % 4 === 1) card.setAttribute('src', '/movies/the-sixth-sense.json');
    else if (i % 4 === 2) {
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = JSON.stringify({ ...movie, id: `inline-${i}` });
      card.append(data);
    } else card.movie = { ...movie, id: `property-${i}` };
    box.append(card);
    cards.push(card);
  }
  const until = async (check, what) => {
    const end = Date.now() + 15000;
    while (!cards.every(check)) {
      if (Date.now() > end) throw new Error(`the cards never ${what}`);
      await new Promise((r) => { setTimeout(r, 20); });
    }
  };
  await until((c) => c.shadowRoot?.querySelector('button.gate'), 'showed their movie');
  for (const card of cards) {
    card.shadowRoot.querySelector('button.gate').click();
    card.shadowRoot.querySelector('#sc-tab-characters')?.click();
    card.progress = 30;
  }
  await until((c) => c.shadowRoot.querySelector('#sc-plot.revealed') && c.progress === 30, 'revealed their plot');
  box.replaceChildren();
}

