// The benchmark's validation section: the worst-case documents within the
// limits (cli/examples/worst_case.rs writes them and times them
// natively), read by the card in the browser against JSON.parse of the same
// text in the same page.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';

/** Targets of issue 11: the worst document, natively and in the browser. */
export const TARGETS = { nativeMs: 100, browserMs: 300 };

/**
 * Runs the native timings, copies the documents under `dist`, then times
 * each in a page of `origin` (from `newPage()`); `runs` per document.
 */
export async function validationBench({ dist, origin, newPage, runs, stats, log }) {
  const dir = 'target/bench/worst';
  mkdirSync(dir, { recursive: true });
  const native = JSON.parse(execFileSync('cargo', ['run', '--release', '-q', '-p', 'spoiler-card-cli', '--example', 'worst_case', '--', dir],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }));
  cpSync(dir, `${dist}/bench-worst`, { recursive: true });

  const page = await newPage();
  await page.goto(`${origin}/bench/empty.html`);
  await page.waitForFunction(() => customElements.get('spoiler-card'));
  const rows = [];
  for (const doc of native.documents) {
    const timings = await page.evaluate(async ({ name, runs }) => {
      const text = await (await fetch(`/bench-worst/${name}.json`)).text();
      const idle = () => new Promise((r) => setTimeout(r, 50));
      const parse = []; const card = []; let shown = '';
      for (let i = 0; i < runs; i++) {
        let t0 = performance.now();
        try { JSON.parse(text); } catch { /* a syntax error is timed too */ }
        parse.push(performance.now() - t0);
        await idle();
        // The card: inline data, read and validated by the wasm, until its
        // first render (the card or its error box) is in its shadow root.
        const el = document.createElement('spoiler-card');
        el.setAttribute('eager', '');
        el.setAttribute('remember', 'none');
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = text;
        el.append(script);
        t0 = performance.now();
        document.body.append(el);
        for (const deadline = t0 + 30000; ;) {
          const box = el.shadowRoot?.querySelector('.error-box:not(.stopped), .title');
          if (box) { shown = box.className; break; }
          if (el.shadowRoot?.querySelector('.stopped') || performance.now() > deadline) { shown = 'stopped or timed out'; break; }
          await new Promise((r) => setTimeout(r, 0));
        }
        card.push(performance.now() - t0);
        el.remove();
        await idle();
      }
      return { parse, card, shown };
    }, { name: doc.name, runs });
    const row = { ...doc, browserCard: stats(timings.card), jsonParse: stats(timings.parse), shown: timings.shown };
    row.ratio = Math.round((row.browserCard.median / Math.max(row.jsonParse.median, 0.1)) * 10) / 10;
    rows.push(row);
    log('validation', doc.name, `native ${doc.card_ms} ms, browser ${row.browserCard.median} ms vs JSON.parse ${row.jsonParse.median} ms (${row.shown})`);
  }
  await page.close2();
  const worst = (key) => rows.reduce((a, b) => (b[key] > a[key] ? b : a));
  const worstNative = worst('card_ms');
  const worstBrowser = rows.reduce((a, b) => (b.browserCard.median > a.browserCard.median ? b : a));
  return { runs: native.runs, documents: rows, worstNative: { name: worstNative.name, ms: worstNative.card_ms }, worstBrowser: { name: worstBrowser.name, ms: worstBrowser.browserCard.median }, targets: TARGETS };
}

/** The section of results.md. */
export function validationMarkdown(v) {
  const md = ['## Validation of the worst documents within the limits', ''];
  md.push(`Each document as large as the limits allow (5 MB, 250,000 values, 32 levels), one per shape that could cost more than its size (cli/examples/worst_case.rs). Native: \`json::parse\` and validation as the card runs them, the checker's \`check_text\`, and serde_json parsing the same text (the native counterpart of \`JSON.parse\`), medians of ${v.runs}. Browser: from appending a \`<spoiler-card eager>\` with the document as inline JSON to its first render (the card or its error box) in its shadow root, against \`JSON.parse\` of the same text in the same page, medians with (min–max).`, '');
  md.push('| Document | bytes | native card, ms | native checker, ms | serde_json, ms | browser card, ms | JSON.parse, ms | card / JSON.parse |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  const f = (st) => `${st.median} (${st.min}–${st.max})`;
  for (const r of v.documents) md.push(`| ${r.what} | ${r.bytes.toLocaleString('en')} | ${r.card_ms} | ${r.checker_ms} | ${r.serde_json_ms} | ${f(r.browserCard)} | ${f(r.jsonParse)} | ${r.ratio}x |`);
  md.push('', `Worst: natively ${v.worstNative.ms} ms (${v.worstNative.name}; target < ${v.targets.nativeMs} ms), in the browser ${v.worstBrowser.ms} ms (${v.worstBrowser.name}; target < ${v.targets.browserMs} ms).`, '');
  return md;
}
