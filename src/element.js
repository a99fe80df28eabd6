// <spoiler-card>'s element: the class (`SpoilerCardElement`, exported, and
// re-exported by embed.js, the module the loader imports), each card's
// state (one object in `cards`: nothing is stored on the element), its
// lifecycle, lazy start near the viewport (`LAZY_MARGIN_PX`), the reserve
// of an unstarted card, the updates batched in a microtask, the stopped box
// and the restart of one card. embed.js owns the engine every card shares
// (`mount`, `engine`, start-up, trap containment) and the seam with Rust;
// Rust calls `keptState`, `keepState` and `keepWords` here.

import { setMovie } from './data.js';
import { prerenderedIn, styleRoot } from './takeover.js';
// (A cycle: embed.js imports this module too. Nothing here reads embed.js's
// bindings while the modules load; they are live, read when a card runs.)
import { defined, engine, guard, mount, reservedHeight, restart, started, words } from './embed.js';

export const OBSERVED = ['src', 'progress', 'remember', 'heading-level', 'lang', 'strings'];

// Cards start when they come within this distance of the viewport.
const LAZY_MARGIN_PX = 600;

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
export const early = new Set();

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

export function startCard(card) {
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
export function showStopped(card) {
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
export function restartCard(card) {
  stateOf(card)._handle = null;
  const prerendered = card.shadowRoot && prerenderedIn(card.shadowRoot);
  prerendered?.querySelector(':scope > .stopped')?.remove();
  started.delete(card);
  if (card.isConnected) startCard(card);
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

// Minutes from what a page script set: a number, or numeric text (never a
// throw on a Symbol or an object); null if it is none.
function minutesFrom(value) {
  const number = typeof value === 'string' && value.trim() ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return null;
  return Math.min(Math.round(number), 0xffff);
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

export function isNear(element) {
  const box = element.getBoundingClientRect();
  return box.top < innerHeight + LAZY_MARGIN_PX && box.bottom > -LAZY_MARGIN_PX;
}
