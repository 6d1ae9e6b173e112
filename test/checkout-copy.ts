/** A copy of this checkout as it stands (tracked and new files, not node_modules or dist), for tests that install it. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..');

/** Copies the work tree's tracked and untracked, not ignored, files into `dest`, so a test installs this code, not the last commit. */
export function copyCheckout(dest: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    const src = path.join(ROOT, f);
    // A file deleted from the work tree but not yet from the index is listed too.
    if (!fs.existsSync(src) || !fs.lstatSync(src).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    fs.copyFileSync(src, path.join(dest, f));
    fs.chmodSync(path.join(dest, f), fs.statSync(src).mode);
  }
}
