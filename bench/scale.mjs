// Scale: N cards on one page, eager and lazy: time, JS heap, wasm memory,
// DOM nodes.
import { N, want, log, stats, fmt, glueName, ORIGIN, newPage, waitDone, open, problems, noteErrors } from './setup.mjs';

export async function scaleBench() {
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
  return scale;
}
