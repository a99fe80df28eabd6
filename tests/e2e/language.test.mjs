// End-to-end tests of the card's languages (issue 14): text from the data
// is isolated with dir="auto", so an Arabic title in an English card reads
// right to left while the card's own words stay left to right; each
// shipped language gives the card its words, formats and direction; the
// lang attribute resolves as HTML's does; strings files override; missing
// or broken files fall back; stored state is the same in every language;
// `render --lang` prerenders in the language the live card then speaks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { generated, hits, serve, STRICT_CSP } from './server.mjs';
import { test, assert, assertEqual, openPage, words, present, localeTexts, LOCALES, DIST,
} from './lib.mjs';

const AR = 'ليلة في القاهرة';
const movie = {
  schema: 1, id: 'bidi-test', title: AR, year: 2001, runtime_minutes: 100, language: 'العربية',
  directors: ['يوسف شاهين'], genres: ['دراما'],
  synopsis: 'رجل يعود إلى مدينته بعد عشرين عامًا.',
  spoilers: { warning: 'فيه تفاصيل النهاية.', summary: ['في النهاية يبقى في المدينة.'], ending: ['يغلق المقهى.'], post_credits: ['مشهد أخير في المحطة.'] },
  timeline: [{ at_minute: 10, title: 'الوصول', text: 'يصل إلى المحطة.' }],
  characters: [{ name: 'سامي', actor: 'عمر الشريف', intro: 'صاحب مقهى قديم.', arc: { text: 'يبيع المقهى.' } }],
  settings: [{ name: 'القاهرة', description: 'المدينة القديمة.' }],
  themes: [{ name: 'العودة', description: 'ما يبقى وما يرحل.' }],
  similar: [{ title: 'باب الحديد', year: 1958, reason: 'المخرج نفسه.', url: 'https://example.com/a' }],
  more: { box_office: 'غير معروف.', cast_and_crew: 'طاقم صغير.', production: 'صُوّر في الشتاء.', links: [{ label: 'صفحة الفيلم', url: 'https://example.com/b' }] },
};

function dataTexts(m) {
  const out = [m.title, m.language, ...m.genres, m.synopsis, ...m.spoilers.summary, ...m.spoilers.ending, ...m.spoilers.post_credits];
  for (const e of m.timeline) out.push(e.title, e.text);
  for (const c of m.characters) out.push(c.name, c.actor, c.intro, c.arc.text);
  for (const t of [...m.settings, ...m.themes]) out.push(t.name, t.description);
  for (const s of m.similar) out.push(s.title, s.reason);
  out.push(m.more.box_office, m.more.cast_and_crew, m.more.production, ...m.more.links.map((l) => l.label), m.directors.join(', '));
  return out;
}

test('language: every text from the data is isolated with dir="auto"; Arabic data reads right to left in an English card', async (ctx) => {
  generated.set('/__lang/bidi.html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/embed/spoiler-card.js"></script></head><body>
<spoiler-card id="card" eager remember="none"><script type="application/json">${JSON.stringify(movie)}</script></spoiler-card></body></html>`);
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/bidi.html`);
  try {
    await p.waitForFunction(() => !!document.querySelector('#card')?.shadowRoot?.querySelector('.title'), null, { timeout: 15000 });
    const warning = await p.evaluate(() => {
      const hint = document.querySelector('#card').shadowRoot.querySelector('.gate-hint');
      return { text: hint.textContent, dir: hint.getAttribute('dir'), direction: getComputedStyle(hint).direction };
    });
    assertEqual(warning, { text: movie.spoilers.warning, dir: 'auto', direction: 'rtl' }, 'the author\'s warning on the gate');
    // Everything shown: the plot, every event and arc, every tab's panel.
    await p.locator('#card >> button.gate').click();
    await p.locator('#card >> .reveal-bar button').first().click();
    for (const tab of await p.locator('#card >> [role=tab]').all()) await tab.click();
    const result = await p.evaluate((texts) => {
      const root = document.querySelector('#card').shadowRoot;
      const found = new Map(texts.map((t) => [t, []]));
      const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE && found.has(node.data)) {
          const holder = node.parentElement;
          found.get(node.data).push({ dir: holder.closest('[dir]')?.getAttribute('dir') ?? null,
            own: holder.getAttribute('dir'), direction: getComputedStyle(holder).direction });
        }
        for (const child of node.childNodes) walk(child);
      };
      walk(root);
      const label = root.querySelector('.progress-label');
      return { found: [...found], cardDirection: getComputedStyle(root.querySelector('article.card')).direction,
        labelDirection: getComputedStyle(label).direction };
    }, dataTexts(movie));
    for (const [text, places] of result.found) {
      assert(places.length > 0, `"${text}" is shown`);
      for (const place of places) {
        assertEqual(place.own, 'auto', `the element holding "${text}" has dir="auto"`);
        assertEqual(place.direction, 'rtl', `"${text}" reads right to left`);
      }
    }
    assertEqual([result.cardDirection, result.labelDirection], ['ltr', 'ltr'], 'the card\'s own words stay left to right');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

// ---- the card's own language (issue 14) -----------------------------------

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const locale = (lang) => JSON.parse(readFileSync(`assets/locales/${lang}.json`, 'utf8'));
const cli = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';

/** A page in `lang` (its <html lang>) holding `body`. */
function page(path, lang, body, { dir = '' } = {}) {
  generated.set(path, `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><title>${lang}</title>
<script type="module" src="/embed/spoiler-card.js"></script></head><body><main><h1>${lang}</h1>${body}</main></body></html>`);
}
const card = (attrs = '') => `<spoiler-card id="card" eager remember="none" src="/movies/leaving-las-vegas.json" ${attrs}></spoiler-card>`;
const ready = (p, sel = '#card') => p.waitForFunction((s) => !!document.querySelector(s)?.shadowRoot?.querySelector('article.card'), sel, { timeout: 15000 });

/**
 * The card's own words as a reader meets them: its text outside the data
 * (every text from the data sits in a dir="auto" element), and the labels
 * and values its elements announce.
 */
const uiText = (p, sel = '#card') => p.evaluate((s) => {
  const root = document.querySelector(s).shadowRoot;
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.parentElement.closest('[dir=auto]')) out.push(node.data);
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      for (const name of ['aria-label', 'aria-valuetext']) {
        if (node.hasAttribute(name) && !node.closest('[dir=auto]')) out.push(node.getAttribute(name));
      }
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out.join(' \n ');
}, sel);

/** Words of the English UI that `lang`'s own texts never use: none may show in a `lang` card. */
function englishOnlyWords(lang) {
  const own = words(localeTexts(lang).join(' '));
  return [...words(localeTexts('en').join(' '))].filter((w) => !own.has(w));
}

/** Shows everything the card has: the plot, every event and arc, every tab. */
async function showEverything(p, sel = '#card') {
  await p.locator(`${sel} >> button.gate`).click();
  await p.locator(`${sel} >> #sc-plot.revealed`).waitFor({ timeout: 5000 });
  for (const tab of await p.locator(`${sel} >> [role=tab]`).all()) {
    await tab.click();
    const more = p.locator(`${sel} >> .panel:not([hidden]) .reveal-bar button`);
    if (await more.count()) await more.first().click();
  }
}

for (const lang of LOCALES.filter((l) => l !== 'en')) {
  test(`language ${lang}: the page's language gives the card its words, and no English UI word is left`, async (ctx) => {
    const words = locale(lang);
    page(`/__lang/${lang}.html`, lang, card());
    const p = await openPage(ctx.browser, `${ctx.origin}/__lang/${lang}.html`);
    try {
      await ready(p);
      const seen = await p.evaluate(() => {
        const root = document.querySelector('#card').shadowRoot;
        const text = (s) => root.querySelector(s)?.textContent.trim();
        const article = root.querySelector('article.card');
        return { lang: article.getAttribute('lang'), dir: article.dir, synopsis: text('#sc-synopsis'), label: text('.progress-label'),
          gate: text('.gate-label'), tabs: [...root.querySelectorAll('[role=tab]')].map((t) => t.textContent),
          runtime: root.querySelector('.facts').textContent, direction: getComputedStyle(article).direction };
      });
      // (Its language is the element's, inherited: no lang of its own.)
      assertEqual([seen.lang, seen.dir, seen.direction], [null, words.dir, words.dir], 'no lang of its own; the direction');
      assertEqual([seen.synopsis, seen.label, seen.gate], [words.synopsis, words.progress_label, words.plot_gate], 'the UI strings');
      assertEqual(seen.tabs, [words.tab_timeline, words.tab_characters, words.tab_similar, words.tab_more], 'the tabs');
      const runtime = words.runtime_hours_minutes.replace('{h}', (words.digits ?? '0123456789')[1])
        .replace('{m}', [...'51'].map((d) => (words.digits ?? '0123456789')[d]).join(''));
      assert(seen.runtime.includes(runtime), `the runtime as ${lang} writes it (${runtime}): ${seen.runtime}`);
      const english = englishOnlyWords(lang);
      assertEqual(present(english, await uiText(p)), [], `English UI words in the ${lang} card before reveal`);
      await showEverything(p);
      const after = await uiText(p);
      assertEqual(present(english, after), [], `English UI words in the ${lang} card with everything shown`);
      assert(after.includes(words.hide_again) && after.includes(words.ending), `the revealed plot's words: ${words.hide_again}`);
      assertEqual(p.problems, [], 'uncaught exceptions');
    } finally { await p.closeAll(); }
  });
}

test('language: the English control card shows the English words the other languages are checked against', async (ctx) => {
  page('/__lang/en.html', 'en', card());
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/en.html`);
  try {
    await ready(p);
    await showEverything(p);
    const found = present(englishOnlyWords('de'), await uiText(p));
    assert(found.length > 25, `the check finds English words in an English card (${found.length})`);
  } finally { await p.closeAll(); }
});

test('language: the card\'s own lang wins over its ancestors\', theirs over the page\'s; a later lang change applies', async (ctx) => {
  page('/__lang/nested.html', 'es', `<div lang="fr">${card('lang="de"')}
    <spoiler-card id="inherit" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card></div>
    <spoiler-card id="page" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>
    <spoiler-card id="unknown" lang="ja" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>`);
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/nested.html`);
  const lines = [];
  p.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  try {
    for (const sel of ['#card', '#inherit', '#page', '#unknown']) await ready(p, sel);
    const synopsis = (sel) => p.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('#sc-synopsis').textContent, sel);
    const seen = [];
    for (const sel of ['#card', '#inherit', '#page', '#unknown']) seen.push(await synopsis(sel));
    assertEqual(seen, ['de', 'fr', 'es', 'en'].map((l) => locale(l).synopsis), 'own, ancestor, page; an unshipped language is English');
    assertEqual(lines.filter((l) => l.includes('no ja strings')).length, 1, `one console line for ja: ${lines}`);
    await p.evaluate(() => document.querySelector('#card').setAttribute('lang', 'pt'));
    await p.waitForFunction((pt) => document.querySelector('#card').shadowRoot.querySelector('#sc-synopsis')?.textContent === pt, locale('pt').synopsis, { timeout: 5000 });
    assertEqual(await p.evaluate(() => !!document.querySelector('#card').shadowRoot.querySelector('article')), true, 'the card stayed while the new words loaded');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('language ar: right to left, mirrored slider and tab keys, no axe violation in dark mode; screenshots German and Arabic dark', async (ctx) => {
  page('/__lang/ar-rtl.html', 'ar', card('theme="dark"'), { dir: 'rtl' });
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/ar-rtl.html`, { colorScheme: 'dark', width: 760 });
  try {
    await ready(p);
    const layout = await p.evaluate(() => {
      const root = document.querySelector('#card').shadowRoot;
      const box = (s) => root.querySelector(s).getBoundingClientRect();
      return { direction: getComputedStyle(root.querySelector('article')).direction,
        firstTab: box('[role=tab]').left, lastTab: box('[role=tab]:last-of-type').left,
        start: box('.progress-ends span:first-child').left, end: box('.progress-ends span:last-child').left };
    });
    assertEqual(layout.direction, 'rtl', 'the card is right to left');
    assert(layout.firstTab > layout.lastTab, `the first tab is on the right: ${JSON.stringify(layout)}`);
    assert(layout.start > layout.end, `"not started" is on the right: ${JSON.stringify(layout)}`);
    // The slider: ArrowLeft moves forward right to left.
    const slider = p.locator('#card >> input.slider');
    await slider.focus();
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('ArrowLeft');
    assertEqual(await slider.inputValue(), '2', 'two minutes forward with ArrowLeft');
    await p.keyboard.press('ArrowRight');
    assertEqual(await slider.inputValue(), '1', 'one back with ArrowRight');
    const valuetext = await slider.getAttribute('aria-valuetext');
    assert(valuetext.includes('٠:٠١'), `the time in Arabic digits: ${valuetext}`);
    // The tabs: ArrowLeft selects the next one.
    await p.locator('#card >> [role=tab] >> nth=0').focus();
    await p.keyboard.press('ArrowLeft');
    const selected = await p.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('[aria-selected=true]').id);
    assertEqual(selected, 'sc-tab-characters', 'ArrowLeft moves to the next tab');
    mkdirSync('docs/screenshots', { recursive: true });
    await p.locator('#card').screenshot({ path: 'docs/screenshots/card-ar-dark.png' });
    await p.addScriptTag({ content: AXE });
    const audit = () => p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
      .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`));
    assertEqual(await audit(), [], 'axe before reveal');
    await showEverything(p);
    await p.waitForTimeout(300);
    assertEqual(await audit(), [], 'axe with everything shown');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
  page('/__lang/de-shot.html', 'de', card());
  const de = await openPage(ctx.browser, `${ctx.origin}/__lang/de-shot.html`, { width: 760 });
  try {
    await ready(de);
    await de.locator('#card').screenshot({ path: 'docs/screenshots/card-de-light.png' });
  } finally { await de.closeAll(); }
});

test('language: a strings file overrides any text; a broken or missing file leaves the card in the words below it, with one console line', async (ctx) => {
  generated.set('/__lang/strings.json', JSON.stringify({ synopsis: 'Worum es geht', hidden_events: { one: '{n} Geheimnis', other: '{n} Geheimnisse' } }));
  generated.set('/__lang/broken.json', '{"synopsis": 3, "synopsys": "x"');
  page('/__lang/strings.html', 'de', `${card('strings="/__lang/strings.json"')}
    <spoiler-card id="broken" strings="/__lang/broken.json" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>
    <spoiler-card id="missing" strings="/__lang/none.json" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>`);
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/strings.html`);
  const lines = [];
  p.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  try {
    for (const sel of ['#card', '#broken', '#missing']) await ready(p, sel);
    const synopsis = (sel) => p.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('#sc-synopsis').textContent, sel);
    assertEqual(await synopsis('#card'), 'Worum es geht', 'the override');
    assertEqual(await p.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('.progress-label').textContent), locale('de').progress_label, 'German for the rest');
    await p.locator('#card >> #sc-tab-timeline').click();
    const hidden = await p.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('.hidden-count').textContent);
    assert(/^\d+ Geheimnisse$/.test(hidden), `the plural override: ${hidden}`);
    assertEqual([await synopsis('#broken'), await synopsis('#missing')], [locale('de').synopsis, locale('de').synopsis], 'German without the broken or missing file');
    const broken = lines.filter((l) => l.includes('/__lang/broken.json'));
    assertEqual(broken.length, 1, `one line for the broken file: ${lines.join('\n')}`);
    assert(broken[0].startsWith('warning') && broken[0].includes('not valid JSON'), broken[0]);
    assertEqual(lines.filter((l) => l.includes('/__lang/none.json') && l.includes('HTTP 404')).length, 1, `one line for the missing file: ${lines.join('\n')}`);
  } finally { await p.closeAll(); }
});

test('language: a missing or broken shipped locale falls back to English with one console line', async (ctx) => {
  page('/__lang/fallback.html', 'de', card() + '<spoiler-card id="second" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card>');
  for (const [what, reply] of [['missing', { status: 404, body: 'no' }], ['broken', { status: 200, body: '{"synopsis": ' }]]) {
    const p = await openPage(ctx.browser, 'about:blank');
    const lines = [];
    p.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    try {
      await p.route('**/embed/locales/de.json', (route) => route.fulfill({ ...reply, contentType: 'application/json' }));
      await p.goto(`${ctx.origin}/__lang/fallback.html`);
      await ready(p);
      await ready(p, '#second');
      const seen = await p.evaluate(() => ['#card', '#second'].map((s) => {
        const root = document.querySelector(s).shadowRoot;
        return root.querySelector('#sc-synopsis').textContent;
      }));
      assertEqual(seen, [locale('en').synopsis, locale('en').synopsis], `${what}: English`);
      assertEqual(lines.filter((l) => l.includes('locales/de.json could not be used')).length, 1, `${what}: one console line for both cards: ${lines.join('\n')}`);
      assertEqual(p.problems, [], 'uncaught exceptions');
    } finally { await p.closeAll(); }
  }
});

test('language: what the reader revealed in an English page is there in a German one (stored state across languages)', async (ctx) => {
  const id = LLV.id;
  page('/__lang/store-en.html', 'en', card('remember="all"').replace('remember="none" ', ''));
  page('/__lang/store-de.html', 'de', card('remember="all"').replace('remember="none" ', ''));
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/store-en.html`);
  try {
    await ready(p);
    await p.locator('#card >> button.gate').click();
    await p.locator('#card >> #sc-plot.revealed').waitFor({ timeout: 5000 });
    // As a drag ends: the value, then the input event.
    await p.locator('#card >> input.slider').evaluate((el) => { el.value = '30'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    await p.waitForTimeout(200);
    await p.goto(`${ctx.origin}/__lang/store-de.html`);
    await ready(p);
    const seen = await p.evaluate(() => {
      const root = document.querySelector('#card').shadowRoot;
      return { revealed: !!root.querySelector('#sc-plot.revealed'), hide: root.querySelector('button.hide')?.textContent.trim(),
        progress: root.querySelector('input.slider').value, text: root.querySelector('.progress-value').textContent };
    });
    assertEqual(seen, { revealed: true, hide: locale('de').hide_again, progress: '30', text: `0:30 von 1:51` }, 'the English page\'s reveal and progress, in German');
    await p.evaluate((key) => { for (const k of Object.keys(localStorage)) if (k.includes(key)) localStorage.removeItem(k); }, id);
  } finally { await p.closeAll(); }
});

test('language: render --lang de prerenders in German, and the live card takes over in German', async (ctx) => {
  const fragment = execFileSync(cli, ['render', 'assets/movies/leaving-las-vegas.json', '--src', '/movies/leaving-las-vegas.json', '--lang', 'de', '--embed', '/embed/'], { encoding: 'utf8' });
  assert(fragment.startsWith('<spoiler-card src="/movies/leaving-las-vegas.json" lang="de"'), fragment.slice(0, 120));
  const english = englishOnlyWords('de');
  const shadow = fragment.slice(fragment.indexOf('<template'), fragment.indexOf('</template>'));
  const text = shadow.replace(/<[^>]*dir="auto"[^>]*>[^<]*</g, '<').replace(/<[^>]+>/g, ' ');
  assertEqual(present(english, text), [], 'English UI words in the German fragment');
  assert(shadow.includes(`>${locale('de').synopsis}<`), 'German words');
  const plain = execFileSync(cli, ['render', 'assets/movies/leaving-las-vegas.json', '--src', '/movies/leaving-las-vegas.json'], { encoding: 'utf8' });
  assert(plain.startsWith('<spoiler-card src="/movies/leaving-las-vegas.json" lang="en"'), `without --lang the fragment says it is English: ${plain.slice(0, 80)}`);
  page('/__lang/prerendered-de.html', 'en', fragment.replace('<spoiler-card ', '<spoiler-card id="card" eager remember="none" '));
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/prerendered-de.html`);
  try {
    await p.waitForFunction(() => !document.querySelector('#card').shadowRoot.querySelector('[data-sc-version]') && !!document.querySelector('#card').shadowRoot.querySelector('article.card'), null, { timeout: 15000 });
    assertEqual(present(english, await uiText(p)), [], 'English UI words in the live card after take-over');
    assertEqual(await p.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('#sc-synopsis').textContent), locale('de').synopsis, 'live in German');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('language: the locale and strings files are asked for while the wasm loads, and fetched once for many cards, under the strict CSP', async (ctx) => {
  const server = await serve(DIST, { hold: (path) => path.endsWith('.wasm') });
  generated.set('/__lang/early-strings.json', JSON.stringify({ synopsis: 'Kurz gesagt' }));
  const cards = Array.from({ length: 6 }, (_, i) => `<spoiler-card id="c${i}" eager remember="none" src="/movies/leaving-las-vegas.json" strings="/__lang/early-strings.json"></spoiler-card>`).join('');
  generated.set('/__lang/early.html', `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>früh</title>
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<script type="module" src="/embed/spoiler-card.js"></script></head><body><main><h1>früh</h1>${cards}</main></body></html>`);
  for (const path of ['/embed/locales/de.json', '/__lang/early-strings.json']) hits.delete(path);
  const p = await openPage(ctx.browser, `${server.origin}/__lang/early.html`);
  try {
    const asked = async () => [hits.get('/embed/locales/de.json') ?? 0, hits.get('/__lang/early-strings.json') ?? 0];
    for (let i = 0; i < 50 && (await asked()).includes(0); i += 1) await p.waitForTimeout(100);
    assertEqual(await asked(), [1, 1], 'both files asked for while the .wasm is still held');
    server.release();
    for (let i = 0; i < 6; i += 1) await ready(p, `#c${i}`);
    const seen = await p.evaluate(() => [...document.querySelectorAll('spoiler-card')].map((c) => c.shadowRoot.querySelector('#sc-synopsis').textContent));
    assertEqual(seen, Array(6).fill('Kurz gesagt'), 'every card in German with the override');
    assertEqual(await asked(), [1, 1], 'each file fetched once for six cards');
    assertEqual(p.problems, [], 'uncaught exceptions (a CSP violation included)');
  } finally {
    await p.closeAll();
    await server.close();
  }
});

test('language: lang="" is English; a card in another element\'s shadow root takes its host\'s language', async (ctx) => {
  page('/__lang/hosts.html', 'de', `<div lang="">${card()}</div><post-body id="post" lang="fr"></post-body>
    <script type="module">
      customElements.define('post-body', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<article><spoiler-card id="inner" eager remember="none" src="/movies/leaving-las-vegas.json"></spoiler-card></article>';
        }
      });
    </script>`);
  const p = await openPage(ctx.browser, `${ctx.origin}/__lang/hosts.html`);
  try {
    await ready(p);
    await p.waitForFunction(() => !!document.querySelector('#post').shadowRoot.querySelector('spoiler-card').shadowRoot?.querySelector('article.card'), null, { timeout: 15000 });
    const seen = await p.evaluate(() => [document.querySelector('#card'), document.querySelector('#post').shadowRoot.querySelector('spoiler-card')]
      .map((c) => c.shadowRoot.querySelector('#sc-synopsis').textContent));
    assertEqual(seen, [locale('en').synopsis, locale('fr').synopsis], 'lang="" is English; the shadow host\'s French');
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});

test('language: a slow locale file does not hold the card blank: it shows in English, then switches when the file arrives', async (ctx) => {
  page('/__lang/slow.html', 'de', card());
  const p = await openPage(ctx.browser, 'about:blank');
  try {
    let arrive;
    const arrived = new Promise((resolve) => { arrive = resolve; });
    await p.route('**/embed/locales/de.json', async (route) => { await arrived; await route.continue(); });
    const started = Date.now();
    await p.goto(`${ctx.origin}/__lang/slow.html`);
    await ready(p);
    const waited = Date.now() - started;
    const synopsis = () => p.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('#sc-synopsis').textContent);
    assertEqual(await synopsis(), locale('en').synopsis, 'English while the file is late');
    assert(waited >= 2500 && waited < 8000, `shown after about the wait (3 s): ${waited} ms`);
    arrive();
    await p.waitForFunction((de) => document.querySelector('#card').shadowRoot.querySelector('#sc-synopsis')?.textContent === de, locale('de').synopsis, { timeout: 10000 });
    assertEqual(p.problems, [], 'uncaught exceptions');
  } finally { await p.closeAll(); }
});
