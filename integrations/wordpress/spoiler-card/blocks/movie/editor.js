// The block "Spoiler card" in the block editor: a movie picked with a
// search, the card's options in the sidebar, and the real card as the
// preview. When the post is saved, each card of the post is prerendered by
// the card studio's render() (the renderer of `spoiler-card render`) and
// stored with the post, under the hash of what it was made from; the page
// prints it only while all of that still matches.
(function (wp) {
  const { registerBlockType } = wp.blocks;
  const { createElement: el, useState, useEffect } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, ComboboxControl, TextControl, SelectControl, Placeholder } = wp.components;
  const { __, sprintf } = wp.i18n;
  const apiFetch = wp.apiFetch;
  const { addQueryArgs } = wp.url;
  const settings = window.spoilerCardEditor || { restRoot: '/wp-json/', siteLang: 'en' };

  /** Movies matching `search` (and the chosen one), as the picker lists them. */
  function useMovies(search, chosen) {
    const [movies, setMovies] = useState([]);
    useEffect(() => {
      let live = true;
      const requests = [apiFetch({ path: addQueryArgs('/spoiler-card/v1/movies', { search }) })];
      if (chosen) requests.push(apiFetch({ path: addQueryArgs('/spoiler-card/v1/movies', { include: chosen }) }));
      Promise.all(requests)
        .then((lists) => {
          if (!live) return;
          const seen = new Map();
          for (const movie of lists.flat()) seen.set(movie.id, movie);
          setMovies([...seen.values()]);
        })
        .catch(() => live && setMovies([]));
      return () => { live = false; };
    }, [search, chosen]);
    return movies;
  }

  function label(movie) {
    let text = movie.year ? `${movie.title} (${movie.year})` : movie.title;
    if (movie.status !== 'publish') text += ` — ${movie.status}`;
    return text;
  }

  function MoviePicker({ value, onChange }) {
    const [search, setSearch] = useState('');
    const movies = useMovies(search, value);
    return el(ComboboxControl, {
      label: __('Movie', 'spoiler-card'),
      help: __('Type to search the Movies. New ones are written under Movies → Add New.', 'spoiler-card'),
      value: value || null,
      options: movies.map((m) => ({ value: m.id, label: label(m) })),
      onChange: (id) => onChange(id ? Number(id) : 0),
      onFilterValueChange: setSearch,
    });
  }

  function Edit({ attributes, setAttributes }) {
    const blockProps = useBlockProps();
    const { movie, progress, theme, headingLevel, remember, lang } = attributes;
    const nonce = apiFetch.nonceMiddleware && apiFetch.nonceMiddleware.nonce;
    const src = movie ? addQueryArgs(`${settings.restRoot}spoiler-card/v1/movies/${movie}`, nonce ? { _wpnonce: nonce } : {}) : '';
    const cardAttributes = { src, remember: 'none', key: `${movie}` };
    if (progress !== undefined && progress !== null) cardAttributes.progress = String(progress);
    if (theme) cardAttributes.theme = theme;
    if (headingLevel) cardAttributes['heading-level'] = String(headingLevel);
    if (lang) cardAttributes.lang = lang;
    const sidebar = el(InspectorControls, {},
      el(PanelBody, { title: __('Card', 'spoiler-card') },
        el(MoviePicker, { value: movie, onChange: (id) => setAttributes({ movie: id }) }),
        el(TextControl, {
          label: __('Watched up to (minutes)', 'spoiler-card'),
          help: __('The reader\'s starting progress: events up to here show. Empty: not started.', 'spoiler-card'),
          type: 'number',
          min: 0,
          value: progress === undefined || progress === null ? '' : String(progress),
          onChange: (v) => setAttributes({ progress: v === '' ? undefined : Math.max(0, parseInt(v, 10) || 0) }),
        }),
        el(SelectControl, {
          label: __('Theme', 'spoiler-card'),
          value: theme || '',
          options: [
            { label: __('Follow the reader\'s system', 'spoiler-card'), value: '' },
            { label: __('Light', 'spoiler-card'), value: 'light' },
            { label: __('Dark', 'spoiler-card'), value: 'dark' },
          ],
          onChange: (v) => setAttributes({ theme: v }),
        }),
        el(SelectControl, {
          label: __('Heading level of the title', 'spoiler-card'),
          value: headingLevel ? String(headingLevel) : '',
          options: [{ label: __('Default (2)', 'spoiler-card'), value: '' }, ...[1, 2, 3, 4, 5, 6].map((n) => ({ label: `H${n}`, value: String(n) }))],
          onChange: (v) => setAttributes({ headingLevel: v ? Number(v) : undefined }),
        }),
        el(SelectControl, {
          label: __('Remembered between visits', 'spoiler-card'),
          value: remember || '',
          options: [
            { label: __('Default (the progress)', 'spoiler-card'), value: '' },
            { label: __('Nothing', 'spoiler-card'), value: 'none' },
            { label: __('The progress', 'spoiler-card'), value: 'progress' },
            { label: __('The progress and what was revealed', 'spoiler-card'), value: 'all' },
          ],
          onChange: (v) => setAttributes({ remember: v }),
        }),
        el(TextControl, {
          label: __('Language', 'spoiler-card'),
          help: sprintf(__('A language tag (de, fr-CA). Empty: the site\'s (%s).', 'spoiler-card'), settings.siteLang),
          value: lang || '',
          onChange: (v) => setAttributes({ lang: v.trim() }),
        }),
      ));
    if (!movie) {
      return el('div', blockProps, sidebar,
        el(Placeholder, { icon: 'format-video', label: __('Spoiler card', 'spoiler-card'), instructions: __('Choose the movie this card shows.', 'spoiler-card') },
          el(MoviePicker, { value: movie, onChange: (id) => setAttributes({ movie: id }) })));
    }
    return el('div', blockProps, sidebar, el('spoiler-card', cardAttributes));
  }

  registerBlockType('spoiler-card/movie', {
    edit: Edit,
    // Dynamic: the server renders it, so nothing is saved but the comment.
    save: () => null,
  });

  // ---- prerendering when the post is saved ----
  let studio = null;
  /** A studio kept out of sight: its render() is the card's renderer. */
  async function renderer() {
    await customElements.whenDefined('spoiler-card-studio');
    if (!studio) {
      studio = document.createElement('spoiler-card-studio');
      studio.hidden = true;
      studio.setAttribute('draft-key', 'wp-block-editor-prerender');
      document.body.append(studio);
    }
    return studio;
  }

  async function prerender(postId) {
    const cards = await apiFetch({ path: `/spoiler-card/v1/posts/${postId}/cards` });
    const fragments = [];
    if (cards.length) {
      const render = await renderer();
      for (const card of cards) {
        try {
          render.movie = JSON.parse(card.movie);
          fragments.push({ hash: card.hash, html: await render.render(card.options) });
        } catch (e) {
          // The movie has errors, or the progress is past its end: this
          // card stays live (the card then says what is wrong).
          console.warn('spoiler-card: not prerendered:', e && e.message ? e.message : e);
        }
      }
    }
    await apiFetch({ path: `/spoiler-card/v1/posts/${postId}/fragments`, method: 'POST', data: { fragments } });
  }

  let wasSaving = false;
  wp.data.subscribe(() => {
    const editor = wp.data.select('core/editor');
    if (!editor || !editor.getCurrentPostId) return;
    const saving = editor.isSavingPost() && !editor.isAutosavingPost();
    if (wasSaving && !saving && editor.didPostSaveRequestSucceed()) {
      const postId = editor.getCurrentPostId();
      prerender(postId).catch((e) => console.warn('spoiler-card: prerendering failed:', e && e.message ? e.message : e));
    }
    wasSaving = saving;
  });
}(window.wp));
