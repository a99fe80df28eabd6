// End-to-end tests of the studio's "From Wikidata" panel, offline: the
// real City Streets entity and the labels of its items
// (tests/fixtures/wikidata/, sources in its README) are pasted, or served
// to the studio's own requests by the browser's request routing, so that
// nothing reaches the network.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual } from './lib.mjs';
import { studio, settled, openStudio, openEmbeddedStudio, fill } from './studio-lib.mjs';

const film = readFileSync('tests/fixtures/wikidata/Q2262932.json', 'utf8');
const labels = readFileSync('tests/fixtures/wikidata/Q2262932-labels.json', 'utf8');
const movie = (p) => p.evaluate(() => document.querySelector('spoiler-card-studio').movie);

/** Pastes `text` into the Wikidata box and reads it. */
async function paste(p, text) {
  await p.locator(studio('#wd-paste')).fill(text);
  await p.getByRole('button', { name: 'Read the pasted JSON' }).click();
  await settled(p);
}

test('studio: from Wikidata by paste — the film, then its items\' names; an empty movie is filled, undo takes it back', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    await p.locator(studio('.wikidata summary')).click();
    await paste(p, '{"title": "not an entity"}');
    assert((await p.locator(studio('.wikidata .problem')).textContent()).startsWith('Not read: this JSON holds no Wikidata entity'), 'a non-entity is refused');
    await paste(p, labels);
    assert((await p.locator(studio('.wikidata .problem')).textContent()).startsWith('Not read: none of these entities is a film'), 'names before a film are refused');
    await paste(p, film);
    assertEqual(await p.locator(studio('.wikidata .problem')).count(), 0, 'the film is read');
    const missing = () => p.locator(studio('.wikidata-read .missing')).textContent();
    assert((await missing()).startsWith('12 names are not known yet (Q51472, Q959790, Q130232, Q93957,'), await missing());
    await paste(p, labels);
    assert((await missing()).startsWith('8 names are not known yet (Q231595,'), await missing());
    const changes = await p.locator(studio('.wikidata-changes li')).allTextContents();
    assertEqual(changes, [
      'Title: City Streets', 'Year: 1931', 'Runtime: 82', 'Directors: Rouben Mamoulian', 'Genres: crime film, drama film',
      'Add to Links: Wikidata: https://www.wikidata.org/wiki/Q2262932',
    ], 'what the import changes');
    assertEqual(await p.locator(studio('.wikidata-read input[type="checkbox"]')).count(), 0, 'an empty movie asks nothing');
    await p.getByRole('button', { name: 'Fill the form' }).click();
    await settled(p);
    assertEqual(await p.locator(studio('#f-title')).inputValue(), 'City Streets', 'the title field');
    assertEqual(await p.locator(studio('#f-id')).inputValue(), 'city-streets-1931', 'the id follows');
    const filled = await movie(p);
    assertEqual([filled.year, filled.runtime_minutes, filled.directors, filled.genres], [1931, 82, ['Rouben Mamoulian'], ['crime film', 'drama film']], 'the facts');
    assertEqual(filled.more.links, [{ label: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q2262932' }], 'the link to the entity');
    assertEqual(await p.locator(studio('.wikidata-read')).textContent().then((t) => t.includes('The form already says all this.')), true, 'nothing left to change');
    await p.getByRole('button', { name: 'Undo' }).click();
    await settled(p);
    assertEqual(await p.locator(studio('#f-title')).inputValue(), '', 'undo takes the import back');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: from Wikidata, what the author wrote is replaced only where they tick it', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    await fill(p, 'f-title', 'Streets of the City');
    await fill(p, 'f-year', '1931');
    await p.locator(studio('.wikidata summary')).click();
    await paste(p, film);
    await paste(p, labels);
    const asks = p.locator(studio('.wikidata-read li.asks'));
    assertEqual(await asks.allTextContents(), ['Replace Title “Streets of the City” with “City Streets”'], 'only the title asks; the year is the same');
    await p.getByRole('button', { name: 'Fill the form' }).click();
    await settled(p);
    let now = await movie(p);
    assertEqual([now.title, now.runtime_minutes, now.directors], ['Streets of the City', 82, ['Rouben Mamoulian']], 'the rest filled, the title kept');
    // The same import again: the title asks once more; ticked, it is replaced.
    await p.getByRole('checkbox', { name: 'Replace Title “Streets of the City” with “City Streets”' }).check();
    await p.getByRole('button', { name: 'Fill the form' }).click();
    await settled(p);
    now = await movie(p);
    assertEqual([now.title, now.id], ['City Streets', 'city-streets-1931'], 'replaced where ticked; the id still followed the title');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: from Wikidata by Q-id — wbgetentities for the film, then its items\' labels; offline, a clear way to paste instead', async (ctx) => {
  const p = await openStudio(ctx, { width: 1400, height: 1000 });
  const asked = [];
  let online = true;
  // Every request to Wikidata is answered here: the fixtures, or a failure.
  await p.route('https://www.wikidata.org/**', (route) => {
    const url = route.request().url();
    asked.push(url);
    if (!online) return route.abort('internetdisconnected');
    const body = url.includes('props=labels%7Cclaims') ? film : labels;
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body });
  });
  try {
    await p.locator(studio('.wikidata summary')).click();
    await p.locator(studio('#wd-id')).fill('City Streets');
    await p.getByRole('button', { name: 'Fetch', exact: true }).click();
    await settled(p);
    assert((await p.locator(studio('.wikidata .problem')).textContent()).startsWith('Not fetched: give the film'), 'a title is not a Q-id');
    assertEqual(asked, [], 'nothing asked for a bad id');
    await p.locator(studio('#wd-id')).fill('https://www.wikidata.org/wiki/Q2262932');
    await p.getByRole('button', { name: 'Fetch', exact: true }).click();
    await p.locator(studio('.wikidata-read')).waitFor();
    assertEqual(asked, [
      'https://www.wikidata.org/w/api.php?action=wbgetentities&format=json&origin=*&props=labels%7Cclaims&ids=Q2262932',
      'https://www.wikidata.org/w/api.php?action=wbgetentities&format=json&origin=*&props=labels&languages=en&ids=Q51472%7CQ959790%7CQ130232%7CQ93957%7CQ231595%7CQ182057%7CQ554094%7CQ3968233%7CQ862090%7CQ3229610%7CQ2409726%7CQ3568320',
    ], 'the film, then one request for the labels of the items it names');
    assert((await p.locator(studio('.wikidata-read .missing')).textContent()).startsWith('8 names are not known yet'), 'the names Wikidata gave are known');
    await p.getByRole('button', { name: 'Fill the form' }).click();
    await settled(p);
    assertEqual((await movie(p)).directors, ['Rouben Mamoulian'], 'filled from the fetch');
    online = false;
    await p.getByRole('button', { name: 'Fetch', exact: true }).click();
    await p.locator(studio('.wikidata .problem')).waitFor();
    const offline = await p.locator(studio('.wikidata .problem')).textContent();
    assert(offline.startsWith('Wikidata could not be reached (') && offline.includes('https://www.wikidata.org/wiki/Special:EntityData/Q2262932.json'), offline);
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: from Wikidata in German — the film\'s German title, the panel\'s German words', async (ctx) => {
  const p = await openEmbeddedStudio(ctx, 'studio-wikidata-de', 'de', { width: 1300 });
  try {
    await p.locator(studio('.wikidata summary:text-is("Aus Wikidata")')).click();
    await p.locator(studio('#wd-paste')).fill(film);
    await p.getByRole('button', { name: 'Eingefügtes JSON lesen' }).click();
    await settled(p);
    const first = await p.locator(studio('.wikidata-changes li')).first().textContent();
    assertEqual(first, 'Titel: Straßen der Weltstadt', 'the title in the studio\'s language');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});
