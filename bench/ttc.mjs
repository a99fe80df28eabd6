// Time to card: the static floor frozen from one rendered card, then cold
// loads of the embed and the floor, alternating.
import { writeFileSync } from 'node:fs';
import { generated, N, want, GEN, log, stats, fmt, ORIGIN, HEAD, newPage, waitDone, open, noteErrors } from './setup.mjs';

export async function timeToCard() {
  // ---------- 1. the static floor: freeze one rendered card ----------
  log('freezing the rendered card into a static page');
  {
    const page = await newPage({ init: false });
    await page.goto(`${ORIGIN}/bench/one-eager.html`);
    await page.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('.title'));
    const { css, html } = await page.evaluate(() => {
      const sr = document.querySelector('spoiler-card').shadowRoot;
      return { css: [...sr.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'), html: sr.innerHTML };
    });
    writeFileSync(`${GEN}/card.css`, css);
    const floor = `${HEAD}</head><body><spoiler-card src="/movies/leaving-las-vegas.json"><template shadowrootmode="open"><link rel="stylesheet" href="/bench/card.css">${html}</template></spoiler-card></body></html>`;
    writeFileSync(`${GEN}/floor.html`, floor);
    generated.set('/bench/floor.html', floor);
    noteErrors('freeze', page);
    await page.close2();
  }

  // ---------- 2. time to card ----------
  async function coldLoad(path) {
    const page = await newPage();
    await open(page, `${ORIGIN}${path}`);
    const b = await waitDone(page);
    noteErrors(path, page);
    await page.close2();
    return b.done;
  }
  log(`time to card: ${N.ttc} cold loads each, alternating embed and floor`);
  const ttcEmbed = []; const ttcFloor = [];
  if (!want('ttc')) N.ttc = 1;
  else { await coldLoad('/bench/one.html'); await coldLoad('/bench/floor.html'); } // warm the server and the OS caches
  for (let i = 0; i < N.ttc; i++) {
    ttcEmbed.push(await coldLoad('/bench/one.html'));
    ttcFloor.push(await coldLoad('/bench/floor.html'));
  }
  const ttc = { embed: stats(ttcEmbed), floor: stats(ttcFloor) };
  ttc.ratio = Math.round((ttc.embed.median / ttc.floor.median) * 100) / 100;
  ttc.raw = { embed: ttcEmbed, floor: ttcFloor };
  log('time to card', fmt(ttc.embed), 'floor', fmt(ttc.floor), 'ratio', ttc.ratio);
  return ttc;
}
