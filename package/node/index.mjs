// spoiler-card for Node (the package's `node` export): the CLI's checker and
// renderer, compiled to WebAssembly, with no DOM. The same code as the
// browser card and the native CLI.
//
//   import { render, check, run } from 'spoiler-card';
//   const { html, warnings } = render('movies/x.json', { src: '/movies/x.json' });
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSync, run as runWasm } from './spoiler_card_node.js';
import { host } from './host.mjs';

let ready = false;
// Set once the instance has aborted (a panic, or any other trap): wasm
// cannot be reset in place, and the glue keeps its one instance, so every
// later run says so instead of running on a broken instance.
let aborted = null;

/**
 * Runs the CLI with `args` (as after `npx spoiler-card`), synchronously:
 * `{ code, stdout, stderr }`, exactly what the command prints and exits with.
 */
export function run(args) {
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
    throw new TypeError('run(args): args must be an array of strings');
  }
  if (aborted) {
    return { code: 70, stdout: '', stderr: `spoiler-card: internal error earlier in this process (${aborted}): start it again\n` };
  }
  if (!ready) {
    initSync({ module: readFileSync(new URL('./spoiler_card_node_bg.wasm', import.meta.url)) });
    ready = true;
  }
  let panic = null;
  const runHost = Object.assign(Object.create(host), { panicked(message) { panic = message; } });
  try {
    const outcome = runWasm(args, runHost);
    const result = { code: outcome.code, stdout: outcome.stdout, stderr: outcome.stderr };
    outcome.free();
    return result;
  } catch (error) {
    aborted = panic ?? String(error?.message ?? error);
    return { code: 70, stdout: '', stderr: `spoiler-card: internal error: ${aborted} (a bug: please report it with the command line)\n` };
  }
}

/** Thrown by `render` and `check`: the CLI's message, a problem a line. */
export class SpoilerCardError extends Error {
  constructor(message, result) {
    super(message);
    this.name = 'SpoilerCardError';
    this.code = result.code;
    this.stderr = result.stderr;
  }
}

// A file named like an option (`-x.json`) is still a file.
const fileArg = (file) => (String(file).startsWith('-') ? `./${file}` : String(file));

const OPTIONS = {
  src: '--src', embed: '--embed', progress: '--progress', theme: '--theme',
  headingLevel: '--heading-level', lang: '--lang', strings: '--strings', stringsSrc: '--strings-src',
};

/** This package's build manifest: the bundle its embed folder holds. */
export const MANIFEST = fileURLToPath(new URL('../embed/manifest.json', import.meta.url));

/**
 * Prerenders the card of the movie JSON at `file` (a path): `{ html, warnings }`.
 * Options: src (the URL the page serves the JSON at) or static: true; embed,
 * progress, theme, headingLevel, lang, strings (a file), stringsSrc, jsonLd,
 * eager; manifest: the build whose loader and .wasm the fragment's hints
 * preload (this package's own unless given; false for none).
 * Throws a SpoilerCardError with every problem if it cannot.
 */
export function render(file, options = {}) {
  const args = ['render', fileArg(file)];
  for (const [key, flag] of Object.entries(OPTIONS)) {
    if (options[key] !== undefined && options[key] !== null) args.push(flag, String(options[key]));
  }
  if (options.static === true) args.push('--static');
  if (options.jsonLd === false) args.push('--no-json-ld');
  if (options.eager === true) args.push('--eager');
  const manifest = options.manifest ?? (options.static === true ? false : MANIFEST);
  if (manifest !== false) args.push('--manifest', String(manifest));
  const result = run(args);
  if (result.code !== 0) throw new SpoilerCardError(result.stderr.trim() || `spoiler-card render exited with ${result.code}`, result);
  return { html: result.stdout, warnings: result.stderr.split('\n').filter(Boolean) };
}

/**
 * Checks movie JSON files: `{ ok, output }`, the checker's report (every
 * problem as `file: error: path: reason`); `ok` is false if any has errors.
 */
export function check(...files) {
  const result = run(['check', ...files.flat().map(fileArg)]);
  if (result.code === 2) throw new SpoilerCardError(result.stderr.trim(), result);
  return { ok: result.code === 0, output: result.stdout + result.stderr };
}
