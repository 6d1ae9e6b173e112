/**
 * The real-world Terraform corpus (../shared/corpus/terraform), linted as a user lints a repository: the
 * whole folder, .tf files, the JSON files they read, and a plan, with every rule (preset all; the default
 * launch type, EC2). Every file parses, and every error finding is one that
 * test/data/corpus-review/terraform.json records as reviewed and true. The record also keeps the false
 * errors that the loader and the rules were fixed for (verdict "false"): they must not come back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describeWhenPresent, TERRAFORM_CORPUS } from './shared';
import type { FileResult } from '../src/model/finding';

const api = require('../dist/src/index') as typeof import('../src/index');

interface Verdict {
  file: string;
  rule: string;
  pointer: string;
  verdict: 'true' | 'false';
  reason: string;
}

const REVIEW = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'corpus-review', 'terraform.json'), 'utf8')) as Verdict[];
const CONFIG = { preset: 'all' as const, launchType: 'EC2' as const, docs: 'current' as const };

test('every recorded verdict says true or false, with its reason', () => {
  for (const v of REVIEW) {
    expect(['true', 'false']).toContain(v.verdict);
    expect(v.reason.length).toBeGreaterThan(20);
  }
});
const key = (file: string, rule: string, pointer: string) => `${file} ${rule} ${pointer}`;

describeWhenPresent('the real-world Terraform corpus', TERRAFORM_CORPUS, () => {
  let results: FileResult[];
  let errors: string[];
  beforeAll(async () => {
    const run = await api.lintFiles([TERRAFORM_CORPUS], { config: CONFIG });
    expect(run.failures).toEqual([]);
    expect(run.missing).toEqual([]);
    results = run.results;
    errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 'error').map((m) => key(path.relative(TERRAFORM_CORPUS, r.filePath), m.ruleId, m.path)));
  });

  test('every .tf file with an ECS resource is linted, and none has a parse error', () => {
    const tf: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.tf') && /resource\s+"aws_ecs_(task_definition|service)"/.test(fs.readFileSync(p, 'utf8'))) tf.push(path.relative(TERRAFORM_CORPUS, p));
      }
    };
    walk(TERRAFORM_CORPUS);
    const linted = new Set(results.map((r) => path.relative(TERRAFORM_CORPUS, r.filePath)));
    expect(tf.length).toBeGreaterThan(40);
    expect(tf.filter((f) => !linted.has(f))).toEqual([]);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'parse-error' || m.ruleId === 'internal-error').map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });

  test('every error finding is recorded as reviewed and true', () => {
    const reviewedTrue = new Set(REVIEW.filter((f) => f.verdict === 'true').map((f) => key(f.file, f.rule, f.pointer)));
    expect(errors.filter((e) => !reviewedTrue.has(e))).toEqual([]);
  });

  test('no false error that was fixed comes back, and every true one is still found', () => {
    const found = new Set(errors);
    expect(REVIEW.filter((f) => f.verdict === 'false' && found.has(key(f.file, f.rule, f.pointer)))).toEqual([]);
    expect(REVIEW.filter((f) => f.verdict === 'true' && !found.has(key(f.file, f.rule, f.pointer)))).toEqual([]);
  });

  test('the JSON files a .tf file reads are reported in the context of its task definition', () => {
    const serviceJson = results.find((r) => r.filePath.endsWith(path.join('ecs_task_definition.html.markdown.blocks', 'task-definitions', 'service.json')));
    expect(serviceJson?.taskDefinitions).toEqual(['aws_ecs_task_definition.service']);
    const template = results.find((r) => r.filePath.endsWith(path.join('examples', 'ecs-alb', 'task-definition.json')));
    expect(template?.taskDefinitions).toEqual(['aws_ecs_task_definition.ghost']);
  });

  test("checkov's plan is placed in the .tf file beside it", () => {
    const plan = results.find((r) => r.filePath.endsWith('ecs_tfplan.json'));
    expect(plan?.taskDefinitions).toEqual(['aws_ecs_task_definition.service']);
    const tf = results.find((r) => r.filePath.endsWith(path.join('image_referencer', 'resources', 'aws', 'ecs.tf')));
    expect(tf?.messages.find((m) => m.ruleId === 'bp-image-pinned')).toMatchObject({ path: '/resource/aws_ecs_task_definition/service/container_definitions/0/image', line: 6 });
  });
});
