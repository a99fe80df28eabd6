// spoiler-card for Node: the package's `node` export (node/index.mjs). No
// DOM type: a server's code compiles without the DOM library.
export type { Movie } from './movie.js';

/** What a CLI run printed, and its exit code (0 done, 1 errors in the data or files, 2 bad usage). */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `args` (as after `npx spoiler-card`), synchronously. */
export function run(args: string[]): RunResult;

export interface RenderOptions {
  /** The URL the page serves the JSON at (the live card takes over from it). */
  src?: string;
  /** A card that never goes live (no src). */
  static?: boolean;
  /** The URL of the embed folder (default /embed/). */
  embed?: string;
  /** The reader's starting place, in minutes (or "h:mm"). */
  progress?: number | string;
  theme?: 'light' | 'dark' | 'auto';
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** The card's language (ar, de, es, fr, pt; en is built in). */
  lang?: string;
  /** A strings file (a path) whose texts replace the card's. */
  strings?: string;
  /** The URL the page serves that strings file at, for the live card. */
  stringsSrc?: string;
  /** false: without the schema.org Movie JSON-LD. */
  jsonLd?: boolean;
  /** The card starts at once wherever it is (its eager attribute), and its JSON is preloaded with the page. */
  eager?: boolean;
  /**
   * The build manifest (embed/manifest.json) whose loader and .wasm the
   * fragment's preload hints name: this package's own by default (MANIFEST),
   * false for no hints.
   */
  manifest?: string | false;
}

/** The path of this package's build manifest (embed/manifest.json). */
export const MANIFEST: string;

/** Prerenders the card of the movie JSON at `file`; throws a SpoilerCardError with every problem if it cannot. */
export function render(file: string, options?: RenderOptions): { html: string; warnings: string[] };

/** Checks movie JSON files: `ok` is false if any has errors; `output` is the checker's report. */
export function check(...files: Array<string | string[]>): { ok: boolean; output: string };

export class SpoilerCardError extends Error {
  code: number;
  stderr: string;
}
