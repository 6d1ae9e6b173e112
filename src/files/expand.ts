import * as fs from 'fs';
import * as path from 'path';
import { TextPattern, userRegExp } from '../regexp/user-regexp';

/** A file to lint, and whether the user named it (as opposed to it being found in a folder or by a glob). */
export interface FileEntry {
  path: string;
  explicit: boolean;
}

export interface Expansion {
  files: FileEntry[];
  /** Paths that were named but do not exist or cannot be read (a named folder that cannot be listed too): a usage error. */
  missing: Array<{ path: string; reason: string }>;
  /**
   * Folders met while walking a named folder or a glob that could not be listed or resolved: the
   * files in them are not linted, and the run must say so.
   */
  unreadable: Array<{ path: string; reason: string }>;
}

export const DEFAULT_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

/**
 * Expand command-line paths: files as given, folders walked recursively (default extensions,
 * skipping node_modules and .git, never looping through symlinked folders), glob patterns matched.
 * The result is de-duplicated and in a stable order: the order of the arguments, then by name.
 */
export function expandPaths(inputs: string[], extensions: string[] = DEFAULT_EXTENSIONS): Expansion {
  const files: FileEntry[] = [];
  const missing: Expansion['missing'] = [];
  const unreadable: Expansion['unreadable'] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: p, explicit });
  };
  const wanted = (name: string) => extensions.includes(path.extname(name).toLowerCase());

  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      if (isGlob(input)) {
        let matched: string[];
        try {
          matched = expandGlob(input, (p, reason) => unreadable.push({ path: p, reason }));
        } catch (globError) {
          missing.push({ path: input, reason: `not a usable pattern: ${(globError as Error).message}` });
          continue;
        }
        if (matched.length === 0) missing.push({ path: input, reason: 'no file matches the pattern' });
        for (const f of matched) add(f, false);
      } else {
        missing.push({ path: input, reason: describeError(err) });
      }
      continue;
    }
    if (stat.isDirectory()) {
      // The named folder itself cannot be listed: a usage error, like a missing path; a folder under it: reported with the results.
      walk(
        input,
        new Set(),
        (f) => wanted(f) && add(f, false),
        (p, reason) => (p === input ? missing : unreadable).push({ path: p, reason }),
      );
    } else {
      add(input, true);
    }
  }
  return { files, missing, unreadable };
}

type OnError = (folder: string, reason: string) => void;

function walk(dir: string, visited: Set<string>, onFile: (p: string) => void, onError: OnError): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (err) {
    onError(dir, describeError(err));
    return;
  }
  if (visited.has(real)) return; // a symlink loop
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    onError(dir, describeError(err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(p, visited, onFile, onError);
    } else if (e.isFile()) {
      onFile(p);
    } else if (e.isSymbolicLink()) {
      let s: fs.Stats;
      try {
        s = fs.statSync(p);
      } catch (err) {
        // A dangling link, or a link to itself, leads to nothing to lint; any other failure hides what it leads to.
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ELOOP' && code !== 'ENOTDIR') onError(p, describeError(err));
        continue;
      }
      if (s.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) walk(p, visited, onFile, onError);
      } else if (s.isFile()) onFile(p);
    }
    // FIFOs, sockets and devices are never read: reading a FIFO would block the run.
  }
}

/**
 * Files matching a glob pattern (`*`, `**`, `?`, `[…]`, `{a,b}`), searched from its static prefix;
 * folders that cannot be listed are passed to `onError`.
 */
export function expandGlob(pattern: string, onError: OnError = () => undefined): string[] {
  const normalised = pattern.split(path.sep).join('/');
  const parts = normalised.split('/');
  const staticParts: string[] = [];
  for (const part of parts) {
    if (isGlob(part)) break;
    staticParts.push(part);
  }
  const base = staticParts.length === 0 ? '.' : staticParts.join('/') || '/';
  const re = globToRegExp(normalised);
  const out: string[] = [];
  const prefix = staticParts.length === 0 ? '' : base === '/' ? '/' : `${base}/`;
  walk(
    base,
    new Set(),
    (f) => {
      const rel = staticParts.length === 0 ? path.relative('.', f).split(path.sep).join('/') : prefix + path.relative(base, f).split(path.sep).join('/');
      if (re.test(rel)) out.push(staticParts.length === 0 ? rel : f);
    },
    (folder, reason) => {
      // A pattern whose fixed folder does not exist matches nothing; that is not an unreadable folder.
      if (!(folder === base && reason === 'no such file or directory')) onError(folder, reason);
    },
  );
  return out;
}

/**
 * A glob as a pattern. A glob with several stars makes a regular expression that backtracks
 * polynomially in a backtracking engine (many `**` segments and a deep path), and globs come
 * from configuration files: they run on the linear-time engine. Throws UserRegExpError for a
 * glob whose `[…]` class is not a valid one.
 */
export function globToRegExp(glob: string): TextPattern {
  let re = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 3 : 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        re +=
          '[' +
          glob
            .slice(i + 1, end)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']';
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
    i++;
  }
  return userRegExp(`^(?:\\./)?${re}$`);
}

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (err as Error).message;
}
