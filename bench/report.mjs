// The benchmark's report: twiggy's table, the targets and results.md.
// bench.mjs calls these; `node bench/report.mjs` re-renders results.md
// (and the twiggy table) from an existing bench/results/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { validationMarkdown } from './validation.mjs';
import { studioMarkdown } from './studio.mjs';
import { packageMarkdown } from './package.mjs';
import { mobileMarkdown } from './mobile.mjs';
import { churnMarkdown } from './churn.mjs';

const fmtShort = (st) => `${st.median} (${st.min}–${st.max})`;
// Without symbol hashes and crate disambiguators (`yew[8c73…]`).
const shortName = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');

/** The release .wasm rebuilt with function names, by scripts/bench.sh. */
export const NAMED_WASM = 'target/bench/named.wasm';

/** twiggy top of the name-keeping build, code and data only. */
export function twiggyTop(wasm, n = 15) {
  if (!existsSync(wasm)) return null;
  const csv = execFileSync(`${process.env.HOME}/.cargo/bin/twiggy`, ['top', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const parseLine = (line) => {
    const out = []; let cur = ''; let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) { if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch; }
      else if (ch === '"') quoted = true; else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
    }
    out.push(cur); return out;
  };
  const rows = csv.trim().split('\n').slice(1).map(parseLine).map(([name, shallow]) => ({ name, bytes: Number(shallow) }));
  const isMeta = (name) => /custom section|subsection|__wbindgen_describe/.test(name);
  const codeRows = rows.filter((r) => !isMeta(r.name));
  const codeTotal = codeRows.reduce((t, r) => t + r.bytes, 0);
  return {
    file: wasm,
    codeAndDataBytes: codeTotal,
    note: 'the release .wasm built again the same way (nightly, immediate-abort panics, the same wasm-opt options) with function names kept; the name section left out; % of the code and data bytes',
    top: codeRows.slice(0, n).map((r) => ({ name: shortName(r.name), bytes: r.bytes, percent: Math.round((r.bytes / codeTotal) * 10000) / 100 })),
  };
}

/** Writes results.json (with the targets) and results.md into `out`. */
export function writeReport(results, out) {
  const { size, twiggy, timeToCard: ttc, mobile, mobileRaw, interactions, render, scale, churn, validation, studio, npmPackage, problems, machine, chromium: chromiumVersion, repetitions: N, quick: QUICK } = results;

  const kb = (n) => (n / 1024).toFixed(1);
  const ex4 = interactions.filter((r) => r.movie === 'example' && r.throttle === 4);
  const worstEx4 = Math.max(...ex4.flatMap((r) => [r.reveal.median, r.tab.median, r.progress.median]));
  const firstOpenEx4 = Math.max(...ex4.map((r) => r.tabFirstOpen.median));
  const firstOpenHoverEx4 = Math.max(...ex4.map((r) => r.tabFirstOpenAfterHover.median));
  const s100 = scale.find((r) => r.cards === 100 && r.mode === 'eager');
  const s100lazy = scale.find((r) => r.cards === 100 && r.mode === 'lazy');
  const targets = [
    { target: 'brotli total < 60 KB', value: `${kb(size.total.brotli)} KB`, met: size.total.brotli < 60 * 1024,
      gap: size.total.brotli < 60 * 1024 ? '' : `${kb(size.total.brotli - 60 * 1024)} KB over (${((size.total.brotli / (60 * 1024)) * 100 - 100).toFixed(0)}%)` },
    { target: 'time to card within 1.5x of the static floor', value: `${ttc.ratio}x (${ttc.embed.median} / ${ttc.floor.median} ms)`, met: ttc.ratio <= 1.5,
      gap: ttc.ratio <= 1.5 ? '' : `${(ttc.ratio / 1.5).toFixed(2)}x too slow; ${(ttc.embed.median - 1.5 * ttc.floor.median).toFixed(0)} ms over` },
    { target: 'every interaction < 16 ms at 4x throttle, example movie (median): reveal, tab switch, progress', value: `worst median ${worstEx4} ms`, met: worstEx4 < 16,
      gap: worstEx4 < 16 ? '' : `${(worstEx4 - 16).toFixed(1)} ms over` },
    { target: '… and the first opening of a tab, as a reader makes it (the pointer on the tab list, the press 100 ms later)', value: `worst median ${firstOpenHoverEx4} ms`, met: firstOpenHoverEx4 < 16,
      gap: firstOpenHoverEx4 < 16 ? '' : `${(firstOpenHoverEx4 - 16).toFixed(1)} ms over` },
    { target: '… and the first opening of a tab by a bare click (no pointer movement first: the worst case)', value: `worst median ${firstOpenEx4} ms`, met: firstOpenEx4 < 16,
      gap: firstOpenEx4 < 16 ? '' : `${(firstOpenEx4 - 16).toFixed(1)} ms over` },
    { target: '1,000-event movie rendered within 1.5x of plain JS building the same DOM', value: `${render.ratio}x (${render.card.median} / ${render.plain.median} ms)${render.plainAll ? `; plain JS building the card with all 1,000 listed: ${render.plainAll.median} ms` : ''}`, met: render.ratio <= 1.5,
      gap: render.ratio <= 1.5 ? '' : `${(render.ratio / 1.5).toFixed(2)}x too slow` },
    { target: '100 cards rendered < 1 s (one wasm instance)', value: `eager ${s100.time.median} ms; lazy (in viewport) ${s100lazy.time.median} ms`, met: s100.time.median < 1000,
      gap: s100.time.median < 1000 ? '' : `${(s100.time.median - 1000).toFixed(0)} ms over (eager)` },
  ];
  if (mobile) {
    const { ratios: r, targets: t } = mobile;
    targets.push(
      { target: `prerendered card: title painted within ${t.paint}x of the floor (mobile profile, served compressed)`, value: `${r.prerenderedPaint}x (${mobile.prerendered.paint.median} / ${mobile.floor.paint.median} ms)`, met: r.prerenderedPaint <= t.paint, gap: r.prerenderedPaint <= t.paint ? '' : `${(r.prerenderedPaint / t.paint).toFixed(2)}x too slow` },
      { target: `… live within ${t.interactive}x of the floor (issue 23)`, value: `${r.prerenderedLive}x (${mobile.prerendered.live.median} ms)${r.prerenderedAsyncLive ? `; with the script tag async ${r.prerenderedAsyncLive}x (${mobile.prerenderedAsync.live.median} ms)` : ''}; the live embed: painted ${r.embedPaint}x, interactive ${r.embedLive}x`, met: r.prerenderedLive <= t.interactive, gap: r.prerenderedLive <= t.interactive ? '' : `${(r.prerenderedLive / t.interactive).toFixed(2)}x too slow; ${(mobile.prerendered.live.median - t.interactive * mobile.floor.paint.median).toFixed(0)} ms over` },
    );
    if (mobile.clickAtPaint) {
      const c = mobile.clickAtPaint;
      const met = c.lost === 0 && r.clickAtPaintRevealed <= t.clickAtPaint;
      targets.push({ target: `… a press on the gate just after the first paint opens the plot, within ${t.clickAtPaint}x of the floor (issue 23)`, value: `lost in ${c.lost} of ${c.loads} loads (${c.beforeListener} of the presses came before the loader had run)${c.lost < c.loads ? `; kept ones revealed at ${c.revealed.median} ms (${r.clickAtPaintRevealed}x)` : ''}`, met, gap: met ? '' : c.lost ? `${c.lost} of ${c.loads} presses lost` : `${(r.clickAtPaintRevealed / t.clickAtPaint).toFixed(2)}x too slow` });
      if (t.pendingMs) {
        const p = c.pendingAfterPress;
        const ok = !!p && c.pendingDrawn === c.loads && p.median <= t.pendingMs;
        targets.push({ target: `… that press drawn pending ("Opening…") within ${t.pendingMs} ms of it (issue 23)`, value: p ? `${p.median} ms (${p.min}–${p.max}), drawn in ${c.pendingDrawn} of ${c.loads}` : 'never drawn', met: ok, gap: ok ? '' : p ? `${(p.median - t.pendingMs).toFixed(0)} ms over` : 'not drawn' });
      }
    }
    if (mobileRaw) {
      const raw = mobileRaw.ratios;
      const rc = mobileRaw.clickAtPaint;
      targets.push({ target: '… the same, served uncompressed (reported)', value: `painted ${raw.prerenderedPaint}x, interactive ${raw.prerenderedLive}x (${mobileRaw.prerendered.live.median} / ${mobileRaw.floor.paint.median} ms); the live embed ${raw.embedLive}x${rc ? `; a press at paint lost in ${rc.lost} of ${rc.loads}${rc.lost < rc.loads ? `, the plot at ${raw.clickAtPaintRevealed}x` : ''}${rc.pendingAfterPress ? `, drawn pending ${rc.pendingAfterPress.median} ms after it` : ''}` : ''}`, met: null, gap: '' });
    }
  }
  if (validation) {
    const { worstNative: n, worstBrowser: b, targets: t } = validation;
    targets.push(
      { target: `worst document within the limits validated natively < ${t.nativeMs} ms`, value: `${n.ms} ms (${n.name})`, met: n.ms < t.nativeMs, gap: n.ms < t.nativeMs ? '' : `${(n.ms - t.nativeMs).toFixed(0)} ms over` },
      { target: `… and in the browser < ${t.browserMs} ms`, value: `${b.ms} ms (${b.name})`, met: b.ms < t.browserMs, gap: b.ms < t.browserMs ? '' : `${(b.ms - t.browserMs).toFixed(0)} ms over` },
    );
  }
  results.targets = targets;
  writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2));

  const md = [];
  md.push('# spoiler-card benchmark results', '');
  md.push(`Generated by \`make bench\` (bench/bench.mjs) on ${results.date}${QUICK ? ' — QUICK RUN (few repetitions), not for quoting' : ''}.`, '');
  md.push(`Machine: ${machine.nproc} CPUs (${machine.model}), ${machine.memTotal} RAM, load average at the end ${machine.loadavg} (shared machine: absolute times are noisy, compare the ratios). Browser: Chromium ${chromiumVersion} headless (playwright-core), Node ${results.node}.`, '');
  md.push('Figures are medians with (min–max) and, where given, the interquartile range; n = repetitions.', '');
  md.push('## Targets', '', '| Target | Measured | Met? | Gap |', '|---|---|---|---|');
  for (const t of targets) md.push(`| ${t.target} | ${t.value} | ${t.met === null ? 'reported' : t.met ? 'yes' : '**no**'} | ${t.gap} |`);
  md.push('');
  md.push('## Size', '', 'What one embedded card downloads (dist/embed: loader, glue, snippet, .wasm, stylesheet), from `scripts/size-report.mjs`:', '');
  md.push('| File | raw | gzip -9 | brotli -q 11 |', '|---|---:|---:|---:|');
  for (const f of size.files) md.push(`| \`${f.file}\` | ${kb(f.raw)} KB | ${kb(f.gzip)} KB | ${kb(f.brotli)} KB |`);
  md.push(`| **total** | **${kb(size.total.raw)} KB** | **${kb(size.total.gzip)} KB** | **${kb(size.total.brotli)} KB** |`, '');
  md.push('![size breakdown](size.png)', '');
  if (twiggy) {
    md.push(`Largest contributors to the .wasm (\`twiggy top\`, ${twiggy.note}):`, '');
    md.push('| # | Item | Bytes | % of code+data |', '|---:|---|---:|---:|');
    twiggy.top.forEach((r, i) => md.push(`| ${i + 1} | \`${r.name.replace(/\|/g, '\\|')}\` | ${r.bytes} | ${r.percent.toFixed(2)} |`));
    md.push('');
  }
  md.push('## Time to card', '');
  md.push(`Navigation start to the card's title present in its shadow root, its stylesheet applied and the card's content laid out (forced by reading the title's box, which lays it out even before \`content-visibility: auto\` has decided the card is on screen); ${N.ttc} cold loads each (new browser context, cache disabled), embed and floor alternating. The embed page is the README snippet (\`<spoiler-card src>\`, lazy start, one fetch of the JSON); the floor is the same card's rendered shadow DOM frozen into declarative shadow DOM with its CSS as a linked stylesheet (target/bench/floor.html, card.css). Nothing of the harness runs in the page while it starts: the page is not awaited to its load event, and its done flag is read through plain CDP evaluations.`, '');
  md.push('| Page | median | min–max | IQR |', '|---|---:|---:|---:|');
  md.push(`| (a) embed bundle | ${ttc.embed.median} ms | ${ttc.embed.min}–${ttc.embed.max} | ${ttc.embed.p25}–${ttc.embed.p75} |`);
  md.push(`| (b) static floor | ${ttc.floor.median} ms | ${ttc.floor.min}–${ttc.floor.max} | ${ttc.floor.p25}–${ttc.floor.p75} |`);
  md.push(`| ratio a/b (medians) | ${ttc.ratio}x | | |`, '');
  md.push('## Interaction latency', '');
  md.push(`Input → DOM committed (checked synchronously, then on every mutation) → forced layout (\`getBoundingClientRect\`), median of ${N.inter} after ${N.warm} warm-up rounds, ms, as median (min–max). Reveal: click the plot gate (then "Hide again", not timed). Tab: alternate Characters/Timeline; a panel opened once stays rendered (hidden, inert, \`content-visibility: hidden\`), so the timed switches show kept panels. The first opening of Characters is given on its own, one sample per fresh page, ${N.firstOpen ?? 1} pages each: by a bare \`click()\` (its panel built then, with code not yet run on the page), and as a reader makes it — the pointer moved onto the tab list first (Playwright's mouse), which builds every panel hidden, and the press 100 ms later. Progress: set the slider to runtime/4 and 3·runtime/4 alternately with a bubbling \`input\` event. Show more: click "Show 50 more" under the timeline until the whole list is listed (${render.listed ? Math.ceil(1000 / render.listed) - 2 : '—'} timed clicks for 1,000 events; each adds 50 rows to a growing list, so the later ones cost more). "gated" = progress 0; "revealed" = after "Show everything" (every event and arc shown). Throttle via CDP \`Emulation.setCPUThrottlingRate\`. Long lists show ${render.listed ?? 'all'} items at first: "events listed" counts the timeline rows in the DOM when the timings start.`, '');
  md.push('| Movie | State | CPU | events listed of total (gated) | reveal | tab switch | first open of a tab: bare click / after hover | progress | show more |', '|---|---|---|---|---:|---:|---:|---:|---:|');
  for (const r of interactions) md.push(`| ${r.movie} | ${r.state} | ${r.throttle}x | ${r.events}${r.total ? ` of ${r.total}` : ''} (${r.gated}) | ${fmtShort(r.reveal)} | ${fmtShort(r.tab)} | ${fmtShort(r.tabFirstOpen)} / ${fmtShort(r.tabFirstOpenAfterHover)} | ${fmtShort(r.progress)} | ${r.showMore ? fmtShort(r.showMore) : '—'} |`);
  md.push('');
  md.push('## Render cost against plain JS', '');
  if (render.plainAll) {
    md.push(`Rendering the synthetic movie (1,000 timeline events, 200 characters, every event within progress: \`progress\` = runtime), ${N.render} rounds after a warm-up, in the same page. Card: from appending a new \`<spoiler-card eager>\` whose \`movie\` property is the parsed object until its timeline lists its first ${render.listed} events with "Show 50 more" under them, laid out; this includes reading and validating all 1,000 events and 200 characters. Plain JS, same DOM: a recursive loop that builds the card's whole rendered DOM (captured once from a reference card: every element, attribute and text; ${render.sameDom ? 'its HTML checked equal to the card\'s' : 'NOT equal to the card\'s — see Problems'}) with \`createElementNS\`/\`setAttribute\`/\`createTextNode\` into a shadow root with the card's adopted stylesheet, then forced layout: the baseline for the target. Plain JS, all listed: the same loop building the card's DOM with all ${render.allCount ?? 1000} events listed (captured after clicking "Show 50 more" to the end), as a widget without paging would render.`, '');
    md.push('| Side | median | min–max | IQR |', '|---|---:|---:|---:|');
    md.push(`| card (lists ${render.listed}) | ${render.card.median} ms | ${render.card.min}–${render.card.max} | ${render.card.p25}–${render.card.p75} |`);
    md.push(`| plain JS, same DOM | ${render.plain.median} ms | ${render.plain.min}–${render.plain.max} | ${render.plain.p25}–${render.plain.p75} |`);
    md.push(`| plain JS, all 1,000 listed | ${render.plainAll.median} ms | ${render.plainAll.min}–${render.plainAll.max} | ${render.plainAll.p25}–${render.plainAll.p75} |`);
    md.push(`| ratio card / same DOM (medians) | ${render.ratio}x | | |`);
    md.push(`| ratio card / all listed (medians) | ${render.ratioAll}x | | |`, '');
  } else {
    md.push(`Rendering the synthetic movie's 1,000 timeline events, all shown, ${N.render} rounds: card ${render.card.median} ms, plain JS ${render.plain.median} ms, ratio ${render.ratio}x.`, '');
  }
  md.push('## Scale', '');
  md.push(`N copies of the example card (same \`src\`) on one page, ${N.scale} cold loads each. Time: navigation start to every card rendered ("eager", all cards have \`eager\`) or every card that lies in the 800×900 viewport rendered ("lazy", the default lazy start); rendered = the card's DOM built in its shadow root, and the first card's content laid out. Cards off screen defer their own layout and paint until the reader scrolls near them (\`content-visibility: auto\` on the element). Memory 300 ms later after a forced GC: JS heap (CDP \`Performance.getMetrics\` JSHeapUsedSize), the wasm linear memory (\`memory.buffer.byteLength\` of the glue module's exports — one instance for the page), DOM nodes. "cards rendered" = cards whose title was in their shadow root at that point (lazy cards further than 600 px below the viewport have not started).`, '');
  md.push('| Cards | Start | time to all rendered, ms | JS heap, MB | wasm memory, MB | DOM nodes | cards rendered |', '|---:|---|---:|---:|---:|---:|---:|');
  for (const r of scale) md.push(`| ${r.cards} | ${r.mode} | ${fmtShort(r.time)} | ${fmtShort(r.jsHeapMB)} | ${r.wasmMB ? fmtShort(r.wasmMB) : 'n/a'} | ${r.domNodes.median} | ${r.renderedAfter300ms}${r.failedLoads ? ` (${r.failedLoads} load(s) failed, see Problems)` : ''} |`);
  md.push('');
  const e1 = scale.find((r) => r.cards === 1 && r.mode === 'eager');
  const per = (k) => ((s100[k].median - e1[k].median) / 99);
  md.push(`Growth per card (eager, 1 → 100 cards, medians): ${per('time').toFixed(1)} ms, ${(per('jsHeapMB') * 1024).toFixed(0)} KB JS heap${s100.wasmMB ? `, ${(((s100.wasmMB.median - e1.wasmMB.median) / 99) * 1024).toFixed(0)} KB wasm memory` : ''}, ${((s100.domNodes.median - e1.domNodes.median) / 99).toFixed(0)} DOM nodes.`, '');
  md.push('![scale: cards vs time and memory](scale.png)', '');
  md.push(...churnMarkdown(churn));
  if (mobile) md.push(...mobileMarkdown(mobile));
  if (mobileRaw) md.push(...mobileMarkdown(mobileRaw));
  if (validation) md.push(...validationMarkdown(validation));
  if (studio) md.push(...studioMarkdown(studio));
  if (npmPackage) md.push(...packageMarkdown(npmPackage));
  if (problems.length) { md.push('## Problems seen during the run', ''); for (const p of [...new Set(problems)]) md.push(`- ${p}`); md.push(''); }
  writeFileSync(`${out}/results.md`, md.join('\n'));

}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const out = process.env.BENCH_OUT ?? 'bench/results';
  const results = JSON.parse(readFileSync(`${out}/results.json`, 'utf8'));
  const tw = twiggyTop(NAMED_WASM);
  if (tw) results.twiggy = tw;
  writeReport(results, out);
  console.log(`re-rendered ${out}/results.md`);
}
