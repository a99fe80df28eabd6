// The element's public API, described once: attributes, properties,
// methods, events, CSS parts, CSS custom properties and the fallback
// content. It feeds custom-elements.json, the TypeScript declarations and
// the README's tables (scripts/package.mjs); tests/package checks it
// against the code (embed.js's observed attributes and accessors, the
// events Rust dispatches, the parts the components render, the custom
// properties the stylesheet reads).

export const TAG = 'spoiler-card';
export const CLASS = 'SpoilerCardElement';
export const SUMMARY = 'A spoiler-safe movie card: the facts and a spoiler-free synopsis at once; the plot, the ending, the timeline and the characters\' arcs only when the reader asks.';

// `type` is TypeScript; `values` and `default` are what the README shows
// (`default`, without its backquotes, is the manifest's). No attribute is
// a property's reflection (`progress` takes h:mm, `el.progress` minutes).
export const ATTRIBUTES = [
  { name: 'src', type: 'string', values: 'URL', default: '—',
    description: 'the movie JSON, fetched with a 10 s timeout (CORS applies when it is on another origin)' },
  { name: 'progress', type: 'string', values: 'minutes (`45`) or `h:mm` (`0:45`)', default: '`0`',
    description: 'the reader\'s starting place in the film; a later change applies' },
  { name: 'theme', type: "'light' | 'dark' | 'auto'", values: '`light`, `dark`, `auto`', default: '`auto`',
    description: '`auto` follows `prefers-color-scheme`' },
  { name: 'remember', type: "'none' | 'progress' | 'all'", values: '`none`, `progress`, `all`', default: '`progress`',
    description: 'what is remembered between visits (see *Remembering*)' },
  { name: 'heading-level', type: "'1' | '2' | '3' | '4' | '5' | '6'", values: '`1`…`6`', default: '`2`',
    description: 'level of the card\'s title; its sections use the next level' },
  { name: 'eager', type: 'boolean', values: '*(boolean)*', default: 'absent',
    description: 'start at once; otherwise a card starts when it comes within 600 px of the viewport, like `loading="lazy"`' },
  { name: 'lang', type: 'string', values: 'a language tag (`de`, `pt-BR`)', default: 'the nearest ancestor\'s, else the page\'s',
    description: 'the card\'s language (see *Language*); a later change applies' },
  { name: 'strings', type: 'string', values: 'URL', default: '—',
    description: 'a strings file whose texts replace the card\'s (see *Language*)' },
];

// Properties and methods of the element (its own; not HTMLElement's).
export const PROPERTIES = [
  { name: 'movie', type: 'Movie | null | undefined',
    description: 'the movie data object (schema 1, the same as the JSON), instead of `src`; it wins over inline data, which wins over `src`. Any value is accepted and checked: a wrong one shows the error box with every problem' },
  { name: 'progress', type: 'number | null', setter: 'number | `${number}` | null',
    description: 'the watch progress in minutes (`null` before the card has a movie and none was set); setting it (a number of minutes, or numeric text; anything else is ignored with a console warning) moves the card there, clamped to the runtime; a value set before the card starts applies when it shows the movie' },
  { name: 'revealed', type: 'string[]', readonly: true,
    description: 'what is revealed by hand, by name — `plot`, `everything` ("Show everything"), `event:<key>`, `arc:<key>` (`<key>` is the item\'s stable key, see *Remembering*)' },
];

export const METHODS = [
  { name: 'reveal', parameters: [{ name: 'name', type: 'string' }], returns: 'boolean',
    description: 'reveals one of those; `false` if the card has no such thing (or no movie yet)' },
  { name: 'hide', parameters: [], returns: 'void',
    description: 'hides everything revealed by hand (what the reader chose to have remembered stays remembered: the page\'s call is not theirs)' },
];

// The class's own (static) methods. The class is `SpoilerCardElement`,
// exported by the module the loader imports (its snippet `embed.js`), and
// registered by the loader when the engine starts; a page reaches it as
// `customElements.get('spoiler-card')`.
export const STATIC_METHODS = [
  { name: 'define', parameters: [], returns: 'boolean',
    description: 'registers the class as `spoiler-card`, once (`false` if the tag is taken already, by it or a second copy of the bundle); cards connected before the engine runs wait for it. The loader calls it: a page needs it only to define the element itself' },
];

// Details: TypeScript interface names, declared in DETAILS below.
export const EVENTS = [
  { name: 'spoiler-card:ready', detail: 'SpoilerCardReadyDetail', when: 'the card shows its movie (after restoring what the reader chose)',
    readme: '`{ id, progress, revealed }`' },
  { name: 'spoiler-card:error', detail: 'SpoilerCardErrorDetail', when: 'the card shows an error instead',
    readme: '`{ message, details }` (the summary, and every problem with its path, a line each)' },
  { name: 'spoiler-card:progress', detail: 'SpoilerCardReadyDetail', when: 'the reader moved the progress (slider, keys, "I\'m here")',
    readme: '`{ id, progress, revealed }`' },
  { name: 'spoiler-card:reveal', detail: 'SpoilerCardChangeDetail', when: 'the reader revealed something',
    readme: '`{ id, progress, changed, revealed }`: `changed` names what this action revealed, `revealed` everything now' },
  { name: 'spoiler-card:hide', detail: 'SpoilerCardChangeDetail', when: 'the reader hid something again',
    readme: '`{ id, progress, changed, revealed }`' },
];

export const DETAILS = {
  SpoilerCardReadyDetail: [
    ['id', 'string', 'the movie\'s id'],
    ['progress', 'number', 'the watch progress, in minutes'],
    ['revealed', 'string[]', 'everything revealed by hand now, by name'],
  ],
  SpoilerCardChangeDetail: [
    ['id', 'string', 'the movie\'s id'],
    ['progress', 'number', 'the watch progress, in minutes'],
    ['changed', 'string[]', 'what this action revealed or hid, by name'],
    ['revealed', 'string[]', 'everything revealed by hand now, by name'],
  ],
  SpoilerCardErrorDetail: [
    ['message', 'string', 'the card\'s one-line summary of what is wrong'],
    ['details', 'string', 'every problem with its field path, a line each'],
  ],
};

export const PARTS = [
  { name: 'card', description: 'the card (an `article`)' },
  { name: 'title', description: 'the film\'s title (a heading at `heading-level`)' },
  { name: 'poster', description: 'the poster image' },
  { name: 'chip', description: 'a genre chip' },
  { name: 'progress', description: 'the watch-progress control' },
  { name: 'gate', description: 'the button that reveals the plot and the ending' },
  { name: 'tab', description: 'a tab (timeline, characters, similar titles)' },
  { name: 'error', description: 'the error box, or a notice in the card' },
];

export const CSS_PROPERTIES = [
  { name: '--spoiler-card-accent', syntax: '<color>', description: 'links, selected tab, slider' },
  { name: '--spoiler-card-font', syntax: '<family-name>#', description: 'the card\'s font family' },
  { name: '--spoiler-card-font-size', syntax: '<length>', description: 'the card\'s base font size' },
  { name: '--spoiler-card-radius', syntax: '<length>', description: 'the card\'s corner radius' },
  { name: '--spoiler-card-bg', syntax: '<color>', description: 'background' },
  { name: '--spoiler-card-fg', syntax: '<color>', description: 'text' },
  { name: '--spoiler-card-muted', syntax: '<color>', description: 'secondary text' },
  { name: '--spoiler-card-border', syntax: '<color>', description: 'borders and rules' },
  { name: '--spoiler-card-max-width', syntax: '<length>', description: 'the card\'s widest' },
];

export const SLOTS = [
  { name: '', description: 'Fallback content for readers without the card (no JavaScript, feed readers, email): a link to the movie or a short spoiler-free text. The shadow root renders no slot, so it is hidden once the card (or its prerendered shadow root) is there.' },
];

export const CHILD_DATA = {
  name: '*(child)* `<script type="application/json">`', values: 'movie JSON', default: '—',
  description: 'inline data instead of `src` (inert, never rendered; `src` keeps spoilers out of the page source)',
};
