// A small harness for the end-to-end tests, on Node's own test runner
// (node:test): Debian's Chromium driven by playwright-core, the servers the
// tests share, helpers that pierce open shadow roots and read the
// accessibility tree.
import { readdirSync, readFileSync } from 'node:fs';
import { test as nodeTest } from 'node:test';
import { chromium } from 'playwright-core';

// The build under test (DIST=/path runs the tests against another build).
export const DIST = process.env.DIST ?? 'dist';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/**
 * What every test gets: the browser and the two origins serving dist/, set
 * by run.mjs's `before` hook (the same object, filled before the first test).
 */
export const shared = {};

/** A test that hangs fails, and the run goes on. */
export const TEST_TIMEOUT_MS = 180000;

/** Registers a node:test test: fn(ctx), ctx = { browser, origin, origin2 }. */
export function test(name, fn) {
  nodeTest(name, { timeout: TEST_TIMEOUT_MS }, () => fn(shared));
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual); const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
}

/**
 * A new page in a fresh context that records console errors, uncaught
 * exceptions and CSP violations in `page.problems`.
 */
export async function openPage(browser, url, { colorScheme = 'light', width = 800, height = 900, javaScriptEnabled = true, reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled, reducedMotion });
  const page = await context.newPage();
  page.problems = [];
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(`uncaught: ${e.message}`));
  page.on('dialog', async (d) => { page.problems.push(`dialog opened: ${d.message()}`); await d.dismiss(); });
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }
  if (url) await page.goto(url);
  page.closeAll = () => context.close();
  return page;
}

/** Waits until the card `selector` has rendered its title (or an error box). */
export async function waitForCard(page, selector = 'spoiler-card', what = '.title') {
  await page.waitForFunction(([sel, what]) => {
    const el = document.querySelector(sel);
    return !!el?.shadowRoot?.querySelector(what);
  }, [selector, what], { timeout: 15000 });
}

/** Waits until `selector`'s shadow root has `what`; says what it has instead. */
export async function waitIn(page, selector, what, timeout = 15000) {
  try {
    await page.waitForFunction(([s, w]) => !!document.querySelector(s)?.shadowRoot?.querySelector(w), [selector, what], { timeout });
  } catch (error) {
    const has = await page.evaluate((s) => document.querySelector(s)?.shadowRoot?.innerHTML.slice(0, 300) ?? 'no card', selector);
    throw new Error(`${selector} never showed ${what}: ${has} (${page.problems.join('; ')})`);
  }
}

/**
 * Everything a reader or a machine could read on the page: the text of the
 * document and of every open shadow root, and every attribute value.
 */
export async function piercedText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) { parts.push(node.data); return; }
      if (node.nodeType === Node.ELEMENT_NODE) {
        for (const attr of node.attributes) parts.push(attr.value);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(document.documentElement);
    return parts.join(' \n ');
  });
}

/** The rendered text (what innerText sees) of the page and every open shadow root. */
export async function renderedText(page) {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          for (const child of el.shadowRoot.children) if (child.innerText) parts.push(child.innerText);
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return parts.join('\n');
  });
}

/** Every name, value and description in Chromium's full accessibility tree. */
export async function accessibilityText(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const parts = [];
  for (const node of nodes) {
    for (const key of ['name', 'value', 'description']) {
      if (node[key]?.value) parts.push(String(node[key].value));
    }
  }
  return parts.join('\n');
}

/** window.find() for a phrase, from the top of the page. */
export async function findInPage(page, phrase) {
  return page.evaluate((phrase) => {
    window.getSelection().removeAllRanges();
    return window.find(phrase, false, false, true);
  }, phrase);
}

/** The element focused inside the card's shadow root, as "tag#id.class". */
export async function shadowFocus(page, selector = 'spoiler-card') {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)?.shadowRoot?.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : null;
  }, selector);
}

/** Words (4+ letters) of `text`, lowercased. */
export function words(text) {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []));
}

/** Words of the gated texts that occur nowhere in the movie's safe texts. */
export function spoilerOnlyWords(movie, gatedTexts, extraSafe = '') {
  const safe = [movie.title, movie.synopsis, movie.language, ...movie.directors, ...movie.genres,
    ...movie.characters.flatMap((c) => [c.name, c.actor ?? '', c.intro]),
    ...movie.settings.flatMap((t) => [t.name, t.description]), ...movie.themes.flatMap((t) => [t.name, t.description]),
    ...movie.similar.flatMap((s) => [s.title, s.reason ?? '']), movie.spoilers.warning ?? '',
    ...Object.values(movie.more ?? {}).filter((v) => typeof v === 'string'),
    ...(movie.more?.links ?? []).map((l) => l.label), extraSafe].join(' ');
  const safeWords = words(safe);
  return [...words(gatedTexts.join(' '))].filter((w) => !safeWords.has(w));
}

/** Which of `list` occur as words in `text`. */
export function present(list, text) {
  const have = words(text);
  return list.filter((w) => have.has(w));
}

/** Every text of a locale file (`en`, `de`, …: assets/locales/<lang>.json), plural forms and month names included. */
export function localeTexts(lang) {
  const file = JSON.parse(readFileSync(new URL(`../../assets/locales/${lang}.json`, import.meta.url), 'utf8'));
  const out = [];
  const walk = (value) => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const [key, value] of Object.entries(file)) if (!key.startsWith('$')) walk(value);
  return out;
}

/** The languages of assets/locales/ (English first). */
export const LOCALES = ['en', ...readdirSync(new URL('../../assets/locales/', import.meta.url))
  .map((f) => f.replace(/\.json$/, '')).filter((l) => l !== 'en').sort()];

/** The card's own English words, as one text: never spoilers (the pages of the leak tests are English). */
export const UI_TEXT = localeTexts('en').join(' ');
