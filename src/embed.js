// <spoiler-card>: the element's JavaScript side. It owns what must be
// JavaScript or must outlive the wasm instance:
// - the custom element class and its lifecycle (connect, move, remove,
//   attribute and `movie` property changes), lazy start near the viewport;
// - the early requests for the data of the cards already in the page (at
//   the end of this file), made while the wasm still loads;
// - start-up of the wasm, and its containment: if the instance traps, every
//   card shows a box whose button starts a fresh instance and mounts every
//   card again with its state;
// - the card's stylesheet (one file of the embed folder, loaded once, and
//   adopted into every shadow root by takeover.js's `styleRoot`), whose URL
//   is the embed folder the locale files are fetched from;
// - the element's page API (`progress`, `revealed`, `reveal`, `hide`) and
//   its events (`emit`).
// Which source a card reads, the requests for movie data and the `movie`
// property as JSON text are in data.js (`cardSource`, `fetchMovie`,
// `timeoutSeconds`, `movieJson`); the take-over of a prerendered card
// (`spoiler-card render`), behind `place`, is in takeover.js.
//
// The seam with Rust (src/embed/, src/load.rs, src/seam.rs), this file,
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

import { cardSource, requestEarly, requestFilesEarly, setEmbedFolder, setLimits, setMovie } from './data.js';
import { prerenderedIn, setStyles, styleRoot, takeOver } from './takeover.js';

const OBSERVED = ['src', 'progress', 'remember', 'heading-level', 'lang', 'strings'];

// Cards start when they come within this distance of the viewport.
const LAZY_MARGIN_PX = 600;
// How long cards wait for the stylesheet before they start with a <link>
// to it instead.
const STYLES_WAIT_MS = 3000;

// ---- the engine: the one wasm instance every card on the page shares ----

// `mount` of the running instance; null before start and after a trap.
let mount = null;
// The texts of the box a stopped card shows, with their direction
// (English from Rust at start, and each card's own once its words are
// read: `keepWords`), so that they are here after a trap. (Its language
// is the element's, inherited.)
let words = { heading: '', summary: '', button: '', dir: 'ltr' };
// The height an unstarted card holds (RESERVED_HEIGHT_REM in src/facts.rs).
let reservedHeight = '';
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
let engine = 0;
// Was the element class defined by this copy of the module?
let defined = false;
// Cards mounted by the engine, or showing the stopped box.
const started = new Set();

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
function guard(call) {
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

function restart() {
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

export function keptState(host) {
  return cards.get(host)?._kept;
}

export function keepState(host, text, from) {
  if (from === engine) stateOf(host)._kept = text;
}

export function keepWords(host, texts, from) {
  if (from === engine) stateOf(host)._words = texts;
}

// An event of the card, from its element, in a microtask: a listener that
// throws does so on its own stack, never on the card's.
export function emit(host, type, detail, from) {
  const live = () => mount && from === engine;
  if (live()) queueMicrotask(() => live() && host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail })));
}

// Minutes from what a page script set: a number, or numeric text (never a
// throw on a Symbol or an object); null if it is none.
function minutesFrom(value) {
  const number = typeof value === 'string' && value.trim() ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return null;
  return Math.min(Math.round(number), 0xffff);
}

export function place(host, container, how, from) {
  // (A stopped instance may still finish a task: it no longer owns the card.)
  if (mount && from === engine) takeOver(host, container, how);
}

// ---- the element ----------------------------------------------------------

// Each card's own state, private to this module (nothing is stored on the
// element): its handle into the engine, whether it waits to come near the
// viewport, its `movie` value, a progress the page set before it started,
// the observer of its inline data, the update it has queued, and what the
// engine keeps on it (`keepState`, `keepWords`).
const cards = new WeakMap();
function stateOf(card) {
  let state = cards.get(card);
  if (!state) {
    state = { _handle: null, _waiting: false, _movie: undefined, _progress: null, _children: null, _queued: false, _kept: undefined, _words: null };
    cards.set(card, state);
  }
  return state;
}

// Cards connected before the engine runs (a page that defined the element
// itself): they start when it does.
const early = new Set();

const lazy = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        lazy.unobserve(entry.target);
        startCard(entry.target);
      }
    }
  }, { rootMargin: `${LAZY_MARGIN_PX}px 0px` })
  : null;

// Lazy cards connected in the same task are measured together, once their
// space is reserved: those already near the viewport start at once (the
// observer's first report would come a frame later); the rest wait for the
// observer.
let unmeasured = [];
function measure() {
  const waiting = unmeasured;
  unmeasured = [];
  for (const card of waiting) {
    if (!stateOf(card)._waiting) continue;
    if (isNear(card)) startCard(card);
    else lazy.observe(card);
  }
}

/**
 * What the card reads changed (an attribute, its inline data): the card
 * reads it all again once, in a microtask, however many changes came in
 * this task. (So a read in the same task, `el.progress` after
 * `setAttribute('progress', …)`, sees the card as it was before them.)
 */
function queueUpdate(card) {
  const state = stateOf(card);
  if (!state._handle || state._queued) return;
  state._queued = true;
  queueMicrotask(() => {
    state._queued = false;
    if (state._handle) guard(() => state._handle.update());
  });
}

/**
 * `<spoiler-card>`: the spoiler-safe movie card. Its behaviour is the one
 * wasm instance every card on the page shares; `define()` registers it
 * (the loader does, when the engine starts).
 */
export class SpoilerCardElement extends HTMLElement {
  static get observedAttributes() { return OBSERVED; }

  /**
   * Registers the class as `spoiler-card`, once (a second call, or a
   * second copy of the bundle on the page, changes nothing). Cards
   * connected before the engine runs wait for it. True if it registered.
   */
  static define() {
    if (customElements.get('spoiler-card')) return false;
    customElements.define('spoiler-card', SpoilerCardElement);
    return true;
  }

  constructor() {
    super();
    const state = stateOf(this);
    // `el.movie = …` (or `el.progress`) set before the element was
    // defined is an own property that would hide the accessor: take it over.
    for (const name of ['movie', 'progress']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    // Inline data added, edited or removed applies, like an attribute.
    state._children = new MutationObserver(() => queueUpdate(this));
  }

  /** The movie data object, as an alternative to `src`. */
  get movie() { return stateOf(this)._movie; }

  // (At once, not batched: the page's calls right after new data are for
  // the new card.)
  set movie(value) {
    const state = stateOf(this);
    state._movie = value;
    setMovie(this, value);
    if (state._handle) guard(() => state._handle.update());
  }

  /**
   * The watch progress in minutes (null before the card has a movie and
   * none was set). Setting it moves the card there: never remembered,
   * never a `spoiler-card:progress` event, never reflected into the
   * `progress` attribute.
   */
  get progress() {
    const state = stateOf(this);
    const minutes = state._handle ? guard(() => state._handle.progress()) : state._progress;
    return minutes ?? null;
  }

  set progress(value) {
    const minutes = minutesFrom(value);
    if (minutes === null) {
      console.warn('[spoiler-card] progress: not a number of minutes');
      return;
    }
    const state = stateOf(this);
    if (state._handle) guard(() => state._handle.setProgress(minutes));
    else state._progress = minutes;
  }

  /** What the reader (or the page) revealed by hand, by name: `plot`, `everything`, `event:<key>`, `arc:<key>`. */
  get revealed() {
    const { _handle: handle } = stateOf(this);
    return (handle && guard(() => handle.revealed())) || [];
  }

  /** Reveals `plot`, `everything`, or one event or arc by name; false if the card has no such thing (or no movie yet). Never remembered, no event. */
  reveal(name) {
    const { _handle: handle } = stateOf(this);
    return typeof name === 'string' && name.length <= 256 && !!handle && guard(() => handle.reveal(name)) === true;
  }

  /** Hides everything revealed by hand. Never remembered, no event. */
  hide() {
    const { _handle: handle } = stateOf(this);
    if (handle) guard(() => handle.hide());
  }

  connectedCallback() {
    const state = stateOf(this);
    state._children.observe(this, { childList: true, subtree: true, characterData: true });
    if (state._handle || started.has(this)) return; // moved: still mounted
    if (lazy && !this.hasAttribute('eager')) {
      state._waiting = true;
      reserve(this);
      if (unmeasured.push(this) === 1) queueMicrotask(measure);
    } else {
      startCard(this);
    }
  }

  disconnectedCallback() {
    const state = stateOf(this);
    if (state._waiting) {
      lazy.unobserve(this);
      state._waiting = false;
    }
    // A move disconnects and connects again in the same task: only a card
    // still detached afterwards is unmounted.
    queueMicrotask(() => {
      if (this.isConnected) return;
      started.delete(this);
      early.delete(this);
      state._children.disconnect();
      const { _handle: handle } = state;
      state._handle = null;
      if (handle) {
        guard(() => {
          handle.unmount();
          handle.free();
        });
      }
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after) queueUpdate(this);
  }
}

// Until a lazy card starts, an empty shadow root with a box of about a
// card's height: the page does not jump, and cards further down stay out
// of the observer's reach instead of all piling up at height 0. (CSSOM
// styles, which a strict CSP allows, unlike style attributes.)
function reserve(card) {
  const root = card.shadowRoot || card.attachShadow({ mode: 'open' });
  if (root.firstChild) return;
  const box = document.createElement('div');
  box.style.minHeight = reservedHeight;
  root.append(box);
}

function startCard(card) {
  const state = stateOf(card);
  state._waiting = false;
  if (state._handle || !card.isConnected) return;
  if (!mount && !defined) {
    // The page defined the element before the engine ran: wait for it.
    early.add(card);
    return;
  }
  const root = card.shadowRoot || card.attachShadow({ mode: 'open' });
  started.add(card);
  if (!mount) {
    showStopped(card);
    return;
  }
  // A prerendered card stays, styled by its own <link>, until the live
  // card takes its place.
  const prerendered = prerenderedIn(root);
  state._handle = guard(() => mount(card, root, engine)) || null;
  // A progress the page set before the card started.
  if (state._handle && state._progress != null) guard(() => state._handle.setProgress(state._progress));
  state._progress = null;
  if (!prerendered) styleRoot(root);
}

// The engine stopped: the handle belongs to a dead instance (never called
// again), and the card says so, with a restart.
function showStopped(card) {
  const state = stateOf(card);
  state._handle = null;
  const root = card.shadowRoot;
  if (!root) return;
  const { heading, summary, button: action, dir } = state._words || words;
  const box = element('div', 'card error-box stopped', '');
  box.setAttribute('role', 'alert');
  box.dir = dir;
  box.part = 'error';
  const button = element('button', 'button retry', action);
  button.onclick = () => {
    button.disabled = true;
    restart();
  };
  box.append(element('p', 'error-title', heading), element('p', 'error-summary', summary), button);
  const prerendered = prerenderedIn(root);
  if (prerendered) {
    // The card as published stays readable, the box (and no notice of the
    // dead instance) inside it.
    for (const node of prerendered.querySelectorAll(':scope > .root, :scope > .stopped')) node.remove();
    prerendered.prepend(box);
  } else {
    styleRoot(root);
    root.replaceChildren(...[...root.children].filter((node) => node.localName === 'link'), box);
  }
}

// A restarted engine mounts the card again, with its kept state.
function restartCard(card) {
  stateOf(card)._handle = null;
  const prerendered = card.shadowRoot && prerenderedIn(card.shadowRoot);
  prerendered?.querySelector(':scope > .stopped')?.remove();
  started.delete(card);
  if (card.isConnected) startCard(card);
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

function element(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

function isNear(element) {
  const box = element.getBoundingClientRect();
  return box.top < innerHeight + LAZY_MARGIN_PX && box.bottom > -LAZY_MARGIN_PX;
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
