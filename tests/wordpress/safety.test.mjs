// The WordPress plugin against what real sites and real roles do: stored
// cards through the allow-list (a forged one inert), a card whose movie
// changed printed live, the shortcode in a classic post, a Contributor's
// hostile attributes, a draft's preview, two movies with one id, and
// deactivation and uninstall. Runs after plugin.test.mjs (its movie and
// post).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test, assert, assertEqual } from '../e2e/lib.mjs';
import { php, pluginLogLines, SITE } from './site.mjs';
import { MOVIE, state, home, loggedIn, reader } from './helpers.mjs';

const CLI = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';

/** A PHP string literal of `text`. */
const phpString = (text) => `base64_decode('${Buffer.from(text).toString('base64')}')`;

test('wordpress: every card the renderer makes passes the plugin\'s allow-list and shape check unchanged; the JSON-LD is re-encoded from its data', () => {
  const movies = ['assets/movies/leaving-las-vegas.json', 'assets/movies/the-sixth-sense.json'];
  // The render options as the plugin keeps them (its lang is always set: the site's by default).
  const variants = [{ lang: 'en-US' }, { progress: 45, theme: 'dark', headingLevel: 3, lang: 'de' }, { lang: 'ar', progress: 100 }, { headingLevel: 1, theme: 'light', lang: 'fr' }];
  const flags = { progress: '--progress', theme: '--theme', headingLevel: '--heading-level', lang: '--lang' };
  const src = `${home()}/wp-json/spoiler-card/v1/movies/1`;
  const embed = `${home()}/wp-content/uploads/spoiler-card/embed/`;
  let checked = 0;
  for (const movie of movies) {
    for (const variant of variants) {
      const args = Object.entries(variant).flatMap(([key, value]) => [flags[key], String(value)]);
      const fragment = execFileSync(CLI, ['render', movie, '--src', src, '--embed', embed, ...args], { encoding: 'utf8' });
      const expected = JSON.stringify({ src, embed, ...variant });
      const cleaned = php(`echo spoiler_card_clean_fragment(${phpString(fragment)}, null, json_decode(${phpString(expected)}, true));`);
      const split = (html) => {
        const ld = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
        return { markup: html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>\n?/, '').trimEnd(), ld: ld ? JSON.parse(ld[1]) : null };
      };
      const before = split(fragment);
      const after = split(cleaned);
      const at = [...after.markup].findIndex((c, i) => c !== before.markup[i]);
      assert(after.markup === before.markup, `${movie} ${args.join(' ')}: the allow-list or the shape check changed the card at ${at}: ${JSON.stringify(before.markup.slice(at - 60, at + 60))} became ${JSON.stringify(after.markup.slice(at - 60, at + 60))}`);
      assertEqual(after.ld, before.ld, `${movie} ${args.join(' ')}: the JSON-LD's data`);
      checked += 1;
    }
  }
  assertEqual(checked, 8, 'cards checked');
});

test('wordpress: a forged card sent to the fragments route cannot carry script, handlers, a javascript: URL, another src or a stylesheet of its own; its JSON-LD cannot end its script element', async () => {
  const [card] = JSON.parse(php(`echo wp_json_encode(spoiler_card_cards_of(get_post(${state.postId})));`));
  const { src, embed, lang, progress, theme } = card.render;
  const open = `<spoiler-card src="${src}" progress="${progress}" theme="${theme}" lang="${lang}">`;
  const inside = `<template shadowrootmode="open"><link rel="stylesheet" href="${embed}spoiler-card-0123456789abcdef.css"><div class="root" onclick="window.pwned=1"><h2 class="title">Forged</h2><img src="x" onerror="window.pwned=2"><a href="javascript:window.pwned=3">link</a><script>window.pwned=4</script><iframe src="javascript:1"></iframe><style>*{}</style></div></template>`;
  const jsonLd = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Movie","name":"x\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=5\\u003c/script\\u003e"}</script>';
  const variants = {
    shaped: `${open}${inside}</spoiler-card>\n${jsonLd}\n<script>window.pwned=6</script>`,
    otherSrc: `${open.replace(src, 'https://evil.example/movie.json')}${inside}</spoiler-card>`,
    ownStylesheet: `${open}${inside.replace(`${embed}spoiler-card-0123456789abcdef.css`, 'https://evil.example/x.css')}</spoiler-card>`,
    linkAfter: `${open}${inside}</spoiler-card><link rel="stylesheet" href="https://evil.example/x.css">`,
  };
  // Sent as the Author sends it (her REST nonce), to the route the editor uses.
  const p = await loggedIn('author');
  const send = (html) => p.evaluate(async ({ route, html, hash }) => {
    const nonce = await (await fetch('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
    const response = await fetch(route, { method: 'POST', headers: { 'content-type': 'application/json', 'X-WP-Nonce': nonce }, body: JSON.stringify({ fragments: [{ hash, html }] }) });
    return response.json();
  }, { route: `${home()}/wp-json/spoiler-card/v1/posts/${state.postId}/fragments`, html, hash: card.hash });
  try {
    assertEqual(await send(variants.shaped), { kept: 1 }, 'stored under its hash');
    let html = await (await fetch(state.postUrl)).text();
    const cardHtml = html.slice(html.indexOf('<spoiler-card'), html.indexOf('</script>', html.indexOf('</spoiler-card>')) + 9);
    assert(cardHtml.includes('Forged'), 'a card of the right shape is printed (through the allow-list)');
    for (const bad of ['onclick', 'onerror', 'javascript:', '<iframe', '<style', 'window.pwned=4', 'window.pwned=6', '</script><script>']) {
      assert(!cardHtml.includes(bad), `"${bad}" is gone`);
    }
    assert(cardHtml.includes('\\u003C/script\\u003E'), 'the JSON-LD\'s text is escaped inside its script element');
    const r = await reader();
    try {
      await r.goto(state.postUrl);
      await r.waitForTimeout(500);
      assertEqual(await r.evaluate(() => window.pwned ?? null), null, 'nothing of the forgery ran');
    } finally {
      await r.closeAll();
    }
    for (const [name, forged] of Object.entries(variants).filter(([n]) => n !== 'shaped')) {
      assertEqual(await send(forged), { kept: 1 }, `${name}: stored`);
      html = await (await fetch(state.postUrl)).text();
      assert(!html.includes('Forged') && !html.includes('evil.example'), `${name}: not printed`);
      assert(/<spoiler-card src="[^"]+" progress="30" theme="dark"><p class="spoiler-card-fallback">/.test(html), `${name}: the live card instead`);
    }
  } finally {
    await p.closeAll();
  }
  php(`delete_post_meta(${state.postId}, '_spoiler_card_fragments');`);
});

test('wordpress: a card whose movie changed since the post was saved is printed live, not from the stale fragment', async () => {
  // The fragment stored by the editor, back; then the movie changes.
  const cards = JSON.parse(php(`echo wp_json_encode(spoiler_card_cards_of(get_post(${state.postId}))[0]['render']);`));
  writeFileSync('target/wordpress/movie.json', php(`echo spoiler_card_movie_json(${state.movieId});`));
  const fragment = execFileSync(CLI, ['render', 'target/wordpress/movie.json', '--src', cards.src, '--embed', cards.embed, '--progress', String(cards.progress), '--theme', cards.theme, '--lang', cards.lang], { encoding: 'utf8' });
  assert(fragment.includes('shadowrootmode'), 'a fragment to store');
  const hash = JSON.parse(php(`echo wp_json_encode(spoiler_card_cards_of(get_post(${state.postId}))[0]['hash']);`));
  php(`update_post_meta(${state.postId}, '_spoiler_card_fragments', wp_slash([${JSON.stringify(hash)} => ${phpString(fragment)}]));`);
  let html = await (await fetch(state.postUrl)).text();
  assert(html.includes('shadowrootmode'), 'stored for these inputs: printed');
  const json = php(`echo spoiler_card_movie_json(${state.movieId});`);
  const changed = JSON.stringify({ ...JSON.parse(json), synopsis: `${MOVIE.synopsis} Now with a new sentence.` });
  php(`update_post_meta(${state.movieId}, '_spoiler_card_json', wp_slash(${phpString(changed)}));`);
  html = await (await fetch(state.postUrl)).text();
  assert(!html.includes('shadowrootmode'), 'the movie changed: no stale card');
  assert(/<spoiler-card src="[^"]+" progress="30" theme="dark"><p class="spoiler-card-fallback"><a href="https:\/\/en\.wikipedia\.org\/wiki\/Leaving_Las_Vegas">Leaving Las Vegas<\/a> \(1995\)<\/p><\/spoiler-card>/.test(html), 'the live element with its fallback, linked to the first link');
  const p = await reader();
  try {
    await p.goto(state.postUrl);
    await p.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.textContent.includes('Now with a new sentence.'), null, { timeout: 20000 });
    assertEqual(await p.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  } finally {
    await p.closeAll();
  }
  php(`update_post_meta(${state.movieId}, '_spoiler_card_json', wp_slash(${phpString(json)}));`);
});

test('wordpress: the shortcode works in a classic post', async () => {
  state.classicId = Number(php(`echo wp_insert_post(['post_title' => 'Classic review', 'post_content' => "<p>Before the card.</p>\\n[spoiler_card movie=\\"${state.movieId}\\" progress=\\"45\\" theme=\\"light\\" heading_level=\\"3\\"]\\n<p>After.</p>\\n[spoiler_card movie=\\"${state.movieId}\\"]", 'post_status' => 'publish']);`, { user: 'anna' }));
  const url = `${home()}/?p=${state.classicId}`;
  const html = await (await fetch(url)).text();
  assert(/<spoiler-card src="[^"]+\/spoiler-card\/v1\/movies\/\d+" progress="45" theme="light" heading-level="3">/.test(html), 'the element with the shortcode\'s options');
  assertEqual((html.match(/<script[^>]+spoiler-card\.js/g) ?? []).length, 1, 'two cards, one loader');
  assertEqual((html.match(/rel="modulepreload"/g) ?? []).length, 1, 'and one set of hints');
  assert(html.indexOf('rel="modulepreload"') < html.indexOf('</head>'), 'in <head>');
  const p = await reader();
  try {
    await p.goto(url);
    await p.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('h3.title')?.textContent === 'Leaving Las Vegas', null, { timeout: 20000 });
    assertEqual(await p.evaluate(() => document.querySelector('spoiler-card').progress), 45, 'at its progress');
    assertEqual(await p.evaluate(() => window.__cspViolations), [], 'no CSP violation');
    assertEqual(p.problems, [], 'no uncaught error');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: a Contributor\'s hostile block and shortcode attributes stay inert', async () => {
  // Block attributes as the block editor serializes them (<, >, " and &
  // as \u escapes: a raw ">" in a comment is kses's to eat), then
  // shortcodes, whose attributes kses leaves as text.
  const hostile = [
    `<!-- wp:spoiler-card/movie {"movie":${state.movieId},"theme":"\\u0022\\u003e\\u003cimg src=x onerror=window.pwned=4\\u003e","lang":"javascript:alert(1)","headingLevel":"\\u003cb\\u003e","remember":"none\\u0022 onfocus=\\u0022window.pwned=5","progress":"1 onload=window.pwned=6"} /-->`,
    `<!-- wp:spoiler-card/movie {"movie":${state.movieId},"theme":"dark\\u0022 data-x=\\u0022\\u0022 onmouseover=\\u0022window.pwned=10"} /-->`,
    `[spoiler_card movie="${state.movieId}" theme='"><script>window.pwned=1</script>' progress="javascript:alert(1)" lang='x" onmouseover="window.pwned=2' heading_level="<b>3</b>" remember="all&quot; onclick=&quot;window.pwned=3"]`,
    `[spoiler_card movie="${state.movieId} onclick=window.pwned=7"]`,
    // Without a tag, so that kses leaves it for the plugin to refuse.
    `[spoiler_card movie="${state.movieId}" theme='dark" onmouseover="window.pwned=8' progress='45" onfocus="window.pwned=9']`,
  ].join('\n');
  // Saved as a Contributor saves (kses filters their content), published by an editor.
  const id = Number(php(`kses_init(); echo wp_insert_post(wp_slash(['post_title' => 'Hostile', 'post_content' => ${phpString(hostile)}, 'post_status' => 'pending']));`, { user: 'carl' }));
  php(`wp_update_post(['ID' => ${id}, 'post_status' => 'publish']);`, { user: 'edith' });
  const html = await (await fetch(`${home()}/?p=${id}`)).text();
  const cards = [...html.matchAll(/<spoiler-card\b[^>]*>/g)].map((m) => m[0]);
  assert(cards.length >= 4, `the cards are printed: ${cards.length}: ${cards.join(" | ")} from ${php(`echo get_post(${id})->post_content;`)}`);
  for (const tag of cards) {
    const names = [...tag.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]);
    assert(names.every((n) => ['src', 'progress', 'theme', 'heading-level', 'remember', 'lang'].includes(n)), `only the card's attributes: ${tag}`);
    assert(!/javascript:|<script|onerror|onmouseover|onclick|onfocus|onload/i.test(tag), `nothing hostile in ${tag}`);
  }
  const p = await reader();
  try {
    await p.goto(`${home()}/?p=${id}`);
    await p.waitForTimeout(800);
    assertEqual(await p.evaluate(() => window.pwned ?? null), null, 'nothing ran');
    assertEqual(await p.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src]):not([type="application/ld+json"])').length), 0, 'no injected element');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: a draft movie in a draft post previews for its Author (the card\'s request carries a REST nonce) and is refused to anyone else', async () => {
  const draftMovie = { ...MOVIE, id: 'draft-movie-2001', title: 'A Draft Film', year: 2001 };
  const movieId = Number(php(`$id = wp_insert_post(['post_type' => 'spoiler_movie', 'post_title' => 'A Draft Film', 'post_status' => 'draft']); spoiler_card_store_movie($id, ${phpString(JSON.stringify(draftMovie))}); echo $id;`, { user: 'anna' }));
  const postId = Number(php(`echo wp_insert_post(['post_title' => 'Coming soon', 'post_content' => '<!-- wp:spoiler-card/movie {"movie":${movieId}} /-->', 'post_status' => 'draft']);`, { user: 'anna' }));
  assertEqual((await fetch(`${home()}/wp-json/spoiler-card/v1/movies/${movieId}`)).status, 404, 'a draft movie is refused to a reader');
  const p = await loggedIn('author');
  try {
    await p.goto(`${home()}/?p=${postId}&preview=true`);
    await p.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('.title')?.textContent === 'A Draft Film', null, { timeout: 20000 });
    assert((await p.locator('spoiler-card').getAttribute('src')).includes('_wpnonce='), 'the draft\'s src carries the nonce');
  } finally {
    await p.closeAll();
  }
  const c = await loggedIn('contributor');
  try {
    const status = await c.evaluate(async (url) => (await fetch(url)).status, `${home()}/wp-json/spoiler-card/v1/movies/${movieId}`);
    assertEqual(status, 404, 'and to another user who cannot edit it');
  } finally {
    await c.closeAll();
  }
  state.draftMovieId = movieId;
});

test('wordpress: a movie JSON file is imported on the Movies screen; two movies with the same id get a warning', async () => {
  const p = await loggedIn('author');
  try {
    await p.goto(`${home()}/wp-admin/post-new.php?post_type=spoiler_movie`);
    await p.locator('spoiler-card-studio >> #f-title').waitFor({ timeout: 20000 });
    await p.locator('spoiler-card-studio >> .open summary').click();
    await p.locator('spoiler-card-studio >> #open-file').setInputFiles({ name: 'llv.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(MOVIE)) });
    await p.locator('spoiler-card-studio >> .summary.ok').waitFor();
    await Promise.all([p.waitForURL(/post\.php\?post=\d+&action=edit/), p.click('#save-post')]);
    const copy = Number(new URL(p.url()).searchParams.get('post'));
    assertEqual(JSON.parse(php(`echo spoiler_card_movie_json(${copy});`)).title, 'Leaving Las Vegas', 'the imported file is the movie');
    const warning = await p.locator('.spoiler-card-same-id').textContent();
    assert(warning.includes('“Leaving Las Vegas”') && warning.includes('“leaving-las-vegas-1995”'), warning);
    await p.goto(`${home()}/wp-admin/post.php?post=${state.draftMovieId}&action=edit`);
    assertEqual(await p.locator('.spoiler-card-same-id').count(), 0, 'no warning for a movie of its own id');
  } finally {
    await p.closeAll();
  }
});

test('wordpress: every write checks the capability and the REST nonce: the stored cards of a post only from its editors', async () => {
  const route = `${home()}/wp-json/spoiler-card/v1/posts/${state.postId}/fragments`;
  const body = JSON.stringify({ fragments: [] });
  const anonymous = await fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assertEqual(anonymous.status, 401, 'a reader cannot store cards');
  const c = await loggedIn('contributor');
  try {
    const statuses = await c.evaluate(async ({ route, body }) => {
      const nonce = await (await fetch('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
      const post = (headers) => fetch(route, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((r) => r.status);
      return { withoutNonce: await post({}), withNonce: await post({ 'X-WP-Nonce': nonce }) };
    }, { route, body });
    // Without the nonce, WordPress treats the cookie as no login at all.
    assertEqual(statuses, { withoutNonce: 401, withNonce: 403 }, 'a Contributor cannot store cards on the Author\'s post');
  } finally {
    await c.closeAll();
  }
  const forms = readFileSync(`${SITE}/wp-content/plugins/spoiler-card/includes/movies.php`, 'utf8');
  assert(forms.includes("wp_verify_nonce") && forms.includes("current_user_can( 'edit_post', $post_id )"), 'the movie form checks its nonce and the capability');
  // The movie form: a save without the form's nonce stores nothing.
  const before = php(`echo md5(spoiler_card_movie_json(${state.movieId}));`);
  php(`$_POST = ['spoiler_card_json' => '{"schema":1}']; do_action('save_post_spoiler_movie', ${state.movieId}, get_post(${state.movieId}), true);`, { user: 'anna' });
  assertEqual(php(`echo md5(spoiler_card_movie_json(${state.movieId}));`), before, 'no nonce, no change');
});

test('wordpress: an update keeps the earlier version\'s hashed files in uploads, which cached pages link', async () => {
  const embed = `${SITE}/wp-content/uploads/spoiler-card/embed`;
  writeFileSync(`${embed}/spoiler-card-0000000000000000.css`, '/* a stylesheet of an earlier version */');
  php("update_option('spoiler_card_embed_version', '0.0.9');");
  await fetch(`${home()}/`);
  assertEqual(php("echo get_option('spoiler_card_embed_version');"), '0.1.0', 'the new version\'s files are copied on the next request');
  assert(existsSync(`${embed}/spoiler-card-0000000000000000.css`), 'the earlier hashed file stays');
  const manifest = JSON.parse(readFileSync(`${embed}/manifest.json`, 'utf8'));
  assert(existsSync(`${embed}/${manifest.css}`) && existsSync(`${embed}/${manifest.wasm}`), 'the new ones are there');
});

test('wordpress: with plain permalinks the card\'s src is ?rest_route=, the stored card (made for the other src) is not printed, and the live card works', async () => {
  // A stored card for the current inputs first.
  const [card] = JSON.parse(php(`echo wp_json_encode(spoiler_card_cards_of(get_post(${state.postId})));`));
  writeFileSync('target/wordpress/movie.json', php(`echo spoiler_card_movie_json(${state.movieId});`));
  const fragment = execFileSync(CLI, ['render', 'target/wordpress/movie.json', '--src', card.render.src, '--embed', card.render.embed, '--progress', String(card.render.progress), '--theme', card.render.theme, '--lang', card.render.lang], { encoding: 'utf8' });
  php(`update_post_meta(${state.postId}, '_spoiler_card_fragments', wp_slash([${JSON.stringify(card.hash)} => ${phpString(fragment)}]));`);
  assert((await (await fetch(state.postUrl)).text()).includes('shadowrootmode'), 'printed with pretty permalinks');
  php("update_option('permalink_structure', ''); flush_rewrite_rules();");
  try {
    const url = `${home()}/?p=${state.postId}`;
    const html = await (await fetch(url)).text();
    assert(!html.includes('shadowrootmode'), 'the src changed: the stored card is not printed');
    const src = html.match(/<spoiler-card src="([^"]+)"/)?.[1] ?? '';
    assert(src.includes('rest_route=') && src.includes('spoiler-card') && src.includes(`movies`), `the src: ${src}`);
    const movie = await fetch(src.replace(/&amp;/g, '&'));
    assertEqual([movie.status, (await movie.json()).title], [200, 'Leaving Las Vegas'], 'the REST route answers at that address');
    const p = await reader();
    try {
      await p.goto(url);
      await p.waitForFunction(() => document.querySelector('spoiler-card')?.shadowRoot?.querySelector('.title')?.textContent === 'Leaving Las Vegas', null, { timeout: 20000 });
      assertEqual(await p.evaluate(() => window.__cspViolations), [], 'no CSP violation');
    } finally {
      await p.closeAll();
    }
  } finally {
    php("update_option('permalink_structure', '/%postname%/'); flush_rewrite_rules();");
    php(`delete_post_meta(${state.postId}, '_spoiler_card_fragments');`);
  }
});

test('wordpress: deactivate and delete through the Plugins screen (a Movie in the trash too); uninstall removes the Movies, the stored cards, the option and the files, and leaves the posts', async () => {
  php(`wp_trash_post(${state.draftMovieId});`);
  assertEqual(php(`echo get_post_status(${state.draftMovieId});`), 'trash', 'a Movie in the trash');
  const p = await loggedIn('administrator');
  p.on('dialog', (d) => d.accept());
  try {
    await p.goto(`${home()}/wp-admin/plugins.php`);
    const row = p.locator('tr[data-slug="spoiler-card"]');
    await Promise.all([p.waitForURL(/plugins\.php/), row.getByRole('link', { name: /^Deactivate/ }).click()]);
    await p.getByText('Plugin deactivated.').waitFor();
    assert(Number(php("echo count(get_posts(['post_type' => 'spoiler_movie', 'post_status' => 'any', 'posts_per_page' => -1]));")) > 0, 'deactivating removes nothing');
    await row.getByRole('link', { name: /^Delete/ }).click();
    await p.locator('tr[data-slug="spoiler-card"].deleted, .plugin-deleted-tr').first().waitFor({ timeout: 30000 });
  } finally {
    await p.closeAll();
  }
  assertEqual(php(`global $wpdb; echo $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->posts WHERE post_type = 'spoiler_movie'");`), '0', 'no Movie left');
  assertEqual(php(`global $wpdb; echo $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->postmeta WHERE meta_key LIKE '_spoiler_card%'");`), '0', 'no meta left');
  assertEqual(php("var_export(get_option('spoiler_card_embed_version'));"), 'false', 'no option left');
  assert(!existsSync(`${SITE}/wp-content/uploads/spoiler-card`) && !existsSync(`${SITE}/wp-content/plugins/spoiler-card`), 'the files are gone');
  assertEqual(php(`echo get_post_status(${state.postId}), ' ', get_post_status(${state.classicId});`), 'publish publish', 'the posts stay');
  const html = await (await fetch(state.postUrl)).text();
  assert(!html.includes('<spoiler-card'), 'a block prints nothing without the plugin');
  assertEqual(pluginLogLines(), [], 'no PHP warning or notice from the plugin in WordPress\'s debug log');
  assert(readFileSync('dist/wordpress/' + (await import('node:fs')).readdirSync('dist/wordpress')[0]).length > 0, 'the zip is still there for the next run');
});
