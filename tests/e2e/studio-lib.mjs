// What the studio's end-to-end tests share: a locator inside the studio's
// shadow root, a wait for Yew's render and effects, the studio page opened,
// a field typed into.
import { openPage } from './lib.mjs';
import { generated } from './server.mjs';

export const studio = (selector) => `spoiler-card-studio >> ${selector}`;
/** A task, a frame and a task: Yew's render and effects are past. */
export const settled = (p) => p.evaluate(() => new Promise((r) => { setTimeout(() => requestAnimationFrame(() => setTimeout(r, 0)), 0); }));
export const previewCard = (p) => p.locator(studio('.preview spoiler-card'));

export async function openStudio(ctx, options = {}) {
  const p = await openPage(ctx.browser, `${ctx.origin}/studio.html`, { width: 1400, height: 1000, ...options });
  await p.locator(studio('#f-title')).waitFor({ timeout: 20000 });
  return p;
}

/** Types `text` into the studio's control `#id` (replacing what it held), then leaves it with Tab. */
export async function fill(p, id, text) {
  const box = p.locator(studio(`#${id}`));
  await box.click();
  await p.keyboard.press('Control+A');
  await p.keyboard.type(text);
  await p.keyboard.press('Tab');
}

/**
 * The studio on a page of its own, as a site embeds it (the card's module,
 * then the studio's, and <spoiler-card-studio id="s">), in the page
 * language `lang`, opened once the form is there.
 */
export async function openEmbeddedStudio(ctx, name, lang, options = {}) {
  generated.set(`/__gen/${name}.html`, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<script type="module" src="/embed/spoiler-card.js"></script>
<script type="module" src="/studio/spoiler-card-studio.js"></script></head>
<body><spoiler-card-studio id="s"></spoiler-card-studio></body></html>`);
  const p = await openPage(ctx.browser, `${ctx.origin}/__gen/${name}.html`, options);
  await p.locator(studio('#f-title')).waitFor({ timeout: 20000 });
  return p;
}
