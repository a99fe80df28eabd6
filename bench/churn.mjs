// Churn: a long-lived page (an SPA that routes between posts with cards)
// adds cards, uses them and removes them, round after round. What the page
// holds after a forced GC, per 1,000 cards added and removed: DOM nodes, JS
// event listeners, JS heap, wasm memory. The floor is the same page after
// its warm-up round: a page that frees what each card held stays there.
// The same rounds as the memory tests (tests/e2e/memory.mjs).
import { readFileSync } from 'node:fs';
import { cardRound, memoryPage, ROUND_CARDS } from '../tests/e2e/memory.mjs';

/** Runs the rounds; `newPage` opens a fresh page, `origin` serves /bench/churn.html. */
export async function churnBench({ quick, log, origin, newPage, noteErrors }) {
  const movie = JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8'));
  const total = quick ? 300 : 1020; // cards added and removed after the warm-up
  const rounds = Math.round(total / ROUND_CARDS);
  const page = await memoryPage(newPage, `${origin}/bench/churn.html`);
  const oneRound = `(${cardRound})(${ROUND_CARDS}, ${JSON.stringify(movie)})`;
  try {
    const started = Date.now();
    await page.evaluate(oneRound);
    const floor = await page.memory();
    for (let round = 0; round < rounds; round += 1) await page.evaluate(oneRound);
    const after = await page.memory();
    const cards = rounds * ROUND_CARDS;
    const per1000 = (key) => Math.round(((after[key] - floor[key]) * 1000) / cards);
    const result = {
      cards, roundCards: ROUND_CARDS, seconds: Math.round((Date.now() - started) / 100) / 10, floor, after,
      per1000Cards: { nodes: per1000('nodes'), listeners: per1000('listeners'), heapBytes: per1000('heap'), wasmBytes: per1000('wasm') },
    };
    log('churn', JSON.stringify(result.per1000Cards), `floor ${JSON.stringify(floor)}`);
    noteErrors('churn', page);
    return result;
  } finally {
    await page.close2();
  }
}

export function churnMarkdown(churn) {
  if (!churn) return [];
  const { per1000Cards: d, floor, after } = churn;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    '## Churn: cards added, used and removed', '',
    `One page adds ${churn.roundCards} eager cards (by \`src\` of two films, inline JSON, \`el.movie\`), reveals each plot, opens a tab, sets the progress, and removes them all; ${churn.cards} cards after one warm-up round (${churn.seconds} s). Read after a forced GC (CDP \`HeapProfiler.collectGarbage\`, \`Performance.getMetrics\`); the wasm memory is the instance's \`memory.buffer.byteLength\`. The floor is the page after the warm-up round.`, '',
    '| | floor | after | per 1,000 cards |',
    '| --- | ---: | ---: | ---: |',
    `| DOM nodes | ${floor.nodes} | ${after.nodes} | ${d.nodes} |`,
    `| JS event listeners | ${floor.listeners} | ${after.listeners} | ${d.listeners} |`,
    `| JS heap | ${kb(floor.heap)} | ${kb(after.heap)} | ${kb(d.heapBytes)} |`,
    `| wasm memory | ${kb(floor.wasm)} | ${kb(after.wasm)} | ${kb(d.wasmBytes)} |`, '',
  ];
}
