/**
 * V8 lets the old generation grow to about four times what is live before it collects it again. A lint run
 * keeps little (a streamed report keeps no result: some 15 MB live after 50,000 files) and makes much
 * short-lived garbage (the yaml library's parse of each file), so by default its peak memory follows that
 * headroom: 156 MB for 10,000 files and 200 MB for 50,000, of which a tenth is live. Growing the heap by a
 * quarter of what is live instead gave 123 MB and 139 MB, in the same time (docs/performance.md).
 *
 * A V8 flag is set from inside the process with node's v8 module, which takes about 3 ms to load: a run of
 * a few files, over in milliseconds, never pays for it.
 */
const FROM_FILES = 1000;
const GROWING_PERCENT = 25;

let tuned = false;

/** Called with the number of files a run lints, before it lints them; once is enough. */
export function tuneHeapFor(files: number): void {
  if (tuned || files < FROM_FILES) return;
  tuned = true;
  (require('v8') as typeof import('v8')).setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}
