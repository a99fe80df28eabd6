// The WordPress plugin end to end, in order, as its users meet it: an
// administrator installs the zip; an Author writes a movie in the studio
// and puts it in a post with the block editor; a reader's page paints the
// prerendered card under the strict CSP and reveals on click; nothing
// spoils in the HTML, the feed, the excerpt, the REST API or a search; the
// shortcode in a classic post; a Contributor's hostile attributes stay
// inert; uninstall is clean.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEqual, present } from '../e2e/lib.mjs';
import { php, SITE } from './site.mjs';
import { ZIP, MOVIE, TRICKY, PROGRESS, state, home, loggedIn, reader, spoilerWords } from './helpers.mjs';

test('wordpress: every PHP file of the zip passes php -l', () => {
  assert(ZIP && existsSync(ZIP), 'dist/wordpress/spoiler-card-<version>.zip is built by make package');
  const dir = 'target/wordpress-lint';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-q', ZIP, '-d', dir]);
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const files = walk(dir);
  const phpFiles = files.filter((f) => f.endsWith('.php'));
  assert(phpFiles.length >= 7, `PHP files: ${phpFiles.length}`);
  for (const f of phpFiles) execFileSync('php', ['-l', f], { stdio: 'pipe' });
  for (const needed of ['spoiler-card/spoiler-card.php', 'spoiler-card/readme.txt', 'spoiler-card/uninstall.php', 'spoiler-card/languages/spoiler-card.pot',
    'spoiler-card/blocks/movie/block.json', 'spoiler-card/embed/manifest.json', 'spoiler-card/studio/spoiler-card-studio.js', 'spoiler-card/LICENSE.txt']) {
    assert(files.includes(join(dir, needed)), `the zip holds ${needed}`);
  }
});

test('wordpress: an administrator installs the zip through Plugins → Add New → Upload, and activates it', async () => {
  const p = await loggedIn('administrator');
  try {
    await p.goto(`${home()}/wp-admin/plugin-install.php?tab=upload`);
    await p.setInputFiles('#pluginzip', ZIP);
    await Promise.all([p.waitForLoadState('load'), p.click('#install-plugin-submit')]);
    await p.getByText('Plugin installed successfully.').waitFor({ timeout: 30000 });
    await Promise.all([p.waitForURL(/plugins\.php/), p.getByRole('link', { name: 'Activate Plugin' }).click()]);
    await p.getByText('Plugin activated.').waitFor();
    assert(await p.locator('#adminmenu a', { hasText: 'Movies' }).count() > 0, 'the Movies screen is in the menu');
    assert(existsSync(`${SITE}/wp-content/uploads/spoiler-card/embed/manifest.json`), 'the card\'s files are copied to uploads');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: an Author writes a movie in the studio on the Movies screen and publishes it; its JSON round-trips byte for byte', async () => {
  assertEqual(php("echo current_user_can('unfiltered_html') ? 'yes' : 'no';", { user: 'anna' }), 'no', 'the Author has no unfiltered_html (kses filters what they write)');
  const p = await loggedIn('author');
  try {
    await p.goto(`${home()}/wp-admin/post-new.php?post_type=spoiler_movie`);
    await p.locator('spoiler-card-studio >> #f-title').waitFor({ timeout: 20000 });
    await p.locator('spoiler-card-studio >> .open summary').click();
    await p.locator('spoiler-card-studio >> #open-paste').fill(JSON.stringify(MOVIE, null, 2));
    await p.locator('spoiler-card-studio >> button', { hasText: 'Open the pasted JSON' }).click();
    await p.locator('spoiler-card-studio >> .summary.ok').waitFor();
    assertEqual(await p.inputValue('#title'), 'Leaving Las Vegas', 'the post title follows the movie');
    const written = await p.evaluate(() => document.getElementById('spoiler-card-studio').jsonText());
    await Promise.all([p.waitForURL(/post\.php\?post=\d+&action=edit/), p.click('#publish')]);
    await p.getByText('Post published.').waitFor();
    state.movieId = Number(new URL(p.url()).searchParams.get('post'));
    const response = await fetch(`${home()}/wp-json/spoiler-card/v1/movies/${state.movieId}`);
    assertEqual(response.status, 200, 'the published movie is served');
    assertEqual(response.headers.get('content-type'), 'application/json; charset=utf-8', 'as JSON');
    const body = await response.text();
    assert(body === written, `the stored JSON is the studio's, byte for byte (${body.length} bytes served, ${written.length} written; first difference at ${[...body].findIndex((c, i) => c !== written[i])})`);
    assertEqual(JSON.parse(body).more.production, TRICKY, 'quotes, a backslash, a newline, <b> and & survive');
    const etag = response.headers.get('etag');
    assert(/^"[0-9a-f]{32}"$/.test(etag ?? ''), `an ETag: ${etag}`);
    assertEqual(response.headers.get('cache-control'), 'public, max-age=300', 'cacheable');
    const again = await fetch(`${home()}/wp-json/spoiler-card/v1/movies/${state.movieId}`, { headers: { 'If-None-Match': etag } });
    assertEqual(again.status, 304, 'If-None-Match gives 304');
    assertEqual((await fetch(`${home()}/wp-json/spoiler-card/v1/movies/${state.movieId}`, { headers: { 'If-None-Match': `W/${etag}` } })).status, 304, 'a weak ETag from a compressing proxy too');
    assertEqual(await again.text(), '', 'with no body');
    assertEqual(p.problems, [], 'no uncaught error on the edit screen');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: the Author inserts the block in a post through the block editor, picks the movie by search, sets a progress and publishes; the card is prerendered on save', async () => {
  const p = await loggedIn('author');
  try {
    await p.goto(`${home()}/wp-admin/post-new.php`);
    // The block editor's welcome guide, on a first visit.
    const guide = p.locator('.edit-post-welcome-guide');
    await guide.waitFor({ timeout: 20000 }).then(() => p.keyboard.press('Escape')).catch(() => {});
    const title = p.locator('.editor-post-title__input, h1.wp-block-post-title').first();
    await title.click();
    await p.keyboard.type('A night at the movies');
    await p.keyboard.press('Enter');
    await p.keyboard.type('/spoiler card');
    await p.locator('.components-autocomplete__result', { hasText: 'Spoiler card' }).first().waitFor();
    await p.keyboard.press('Enter');
    const picker = p.locator('.wp-block-spoiler-card-movie .components-combobox-control__input');
    await picker.click();
    await p.keyboard.type('Leaving');
    await p.locator('.components-form-token-field__suggestion', { hasText: 'Leaving Las Vegas (1995)' }).click();
    // The editor's preview is the real card.
    await p.waitForFunction(() => document.querySelector('.wp-block-spoiler-card-movie spoiler-card')?.shadowRoot?.querySelector('.title')?.textContent === 'Leaving Las Vegas', null, { timeout: 20000 });
    await p.getByLabel('Watched up to (minutes)').fill(String(PROGRESS));
    await p.getByLabel('Theme').selectOption('dark');
    await p.locator('.wp-block-spoiler-card-movie').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await p.screenshot({ path: 'docs/screenshots/wordpress-block-editor.png' });
    await p.locator('.editor-post-publish-panel__toggle').click();
    const stored = p.waitForResponse((r) => r.url().includes('/spoiler-card/v1/posts/') && r.url().includes('/fragments') && r.request().method() === 'POST', { timeout: 30000 });
    await p.locator('.editor-post-publish-panel .editor-post-publish-button').click();
    const response = await stored;
    assertEqual(await response.json(), { kept: 1 }, 'one prerendered card stored with the post');
    state.postUrl = await p.locator('.post-publish-panel__postpublish-post-address input').inputValue().catch(() => null)
      ?? await p.evaluate(() => wp.data.select('core/editor').getPermalink());
    state.postId = await p.evaluate(() => wp.data.select('core/editor').getCurrentPostId());
    assert(state.postUrl?.startsWith(home()), `the post's address: ${state.postUrl}`);
    const content = php(`echo get_post(${state.postId})->post_content;`);
    assert(content.includes(`<!-- wp:spoiler-card/movie {"movie":${state.movieId},"progress":${PROGRESS},"theme":"dark"} /-->`), `the block is saved as a comment with its attributes: ${content}`);
    assertEqual(p.problems, [], 'no uncaught error in the editor');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: a reader\'s page paints the prerendered card under the strict CSP sent by a header, and reveals on click', async () => {
  // With JavaScript off: the prerendered card is there, its facts shown.
  const still = await reader({ javaScriptEnabled: false });
  try {
    const response = await still.goto(state.postUrl);
    assert(response.headers()['content-security-policy']?.includes("script-src 'self' 'wasm-unsafe-eval'"), 'the strict CSP comes by a header');
    const prerendered = await still.evaluate(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('.title')?.textContent);
    assertEqual(prerendered, 'Leaving Las Vegas', 'the card is painted from the page itself, before any script');
    assertEqual(await still.evaluate(() => document.querySelector('spoiler-card').getAttribute('theme')), 'dark', 'with the block\'s theme');
  } finally {
    await still.closeAll();
  }
  const p = await reader();
  try {
    await p.goto(state.postUrl);
    const hints = await p.evaluate(() => [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"][as="fetch"]')].map((l) => l.getAttribute('href')));
    assert(hints.length === 2 && hints.every((h) => h.includes('/wp-content/uploads/spoiler-card/embed/')), `the preload hints, from uploads: ${hints}`);
    assertEqual(await p.locator('script[src*="spoiler-card.js"]').count(), 1, 'the loader, once');
    assertEqual(await p.locator('script[src*="spoiler-card.js"]').getAttribute('type'), 'module', 'as a module');
    // Live: the gate reveals the plot on click.
    const gate = p.locator('spoiler-card >> #sc-gate');
    await p.waitForFunction(() => document.querySelector('spoiler-card').matches(':defined'), null, { timeout: 20000 });
    await gate.click();
    const plot = MOVIE.spoilers.summary[0].slice(0, 60);
    await p.waitForFunction((plot) => document.querySelector('spoiler-card').shadowRoot.textContent.includes(plot), plot, { timeout: 20000 });
    assertEqual(await p.evaluate(() => window.__cspViolations), [], 'no CSP violation');
    assertEqual(p.problems, [], 'no uncaught error');
    await p.screenshot({ path: 'target/wordpress/reader.png' });
    const wasm = await fetch(`${home()}/wp-content/uploads/spoiler-card/embed/${JSON.parse(readFileSync('dist/embed/manifest.json', 'utf8')).wasm}`);
    assertEqual(wasm.headers.get('content-type'), 'application/wasm', 'the .wasm as application/wasm');
    // The plugin adds no inline script or style of its own (WordPress's are taken out by the test's mu-plugin).
    const raw = await (await fetch(`${state.postUrl}${state.postUrl.includes('?') ? '&' : '?'}raw=1`)).text();
    const inline = [...raw.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>|<style[^>]*>([\s\S]*?)<\/style>/g)]
      .filter((m) => !/application\/ld\+json/.test(m[1] ?? '') && /spoiler/i.test(m[0]));
    assertEqual(inline.map((m) => m[0].slice(0, 80)), [], 'no inline script or style from the plugin');
    const card = raw.slice(raw.indexOf('<spoiler-card'), raw.indexOf('</spoiler-card>'));
    assert(card.length > 1000 && !/\sstyle=|<style/i.test(card), 'no style attribute or element in the card');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: no spoiler in the post\'s HTML, its feed, its excerpt, the REST API\'s rendered content or a search; Movies never appear in results', async () => {
  // What WordPress and the theme put on any such page (markup, scripts,
  // the post's title) is not a leak: a post like it without a card, its
  // page and its feed entry, is the baseline.
  const twin = Number(php(`echo wp_insert_post(['post_title' => 'A night at the movies', 'post_content' => '<!-- wp:paragraph --><p>No card here.</p><!-- /wp:paragraph -->', 'post_status' => 'publish', 'post_author' => get_user_by('login', 'anna')->ID]);`));
  const baseline = [await (await fetch(`${home()}/?p=${twin}`)).text(), await (await fetch(`${home()}/?s=nothing-at-all`)).text(), await (await fetch(`${home()}/feed/`)).text()].join(' ');
  const spoilers = spoilerWords(baseline);
  php(`wp_delete_post(${twin}, true);`);
  assert(spoilers.length > 100, `enough spoiler words to look for: ${spoilers.length}`);
  // Attributes whose values are the renderer's tokens and ids (the
  // placeholder's class "line", aria-live="polite"), never data; text and
  // the attributes that hold text (aria-label, aria-valuetext, alt) stay.
  const leaks = (text) => present(spoilers, text.replace(/\s(?:class|part|id|for|role|dir|type|rel|aria-live|aria-hidden|aria-controls|aria-labelledby|aria-describedby)="[^"]*"/g, ''));
  const html = await (await fetch(state.postUrl)).text();
  assertEqual(leaks(html), [], 'spoiler words in the post\'s HTML');
  assert(html.includes('Leaving Las Vegas'), 'the card is in the HTML');
  const feed = await (await fetch(`${home()}/feed/`)).text();
  assert(feed.includes('A night at the movies'), 'the post is in the feed');
  assert(feed.includes('Leaving Las Vegas</a> (1995)') || feed.includes('Leaving Las Vegas&lt;/a&gt; (1995)'), 'the feed has the fallback: the title and year, linked');
  assert(!feed.includes('shadowroot') && !feed.includes('<spoiler-card') && !feed.includes('&lt;spoiler-card'), 'no card markup in the feed');
  assertEqual(leaks(feed), [], 'spoiler words in the feed');
  const [rest] = await (await fetch(`${home()}/wp-json/wp/v2/posts?include=${state.postId}`)).json();
  assertEqual(leaks(rest.content.rendered), [], 'spoiler words in the REST API\'s rendered content');
  assertEqual(leaks(rest.excerpt.rendered), [], 'spoiler words in the excerpt');
  // Search: the movie's title finds the post that shows it, never the Movie; a spoiler word finds nothing.
  const byTitle = await (await fetch(`${home()}/?s=${encodeURIComponent('Leaving Las Vegas')}`)).text();
  assert(!byTitle.includes('spoiler_movie') && !byTitle.includes(`?p=${state.movieId}`) && !byTitle.includes(`post=${state.movieId}`), 'no Movie in the results');
  const word = spoilers.find((w) => w.length > 6);
  const bySpoiler = await (await fetch(`${home()}/?s=${encodeURIComponent(word)}`)).text();
  assert(!bySpoiler.includes('A night at the movies'), `a search for a spoiler word ("${word}") does not find the post`);
  assertEqual(leaks(bySpoiler.replaceAll(word, '')), [], 'and its results hold no other spoiler');
  const found = JSON.parse(php(`echo wp_json_encode(get_posts(['s' => 'Leaving Las Vegas', 'post_type' => 'any', 'fields' => 'ids']));`));
  assert(!found.includes(state.movieId), `WordPress's own search never finds the Movie: ${found}`);
  // The Movie does hold the words: it is the post type that keeps it out.
  assertEqual(JSON.parse(php(`echo wp_json_encode(get_posts(['s' => 'Leaving Las Vegas', 'post_type' => 'spoiler_movie', 'fields' => 'ids']));`)), [state.movieId], 'the Movie matches when asked for by its type');
});
