/**
 * `npm run docs`: write docs/rules/<id>.md for every rule and docs/rules/README.md, the list of them all,
 * from rules/*.yaml and fixtures/. test/docs.test.ts fails when these files are stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateDocs } from '../src/docs/generate';

const root = path.join(__dirname, '..', '..');
const docsDir = path.join(root, 'docs', 'rules');
export const INDEX = 'README.md';

function main(): void {
  const { pages, index } = generateDocs();
  fs.mkdirSync(docsDir, { recursive: true });
  let written = 0;
  for (const [name, text] of [...pages, [INDEX, index] as const]) {
    const file = path.join(docsDir, name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.writeFileSync(file, text);
    written++;
  }
  // A page whose rule is gone would keep documenting a rule that no longer exists.
  for (const name of fs.readdirSync(docsDir)) {
    if (name.endsWith('.md') && name !== INDEX && !pages.has(name)) {
      fs.unlinkSync(path.join(docsDir, name));
      process.stdout.write(`ecslint: removed docs/rules/${name} (no such rule)\n`);
    }
  }
  process.stdout.write(`ecslint: ${pages.size} rule pages and the index (${written} changed)\n`);
}

if (require.main === module) main();
