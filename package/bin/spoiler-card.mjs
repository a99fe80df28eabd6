#!/usr/bin/env node
// `npx spoiler-card check|render|css|schema`: the CLI, in WebAssembly, with
// Node alone (see node/index.mjs). Prints what the native CLI prints.
import { run } from '../node/index.mjs';
import { reason } from '../node/host.mjs';

const { code, stdout, stderr } = run(process.argv.slice(2));
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
