// <spoiler-card-studio>'s element: the class, registered once, with the
// `movie` property and `render()`; the form itself is Rust's (mount). Its
// state lives in `studios`, nothing on the element. Rust calls `emitChange`
// when the author changes the movie.

const studios = new WeakMap();

/** Registers the element; `mount(host, root)` starts a studio in `root`. */
export function defineStudio(mount, css) {
  if (customElements.get('spoiler-card-studio')) return;
  let sheet = null;
  class SpoilerCardStudioElement extends HTMLElement {
    connectedCallback() {
      // A `movie` set before the element was defined is an own property
      // that hides the class's: taken in as if set now.
      if (Object.prototype.hasOwnProperty.call(this, 'movie')) {
        const value = this.movie;
        delete this.movie;
        this.movie = value;
      }
      const state = studios.get(this) || {};
      studios.set(this, state);
      if (state.handle) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
      }
      root.adoptedStyleSheets = [sheet];
      state.handle = mount(this, root);
      if (state.pending !== undefined) state.handle.setMovieJson(state.pending);
      state.pending = undefined;
    }

    /** The movie as the author has written it (a plain object). */
    get movie() {
      const state = studios.get(this);
      if (state?.handle) return JSON.parse(state.handle.movieJson());
      return state?.pending === undefined ? undefined : JSON.parse(state.pending);
    }

    /** Opens a movie (any value JSON can hold; the studio says what is wrong). */
    set movie(value) {
      const json = JSON.stringify(value ?? null);
      const state = studios.get(this) || {};
      studios.set(this, state);
      if (state.handle) state.handle.setMovieJson(json);
      else state.pending = json;
    }

    /**
     * The movie as a file holds it: pretty JSON, keys in a stable order and
     * the fields the card does not know kept (while the movie has errors,
     * the document as written so far; before the element is in a page, the
     * movie as it was set, compact).
     */
    jsonText() {
      const state = studios.get(this);
      if (state?.handle) return state.handle.jsonText();
      return state?.pending;
    }

    /**
     * A promise of the prerendered fragment of the movie, as `spoiler-card
     * render` makes it: { src, embed, progress, theme, headingLevel, lang }.
     */
    render(options = {}) {
      const state = studios.get(this);
      if (!state?.handle) return Promise.reject(new Error('the studio is not in the page yet'));
      return state.handle.render(options);
    }
  }
  customElements.define('spoiler-card-studio', SpoilerCardStudioElement);
}

/** Tells the page that the author changed the movie. */
export function emitChange(host, json) {
  host.dispatchEvent(new CustomEvent('spoiler-card-studio:change', {
    detail: { movie: JSON.parse(json) },
    bubbles: true,
    composed: true,
  }));
}
