// <spoiler-card>: the element's JavaScript side. It owns what must be
// JavaScript or must outlive the wasm instance:
// - the custom element class, its lifecycle and each card's state are in
//   element.js (re-exported here: `SpoilerCardElement`);
// - the early requests for the data of the cards already in the page (at
//   the end of this file), made while the wasm still loads;
// - start-up of the wasm, and its containment: if the instance traps, every
//   card shows a box whose button starts a fresh instance and mounts every
//   card again with its state;
// - the card's stylesheet (one file of the embed folder, loaded once, and
//   adopted into every shadow root by takeover.js's `styleRoot`), whose URL
//   is the embed folder the locale files are fetched from;
// - the card's events (`emit`); the page API (`progress`, `revealed`,
//   `reveal`, `hide`) is element.js's.
// Which source a card reads, the requests for movie data and the `movie`
// property as JSON text are in data.js (`cardSource`, `fetchMovie`,
// `timeoutSeconds`, `setMovie`); the take-over of a prerendered card
// (`spoiler-card render`), behind `place`, is in takeover.js.
//
// The seam with Rust (src/embed/, src/load.rs, src/seam.rs), this file,
// element.js (`keepState`, `keptState`, `keepWords`),
// data.js and takeover.js (`prerenderedIn`, which Rust asks too). Every
// value that crosses it is named on both sides: objects with named fields
// and string tags, never positions or magic numbers (src/seam.rs names
// data.js's on the Rust side; tests/browser.rs `the_seam_…` drives every
// kind through the real glue):
//   JS -> Rust  mount(host, root, engine) -> handle; handle.update(); handle.unmount();
//               handle.free()  (every call guarded: an exception means the
//               instance is gone)
//   Rust -> JS  defineSpoilerCard(mount, words, facts)  at wasm start
//               (words as keepWords has them, in English; facts:
//               { maxValues, documentBytes, reservedHeightRem }, from
//               value::MAX_VALUES, model::limits::DOCUMENT_BYTES and
//               src/facts.rs);
//               timeoutSeconds() -> the request timeout, for the message;
//               mount(host, root, engine) is called for each card, engine
//               the running instance's number: a stopped instance may
//               still finish a task, and its late calls that pass an older
//               number are ignored;
//               fetchMovie(url) -> an answer | Promise of it, answer
//               { outcome: 'ok' | 'http' | 'timeout' | 'network', text,
//               status } (see `answer` in data.js; seam::Answer);
//               fetchFile(url): the same for a locale file (at
//               localeUrl(lang)) or a strings file (at stringsUrl(host)),
//               each fetched once per page, with the outcomes 'too-big'
//               and 'late' { later: Promise of the answer } too;
//               cardSource(host) -> { kind: 'property' | 'inline' | 'src'
//               | 'none', base, ... }: which source the card reads, and
//               its data or URL (see the function; seam::CardSource);
//               keepState(host, text, engine): the card's live state after each
//               render; keptState(host) hands it back when the card mounts
//               again (after a move, or a restart of the engine);
//               place(host, container, how, engine): where the live
//               card of a prerendered one goes ('notice' inside the
//               prerendered card, 'take-over' in its place);
//               emit(host, type, detail, engine): a `spoiler-card:*` event
//               (detail built by serde-wasm-bindgen);
//               keepWords(host, { heading, summary, button, dir }, engine):
//               the stopped box's texts in the card's language.
//   Page -> Rust  el.progress, el.revealed, el.reveal(name), el.hide() go to
//               handle.progress(), setProgress(m), revealed(), reveal(name),
//               hide(): the page's calls, never remembered, never events.

import { cardSource, requestEarly, requestFilesEarly, setEmbedFolder, setLimits } from './data.js';
import { setStyles, takeOver } from './takeover.js';
import { SpoilerCardElement, early, isNear, restartCard, showStopped, startCard } from './element.js';

export { SpoilerCardElement };
// How long cards wait for the stylesheet before they start with a <link>
// to it instead.
const STYLES_WAIT_MS = 3000;

// ---- the engine: the one wasm instance every card on the page shares ----

// `mount` of the running instance; null before start and after a trap.
export let mount = null;
// The texts of the box a stopped card shows, with their direction
// (English from Rust at start, and each card's own once its words are
// read: `keepWords`), so that they are here after a trap. (Its language
// is the element's, inherited.)
export let words = { heading: '', summary: '', button: '', dir: 'ltr' };
// The height an unstarted card holds (RESERVED_HEIGHT_REM in src/facts.rs).
export let reservedHeight = '';
// Starts a fresh instance (set by `start`); the instance then calls
// defineSpoilerCard again.
let restartEngine = null;
let restarting = false;
// The URLs of the .wasm and of the running instance's glue: a trap reported
// to the page has the first on its stack (the trapping function is on top),
// or the second (a trap at the boundary, where the glue called in).
let wasmUrl = null;
let engineUrl = null;
// The running instance's number, handed to each card it mounts.
export let engine = 0;
// Was the element class defined by this copy of the module?
export let defined = false;
// Cards mounted by the engine, or showing the stopped box.
export const started = new Set();

/**
 * Starts the wasm: called by the loader (embed/spoiler-card.js) with the
 * glue's URL, the response promise of the .wasm it already requested, and
 * the stylesheet's URL and response promise. The module is compiled here,
 * once: a restart instantiates it again.
 */
export function start(glueUrl, wasm, cssUrl, css) {
  setStyles(null, cssUrl);
  setEmbedFolder(cssUrl);
  // The locale and strings files of the cards that start at once, while
  // the wasm compiles (their data was asked for when this module loaded).
  for (const card of document.querySelectorAll('spoiler-card')) {
    if (card.hasAttribute('eager') || isNear(card)) requestFilesEarly(card);
  }
  // The loader asks for the file with `force-cache`: a hashed file never
  // changes, so the copy a prerendered card's <link> brought is used.
  const styles = Promise.race([
    css.then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    }).then((text) => {
      let constructed = null;
      try {
        constructed = new CSSStyleSheet();
        constructed.replaceSync(text);
      } catch {
        constructed = null; // no constructable stylesheets: each card links the file
      }
      setStyles(constructed, cssUrl);
    }, (error) => console.error(`[spoiler-card] the stylesheet ${cssUrl} could not be loaded:`, error)),
    new Promise((resolve) => setTimeout(resolve, STYLES_WAIT_MS)),
  ]);
  let instances = 0;
  // Streaming compilation needs the application/wasm type; a server that
  // sends another still works, a little slower.
  const module = wasm.then((response) => {
    wasmUrl = response.url;
    return /^application\/wasm/.test(response.headers.get('Content-Type'))
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
  const run = () => {
    // A fresh copy of the glue for each instance (its state is per module).
    engineUrl = instances ? `${glueUrl}?instance=${instances}` : glueUrl;
    instances += 1;
    return Promise.all([import(engineUrl), module, styles]).then(([{ default: init }, compiled]) => init({ module_or_path: compiled }));
  };
  restartEngine = run;
  return run().catch((error) => {
    if (defined) stop(error);
    else console.error('[spoiler-card] could not start:', error);
  });
}

/**
 * Is `error` a trap of the running instance, reported to the page? A trap
 * is a RuntimeError, with the trapping function of the module (or, at the
 * boundary, the glue that called in) on its stack.
 */
function isEngineError(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  const stack = String(error.stack || '');
  return (wasmUrl !== null && stack.includes(`${wasmUrl}:`)) || (engineUrl !== null && stack.includes(`${engineUrl}:`));
}

/** Calls into the wasm: any exception means the instance is gone. */
export function guard(call) {
  if (!mount) return undefined;
  try {
    return call();
  } catch (error) {
    stop(error);
    return undefined;
  }
}

/** The instance trapped: every card shows the stopped box. */
function stop(error) {
  if (!mount) return;
  mount = null;
  console.error('[spoiler-card] the card engine stopped:', error);
  for (const card of started) showStopped(card);
}

export function restart() {
  if (restarting || mount || !restartEngine) return;
  restarting = true;
  restartEngine()
    .catch((error) => {
      console.error('[spoiler-card] could not restart:', error);
      for (const card of started) showStopped(card); // its button again
    })
    .finally(() => { restarting = false; });
}

// A trap in an event handler or a task of the instance reaches the page.
for (const type of ['error', 'unhandledrejection']) {
  addEventListener(type, (event) => {
    const error = event.error || event.reason;
    if (isEngineError(error)) stop(error);
  });
}

// An event of the card, from its element, in a microtask: a listener that
// throws does so on its own stack, never on the card's.
export function emit(host, type, detail, from) {
  const live = () => mount && from === engine;
  if (live()) queueMicrotask(() => live() && host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail })));
}

export function place(host, container, how, from) {
  // (A stopped instance may still finish a task: it no longer owns the card.)
  if (mount && from === engine) takeOver(host, container, how);
}

/** Rust's start-up: the engine's `mount`, the English words, the facts. */
export function defineSpoilerCard(mountCard, texts, facts) {
  words = texts;
  setLimits(facts.maxValues, facts.documentBytes);
  reservedHeight = `${facts.reservedHeightRem}rem`;
  if (defined) {
    // The running instance registering again changes nothing.
    if (mount) return false;
    // A restarted instance: mount every card again, with its kept state.
    mount = mountCard;
    engine += 1;
    for (const card of [...started]) restartCard(card);
    return true;
  }
  // A second copy of the bundle on the same page: the first one wins.
  const registered = customElements.get('spoiler-card');
  if (registered && registered !== SpoilerCardElement) return false;
  mount = mountCard;
  defined = true;
  engine += 1;
  SpoilerCardElement.define();
  for (const card of [...early]) {
    early.delete(card);
    startCard(card);
  }
  return true;
}

// When this module loads (with the wasm, before it can run), the data of
// the cards already in the page that will start at once (eager, or near
// the viewport) is requested, so that it arrives while the wasm compiles.
// Before the element is defined a card holds only its fallback, so a card
// a little further down may be asked for early too. (A press on a
// prerendered card is kept from the loader's first statement on.)
for (const card of document.querySelectorAll('spoiler-card[src]')) {
  // (A `movie` set before the element is defined is the card's own property.)
  if (card.movie !== undefined || (!card.hasAttribute('eager') && !isNear(card))) continue;
  const source = cardSource(card);
  if (source.kind === 'src') requestEarly(source.url);
}
