// What the WordPress tests share: the zip, the movie they write, the ids
// and addresses they learn as they go, pages logged in as a role or as a
// reader, and the movie's spoiler words.
import { readdirSync, readFileSync } from 'node:fs';
import { shared, spoilerOnlyWords, UI_TEXT } from '../e2e/lib.mjs';
import { USERS } from './site.mjs';

export const ZIP = readdirSync('dist/wordpress').filter((f) => /^spoiler-card-.*\.zip$/.test(f)).map((f) => `dist/wordpress/${f}`)[0];
export const LLV = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
// A text that kses, slashes or a re-encoding would change: quotes, a
// newline, markup, an ampersand.
export const TRICKY = 'He said "no" \\ then\n<b>left</b> & came back';
export const MOVIE = { ...LLV, more: { ...LLV.more, production: TRICKY } };
export const PROGRESS = 30;
/** What the tests learn as they go: ids and URLs. */
export const state = {};

export const home = () => shared.site.home;

/** A page logged in as `role`. */
export async function loggedIn(role, viewport = { width: 1400, height: 1000 }) {
  const context = await shared.browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`uncaught: ${e.message}`));
  // The login screen's own script moves the focus to the user name 200 ms
  // after it loads, which can send typed text to the wrong box (seen: the
  // password as the user name, or an empty password). Logging in is not
  // what these tests test: the boxes are set directly, and a refused try is
  // tried again, with what WordPress said.
  const said = [];
  for (let attempt = 1; ; attempt += 1) {
    await page.goto(`${home()}/wp-login.php`);
    await page.waitForTimeout(250);
    await page.evaluate(({ user, password }) => {
      document.getElementById('user_login').value = user;
      document.getElementById('user_pass').value = password;
    }, USERS[role]);
    await page.click('#wp-submit');
    try {
      await page.waitForURL(/wp-admin/, { timeout: 10000 });
      break;
    } catch (e) {
      said.push(`${page.url()}: ${await page.locator('#login_error').textContent().catch(() => 'no message')}`);
      if (attempt === 3) throw new Error(`${role} could not log in: ${said.join(' | ')}`);
    }
  }
  if (said.length) console.log(`wordpress: ${role}'s login took ${said.length + 1} tries: ${said.join(' | ')}`);
  page.closeAll = () => context.close();
  return page;
}

/** A reader's page (no login), recording CSP violations and errors. */
export async function reader({ javaScriptEnabled = true } = {}) {
  const context = await shared.browser.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`uncaught: ${e.message}`));
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
  }
  page.closeAll = () => context.close();
  return page;
}

/** The spoiler words of the movie at PROGRESS: in its gated texts and nowhere a reader sees first. */
export function spoilerWords(extraSafe) {
  const gated = [...MOVIE.spoilers.summary, ...(MOVIE.spoilers.ending ?? []), ...(MOVIE.spoilers.post_credits ?? []),
    ...MOVIE.characters.map((c) => c.arc?.text ?? ''),
    ...MOVIE.timeline.filter((e) => e.at_minute > PROGRESS).flatMap((e) => [e.title, e.text])];
  const shown = MOVIE.timeline.filter((e) => e.at_minute <= PROGRESS).flatMap((e) => [e.title, e.text]).join(' ');
  return spoilerOnlyWords(MOVIE, gated, `${UI_TEXT} ${shown} ${extraSafe}`);
}
