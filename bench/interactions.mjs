// Interaction latency: reveal, tab switch, progress and "Show more", at
// 1x and 4x CPU, on the example and the synthetic movie.
import { N, want, log, stats, fmtShort, example, synthetic, LIST_PAGE, ORIGIN, newPage, sleep, open, noteErrors } from './setup.mjs';

export async function interactionLatency() {
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
  return interactions;
}
