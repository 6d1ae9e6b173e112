import * as fs from 'fs';

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
