// `make package`'s WordPress step (after `make build`): the plugin's source
// (integrations/wordpress/spoiler-card/), the card's embed folder and the
// card studio from dist/, zipped as dist/wordpress/spoiler-card-<version>.zip,
// which installs through Plugins → Add New → Upload.
//
// The translation template (languages/spoiler-card.pot) is made from the
// source's __() calls; the build fails if the committed one is stale
// (`node scripts/wordpress-package.mjs --pot` writes it).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE = 'integrations/wordpress/spoiler-card';
const STAGE = 'target/wordpress-package/spoiler-card';
const POT = `${SOURCE}/languages/spoiler-card.pot`;

/** Every file under `dir`, as paths. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The texts of the plugin's __() calls (PHP and JS), with where they are. */
export function potText() {
  const calls = /\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'spoiler-card'\s*\)/g;
  const found = new Map();
  for (const file of files(SOURCE).filter((f) => /\.(php|js)$/.test(f)).sort()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(calls)) {
      const msgid = m[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\');
      // Files without line numbers: the template changes only when a text does.
      if (!found.has(msgid)) found.set(msgid, []);
      const where = relative(SOURCE, file);
      if (!found.get(msgid).includes(where)) found.get(msgid).push(where);
    }
  }
  // Block metadata is translated too (title, description, keywords).
  const block = JSON.parse(readFileSync(`${SOURCE}/blocks/movie/block.json`, 'utf8'));
  for (const text of [block.title, block.description, ...block.keywords]) {
    if (!found.has(text)) found.set(text, []);
    found.get(text).push('blocks/movie/block.json');
  }
  const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const out = [
    '# Translation template of the Spoiler Card plugin.',
    '# This file is distributed under the same licence as the plugin (GPL-2.0-or-later).',
    'msgid ""',
    'msgstr ""',
    '"Project-Id-Version: Spoiler Card 0.1.0\\n"',
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    '"X-Domain: spoiler-card\\n"',
    '',
  ];
  for (const [msgid, where] of found) out.push(`#: ${where.join(' ')}`, `msgid ${quote(msgid)}`, 'msgstr ""', '');
  return out.join('\n');
}

if (process.argv.includes('--pot')) {
  writeFileSync(POT, potText());
  console.log(`wrote ${POT}`);
  process.exit(0);
}

if (!existsSync(POT) || readFileSync(POT, 'utf8') !== potText()) {
  console.error(`wordpress: ${POT} is stale: run node scripts/wordpress-package.mjs --pot`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('dist/embed/manifest.json', 'utf8'));
const header = readFileSync(`${SOURCE}/spoiler-card.php`, 'utf8');
const version = header.match(/^ \* Version:\s*(\S+)/m)?.[1];
if (version !== manifest.version || !header.includes(`const SPOILER_CARD_VERSION = '${version}';`)) {
  console.error(`wordpress: the plugin's version (${version}) is not the card's (${manifest.version}), or SPOILER_CARD_VERSION differs`);
  process.exit(1);
}

rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
cpSync(SOURCE, STAGE, { recursive: true });
// The card's files (the precompressed copies are for hosts that serve them:
// WordPress's do not).
const plain = (src) => !/\.(br|gz)$/.test(src);
cpSync('dist/embed', `${STAGE}/embed`, { recursive: true, filter: plain });
cpSync('dist/studio', `${STAGE}/studio`, { recursive: true, filter: plain });
for (const dir of ['embed', 'studio']) cpSync(`${SOURCE}/.htaccess`, `${STAGE}/${dir}/.htaccess`);
mkdirSync(`${STAGE}/licenses`, { recursive: true });
cpSync('/usr/share/common-licenses/GPL-2', `${STAGE}/LICENSE.txt`);
cpSync('LICENSE-MIT', `${STAGE}/licenses/spoiler-card-LICENSE-MIT`);
cpSync('LICENSE-APACHE', `${STAGE}/licenses/spoiler-card-LICENSE-APACHE`);
writeFileSync(`${STAGE}/licenses/README.txt`, 'The plugin is GPL-2.0-or-later (LICENSE.txt). The card and the studio in embed/ and studio/ are the spoiler-card project\'s, under MIT or Apache-2.0 (both GPL-compatible), whose texts are here.\n');

mkdirSync('dist/wordpress', { recursive: true });
const zip = `dist/wordpress/spoiler-card-${version}.zip`;
rmSync(zip, { force: true });
execFileSync('zip', ['-qrX', `${process.cwd()}/${zip}`, 'spoiler-card'], { cwd: 'target/wordpress-package' });
console.log(`wordpress: ${zip} (${(statSync(zip).size / 1024).toFixed(1)} KB, ${files(STAGE).length} files)`);
