/**
 * The reference material beside the repository (../shared: the real-world corpus). A fresh clone does not
 * have it: the tests that need it then report one line saying what was skipped, and pass.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SHARED = path.join(__dirname, '..', '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus', 'real');
export const TERRAFORM_CORPUS = path.join(SHARED, 'corpus', 'terraform');

/** Run `body` as a describe block when `dir` exists; otherwise one test that says what was skipped and why. */
export function describeWhenPresent(name: string, dir: string, body: () => void): void {
  if (fs.existsSync(dir)) {
    describe(name, body);
    return;
  }
  test(`${name} (skipped: ${path.relative(process.cwd(), dir)} is not here)`, () => {
    console.log(`Skipped "${name}": ${dir} is not present (it sits beside the repository in the development workspace, not in a clone).`);
  });
}
