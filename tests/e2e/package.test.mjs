// The npm package in a browser: installed from the tarball into an empty
// site, served straight from node_modules, the card runs from
// `import "spoiler-card"` (an import map: the package's main export) and
// from a script tag pointing at the loader, under the strict CSP.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { assert, assertEqual, openPage, test, waitForCard } from './lib.mjs';
import { serve } from './server.mjs';
import { VERSION } from '../../scripts/package.mjs';

const TARBALL = process.env.SPOILER_CARD_TGZ ?? `dist/npm/spoiler-card-${VERSION}.tgz`;

function site() {
  assert(existsSync(TARBALL), `${TARBALL} is missing (make package)`);
  mkdirSync('target', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'target', 'e2e-package-'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "a-site", "private": true }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(process.cwd(), TARBALL)], { cwd: dir, stdio: 'pipe' });
  mkdirSync(join(dir, 'movies'));
  copyFileSync('assets/movies/leaving-las-vegas.json', join(dir, 'movies/leaving-las-vegas.json'));
  const card = '<spoiler-card src="/movies/leaving-las-vegas.json" eager><a href="/movies/leaving-las-vegas.json">Leaving Las Vegas (1995)</a></spoiler-card>';
  // The import map names the package's main export, as its exports map
  // gives it to a browser (the default condition).
  const exports = JSON.parse(readFileSync(join(dir, 'node_modules/spoiler-card/package.json'), 'utf8')).exports['.'];
  const main = `/node_modules/spoiler-card/${exports.default.replace(/^\.\//, '')}`;
  writeFileSync(join(dir, 'import.html'), `<!doctype html><html lang="en"><title>import</title>
<script type="importmap">{ "imports": { "spoiler-card": "${main}" } }</script>
<script type="module">import "spoiler-card";</script>
${card}\n`);
  writeFileSync(join(dir, 'tag.html'), `<!doctype html><html lang="en"><title>tag</title>
<script type="module" src="/node_modules/spoiler-card/embed/spoiler-card.js"></script>
${card}\n`);
  return dir;
}

test('package: the card runs from node_modules, by import "spoiler-card" and by a script tag under the strict CSP', async ({ browser }) => {
  const dir = site();
  const server = await serve(dir);
  try {
    for (const path of ['/import.html', '/__csp/tag.html']) {
      const page = await openPage(browser, `${server.origin}${path}`);
      try {
        await waitForCard(page);
        const title = await page.evaluate(() => document.querySelector('spoiler-card').shadowRoot.querySelector('.title')?.textContent);
        assertEqual(title, 'Leaving Las Vegas', `${path}: the card's title`);
        const violations = await page.evaluate(() => window.__cspViolations);
        assertEqual(violations, [], `${path}: CSP violations`);
        assertEqual(page.problems, [], `${path}: page errors`);
      } finally {
        await page.closeAll();
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
