/**
 * The real-world corpus as a regression suite. Every error finding on ../shared/corpus/real was reviewed against
 * AWS's documentation and recorded with its reason in test/data/corpus-review/real.json. An error finding the record
 * does not have is a new verdict to review (a false one is a bug to fix, not a line to record), and a recorded error
 * that is no longer found is a true error lost.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, describeWhenPresent } from './shared';

const { lintFiles } = require('../dist/src/index') as typeof import('../src/index');

interface Verdict {
  file: string;
  rule: string;
  pointer: string;
  verdict: 'true';
  reason: string;
}

const RECORD = path.join(__dirname, 'data', 'corpus-review', 'real.json');
const record = JSON.parse(fs.readFileSync(RECORD, 'utf8')) as Verdict[];

test('every recorded verdict is a reviewed true error with its reason', () => {
  for (const v of record) {
    expect(v.verdict).toBe('true');
    expect(v.reason.length).toBeGreaterThan(20);
  }
});

describeWhenPresent('error findings on the real-world corpus', CORPUS, () => {
  const key = (file: string, rule: string, pointer: string) => `${file}\u0000${rule}\u0000${pointer}`;

  test('match the reviewed record, both ways, with the default settings', async () => {
    const { results } = await Promise.resolve(lintFiles([CORPUS], { config: {} }));
    const found = new Map<string, number>();
    for (const r of results) {
      for (const m of r.messages) {
        if (m.severity !== 'error') continue;
        const k = key(path.basename(r.filePath), m.ruleId, m.path);
        found.set(k, (found.get(k) ?? 0) + 1);
      }
    }
    const recorded = new Map<string, number>();
    for (const v of record) recorded.set(key(v.file, v.rule, v.pointer), (recorded.get(key(v.file, v.rule, v.pointer)) ?? 0) + 1);
    const unreviewed = [...found].filter(([k, n]) => (recorded.get(k) ?? 0) < n).map(([k]) => k.split('\u0000').join(' '));
    const lost = [...recorded].filter(([k, n]) => (found.get(k) ?? 0) < n).map(([k]) => k.split('\u0000').join(' '));
    expect({ unreviewed, lost }).toEqual({ unreviewed: [], lost: [] });
  });
});
