// The files of the CLI for Node: what the wasm asks for, through node:fs.
// A failure is thrown as the reason the native CLI prints (Rust's std
// words it as glibc's strerror and " (os error N)"), so both CLIs print the
// same bytes on Linux.
import { closeSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getSystemErrorMap } from 'node:util';

// Where libuv's message is not glibc's with a capital letter.
const GLIBC = {
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  EPERM: 'Operation not permitted',
  EPIPE: 'Broken pipe',
  EIO: 'Input/output error',
  EINVAL: 'Invalid argument',
  ETXTBSY: 'Text file busy',
  EFBIG: 'File too large',
  EAGAIN: 'Resource temporarily unavailable',
};

export function reason(error) {
  // A path with a NUL byte: Node refuses it before the system sees it.
  if (error?.code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(error.message)) return 'file name contained an unexpected NUL byte';
  if (typeof error?.errno === 'number' && typeof error.code === 'string') {
    const libuv = getSystemErrorMap().get(error.errno)?.[1] ?? error.code;
    const text = GLIBC[error.code] ?? libuv.charAt(0).toUpperCase() + libuv.slice(1);
    return `${text} (os error ${Math.abs(error.errno)})`;
  }
  return String(error?.message ?? error);
}

const CHUNK = 1 << 16;

const isDirectory = (path) => { try { return statSync(path).isDirectory(); } catch { return false; } };

// `mkdir -p` as Rust's std::fs::create_dir_all does it, step for step, so
// that a failure is the same error (and never Node 20's recursive mkdirSync,
// which spins for ever under /proc).
function createDirAll(path) {
  if (path === '') return;
  try {
    mkdirSync(path);
    return;
  } catch (error) {
    if (error.code !== 'ENOENT') {
      if (isDirectory(path)) return;
      throw error;
    }
  }
  const parent = dirname(path);
  if (parent === path) throw new Error('failed to create whole tree');
  createDirAll(parent);
  try {
    mkdirSync(path);
  } catch (error) {
    if (!isDirectory(path)) throw error;
  }
}

export const host = {
  /** Up to `max` bytes of `path` (a device that never ends is not read for ever). */
  read(path, max) {
    let fd;
    try {
      fd = openSync(path, 'r');
      const chunks = [];
      let total = 0;
      while (total < max) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, max - total));
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        total += n;
      }
      return new Uint8Array(Buffer.concat(chunks, total));
    } catch (error) {
      throw reason(error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  /** The size of `path`, or -1. */
  size(path) {
    try { return statSync(path).size; } catch { return -1; }
  },
  /** Writes `bytes` into `dir/name`, making `dir` if missing. */
  write(dir, name, bytes) {
    try {
      createDirAll(dir);
      writeFileSync(join(dir, name), bytes);
    } catch (error) {
      throw reason(error);
    }
  },
};
