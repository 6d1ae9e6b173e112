/**
 * docs/ci.md's snippets, run as written: the commands of the GitLab job, the Jenkins step, the GitHub workflow and
 * the shell step, with `npx --yes ecslint` meaning the built ecslint. The reports they write must be what GitLab's
 * Code Quality format documents and what a JUnit consumer reads.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { parse as parseYaml } from 'yaml';
import { BIN, CLEAN_YAML, privilegedFargateTaskDefinition } from './support';

const DOC = fs.readFileSync(path.join(__dirname, '..', 'docs', 'ci.md'), 'utf8');

/** The first fenced block of a language under a heading of docs/ci.md. */
function snippet(heading: string, language: string): string {
  const section = DOC.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`docs/ci.md has no section "${heading}"`);
  const m = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!m) throw new Error(`docs/ci.md "${heading}" has no ${language} block`);
  return m[1];
}

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-ci-'));
  fs.mkdirSync(path.join(work, '.git'));
  fs.mkdirSync(path.join(work, 'infra', 'prod'), { recursive: true });
  fs.writeFileSync(path.join(work, 'infra', 'prod', 'web.json'), privilegedFargateTaskDefinition('web'));
  fs.writeFileSync(path.join(work, 'infra', 'clean.yaml'), CLEAN_YAML);
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Run shell commands as a CI runner does (bash, stop at the first failure), with ecslint built from this checkout. */
function runLines(lines: string[]) {
  const script = ['set -eo pipefail', ...lines.map((l) => l.replace(/\bnpx (--yes )?ecslint\b/g, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`))].join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checkCodeQuality(file: string) {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'gitlab-codequality.schema.json'), 'utf8'));
  const ajv = new Ajv({ strict: false });
  const validate = ajv.compile(schema);
  const issues = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8'));
  if (!validate(issues)) throw new Error(`${file}: ${ajv.errorsText(validate.errors)}`);
  expect(issues.map((i: { location: { path: string } }) => i.location.path)).toContain('infra/prod/web.json');
  expect(issues.map((i: { check_name: string }) => i.check_name)).toContain('fargate-no-privileged');
}

function checkJunit(file: string) {
  const { parse } = require('test-results-parser') as { parse(o: { type: string; files: string[] }): { failed: number; suites: Array<{ name: string; cases: Array<{ status: string }> }> } };
  const result = parse({ type: 'junit', files: [path.join(work, file)] });
  expect(result.suites.map((s) => s.name).sort()).toEqual(['infra/clean.yaml', 'infra/prod/web.json']);
  expect(result.failed).toBeGreaterThan(0);
  const xml = fs.readFileSync(path.join(work, file), 'utf8');
  expect(xml).toMatch(/<testcase name="fargate-no-privileged \d+:\d+" classname="infra\/prod\/web.json" file="infra\/prod\/web.json" line="\d+">/);
}

test('GitLab CI: the job script writes a Code Quality report and a JUnit report, and fails on errors', () => {
  const job = (parseYaml(snippet('GitLab CI', 'yaml')) as Record<string, { script: string[]; artifacts: { when: string; reports: { codequality: string; junit: string } } }>).ecslint;
  const r = runLines(job.script);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(job.artifacts.when).toBe('always');
  checkCodeQuality(job.artifacts.reports.codequality);
  checkJunit(job.artifacts.reports.junit);
});

test('Jenkins: the sh step writes the JUnit report that the junit step reads, and tolerates findings', () => {
  const pipeline = snippet('Jenkins', 'groovy');
  const sh = [...pipeline.matchAll(/\bsh '([^']+)'/g)].map((m) => m[1]);
  const report = /\bjunit '([^']+)'/.exec(pipeline)![1];
  const r = runLines(sh);
  expect([r.code, r.stderr]).toEqual([0, '']);
  checkJunit(report);
});

test('GitHub Actions: the run steps write the SARIF file the upload step names, then annotate and fail', () => {
  const workflow = parseYaml(snippet('GitHub Actions', 'yaml')) as { jobs: { ecslint: { steps: Array<{ run?: string; uses?: string; with?: { sarif_file?: string } }> } } };
  const steps = workflow.jobs.ecslint.steps;
  const runs = steps.filter((s) => s.run).map((s) => s.run!);
  const first = runLines([runs[0]]);
  expect([first.code, first.stderr]).toEqual([0, '']);
  const sarif = JSON.parse(fs.readFileSync(path.join(work, steps.find((s) => s.with?.sarif_file)!.with!.sarif_file!), 'utf8'));
  expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  const last = runLines([runs[runs.length - 1]]);
  expect(last.code).toBe(1);
  expect(last.stdout).toMatch(/^::error file=infra\/prod\/web.json,line=\d+/m);
});

test('a plain shell step fails on findings and passes on a clean tree', () => {
  const lines = snippet('A plain shell step', 'sh').trim().split('\n');
  expect(runLines(lines).code).toBe(1);
  fs.rmSync(path.join(work, 'infra', 'prod'), { recursive: true });
  expect(runLines(lines).code).toBe(0);
});
