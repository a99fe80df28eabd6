// The npm package (dist/npm/spoiler-card-<version>.tgz), installed the way a
// blogger installs it: into an empty folder, from the tarball, with no
// network. Checks the bin against the native CLI byte for byte, the `node`
// export without a DOM, the exports map, custom-elements.json and the
// TypeScript declarations against the code. (Its size and render times are
// measured by `make bench`, bench/package.mjs.)
// Prints "N passed, M failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from '../../package/element-api.mjs';
import { VERSION, readmeWithTables } from '../../scripts/package.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (...parts) => join(root, ...parts);
const tarball = process.env.SPOILER_CARD_TGZ ?? at('dist/npm', `spoiler-card-${VERSION}.tgz`);
const native = process.env.SPOILER_CARD_CLI ?? at('target/release/spoiler-card');

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(condition, message) { if (!condition) throw new Error(message); }
function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}\n       got: ${JSON.stringify(actual)?.slice(0, 400)}\n  expected: ${JSON.stringify(expected)?.slice(0, 400)}`);
}
const sameSet = (a, b) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

// The empty folder the package is installed into.
mkdirSync(at('target'), { recursive: true });
const site = mkdtempSync(join(at('target'), 'package-install-'));
const installed = join(site, 'node_modules/spoiler-card');
const bin = join(site, 'node_modules/.bin/spoiler-card');

test('npm install ./spoiler-card-<version>.tgz into an empty folder, offline: no dependencies', () => {
  assert(existsSync(tarball), `${tarball} is missing (make package)`);
  writeFileSync(join(site, 'package.json'), '{ "name": "a-blog", "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: site, stdio: 'pipe' });
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assertEqual(pkg.version, VERSION, 'the package version is the crate version');
  assert(!pkg.dependencies && !pkg.peerDependencies && !pkg.optionalDependencies, 'no runtime dependencies');
  assertEqual(readdirSync(join(site, 'node_modules')).filter((d) => !d.startsWith('.')).join(), 'spoiler-card', 'nothing else installed');
  assert(existsSync(bin), 'npx spoiler-card is linked');
  // As the README says it, with npx (no network: --offline).
  const movieFile = at('assets/movies/leaving-las-vegas.json');
  const checked = execFileSync('npx', ['--offline', 'spoiler-card', 'check', movieFile], { cwd: site, encoding: 'utf8' });
  assertEqual(checked, `${movieFile}: OK\n`, 'npx spoiler-card check');
  const rendered = execFileSync('npx', ['--offline', 'spoiler-card', 'render', movieFile, '--src', '/movies/x.json'], { cwd: site, encoding: 'utf8' });
  assert(rendered.startsWith('<spoiler-card src="/movies/x.json" lang="en">\n<template shadowrootmode="open">'), `npx spoiler-card render: ${rendered.slice(0, 120)}`);
});

// The same arguments to both CLIs: stdout, stderr and the exit code must
// be the same bytes. Files are the repo's, and bad ones made here.
const bad = mkdtempSync(join(at('target'), 'package-bad-'));
writeFileSync(join(bad, 'not-json.json'), '{ "schema": 1, ');
writeFileSync(join(bad, 'latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
// One byte over the document limit (model::limits::DOCUMENT_BYTES): the
// size is told from the file's.
writeFileSync(join(bad, 'big.json'), ' '.repeat(5 * 1024 * 1024 + 1));
writeFileSync(join(bad, 'strings-de.json'), JSON.stringify({ gate_button: 'Handlung zeigen' }));
writeFileSync(join(bad, 'strings-bad.json'), JSON.stringify({ no_such_key: 'x', gate_button: 7 }));
writeFileSync(join(bad, 'manifest-evil.json'), JSON.stringify({ wasm: '"><script>alert(1)</script>', css: 'spoiler-card-0000000000000000.css' }));
writeFileSync(join(bad, 'manifest-other.json'), JSON.stringify({ wasm: 'spoiler-card-00000000000000aa_bg.wasm', css: 'spoiler-card-00000000000000bb.css' }));
mkdirSync(join(bad, 'a-directory'));
symlinkSync(join(bad, 'loop-b'), join(bad, 'loop-a'));
symlinkSync(join(bad, 'loop-a'), join(bad, 'loop-b'));
writeFileSync(join(bad, 'a-file'), 'x');
const movie = 'assets/movies/leaving-las-vegas.json';
const other = 'assets/movies/the-sixth-sense.json';
const rel = (name) => join(bad, name).slice(root.length);
const CASES = [
  ['check', movie, other],
  ['check', 'tests/fixtures/every-problem.json'],
  ['check', movie, 'no/such/file.json', rel('not-json.json'), rel('latin1.json'), rel('big.json'), rel('a-directory'), rel('loop-a')],
  ['check', '/dev/zero'],
  ['check'],
  ['render', movie, '--src', '/movies/leaving-las-vegas.json'],
  ['render', other, '--src', 'https://example.org/m/x.json', '--embed', '/static/embed', '--progress', '0:45', '--theme', 'dark', '--heading-level', '3'],
  ['render', movie, '--static', '--no-json-ld', '--lang', 'de'],
  ['render', movie, '--src', '/m.json', '--lang', 'ar', '--progress', '30'],
  ['render', movie, '--src', '/m.json', '--lang', 'de', '--strings', rel('strings-de.json'), '--strings-src', '/strings/de.json'],
  ['render', movie, '--src', '/m.json', '--strings', rel('strings-bad.json')],
  ['render', movie, '--src', '/m.json', '--strings', 'no/such/strings.json'],
  ['render', movie, '--src', '/m.json', '--manifest', 'dist/embed/manifest.json', '--eager', '--embed', 'https://cdn.example/sc/'],
  ['render', movie, '--src', '/m.json', '--manifest', 'no/such/manifest.json'],
  ['render', movie, '--src', '/m.json', '--manifest', rel('manifest-evil.json')],
  ['render', movie, '--src', '/m.json', '--manifest', rel('manifest-other.json')],
  ['render', movie, '--src', '/m.json', '--manifest', rel('not-json.json')],
  ['render', movie, '--static', '--manifest', 'dist/embed/manifest.json'],
  ['render', movie, '--static', '--eager'],
  ['render', movie, '--src', 'movies/relative.json'],
  ['render', movie, '--src', 'javascript:alert(1)'],
  ['render', movie, '--src', '/m.json', '--progress', '9999'],
  ['render', movie, '--src', '/m.json', '--lang', 'xx'],
  ['render', 'tests/fixtures/every-problem.json', '--src', '/m.json'],
  ['render', 'no/such/file.json', '--src', '/m.json'],
  ['render', movie],
  ['render', movie, '--src', '--static'],
  ['render', movie, '--bogus'],
  ['schema'],
  ['--version'],
  ['--help'],
  ['nonsense'],
  [],
  ['css', '--out', rel('a-file') + '/sub'],
  ['css', '--out', ''],
  ['css', '--out', '/proc/no-such-dir/embed'],
  ['css', '--out', '/proc/self/no-such-dir'],
  ['css', '--out', ' '],
];

// Through a shell: arguments that are not UTF-8, output that cannot be
// written (a full device).
const SHELL_CASES = [
  [`CLI check $'\\xff.json'`, 'an argument that is not UTF-8'],
  [`CLI render $'\\xffmovie.json' --src /m.json`, 'an argument that is not UTF-8'],
  ['CLI schema > /dev/full', 'a full device'],
  [`CLI render ${movie} --src /m.json > /dev/full`, 'a full device'],
];

test(`npx spoiler-card prints what the native CLI prints, byte for byte (${CASES.length} command lines)`, () => {
  assert(existsSync(native), `${native} is missing (cargo build --release -p spoiler-card-cli)`);
  for (const args of CASES) {
    // (A hang is a failure, not a stuck run.)
    const a = spawnSync(native, args, { cwd: root, timeout: 30000 });
    const b = spawnSync(bin, args, { cwd: root, timeout: 30000 });
    const what = `spoiler-card ${args.join(' ')}`;
    assertEqual(b.status, a.status, `${what}: exit code`);
    assert(Buffer.compare(a.stdout, b.stdout) === 0, `${what}: stdout differs\n  native: ${a.stdout.toString().slice(0, 300)}\n  node:   ${b.stdout.toString().slice(0, 300)}`);
    assert(Buffer.compare(a.stderr, b.stderr) === 0, `${what}: stderr differs\n  native: ${a.stderr.toString().slice(0, 300)}\n  node:   ${b.stderr.toString().slice(0, 300)}`);
  }
});

test(`npx spoiler-card says what the native CLI says when its arguments or its output fail (${SHELL_CASES.length} cases)`, () => {
  for (const [line, what] of SHELL_CASES) {
    const [a, b] = [native, bin].map((cli) => spawnSync('bash', ['-c', line.replace('CLI', `"${cli}"`)], { cwd: root }));
    assertEqual(b.status, a.status, `${what} (${line}): exit code`);
    assert(a.status !== 0, `${what} (${line}): the native CLI fails`);
    assert(Buffer.compare(a.stdout, b.stdout) === 0 && Buffer.compare(a.stderr, b.stderr) === 0,
      `${what} (${line}): output differs\n  native: ${a.stderr.toString().slice(0, 200)}\n  node:   ${b.stderr.toString().slice(0, 200)}`);
  }
});

test('npx spoiler-card css --out DIR writes the same stylesheet as the native CLI', () => {
  const [a, b] = ['native', 'node'].map((name) => join(bad, `css-${name}/embed`));
  const outA = execFileSync(native, ['css', '--out', a], { encoding: 'utf8' });
  const outB = execFileSync(bin, ['css', '--out', b], { encoding: 'utf8' });
  assertEqual(outB, outA, 'the printed name');
  const file = outA.trim();
  assert(/^spoiler-card-[0-9a-f]+\.css$/.test(file), `a hashed name: ${file}`);
  assert(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), 'the same bytes');
});

test('import "spoiler-card" in Node is the Node API: no DOM touched, render and check work', async () => {
  const script = `
    // Any touch of a DOM global on import or while rendering throws.
    for (const name of ['document', 'window', 'customElements', 'HTMLElement', 'navigator']) {
      Object.defineProperty(globalThis, name, { configurable: true, get() { throw new Error('the Node API touched ' + name); } });
    }
    const sc = await import('spoiler-card');
    const { html, warnings } = sc.render(${JSON.stringify(at(movie))}, { src: '/movies/x.json', progress: 30, theme: 'dark', headingLevel: 3 });
    if (!html.startsWith('<spoiler-card src="/movies/x.json" progress="30" lang="en" theme="dark" heading-level="3">\\n')) throw new Error(html.slice(0, 200));
    if (warnings.length) throw new Error(warnings.join());
    // The hints name this package's own build, after the element.
    const own = JSON.parse((await import('node:fs')).readFileSync(sc.MANIFEST, 'utf8'));
    const hints = '</spoiler-card>\\n<link rel="modulepreload" href="/embed/spoiler-card.js">\\n<link rel="preload" href="/embed/' + own.wasm + '" as="fetch" type="application/wasm" crossorigin>\\n';
    if (!html.includes(hints)) throw new Error('no hints for the package build: ' + html.slice(html.indexOf('</spoiler-card>'), html.indexOf('</spoiler-card>') + 300));
    if (sc.render(${JSON.stringify(at(movie))}, { src: '/x.json', manifest: false }).html.includes('preload')) throw new Error('manifest: false writes hints');
    if (sc.render(${JSON.stringify(at(movie))}, { static: true }).html.includes('preload')) throw new Error('a static card has hints');
    const good = sc.check(${JSON.stringify(at(movie))});
    const worse = sc.check(${JSON.stringify(at('tests/fixtures/every-problem.json'))});
    if (!good.ok || worse.ok || !/error: /.test(worse.output)) throw new Error(JSON.stringify([good, worse]).slice(0, 300));
    let thrown;
    try { sc.render(${JSON.stringify(at('tests/fixtures/every-problem.json'))}, { src: '/x.json' }); } catch (e) { thrown = e; }
    if (!(thrown instanceof sc.SpoilerCardError) || !/error: /.test(thrown.message)) throw new Error('render of bad data must throw its problems: ' + thrown);
    // A file named like an option is a file; a path with a NUL byte is told as natively.
    const dashed = sc.check('-no-such.json');
    if (dashed.ok || !dashed.output.includes('./-no-such.json: cannot read: No such file or directory (os error 2)')) throw new Error(dashed.output);
    const nul = sc.run(['check', 'a\\u0000b.json']);
    if (nul.stdout !== 'a\\u0000b.json: cannot read: file name contained an unexpected NUL byte\\n') throw new Error(JSON.stringify(nul));
    const res = await import.meta.resolve('spoiler-card');
    console.log(res);`;
  const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: site, encoding: 'utf8' });
  assert(out.trim().endsWith('/node_modules/spoiler-card/node/index.mjs'), `resolved to ${out}`);
});

test('the exports map: the bundle by default, ./eleventy, ./schema.json, ./custom-elements.json; every target exists', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assertEqual(pkg.exports['.'].default, './embed/spoiler-card.js', 'the main export is the loader');
  assertEqual(pkg.main, './embed/spoiler-card.js', 'main (for tools that read it)');
  assertEqual(pkg.customElements, 'custom-elements.json', 'the customElements field');
  const targets = [pkg.exports['.'].default, pkg.exports['.'].types, pkg.exports['.'].node.default, pkg.exports['.'].node.types,
    pkg.exports['./eleventy'], pkg.exports['./schema.json'], pkg.exports['./custom-elements.json'], pkg.bin['spoiler-card'], pkg.types];
  for (const target of targets) assert(existsSync(join(installed, target)), `${target} is in the package`);
  const loader = readFileSync(join(installed, 'embed/spoiler-card.js'), 'utf8');
  for (const [, file] of loader.matchAll(/import\('\.\/([^']+)'\)/g)) assert(existsSync(join(installed, 'embed', file)), `the loader's ${file} is in the package`);
  const schema = JSON.parse(readFileSync(join(installed, 'schema/movie.schema.json'), 'utf8'));
  assert(schema.properties.schema.const === 1, 'schema 1');
});

test('the bundle in the package is the release build, and dist/ serves no example site sources', () => {
  for (const file of readdirSync(at('dist/embed'), { recursive: true }).map(String)) {
    if (/\.(br|gz)$/.test(file)) {
      assert(!existsSync(join(installed, 'embed', file)), `embed/${file}: the precompressed files stay out of the package`);
      continue;
    }
    if (statSync(at('dist/embed', file)).isFile()) assert(readFileSync(at('dist/embed', file)).equals(readFileSync(join(installed, 'embed', file))), `embed/${file} is dist/embed/${file}`);
  }
  for (const site of ['eleventy', 'hugo']) assert(!existsSync(at('dist/examples', site)), `dist/examples/${site}: the example site's sources are not served`);
});

// The code's own lists, read from the source, against the one table.
function codeFacts() {
  const embed = readFileSync(at('src/element.js'), 'utf8');
  const observed = JSON.parse(embed.match(/const OBSERVED = (\[[^\]]*\]);/)[1].replaceAll("'", '"'));
  const read = [...embed.matchAll(/hasAttribute\('([a-z-]+)'\)/g)].map((m) => m[1]);
  const css = readdirSync(at('assets/css')).map((f) => readFileSync(at('assets/css', f), 'utf8')).join('\n');
  const themed = [...css.matchAll(/:host\(\[([a-z-]+)[=\]]/g)].map((m) => m[1]);
  // The exported element class's members, at its indentation (its state is
  // in a WeakMap, nothing private on the class).
  const body = embed.slice(embed.indexOf('export class SpoilerCardElement'), embed.indexOf('\n}\n', embed.indexOf('export class SpoilerCardElement')));
  const accessors = [...body.matchAll(/^ {2}(?:get|set) ([A-Za-z$][\w$]*)\(/gm)].map((m) => m[1]);
  const statics = [...body.matchAll(/^ {2}static ([A-Za-z$][\w$]*)\([^)]*\) \{/gm)].map((m) => m[1]);
  const methods = [...body.matchAll(/^ {2}(?:async )?([A-Za-z$][\w$]*)\([^)]*\) \{/gm)].map((m) => m[1])
    .filter((name) => !['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback'].includes(name));
  const detailKeys = [...readFileSync(at('src/events.rs'), 'utf8').matchAll(/fields\.push\(\("([a-z_]+)"/g)].map((m) => m[1]);
  const events = [...readFileSync(at('src/events.rs'), 'utf8').matchAll(/=> "(spoiler-card:[a-z]+)"/g)].map((m) => m[1]);
  const components = readdirSync(at('src/components')).map((f) => readFileSync(at('src/components', f), 'utf8')).join('\n');
  const parts = [...components.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]);
  const base = readFileSync(at('assets/css/base.css'), 'utf8');
  const properties = [...base.matchAll(/var\((--spoiler-card-[a-z-]+)/g)].map((m) => m[1]);
  return { attributes: [...observed, ...read, ...themed], accessors, statics, methods, events, detailKeys, parts, properties };
}

test('the table of the element\'s API matches the code: attributes, properties, methods, events, parts, custom properties', () => {
  const code = codeFacts();
  const table = (list) => list.map((x) => x.name);
  assert(sameSet(code.attributes, table(api.ATTRIBUTES)), `attributes: code ${[...new Set(code.attributes)]}, table ${table(api.ATTRIBUTES)}`);
  assert(sameSet(code.accessors, table(api.PROPERTIES)), `properties: code ${code.accessors}, table ${table(api.PROPERTIES)}`);
  assert(sameSet(code.methods, table(api.METHODS)), `methods: code ${code.methods}, table ${table(api.METHODS)}`);
  assert(sameSet(code.statics, table(api.STATIC_METHODS)), `static methods: code ${code.statics}, table ${table(api.STATIC_METHODS)}`);
  const detailFields = Object.values(api.DETAILS).flat().map(([field]) => field);
  assert(sameSet(code.detailKeys, detailFields), `event details: code ${code.detailKeys}, table ${detailFields}`);
  assert(sameSet(code.events, table(api.EVENTS)), `events: code ${code.events}, table ${table(api.EVENTS)}`);
  assert(sameSet(code.parts, table(api.PARTS)), `parts: code ${code.parts}, table ${table(api.PARTS)}`);
  assert(sameSet(code.properties, table(api.CSS_PROPERTIES)), `custom properties: code ${code.properties}, table ${table(api.CSS_PROPERTIES)}`);
});

test('custom-elements.json, the .d.ts and the README are the table\'s', () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  assertEqual(manifest.schemaVersion, '2.1.0', 'a Custom Elements Manifest');
  const [element] = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
  assertEqual(element.tagName, 'spoiler-card', 'the tag');
  const names = (list) => (list ?? []).map((x) => x.name);
  assert(sameSet(names(element.attributes), names(api.ATTRIBUTES)), 'manifest attributes');
  assert(sameSet(names(element.members), [...names(api.PROPERTIES), ...names(api.METHODS), ...names(api.STATIC_METHODS)]), 'manifest members');
  assert(sameSet(names(element.events), names(api.EVENTS)), 'manifest events');
  assert(sameSet(names(element.cssParts), names(api.PARTS)), 'manifest parts');
  assert(sameSet(names(element.cssProperties), names(api.CSS_PROPERTIES)), 'manifest custom properties');
  assert(element.slots?.some((s) => s.name === ''), 'the fallback slot');
  assert(manifest.modules.some((m) => m.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === 'spoiler-card')), 'the definition export');
  const dts = readFileSync(join(installed, 'types/index.d.ts'), 'utf8');
  for (const name of [...names(api.PROPERTIES), ...names(api.METHODS), ...names(api.STATIC_METHODS)]) assert(new RegExp(`\\b${name}\\b`).test(dts), `.d.ts has ${name}`);
  for (const name of names(api.EVENTS)) assert(dts.includes(`'${name}'`), `.d.ts has ${name}`);
  const readme = readFileSync(at('README.md'), 'utf8');
  assertEqual(readmeWithTables(readme), readme, 'README tables (node scripts/package.mjs --readme rewrites them)');
  for (const name of [...names(api.ATTRIBUTES), ...names(api.EVENTS), ...names(api.PARTS)]) assert(readme.includes(`\`${name}\``), `README has ${name}`);
});

test('the TypeScript declarations compile a page\'s code, and catch wrong data (typescript, pinned)', () => {
  const tsc = at('node_modules/typescript/bin/tsc');
  assert(existsSync(tsc), 'typescript is installed (setup)');
  writeFileSync(join(site, 'page.ts'), `import type { Movie, SpoilerCardElement } from 'spoiler-card';
const card = document.querySelector('spoiler-card');
if (card) {
  const el: SpoilerCardElement = card;
  el.progress = 45;
  el.progress = '45';
  el.progress = null;
  // @ts-expect-error the property takes minutes (h:mm is the attribute's)
  el.progress = '0:45';
  const minutes: number | null = el.progress;
  const shown: readonly string[] = el.revealed;
  const ok: boolean = el.reveal('plot');
  el.hide();
  el.addEventListener('spoiler-card:reveal', (event) => { const changed: string[] = event.detail.changed; console.log(changed, minutes, shown, ok); });
  document.addEventListener('spoiler-card:error', (event) => console.log(event.detail.message.length));
  const movie: Movie = { schema: 1, id: 'x', title: 'X', year: 1995, runtime_minutes: 111, language: 'English', directors: ['A'], synopsis: 'S', spoilers: { summary: ['P'] } };
  el.movie = movie;
  el.movie = null;
  const current: Movie | null | undefined = el.movie;
  // @ts-expect-error the year is a number
  const wrongYear: Movie = { ...movie, year: '1995' };
  // @ts-expect-error spoilers.summary is required
  const noSummary: Movie = { ...movie, spoilers: {} };
  // @ts-expect-error revealed is read-only
  el.revealed = [];
  // @ts-expect-error no such event detail field
  el.addEventListener('spoiler-card:ready', (event) => event.detail.changed.length);
  console.log(wrongYear, noSummary, current);
}
`);
  writeFileSync(join(site, 'server.ts'), `import { render, check, type RenderOptions } from 'spoiler-card';
const options: RenderOptions = { src: '/movies/x.json', progress: 45, headingLevel: 3 };
const { html } = render('movies/x.json', options);
const { ok } = check('movies/x.json');
// @ts-expect-error theme is light, dark or auto
render('x.json', { theme: 'blue' });
export const results = [html.length, ok];
`);
  // A page's code as a bundler resolves it; a build script's as Node does
  // (the `node` condition: the Node API's types), without the DOM library.
  const common = ['--noEmit', '--strict', '--target', 'es2022'];
  for (const [file, options] of [['page.ts', ['--lib', 'es2022,dom', '--module', 'preserve', '--moduleResolution', 'bundler']],
    ['server.ts', ['--lib', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext']]]) {
    const args = [tsc, ...common, ...options, file];
    const result = spawnSync('node', args, { cwd: site, encoding: 'utf8' });
    assert(result.status === 0, `tsc ${file}:\n${result.stdout}${result.stderr}`);
  }
});

let passed = 0; let failed = 0;
for (const { name, fn } of tests) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(error?.stack ?? error).split('\n').slice(0, 8).join('\n     ')}`);
  }
}
rmSync(bad, { recursive: true, force: true });
if (!failed) rmSync(site, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
