import * as path from 'path';

/**
 * A result's file path as CI tools want it: relative to the working directory (the repository root in a CI
 * job), with forward slashes. Paths outside it stay absolute; names that are not paths (`<stdin>`) stay as given.
 */
export function repositoryPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
