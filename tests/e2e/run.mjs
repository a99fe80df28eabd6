// End-to-end tests against the built dist/ in Debian's Chromium.
// Serves dist/ on 127.0.0.1 (and a second origin for cross-origin loading),
// runs every registered test in one browser, prints "N passed, M failed".
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { DIST, launch, tests } from './lib.mjs';

const only = process.argv[2];
await import('./card.test.mjs');
await import('./embed.test.mjs');
await import('./schema.test.mjs');
await import('./hardening.test.mjs');
await import('./lockdown.test.mjs');
await import('./hosting.test.mjs');
await import('./prerender.test.mjs');
await import('./api.test.mjs');
await import('./language.test.mjs');
await import('./package.test.mjs');
await import('./sites.test.mjs');

mkdirSync('target/e2e', { recursive: true });
const dist = DIST;
const site = await serve(dist);
const other = await serve(dist, { cors: true });
const browser = await launch();
console.log(`Chromium ${browser.version()}; dist/ at ${site.origin}, second origin ${other.origin}`);

let passed = 0; let failed = 0;
for (const { name, fn } of tests) {
  if (only && !name.includes(only)) continue;
  const started = Date.now();
  try {
    // A test that hangs fails, and the run goes on.
    let timer;
    const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the test took more than 180 s')), 180000); });
    await Promise.race([fn({ browser, origin: site.origin, origin2: other.origin }), limit]).finally(() => clearTimeout(timer));
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n     ')}`);
  }
}
await browser.close();
await site.close();
await other.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
