// Render cost: the 1,000-event movie's card against plain JS building the
// same DOM.
import { N, want, log, stats, fmt, synthetic, LIST_PAGE, ORIGIN, newPage, open, problems, noteErrors } from './setup.mjs';

export async function renderCost() {
  // ---------- 4. 1,000-event render: card vs plain JS ----------
  log(`render cost: ${N.render} x the card and plain JS building the same DOM, for the 1,000-event movie`);
  const RENDER = async ({ reps, page }) => {
    const movie = await (await fetch('/bench/synthetic-1000.json')).json();
    const sheets = document.querySelector('spoiler-card').shadowRoot.adoptedStyleSheets;
    const box = document.createElement('div');
    document.body.append(box);
    const waitFor = (root, cond) => new Promise((resolve) => {
      if (cond()) return resolve();
      let iv = 0;
      const mo = new MutationObserver(() => { if (cond()) { mo.disconnect(); clearInterval(iv); resolve(); } });
      mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      iv = setInterval(() => { if (cond()) { mo.disconnect(); clearInterval(iv); resolve(); } }, 1);
    });
    const idle = () => new Promise((r) => setTimeout(r, 20));
    const newCard = () => {
      const host = document.createElement('spoiler-card');
      host.setAttribute('eager', '');
      host.setAttribute('progress', String(movie.runtime_minutes)); // every event within progress
      host.movie = movie;
      return host;
    };
    const firstPageListed = (sr) => () => sr.querySelectorAll('li.event:not(.gated)').length === page && sr.querySelector('.show-more');
    // The card's rendered DOM as plain data: [namespace, tag, attributes,
    // input value, children] or a text.
    const describe = (node) => (node.nodeType === Node.TEXT_NODE ? node.data
      : [node.namespaceURI, node.localName, [...node.attributes].map((a) => [a.name, a.value]), node.value, [...node.childNodes].map(describe)]);
    const build = (d) => {
      if (typeof d === 'string') return document.createTextNode(d);
      const [ns, tag, attributes, value, children] = d;
      const e = document.createElementNS(ns, tag);
      for (const [k, v] of attributes) e.setAttribute(k, v);
      for (const c of children) e.append(build(c));
      if (tag === 'input') e.value = value;
      return e;
    };
    // A reference card: its DOM with the first page listed, then with every event listed.
    const ref = newCard();
    box.append(ref);
    await waitFor(ref.shadowRoot, firstPageListed(ref.shadowRoot));
    const firstPage = describe(ref.shadowRoot.firstChild);
    for (let button; (button = ref.shadowRoot.querySelector('#sc-panel-timeline .show-more button'));) {
      const before = ref.shadowRoot.querySelectorAll('li.event').length;
      button.click();
      await waitFor(ref.shadowRoot, () => ref.shadowRoot.querySelectorAll('li.event').length > before);
    }
    const allListed = describe(ref.shadowRoot.firstChild);
    const allCount = ref.shadowRoot.querySelectorAll('li.event').length;
    ref.remove();
    await idle();

    // The plain-JS baseline: a loop (recursive) that builds the given DOM
    // with createElement/setAttribute/createTextNode into a shadow root with
    // the card's adopted stylesheet, then forced layout.
    const plainBuild = (dom) => {
      const host = document.createElement('div');
      const t0 = performance.now();
      const sr = host.attachShadow({ mode: 'open' });
      sr.adoptedStyleSheets = sheets;
      sr.append(build(dom));
      box.append(host);
      sr.firstChild.getBoundingClientRect();
      const ms = performance.now() - t0;
      const html = sr.innerHTML;
      host.remove();
      return { ms, html };
    };
    const card = []; const plainSame = []; const plainAll = []; let cardHtml = ''; let plainHtml = '';
    for (let r = 0; r < reps; r++) {
      {
        const host = newCard();
        const t0 = performance.now();
        box.append(host);
        const sr = host.shadowRoot;
        await waitFor(sr, firstPageListed(sr));
        sr.firstChild.getBoundingClientRect();
        card.push(performance.now() - t0);
        cardHtml = sr.innerHTML;
        host.remove();
        await idle();
      }
      { const { ms, html } = plainBuild(firstPage); plainSame.push(ms); plainHtml = html; await idle(); }
      { const { ms } = plainBuild(allListed); plainAll.push(ms); await idle(); }
    }
    box.remove();
    return { card, plainSame, plainAll, allCount, sameDom: cardHtml === plainHtml, cardHtmlLength: cardHtml.length, plainHtmlLength: plainHtml.length };
  };
  let render;
  if (want('render')) {
    const page = await newPage({ init: false });
    await page.goto(`${ORIGIN}/bench/one-eager.html`);
    await page.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('li.event'));
    const r = await page.evaluate(RENDER, { reps: N.render + 1, page: LIST_PAGE });
    for (const k of ['card', 'plainSame', 'plainAll']) r[k].shift(); // first round is warm-up
    render = { card: stats(r.card), plain: stats(r.plainSame), plainAll: stats(r.plainAll), listed: LIST_PAGE, allCount: r.allCount, sameDom: r.sameDom };
    if (!r.sameDom) problems.push(`render: the plain-JS DOM differs from the card's (${r.plainHtmlLength} vs ${r.cardHtmlLength} characters of HTML)`);
    if (r.allCount !== 1000) problems.push(`render: the reference card listed ${r.allCount} events after "Show more", not 1,000`);
    render.ratio = Math.round((render.card.median / render.plain.median) * 100) / 100;
    render.ratioAll = Math.round((render.card.median / render.plainAll.median) * 100) / 100;
    noteErrors('render', page);
    await page.close2();
    log('render 1000-event movie: card', fmt(render.card), 'plain JS same DOM', fmt(render.plain), 'ratio', render.ratio, 'plain JS all 1000 listed', fmt(render.plainAll), 'same DOM', render.sameDom);
  }
  return render;
}
