import * as fs from 'fs';

/**
 * The CLI's standard output and error, written to their file descriptors. Node builds `process.stdout`
 * and `process.stderr` as streams on first use, which loads its stream modules: 2.5 ms of a one-file run
 * whose output is a file, 5 ms when it is a pipe (a pre-commit hook, a CI step). The writes here are
 * synchronous, as Node's own are for files and for pipes on Linux. A descriptor that cannot take more now (EAGAIN: a non-blocking pipe whose reader is slow) hands the
 * rest, and everything after it, to Node's stream, which waits for the reader before the process exits.
 */

const EXIT_USAGE = 2;

type Fd = 1 | 2;
const handedOver = new Set<Fd>();
/** A reader that stopped early (`ecslint … | head`) closed the pipe: that is not an error, and nothing more is written there. */
const closed = new Set<Fd>();

export function writeOut(text: string): void {
  write(1, text);
}

export function writeErr(text: string): void {
  write(2, text);
}

const BUFFER_CHARS = 64 * 1024;
const BUFFER_MS = 100;

/**
 * Standard output gathered into writes of 64 KB, or one every 100 ms: a report written as the run goes
 * costs one system call for many files (a write per file was 4% of a run of small JSON files), and a
 * terminal still shows it as it comes.
 */
export function bufferedOut(beforeWrite?: () => void): { write(text: string): void; flush(): void } {
  let pending = '';
  let since = 0;
  const flush = () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    beforeWrite?.();
    writeOut(text);
  };
  return {
    write(text) {
      if (pending === '') since = Date.now();
      pending += text;
      if (pending.length >= BUFFER_CHARS || Date.now() - since >= BUFFER_MS) flush();
    },
    flush,
  };
}

function write(fd: Fd, text: string): void {
  if (text === '' || closed.has(fd)) return;
  if (handedOver.has(fd)) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') {
      handedOver.add(fd);
      stream(fd).write(bytes.subarray(at));
    } else failed(fd, err);
  }
}

function stream(fd: Fd): NodeJS.WriteStream {
  const s = fd === 1 ? process.stdout : process.stderr;
  guard(s, fd);
  return s;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Errors of a stream the CLI writes to: never an uncaught exception. A stream's error comes after the fact,
 * when the run may have moved on, so the process ends there: quietly with the run's exit code when the reader
 * has gone (EPIPE), with one line and exit 2 otherwise.
 */
function guard(s: NodeJS.WriteStream, fd: Fd): void {
  if (guarded.has(s)) return;
  guarded.add(s);
  s.on('error', (err: NodeJS.ErrnoException) => {
    failed(fd, err);
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : err.code === 'EPIPE' ? 0 : EXIT_USAGE);
  });
}

/** Standard output as a stream, for what speaks a protocol over it (`ecslint lsp`), with the same error handling. */
export function guardedStdout(): NodeJS.WriteStream {
  return stream(1);
}

/**
 * A write that failed. The reader of a pipe that has gone (EPIPE) stopped early on purpose (`ecslint … | head`):
 * nothing more is written there, and the run's exit code still says what it found. Any other error on
 * standard output is one line on standard error and exit 2; standard error gone leaves nothing to say it on.
 */
function failed(fd: Fd, err: unknown): void {
  const code = (err as NodeJS.ErrnoException).code;
  closed.add(fd);
  if (code === 'EPIPE' || fd === 2) return;
  writeErr(`ecslint: cannot write the report: ${code ?? (err as Error).message}.\n`);
  process.exit(EXIT_USAGE);
}

/**
 * Whether a descriptor is a terminal. Asking Node's tty module loads its network stack (4 ms), so a
 * descriptor that is not a character device (a file, a pipe, a socket) and the null device are answered
 * without it.
 */
export function isTerminal(fd: Fd): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice()) return false;
  try {
    const nul = fs.statSync('/dev/null');
    if (nul.rdev === stat.rdev && nul.dev === stat.dev) return false;
  } catch {
    // No /dev/null (Windows): the tty module answers.
  }
  return (require('tty') as typeof import('tty')).isatty(fd);
}

/** The terminal's width in columns, for a descriptor that is a terminal. */
export function terminalColumns(fd: Fd): number | undefined {
  return isTerminal(fd) ? (fd === 1 ? process.stdout.columns : process.stderr.columns) : undefined;
}
