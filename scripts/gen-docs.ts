/**
 * `npm run docs`: write docs/rules/<id>.md for every rule and the rules table in README.md (only between
 * its markers), from rules/*.yaml and fixtures/. test/docs.test.ts fails when these files are stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateDocs } from '../src/docs/generate';
import { replaceRulesTable, TABLE_END, TABLE_START } from '../src/docs/markdown';

const root = path.join(__dirname, '..', '..');
const docsDir = path.join(root, 'docs', 'rules');
const readmeFile = path.join(root, 'README.md');

function main(): void {
  const { pages, table } = generateDocs();
  fs.mkdirSync(docsDir, { recursive: true });
  let written = 0;
  for (const [name, text] of pages) {
    const file = path.join(docsDir, name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.writeFileSync(file, text);
    written++;
  }
  // A page whose rule is gone would keep documenting a rule that no longer exists.
  for (const name of fs.readdirSync(docsDir)) {
    if (name.endsWith('.md') && !pages.has(name)) {
      fs.unlinkSync(path.join(docsDir, name));
      process.stdout.write(`ecslint: removed docs/rules/${name} (no such rule)\n`);
    }
  }
  const readme = fs.existsSync(readmeFile) ? fs.readFileSync(readmeFile, 'utf8') : `${TABLE_START}\n${TABLE_END}\n`;
  const updated = replaceRulesTable(readme, table);
  if (updated !== readme || !fs.existsSync(readmeFile)) fs.writeFileSync(readmeFile, updated);
  process.stdout.write(`ecslint: ${pages.size} rule pages (${written} changed), README rules table ${updated !== readme ? 'updated' : 'unchanged'}\n`);
}

if (require.main === module) main();
