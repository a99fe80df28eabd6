// End-to-end tests against the built dist/ in Debian's Chromium, on Node's
// own test runner. Serves dist/ on 127.0.0.1 (and a second origin for
// cross-origin loading) and launches one browser for every test, in a
// `before` hook; the test files register their tests through lib.mjs.
//
//   node --test-reporter=spec tests/e2e/run.mjs                     every test
//   node --test-reporter=spec --test-name-pattern='prerender:' tests/e2e/run.mjs
//   DIST=/path/to/dist node --test-reporter=spec tests/e2e/run.mjs  another build
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { serve } from './server.mjs';
import { DIST, launch, shared } from './lib.mjs';

let site;
let other;
before(async () => {
  mkdirSync('target/e2e', { recursive: true });
  site = await serve(DIST);
  other = await serve(DIST, { cors: true });
  shared.browser = await launch();
  shared.origin = site.origin;
  shared.origin2 = other.origin;
  console.log(`Chromium ${shared.browser.version()}; ${DIST}/ at ${site.origin}, second origin ${other.origin}`);
});
after(async () => {
  await shared.browser?.close();
  await site?.close();
  await other?.close();
});

await import('./card.test.mjs');
await import('./embed.test.mjs');
await import('./schema.test.mjs');
await import('./hardening.test.mjs');
await import('./trap.test.mjs');
await import('./lockdown.test.mjs');
await import('./hosting.test.mjs');
await import('./prerender.test.mjs');
await import('./api.test.mjs');
await import('./language.test.mjs');
await import('./package.test.mjs');
await import('./sites.test.mjs');
await import('./studio.test.mjs');
await import('./studio-wikidata.test.mjs');
await import('./studio-editing.test.mjs');
