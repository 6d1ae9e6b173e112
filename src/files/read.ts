import * as fs from 'fs';
import { decode } from './decode';

/**
 * Files larger than this are not parsed: AWS takes task definitions up to 64 KiB and CloudFormation
 * templates up to 1 MB, so a bigger file is not an ECS input, and parsing it would only cost time and memory.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ReadOutcome = { bytes: Buffer } | { tooLarge: number } | { error: string };

/** Read a file to lint; never blocks on a FIFO or a device, never loads a huge file. */
export function readLintable(file: string): ReadOutcome {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { error: 'is a directory' };
    if (!stat.isFile()) return { error: 'is not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { tooLarge: stat.size };
    return { bytes: fs.readFileSync(fd) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (code ?? (err as Error).message) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Read a file ecslint itself needs (a configuration, a team rule, a baseline) with the same care
 * as a linted file: never blocking on a FIFO or a device, never loading more than MAX_FILE_BYTES,
 * and decoded as UTF-8 (or UTF-16 with a byte order mark). Returns the text, or why it cannot be read.
 */
export function readTextFile(file: string): { text: string } | { error: string } {
  const read = readLintable(file);
  if ('error' in read) return { error: read.error };
  if ('tooLarge' in read) return { error: `it is ${read.tooLarge} bytes, more than the ${MAX_FILE_BYTES} bytes ecslint reads` };
  const decoded = decode(read.bytes);
  if ('error' in decoded) return { error: decoded.error.replace(/^The file /, 'it ') };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  return { text };
}
