// End-to-end tests of editing in the studio, where a form can lose the
// author: the focus follows an item that moves (Move up/down, or an event
// put back in film order by its new minute); an item whose last problem is
// fixed stays open; an emptied arc or poster goes instead of saying
// "required"; a problem with no control (an unknown field) is shown above
// the form and the summary jumps there; the poster is previewed.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual } from './lib.mjs';
import { studio, settled, openStudio, fill } from './studio-lib.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const focused = (p) => p.evaluate(() => document.querySelector('spoiler-card-studio').shadowRoot.activeElement?.id ?? null);
const movie = (p) => p.evaluate(() => document.querySelector('spoiler-card-studio').movie);
/** Empties the studio's control `#id` by keyboard, then leaves it. */
async function clear(p, id) {
  await p.locator(studio(`#${id}`)).click();
  await p.keyboard.press('Control+A');
  await p.keyboard.press('Backspace');
  await p.keyboard.press('Tab');
}
const setMovie = (p, m) => p.evaluate((m) => { document.querySelector('spoiler-card-studio').movie = m; }, m);

test('studio: the focus follows a moved item, by Move up/down and by a minute that re-sorts the timeline', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    // No runtime yet: the preview's progress waits for one, and says so.
    const slider = p.locator(studio('.preview-controls input[type="range"]'));
    assertEqual(await slider.isDisabled(), true, 'no progress without a runtime');
    assertEqual(await p.locator(studio('#preview-progress-hint')).textContent(), 'Give the runtime to look at a watch progress.', 'and why');
    await setMovie(p, { ...LLV, characters: LLV.characters.slice(0, 3), timeline: LLV.timeline.slice(0, 3) });
    await settled(p);
    assertEqual(await slider.isDisabled(), false, 'with a runtime, it moves');
    await p.locator(studio('#f-characters-0-down')).click();
    await settled(p);
    assertEqual((await movie(p)).characters.map((c) => c.name), ['Sera', 'Ben Sanderson', 'Yuri Butsov'], 'moved down');
    assertEqual(await focused(p), 'f-characters-1-down', 'the focus went with Ben');
    await p.keyboard.press('Enter');
    await settled(p);
    assertEqual((await movie(p)).characters[2].name, 'Ben Sanderson', 'moved down again by keyboard');
    assertEqual(await focused(p), 'f-characters-2-up', 'at the end, on its Move up (Move down is disabled)');
    // Event 1 (0:07) given minute 12 goes after 0:11; Tab lands in its own title.
    await p.locator(studio('#f-timeline-0-at_minute')).click();
    await p.keyboard.press('Control+A');
    await p.keyboard.type('0:12');
    await p.keyboard.press('Tab');
    await settled(p);
    assertEqual((await movie(p)).timeline.map((e) => e.at_minute), [7, 11, 12], 'in film order');
    assertEqual(await focused(p), 'f-timeline-2-title', 'the focus is in the moved event\'s title');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: an item of a long list stays open when its last problem is fixed; an emptied arc goes instead of saying "required"', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    const timeline = LLV.timeline.map((e, i) => (i === 3 ? { ...e, title: '' } : e));
    await setMovie(p, { ...LLV, timeline });
    const item = p.locator(studio('.object-list[data-path="timeline"] li.item >> nth=3')).locator('details');
    await p.locator(studio('#f-timeline-3-title')).waitFor();
    assertEqual(await item.evaluate((d) => d.open), true, 'the item with a problem is open in a folded list');
    assertEqual(await p.locator(studio('.object-list[data-path="timeline"] li.item >> nth=4')).locator('details').evaluate((d) => d.open), false, 'the others are folded');
    await fill(p, 'f-timeline-3-title', 'Driving into the desert');
    await p.locator(studio('.summary.ok')).waitFor();
    assertEqual(await item.evaluate((d) => d.open), true, 'fixed, it stays open under the author');
    // Ben's arc (his item folded, in a list of eight: opened first): text
    // and minute cleared, the arc goes.
    await p.locator(studio('.object-list[data-path="characters"] li.item >> nth=0')).locator('summary').click();
    await clear(p, 'f-characters-0-arc-text');
    await clear(p, 'f-characters-0-arc-at_minute');
    await p.locator(studio('.summary.ok')).waitFor();
    assertEqual((await movie(p)).characters[0].arc, undefined, 'no empty arc left behind');
    assertEqual(await p.locator(studio('.field .problem.error')).count(), 0, 'and no "required" about it');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: a problem with no control (an unknown field) shows above the form and the summary jumps there; the poster is previewed', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    await setMovie(p, { ...LLV, rating: 5 });
    const warning = 'rating: unknown field, ignored';
    await p.locator(studio('#top-problems .problem.warning', { hasText: warning })).waitFor();
    await p.locator(studio(`.summary button.link:text-is("${warning}")`)).click();
    assertEqual(await focused(p), 'top-problems', 'the summary takes the author to it');
    await fill(p, 'f-poster-src', 'https://example.org/poster.jpg');
    assertEqual(await p.locator(studio('.field[data-path="poster.src"] img.poster-preview')).getAttribute('src'), 'https://example.org/poster.jpg', 'the poster, previewed');
    await fill(p, 'f-poster-src', 'javascript:alert(1)');
    assertEqual(await p.locator(studio('img.poster-preview')).count(), 0, 'only an http(s) address is previewed');
    // The preview at a phone's width, then a desktop's.
    const cardWidth = () => p.evaluate(() => Math.round(document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.preview spoiler-card').getBoundingClientRect().width));
    const width = p.locator(studio('.preview-controls select >> nth=2'));
    await width.selectOption('phone');
    await settled(p);
    assert(await cardWidth() <= 360, `a phone's width: ${await cardWidth()}`);
    await width.selectOption('desktop');
    await settled(p);
    assertEqual(await cardWidth(), 720, 'a desktop\'s width');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});
