#!/usr/bin/env node
// `npx spoiler-card check|render|css|schema`: the CLI, in WebAssembly, with
// Node alone (see node/index.mjs). Prints what the native CLI prints.
// `npx spoiler-card studio [FILE]` serves the card studio for FILE (this
// package only: the native CLI has no browser bundle to serve).
import { run } from '../node/index.mjs';
import { reason } from '../node/host.mjs';

const args = process.argv.slice(2);
if (args[0] === 'studio') await studio(args.slice(1));
else runCli(args);

async function studio(rest) {
  if (rest.length > 1 || rest[0]?.startsWith('-')) {
    process.stderr.write('usage: spoiler-card studio [FILE.json]\n');
    process.exitCode = 2;
    return;
  }
  const { serveStudio } = await import('../node/studio.mjs');
  await serveStudio(rest[0]);
  process.on('SIGINT', () => { console.log('\nstopped'); process.exit(0); });
}

function runCli(cliArgs) {
  const { code, stdout, stderr } = run(cliArgs);
  process.exitCode = code;
  // Output that cannot be written (a closed pipe, a full disk) is told as
  // the native CLI tells it, with exit code 1, not a JS stack.
  // (A pipe reports it as an event, a file or a device by throwing.)
  const failed = (error) => {
    try { process.stderr.write(`spoiler-card: cannot write the output: ${reason(error)}\n`); } catch { /* nowhere left to say it */ }
    process.exitCode = 1;
  };
  process.stdout.on('error', failed);
  process.stderr.on('error', () => { process.exitCode = 1; });
  try { process.stderr.write(stderr); } catch { process.exitCode = 1; }
  try { process.stdout.write(stdout); } catch (error) { failed(error); }
}
