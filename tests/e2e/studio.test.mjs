// End-to-end tests of the card studio (issue 26): dist/studio.html, tried
// as a new blogger would, with the keyboard and the mouse only; the
// element's API (movie, the change event, render()); the preview is the
// embed bundle's own card.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { generated } from './server.mjs';
import { test, assert, assertEqual, openPage } from './lib.mjs';
import { studio, settled, previewCard, openStudio, openEmbeddedStudio, fill } from './studio-lib.mjs';

const CLI = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';
test('studio: a new blogger writes a card by keyboard and mouse, sees a problem at its field, previews it and exports JSON that passes the check', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    // An empty studio does not shout: nothing in red at its fields yet.
    assertEqual(await p.locator(studio('.field .problem.error')).count(), 0, 'no problem shown at an empty field yet');
    await fill(p, 'f-title', 'Quiet Harbour');
    await fill(p, 'f-year', '2001');
    await fill(p, 'f-runtime_minutes', '1:40');
    await p.locator(studio('#f-directors-new')).click();
    await p.keyboard.type('Ada Lind');
    await p.keyboard.press('Enter');
    await p.keyboard.type('Bo Berg');
    await p.keyboard.press('Enter');
    await fill(p, 'f-synopsis', 'A ferry captain meets a stranger in a fog-bound port.');
    assertEqual(await p.locator(studio('#f-id')).inputValue(), 'quiet-harbour-2001', 'the id follows the title and year');
    await p.locator(studio('.field[data-path="spoilers.summary"] button.add')).click();
    await fill(p, 'f-spoilers-summary-0', 'The stranger steals the ferry at dawn and sails away with the captain\'s secret.');
    // The timeline: one event by the form, two by a paste.
    await p.locator(studio('.object-list[data-path="timeline"] > button.add')).click();
    await fill(p, 'f-timeline-0-at_minute', '0:05');
    await fill(p, 'f-timeline-0-title', 'Fog');
    await fill(p, 'f-timeline-0-text', 'The harbour disappears.');
    await p.locator(studio('#f-paste-events')).click();
    await p.keyboard.type('0:50 The night boat — The stranger walks off the night boat.');
    await p.keyboard.press('Enter');
    await p.keyboard.type('3:00 Dawn — The ferry is gone.');
    await p.getByRole('button', { name: 'Add these events' }).click();
    await settled(p);
    assertEqual(await p.locator(studio('.object-list[data-path="timeline"] .count')).textContent(), '3', 'three events');
    // A problem at its field: 180 is past the runtime; the summary names it and takes the author there.
    const past = 'timeline[2].at_minute: 180 is past the runtime (100)';
    await p.locator(studio('.summary button.link', { hasText: past })).first().waitFor();
    assertEqual(await p.locator(studio('.field[data-path="timeline[2].at_minute"] .problem')).allTextContents(), [past], 'the problem at its field, in the checker\'s words');
    await p.locator(studio(`.summary button.link:text-is("${past}")`)).click();
    assertEqual(await p.evaluate(() => document.querySelector('spoiler-card-studio').shadowRoot.activeElement?.id), 'f-timeline-2-at_minute', 'the summary jumps to the field');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('1:35');
    await p.keyboard.press('Tab');
    // Two characters with arcs.
    for (const [i, name, intro, arc] of [[0, 'Ada', 'The captain.', 'She sails the ferry home.'], [1, 'The Stranger', 'A man off the night boat.', 'He was the old harbour master.']]) {
      await p.locator(studio('.object-list[data-path="characters"] > button.add')).click();
      await fill(p, `f-characters-${i}-name`, name);
      await fill(p, `f-characters-${i}-intro`, intro);
      await fill(p, `f-characters-${i}-arc-text`, arc);
    }
    await settled(p);
    await p.locator(studio('.summary.ok')).waitFor();
    // The preview is the card, at a progress: the first event shows, the later ones stay gated.
    await p.waitForFunction(() => document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.preview spoiler-card').shadowRoot?.querySelector('.title')?.textContent === 'Quiet Harbour');
    const slider = p.locator(studio('.preview-controls input[type="range"]'));
    await slider.focus();
    for (let i = 0; i < 10; i += 1) await p.keyboard.press('ArrowRight');
    await settled(p);
    await p.waitForFunction(() => document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.preview spoiler-card').progress === 10);
    const previewText = await p.evaluate(() => document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.preview spoiler-card').shadowRoot.textContent);
    assert(previewText.includes('The harbour disappears.'), 'the first event shows at 0:10');
    assert(!previewText.includes('The stranger walks off the night boat.') && !previewText.includes('The ferry is gone'), 'the later events stay out of the preview');
    // Export: the JSON passes `spoiler-card check`.
    await p.getByRole('button', { name: 'Export the JSON' }).click();
    const json = await p.locator(studio('#export-json')).inputValue();
    mkdirSync('target/e2e', { recursive: true });
    writeFileSync('target/e2e/studio-export.json', json);
    const out = execFileSync(CLI, ['check', 'target/e2e/studio-export.json'], { encoding: 'utf8' });
    assertEqual(out.trim(), 'target/e2e/studio-export.json: OK', 'the exported file passes the check');
    const exported = JSON.parse(json);
    assertEqual(exported.timeline.map((e) => e.at_minute), [5, 50, 95], 'the timeline in film order');
    await p.waitForFunction(() => document.querySelector('spoiler-card-studio').shadowRoot.querySelector('#export-fragment')?.value.startsWith('<spoiler-card'));
    const fragment = await p.locator(studio('#export-fragment')).inputValue();
    const rendered = execFileSync(CLI, ['render', 'target/e2e/studio-export.json', '--src', '/movies/quiet-harbour-2001.json', '--embed', '/embed/'], { encoding: 'utf8' });
    assertEqual(fragment, rendered, 'the export panel\'s fragment is spoiler-card render\'s, byte for byte');
    // An edit after the export: the exported text goes, never stale.
    await fill(p, 'f-language', 'Swedish');
    await settled(p);
    assertEqual(await p.locator(studio('#export-json')).count(), 0, 'no stale export after an edit');
    await p.screenshot({ path: 'target/e2e/studio-desktop.png', fullPage: false });
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: export is refused with errors, naming the first; the spoiler lint warns with both paths but does not block', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    await p.getByRole('button', { name: 'Export the JSON' }).click();
    const refusal = await p.locator(studio('.export .problem')).textContent();
    assert(refusal.startsWith('Not exported: ') && refusal.includes('The first: id: must not be empty'), refusal);
    assert(await p.locator(studio('.field .problem.error')).count() > 0, 'after a refusal, every field says what is missing');
    await p.evaluate(() => {
      document.querySelector('spoiler-card-studio').movie = {
        schema: 1, id: 'leaky', title: 'Leaky', year: 2000, runtime_minutes: 90, language: 'English', directors: ['D'],
        synopsis: 'In the end the lighthouse keeper stole the silver bell.',
        spoilers: { summary: ['The lighthouse keeper stole the silver bell, and nobody knew.'] },
        rating: 5,
      };
    });
    // The validator runs once the author pauses: wait for its report.
    await p.locator(studio('.field[data-path="synopsis"] .problem.warning')).first().waitFor();
    const warnings = await p.locator(studio('.field[data-path="synopsis"] .problem.warning')).allTextContents();
    assertEqual(warnings, ['synopsis: repeats "lighthouse keeper stole the silver bell" from spoilers.summary[0], which readers see only when they reveal it'], 'the lint at its field');
    await p.getByRole('button', { name: 'Export the JSON' }).click();
    const exported = JSON.parse(await p.locator(studio('#export-json')).inputValue());
    assertEqual(exported.rating, 5, 'an unknown field is kept and written back');
  } finally {
    await p.closeAll();
  }
});

test('studio: the element\'s API — movie in and out, the change event, undo and redo by keyboard, render() gives the bytes spoiler-card render gives', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    const movie = JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8'));
    await p.evaluate((m) => {
      window.__changes = [];
      const el = document.querySelector('spoiler-card-studio');
      el.addEventListener('spoiler-card-studio:change', (e) => window.__changes.push(e.detail.movie.title));
      el.movie = m;
    }, movie);
    await settled(p);
    assertEqual(await p.evaluate(() => document.querySelector('spoiler-card-studio').movie.title), movie.title, 'movie out as set');
    await p.locator(studio('.summary.ok')).waitFor();
    await fill(p, 'f-title', 'The Seventh Sense');
    await settled(p);
    assertEqual(await p.evaluate(() => window.__changes.at(-1)), 'The Seventh Sense', 'the change event carries the movie');
    await p.locator(studio('#f-language')).click();
    await p.keyboard.press('Control+Z');
    await settled(p);
    assertEqual(await p.evaluate(() => document.querySelector('spoiler-card-studio').movie.title), movie.title, 'undo by keyboard');
    await p.keyboard.press('Control+Shift+Z');
    await settled(p);
    assertEqual(await p.evaluate(() => document.querySelector('spoiler-card-studio').movie.title), 'The Seventh Sense', 'redo by keyboard');
    await p.keyboard.press('Control+Z');
    await settled(p);
    const html = await p.evaluate(() => document.querySelector('spoiler-card-studio').render({ src: '/movies/the-sixth-sense.json', embed: '/embed/', progress: 20, theme: 'dark', headingLevel: 3 }));
    const cli = execFileSync(CLI, ['render', 'assets/movies/the-sixth-sense.json', '--src', '/movies/the-sixth-sense.json', '--embed', '/embed/', '--progress', '20', '--theme', 'dark', '--heading-level', '3'], { encoding: 'utf8' });
    assertEqual(html, cli, 'the same bytes as spoiler-card render');
    const refused = await p.evaluate(() => {
      const el = document.querySelector('spoiler-card-studio');
      el.movie = { schema: 1 };
      return el.render({ src: '/m.json' }).then(() => 'rendered', (e) => e.message);
    });
    assert(refused.includes('id: required'), `render() refuses, saying why: ${refused}`);
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: spoiler-card-studio.js registers the element on any page (the npm package\'s and the WordPress plugin\'s way in), beside the card', async (ctx) => {
  const p = await openEmbeddedStudio(ctx, 'studio-embed', 'en', { width: 1200 });
  try {
    await p.evaluate((m) => { document.querySelector('#s').movie = m; }, JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8')));
    await p.waitForFunction(() => document.querySelector('#s').shadowRoot.querySelector('.preview spoiler-card').shadowRoot?.querySelector('.title')?.textContent === 'Leaving Las Vegas');
    assertEqual(await p.evaluate(() => customElements.get('spoiler-card-studio')?.name), 'SpoilerCardStudioElement', 'one class, defined once');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: screenshots for the README, desktop and phone, with a movie open', async (ctx) => {
  const movie = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
  mkdirSync('docs/screenshots', { recursive: true });
  for (const [name, width, height] of [['studio-desktop', 1400, 1000], ['studio-phone', 390, 844]]) {
    const p = await openStudio(ctx, { width, height });
    try {
      await p.evaluate((m) => { document.querySelector('spoiler-card-studio').movie = m; }, movie);
      await p.waitForFunction(() => document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.preview spoiler-card').shadowRoot?.querySelector('.title')?.textContent === 'Leaving Las Vegas');
      await settled(p);
      await p.screenshot({ path: `docs/screenshots/${name}.png` });
      // The phone's one column: the form fits, nothing scrolls sideways.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `${name}: no sideways scroll (${overflow} px)`);
    } finally {
      await p.closeAll();
    }
  }
});

test('studio: open a movie by file picker, by drop and by paste; what is not JSON is refused with its reason and the movie stays', async (ctx) => {
  const p = await openStudio(ctx);
  try {
    const llv = readFileSync('assets/movies/leaving-las-vegas.json', 'utf8');
    await p.locator(studio('.open summary')).click();
    await p.locator(studio('#open-paste')).fill('{"schema": 1, "title": "x",,}');
    await p.getByRole('button', { name: 'Open the pasted JSON' }).click();
    const refusal = await p.locator(studio('.open .problem')).textContent();
    assert(refusal.startsWith('Not opened: not valid JSON: ') && /line 1, column \d+/.test(refusal), refusal);
    assertEqual(await p.locator(studio('#f-title')).inputValue(), '', 'the movie on screen stays');
    assertEqual(await p.locator(studio('#open-paste')).inputValue(), '{"schema": 1, "title": "x",,}', 'the refused text stays to be fixed');
    await p.locator(studio('#open-paste')).fill(llv);
    await p.getByRole('button', { name: 'Open the pasted JSON' }).click();
    await settled(p);
    assertEqual(await p.locator(studio('#f-title')).inputValue(), 'Leaving Las Vegas', 'opened by paste');
    await p.locator(studio('#open-file')).setInputFiles({ name: 'sixth.json', mimeType: 'application/json', buffer: readFileSync('assets/movies/the-sixth-sense.json') });
    await p.waitForFunction(() => document.querySelector('spoiler-card-studio').movie.title === 'The Sixth Sense');
    // A file dropped on the box.
    await p.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'llv.json', { type: 'application/json' }));
      const box = document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.open');
      box.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, llv);
    await p.waitForFunction(() => document.querySelector('spoiler-card-studio').movie.title === 'Leaving Las Vegas');
    // Undo brings the movie before back.
    await p.locator(studio('#f-language')).click();
    await p.keyboard.press('Control+Z');
    await settled(p);
    assertEqual(await p.evaluate(() => document.querySelector('spoiler-card-studio').movie.title), 'The Sixth Sense', 'undo after opening');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('studio: the draft is kept as the author types and offered back, never restored unasked; a broken stored draft is ignored', async (ctx) => {
  const context = await ctx.browser.newContext({ viewport: { width: 1300, height: 900 } });
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  const open = async () => {
    await p.goto(`${ctx.origin}/studio.html`);
    await p.locator(studio('#f-title')).waitFor({ timeout: 20000 });
    await settled(p);
  };
  try {
    await open();
    assertEqual(await p.locator(studio('.draft-offer')).count(), 0, 'nothing to offer at first');
    await fill(p, 'f-title', 'Half Written');
    await settled(p);
    await open();
    assertEqual(await p.locator(studio('#f-title')).inputValue(), '', 'not restored unasked');
    await p.getByRole('button', { name: 'Discard it' }).click();
    await open();
    assertEqual(await p.locator(studio('.draft-offer')).count(), 0, 'a discarded draft is gone');
    await fill(p, 'f-title', 'Written Again');
    await settled(p);
    await open();
    await p.getByRole('button', { name: 'Restore the draft' }).click();
    await settled(p);
    assertEqual(await p.locator(studio('#f-title')).inputValue(), 'Written Again', 'restored when asked');
    // Stored values are untrusted.
    await p.evaluate(() => localStorage.setItem('spoiler-card-studio:v1:draft:default', '{"schema": 1, broken'));
    await open();
    assertEqual(await p.locator(studio('.draft-offer')).count(), 0, 'a broken draft is not offered');
    assertEqual(problems, [], 'no uncaught error');
  } finally {
    await context.close();
  }
});

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

for (const scheme of ['light', 'dark']) {
  test(`studio: axe finds nothing, empty, with problems shown and with a movie open (${scheme})`, async (ctx) => {
    const p = await openStudio(ctx, { colorScheme: scheme });
    try {
      await p.addScriptTag({ content: AXE });
      const audit = () => p.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
      });
      assertEqual(await audit(), [], 'violations in an empty studio');
      await p.getByRole('button', { name: 'Export the JSON' }).click();
      await p.locator(studio('.open summary')).click();
      await settled(p);
      assertEqual(await audit(), [], 'violations with every problem shown');
      await p.evaluate((m) => { document.querySelector('spoiler-card-studio').movie = m; }, JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8')));
      await p.waitForFunction(() => document.querySelector('spoiler-card-studio').shadowRoot.querySelector('.preview spoiler-card').shadowRoot?.querySelector('.title'));
      await settled(p);
      assertEqual(await audit(), [], 'violations with a movie open');
    } finally {
      await p.closeAll();
    }
  });
}

// ---- `npx spoiler-card studio FILE` ----------------------------------------

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { VERSION } from '../../scripts/package.mjs';

/** The package installed from its tarball into a new folder. */
function installed() {
  const tarball = process.env.SPOILER_CARD_TGZ ?? `dist/npm/spoiler-card-${VERSION}.tgz`;
  assert(existsSync(tarball), `${tarball} is missing (make package)`);
  const dir = mkdtempSync(join(process.cwd(), 'target', 'e2e-studio-'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "a-blog", "private": true }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(process.cwd(), tarball)], { cwd: dir, stdio: 'pipe' });
  return dir;
}

/** Starts `spoiler-card studio file` in `dir`: the process and the URL it prints. */
async function startStudio(dir, file) {
  const child = spawn(process.execPath, ['node_modules/spoiler-card/bin/spoiler-card.mjs', 'studio', file], { cwd: dir });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  for (let i = 0; i < 100 && !/open (http\S+)/.test(out); i += 1) await new Promise((r) => setTimeout(r, 50));
  const url = out.match(/open (http\S+)/)?.[1];
  assert(url, `the studio command prints its URL: ${out}`);
  return { child, url, output: () => out };
}

/** A raw GET with its own Host header: the status. */
const statusOf = (url, host) => new Promise((resolveStatus, reject) => {
  // The path as written (not normalized by URL), after the origin.
  const { port, origin } = new URL(url);
  const req = request({ host: '127.0.0.1', port, path: url.slice(origin.length), headers: host ? { Host: host } : {} }, (res) => { res.resume(); resolveStatus(res.statusCode); });
  req.on('error', reject);
  req.end();
});

test('studio command: serves FILE on 127.0.0.1 under a token, saves it atomically, refuses other hosts and a FILE changed on disk; Ctrl-C stops it', async (ctx) => {
  const dir = installed();
  mkdirSync(join(dir, 'movies'));
  writeFileSync(join(dir, 'movies/llv.json'), readFileSync('assets/movies/leaving-las-vegas.json'));
  const { child, url, output } = await startStudio(dir, 'movies/llv.json');
  const p = await openPage(ctx.browser, null, { width: 1300 });
  try {
    assert(url.startsWith('http://127.0.0.1:'), url);
    const u = new URL(url);
    assertEqual(await statusOf(`${u.origin}/`), 404, 'no token, nothing');
    assertEqual(await statusOf(`${u.origin}/0123456789abcdef0123456789abcdef/`), 404, 'a wrong token, nothing');
    assertEqual(await statusOf(url, 'evil.example'), 403, 'another Host is refused');
    for (const path of ['studio/..%2f..%2fpackage.json', 'studio%2f..%2fpackage.json', 'embed/..%2fnode%2findex.mjs', '%E0%A4%A']) {
      assertEqual(await statusOf(`${url}${path}`), path.startsWith('%E0') ? 400 : 404, `nothing outside embed/ and studio/: ${path}`);
    }
    assertEqual(await statusOf(`${url}studio/spoiler-card-studio.js`), 200, 'the studio itself is served');
    await p.goto(url);
    await p.locator(studio('#f-title')).waitFor({ timeout: 20000 });
    await p.waitForFunction(() => document.querySelector('spoiler-card-studio').movie?.title === 'Leaving Las Vegas');
    await fill(p, 'f-title', 'Leaving Las Vegas (1995 cut)');
    await p.locator('#save').click();
    await p.locator('#status', { hasText: 'Saved.' }).waitFor();
    const saved = readFileSync(join(dir, 'movies/llv.json'), 'utf8');
    assertEqual(JSON.parse(saved).title, 'Leaving Las Vegas (1995 cut)', 'saved to FILE');
    assertEqual(execFileSync(CLI, ['check', join(dir, 'movies/llv.json')], { encoding: 'utf8' }).trim().endsWith(': OK'), true, 'the saved file passes the check');
    assertEqual(readdirSync(join(dir, 'movies')), ['llv.json'], 'no temp file left, nothing else written');
    // Changed on disk behind the studio's back: not overwritten.
    writeFileSync(join(dir, 'movies/llv.json'), saved.replace('1995 cut', 'edited elsewhere'));
    await fill(p, 'f-title', 'Mine');
    await p.locator('#save').click();
    await p.locator('#status.error').waitFor();
    assert((await p.locator('#status').textContent()).includes('llv.json changed on disk since it was opened'), 'the conflict is told');
    assertEqual(JSON.parse(readFileSync(join(dir, 'movies/llv.json'), 'utf8')).title, 'Leaving Las Vegas (edited elsewhere)', 'the other edit stays');
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', r));
    assertEqual(code, 0, 'Ctrl-C stops it');
    assert(output().includes('stopped'), output());
  } finally {
    child.kill();
    await p.closeAll();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('studio command: a FILE that does not exist yet is a new movie, created by Save', async (ctx) => {
  const dir = installed();
  const { child, url } = await startStudio(dir, 'new-movie.json');
  const p = await openPage(ctx.browser, url, { width: 1300 });
  try {
    await p.locator(studio('#f-title')).waitFor({ timeout: 20000 });
    await p.locator('#status', { hasText: 'A new movie' }).waitFor();
    await fill(p, 'f-title', 'Brand New');
    await p.locator('#save').click();
    await p.locator('#status', { hasText: 'Saved.' }).waitFor();
    assertEqual(JSON.parse(readFileSync(join(dir, 'new-movie.json'), 'utf8')).title, 'Brand New', 'created');
  } finally {
    child.kill();
    await p.closeAll();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('studio: a movie set on the element before its module ran is taken in when it is defined', async (ctx) => {
  generated.set('/__gen/studio-early.html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/embed/spoiler-card.js"></script></head>
<body><spoiler-card-studio id="s"></spoiler-card-studio>
<script>document.querySelector('#s').movie = { schema: 1, id: 'early', title: 'Set Early', year: 2000, runtime_minutes: 90, language: 'English', directors: ['D'], synopsis: 'S.', spoilers: { summary: ['P.'] } };</script>
<script type="module" src="/studio/spoiler-card-studio.js"></script></body></html>`);
  const p = await openPage(ctx.browser, `${ctx.origin}/__gen/studio-early.html`, { width: 1200 });
  try {
    await p.locator(studio('#f-title')).waitFor({ timeout: 20000 });
    await settled(p);
    assertEqual(await p.locator(studio('#f-title')).inputValue(), 'Set Early', 'the early movie is in the form');
    assertEqual(await p.evaluate(() => Object.prototype.hasOwnProperty.call(document.querySelector('#s'), 'movie')), false, 'no own property left');
  } finally {
    await p.closeAll();
  }
});

test('studio: in German (lang="de"), its own words and the preview card\'s; render({ lang }) gives the bytes of render --lang', async (ctx) => {
  const p = await openEmbeddedStudio(ctx, 'studio-de', 'de', { width: 1300 });
  try {
    assertEqual(await p.locator(studio('label[for="f-title"]')).textContent(), 'Titel', 'a label');
    assertEqual(await p.locator(studio('.bar h1')).textContent(), 'Kartenstudio', 'the heading');
    assert(await p.getByRole('button', { name: 'Rückgängig' }).count() === 1, 'Undo in German');
    await p.evaluate((m) => { document.querySelector('#s').movie = m; }, JSON.parse(readFileSync('assets/movies/the-sixth-sense.json', 'utf8')));
    await p.waitForFunction(() => document.querySelector('#s').shadowRoot.querySelector('.preview spoiler-card').shadowRoot?.querySelector('.title'));
    await p.locator(studio('.summary.ok', { hasText: 'Keine Probleme' })).waitFor();
    await p.waitForFunction(() => document.querySelector('#s').shadowRoot.querySelector('.preview spoiler-card').shadowRoot.querySelector('.tablist')?.getAttribute('aria-label') !== 'More about this film');
    // The preview's language is chosen apart.
    await p.locator(studio('.preview-controls select >> nth=1')).selectOption('en');
    await p.waitForFunction(() => document.querySelector('#s').shadowRoot.querySelector('.preview spoiler-card').shadowRoot.querySelector('.tablist')?.getAttribute('aria-label') === 'More about this film');
    const html = await p.evaluate(() => document.querySelector('#s').render({ src: '/movies/the-sixth-sense.json', embed: '/embed/', lang: 'de' }));
    const cli = execFileSync(CLI, ['render', 'assets/movies/the-sixth-sense.json', '--src', '/movies/the-sixth-sense.json', '--embed', '/embed/', '--lang', 'de'], { encoding: 'utf8' });
    assertEqual(html, cli, 'the same bytes as spoiler-card render --lang de');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});
