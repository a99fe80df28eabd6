// A real WordPress with a real database, started by the tests on this
// machine (no systemd here): Debian's `wordpress` (a private copy, since
// Debian's wp-config.php reads /etc/wordpress/config-<host>.php), MariaDB
// with a data directory under target/, and PHP's built-in server with a
// router for pretty permalinks. Installed by wp_install() from PHP (Debian
// has no wp-cli). Everything lives in target/wordpress/, made afresh.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve('target/wordpress');
export const SITE = `${ROOT}/site`;
const DATA = `${ROOT}/mysql`;
const SOCKET = `${ROOT}/mysql.sock`;
const LOGS = `${ROOT}/logs`;

/** The accounts the tests log in as (role → user, password). */
export const USERS = {
  administrator: { user: 'admin', password: 'admin-Pass-1' },
  author: { user: 'anna', password: 'author-Pass-1' },
  contributor: { user: 'carl', password: 'contrib-Pass-1' },
  editor: { user: 'edith', password: 'editor-Pass-1' },
};

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function until(what, test, ms = 20000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await test()) return;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`wordpress: ${what} did not come up in ${ms} ms`);
    await sleep(100);
  }
}

/** Runs `php` on `code` inside the site (wp-load.php loaded), as `user` if given; its stdout. */
export function php(code, { user = null, input = '', before = '' } = {}) {
  const script = `<?php
${before}
$_SERVER['HTTP_HOST'] = parse_url(getenv('SPOILER_WP_HOME'), PHP_URL_HOST) . ':' . parse_url(getenv('SPOILER_WP_HOME'), PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
require ${JSON.stringify(`${SITE}/wp-load.php`)};
${user ? `wp_set_current_user(get_user_by('login', ${JSON.stringify(user)})->ID);` : ''}
${code}
`;
  const file = `${ROOT}/run-${process.pid}-${Math.random().toString(36).slice(2)}.php`;
  writeFileSync(file, script);
  try {
    return execFileSync('php', [file], { encoding: 'utf8', input, env: { ...process.env, SPOILER_WP_HOME: site.home } });
  } finally {
    rmSync(file, { force: true });
  }
}

/** What the tests share: the site's address and the processes to stop. */
export const site = { home: null, port: 0, processes: [] };

/** Starts MariaDB and PHP's server on a fresh install; returns `site`. */
export async function startWordPress() {
  stopLeftovers();
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });
  const versions = {
    wordpress: execFileSync('dpkg-query', ['-W', '-f=${Version}', 'wordpress'], { encoding: 'utf8' }),
    mariadb: execFileSync('mariadbd', ['--version'], { encoding: 'utf8' }).trim(),
    php: execFileSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }),
  };
  site.versions = versions;

  // 1. MariaDB, its data under target/, on a socket only.
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${DATA}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const db = spawn('mariadbd', ['--no-defaults', `--datadir=${DATA}`, `--socket=${SOCKET}`, `--pid-file=${ROOT}/mysql.pid`, '--skip-networking', '--user=root', `--log-error=${LOGS}/mariadb.log`, '--innodb-buffer-pool-size=64M'], { stdio: 'ignore', detached: true });
  site.processes.push(db);
  writeFileSync(GROUPS, JSON.stringify([db.pid]));
  await until('MariaDB', () => existsSync(SOCKET) && execFileSync('mariadb', ['--no-defaults', `--socket=${SOCKET}`, '-uroot', '-e', 'SELECT 1'], { stdio: 'ignore' }) !== undefined);
  execFileSync('mariadb', ['--no-defaults', `--socket=${SOCKET}`, '-uroot', '-e',
    "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-pass'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';"]);

  // 2. A private copy of Debian's WordPress, with a config of its own.
  cpSync('/usr/share/wordpress', SITE, { recursive: true, dereference: true });
  site.port = await freePort();
  site.home = `http://127.0.0.1:${site.port}`;
  const key = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  writeFileSync(`${SITE}/wp-config.php`, `<?php
// Written by tests/wordpress/site.mjs.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-pass');
define('DB_HOST', 'localhost:${SOCKET}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define('${k}', '${key()}');`).join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', '${site.home}');
define('WP_SITEURL', '${site.home}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', '${site.home}/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${LOGS}/debug.log');
define('WP_ENVIRONMENT_TYPE', 'local');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
  // The router: files and folders as they are, everything else to WordPress.
  writeFileSync(`${ROOT}/router.php`, `<?php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$file = ${JSON.stringify(SITE)} . $path;
if ($path !== '/' && (is_file($file) || is_dir($file))) {
  return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = ${JSON.stringify(`${SITE}/index.php`)};
require ${JSON.stringify(`${SITE}/index.php`)};
`);
  // A test-only mu-plugin: the reader's pages get the strict CSP by a
  // header, and WordPress's own inline scripts and styles are taken out
  // (they are not the plugin's; ?raw=1 keeps them, to show the plugin adds
  // none). Nothing of it ships.
  mkdirSync(`${SITE}/wp-content/mu-plugins`, { recursive: true });
  cpSync('tests/wordpress/strict-csp.php', `${SITE}/wp-content/mu-plugins/strict-csp.php`);

  // 3. PHP's built-in server, a few workers.
  // Its own process group, so that stopping it stops its workers too.
  const server = spawn('php', ['-S', `127.0.0.1:${site.port}`, '-t', SITE, `${ROOT}/router.php`], {
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: 'ignore',
    detached: true,
  });
  site.processes.push(server);
  writeFileSync(GROUPS, JSON.stringify(site.processes.map((p) => p.pid)));

  // 4. wp_install(), the theme, pretty permalinks, the accounts.
  php(`
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter('pre_wp_mail', '__return_false');
wp_install('Spoiler test blog', ${JSON.stringify(USERS.administrator.user)}, 'admin@example.test', true, '', ${JSON.stringify(USERS.administrator.password)});
switch_theme('twentytwentythree');
update_option('permalink_structure', '/%postname%/');
update_option('posts_per_rss', 10);
update_option('rss_use_excerpt', 0);
foreach (json_decode('${JSON.stringify(Object.entries(USERS).filter(([role]) => role !== 'administrator'))}', true) as [$role, $who]) {
  wp_insert_user(['user_login' => $who['user'], 'user_pass' => $who['password'], 'user_email' => $who['user'] . '@example.test', 'role' => $role]);
}
flush_rewrite_rules();
echo 'installed';
`, { before: "define('WP_INSTALLING', true);" });
  await until('PHP\'s server', async () => (await fetch(`${site.home}/wp-login.php`)).ok);
  return site;
}

/** The process groups a run started, kept on disk for the next run. */
const GROUPS = resolve('target/wordpress-processes.json');

/**
 * Stops what a run that was killed before its end (a timeout, Ctrl-C) left
 * running: its MariaDB would outlive the data folder this run deletes.
 */
function stopLeftovers() {
  if (!existsSync(GROUPS)) return;
  for (const pid of JSON.parse(readFileSync(GROUPS, 'utf8'))) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch { /* gone already */ }
  }
  rmSync(GROUPS, { force: true });
}

/** Stops PHP's server and MariaDB (at the end, or when this process exits). */
export async function stopWordPress() {
  for (const p of site.processes.reverse()) {
    try {
      process.kill(-p.pid, 'SIGTERM');
    } catch { /* gone already */ }
  }
  site.processes = [];
  rmSync(GROUPS, { force: true });
  await sleep(300);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));
process.on('exit', () => {
  for (const p of site.processes) {
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch { /* gone already */ }
  }
});

/** Lines of WordPress's debug log that name the plugin (warnings, notices). */
export function pluginLogLines() {
  const log = `${LOGS}/debug.log`;
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter((l) => /spoiler-card/i.test(l));
}
