// <spoiler-card>'s data, the part of the element's JavaScript side that
// reads and fetches it (embed.js owns the element, the engine and the
// take-over; its header documents the seam with Rust):
// - which source a card reads (`cardSource`), for the early requests and
//   for Rust alike;
// - the requests for movie data (`request`, one per URL, `TIMEOUT_MS`),
//   the early ones among them (`early`, `requestEarly`), and `fetchMovie`,
//   through which Rust's one owner of a fetch (`load::load_shared`) asks;
// - the `movie` property turned into JSON text, inside a `try`.

// How long a request for movie data may take before the card gives up
// (the early requests run before the wasm: Rust reads it back through
// `timeoutSeconds`, for its message).
const TIMEOUT_MS = 10000;

// Requests for movie data, by absolute URL, made before a card asked (see
// the end of embed.js). Each is taken by the first card that asks. Shared
// with a second copy of the bundle on the page, so neither asks twice.
const early = (globalThis[Symbol.for('spoiler-card:early')] ??= new Map());

// An answer, what a request for movie data or a file comes to (Rust reads
// it as `seam::Answer`; the browser tests check both sides agree):
//   { outcome: 'ok', text }         the body;
//   { outcome: 'http', status }     an HTTP error status;
//   { outcome: 'timeout' }          no answer within the timeout;
//   { outcome: 'network' }          the request failed;
//   { outcome: 'too-big' }          a locale or strings file over FILE_BYTES;
//   { outcome: 'late', later }      a file past its wait (`later`: a promise
//                                   of its answer).
const answer = (outcome, fields) => ({ outcome, ...fields });

// Starts a request (timing out after `ms`); its answer settles `promise`
// and is kept as `answer`. (Exported, and `ms` given, only for the browser
// tests of the seam, tests/browser.rs `the_seam_…`; so is `fetchFile`'s
// `wait`.)
export function request(url, ms = TIMEOUT_MS) {
  // The browser's own timer aborts the request and the body read. A
  // browser without AbortSignal.timeout (before 2022) waits as long as it
  // takes.
  const signal = AbortSignal.timeout ? AbortSignal.timeout(ms) : undefined;
  const entry = {};
  entry.promise = fetch(url, { signal })
    .then((response) => (response.ok ? response.text().then((text) => answer('ok', { text })) : answer('http', { status: response.status })))
    .catch(() => answer(signal && signal.aborted ? 'timeout' : 'network'))
    .then((done) => (entry.answer = done));
  return entry;
}

/** The movie data at `url`: the answer if it is already there, else a promise of it. */
export function fetchMovie(url) {
  const entry = early.get(url) || request(url);
  early.delete(url);
  return entry.answer || entry.promise;
}

/** Asks for `url` now, unless it was asked for already. */
export function requestEarly(url) {
  if (!early.has(url)) early.set(url, request(url));
}

// The embed folder, where the shipped locale files are (`locales/`): set
// by embed.js at start, from the stylesheet's URL.
let embedFolder = null;

export function setEmbedFolder(url) {
  embedFolder = url;
}

// The languages whose files ship in the embed folder: locale::SHIPPED in
// Rust (a native test checks that both lists agree).
const SHIPPED = ['ar', 'de', 'es', 'fr', 'pt'];

/**
 * Asks early, while the wasm compiles, for the files `card` will need: its
 * language's (as Rust resolves it: own `lang`, nearest ancestor's, the
 * page's; only the primary subtag counts) and its strings file.
 */
export function requestFilesEarly(card) {
  const tag = languageTag(card);
  const lang = tag.trim().split(/[-_]/)[0].toLowerCase();
  if (SHIPPED.includes(lang)) fetchFile(localeUrl(lang));
  const strings = stringsUrl(card);
  if (strings) fetchFile(strings);
}

/**
 * The language tag that applies to `element`, as HTML has it: its own
 * `lang`, else its nearest ancestor's, through the hosts of the shadow
 * roots it sits in, else the page's (Rust asks this too).
 */
export function languageTag(element) {
  for (let node = element; node;) {
    const holder = node.closest('[lang]');
    if (holder) return holder.getAttribute('lang');
    node = node.getRootNode().host;
  }
  return document.documentElement.getAttribute('lang') || '';
}

/** The URL of the shipped locale file for `lang` (`de`). */
export function localeUrl(lang) {
  return new URL(`locales/${lang}.json`, embedFolder || document.baseURI).href;
}

/** The card's `strings` attribute (a strings file) resolved against the page, or null. */
export function stringsUrl(host) {
  const src = host.getAttribute('strings');
  if (!src || !src.trim()) return null;
  try { return new URL(src.trim(), document.baseURI).href; } catch { return src; }
}

// Locale and strings files by URL: each fetched once per page, its answer
// kept for every card that asks later.
const files = new Map();
// Most bytes in one (locale::FILE_BYTES in Rust; a native test checks):
// a bigger answer is refused here, before it is copied into the wasm.
const FILE_BYTES = 65536;
// How long a card waits for a file before it shows in the words it has
// (and switches when the file arrives).
const FILE_WAIT_MS = 3000;

/**
 * The locale or strings file at `url`: its answer once it is there
 * ('too-big' past FILE_BYTES); while it is on its way, a promise that
 * settles when it arrives or when the wait (`wait` ms) is over, or, once
 * the wait is over, a 'late' answer.
 */
export function fetchFile(url, wait = FILE_WAIT_MS) {
  let entry = files.get(url);
  if (!entry) {
    const started = Date.now();
    const asked = request(url);
    entry = { started };
    entry.promise = asked.promise.then((got) => (entry.answer = got.outcome === 'ok' && got.text.length > FILE_BYTES ? answer('too-big') : got));
    files.set(url, entry);
  }
  if (entry.answer) return entry.answer;
  const left = entry.started + wait - Date.now();
  if (left <= 0) return answer('late', { later: entry.promise });
  return Promise.race([entry.promise, new Promise((resolve) => { setTimeout(resolve, left); })]);
}

/** The request timeout in seconds (TIMEOUT_MS), for the card's message. */
export function timeoutSeconds() {
  return TIMEOUT_MS / 1000;
}

// ---- the `movie` property -------------------------------------------------

// The data limits (value::MAX_VALUES, model::limits::DOCUMENT_BYTES), set
// when the element is defined.
let limits = { maxValues: Infinity, maxBytes: Infinity };

export function setLimits(maxValues, maxBytes) {
  limits = { maxValues, maxBytes };
}

// Versions of the data a card reads from its `movie` property and its inline
// JSON: Rust reads the data again only when its version changes (5 MB of
// inline JSON is neither copied into the wasm nor hashed again for an
// attribute change).
let dataVersion = 0;

// Each card's `movie` property, read (`setMovie`), and each inline JSON
// script's last text: private to this module, nothing on the element.
const movies = new WeakMap();
const inlineTexts = new WeakMap();

/** The card's `movie` property was set to `value`. */
export function setMovie(host, value) {
  movies.set(host, movieJson(value, movies.get(host)));
}

/**
 * `[version, json, error]` for a `movie` value: version 0 when there is no
 * movie; else the JSON text, or why the value is not data JSON can hold (a
 * cycle, a BigInt, a getter that throws, more than the limits allow). The
 * same JSON as `last` keeps its version: the card does not start again.
 */
function movieJson(value, last) {
  const source = readMovie(value);
  return last && source[1] !== null && source[1] === last[1] ? last : source;
}

// The inline JSON of `script`, with a version that changes with its text.
function inlineOf(script) {
  const text = script.textContent;
  const last = inlineTexts.get(script);
  if (last && last.text === text) return last;
  dataVersion += 1;
  const read = { text, version: dataVersion };
  inlineTexts.set(script, read);
  return read;
}

function readMovie(value) {
  if (value === undefined || value === null) return [0, null, null];
  dataVersion += 1;
  const movieVersion = dataVersion;
  const { maxValues, maxBytes } = limits;
  let values = 0;
  let bytes = 0;
  try {
    // The replacer bounds the work: a sparse array of a billion holes, or a
    // huge string, stops at the limits instead of freezing the page.
    // Values are counted as the Rust reader counts them (one each); text in
    // UTF-16 units, a bound on the work only (the reader checks the bytes).
    const text = JSON.stringify(value, function (key, item) {
      values += 1;
      if (!Array.isArray(this)) bytes += key.length;
      if (typeof item === 'string') bytes += item.length;
      // A sparse array is refused before the browser walks its holes.
      if (values > maxValues || (Array.isArray(item) && item.length > maxValues)) throw new Error(`it has more than ${maxValues} values`);
      if (bytes > maxBytes) throw new Error(`it holds more than ${maxBytes} characters of text`);
      return item;
    });
    if (typeof text !== 'string') return [movieVersion, null, `${typeof value} is not data`];
    return [movieVersion, text, null];
  } catch (error) {
    let message = 'reading it failed';
    try { message = String(error && error.message); } catch { /* a hostile error */ }
    return [movieVersion, null, message];
  }
}

/**
 * The source a card reads, chosen here for both sides (the early requests
 * in embed.js, and the card; Rust reads it as `seam::CardSource`): its
 * `movie` property, else its inline JSON, else `src` resolved against the
 * page, else none. `base` is the URL the data's relative URLs resolve
 * against; `version` changes with the data (Rust reads `json` or `text`
 * only then):
 *   { kind: 'property', base, version, json | null, error | null }
 *   { kind: 'inline', base, version, text }
 *   { kind: 'src', base: url, url, src }     (src: the attribute, a label)
 *   { kind: 'none', base }
 */
export function cardSource(host) {
  const base = document.baseURI;
  const [version, json, error] = movies.get(host) || [0, null, null];
  if (version > 0) return { kind: 'property', base, version, json, error };
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (script) return { kind: 'inline', base, ...inlineOf(script) };
  const src = host.getAttribute('src');
  // (An empty src is no data, not the page itself.)
  if (!src || !src.trim()) return { kind: 'none', base };
  let url = src;
  try { url = new URL(src.trim(), base).href; } catch { /* fetched as is: the request fails */ }
  return { kind: 'src', base: url, url, src };
}
