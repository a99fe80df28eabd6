// <spoiler-card>: the custom element's lifecycle, wired to Rust.
// Everything else lives in src/embed.rs; JS is only needed because a
// custom element must be a class.

const OBSERVED = ['src', 'progress', 'theme', 'remember', 'heading-level'];

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

export function defineSpoilerCard(mount) {
  // A second copy of the bundle on the same page: the first one wins.
  if (customElements.get('spoiler-card')) return false;

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
      // `el.movie = …` set before the element was defined is an own
      // property that would hide the accessor: take it over.
      if (Object.prototype.hasOwnProperty.call(this, 'movie')) {
        const early = this.movie;
        delete this.movie;
        this._movie = early;
      }
    }

    /** The movie data object, as an alternative to `src`. */
    get movie() { return this._movie; }

    set movie(value) {
      this._movie = value;
      if (this._handle) this._handle.update();
    }

    connectedCallback() {
      if (this._handle) return; // moved: still mounted
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
        if (!this.isConnected && this._handle) {
          const handle = this._handle;
          this._handle = null;
          handle.unmount();
          handle.free();
        }
      });
    }

    attributeChangedCallback() {
      if (this._handle) this._handle.update();
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
      this._handle = mount(this, root);
    }
  }

  customElements.define('spoiler-card', SpoilerCardElement);
  return true;
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
  let url;
  try { url = new URL(card.getAttribute('src').trim(), document.baseURI).href; } catch { continue; }
  if (!early.has(url)) early.set(url, request(url));
}
