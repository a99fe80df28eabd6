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
//   the fragment).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

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
  // In the snippets the element's own `_…` properties get short names too
  // (−43 B brotli), all but `_listening`, which the tests wait for; one
  // name cache for all of them, as embed.js and data.js share some.
  const ownProperties = { properties: { regex: /^_(?!listening$)[a-z]/ } };
  const nameCache = {};
  for (const path of [glue[0], ...snippets].map((f) => join(embed, f))) {
    const isGlue = path === join(embed, glue[0]);
    const result = await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: isGlue ? true : ownProperties, ...(isGlue ? {} : { nameCache }) });
    writeFileSync(path, result.code);
  }
}
const version = JSON.parse(readFileSync('package.json', 'utf8')).version ?? '0';

// The loader asks for the .wasm, the glue and the glue's snippets at once
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

// Prerendered cards in the staged pages.
for (const page of ['index.html', 'examples/prerendered.html']) {
  const path = join(staging, page);
  const html = readFileSync(path, 'utf8');
  // (A <template>, not a comment: Trunk's HTML minifier keeps it.)
  const done = html.replace(/<template data-prerender="?([^">]+)"?><\/template>/g, (_, args) => run('render', ...args.trim().split(/\s+/)).trimEnd());
  if (done !== html) writeFileSync(path, done);
}
