// The benchmark behind `make bench` (scripts/bench.sh builds dist/ first).
// Drives Debian's Chromium headless through playwright-core against dist/
// and writes bench/results/results.{json,md} and the PNG charts.
//
//   node bench/bench.mjs              full run (expects dist/ and target/size-report.json)
//   BENCH_QUICK=1 node bench/bench.mjs  few repetitions, for trying the script out
//
// Every timing is a median of repeated runs with its spread (min/max and
// IQR); every ratio is taken between figures measured in the same run.
//
// The sections are modules: setup.mjs (shared), ttc.mjs, mobile.mjs,
// interactions.mjs, render.mjs, scale.mjs, churn.mjs, validation.mjs, package.mjs; report.mjs and
// charts.mjs write the results.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { scaleChartSvg, sizeChartSvg } from './charts.mjs';
import { NAMED_WASM, twiggyTop, writeReport } from './report.mjs';
import { validationBench } from './validation.mjs';
import { packageBench } from './package.mjs';
import { studioBench } from './studio.mjs';
import { mobileBench } from './mobile.mjs';
import { generated, QUICK, N, ONLY, want, OUT, log, stats, DIST, server, serverRaw, ORIGIN, ORIGIN_RAW, HEAD, SCRIPT, browser, chromiumVersion, newPage, problems, noteErrors } from './setup.mjs';
import { timeToCard } from './ttc.mjs';
import { interactionLatency } from './interactions.mjs';
import { renderCost } from './render.mjs';
import { scaleBench } from './scale.mjs';
import { churnBench } from './churn.mjs';

const ttc = await timeToCard();

// ---------- 2b. time to card on the mobile profile ----------
// Served compressed, as real hosts serve the bundle (the headline), and
// as is, beside it.
let mobile = null;
let mobileRaw = null;
if (want('mobile')) {
  const run = (origin, served) => mobileBench({ newPage: (options) => newPage({ init: false, cacheOff: false, ...options }), origin, served, runs: N.mobile, stats, log, generated, head: HEAD, script: SCRIPT, dist: DIST });
  mobile = await run(ORIGIN, 'compressed');
  mobileRaw = await run(ORIGIN_RAW, 'uncompressed');
}

const interactions = await interactionLatency();
const render = await renderCost();
const scale = await scaleBench();
const churn = want('churn') ? await churnBench({ quick: QUICK, log, origin: ORIGIN, newPage: () => newPage({ init: false }), noteErrors }) : null;

// ---------- 6. validation of the worst documents ----------
let validation = null;
if (want('validation')) {
  validation = await validationBench({ dist: DIST, origin: ORIGIN, newPage: () => newPage({ init: false }), runs: N.validation, stats, log });
  log('validation worst: native', validation.worstNative, 'browser', validation.worstBrowser);
}

// ---------- 6a. the card studio on a long movie ----------
let studio = null;
if (want('studio')) studio = await studioBench({ origin: ORIGIN, newPage: () => newPage({ init: false }), runs: N.validation, stats, log });

// ---------- 6b. the npm package ----------
let npmPackage = null;
if (want('package')) npmPackage = packageBench({ runs: N.validation * 2, stats, log });

// ---------- 7. size ----------
const size = JSON.parse(readFileSync('target/size-report.json', 'utf8'));
const twiggy = twiggyTop(NAMED_WASM);
if (!twiggy) problems.push(`${NAMED_WASM} missing: no twiggy table`);

if (ONLY) {
  log(`BENCH_ONLY=${process.env.BENCH_ONLY}: no results written${problems.length ? `; problems: ${problems.join('; ')}` : ''}`);
  await browser.close();
  await server.close();
  await serverRaw.close();
  process.exit(0);
}

// ---------- 8. charts ----------
const chartPage = await browser.newPage({ viewport: { width: 1000, height: 460 } });
async function png(svg, file, width, height) {
  await chartPage.setViewportSize({ width, height });
  await chartPage.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
  await chartPage.locator('svg').screenshot({ path: file });
}
await png(scaleChartSvg(scale), `${OUT}/scale.png`, 1000, 440);
await png(sizeChartSvg(size), `${OUT}/size.png`, 900, 360);
await chartPage.close();
await browser.close();
await server.close();
await serverRaw.close();

// ---------- 9. results ----------
const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
const machine = {
  nproc: Number(sh('nproc', [])) || cpus().length,
  model: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] ?? 'unknown',
  memTotal: (readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s*(.*)/) || [])[1],
  loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
};
const results = {
  date: new Date().toISOString(), quick: QUICK, machine, chromium: chromiumVersion, node: process.version,
  repetitions: N, size, twiggy, timeToCard: ttc, mobile, mobileRaw, interactions, render, scale, churn, validation, studio, npmPackage, problems,
};
writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 2)); // raw figures first
writeReport(results, OUT);
log(`wrote ${OUT}/results.md, results.json, scale.png, size.png`);
