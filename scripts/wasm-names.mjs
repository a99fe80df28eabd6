// Short names for what wasm-bindgen's glue and the .wasm share (release
// builds, scripts/post-build.mjs): the fields the .wasm imports from the
// glue's own module (`./<name>_bg.js`, long hashed names such as
// `__wbg_addEventListener_f2d27251d333a631`) get short ones, in the .wasm's
// import section and in the glue's import object, and that module is named
// `a`; the .wasm's exports the glue uses only as members
// (`<exports>.name`) get short names too. Pure: bytes and text in, bytes
// and text out (tests/scripts/wasm-names.test.mjs feeds it small modules).

/** A wasm module's sections: [{ id, start, end }] (the payload's bounds), after the 8-byte header. */
function sectionsOf(bytes) {
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    if (start + size > bytes.length) throw new Error(`wasm-names: section ${id} runs past the end of the module`);
    sections.push({ id, start, end: start + size });
    at = start + size;
  }
  return sections;
}

/** LEB128 at `at`: [value, the offset after it]. */
function readU32(bytes, at) {
  let value = 0; let shift = 0; let byte;
  do {
    if (at >= bytes.length) throw new Error('wasm-names: a number runs past the end of the module');
    byte = bytes[at]; at += 1; value += (byte & 0x7f) * 2 ** shift; shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do { let byte = value & 0x7f; value = Math.floor(value / 128); if (value) byte |= 0x80; out.push(byte); } while (value);
  return Buffer.from(out);
}

const name = (text) => { const b = Buffer.from(text, 'utf8'); return Buffer.concat([leb(b.length), b]); };
const readName = (bytes, at) => { const [length, start] = readU32(bytes, at); return [bytes.toString('utf8', start, start + length), start + length]; };

// Where an import's description ends: a function (0) and its type index,
// a table (1), memory (2), global (3) or tag (4).
function skipDescription(bytes, at) {
  const kind = bytes[at]; at += 1;
  const limits = (p) => { const flags = bytes[p]; p = readU32(bytes, p + 1)[1]; return flags & 1 ? readU32(bytes, p)[1] : p; };
  if (kind === 0) return readU32(bytes, at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  if (kind === 4) return readU32(bytes, at + 1)[1];
  throw new Error(`wasm-names: unknown import kind ${kind}`);
}

const section = (id, body) => Buffer.concat([Buffer.from([id]), leb(body.length), body]);
const escape = (text) => text.replace(/[$]/g, '\\$');

/**
 * `{ wasm, glue }` with the short names. A module shortened already (its
 * glue imports from `a`) comes back as it is; imports that the glue does
 * not name exactly once fail loudly.
 */
export function shortenNames(wasmBytes, glueText) {
  const bytes = Buffer.from(wasmBytes);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-names: not a wasm module');
  let glue = glueText;
  const sections = sectionsOf(bytes);
  const imports = sections.find((s) => s.id === 2);
  if (!imports) throw new Error('wasm-names: the module imports nothing');

  // The import section, rebuilt with short names for the glue module's.
  let [count, p] = readU32(bytes, imports.start);
  const entries = [leb(count)];
  const names = new Map();
  let shortened = 0;
  for (let i = 0; i < count; i += 1) {
    let module; let field;
    [module, p] = readName(bytes, p);
    [field, p] = readName(bytes, p);
    const description = p;
    p = skipDescription(bytes, p);
    if (module === 'a') shortened += 1;
    if (/^\.\/[\w-]+_bg\.js$/.test(module)) {
      if (!names.has(field)) names.set(field, `_${names.size.toString(36)}`);
      module = 'a';
      field = names.get(field);
    }
    entries.push(name(module), name(field), bytes.subarray(description, p));
  }
  if (!names.size) {
    if (shortened) return { wasm: bytes, glue };
    throw new Error('wasm-names: no import from the glue module in the .wasm');
  }
  // The glue: its import object's keys, and that object's module name.
  for (const [long, short] of names) {
    const pattern = new RegExp(`\\b${escape(long)}:`, 'g');
    const found = glue.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`wasm-names: ${long} is in the glue ${found} times, not once`);
    glue = glue.replace(pattern, `${short}:`);
  }
  const moduleKey = /"\.\/[\w-]+_bg\.js":/g;
  if ((glue.match(moduleKey)?.length ?? 0) !== 1) throw new Error('wasm-names: the glue module\'s name is not in the glue once');
  glue = glue.replace(moduleKey, 'a:');

  // The exports the glue uses only as `<exports>.name` (the closures'
  // long `…invoke…` names, `__wbindgen_…`): short names too. One it names
  // otherwise (`start`, also a function of the glue) keeps its name, as
  // does `memory`.
  const rebuilt = new Map([[imports, Buffer.concat(entries)]]);
  const exports = sections.find((s) => s.id === 7);
  if (exports) {
    let at;
    [count, at] = readU32(bytes, exports.start);
    const out = [leb(count)];
    let next = 0;
    for (let i = 0; i < count; i += 1) {
      let field;
      [field, at] = readName(bytes, at);
      const indexEnd = readU32(bytes, at + 1)[1];
      const anywhere = glue.match(new RegExp(`(?<![\\w$])${escape(field)}(?![\\w$])`, 'g'))?.length ?? 0;
      const asMember = glue.match(new RegExp(`\\.${escape(field)}(?![\\w$])`, 'g'))?.length ?? 0;
      if (field !== 'memory' && anywhere === asMember) {
        let short;
        do { short = `x${(next++).toString(36)}`; } while (new RegExp(`(?<![\\w$])${short}(?![\\w$])`).test(glue));
        glue = glue.replace(new RegExp(`\\.${escape(field)}(?![\\w$])`, 'g'), `.${short}`);
        field = short;
      }
      out.push(name(field), bytes.subarray(at, indexEnd));
      at = indexEnd;
    }
    rebuilt.set(exports, Buffer.concat(out));
  }
  // Each section whole, by what it is, never by a byte that might look
  // like another section's id.
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  for (const s of sections) {
    const headerStart = at;
    const body = rebuilt.get(s);
    parts.push(body ? section(s.id, body) : bytes.subarray(headerStart, s.end));
    at = s.end;
  }
  return { wasm: Buffer.concat(parts), glue };
}
