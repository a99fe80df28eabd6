// `make package`: the npm package, dist/npm/spoiler-card-<version>.tgz.
// Stages dist/npm/package/ from the release build (dist/embed/), the CLI
// for Node (target/npm-node/, built by scripts/package.sh), the package's
// own JS (package/), the integrations and the schema; generates
// custom-elements.json and the TypeScript declarations from the one
// description of the element's API (package/element-api.mjs) and the JSON
// Schema; then `npm pack`.
//
//   node scripts/package.mjs            stage and pack
//   node scripts/package.mjs --readme   rewrite the README's API tables
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from '../package/element-api.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

// Where scripts/package.sh put the CLI for Node (wasm-bindgen's output).
const NODE_BUILD = join(process.env.CARGO_TARGET_DIR ?? at('target'), 'npm-node');

export const VERSION = readFileSync(at('Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

// ---- The README's tables -------------------------------------------------

const cell = (text) => text.replaceAll('|', '\\|');

export function readmeTables() {
  const attributes = [
    '| attribute | values | default | meaning |',
    '| --- | --- | --- | --- |',
    ...[...api.ATTRIBUTES.slice(0, 1), api.CHILD_DATA, ...api.ATTRIBUTES.slice(1)].map((a) =>
      `| ${a === api.CHILD_DATA ? a.name : `\`${a.name}\``} | ${a.values} | ${a.default} | ${a.description} |`),
  ].join('\n');
  const members = [
    '| property or method | meaning |',
    '| --- | --- |',
    ...api.PROPERTIES.filter((p) => p.name !== 'movie').map((p) =>
      `| \`el.${p.name}\` | ${p.readonly ? 'read-only: ' : ''}${p.description} |`),
    ...api.METHODS.map((m) => `| \`el.${m.name}(${m.parameters.map((p) => p.name).join(', ')})\` | ${m.description} |`),
    ...api.STATIC_METHODS.map((m) => `| \`${api.CLASS}.${m.name}(${m.parameters.map((p) => p.name).join(', ')})\` | ${m.description} |`),
  ].join('\n');
  const events = [
    '| event | when | `detail` |',
    '| --- | --- | --- |',
    ...api.EVENTS.map((e) => `| \`${e.name}\` | ${cell(e.when)} | ${e.readme} |`),
  ].join('\n');
  const parts = `Parts: ${api.PARTS.map((p) => `\`${p.name}\``).join(', ')}.`;
  return { attributes, members, events, parts };
}

const BLOCK = /(<!-- element-api:(\w+) -->\n)[\s\S]*?(\n<!-- \/element-api:\2 -->)/g;

export function readmeWithTables(text) {
  const tables = readmeTables();
  return text.replace(BLOCK, (_, open, name, close) => {
    if (!(name in tables)) throw new Error(`README: no table named ${name}`);
    return `${open}${tables[name]}${close}`;
  });
}

// ---- TypeScript from the JSON Schema -------------------------------------

function tsType(schema, indent) {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = [schema.type ?? 'unknown'].flat();
  // `null` is allowed where a field is optional: written as `?`, not `| null`,
  // for the types' readers; both are valid data.
  const named = types.filter((t) => t !== 'null').map((t) => {
    switch (t) {
      case 'string': return 'string';
      case 'integer': case 'number': return 'number';
      case 'boolean': return 'boolean';
      case 'array': {
        const item = tsType(schema.items ?? {}, indent);
        return /[|\s]/.test(item) && !item.startsWith('{') ? `Array<${item}>` : `${item}[]`;
      }
      case 'object': return tsObject(schema, indent);
      default: return 'unknown';
    }
  });
  if (types.includes('null')) named.push('null');
  return named.join(' | ');
}

function jsdoc(schema, indent) {
  const lines = [];
  if (schema.description) lines.push(schema.description);
  const rules = [];
  if (schema.minLength !== undefined && schema.minLength > 1) rules.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) rules.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) rules.push(`≤ ${schema.maximum}`);
  if (schema.minItems > 0) rules.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  if (schema.maxItems !== undefined) rules.push(`at most ${schema.maxItems} items`);
  if (rules.length) lines.push(`(${rules.join(', ')})`);
  if (!lines.length) return '';
  return `${indent}/** ${lines.join(' ').replaceAll('*/', '*\\/')} */\n`;
}

function tsObject(schema, indent) {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, field]) =>
    `${jsdoc(field, inner)}${inner}${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${tsType(field, inner)};\n`);
  // Unknown fields are allowed (and ignored), as the schema says.
  if (schema.additionalProperties !== false) fields.push(`${inner}[field: string]: unknown;\n`);
  return `{\n${fields.join('')}${indent}}`;
}

const HEADER = `// spoiler-card ${VERSION}: generated by scripts/package.mjs from package/element-api.mjs
// and assets/schema/movie.schema.json. Do not edit.`;

/** types/movie.d.ts: the data, with no DOM type (the Node API uses it too). */
export function movieDeclarations() {
  const schema = JSON.parse(readFileSync(at('assets/schema/movie.schema.json'), 'utf8'));
  return `${HEADER}

/** A movie, as the JSON files and \`el.movie\` hold it (schema ${schema.properties.schema.const}). ${schema.description ?? ''} */
export interface Movie ${tsObject(schema, '')}
`;
}

/** types/index.d.ts: the element, its events, and the tag's entry. */
export function declarations() {
  const details = Object.entries(api.DETAILS).map(([name, fields]) =>
    `export interface ${name} {\n${fields.map(([f, t, d]) => `  /** ${d} */\n  ${f}: ${t};\n`).join('')}}\n`).join('\n');
  const members = [
    ...api.PROPERTIES.map((p) => {
      const doc = `  /** ${p.readonly ? 'Read-only: ' : ''}${p.description} */\n`;
      if (p.setter) return `${doc}  get ${p.name}(): ${p.type};\n  set ${p.name}(value: ${p.setter});\n`;
      return `${doc}  ${p.readonly ? 'readonly ' : ''}${p.name}: ${p.type};\n`;
    }),
    ...api.METHODS.map((m) => `  /** ${m.description} */\n  ${m.name}(${m.parameters.map((p) => `${p.name}: ${p.type}`).join(', ')}): ${m.returns};\n`),
  ].join('');
  const eventMap = (indent) => api.EVENTS.map((e) => `${indent}/** ${e.when} */\n${indent}'${e.name}': CustomEvent<${e.detail}>;\n`).join('');
  return `${HEADER}
import type { Movie } from './movie.js';
export type { Movie } from './movie.js';

${details}
/** The events of \`<${api.TAG}>\`: they bubble and are composed, so the document hears every card's. */
export interface SpoilerCardEventMap extends HTMLElementEventMap {
${eventMap('  ')}}

/** \`<${api.TAG}>\`: ${api.SUMMARY} */
export interface ${api.CLASS} extends HTMLElement {
${members}
  addEventListener<K extends keyof SpoilerCardEventMap>(type: K, listener: (this: ${api.CLASS}, event: SpoilerCardEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SpoilerCardEventMap>(type: K, listener: (this: ${api.CLASS}, event: SpoilerCardEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The class itself, as \`customElements.get('${api.TAG}')\` returns it. */
export interface ${api.CLASS}Constructor {
  new (): ${api.CLASS};
  readonly prototype: ${api.CLASS};
${api.STATIC_METHODS.map((m) => `  /** ${m.description} */\n  ${m.name}(${m.parameters.map((p) => `${p.name}: ${p.type}`).join(', ')}): ${m.returns};\n`).join('')}}

declare global {
  interface HTMLElementTagNameMap {
    '${api.TAG}': ${api.CLASS};
  }
  // The events bubble out of the card (and its shadow root) to the document.
  interface DocumentEventMap {
${eventMap('    ')}  }
}
`;
}

// ---- custom-elements.json ------------------------------------------------

export function manifest() {
  const module = 'embed/spoiler-card.js';
  return {
    schemaVersion: '2.1.0',
    modules: [{
      kind: 'javascript-module',
      path: module,
      declarations: [{
        kind: 'class',
        name: api.CLASS,
        tagName: api.TAG,
        customElement: true,
        summary: api.SUMMARY,
        superclass: { name: 'HTMLElement', package: 'global:' },
        attributes: api.ATTRIBUTES.map((a) => ({
          name: a.name,
          type: { text: a.type },
          ...(a.default.startsWith('`') ? { default: a.default.slice(1, -1) } : {}),
          description: a.description,
        })),
        members: [
          ...api.PROPERTIES.map((p) => ({
            kind: 'field', name: p.name, type: { text: p.type }, ...(p.readonly ? { readonly: true } : {}), description: p.description,
          })),
          ...[...api.METHODS, ...api.STATIC_METHODS.map((m) => ({ ...m, static: true }))].map((m) => ({
            kind: 'method', name: m.name, ...(m.static ? { static: true } : {}),
            parameters: m.parameters.map((p) => ({ name: p.name, type: { text: p.type } })),
            return: { type: { text: m.returns } },
            description: m.description,
          })),
        ],
        events: api.EVENTS.map((e) => ({ name: e.name, type: { text: `CustomEvent<${e.detail}>` }, description: e.when })),
        slots: api.SLOTS,
        cssParts: api.PARTS,
        cssProperties: api.CSS_PROPERTIES,
      }],
      exports: [{ kind: 'custom-element-definition', name: api.TAG, declaration: { name: api.CLASS, module } }],
    }],
  };
}

// ---- package.json --------------------------------------------------------

export function packageJson() {
  return {
    name: 'spoiler-card',
    version: VERSION,
    description: 'A spoiler-safe movie card for blogs, as one custom element: <spoiler-card>',
    keywords: ['web-component', 'custom-element', 'movie', 'spoiler', 'eleventy-plugin', 'hugo', 'webassembly'],
    license: 'MIT OR Apache-2.0',
    type: 'module',
    main: './embed/spoiler-card.js',
    module: './embed/spoiler-card.js',
    types: './types/index.d.ts',
    customElements: 'custom-elements.json',
    exports: {
      '.': {
        node: { types: './types/node.d.ts', default: './node/index.mjs' },
        types: './types/index.d.ts',
        default: './embed/spoiler-card.js',
      },
      './embed/*': './embed/*',
      './studio': './studio/spoiler-card-studio.js',
      './studio/*': './studio/*',
      './eleventy': './eleventy/index.mjs',
      './schema.json': './schema/movie.schema.json',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    bin: { 'spoiler-card': 'bin/spoiler-card.mjs' },
    engines: { node: '>=18' },
    sideEffects: ['./embed/*', './studio/*'],
  };
}

// ---- Staging and packing -------------------------------------------------

function stage() {
  const out = at('dist/npm/package');
  for (const [path, hint] of [[at('dist/embed/spoiler-card.js'), 'make build'], [join(NODE_BUILD, 'spoiler_card_node_bg.wasm'), 'scripts/package.sh']]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run ${hint} first (make package runs both)`);
  }
  rmSync(at('dist/npm'), { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const copy = (from, to) => cpSync(at(from), join(out, to), { recursive: true });
  // (Not the precompressed .br/.gz beside each file: a site generator's
  // host compresses what it serves, and they would double the tarball.)
  cpSync(at('dist/embed'), join(out, 'embed'), { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
  cpSync(NODE_BUILD, join(out, 'node'), { recursive: true }); // the glue, the wasm and the snippets it imports
  // The card studio (<spoiler-card-studio>: import 'spoiler-card/studio'), beside the embed bundle its preview uses.
  cpSync(at('dist/studio'), join(out, 'studio'), { recursive: true });
  copy('package/node', 'node');
  copy('package/bin', 'bin');
  copy('package/types/node.d.ts', 'types/node.d.ts');
  copy('integrations/eleventy', 'eleventy');
  copy('integrations/hugo', 'hugo');
  copy('assets/schema/movie.schema.json', 'schema/movie.schema.json');
  copy('CHANGELOG.md', 'CHANGELOG.md');
  copy('LICENSE-MIT', 'LICENSE-MIT');
  copy('LICENSE-APACHE', 'LICENSE-APACHE');
  copy('README.md', 'README.md');
  writeFileSync(join(out, 'types/index.d.ts'), declarations());
  writeFileSync(join(out, 'types/movie.d.ts'), movieDeclarations());
  writeFileSync(join(out, 'custom-elements.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(packageJson(), null, 2)}\n`);
  return out;
}

// Run as a script (not imported by the tests and the bench).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const before = readFileSync(at('README.md'), 'utf8');
  const after = readmeWithTables(before);
  if (mode === '--readme') {
    writeFileSync(at('README.md'), after);
  } else if (before !== after) {
    console.error('README.md: the element\'s API tables are stale: run node scripts/package.mjs --readme');
    process.exit(1);
  } else {
    const out = stage();
    const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', at('dist/npm')], { cwd: out, encoding: 'utf8' }).trim().split('\n').pop();
    console.log(`package: dist/npm/${name}`);
  }
}
