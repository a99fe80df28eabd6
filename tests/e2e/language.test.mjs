// End-to-end tests of the card's text direction (issue 14): text from the
// data is isolated with dir="auto", so an Arabic title in an English card
// reads right to left while the card's own words stay left to right.
import { generated } from './server.mjs';
import { test, assert, assertEqual, openPage } from './lib.mjs';

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
