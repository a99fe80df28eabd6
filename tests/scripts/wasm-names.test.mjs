// scripts/wasm-names.mjs on small modules made here: the release build's
// short names for what the glue and the .wasm share, checked by what the
// browser's own wasm reader sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortenNames } from '../../scripts/wasm-names.mjs';

const leb = (value) => {
  const out = [];
  do { let byte = value & 0x7f; value = Math.floor(value / 128); if (value) byte |= 0x80; out.push(byte); } while (value);
  return Buffer.from(out);
};
const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);
const section = (id, body) => Buffer.concat([Buffer.from([id]), leb(body.length), body]);

/** A module importing functions `[module, field]` and exporting `[field, function index]`. */
function wasmModule(imports, exports) {
  return Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    section(1, Buffer.from([1, 0x60, 0, 0])), // one type: () -> ()
    section(2, Buffer.concat([leb(imports.length), ...imports.map(([m, f]) => Buffer.concat([name(m), name(f), Buffer.from([0, 0])]))])),
    section(7, Buffer.concat([leb(exports.length), ...exports.map(([f, i]) => Buffer.concat([name(f), Buffer.from([0]), leb(i)]))])),
  ]);
}

/** Glue in wasm-bindgen's shape: its import object, and the exports it calls. */
function glueFor(fields, members = [], bare = []) {
  return `function getImports() { return { __proto__: null, "./x_bg.js": { ${fields.map((f) => `${f}: function() {}`).join(', ')} }, "./snippets/data.js": {} }; }
function run(wasm) { ${members.map((m) => `wasm.${m}();`).join(' ')} ${bare.map((b) => `${b}();`).join(' ')} }`;
}

const seen = (bytes) => {
  assert.ok(WebAssembly.validate(bytes), 'a valid module');
  const module = new WebAssembly.Module(bytes);
  return { imports: WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`), exports: WebAssembly.Module.exports(module).map((e) => e.name) };
};

test('the glue module\'s imports get short names in the .wasm and the glue alike; others are kept', () => {
  const fields = ['__wbg_addEventListener_f2d27251d333a631', '__wbg_log_0123456789abcdef'];
  const wasm = wasmModule([['./x_bg.js', fields[0]], ['./snippets/data.js', 'fetchMovie'], ['./x_bg.js', fields[1]]], [['__wbindgen_long_name', 0]]);
  const out = shortenNames(wasm, glueFor(fields, ['__wbindgen_long_name']));
  assert.deepEqual(seen(out.wasm), { imports: ['a._0', './snippets/data.js.fetchMovie', 'a._1'], exports: ['x0'] });
  assert.match(out.glue, /__proto__: null, a: \{/, 'the glue module is `a`');
  assert.match(out.glue, /"\.\/snippets\/data\.js": \{\}/, 'other modules keep their names');
  assert.match(out.glue, /_0: function\(\) \{\}, _1: function\(\) \{\}/);
  assert.match(out.glue, /wasm\.x0\(\)/);
});

test('seven imports (the import section then starts with the byte 7, the export section\'s id): the exports are still the exports', () => {
  const fields = Array.from({ length: 7 }, (_, i) => `__wbg_f${i}_0123456789abcdef`);
  const wasm = wasmModule(fields.map((f) => ['./x_bg.js', f]), [['__wbindgen_export_0', 2], ['start', 3]]);
  const out = shortenNames(wasm, glueFor(fields, ['__wbindgen_export_0', 'start'], ['start']));
  assert.deepEqual(seen(out.wasm), { imports: fields.map((_, i) => `a._${i}`), exports: ['x0', 'start'] }, '`start`, also a bare name in the glue, keeps its name');
});

test('glue that does not name an import exactly once fails loudly; so does what is not wasm', () => {
  const wasm = wasmModule([['./x_bg.js', '__wbg_missing_0123456789abcdef']], []);
  assert.throws(() => shortenNames(wasm, glueFor(['__wbg_other_0123456789abcdef'])), /__wbg_missing_0123456789abcdef is in the glue 0 times, not once/);
  const twice = `${glueFor(['__wbg_x_0123456789abcdef'])} const again = { __wbg_x_0123456789abcdef: 1 };`;
  assert.throws(() => shortenNames(wasmModule([['./x_bg.js', '__wbg_x_0123456789abcdef']], []), twice), /in the glue 2 times/);
  assert.throws(() => shortenNames(Buffer.from('not wasm'), ''), /not a wasm module/);
  assert.throws(() => shortenNames(wasmModule([['./snippets/data.js', 'fetchMovie']], []), ''), /no import from the glue module/);
});

test('running it twice changes nothing the second time', () => {
  const fields = ['__wbg_a_0123456789abcdef', '__wbg_b_0123456789abcdef'];
  const once = shortenNames(wasmModule(fields.map((f) => ['./x_bg.js', f]), [['__wbindgen_e', 0]]), glueFor(fields, ['__wbindgen_e']));
  const twice = shortenNames(once.wasm, once.glue);
  assert.ok(twice.wasm.equals(once.wasm), 'the same bytes');
  assert.equal(twice.glue, once.glue);
});
