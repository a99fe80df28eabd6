// The benchmark's mobile section: time to card on Lighthouse's mobile
// profile (slow 4G: 150 ms round trip, 1.6 Mbps down, 750 kbps up; CPU 4x
// slower through CDP), cold loads of four pages: the prerendered card as a
// blogger pastes it (the script tag, then what `spoiler-card render
// --manifest` prints, its preload hints included), the same with the
// loader's script tag `async`, the live embed (the README snippet) and the
// floor: the same prerendered page without the script tag (and without the
// hints: nothing live). Two moments each: the title painted, and the card
// interactive (a click on the gate would reveal). Then a reader's press on
// the gate at the first paint: when it is drawn pending, and when the plot
// shows.
import { execFileSync } from 'node:child_process';

export const PROFILE = { latency: 150, downloadKbps: 1600, uploadKbps: 750, cpu: 4 };
/**
 * Targets against the floor measured in the same run: issue 12's paint,
 * issue 23's live (2.0x), press at paint (the plot shown, 2.2x) and its
 * pending state (drawn within 50 ms of the press).
 */
export const TARGETS = { paint: 1.1, interactive: 2.0, clickAtPaint: 2.2, pendingMs: 50 };

// Runs at document start: records, at the animation frame in which it is
// painted, when the first card's title is in its shadow root with the card's
// stylesheet applied, and when the card is live (the gate in a live card: no
// prerendered root left, and the element defined).
const MOMENTS = () => {
  const m = (window.__moments = { paint: null, live: null });
  const frame = (now) => {
    const card = document.querySelector('spoiler-card');
    const root = card?.shadowRoot;
    const title = root?.querySelector('.title');
    const styled = title && getComputedStyle(root.querySelector('.card')).borderTopLeftRadius === '14px';
    if (m.paint === null && styled) m.paint = now;
    const prerendered = root && [...root.children].some((n) => n.matches('.root[data-sc-version]'));
    if (m.live === null && styled && root.querySelector('button.gate') && !prerendered && customElements.get('spoiler-card')) m.live = now;
    if (m.paint === null || m.live === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

// Runs at document start, for the click at paint: the frame in which the
// prerendered card is painted (its title, styled) with where its gate is;
// when the reader's press lands, whether it hit the gate, and whether the
// loader had run by then (its first statement adds a capturing click
// listener on the window: noted here); the first frame that draws the
// gate pending ("Opening…" on screen); the frame in which the plot is
// revealed.
const CLICK_MOMENTS = () => {
  const m = (window.__click = { paint: null, gate: null, pressed: null, onGate: null, listening: false, pending: null, revealed: null });
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this === window && type === 'click' && options === true) m.listening = true;
    return add.call(this, type, listener, options);
  };
  addEventListener('pointerdown', (event) => {
    if (m.pressed !== null) return;
    m.pressed = performance.now();
    m.onGate = !!event.composedPath().find((node) => node.classList?.contains('gate'));
    m.listeningAtPress = m.listening;
  }, true);
  const frame = (now) => {
    const root = document.querySelector('spoiler-card')?.shadowRoot;
    const card = root?.querySelector('.card');
    const gate = root?.querySelector('.gate');
    if (m.paint === null && gate && root.querySelector('.title') && getComputedStyle(card).borderTopLeftRadius === '14px') {
      m.paint = now;
      const box = gate.getBoundingClientRect();
      m.gate = { x: box.x + box.width / 2, y: box.y + box.height / 2, visible: box.bottom <= innerHeight };
    }
    const opening = root?.querySelector('.gate .opening');
    // (The frame's own timestamp is its start, which may precede the press
    // it handles: the time this frame's callbacks run, just before it
    // paints, is the bound.)
    if (m.pending === null && m.pressed !== null && opening && opening.getClientRects().length && getComputedStyle(opening).visibility === 'visible') m.pending = performance.now();
    if (m.revealed === null && root?.querySelector('#sc-plot.revealed')) m.revealed = now;
    if (m.revealed === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/**
 * Writes the prerendered page, then times `runs` cold loads of each page
 * (alternating) on the mobile profile. `newPage` gives a fresh context
 * with caching off and a CDP session; the floor page is `floorPath`.
 */
export async function mobileBench({ newPage, origin, served = 'compressed', runs, stats, log, generated, head, script, dist }) {
  const render = (...more) => execFileSync('target/release/spoiler-card', ['render', 'assets/movies/leaving-las-vegas.json', '--src', '/movies/leaving-las-vegas.json', '--embed', '/embed/', ...more], { encoding: 'utf8' });
  const fragment = render('--manifest', `${dist}/embed/manifest.json`);
  generated.set('/bench/prerendered.html', `${head}${script}</head><body>${fragment}</body></html>`);
  generated.set('/bench/prerendered-async.html', `${head}${script.replace('<script ', '<script async ')}</head><body>${fragment}</body></html>`);
  generated.set('/bench/prerendered-floor.html', `${head}</head><body>${render()}</body></html>`);
  const floorPath = '/bench/prerendered-floor.html';
  const pages = { prerendered: '/bench/prerendered.html', prerenderedAsync: '/bench/prerendered-async.html', embed: '/bench/one.html', floor: floorPath };
  const times = Object.fromEntries(Object.keys(pages).map((k) => [k, { paint: [], live: [] }]));
  // A fresh page on the mobile profile, recording with `moments`, loading `path`.
  const openThrottled = async (path, moments, options) => {
    const page = await newPage(options);
    await page.addInitScript(moments);
    await page.cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: PROFILE.latency,
      downloadThroughput: (PROFILE.downloadKbps * 1000) / 8, uploadThroughput: (PROFILE.uploadKbps * 1000) / 8,
    });
    await page.cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    return page;
  };
  const load = async (path) => {
    const page = await openThrottled(path, MOMENTS);
    const floor = path === floorPath;
    const deadline = Date.now() + 30000;
    let m;
    for (;;) {
      m = await page.evaluate(() => window.__moments).catch(() => null);
      if (m && m.paint !== null && (floor || m.live !== null)) break;
      if (Date.now() > deadline) throw new Error(`${path}: not done on the mobile profile after 30 s (${JSON.stringify(m)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await page.close2();
    // The static floor has nothing to make live: its card is "ready" when painted.
    return { paint: m.paint, live: floor ? m.paint : m.live };
  };
  for (const path of Object.values(pages)) await load(path); // warm the server and the OS caches
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of Object.entries(pages)) {
      const t = await load(path);
      times[name].paint.push(t.paint);
      times[name].live.push(t.live);
    }
  }
  // A reader who has seen the film presses the gate as soon as the
  // prerendered card paints (a real mouse press through CDP's input, as
  // soon as the poll below sees the painted frame: ~100-250 ms later on the
  // throttled page): is the plot revealed, and when? Lost: not revealed
  // 15 s after the press. (A taller viewport than the timed loads', so that
  // the gate is on screen.)
  const clickAtPaint = async (path) => {
    const page = await openThrottled(path, CLICK_MOMENTS, { height: 1400 });
    let m = null;
    for (const deadline = Date.now() + 30000; !(m?.paint != null);) {
      if (Date.now() > deadline) throw new Error(`${path}: never painted on the mobile profile`);
      await new Promise((r) => setTimeout(r, 20));
      m = await page.evaluate(() => window.__click).catch(() => null);
    }
    if (!m.gate.visible) throw new Error(`${path}: the gate is below the fold (${JSON.stringify(m.gate)})`);
    await page.mouse.click(m.gate.x, m.gate.y);
    m = await page.evaluate(() => window.__click);
    if (!m.onGate) throw new Error(`${path}: the press did not land on the gate (${JSON.stringify(m)})`);
    for (const deadline = Date.now() + 15000; m.revealed === null && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
      m = await page.evaluate(() => window.__click);
    }
    await page.close2();
    return m;
  };
  const clicks = [];
  for (let i = 0; i < runs; i++) clicks.push(await clickAtPaint(pages.prerendered));
  const kept = clicks.filter((c) => c.revealed !== null);
  const drawn = clicks.filter((c) => c.pending !== null);

  const result = { profile: PROFILE, served, runs, targets: TARGETS };
  result.clickAtPaint = {
    loads: clicks.length,
    lost: clicks.length - kept.length,
    beforeListener: clicks.filter((c) => !c.listeningAtPress).length,
    revealed: stats(kept.map((c) => c.revealed)),
    pressAfterPaint: stats(clicks.map((c) => c.pressed - c.paint)),
    pendingDrawn: drawn.length,
    pendingAfterPress: drawn.length ? stats(drawn.map((c) => c.pending - c.pressed)) : null,
  };
  for (const [name, t] of Object.entries(times)) result[name] = { paint: stats(t.paint), live: stats(t.live) };
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  result.ratios = {
    prerenderedPaint: ratio(result.prerendered.paint.median, result.floor.paint.median),
    prerenderedLive: ratio(result.prerendered.live.median, result.floor.paint.median),
    prerenderedAsyncPaint: ratio(result.prerenderedAsync.paint.median, result.floor.paint.median),
    prerenderedAsyncLive: ratio(result.prerenderedAsync.live.median, result.floor.paint.median),
    embedPaint: ratio(result.embed.paint.median, result.floor.paint.median),
    embedLive: ratio(result.embed.live.median, result.floor.paint.median),
  };
  result.ratios.clickAtPaintRevealed = kept.length ? ratio(result.clickAtPaint.revealed.median, result.floor.paint.median) : null;
  log(`mobile profile, ${served}:`, JSON.stringify(result.ratios), `floor ${result.floor.paint.median} ms; a click at paint lost in ${result.clickAtPaint.lost} of ${result.clickAtPaint.loads}, drawn pending ${result.clickAtPaint.pendingAfterPress?.median} ms after the press`);
  return result;
}

/** The section of results.md. */
export function mobileMarkdown(r) {
  const f = (s) => `${s.median} ms (${s.min}–${s.max}, IQR ${s.p25}–${s.p75})`;
  const served = r.served === 'uncompressed'
    ? 'served uncompressed (every file as it is: no real host serves it so; beside the headline for comparison)'
    : 'served compressed, as real hosts serve it (brotli by Accept-Encoding, the build\'s `.br` files for the embed folder)';
  const md = [`## Time to card on the mobile profile, ${r.served ?? 'compressed'}`, '', `Every file ${served}.`, ''];
  md.push(`Lighthouse's mobile profile: ${r.profile.latency} ms round trip, ${r.profile.downloadKbps / 1000} Mbps down, ${r.profile.uploadKbps} kbps up (CDP \`Network.emulateNetworkConditions\`), CPU ${r.profile.cpu}× slower (\`Emulation.setCPUThrottlingRate\`); ${r.runs} cold loads of each page, alternating, each in a fresh browser context (an empty cache, which the page's own requests may share, as on a first visit). Painted: the animation frame in which the card's title is in its shadow root with the card's stylesheet applied. Interactive: the frame in which the gate belongs to the live card (a click would reveal). The floor is the prerendered page without the script tag and the hints (nothing live), so its paint stands for both.`, '');
  md.push('| Page | title painted | × floor | interactive | × floor |', '|---|---:|---:|---:|---:|');
  md.push(`| prerendered card (the script tag, then \`spoiler-card render --manifest\`'s fragment with its hints) | ${f(r.prerendered.paint)} | ${r.ratios.prerenderedPaint}× | ${f(r.prerendered.live)} | ${r.ratios.prerenderedLive}× |`);
  if (r.prerenderedAsync) md.push(`| … the script tag \`async\` | ${f(r.prerenderedAsync.paint)} | ${r.ratios.prerenderedAsyncPaint}× | ${f(r.prerenderedAsync.live)} | ${r.ratios.prerenderedAsyncLive}× |`);
  md.push(`| live embed (README snippet) | ${f(r.embed.paint)} | ${r.ratios.embedPaint}× | ${f(r.embed.live)} | ${r.ratios.embedLive}× |`);
  md.push(`| floor (the prerendered page, no script tag) | ${f(r.floor.paint)} | 1× | — | |`, '');
  if (r.clickAtPaint) {
    const c = r.clickAtPaint;
    md.push(`A reader presses the prerendered card's gate just after it paints (a real mouse press through CDP input on the gate, ${c.pressAfterPaint.median} ms (${c.pressAfterPaint.min}–${c.pressAfterPaint.max}) after the painted frame; ${c.beforeListener} of the ${c.loads} presses came before the loader had run), ${c.loads} cold loads in a 800×1400 viewport: the press was **lost in ${c.lost} of ${c.loads}** (no reveal within 15 s of it)${c.lost < c.loads ? `; where it was kept, the plot showed at ${f(c.revealed)}, ${r.ratios.clickAtPaintRevealed}× the floor` : ''}.${c.pendingAfterPress ? ` The pending state ("Opening…") was drawn in ${c.pendingDrawn} of ${c.loads}, ${c.pendingAfterPress.median} ms (${c.pendingAfterPress.min}–${c.pendingAfterPress.max}) after the press.` : ''}`, '');
  }
  return md;
}
