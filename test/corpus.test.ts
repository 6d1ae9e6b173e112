/**
 * The real-world corpus (../shared/corpus/real): task definitions and templates written outside this
 * project. Every file must lint without a crash and without a parse error, and the findings on a
 * few files, checked by hand against the AWS docs, are asserted exactly.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintBytes } = require('../dist/src/lint') as typeof import('../src/lint');

const CORPUS = path.join(__dirname, '..', '..', 'shared', 'corpus', 'real');
const files = fs.readdirSync(CORPUS).filter((f) => /\.(json|ya?ml|template)$/.test(f)).sort();
const config = { preset: 'all' as const, rules: {}, launchType: 'EC2' as const, docs: 'seed' as const };

function lint(file: string) {
  return lintBytes(fs.readFileSync(path.join(CORPUS, file)), file, { config, explicit: true }).result;
}

test('the corpus is present', () => {
  expect(files.length).toBeGreaterThan(300);
});

test.each(files)('%s parses and lints', (file) => {
  const result = lint(file);
  expect(result.messages.filter((m) => m.ruleId === 'parse-error' || m.ruleId === 'unrecognised-document')).toEqual([]);
  for (const m of result.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.path).toMatch(/^(\/[^/]*)*$/);
  }
});

describe('findings checked by hand', () => {
  test('a template with a repeated Command key reports both repetitions at the second key', () => {
    const dup = lint('pahud__ecs-cfn-refarch__cloudformation_lab11-etcd3.yml').messages.filter((m) => m.ruleId === 'duplicate-key');
    expect(dup.map((m) => [m.line, m.column])).toEqual([
      [1337, 13],
      [1401, 13],
    ]);
  });

  test('a quoted scalar continued at its parent indentation (accepted by CloudFormation) parses', () => {
    const r = lint('aws-samples__ecs-refarch-mixed-mode__templates_ecs-cluster.yaml');
    expect(r.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
  });
});
