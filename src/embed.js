// <spoiler-card>: the element's JavaScript side. It owns what must be
// JavaScript or must outlive the wasm instance:
// - the custom element class and its lifecycle (connect, move, remove,
//   attribute and `movie` property changes), lazy start near the viewport;
// - the requests for movie data (one per URL, 10 s timeout), including the
//   early ones made while the wasm still loads;
// - the `movie` property turned into JSON text, inside a `try`;
// - start-up of the wasm, and its containment: if the instance traps, every
//   card shows a box whose button starts a fresh instance and mounts every
//   card again with its state;
// - the card's stylesheet (one file of the embed folder, loaded once,
//   adopted into every shadow root), and the take-over of a prerendered card
//   (`spoiler-card render`): it stays until the live card shows the movie,
//   then the live card takes its place, keeping focus and a click that came
//   early.
//
// The seam with Rust (src/embed.rs, src/load.rs):
//   JS -> Rust  mount(host, root) -> handle; handle.update(); handle.unmount();
//               handle.free()  (every call guarded: an exception means the
//               instance is gone)
//   Rust -> JS  defineSpoilerCard(mount, words, limits)  at wasm start;
//               fetchMovie(url) -> [code, text] | Promise of it;
//               movieSource(host) -> [version, json text | null, error | null];
//               keepState(host, text): the card's live state after each
//               render; keptState(host) hands it back when the card mounts
//               again (after a move, or a restart of the engine);
//               place(host, container, shown): where the live card of a
//               prerendered one goes (0 nothing yet, 1 a notice inside the
//               prerendered card, 2 the card in its place).

const OBSERVED = ['src', 'progress', 'remember', 'heading-level'];

// Cards start when they come within this distance of the viewport.
const LAZY_MARGIN_PX = 600;
// Space a card holds before it starts.
const RESERVED_HEIGHT = '24rem';
// How long a request for movie data may take before the card gives up.
const TIMEOUT_MS = 10000;

// Requests for movie data, by absolute URL, made before a card asked (see
// the end of this file). Each is taken by the first card that asks. Shared
// with a second copy of the bundle on the page, so neither asks twice.
const early = (globalThis[Symbol.for('spoiler-card:early')] ??= new Map());

// Starts a request; its answer is [code, text]: code 0 with the text,
// an HTTP status, -1 for the timeout or -2 for a network failure.
function request(url) {
  // The browser's own timer aborts the request and the body read. A
  // browser without AbortSignal.timeout (before 2022) waits as long as it
  // takes.
  const signal = AbortSignal.timeout ? AbortSignal.timeout(TIMEOUT_MS) : undefined;
  const entry = {};
  entry.promise = fetch(url, { signal })
    .then((response) => (response.ok ? response.text().then((text) => [0, text]) : [response.status, '']))
    .catch(() => [signal && signal.aborted ? -1 : -2, ''])
    .then((answer) => (entry.answer = answer));
  return entry;
}

/** The movie data at `url`: the answer if it is already there, else a promise of it. */
export function fetchMovie(url) {
  const entry = early.get(url) || request(url);
  early.delete(url);
  return entry.answer || entry.promise;
}

// ---- the engine: the one wasm instance every card on the page shares ----

// `mount` of the running instance; null before start and after a trap.
let mount = null;
// The texts of the box a stopped card shows, and the data limits (from
// Rust, at start, so that they are here after a trap).
let words = ['', '', ''];
let limits = [Infinity, Infinity];
// Starts a fresh instance (set by `start`); the instance then calls
// defineSpoilerCard again.
let restartEngine = null;
let restarting = false;
// The URLs of the .wasm and of the running instance's glue: a trap reported
// to the page has the first on its stack (the trapping function is on top),
// or the second (a trap at the boundary, where the glue called in).
let wasmUrl = null;
let engineUrl = null;
// Was the element class defined by this copy of the module?
let defined = false;
// Cards mounted by the engine, or showing the stopped box.
const started = new Set();
// The card's stylesheet, constructed once from its file (or, where a
// browser cannot construct one, its URL for a <link>).
let sheet = null;
let sheetUrl = null;

/**
 * Starts the wasm: called by the loader (embed/spoiler-card.js) with the
 * glue's URL, the response promise of the .wasm it already requested, and
 * the stylesheet's URL and response promise. The module is compiled here,
 * once: a restart instantiates it again.
 */
export function start(glueUrl, wasm, cssUrl, css) {
  sheetUrl = cssUrl;
  // Served with the other hashed files (cacheable for ever), the file a
  // prerendered card links is the one fetched here: one download.
  const styles = css.then((response) => response.text()).then((text) => {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
    } catch {
      sheet = null; // no constructable stylesheets: each card links the file
    }
  }).catch(() => {});
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
  for (const card of started) card._stopped();
}

function restart() {
  if (restarting || mount || !restartEngine) return;
  restarting = true;
  restartEngine()
    .catch((error) => {
      console.error('[spoiler-card] could not restart:', error);
      for (const card of started) card._stopped(); // its button again
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

// ---- the `movie` property -------------------------------------------------

let movieVersion = 0;

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

function readMovie(value) {
  if (value === undefined || value === null) return [0, null, null];
  movieVersion += 1;
  const [maxValues, maxBytes] = limits;
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

export function movieSource(host) {
  return host._movieSource || [0, null, null];
}

export function keptState(host) {
  return host._kept;
}

export function keepState(host, text) {
  host._kept = text;
}

/** The prerendered card in a shadow root (stamped with its version and data), if any. */
function prerenderedIn(root) {
  return [...root.children].find((node) => node.matches('.root[data-sc-version]'));
}

export function place(host, container, shown) {
  const root = host.shadowRoot;
  const prerendered = root && prerenderedIn(root);
  if (!prerendered) return; // taken over already
  if (shown === 2) {
    // The same control keeps focus, and a click that came before the
    // card was live happens now.
    const focused = root.activeElement && root.activeElement.id;
    const clicked = host._early;
    host._early = null;
    prerendered.replaceWith(container);
    const find = (id) => id && container.querySelector(`#${CSS.escape(id)}`);
    find(focused)?.focus();
    find(clicked)?.click();
  } else if (shown === 1) {
    if (container.parentNode !== prerendered) prerendered.prepend(container);
  } else {
    container.remove();
  }
}

// ---- the element ----------------------------------------------------------

export function defineSpoilerCard(mountCard, texts, dataLimits) {
  words = texts;
  limits = dataLimits;
  if (defined) {
    // The running instance registering again changes nothing.
    if (mount) return false;
    // A restarted instance: mount every card again, with its kept state.
    mount = mountCard;
    for (const card of [...started]) card._restart();
    return true;
  }
  // A second copy of the bundle on the same page: the first one wins.
  if (customElements.get('spoiler-card')) return false;
  mount = mountCard;
  defined = true;

  const lazy = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          lazy.unobserve(entry.target);
          entry.target._start();
        }
      }
    }, { rootMargin: `${LAZY_MARGIN_PX}px 0px` })
    : null;

  // Lazy cards connected in the same task are measured together, once
  // their space is reserved: those already near the viewport start at once
  // (the observer's first report would come a frame later); the rest wait
  // for the observer.
  let unmeasured = [];
  const measure = () => {
    const cards = unmeasured;
    unmeasured = [];
    for (const card of cards) {
      if (!card._waiting) continue;
      if (isNear(card)) card._start();
      else lazy.observe(card);
    }
  };

  class SpoilerCardElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }

    constructor() {
      super();
      this._handle = null;
      this._waiting = false;
      this._movie = undefined;
      // Inline data added, edited or removed applies, like an attribute.
      this._children = new MutationObserver(() => {
        if (this._handle) guard(() => this._handle.update());
      });
      // `el.movie = …` set before the element was defined is an own
      // property that would hide the accessor: take it over.
      if (Object.prototype.hasOwnProperty.call(this, 'movie')) {
        const value = this.movie;
        delete this.movie;
        this.movie = value;
      }
    }

    /** The movie data object, as an alternative to `src`. */
    get movie() { return this._movie; }

    set movie(value) {
      this._movie = value;
      this._movieSource = movieJson(value, this._movieSource);
      if (this._handle) guard(() => this._handle.update());
    }

    connectedCallback() {
      this._children.observe(this, { childList: true, subtree: true, characterData: true });
      if (this._handle || started.has(this)) return; // moved: still mounted
      if (lazy && !this.hasAttribute('eager')) {
        this._waiting = true;
        this._reserve();
        if (unmeasured.push(this) === 1) queueMicrotask(measure);
      } else {
        this._start();
      }
    }

    disconnectedCallback() {
      if (this._waiting) {
        lazy.unobserve(this);
        this._waiting = false;
      }
      // A move disconnects and connects again in the same task: only a
      // card still detached afterwards is unmounted.
      queueMicrotask(() => {
        if (this.isConnected) return;
        started.delete(this);
        this._children.disconnect();
        const handle = this._handle;
        this._handle = null;
        if (handle) {
          guard(() => {
            handle.unmount();
            handle.free();
          });
        }
      });
    }

    attributeChangedCallback() {
      if (this._handle) guard(() => this._handle.update());
    }

    // Until a lazy card starts, an empty shadow root with a box of about a
    // card's height: the page does not jump, and cards further down stay
    // out of the observer's reach instead of all piling up at height 0.
    // (CSSOM styles, which a strict CSP allows, unlike style attributes.)
    _reserve() {
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      if (root.firstChild) return;
      const box = document.createElement('div');
      box.style.minHeight = RESERVED_HEIGHT;
      root.append(box);
    }

    _start() {
      this._waiting = false;
      if (this._handle || !this.isConnected) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      started.add(this);
      if (!mount) {
        this._stopped();
        return;
      }
      const prerendered = prerenderedIn(root);
      if (prerendered && !this._listening) {
        // Its own <link> styles it. A click on one of its controls before
        // the take-over is kept for the live card.
        this._listening = true;
        root.addEventListener('click', (event) => {
          if (!prerenderedIn(root)) return;
          this._early = event.composedPath().find((node) => node.nodeName === 'BUTTON' && node.id)?.id ?? null;
        });
      }
      this._handle = guard(() => mount(this, root)) || null;
      if (!prerendered) this._style(root);
    }

    // The card's stylesheet into its shadow root: adopted, or linked.
    _style(root) {
      if (sheet) {
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } else if (sheetUrl && ![...root.children].some((node) => node.localName === 'link')) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = sheetUrl;
        root.prepend(link);
      }
    }

    // The engine stopped: the handle belongs to a dead instance (never
    // called again), and the card says so, with a restart.
    _stopped() {
      this._handle = null;
      const root = this.shadowRoot;
      if (!root) return;
      this._style(root);
      const [heading, summary, action] = words;
      const box = element('div', 'card error-box stopped', '');
      box.setAttribute('role', 'alert');
      box.part = 'error';
      const button = element('button', 'button retry', action);
      button.onclick = () => {
        button.disabled = true;
        restart();
      };
      box.append(element('p', 'error-title', heading), element('p', 'error-summary', summary), button);
      root.replaceChildren(...[...root.children].filter((node) => node.localName === 'link'), box);
    }

    _restart() {
      this._handle = null;
      started.delete(this);
      if (this.isConnected) this._start();
    }
  }

  customElements.define('spoiler-card', SpoilerCardElement);
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
// a little further down may be asked for early too.
for (const card of document.querySelectorAll('spoiler-card[src]')) {
  if (card.querySelector(':scope > script[type="application/json"]') || card.movie !== undefined) continue;
  if (!card.hasAttribute('eager') && !isNear(card)) continue;
  const src = card.getAttribute('src').trim();
  if (!src) continue; // an empty src is no data, not the page itself
  let url;
  try { url = new URL(src, document.baseURI).href; } catch { continue; }
  if (!early.has(url)) early.set(url, request(url));
}
