// The npm package (section `package`): its size, and the time per render of
// the CLI for Node (the CLI compiled to wasm) against the native CLI, its
// floor, measured in the same run. Needs dist/npm/spoiler-card-<v>.tgz
// (scripts/bench.sh builds it) and target/release/spoiler-card.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { VERSION } from '../scripts/package.mjs';

const MOVIE = 'assets/movies/leaving-las-vegas.json';

export function packageBench({ runs, stats, log }) {
  const tarball = `dist/npm/spoiler-card-${VERSION}.tgz`;
  const site = mkdtempSync(join(process.cwd(), 'target', 'bench-package-'));
  try {
    writeFileSync(join(site, 'package.json'), '{ "private": true, "type": "module" }\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(process.cwd(), tarball)], { cwd: site, stdio: 'pipe' });
    const installed = join(site, 'node_modules/spoiler-card');
    const files = readdirSync(installed, { recursive: true }).map((f) => join(installed, String(f))).filter((f) => statSync(f).isFile());
    const wasm = readFileSync(join(installed, 'node/spoiler_card_node_bg.wasm'));
    const size = {
      tarball: statSync(tarball).size,
      unpacked: files.reduce((sum, f) => sum + statSync(f).size, 0),
      files: files.length,
      nodeWasm: { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length, brotli: brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length },
    };
    // In one Node process: the first render (instantiating the wasm) and
    // warm renders, each a sample.
    const inProcess = JSON.parse(execFileSync('node', ['--input-type=module', '-e', `
      const { performance } = await import('node:perf_hooks');
      const t0 = performance.now();
      const sc = await import('spoiler-card');
      sc.render(${JSON.stringify(join(process.cwd(), MOVIE))}, { src: '/m.json' });
      const first = performance.now() - t0;
      const warm = [];
      for (let i = 0; i < ${runs * 10}; i++) { const t = performance.now(); sc.render(${JSON.stringify(join(process.cwd(), MOVIE))}, { src: '/m.json', progress: i % 60 }); warm.push(performance.now() - t); }
      console.log(JSON.stringify({ first, warm }));`], { cwd: site, encoding: 'utf8' }));
    // A whole command, process start included: `npx spoiler-card render`
    // (the bin, as a site's build runs it) and the native CLI.
    const processTimes = (cmd, args = ['render', MOVIE, '--src', '/m.json']) => Array.from({ length: runs }, () => {
      const t = process.hrtime.bigint();
      execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
      return Number(process.hrtime.bigint() - t) / 1e6;
    });
    const nodeProcess = stats(processTimes(join(site, 'node_modules/.bin/spoiler-card')));
    const nativeProcess = stats(processTimes('target/release/spoiler-card'));
    const bareNode = stats(processTimes('node', ['-e', '0']));
    const warm = stats(inProcess.warm);
    const result = {
      size, firstRenderMs: Math.round(inProcess.first * 10) / 10, warmRender: warm, nodeProcess, nativeProcess, bareNode,
      ratioProcess: Math.round((nodeProcess.median / nativeProcess.median) * 10) / 10,
    };
    log('package: tarball', size.tarball, 'B; node wasm', size.nodeWasm.raw, 'B; render warm', warm.median, 'ms; npx render', nodeProcess.median, 'ms vs native', nativeProcess.median, 'ms');
    return result;
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

export function packageMarkdown(p) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const f = (st) => `${st.median} (${st.min}–${st.max}, n=${st.n})`;
  return [
    '## The npm package', '',
    `\`dist/npm/spoiler-card-<version>.tgz\`: ${kb(p.size.tarball)} packed, ${kb(p.size.unpacked)} installed (${p.size.files} files, no dependencies). The CLI for Node (the checker and the renderer compiled to wasm): ${kb(p.size.nodeWasm.raw)} raw, ${kb(p.size.nodeWasm.gzip)} gzip, ${kb(p.size.nodeWasm.brotli)} brotli.`, '',
    '| render of the example movie | ms, median (min–max) |', '|---|---:|',
    `| Node API, in one process, first render (instantiates the wasm) | ${p.firstRenderMs} |`,
    `| Node API, in one process, each later render | ${f(p.warmRender)} |`,
    `| \`npx spoiler-card render\`, the whole process | ${f(p.nodeProcess)} |`,
    `| native \`spoiler-card render\` (the floor), the whole process | ${f(p.nativeProcess)} |`,
    `| \`node -e 0\`, starting Node alone | ${f(p.bareNode)} |`, '',
    `The bin's process takes ${p.ratioProcess}x the native CLI's: starting Node and compiling the wasm (the first render) are most of it. A site generator that renders many cards calls the Node API in its own process (the Eleventy plugin does) and pays the later-render figure per card.`, '',
  ];
}
