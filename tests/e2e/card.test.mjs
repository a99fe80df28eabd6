// End-to-end tests of the card on the demo page (dist/index.html): it
// renders, spoilers never leak before the reader asks (text, attributes,
// accessibility tree, find-in-page) and do show after, the keyboard works
// with real key presses, axe finds nothing, watch progress follows the
// slider and is remembered; screenshots for the README.
import { readFileSync, mkdirSync } from 'node:fs';
import {
  test, assert, assertEqual, openPage, waitForCard, piercedText, renderedText, accessibilityText,
  findInPage, shadowFocus, spoilerOnlyWords, present,
} from './lib.mjs';

const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
const SIXTH = JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8'));
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const UI_WORDS = 'Full plot and ending contains spoilers Click to reveal Nothing is shown until you ask Spoiler reveal '
  + 'Show everything Hide revealed later events hidden character arcs Timeline Characters Similar titles More '
  + 'watched Not started Finished Synopsis Updated November Directed Runtime Language Genres Settings Themes '
  + 'opens in a new tab played by Arc Box office Cast and crew Production Links';
const plotOf = (m) => [...m.spoilers.summary, ...(m.spoilers.ending ?? []), ...(m.spoilers.post_credits ?? [])];
const LLV_CARD = '#card-llv';
const SIXTH_CARD = '#card-sixth';

async function demo(ctx, options = {}) {
  const page = await openPage(ctx.browser, `${ctx.origin}/`, options);
  await waitForCard(page, LLV_CARD);
  // Lazy: it starts once near the viewport, as it would for a reader.
  await page.locator(SIXTH_CARD).scrollIntoViewIfNeeded();
  await waitForCard(page, SIXTH_CARD);
  return page;
}

const inCard = (page, card, selector) => page.locator(`${card} ${selector}`);

test('demo: the card renders in the shadow root with title and year, no console errors', async (ctx) => {
  const page = await demo(ctx);
  try {
    const facts = await page.evaluate(() => {
      const root = document.querySelector('#card-llv').shadowRoot;
      return { title: root.querySelector('.title').textContent, facts: root.querySelector('.facts').textContent,
        chips: [...root.querySelectorAll('.chip')].map((c) => c.textContent),
        lightDomHidden: document.querySelector('#card-llv a').offsetParent === null };
    });
    assertEqual(facts.title, 'Leaving Las Vegas', 'title');
    assert(facts.facts.includes('1995') && facts.facts.includes('1h 51m'), `facts: ${facts.facts}`);
    assertEqual(facts.chips, LLV.genres, 'genre chips');
    assert(facts.lightDomHidden, 'the fallback link is hidden once the card renders');
    mkdirSync('target/e2e', { recursive: true });
    await page.screenshot({ path: 'target/e2e/demo.png', fullPage: true });
    assertEqual(page.problems, [], 'uncaught exceptions');
    assertEqual(page.consoleErrors.filter((e) => !e.includes('favicon')), [], 'console errors');
  } finally { await page.closeAll(); }
});

for (const [name, card, movie] of [['Leaving Las Vegas', LLV_CARD, LLV], ['The Sixth Sense', SIXTH_CARD, SIXTH]]) {
  test(`leak: ${name} plot is absent before reveal (DOM, attributes, AX tree, find) and present after`, async (ctx) => {
    const page = await demo(ctx);
    try {
      // Safe: the UI, the demo page's own text and markup, and what the
      // other card legitimately shows.
      const other = movie === LLV ? SIXTH : LLV;
      const lightDom = await page.evaluate(() => document.documentElement.outerHTML);
      const otherShown = JSON.stringify({ ...other, spoilers: other.spoilers.warning, characters: other.characters.map((c) => c.name + c.intro), timeline: other.timeline.filter((e) => e.at_minute <= 40) });
      const ownShown = movie.timeline.filter((e) => e.at_minute <= (movie === SIXTH ? 40 : 0)).flatMap((e) => [e.title, e.text]).join(' ');
      const ownArcs = movie.characters.filter((c) => c.arc && movie === SIXTH && (c.arc.at_minute ?? 999) <= 40).map((c) => c.arc.text).join(' ');
      const spoilerWords = spoilerOnlyWords(movie, plotOf(movie), `${UI_WORDS} ${lightDom} ${otherShown} ${ownShown} ${ownArcs}`);
      assert(spoilerWords.length > 40, `enough spoiler-only words (${spoilerWords.length})`);
      const sentence = movie.spoilers.summary[1].split(/[.;]/)[0];
      const before = { pierced: await piercedText(page), rendered: await renderedText(page), ax: await accessibilityText(page) };
      for (const [where, text] of Object.entries(before)) {
        assertEqual(present(spoilerWords, text), [], `${where} before reveal`);
      }
      assertEqual(await findInPage(page, sentence), false, 'window.find before reveal');

      await inCard(page, card, 'button.gate').click();
      await page.waitForFunction((c) => document.querySelector(c).shadowRoot.querySelector('#sc-plot.revealed'), card);
      const after = { pierced: await piercedText(page), rendered: await renderedText(page), ax: await accessibilityText(page) };
      for (const [where, text] of Object.entries(after)) {
        const missing = spoilerWords.filter((w) => !present([w], text).length);
        assertEqual(missing, [], `${where} after reveal`);
      }
      assertEqual(await findInPage(page, sentence), true, 'window.find after reveal');
      assertEqual(await shadowFocus(page, card), 'h4#sc-plot-heading', 'focus on the revealed heading');
      const status = await page.evaluate((c) => document.querySelector(c).shadowRoot.querySelector('[role=status]').textContent, card);
      assertEqual(status, 'Plot revealed', 'polite announcement');
    } finally { await page.closeAll(); }
  });
}

test('leak: gated timeline events and arcs hold no title or text, in DOM or AX tree', async (ctx) => {
  const page = await demo(ctx);
  try {
    const eventTexts = SIXTH.timeline.filter((e) => e.at_minute > 40).flatMap((e) => [e.title, e.text]);
    const arcTexts = SIXTH.characters.filter((c) => c.arc && (c.arc.at_minute ?? SIXTH.runtime_minutes) > 40).map((c) => c.arc.text);
    const shownTexts = SIXTH.timeline.filter((e) => e.at_minute <= 40).flatMap((e) => [e.title, e.text]);
    const words = spoilerOnlyWords(SIXTH, [...eventTexts, ...arcTexts], `${UI_WORDS} ${shownTexts.join(' ')} ${plotOf(LLV).join(' ')} ${JSON.stringify(LLV)}`);
    assert(words.length > 30, `enough words (${words.length})`);
    for (const tab of ['timeline', 'characters']) {
      await inCard(page, SIXTH_CARD, `#sc-tab-${tab}`).click();
      assertEqual(present(words, await piercedText(page)), [], `${tab}: DOM before`);
      assertEqual(present(words, await accessibilityText(page)), [], `${tab}: AX before`);
    }
    const shown = await page.evaluate(() => document.querySelector('#card-sixth').shadowRoot.querySelectorAll('.arc:not(.gated)').length);
    assertEqual(shown, SIXTH.characters.filter((c) => c.arc && (c.arc.at_minute ?? 999) <= 40).length, 'arcs within progress show');
  } finally { await page.closeAll(); }
});

test('keyboard: Enter and Space on the gate reveal (real key presses); Hide again hides', async (ctx) => {
  const page = await demo(ctx);
  try {
    const gate = inCard(page, LLV_CARD, 'button.gate');
    await gate.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#card-llv').shadowRoot.querySelector('#sc-plot.revealed'));
    await settled(page); // (focus moves in an effect)
    assertEqual(await shadowFocus(page, LLV_CARD), 'h4#sc-plot-heading', 'focus after Enter');
    await inCard(page, LLV_CARD, 'button.hide').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#card-llv').shadowRoot.querySelector('button.gate'));
    await inCard(page, LLV_CARD, 'button.gate').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#card-llv').shadowRoot.querySelector('#sc-plot.revealed'));
    const expanded = await inCard(page, LLV_CARD, 'button.hide').getAttribute('aria-expanded');
    assertEqual(expanded, 'true', 'aria-expanded after Space');
  } finally { await page.closeAll(); }
});

test('keyboard: tabs follow Left/Right (wrapping), Home and End, with aria-selected and focus', async (ctx) => {
  const page = await demo(ctx);
  try {
    const state = () => page.evaluate(() => {
      const root = document.querySelector('#card-llv').shadowRoot;
      const selected = [...root.querySelectorAll('[role=tab]')].filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.id);
      const visible = [...root.querySelectorAll('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id);
      return { selected, focus: root.activeElement?.id, visible };
    });
    await inCard(page, LLV_CARD, '#sc-tab-timeline').focus();
    const steps = [['ArrowRight', 'characters'], ['ArrowRight', 'similar'], ['ArrowRight', 'more'], ['ArrowRight', 'timeline'],
      ['ArrowLeft', 'more'], ['Home', 'timeline'], ['End', 'more'], ['ArrowLeft', 'similar']];
    for (const [key, slug] of steps) {
      await page.keyboard.press(key);
      // (Focus moves in the key's handler; the selection renders in Yew's
      // next pass, which may come a task later on a busy machine.)
      await page.waitForFunction((id) => document.querySelector('#card-llv').shadowRoot.querySelector(`#${id}[aria-selected=true]`), `sc-tab-${slug}`, { timeout: 5000 }).catch(() => {});
      assertEqual(await state(), { selected: [`sc-tab-${slug}`], focus: `sc-tab-${slug}`, visible: [`sc-panel-${slug}`] }, `after ${key}`);
    }
    await page.keyboard.press('Tab');
    assertEqual(await shadowFocus(page, LLV_CARD), 'div#sc-panel-similar', 'Tab from the tab list goes to the panel');
  } finally { await page.closeAll(); }
});

test('tabs: a panel opened before stays rendered but hidden — not seen, not in the AX tree, not found, not focusable', async (ctx) => {
  const page = await demo(ctx);
  try {
    const intro = LLV.characters[0].intro;
    const panelFacts = () => page.evaluate(() => {
      const root = document.querySelector('#card-llv').shadowRoot;
      const panel = root.getElementById('sc-panel-characters');
      const button = panel.querySelector('button');
      button?.focus();
      return {
        hidden: panel.hidden,
        inert: panel.inert,
        children: panel.children.length,
        height: panel.getBoundingClientRect().height,
        focusable: !!button && root.activeElement === button,
      };
    });
    assertEqual((await panelFacts()).children, 0, 'a panel never opened is empty');
    await inCard(page, LLV_CARD, '#sc-tab-characters').click();
    const open = await panelFacts();
    assert(!open.hidden && !open.inert && open.children > 0 && open.height > 100 && open.focusable, `open panel: ${JSON.stringify(open)}`);
    assert((await accessibilityText(page)).includes(intro), 'open panel: intro in the AX tree');
    assert(await findInPage(page, intro), 'open panel: intro found in page');

    await inCard(page, LLV_CARD, '#sc-tab-timeline').click();
    const kept = await panelFacts();
    assertEqual(kept, { hidden: true, inert: true, children: kept.children, height: 0, focusable: false }, 'panel kept after leaving it');
    assert(kept.children > 0, 'its content is kept for a quick return');
    assert(!(await accessibilityText(page)).includes(intro), 'kept panel: intro not in the AX tree');
    assert(!(await findInPage(page, intro)), 'kept panel: intro not found in page');
    const shown = await page.evaluate(() => document.querySelector('#card-llv').shadowRoot.getElementById('sc-panel-timeline').getBoundingClientRect().height);
    assert(shown > 100, `the timeline panel shows (${shown}px)`);
  } finally { await page.closeAll(); }
});

test('tabs: the pointer over the tab list, or focus on a tab, builds the other panels hidden; the first switch shows one at once', async (ctx) => {
  const page = await demo(ctx);
  try {
    const panels = (card) => page.evaluate((c) => {
      const root = document.querySelector(c).shadowRoot;
      return [...root.querySelectorAll('[role=tabpanel]')].map((p) => `${p.id}:${p.children.length > 0 ? 'built' : 'empty'}:${p.hidden ? 'hidden' : 'shown'}:${p.inert ? 'inert' : 'live'}`);
    }, card);
    const expected = (shown) => ['timeline', 'characters', 'similar', 'more']
      .map((t) => `sc-panel-${t}:built:${t === shown ? 'shown:live' : 'hidden:inert'}`);
    const intro = LLV.characters[0].intro;
    assertEqual(await panels(LLV_CARD), ['sc-panel-timeline:built:shown:live', 'sc-panel-characters:empty:hidden:inert',
      'sc-panel-similar:empty:hidden:inert', 'sc-panel-more:empty:hidden:inert'], 'before: only the open panel is built');
    await inCard(page, LLV_CARD, '#sc-tab-similar').hover();
    await page.waitForFunction(() => document.querySelector('#card-llv').shadowRoot.getElementById('sc-panel-similar').children.length > 0);
    assertEqual(await panels(LLV_CARD), expected('timeline'), 'after the pointer reached the tabs: all built, the timeline still shown');
    assert(!(await accessibilityText(page)).includes(intro), 'a built, hidden panel is not in the AX tree');
    assert(!(await findInPage(page, intro)), 'a built, hidden panel is not found in page');
    await inCard(page, LLV_CARD, '#sc-tab-characters').click();
    assertEqual(await panels(LLV_CARD), expected('characters'), 'after the click: characters shown');
    assert((await accessibilityText(page)).includes(intro), 'the shown panel is in the AX tree');

    // Focus (a keyboard reader reaching the tab list) does the same.
    await inCard(page, SIXTH_CARD, '#sc-tab-timeline').focus();
    await page.waitForFunction(() => document.querySelector('#card-sixth').shadowRoot.getElementById('sc-panel-similar').children.length > 0);
    assertEqual(await panels(SIXTH_CARD), expected('timeline'), 'after focus on a tab');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally { await page.closeAll(); }
});

test('keyboard: a keyboard-only walk reaches every control of the card and leaves it', async (ctx) => {
  const page = await demo(ctx);
  try {
    await page.evaluate(() => document.querySelector('h1').setAttribute('tabindex', '-1'));
    await page.focus('h1');
    const seen = [];
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const host = document.activeElement;
        if (host?.id !== 'card-llv') return host?.id ? `page:${host.id}` : `page:${host?.tagName}`;
        const el = host.shadowRoot.activeElement;
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`;
      });
      seen.push(where);
      if (where.startsWith('page:card-sixth')) break;
    }
    const walk = seen.join(' | ');
    for (const part of ['input#sc-progress', 'button#', 'button#sc-gate.gate', 'button#sc-tab-timeline', 'div#sc-panel-timeline', 'button.reveal']) {
      assert(walk.includes(part), `walk reaches ${part}: ${walk}`);
    }
    assert(seen.at(-1).startsWith('page:card-sixth'), `focus leaves the card for the next one: ${walk}`);
  } finally { await page.closeAll(); }
});

for (const scheme of ['light', 'dark']) {
  test(`axe: no violations before and after reveal (${scheme})`, async (ctx) => {
    const page = await demo(ctx, { colorScheme: scheme });
    try {
      await page.addScriptTag({ content: AXE });
      const audit = () => page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
      });
      assertEqual(await audit(), [], 'violations before reveal');
      await inCard(page, LLV_CARD, 'button.gate').click();
      await inCard(page, SIXTH_CARD, 'button.gate').click();
      await inCard(page, LLV_CARD, '#sc-tab-characters').click();
      await inCard(page, SIXTH_CARD, 'button.reveal >> nth=0').click();
      await page.waitForTimeout(400);
      assertEqual(await audit(), [], 'violations after reveal');
    } finally { await page.closeAll(); }
  });
}

// Yew may finish a render in a task of its own after a busy one (its
// scheduler yields to the browser): a task, a frame and a task later it has.
const settled = (page) => page.evaluate(() => new Promise((r) => { setTimeout(() => requestAnimationFrame(() => setTimeout(r, 0)), 0); }));

const eventTitlesShown = async (page) => {
  await settled(page);
  return page.evaluate(() => {
    const root = document.querySelector('#card-llv').shadowRoot;
    return [...root.querySelectorAll('.event-title')].map((e) => e.textContent);
  });
};

test('progress: slider keys and drag decide which events and arcs show (DOM and AX tree)', async (ctx) => {
  const page = await demo(ctx);
  try {
    const slider = inCard(page, LLV_CARD, '#sc-progress');
    await slider.focus();
    await page.keyboard.press('Home');
    assertEqual(await eventTitlesShown(page), [], 'nothing at 0');
    const ax0 = await accessibilityText(page);
    for (const e of LLV.timeline) assert(!ax0.includes(e.title), `AX at 0 lacks "${e.title}"`);
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageDown');
    const middle = 25;
    assertEqual(await slider.inputValue(), String(middle), 'arrows by one, Page Up/Down by ten');
    const expected = LLV.timeline.filter((e) => e.at_minute <= middle).map((e) => e.title);
    assertEqual(await eventTitlesShown(page), expected, `events at ${middle}`);
    const ax = await accessibilityText(page);
    for (const e of LLV.timeline) assertEqual(ax.includes(e.title), e.at_minute <= middle, `AX "${e.title}" at ${middle}`);
    assert(ax.includes(`0:${middle} of 1:51`), 'the slider speaks its value as time');
    await page.keyboard.press('End');
    assertEqual((await eventTitlesShown(page)).length, LLV.timeline.length, 'everything at the end');
    const axEnd = await accessibilityText(page);
    for (const e of LLV.timeline) assert(axEnd.includes(e.title), `AX at the end has "${e.title}"`);
    assert(await page.evaluate(() => !!document.querySelector('#card-llv').shadowRoot.querySelector('#sc-plot.revealed')), 'plot shows at the end');
    // Drag with the mouse to about the middle.
    const box = await slider.boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    const dragged = Number(await slider.inputValue());
    assert(dragged > 40 && dragged < 70, `dragged to the middle (${dragged})`);
    assertEqual(await eventTitlesShown(page), LLV.timeline.filter((e) => e.at_minute <= dragged).map((e) => e.title), 'events after drag');
    await inCard(page, LLV_CARD, '#sc-tab-characters').click();
    const arcs = await page.evaluate(() => [...document.querySelector('#card-llv').shadowRoot.querySelectorAll('.arc:not(.gated)')].map((a) => a.textContent));
    const due = LLV.characters.filter((c) => c.arc && (c.arc.at_minute ?? LLV.runtime_minutes) <= dragged);
    assertEqual(arcs.length, due.length, 'arcs due at the dragged minute');
  } finally { await page.closeAll(); }
});

test('progress: "I\'m here" on an event sets progress; reload remembers it; remember="none" does not', async (ctx) => {
  const page = await demo(ctx);
  try {
    await inCard(page, LLV_CARD, '#sc-progress').focus();
    await page.keyboard.press('End');
    await inCard(page, LLV_CARD, '.event >> nth=5').locator('.link-button').click();
    const at = String(LLV.timeline[5].at_minute);
    assertEqual(await inCard(page, LLV_CARD, '#sc-progress').inputValue(), at, "I'm here");
    await page.reload();
    // The browser restores the scroll position, which can leave the lazy card
    // above the viewport; a reader scrolls back to it.
    await page.locator(LLV_CARD).scrollIntoViewIfNeeded();
    await waitForCard(page, LLV_CARD);
    await page.waitForFunction((at) => document.querySelector('#card-llv').shadowRoot.querySelector('#sc-progress').value === at, at);
    const stored = await page.evaluate(() => localStorage.getItem('spoiler-card:v1:leaving-las-vegas-1995:progress'));
    assertEqual(stored, at, 'storage key');
    // remember="none": a card that stores nothing and ignores what is stored.
    await page.evaluate(() => {
      localStorage.clear();
      const el = document.createElement('spoiler-card');
      el.id = 'forgetful'; el.setAttribute('src', 'movies/the-sixth-sense.json'); el.setAttribute('remember', 'none'); el.setAttribute('eager', '');
      document.querySelector('main').prepend(el);
    });
    await waitForCard(page, '#forgetful');
    await inCard(page, '#forgetful', '#sc-progress').focus();
    await page.keyboard.press('PageUp');
    assertEqual(await inCard(page, '#forgetful', '#sc-progress').inputValue(), '10', 'moved');
    assertEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('sixth'))), [], 'nothing stored');
  } finally { await page.closeAll(); }
});

// Screenshots for the README (docs/screenshots/), and for humans to look at.
for (const width of [360, 720]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: ${width}px ${scheme}, before and after reveal`, async (ctx) => {
      const page = await demo(ctx, { colorScheme: scheme, width, height: 1200 });
      try {
        mkdirSync('docs/screenshots', { recursive: true });
        const card = page.locator(LLV_CARD);
        await card.screenshot({ path: `docs/screenshots/card-${width}-${scheme}-gated.png` });
        await inCard(page, LLV_CARD, 'button.gate').click();
        await page.waitForTimeout(450);
        await card.screenshot({ path: `docs/screenshots/card-${width}-${scheme}-revealed.png` });
        if (width === 720 && scheme === 'light') {
          await page.reload();
          // (The restored scroll position can leave the lazy card above the viewport.)
          await page.locator(LLV_CARD).scrollIntoViewIfNeeded();
          await waitForCard(page, LLV_CARD);
          await inCard(page, LLV_CARD, '#sc-progress').focus();
          await page.keyboard.press('Home');
          for (let i = 0; i < 5; i += 1) await page.keyboard.press('PageUp');
          await page.mouse.move(0, 0);
          await card.screenshot({ path: 'docs/screenshots/card-720-light-progress-50.png' });
        }
        const size = await card.boundingBox();
        assert(size.width <= width && size.height > 400, `card fits ${width}px (${size.width}x${size.height})`);
        const overflow = await page.evaluate(() => { const a = document.querySelector('#card-llv').shadowRoot.querySelector('article'); return a.scrollWidth - a.clientWidth; });
        assert(overflow <= 1, `no horizontal overflow at ${width}px (${overflow})`);
      } finally { await page.closeAll(); }
    });
  }
}

test('look: the blur respects prefers-reduced-motion; forced-colors mode keeps the gate and tabs visible', async (ctx) => {
  const motion = await demo(ctx, { reducedMotion: 'no-preference' });
  const still = await demo(ctx, { reducedMotion: 'reduce' });
  try {
    const duration = (page) => page.evaluate(() => getComputedStyle(document.querySelector('#card-llv').shadowRoot.querySelector('#sc-plot')).transitionDuration);
    assertEqual(await duration(motion), '0.35s', 'blur transition with motion');
    assertEqual(await duration(still), '0s', 'no transition with reduced motion');
    await still.emulateMedia({ forcedColors: 'active' });
    const forced = await still.evaluate(() => {
      const root = document.querySelector('#card-llv').shadowRoot;
      const gate = getComputedStyle(root.querySelector('.gate-label'));
      const tab = getComputedStyle(root.querySelector('[aria-selected=true]'));
      return { gateBorder: gate.borderTopStyle, tabBorder: tab.borderBottomWidth };
    });
    assertEqual(forced.gateBorder, 'solid', 'the gate label has a border in forced colors');
    assertEqual(forced.tabBorder, '3px', 'the selected tab is marked in forced colors');
    await still.locator('#card-llv').screenshot({ path: 'target/e2e/forced-colors.png' });
  } finally { await motion.closeAll(); await still.closeAll(); }
});
