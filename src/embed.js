// <spoiler-card>: the custom element's lifecycle, wired to Rust.
// Everything else lives in src/embed.rs; JS is only needed because a
// custom element must be a class.

const OBSERVED = ['src', 'progress', 'theme', 'remember', 'heading-level'];

// Cards start when they come within this distance of the viewport.
const LAZY_MARGIN = '600px 0px';
// Space a card holds before it starts.
const RESERVED_HEIGHT = '24rem';

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
    }, { rootMargin: LAZY_MARGIN })
    : null;

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
        lazy.observe(this);
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
