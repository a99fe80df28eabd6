#!/usr/bin/env node
// `npx spoiler-card check|render|css|schema`: the CLI, in WebAssembly, with
// Node alone (see node/index.mjs). Prints what the native CLI prints.
import { run } from '../node/index.mjs';

const { code, stdout, stderr } = run(process.argv.slice(2));
process.exitCode = code;
// A closed pipe (`| head`) is told as the native CLI tells it, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') {
    process.stderr.write('spoiler-card: cannot write the output: Broken pipe (os error 32)\n');
    process.exitCode = 1;
  } else throw error;
});
process.stderr.write(stderr);
process.stdout.write(stdout);
