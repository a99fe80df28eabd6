// Trunk post-build hook. With the `spoiler-card` CLI built before Trunk ran
// (scripts/release-build.sh, make serve; Trunk's hooks inherit the release
// build's nightly environment, so it is not built here):
// - writes the card's content-hashed stylesheet into embed/;
// - writes embed/spoiler-card.js, the one stable file a blog links to. It
//   names the content-hashed glue, .wasm and stylesheet, so a cached old
//   loader can never pair a new glue with an old .wasm (or the reverse), and
//   resolves everything relative to its own URL, not the page's;
// - prerenders the demo's and the examples' cards into their pages
//   (`<template data-prerender="FILE --src URL ..."></template>` becomes
//   the fragment);
// - leaves out the example sites' sources (examples/eleventy, examples/hugo:
//   built by their generators, not served as they are);
// - in release builds, writes each file of embed/ precompressed beside it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { shortenNames } from './wasm-names.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run me from a Trunk hook');
const cli = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';
// (The demo's cards use relative URLs on purpose, so that dist/ works at
// any path: the CLI's warning about them is left out of the build log.)
const run = (...args) => {
  const result = spawnSync(cli, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`spoiler-card could not be run (${cli}): ${result.error.message}`);
  const stderr = result.stderr.split('\n').filter((line) => line && !/^spoiler-card: warning: --(src|embed) .* is relative/.test(line));
  if (stderr.length) console.error(stderr.join('\n'));
  if (result.status !== 0) throw new Error(`spoiler-card ${args.join(' ')} failed (${result.status ?? result.error})`);
  return result.stdout;
};
for (const site of ['eleventy', 'hugo']) rmSync(join(staging, 'examples', site), { recursive: true, force: true });
const embed = join(staging, 'embed');
const css = run('css', '--out', embed).trim();
const glue = readdirSync(embed).filter((f) => /^spoiler-card-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one hashed glue file in ${embed}, found ${glue}`);
const wasm = glue[0].replace(/\.js$/, '_bg.wasm');
readFileSync(join(embed, wasm)); // fails loudly if the pair is incomplete

// The glue's snippets (our own JS), relative to embed/.
const snippets = [];
(function walk(dir, rel) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}/${entry.name}`);
    else if (entry.name.endsWith('.js')) snippets.push(`${rel}/${entry.name}`);
  }
})(join(embed, 'snippets'), 'snippets');

// Trunk's own JS minifier cannot parse wasm-bindgen's ES module glue; terser
// can (release builds only: a dev build keeps the readable glue).
if (process.env.TRUNK_PROFILE === 'release') {
  // In the snippets, properties named `_…` get short names too; one name
  // cache for all of them, as the modules share some.
  const ownProperties = { properties: { regex: /^_[a-z]/ } };
  const nameCache = {};
  for (const path of [glue[0], ...snippets].map((f) => join(embed, f))) {
    const isGlue = path === join(embed, glue[0]);
    const result = await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: isGlue ? true : ownProperties, ...(isGlue ? {} : { nameCache }) });
    writeFileSync(path, result.code);
  }
}
// Release builds: wasm-bindgen's imports from its own glue module have
// long hashed names (`__wbg_addEventListener_f2d27251d333a631`), once in
// the .wasm and once in the glue, and so have some of the .wasm's exports:
// they get short ones, the same in both (measured in the README's size
// table). The imports from our snippets keep theirs: they are those
// modules' export names.
if (process.env.TRUNK_PROFILE === 'release') {
  const shortened = shortenNames(readFileSync(join(embed, wasm)), readFileSync(join(embed, glue[0]), 'utf8'));
  writeFileSync(join(embed, wasm), shortened.wasm);
  writeFileSync(join(embed, glue[0]), shortened.glue);
}

const version = JSON.parse(readFileSync('package.json', 'utf8')).version ?? '0';

// The loader's first statements, before it imports anything, keep a press
// on a prerendered card's tab or other button that holds no state of its
// own (the gate and the events' reveals are <details>, which do) for the
// live card (takeover.js), and marks it pending for the stylesheet. Then it
// asks for the .wasm, the glue and the glue's snippets at once
// (left to the glue's static imports, they would come one after another),
// and the stylesheet (from the HTTP cache if a prerendered card's <link>
// brought it: a hashed file never changes, whatever freshness the server
// gives it), then hands the glue's URL and the .wasm and stylesheet
// responses to embed.js, which starts the wasm (and can start it again
// after a trap). A failure is reported once, by embed.js.
const embedJs = snippets.find((f) => f.endsWith('/src/embed.js'));
if (!embedJs) throw new Error(`no src/embed.js among the snippets: ${snippets}`);
const ignore = '.catch(() => {})';
writeFileSync(join(embed, 'spoiler-card.js'), `// spoiler-card ${version}: <script type="module" src=".../embed/spoiler-card.js"></script>
const pressed = (globalThis[Symbol.for('spoiler-card:pressed')] ??= new WeakMap());
addEventListener('click', (event) => {
  const path = event.composedPath();
  const host = path.find((node) => node.localName === 'spoiler-card');
  const control = path.find((node) => node.localName === 'button');
  if (!host || !control?.closest('.root, .stopped')?.matches('[data-sc-version]')) return;
  pressed.get(host)?.removeAttribute('data-sc-pending');
  control.setAttribute('data-sc-pending', '');
  pressed.set(host, control);
}, true);
const wasm = fetch(new URL('./${wasm}', import.meta.url));
wasm${ignore};
const css = new URL('./${css}', import.meta.url).href;
const styles = fetch(css, { cache: 'force-cache' });
styles${ignore};
const glue = new URL('./${glue[0]}', import.meta.url).href;
import(glue)${ignore};
${snippets.filter((f) => f !== embedJs).map((f) => `import('./${f}')${ignore};\n`).join('')}import('./${embedJs}')
  .then((embed) => embed.start(glue, wasm, css, styles))
  .catch((error) => console.error('[spoiler-card] could not start:', error));
`);
console.log(`post-build: embed/spoiler-card.js -> ${glue[0]}, ${css}`);

// The manifest: what `spoiler-card render --manifest` (and the package's
// own render, the Eleventy plugin, the Hugo shortcode) names in the hints
// that start the downloads with the page.
const manifest = join(embed, 'manifest.json');
writeFileSync(manifest, `${JSON.stringify({ version, loader: 'spoiler-card.js', wasm, css, glue: glue[0] }, null, 2)}\n`);

// Prerendered cards in the staged pages.
for (const page of ['index.html', 'examples/prerendered.html']) {
  const path = join(staging, page);
  const html = readFileSync(path, 'utf8');
  // (A <template>, not a comment: Trunk's HTML minifier keeps it.)
  const done = html.replace(/<template data-prerender="?([^">]+)"?><\/template>/g, (_, args) => run('render', ...args.trim().split(/\s+/), '--manifest', manifest).trimEnd());
  if (done !== html) writeFileSync(path, done);
}

// Release builds: each file of the embed folder also as `.br` (brotli
// quality 11) and `.gz` (gzip -9) beside it, for hosts that send a
// precompressed file as it is (nginx's brotli_static and gzip_static,
// Caddy's `precompressed`, Apache with a rewrite: README "Hosting").
if (process.env.TRUNK_PROFILE === 'release') {
  const compressible = [];
  (function walk(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|wasm|css|json)$/.test(entry.name)) compressible.push(path);
    }
  })(embed);
  for (const path of compressible) {
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  }
  console.log(`post-build: ${compressible.length} files of embed/ precompressed (.br, .gz)`);
}
