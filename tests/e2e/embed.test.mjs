// End-to-end tests of embedding (issue 6): hostile host CSS, a strict CSP,
// twenty cards with broken sources, dynamic insertion/move/removal,
// attribute and property changes, lazy start, cross-origin loading,
// untrusted text and the no-JavaScript fallback. Pages live in examples/.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { generated } from './server.mjs';
import {
  test, assert, assertEqual, openPage, waitForCard, renderedText, spoilerOnlyWords, present, UI_TEXT,
} from './lib.mjs';

const MOVIES = {
  llv: JSON.parse(readFileSync(new URL('../../dist/movies/leaving-las-vegas.json', import.meta.url), 'utf8')),
  sixth: JSON.parse(readFileSync(new URL('../../dist/movies/the-sixth-sense.json', import.meta.url), 'utf8')),
};

/** Opens `url` in a fresh context, runs `fn(page)`, always closes the context. */
async function withPage(browser, url, options, fn) {
  const page = await openPage(browser, null, options);
  try {
    if (url) await page.goto(url);
    return await fn(page);
  } finally {
    await page.closeAll();
  }
}

/** Waits until the card `selector` shows `what` inside its shadow root. */
function waitInCard(page, selector, what, timeout = 15000) {
  return page.waitForFunction(([sel, what]) => !!document.querySelector(sel)?.shadowRoot?.querySelector(what),
    [selector, what], { timeout }).catch(async (error) => {
    const state = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return 'no such element';
      if (!el.shadowRoot) return 'no shadow root';
      return el.shadowRoot.innerHTML.slice(0, 400);
    }, selector);
    throw new Error(`${selector} never showed ${what} (${error.message.split('\n')[0]}); card is: ${state}`);
  });
}

/** A snapshot of what a card looks like: sizes and computed styles inside its shadow root. */
function cardLook(page, selector) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host.shadowRoot;
    const rect = (el) => { const r = el.getBoundingClientRect(); return { width: r.width, height: r.height }; };
    const style = (el, props) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    const title = root.querySelector('.title');
    const gate = root.querySelector('button.gate');
    const plot = root.querySelector('#sc-plot');
    const card = root.querySelector('article.card');
    const synopsis = root.querySelector('.synopsis p');
    const tab = root.querySelector('button[role=tab]');
    return {
      host: rect(host),
      card: rect(card),
      cardStyle: style(card, ['display', 'background-color', 'padding-top', 'border-top-width']),
      title: style(title, ['color', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'text-transform', 'font-style', 'direction', 'text-align']),
      titleRect: rect(title),
      synopsis: style(synopsis, ['color', 'font-family', 'font-size', 'line-height', 'letter-spacing', 'margin-top', 'word-spacing', 'white-space']),
      gate: { ...style(gate, ['display', 'position', 'cursor', 'background-color', 'padding-top', 'border-top-style']), ...rect(gate) },
      tab: { ...style(tab, ['display', 'background-color', 'color']), ...rect(tab) },
      tablistDisplay: getComputedStyle(root.querySelector('[role=tablist]')).display,
      plotFilter: getComputedStyle(plot).filter,
      plotClass: plot.className,
    };
  }, selector);
}

test('embed: hostile host CSS cannot restyle the card, and the spoiler blur still applies', async ({ browser, origin }) => {
  const viewport = { width: 1200, height: 1000 };
  mkdirSync('target/e2e', { recursive: true });
  const looks = {};
  for (const name of ['blog', 'hostile']) {
    await withPage(browser, `${origin}/examples/${name}.html`, viewport, async (page) => {
      // The cards are lazy (no `eager`), and the hostile page's huge fonts push
      // the first one far down: bring it into view on both pages alike.
      await page.locator('spoiler-card').first().scrollIntoViewIfNeeded();
      await waitForCard(page, 'spoiler-card');
      await page.evaluate(() => document.fonts.ready);
      if (name === 'hostile') {
        // The hostile sheet really applies to the page around the card.
        const pageColor = await page.evaluate(() => getComputedStyle(document.querySelector('.post p')).color);
        assertEqual(pageColor, 'rgb(255, 0, 0)', 'hostile.css applies to the blog text');
      }
      looks[name] = await cardLook(page, 'spoiler-card');
      // The card's CSS stays in its shadow root: nothing added to the page's own sheets.
      const pageSheets = await page.evaluate(() => ({
        adopted: document.adoptedStyleSheets.length,
        styles: document.querySelectorAll('style').length,
        links: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')),
      }));
      assertEqual(pageSheets, { adopted: 0, styles: 0, links: name === 'blog' ? ['blog.css'] : ['blog.css', 'hostile.css'] }, `page-level stylesheets on ${name}.html`);
      const shot = await page.locator('spoiler-card').first().screenshot({ animations: 'disabled' });
      writeFileSync(`target/e2e/embed-${name}-card.png`, shot);
      assertEqual(page.problems, [], `no uncaught errors on ${name}.html`);
    });
  }
  const { blog, hostile } = looks;
  const near = (h, b, what) => assert(Math.abs(h - b) <= 2, `${what}: ${b} on blog.html vs ${h} on hostile.html (tolerance 2px)`);
  near(hostile.host.width, blog.host.width, 'card host width');
  near(hostile.host.height, blog.host.height, 'card host height');
  near(hostile.card.width, blog.card.width, 'article.card width');
  near(hostile.card.height, blog.card.height, 'article.card height');
  near(hostile.titleRect.height, blog.titleRect.height, '.title height');
  near(hostile.gate.width, blog.gate.width, 'gate button width');
  near(hostile.gate.height, blog.gate.height, 'gate button height');
  near(hostile.tab.width, blog.tab.width, 'first tab width');
  assertEqual(hostile.title, blog.title, 'computed style of .title');
  assertEqual(hostile.synopsis, blog.synopsis, 'computed style of the synopsis');
  assertEqual(hostile.cardStyle, blog.cardStyle, 'computed style of article.card');
  assertEqual({ display: hostile.gate.display, position: hostile.gate.position, cursor: hostile.gate.cursor, bg: hostile.gate['background-color'], pad: hostile.gate['padding-top'] },
    { display: blog.gate.display, position: blog.gate.position, cursor: blog.gate.cursor, bg: blog.gate['background-color'], pad: blog.gate['padding-top'] },
    'computed style of the spoiler gate button');
  assertEqual(hostile.tablistDisplay, blog.tablistDisplay, 'tablist display');
  assert(blog.plotFilter.includes('blur'), `the veiled plot is blurred on blog.html (filter: ${blog.plotFilter})`);
  assert(hostile.plotFilter.includes('blur'), `the veiled plot is still blurred on hostile.html (filter: ${hostile.plotFilter})`);
  assert(hostile.plotClass.includes('veiled'), `the plot is veiled on hostile.html (class: ${hostile.plotClass})`);
});

test('embed: strict CSP page renders the card with no violations', async ({ browser, origin }) => {
  const page = await openPage(browser, null);
  try {
    const response = await page.goto(`${origin}/__csp/examples/csp.html`);
    const csp = response.headers()['content-security-policy'] ?? '';
    assert(csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `the page is served with the strict CSP (got "${csp}")`);
    await waitInCard(page, '#csp-card', '.title');
    // The card is interactive under the CSP too.
    await page.locator('#csp-card button.gate').click();
    await waitInCard(page, '#csp-card', '#sc-plot.revealed');
    const violations = await page.evaluate(() => window.__cspViolations);
    assertEqual(violations, [], 'securitypolicyviolation events');
    assertEqual(page.problems, [], 'uncaught errors and dialogs');
    const cspErrors = page.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e));
    assertEqual(cspErrors, [], 'CSP errors in the console');
    // Control: the policy is enforced, so the listener would have seen a violation.
    await page.evaluate(() => { const s = document.createElement('style'); s.textContent = 'body{color:red}'; document.head.append(s); });
    await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 });
  } finally {
    await page.closeAll();
  }
});

const BROKEN = {
  'card-5': { src: '/__status/404/missing.json', summary: 'HTTP 404', retry: true },
  'card-10': { src: 'data/not-json.json', summary: 'not valid JSON', retry: false },
  'card-15': { src: 'data/invalid.json', summary: 'The movie data has problems', retry: false, paths: ['year:', 'title:', 'similar[0].url:'] },
  'card-20': { src: '/__hang/never.json', summary: 'took too long', retry: true },
};

test('embed: 20 cards — one wasm, one request per movie, own state each, broken sources fail alone', async ({ browser, origin }) => {
  const page = await openPage(browser, null, { width: 1000, height: 900 });
  const wasm = [];
  const movieRequests = {};
  let hangAskedAt = null;
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(r.url());
    if (path.startsWith('/movies/')) movieRequests[path] = (movieRequests[path] ?? 0) + 1;
    if (path === '/__hang/never.json') hangAskedAt ??= Date.now();
  });
  try {
    await page.goto(`${origin}/examples/many.html`);
    const ids = Array.from({ length: 20 }, (_, i) => `card-${i + 1}`);
    const valid = ids.filter((id) => !BROKEN[id]);
    assertEqual(valid.length, 16, 'valid cards on the page');
    for (const id of valid) await waitInCard(page, `#${id}`, '.title');
    for (const id of ['card-5', 'card-10', 'card-15']) await waitInCard(page, `#${id}`, '.error-box');
    // The hanging source is still loading while the others are done, and
    // gives up after the 10 s timeout (not much earlier, not much later).
    const loading = await page.evaluate(() => !!document.querySelector('#card-20').shadowRoot?.querySelector('.card.loading'));
    assert(loading, '#card-20 (never answers) shows its loading state while the other cards are done');
    await waitInCard(page, '#card-20', '.error-box', 20000);
    const gaveUpAfter = Date.now() - hangAskedAt;
    assert(gaveUpAfter >= 9500 && gaveUpAfter <= 13000, `#card-20 gave up ${gaveUpAfter} ms after its request (expected about 10 s)`);

    const titles = await page.evaluate((ids) => ids.map((id) => document.getElementById(id).shadowRoot.querySelector('.title').textContent.trim()), valid);
    for (const [i, id] of valid.entries()) {
      const n = Number(id.split('-')[1]);
      const expected = n % 2 === 1 ? MOVIES.llv.title : MOVIES.sixth.title;
      assert(titles[i].includes(expected), `#${id} shows "${expected}" (got "${titles[i]}")`);
    }

    for (const [id, want] of Object.entries(BROKEN)) {
      const box = await page.evaluate((id) => {
        const root = document.getElementById(id).shadowRoot;
        const box = root.querySelector('.card.error-box');
        return {
          role: box?.getAttribute('role'),
          title: box?.querySelector('.error-title')?.textContent ?? '',
          summary: box?.querySelector('.error-summary')?.textContent ?? '',
          problems: [...(box?.querySelectorAll('ul.problems code') ?? [])].map((c) => c.textContent),
          retry: !!box?.querySelector('button.retry'),
          hasTitle: !!root.querySelector('.title'),
        };
      }, id);
      assertEqual(box.role, 'alert', `#${id} error box role`);
      assert(box.summary.includes(want.summary), `#${id} (${want.src}) summary mentions "${want.summary}" (got "${box.summary}")`);
      assertEqual(box.retry, want.retry, `#${id} (${want.src}) has a retry button`);
      assert(!box.hasTitle, `#${id} shows no movie title`);
      for (const path of want.paths ?? []) {
        assert(box.problems.some((line) => line.startsWith(path)), `#${id} lists a problem at "${path}" (got ${JSON.stringify(box.problems)})`);
      }
    }

    // Each card keeps its own state: revealing one leaves the others of the same movie gated.
    await page.locator('#card-1 button.gate').click();
    await waitInCard(page, '#card-1', '#sc-plot.revealed');
    const others = await page.evaluate(() => ['card-7', 'card-13', 'card-19'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return {
        id,
        expanded: root.querySelector('button.gate')?.getAttribute('aria-expanded'),
        veiled: !!root.querySelector('#sc-plot.veiled'),
        revealed: !!root.querySelector('#sc-plot.revealed'),
      };
    }));
    for (const other of others) {
      assertEqual(other, { id: other.id, expanded: 'false', veiled: true, revealed: false }, `${other.id} stays gated after revealing card-1`);
    }
    const summaryWord = spoilerOnlyWords(MOVIES.llv, MOVIES.llv.spoilers.summary);
    const card13Text = await page.evaluate(() => document.getElementById('card-13').shadowRoot.textContent);
    assertEqual(present(summaryWord, card13Text), [], 'spoiler words inside card-13 after revealing card-1');
    assert(present(summaryWord, await page.evaluate(() => document.getElementById('card-1').shadowRoot.textContent)).length > 10,
      'card-1 does show the plot after reveal');

    assertEqual(wasm.length, 1, `.wasm requests (${wasm.join(', ')})`);
    // Eight cards of each film share one request (and one parsed copy).
    assertEqual(movieRequests, { '/movies/leaving-las-vegas.json': 1, '/movies/the-sixth-sense.json': 1 }, 'requests per movie file');
    assertEqual(page.problems, [], 'uncaught errors and dialogs');
    const logged = page.consoleErrors.filter((e) => e.startsWith('[spoiler-card '));
    for (const [id, want] of Object.entries(BROKEN)) {
      const mine = logged.filter((e) => e.startsWith(`[spoiler-card ${want.src}]`));
      assertEqual(mine.length, 1, `console errors logged for #${id} (${want.src})`);
    }
    assertEqual(logged.length, Object.keys(BROKEN).length, `[spoiler-card …] console errors in all (${JSON.stringify(logged)})`);

    // Retry re-fetches; the card fails again on its own, the rest keep working.
    const before = page.consoleErrors.length;
    const refetch = page.waitForRequest((r) => r.url().includes('/__status/404/missing.json'), { timeout: 5000 });
    await page.locator('#card-5 button.retry').click();
    await refetch;
    await waitInCard(page, '#card-5', '.error-box');
    assertEqual(page.problems, [], 'uncaught errors after retry');
    assert(page.consoleErrors.length >= before, 'console still readable');
  } finally {
    await page.closeAll();
  }
});

test('embed: dynamic — a card inserted after load (SPA) renders', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200 }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    await page.evaluate(() => {
      const el = document.createElement('spoiler-card');
      el.id = 'spa';
      el.setAttribute('eager', '');
      el.setAttribute('src', '../movies/the-sixth-sense.json');
      document.querySelector('.post').append(el);
    });
    await waitInCard(page, '#spa', '.title');
    const title = await page.evaluate(() => document.querySelector('#spa').shadowRoot.querySelector('.title').textContent);
    assert(title.includes(MOVIES.sixth.title), `inserted card shows its movie (got "${title}")`);
    assertEqual(page.problems, [], 'uncaught errors');
  });
});

test('embed: dynamic — a moved card stays rendered and keeps its revealed state', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200 }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    await page.locator('spoiler-card >> nth=0').locator('button.gate').click();
    await waitInCard(page, 'spoiler-card', '#sc-plot.revealed');
    await page.evaluate(() => {
      const el = document.querySelector('spoiler-card');
      el.id = 'moved';
      document.querySelector('#about').append(el);
    });
    // Let the disconnect/connect microtasks and a frame pass.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const state = await page.evaluate(() => {
      const el = document.querySelector('#moved');
      const root = el.shadowRoot;
      return {
        parent: el.parentElement.id,
        title: !!root?.querySelector('.title'),
        revealed: !!root?.querySelector('#sc-plot.revealed'),
        hide: !!root?.querySelector('button.hide'),
      };
    });
    assertEqual(state, { parent: 'about', title: true, revealed: true, hide: true }, 'moved card state');
    // Still interactive after the move.
    await page.locator('#moved button.hide').click();
    await waitInCard(page, '#moved', 'button.gate');
    assertEqual(page.problems, [], 'uncaught errors');
  });
});

test('embed: dynamic — a removed card unmounts, and mounts again when re-added', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200 }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    await page.evaluate(() => { window.__removed = document.querySelector('spoiler-card'); window.__removed.remove(); });
    await page.waitForFunction(() => {
      const root = window.__removed.shadowRoot?.querySelector('.root');
      return !root || root.childElementCount === 0;
    }, null, { timeout: 5000 }).catch(async () => {
      const html = await page.evaluate(() => window.__removed.shadowRoot.innerHTML.slice(0, 200));
      throw new Error(`assertion failed: removed card is still rendered: ${html}`);
    });
    await page.evaluate(() => { document.querySelector('.post').append(window.__removed); window.__removed.scrollIntoView(); });
    await page.waitForFunction(() => !!window.__removed.shadowRoot?.querySelector('.title'), null, { timeout: 15000 });
    const roots = await page.evaluate(() => window.__removed.shadowRoot.querySelectorAll('.root').length);
    assertEqual(roots, 1, '.root containers after re-adding');
    assertEqual(page.problems, [], 'uncaught errors');
  });
});

test('embed: dynamic — progress and theme attributes and the movie property re-render', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200, colorScheme: 'light' }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    await page.evaluate(() => { document.querySelector('spoiler-card').id = 'first'; });

    // progress attribute → slider follows.
    for (const minutes of ['60', '15']) {
      await page.evaluate((m) => document.querySelector('#first').setAttribute('progress', m), minutes);
      await page.waitForFunction((m) => document.querySelector('#first').shadowRoot.querySelector('#sc-progress')?.value === m, minutes, { timeout: 5000 })
        .catch(async () => {
          const v = await page.evaluate(() => document.querySelector('#first').shadowRoot.querySelector('#sc-progress')?.value);
          throw new Error(`assertion failed: slider value after progress="${minutes}" is ${v}`);
        });
    }

    // theme attribute → colours change.
    const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('#first').shadowRoot.querySelector('article.card')).backgroundColor);
    const light = await bg();
    await page.evaluate(() => document.querySelector('#first').setAttribute('theme', 'dark'));
    await page.waitForFunction((light) => getComputedStyle(document.querySelector('#first').shadowRoot.querySelector('article.card')).backgroundColor !== light, light, { timeout: 5000 })
      .catch(async () => { throw new Error(`assertion failed: article.card background stayed ${await bg()} after theme="dark"`); });
    const dark = await bg();
    await page.evaluate(() => document.querySelector('#first').setAttribute('theme', 'light'));
    await page.waitForFunction((light) => getComputedStyle(document.querySelector('#first').shadowRoot.querySelector('article.card')).backgroundColor === light, light, { timeout: 5000 });
    assert(dark !== light, `dark (${dark}) differs from light (${light})`);

    // el.movie = {...} → renders that movie; a new object re-renders.
    await page.evaluate(async () => {
      const movie = await (await fetch('../movies/the-sixth-sense.json')).json();
      const el = document.createElement('spoiler-card');
      el.id = 'prop';
      el.setAttribute('eager', '');
      document.querySelector('.post').append(el);
      el.movie = movie;
    });
    await waitInCard(page, '#prop', '.title');
    const titleOf = (sel) => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.title')?.textContent ?? '', sel);
    assert((await titleOf('#prop')).includes(MOVIES.sixth.title), 'movie property renders The Sixth Sense');
    await page.evaluate(() => { const el = document.querySelector('#prop'); el.movie = { ...el.movie, title: 'A Retitled Film' }; });
    await page.waitForFunction(() => document.querySelector('#prop').shadowRoot.querySelector('.title')?.textContent.includes('A Retitled Film'), null, { timeout: 5000 })
      .catch(async () => { throw new Error(`assertion failed: title after a new movie object is "${await titleOf('#prop')}"`); });

    // The property set on a card that has src wins over it.
    await page.evaluate(async () => {
      const movie = await (await fetch('../movies/the-sixth-sense.json')).json();
      document.querySelector('#first').movie = movie;
    });
    await page.waitForFunction(() => document.querySelector('#first').shadowRoot.querySelector('.title')?.textContent.includes('Sixth Sense'), null, { timeout: 5000 })
      .catch(async () => { throw new Error(`assertion failed: #first title after el.movie = … is "${await titleOf('#first')}"`); });
    assertEqual(page.problems, [], 'uncaught errors');
  });
});

test('embed: theme auto follows the reader\'s colour scheme; theme="light" overrides it', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200, colorScheme: 'dark' }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    const lightness = () => page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.querySelector('spoiler-card').shadowRoot.querySelector('article.card')).backgroundColor.match(/\d+(\.\d+)?/g).map(Number);
      return Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
    });
    const auto = await lightness();
    assert(auto < 80, `no theme attribute (auto) in a dark colour scheme gives a dark card (lightness ${auto})`);
    await page.evaluate(() => document.querySelector('spoiler-card').setAttribute('theme', 'light'));
    let light = await lightness();
    for (let i = 0; i < 50 && light <= 200; i += 1) { await page.waitForTimeout(100); light = await lightness(); }
    assert(light > 200, `theme="light" gives a light card in a dark colour scheme (lightness ${light})`);
  });
});

test('embed: a movie property set before the element is defined is used', async ({ browser, origin }) => {
  const page = await openPage(browser, null, { width: 1000 });
  try {
    await page.addInitScript((movie) => {
      // Runs before the page's module: set `movie` on the element as soon as it is parsed.
      new MutationObserver((_, observer) => {
        const el = document.getElementById('early');
        if (el) { el.movie = movie; window.__earlyDefined = !!customElements.get('spoiler-card'); observer.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    }, MOVIES.sixth);
    generated.set('/examples/__early.html', htmlPage('<spoiler-card id="early" eager></spoiler-card><script type="module" src="../embed/spoiler-card.js"></script>'));
    await page.goto(`${origin}/examples/__early.html`);
    await page.waitForFunction(() => !!document.querySelector('#early').shadowRoot?.querySelector('.title, .error-box'), null, { timeout: 15000 });
    assertEqual(await page.evaluate(() => window.__earlyDefined), false, 'the property was set before the element was defined');
    const shown = await page.evaluate(() => {
      const root = document.querySelector('#early').shadowRoot;
      return root.querySelector('.title')?.textContent ?? root.querySelector('.error-box').innerText;
    });
    assert(shown.includes(MOVIES.sixth.title), `the early movie property renders (got "${shown}")`);
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});

test('embed: dynamic — a second copy of the script breaks nothing', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200 }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    const errorsBefore = page.consoleErrors.length;
    await page.evaluate(() => new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.type = 'module';
      s.src = '../embed/spoiler-card.js?copy=2';
      s.onload = resolve;
      s.onerror = () => reject(new Error('second script failed to load'));
      document.head.append(s);
    }));
    await page.waitForTimeout(500);
    assertEqual(page.problems, [], 'uncaught errors after the second script');
    assertEqual(page.consoleErrors.slice(errorsBefore), [], 'console errors after the second script');
    // Existing cards still work…
    await page.locator('spoiler-card >> nth=0').locator('button.gate').click();
    await waitInCard(page, 'spoiler-card', '#sc-plot.revealed');
    // …and new ones mount.
    await page.evaluate(() => {
      const el = document.createElement('spoiler-card');
      el.id = 'after-copy';
      el.setAttribute('eager', '');
      el.setAttribute('src', '../movies/leaving-las-vegas.json');
      document.querySelector('.post').append(el);
    });
    await waitInCard(page, '#after-copy', '.title');
    await page.locator('#after-copy button.gate').click();
    await waitInCard(page, '#after-copy', '#sc-plot.revealed');
    assertEqual(page.problems, [], 'uncaught errors');
  });
});

test('embed: lazy start — a card far below the fold starts only near the viewport', async ({ browser, origin }) => {
  const page = await openPage(browser, null, { width: 800, height: 800 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // When the element is defined, and whether the card in view had mounted
  // by the end of that task (not a frame later, when the observer reports).
  await page.addInitScript(() => {
    const define = customElements.define.bind(customElements);
    customElements.define = (...args) => {
      define(...args);
      window.__definedAt = performance.now();
      queueMicrotask(() => queueMicrotask(() => {
        window.__nearMountedInTask = !!document.querySelector('#near')?.shadowRoot?.querySelector('.root');
        window.__farMountedInTask = !!document.querySelector('#far')?.shadowRoot?.querySelector('.root');
      }));
    };
  });
  try {
    await page.goto(`${origin}/examples/lazy.html`);
    await waitInCard(page, '#near', '.title');
    const start = await page.evaluate(() => ({
      definedAt: window.__definedAt,
      near: window.__nearMountedInTask,
      far: window.__farMountedInTask,
      dataRequestedAt: performance.getEntriesByType('resource').find((e) => e.name.includes('leaving-las-vegas.json'))?.startTime,
    }));
    assertEqual([start.near, start.far], [true, false], 'mounted in the task that defined the element: [card in view, card far below]');
    // The loader asks for the data of the card in view while the wasm loads.
    assert(start.dataRequestedAt < start.definedAt,
      `the in-view card's data was requested (${Math.round(start.dataRequestedAt)} ms) before the element was defined (${Math.round(start.definedAt)} ms)`);
    await page.waitForTimeout(800);
    const far = await page.evaluate(() => {
      const el = document.querySelector('#far');
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      return {
        top: el.getBoundingClientRect().top,
        vh: innerHeight,
        title: !!el.shadowRoot?.querySelector('.title'),
        // The height it holds meanwhile, in rem (src/facts.rs: 24).
        holds: Math.round(el.getBoundingClientRect().height / rem),
      };
    });
    assert(far.top > far.vh + 600, `the far card is more than 600px below the viewport (top ${far.top})`);
    assertEqual(far.holds, 24, 'the unstarted card holds RESERVED_HEIGHT_REM');
    assert(!far.title, 'the far card has not rendered before scrolling');
    assert(!requests.some((u) => u.includes('the-sixth-sense.json')), 'the far card has not fetched its data before scrolling');
    await page.locator('#far').scrollIntoViewIfNeeded();
    await waitInCard(page, '#far', '.title');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});

const htmlPage = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>generated</title>${head}</head><body>${body}</body></html>`;

test('embed: cross-origin — script and data from a second origin', async ({ browser, origin, origin2 }) => {
  const page = await openPage(browser, null);
  const wasm = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url()); });
  try {
    // A real page on the first origin (a route-fulfilled page would count as a
    // public address and Chromium's local network access checks would block it).
    generated.set('/__gen/cross.html', htmlPage(
      `<spoiler-card id="x" eager src="${origin2}/movies/leaving-las-vegas.json"><a href="https://example.org/">fallback</a></spoiler-card>`,
      `<script type="module" src="${origin2}/embed/spoiler-card.js"></script>`));
    await page.goto(`${origin}/__gen/cross.html`);
    await waitInCard(page, '#x', '.title');
    assertEqual(wasm.length, 1, '.wasm requests');
    assert(wasm[0].startsWith(`${origin2}/embed/`), `the wasm comes from the script's origin (${wasm[0]})`);
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});

test('embed: cross-origin — the loader finds the wasm relative to its own URL from a deeper path', async ({ browser, origin, origin2 }) => {
  const page = await openPage(browser, null);
  const wasm = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url()); });
  try {
    // The bundle hosted at a deeper, CDN-like path on the second origin
    // (/__cdn/v1/<path> serves <path>).
    const deep = `${origin2}/__cdn/v1/embed/`;
    // Nothing at the page's own /embed/: resolving against the page would fail.
    await page.route(`${origin}/embed/**`, (route) => route.fulfill({ status: 404, body: 'not here' }));
    generated.set('/blog/2024/11/16/post.html', htmlPage(
      `<article><p>A post.</p><spoiler-card id="deep" eager src="${origin2}/movies/the-sixth-sense.json"></spoiler-card></article>`,
      `<script type="module" src="${deep}spoiler-card.js"></script>`));
    await page.goto(`${origin}/blog/2024/11/16/post.html`);
    await waitInCard(page, '#deep', '.title');
    assertEqual(wasm.length, 1, '.wasm requests');
    assert(wasm[0].startsWith(deep), `the wasm is fetched next to the loader (${wasm[0]})`);

    // Same origin, relative script path from a deep page.
    await page.unroute(`${origin}/embed/**`);
    generated.set('/examples/deep/er/page.html', htmlPage(
      '<spoiler-card id="rel" eager src="../../../movies/leaving-las-vegas.json"></spoiler-card>',
      '<script type="module" src="../../../embed/spoiler-card.js"></script>'));
    wasm.length = 0;
    await page.goto(`${origin}/examples/deep/er/page.html`);
    await waitInCard(page, '#rel', '.title');
    assert(wasm.length === 1 && wasm[0].startsWith(`${origin}/embed/`), `relative script path: wasm from ${wasm.join(', ')}`);
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
  }
});

test('embed: untrusted text shows literally, runs nothing, and keeps the layout at 360px', async ({ browser, origin }) => {
  await withPage(browser, `${origin}/examples/untrusted.html`, { width: 360, height: 800 }, async (page) => {
    await page.waitForFunction(() => !!document.querySelector('#untrusted')?.shadowRoot?.querySelector('.title, .error-box'), null, { timeout: 15000 });
    const error = await page.evaluate(() => document.querySelector('#untrusted').shadowRoot.querySelector('.error-box')?.innerText ?? null);
    assertEqual(error, null, 'examples/data/untrusted.json is valid (no error box)');

    // Open everything: the plot, and every tab with every spoiler in it.
    await page.locator('#untrusted button.gate').click();
    await waitInCard(page, '#untrusted', '#sc-plot.revealed');
    // Only the selected tab's panel is in the DOM: collect each panel's text
    // and forbidden elements while it is open.
    let panelsText = '';
    const panelBad = [];
    for (const tab of ['timeline', 'characters', 'similar', 'more']) {
      const button = page.locator(`#untrusted #sc-tab-${tab}`);
      assertEqual(await button.count(), 1, `tab ${tab}`);
      await button.click();
      for (let round = 0; ; round += 1) {
        const reveal = page.locator(`#untrusted #sc-panel-${tab} button.reveal`);
        if (await reveal.count() === 0) break;
        assert(round < 200, `${tab}: its reveal buttons go away when pressed`);
        await reveal.first().click();
      }
      const panel = await page.evaluate((tab) => {
        const p = document.querySelector('#untrusted').shadowRoot.querySelector(`#sc-panel-${tab}`);
        return { events: p?.querySelectorAll('li.event').length ?? 0, gated: p?.querySelectorAll('li.event.gated').length ?? 0, text: p?.textContent ?? '', bad: [...(p?.querySelectorAll('img, script, b, a[href^="javascript" i]') ?? [])].map((e) => e.outerHTML.slice(0, 80)) };
      }, tab);
      if (tab === 'timeline') assertEqual([panel.events, panel.gated], [3, 0], 'timeline events shown / still gated after revealing all');
      panelsText += `\n${panel.text}`;
      panelBad.push(...panel.bad);
    }
    assertEqual(panelBad, [], 'img/script/b/javascript: links inside the tab panels');
    await page.waitForTimeout(300);

    const dom = await page.evaluate(() => {
      const root = document.querySelector('#untrusted').shadowRoot;
      const all = [...root.querySelectorAll('*')];
      const card = root.querySelector('article.card');
      return {
        img: root.querySelectorAll('img').length,
        script: root.querySelectorAll('script').length,
        b: root.querySelectorAll('b').length,
        jsLinks: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^https?:/i.test(h.trim())),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
        text: root.textContent,
        scrollWidth: card.scrollWidth,
        clientWidth: card.clientWidth,
        cardRight: card.getBoundingClientRect().right,
        pageScroll: document.documentElement.scrollWidth,
        vw: innerWidth,
      };
    });
    assertEqual(page.problems, [], 'no dialog opened and no uncaught error');
    assertEqual(dom.img, 0, '<img> elements in the shadow root');
    assertEqual(dom.script, 0, '<script> elements in the shadow root');
    assertEqual(dom.b, 0, '<b> elements (from an unbalanced "</div><b>") in the shadow root');
    assertEqual(dom.jsLinks, [], 'links with a non-http(s) href');
    assertEqual(dom.handlers, [], 'on* attributes');
    const text = await renderedText(page);
    for (const payload of ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>', '</div><b>']) {
      assert(text.includes(payload), `the payload ${payload} is visible as text`);
    }
    assert(dom.text.includes('Supercalifragilistic'.repeat(15)), 'the 300-character word is shown');
    // Every field was really rendered (so every payload above was really checked).
    for (const label of ['Synopsis', 'Summary one', 'Ending', 'Post credits', 'Early event text', 'Late event text', 'Intro two', 'Arc one', 'Arc two',
      'Setting description', 'Theme description', 'Similar reason', 'Box office', 'Production']) {
      assert(`${dom.text}\n${panelsText}`.includes(`${label} <img src=x onerror=alert(1)>`), `the field "${label}" is rendered with its payload as text`);
    }
    assert(dom.scrollWidth <= dom.clientWidth + 1, `article.card does not overflow (scrollWidth ${dom.scrollWidth} > clientWidth ${dom.clientWidth})`);
    assert(dom.cardRight <= dom.vw + 1, `the card stays within the viewport (right edge ${dom.cardRight} > ${dom.vw})`);
    assert(dom.pageScroll <= dom.vw + 1, `the page does not scroll sideways (scrollWidth ${dom.pageScroll} > ${dom.vw})`);
    // Every panel on its own fits too.
    for (const tab of ['timeline', 'characters', 'similar', 'more']) {
      const button = page.locator(`#untrusted #sc-tab-${tab}`);
      if (await button.count() === 0) continue;
      await button.click();
      const fit = await page.evaluate((tab) => {
        const root = document.querySelector('#untrusted').shadowRoot;
        const card = root.querySelector('article.card');
        const wide = [...root.querySelectorAll(`#sc-panel-${tab} *`)].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5);
        return { scroll: card.scrollWidth, client: card.clientWidth, wide };
      }, tab);
      assert(fit.scroll <= fit.client + 1, `${tab} panel: article.card overflows (scrollWidth ${fit.scroll} > ${fit.client}; ${fit.wide.join(', ')})`);
    }
  });
});

test('embed: without JavaScript the fallback links show and nothing spoils', async ({ browser, origin }) => {
  const gated = (m) => [...m.spoilers.summary, ...(m.spoilers.ending ?? [])];
  const spoilerWords = { llv: spoilerOnlyWords(MOVIES.llv, gated(MOVIES.llv)), sixth: spoilerOnlyWords(MOVIES.sixth, gated(MOVIES.sixth)) };
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200, javaScriptEnabled: false }, async (page) => {
    const links = page.locator('spoiler-card a.fallback');
    assertEqual(await links.count(), 2, 'fallback links');
    for (let i = 0; i < 2; i += 1) assert(await links.nth(i).isVisible(), `fallback link ${i + 1} is visible`);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.href));
    assert(hrefs[0].includes('Leaving_Las_Vegas') && hrefs[1].includes('The_Sixth_Sense'), `fallback links point to the films (${hrefs})`);
    const shadow = await page.locator('spoiler-card').first().evaluate((el) => el.shadowRoot !== null);
    assert(!shadow, 'no shadow root without JavaScript (JS really is off)');
    // What a reader sees, plus every text node (script/noscript/template contents included).
    const text = `${await page.locator('body').innerText()}\n${await page.locator('html').evaluate((html) => html.textContent)}`;
    for (const [key, list] of Object.entries(spoilerWords)) {
      assert(list.length > 20, `${key}: spoiler word list is not empty`);
      assertEqual(present(list, text), [], `${key}: spoiler words on the page without JavaScript`);
    }
  });
  // Control: with JavaScript the same page hides the fallback, and after a reveal the words are there.
  await withPage(browser, `${origin}/examples/blog.html`, { width: 1200 }, async (page) => {
    await waitForCard(page, 'spoiler-card');
    // The second card may sit beyond the lazy margin once the first has grown: bring each into view, where it starts.
    for (let i = 0; i < 2; i += 1) {
      await page.locator('spoiler-card').nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('spoiler-card')[n].shadowRoot?.querySelector('.title'), i, { timeout: 15000 });
    }
    const visible = await page.locator('spoiler-card a.fallback').evaluateAll((as) => as.map((a) => a.checkVisibility()));
    assertEqual(visible, [false, false], 'fallback links visible once the cards render');
    // The card's own words (UI strings such as "Full plot and ending") are not spoilers.
    const ui = UI_TEXT;
    const cardText = (i) => page.locator('spoiler-card').nth(i).evaluate((el) => el.shadowRoot.querySelector('.root').innerText);
    for (const [i, key] of [[0, 'llv'], [1, 'sixth']]) {
      const notUi = spoilerOnlyWords(MOVIES[key], gated(MOVIES[key]), ui);
      assertEqual(present(notUi, await cardText(i)), [], `${key}: spoiler words in its card before reveal`);
      await page.locator('spoiler-card').nth(i).locator('button.gate').click();
      await page.locator('spoiler-card').nth(i).locator('#sc-plot.revealed').waitFor({ timeout: 5000 });
      const found = present(spoilerWords[key], await cardText(i));
      assert(found.length > 10, `${key}: spoiler words show in its card after reveal (${found.length}), so the check can fail`);
    }
  });
});
