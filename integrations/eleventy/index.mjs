// spoiler-card for Eleventy 3: `eleventyConfig.addPlugin(spoilerCard, { embed: "/embed/" })`.
//
// - copies the package's embed/ folder into the output at `embed` (unless
//   `embed` is a full URL, e.g. a CDN);
// - adds the shortcode `spoilerCard` (Nunjucks, Liquid, 11ty.js, and Markdown
//   through Liquid): `{% spoilerCard "movies/x.json", "progress=45" %}`, or in
//   Nunjucks and JS `{% spoilerCard "movies/x.json", { progress: 45 } %}`;
//   it writes the card prerendered by `spoiler-card render` (declarative
//   shadow DOM, no spoiler) and its JSON-LD, and publishes the JSON at the
//   same path in the output as the card's `src`;
// - adds the loader's `<script type="module">` once to every HTML page that
//   shows a card (a transform on the final page: a listing page with the
//   content of several posts, or content rendered twice, still gets one),
//   with the hints that start the loader and the .wasm with the page (the
//   package's build manifest names the .wasm).
// A card that cannot be rendered fails the build with the renderer's
// message (file, field path, reason); its warnings go to the console.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../node/index.mjs';

/** The package's browser bundle folder. */
const EMBED_DIR = fileURLToPath(new URL('../embed/', import.meta.url));
/**
 * The .wasm's hashed name, from the build manifest in that folder, read
 * once; null (the loader's hint only, said once) if it is not one the
 * build writes.
 */
let wasmName;
function wasmFile() {
  if (wasmName !== undefined) return wasmName;
  try {
    const { wasm } = JSON.parse(readFileSync(path.join(EMBED_DIR, 'manifest.json'), 'utf8'));
    if (!/^spoiler-card-[0-9a-f]{1,16}_bg\.wasm$/.test(wasm)) throw new Error(`its wasm is ${JSON.stringify(wasm)}`);
    wasmName = wasm;
  } catch (error) {
    console.warn(`[spoiler-card] no .wasm preload hint: ${path.join(EMBED_DIR, 'manifest.json')} is not the build's manifest (${error.message})`);
    wasmName = null;
  }
  return wasmName;
}

/** Shortcode options, by every name they are accepted under, to their canonical name. */
const OPTION_NAMES = {
  progress: 'progress',
  theme: 'theme',
  headingLevel: 'headingLevel', 'heading-level': 'headingLevel', heading_level: 'headingLevel',
  lang: 'lang',
  strings: 'strings',
  src: 'src',
  jsonLd: 'jsonLd', 'json-ld': 'jsonLd', json_ld: 'jsonLd',
  eager: 'eager',
};

const isFullUrl = (url) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);

const escapeAttribute = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The shortcode's options from its arguments after the file: objects
 * (`{ progress: 45 }`, Nunjucks keyword arguments) and `"key=value"` texts
 * (Liquid and Markdown), later ones over earlier ones.
 */
export function parseOptions(args) {
  const options = {};
  const set = (key, value, given) => {
    const name = Object.hasOwn(OPTION_NAMES, key) ? OPTION_NAMES[key] : undefined;
    if (!name) {
      throw new Error(`spoilerCard: unknown option ${JSON.stringify(given)} (use ${[...new Set(Object.values(OPTION_NAMES))].join(', ')})`);
    }
    options[name] = value;
  };
  for (const arg of args) {
    if (arg === undefined || arg === null || arg === '') continue;
    if (typeof arg === 'object' && !Array.isArray(arg)) {
      for (const [key, value] of Object.entries(arg)) if (key !== '__keywords') set(key, value, key);
    } else if (typeof arg === 'string' && arg.includes('=')) {
      const at = arg.indexOf('=');
      set(arg.slice(0, at).trim(), arg.slice(at + 1).trim(), arg);
    } else {
      throw new Error(`spoilerCard: options are "key=value" texts or an object, not ${JSON.stringify(arg)}`);
    }
  }
  return options;
}

/** `false` for false, "false", "no", "off" and "0" (what a Liquid text can say). */
const isOff = (value) => value === false || value === 0 || ['false', 'no', 'off', '0'].includes(String(value).trim().toLowerCase());

/**
 * The Eleventy plugin. Options: `embed` (the URL path the bundle is served
 * at, default "/embed/", or a full URL not to copy it), and defaults for the
 * shortcode's options (`progress`, `theme`, `headingLevel`, `lang`,
 * `strings`, `jsonLd`, `eager`).
 */
export default function spoilerCard(eleventyConfig, pluginOptions = {}) {
  const { embed = '/embed/', ...defaults } = pluginOptions;
  if (typeof embed !== 'string' || !embed.trim() || /[?#\s]/.test(embed.trim())) {
    throw new Error(`spoiler-card: the \`embed\` option is a URL path ("/embed/") or a full URL, without a query or fragment (not ${JSON.stringify(embed)})`);
  }
  const remote = isFullUrl(embed);
  const embedPath = embed.trim().replace(/^\/+|\/+$/g, '');
  const baseDefaults = parseOptions([defaults]);

  if (!remote) {
    // (Relative to the project, as Eleventy resolves passthrough sources.)
    const source = path.relative(process.cwd(), EMBED_DIR) || '.';
    eleventyConfig.addPassthroughCopy({ [source]: embedPath || '/' });
  }

  // The site's URL for a path from its root, with the pathPrefix.
  const siteUrl = (p) => eleventyConfig.getFilter('url')(`/${p}`);
  const embedUrl = () => (remote ? embed.replace(/\/?$/, '/') : siteUrl(embedPath ? `${embedPath}/` : ''));
  // Eleventy's HTML <base> plugin adds the pathPrefix to the URLs of the
  // page's markup (the card's <link> among them, not its src): the card's
  // stylesheet is then named from the root, or it would get it twice.
  const htmlBase = () => eleventyConfig.hasPlugin?.('@11ty/eleventy/html-base-plugin') ?? false;
  const stylesheetBase = () => (remote || !htmlBase() ? embedUrl() : `/${embedPath ? `${embedPath}/` : ''}`);
  const scriptTag = () => `<script type="module" src="${escapeAttribute(`${embedUrl()}spoiler-card.js`)}"></script>`;
  // (Matching the loader's module request and its fetch of the .wasm.)
  const hints = () => [
    `<link rel="modulepreload" href="${escapeAttribute(`${embedUrl()}spoiler-card.js`)}">`,
    ...(wasmFile() ? [`<link rel="preload" href="${escapeAttribute(`${embedUrl()}${wasmFile()}`)}" as="fetch" type="application/wasm" crossorigin>`] : []),
  ];

  const inputDir = () => eleventyConfig.directories?.input ?? eleventyConfig.dir?.input ?? '.';
  /** A file named relative to the input folder: its project path and its path in the output. */
  const inputFile = (name, what) => {
    if (typeof name !== 'string' || !name.trim()) throw new Error(`spoilerCard: the ${what} is a path relative to the input folder, e.g. "movies/x.json"`);
    const root = path.resolve(inputDir());
    const absolute = path.resolve(root, name.trim().replace(/^\/+/, ''));
    const inOutput = path.relative(root, absolute);
    if (!inOutput || inOutput.startsWith('..') || path.isAbsolute(inOutput)) {
      throw new Error(`spoilerCard: ${name} is not inside the input folder ${inputDir()}`);
    }
    return { file: path.relative(process.cwd(), absolute) || absolute, inOutput, url: siteUrl(inOutput.split(path.sep).map(encodeURIComponent).join('/')) };
  };

  // Files to publish into the output (output-relative path -> project path),
  // and renders already done (Eleventy may render a post more than once).
  const published = new Map();
  const rendered = new Map();
  // The opening tags of the cards written, to find them in the final page.
  const openings = new Set();
  const warned = new Set();

  const publish = (entry) => {
    const before = published.get(entry.inOutput);
    if (before && before !== entry.file) throw new Error(`spoilerCard: ${entry.file} and ${before} would both be published as ${entry.inOutput}`);
    published.set(entry.inOutput, entry.file);
  };

  // Each build publishes what its pages name (a watch rebuild too; an
  // incremental one keeps what the unchanged pages published before).
  eleventyConfig.on('eleventy.before', ({ incremental }) => {
    if (!incremental) published.clear();
  });
  eleventyConfig.on('eleventy.after', ({ directories, dir, outputMode }) => {
    if (outputMode && outputMode !== 'fs') return;
    const output = directories?.output ?? dir?.output ?? '_site';
    for (const [inOutput, file] of published) {
      const target = path.join(output, inOutput);
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(file, target);
      } catch (error) {
        throw new Error(`spoiler-card: cannot publish ${file} as ${target}: ${error.message}`);
      }
    }
  });

  eleventyConfig.addShortcode('spoilerCard', function spoilerCardShortcode(movie, ...rest) {
    const where = this?.page?.inputPath ? ` (in ${this.page.inputPath})` : '';
    const options = { ...baseDefaults, ...parseOptions(rest) };
    const data = inputFile(movie, 'movie file');
    const args = ['render', data.file, '--embed', stylesheetBase()];
    if (options.src !== undefined && options.src !== null && String(options.src).trim()) {
      args.push('--src', String(options.src).trim());
    } else {
      publish(data);
      args.push('--src', data.url);
    }
    if (options.progress !== undefined && options.progress !== null && String(options.progress).trim()) args.push('--progress', String(options.progress).trim());
    if (options.theme) args.push('--theme', String(options.theme).trim());
    if (options.headingLevel !== undefined && options.headingLevel !== null && String(options.headingLevel).trim()) args.push('--heading-level', String(options.headingLevel).trim());
    if (options.lang) args.push('--lang', String(options.lang).trim());
    const hashed = [data.file];
    if (options.strings) {
      const strings = inputFile(String(options.strings), 'strings file');
      publish(strings);
      hashed.push(strings.file);
      args.push('--strings', strings.file, '--strings-src', strings.url);
    }
    if (options.jsonLd !== undefined && isOff(options.jsonLd)) args.push('--no-json-ld');
    if (options.eager !== undefined && options.eager !== null && options.eager !== '' && !isOff(options.eager)) args.push('--eager');

    const hash = createHash('sha256');
    for (const file of hashed) {
      try {
        hash.update(readFileSync(file));
      } catch (error) {
        throw new Error(`spoilerCard${where}: cannot read ${file}: ${error.message}`);
      }
    }
    const key = `${JSON.stringify(args)}\n${hash.digest('hex')}`;
    let result = rendered.get(key);
    if (!result) {
      result = run(args);
      rendered.set(key, result);
    }
    // Bad usage (exit 2) is one problem line, then the CLI's usage text.
    const stderr = String(result.stderr ?? '');
    const messages = (result.code === 2 ? stderr.split('\nusage:')[0] : stderr).split('\n').filter((line) => line.trim());
    if (result.code !== 0) {
      throw new Error(`spoiler-card could not render ${data.file}${where}:\n${messages.join('\n') || `exit code ${result.code}`}`);
    }
    for (const line of messages) {
      if (warned.has(line)) continue;
      warned.add(line);
      console.warn(`[spoiler-card] ${line}${where}`);
    }
    openings.add(result.stdout.slice(0, result.stdout.indexOf('\n')));
    return result.stdout.replace(/\n+$/, '');
  });

  // The loader's script tag, once per HTML page with a card, after its
  // preload hints: before </head> (or before the first card if the page has
  // no head), every other copy of them removed.
  eleventyConfig.addTransform('spoiler-card-script', function spoilerCardScript(content) {
    const outputPath = this?.page?.outputPath ?? this?.outputPath;
    if (typeof content !== 'string' || typeof outputPath !== 'string' || !/\.html?$/i.test(outputPath)) return content;
    const card = content.search(/<spoiler-card[\s>]/);
    if (card < 0) return content;
    // Markdown keeps a card whole only as a block of its own: inline in a
    // paragraph, or in a quote or a list item, it is split, and the page
    // would show it broken.
    for (const opening of openings) {
      for (let i = content.indexOf(opening); i >= 0; i = content.indexOf(opening, i + 1)) {
        const line = content.slice(content.lastIndexOf('\n', i - 1) + 1, i);
        if (!content.startsWith('\n<template shadowrootmode="open">', i + opening.length) || /<p[\s>]/.test(line)) {
          throw new Error(`spoiler-card: a card in ${outputPath} is not a block of its own: in Markdown, put the shortcode on a line of its own, with a blank line before and after it, outside quotes and lists`);
        }
      }
    }
    const tags = [...hints(), scriptTag()];
    const without = tags.reduce((text, tag) => text.split(tag).join(''), content);
    const head = without.search(/<\/head\s*>/i);
    const at = head >= 0 && head < without.search(/<spoiler-card[\s>]/) ? head : without.search(/<spoiler-card[\s>]/);
    return `${without.slice(0, at)}${tags.join('\n')}\n${without.slice(at)}`;
  });
}
