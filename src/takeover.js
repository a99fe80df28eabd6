// The take-over of a prerendered card (`spoiler-card render`), embed.js's
// other half: the prerendered card stays, styled by its own <link>, until the
// live card shows the movie; then the live card takes its place with the
// card's stylesheet, keeping the focused control, a control pressed before
// the wasm ran, and a moved slider. Rust finds a prerendered card with
// `prerenderedIn` too (src/embed/), so that both sides ask the same.

// What a reader can press or focus in a card.
const CONTROLS = 'button, input, a[href], [tabindex]';

// The card's stylesheet, constructed once from its file (or, where a
// browser cannot construct one, its URL for a <link>): set by embed.js.
let sheet = null;
let sheetUrl = null;

export function setStyles(constructed, url) {
  sheet = constructed;
  sheetUrl = url;
}

/** The prerendered card in a shadow root (stamped with its version and data), if any. */
export function prerenderedIn(root) {
  return [...root.children].find((node) => node.matches('.root[data-sc-version]'));
}

// A control of a rendered card, told apart from the others: by its id, or
// by its place among the controls, where the other card has the same ones.
const controlsOf = (card) => [...card.querySelectorAll(CONTROLS)];
const signature = (controls) => controls.map((node) => node.nodeName + node.textContent).join('\n');

function controlKey(card, node) {
  const controls = controlsOf(card);
  return { id: node.id, index: controls.indexOf(node), signature: signature(controls) };
}

function findControl(card, key) {
  if (!key) return null;
  if (key.id) return card.querySelector(`#${CSS.escape(key.id)}`);
  // Only in a card of the same controls: "Spoiler — reveal" of one event
  // must not press that of another.
  const controls = controlsOf(card);
  return signature(controls) === key.signature ? controls[key.index] || null : null;
}

/**
 * From when the page has it (before the wasm runs), a prerendered card
 * keeps the last control the reader pressed in it, for the live card.
 */
export function listenEarly(host) {
  const root = host.shadowRoot;
  if (!root || host._listening || !prerenderedIn(root)) return;
  host._listening = true;
  root.addEventListener('click', (event) => {
    const prerendered = prerenderedIn(root);
    const control = prerendered && event.composedPath().find((node) => node.nodeName === 'BUTTON');
    // (Not the live card's notice or the stopped box inside it.)
    if (control && control.closest('.root, .stopped') === prerendered) host._early = controlKey(prerendered, control);
  });
}

/**
 * Where the live card (`container`) goes: inside the prerendered card
 * (`shown` 1, a notice), or in its place (2), keeping focus, a control
 * pressed early and a moved slider.
 */
export function takeOver(host, container, shown) {
  const root = host.shadowRoot;
  if (!root) return;
  const prerendered = prerenderedIn(root);
  if (!prerendered) {
    // Taken over already; or a page script took the prerendered card away,
    // and the live card goes in on its own.
    if (!container.isConnected) {
      root.append(container);
      styleRoot(root);
    }
    return;
  }
  if (shown !== 2) {
    if (container.parentNode !== prerendered) prerendered.prepend(container);
    return;
  }
  // The same control keeps focus; a control pressed before the card was
  // live is pressed now; a slider the reader moved keeps its minute. (The
  // live card may sit inside, under a notice: what counts is the
  // prerendered card's own.)
  if (container.parentNode === prerendered) container.remove();
  const active = root.activeElement;
  const focused = active && prerendered.contains(active) ? controlKey(prerendered, active) : null;
  const pressed = host._early;
  host._early = null;
  const slider = prerendered.querySelector('input[type=range]');
  const moved = slider && slider.value !== slider.defaultValue ? slider.value : null;
  prerendered.replaceWith(container);
  styleRoot(root);
  findControl(container, focused)?.focus();
  findControl(container, pressed)?.click();
  // A task later: each of the reader's two actions renders, and is told, on
  // its own.
  const live = moved && container.querySelector('input[type=range]');
  if (live) {
    setTimeout(() => {
      live.value = moved;
      live.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}

// The card's stylesheet into a shadow root: adopted (a prerendered card's
// <link>, maybe to an older bundle's file, goes), or linked.
export function styleRoot(root) {
  const links = [...root.children].filter((node) => node.localName === 'link');
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    for (const link of links) link.remove();
  } else if (sheetUrl && !links.some((link) => link.href === sheetUrl)) {
    // (An older file's link stays until this one is in: no flash.)
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = sheetUrl;
    root.prepend(link);
    link.onload = () => links.forEach((old) => old.remove());
  }
}
