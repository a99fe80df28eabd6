// The take-over of a prerendered card (`spoiler-card render`), embed.js's
// other half: the prerendered card stays, styled by its own <link>, until the
// live card shows the movie; then the live card takes its place with the
// card's stylesheet, keeping what the reader did before it was live: the
// focused control, the gate and the events' reveals opened (the prerendered
// card's are <details>, which keep their state with no script), the last
// other control pressed (kept by the loader's first statements, which mark
// it `data-sc-pending` and keep it in the page-wide `pressed` map, nothing
// on the element), and a moved
// slider. Rust finds a prerendered card with `prerenderedIn` too
// (src/embed/), so that both sides ask the same.

// The last button pressed on each prerendered card before it was live, by
// its element (set by the loader; shared with a second copy of the bundle).
const pressed = (globalThis[Symbol.for('spoiler-card:pressed')] ??= new WeakMap());

// What a reader can press or focus in a card.
const CONTROLS = 'button, summary, input, a[href], [tabindex]';

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
// by what it says (its screen reader text included: "Spoiler — reveal
// (event at ~0:07)") and which of the controls that say so it is. A
// prerendered <summary> is the live card's button, its pending texts
// nothing.
function textOf(node) {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let text = node.localName === 'summary' ? 'button' : node.localName;
  while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('.pending')) text += walker.currentNode.data;
  return text;
}
const sameText = (card, text) => [...card.querySelectorAll(CONTROLS)].filter((node) => !node.id && textOf(node) === text);

function controlKey(card, node) {
  if (node.id) return { id: node.id };
  const text = textOf(node);
  return { text, nth: sameText(card, text).indexOf(node) };
}

function findControl(card, key) {
  if (!key) return null;
  return key.id ? card.querySelector(`#${CSS.escape(key.id)}`) : sameText(card, key.text)[key.nth] || null;
}

/**
 * Where the live card (`container`) goes: inside the prerendered card
 * (`how` 'notice'), or in its place ('take-over'), keeping focus, what was
 * opened or pressed early, and a moved slider.
 */
export function takeOver(host, container, how) {
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
  if (how !== 'take-over') {
    if (container.parentNode !== prerendered) prerendered.prepend(container);
    return;
  }
  // The same control keeps focus; what the reader opened before the card
  // was live is revealed now, as a press on the live card's button would
  // (which also moves focus), then the last other control pressed is
  // pressed; a slider the reader moved keeps its minute. (The live card
  // may sit inside, under a notice: what counts is the prerendered card's
  // own.)
  if (container.parentNode === prerendered) container.remove();
  const active = root.activeElement;
  const focused = active && prerendered.contains(active) ? controlKey(prerendered, active) : null;
  // A tab other than the selected one with focus was chosen: only the
  // selected tab is in the tab order, so a click is what focused it.
  const chosenTab = focused && active.matches('[role=tab][aria-selected=false]') ? focused : null;
  const opened = [...prerendered.querySelectorAll('details[open] > summary')].map((node) => controlKey(prerendered, node));
  const early = pressed.get(host);
  pressed.delete(host);
  const lastPressed = early && prerendered.contains(early) ? controlKey(prerendered, early) : null;
  const slider = prerendered.querySelector('input[type=range]');
  const moved = slider && slider.value !== slider.defaultValue ? slider.value : null;
  prerendered.replaceWith(container);
  styleRoot(root);
  findControl(container, focused)?.focus();
  findControl(container, chosenTab)?.click();
  for (const key of opened) findControl(container, key)?.click();
  findControl(container, lastPressed)?.click();
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
