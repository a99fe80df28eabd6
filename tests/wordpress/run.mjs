// The WordPress layer of `make test`: a real WordPress with a real database
// (tests/wordpress/site.mjs starts them), the plugin installed from
// dist/wordpress/spoiler-card-<version>.zip through the admin screens,
// driven in Debian's Chromium. Run: node --test-reporter=spec tests/wordpress/run.mjs
import { after, before } from 'node:test';
import { launch, shared } from '../e2e/lib.mjs';
import { site, startWordPress, stopWordPress } from './site.mjs';

before(async () => {
  const started = Date.now();
  await startWordPress();
  shared.browser = await launch();
  shared.site = site;
  console.log(`WordPress ${site.versions.wordpress}, ${site.versions.mariadb.replace(/^mariadbd\s+/, '')}, PHP ${site.versions.php}, Chromium ${shared.browser.version()}; up at ${site.home} in ${Date.now() - started} ms`);
});
after(async () => {
  await shared.browser?.close();
  await stopWordPress();
});

await import('./plugin.test.mjs');
await import('./safety.test.mjs');
