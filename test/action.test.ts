/**
 * The GitHub Action (action.yml). Its shell steps run here as the runner would run them (bash -eo
 * pipefail, in the workspace, with the GITHUB_* variables a composite action gets): the install step on
 * a snapshot of this work tree (npm registry needed), then the lint and verdict steps on task
 * definitions in a temporary workspace. The SARIF upload step belongs to GitHub and is not run; the
 * report it would upload is checked instead.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { copyCheckout, ROOT } from './checkout-copy';
import { CLEAN_YAML, privilegedFargateTaskDefinition } from './support';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const step = (name: string): Step => {
  const found = action.runs.steps.find((s) => s.name === name);
  if (!found) throw new Error(`action.yml has no step named "${name}"`);
  return found;
};

/** What ${{ … }} expressions the steps use, evaluated the way the runner would; any other expression fails the test. */
function evaluate(text: string, context: { inputs: Record<string, string>; steps: Record<string, Record<string, string>>; actionPath: string; runnerTemp: string }): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    let m: RegExpMatchArray | null;
    if ((m = expr.match(/^inputs\.([\w-]+)$/))) {
      if (!(m[1] in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${expr}`);
      return context.inputs[m[1]] ?? action.inputs[m[1]].default ?? '';
    }
    if ((m = expr.match(/^steps\.([\w-]+)\.outputs\.([\w-]+)$/))) return context.steps[m[1]]?.[m[2]] ?? '';
    if (expr === 'github.action_path') return context.actionPath;
    if (expr === 'runner.temp') return context.runnerTemp;
    throw new Error(`the test cannot evaluate \${{ ${expr} }}`);
  });
}

describe('action.yml', () => {
  test('a composite action with the documented inputs, GitHub annotations by default', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on', 'format', 'paths', 'sarif']);
    expect(action.inputs.format.default).toBe('github');
    expect(action.inputs['fail-on'].default).toBe('error');
    expect(action.inputs.sarif.default).toBe('false');
    expect(action.runs.steps.map((s) => s.name)).toEqual(['Install ecslint', 'Lint', 'Upload SARIF', 'Verdict']);
    for (const s of action.runs.steps.filter((s) => s.run)) expect([s.name, s.shell]).toEqual([s.name, 'bash']);
  });

  test('inputs reach the shell through the environment, never spliced into the script', () => {
    for (const s of action.runs.steps.filter((s) => s.run)) expect([s.name, s.run]).toEqual([s.name, expect.not.stringContaining('${{')]);
  });

  test('SARIF goes to code scanning with github/codeql-action/upload-sarif, only when asked for', () => {
    const upload = step('Upload SARIF');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.if).toContain("inputs.sarif == 'true'");
    expect(upload.with?.sarif_file).toBe('${{ steps.lint.outputs.sarif-file }}');
  });
});

/** A task definition with one warning (no logConfiguration) and no error. */
const WARNING_ONLY = CLEAN_YAML.replace(/\n\s+logConfiguration:\n\s+logDriver: json-file\n/, '\n');

describe('the action, run locally', () => {
  let tmp: string;
  let actionPath: string;
  let workspace: string;

  /** Runs one step's script as GitHub's runner does for `shell: bash`; returns its exit code, output and the outputs it set. */
  function runStep(s: Step, inputs: Record<string, string>, steps: Record<string, Record<string, string>> = {}) {
    const runnerTemp = fs.mkdtempSync(path.join(tmp, 'runner-temp-'));
    const outputFile = path.join(runnerTemp, 'github-output');
    fs.writeFileSync(outputFile, '');
    const context = { inputs, steps, actionPath, runnerTemp };
    const script = path.join(runnerTemp, 'step.sh');
    fs.writeFileSync(script, evaluate(s.run ?? '', context));
    const stepEnv = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, evaluate(String(v), context)]));
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|GITHUB_|RUNNER_)/i.test(k))),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: runnerTemp,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      ...stepEnv,
    };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      fs
        .readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
  }

  /** The lint step, then the verdict step with its outputs, as one run of the action. */
  function runAction(inputs: Record<string, string>) {
    const lint = runStep(step('Lint'), inputs);
    expect({ lintStepStatus: lint.status, stderr: lint.stderr }).toEqual({ lintStepStatus: 0, stderr: expect.any(String) });
    const verdict = runStep(step('Verdict'), inputs, { lint: lint.outputs });
    return { lint, verdict };
  }

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-action-'));
    actionPath = path.join(tmp, 'action');
    copyCheckout(actionPath);
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(path.join(workspace, 'infra', 'prod'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'infra', 'clean.yaml'), CLEAN_YAML);
    fs.writeFileSync(path.join(workspace, 'infra', 'prod', 'bad.json'), privilegedFargateTaskDefinition('web'));
    fs.writeFileSync(path.join(workspace, 'warn.yaml'), WARNING_ONLY);
    fs.writeFileSync(path.join(workspace, '--write-baseline=warn.yaml'), WARNING_ONLY);

    const install = runStep(step('Install ecslint'), {});
    if (install.status !== 0) throw new Error(`the install step failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
  }, 600_000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the install step builds the CLI in the action checkout', () => {
    expect(fs.existsSync(path.join(actionPath, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
  });

  test('by default: annotations for every finding, and an error fails the job', () => {
    const { lint, verdict } = runAction({});
    expect(lint.stdout).toMatch(/^::error file=infra\/prod\/bad\.json,line=\d+,col=\d+,[^\n]*title=fargate-no-privileged::Container "web" sets privileged/m);
    expect(lint.stdout).toMatch(/^::warning file=warn\.yaml,line=\d+,[^\n]*title=bp-log-configuration::/m);
    expect(lint.outputs['exit-code']).toBe('1');
    expect(verdict.status).toBe(1);
  });

  test('fail-on error passes with warnings only; fail-on warning fails on them', () => {
    const onError = runAction({ paths: 'warn.yaml infra/clean.yaml' });
    expect(onError.lint.stdout).toMatch(/^::warning file=warn\.yaml,/m);
    expect([onError.lint.outputs['exit-code'], onError.verdict.status]).toEqual(['0', 0]);
    const onWarning = runAction({ paths: 'warn.yaml infra/clean.yaml', 'fail-on': 'warning' });
    expect(onWarning.lint.stdout).toMatch(/^::warning file=warn\.yaml,/m);
    expect([onWarning.lint.outputs['exit-code'], onWarning.verdict.status]).toEqual(['1', 1]);
    const clean = runAction({ paths: 'infra/clean.yaml', 'fail-on': 'warning' });
    expect([clean.lint.stdout, clean.lint.outputs['exit-code'], clean.verdict.status]).toEqual(['', '0', 0]);
  });

  test('fail-on never passes with errors, but not when a path is missing', () => {
    const never = runAction({ 'fail-on': 'never' });
    expect(never.lint.stdout).toMatch(/^::error file=infra\/prod\/bad\.json,/m);
    expect([never.lint.outputs['exit-code'], never.verdict.status]).toEqual(['0', 0]);
    const missing = runAction({ paths: 'infra/clean.yaml nowhere/', 'fail-on': 'never' });
    expect(missing.lint.stderr).toContain('nowhere/');
    expect([missing.lint.outputs['exit-code'], missing.verdict.status]).toEqual(['2', 2]);
  });

  test('paths: one per line or space-separated, glob patterns left to ecslint, names like options read as paths', () => {
    // Read as an option, the second name would make ecslint write a baseline over warn.yaml.
    const r = runAction({ paths: 'infra/**/*.json\n--write-baseline=warn.yaml   infra/clean.yaml\n' });
    const annotated = [...r.lint.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((m) => m[1]);
    expect(annotated.sort()).toEqual(['--write-baseline=warn.yaml', 'infra/prod/bad.json', 'infra/prod/bad.json']);
    expect(fs.readFileSync(path.join(workspace, 'warn.yaml'), 'utf8')).toBe(WARNING_ONLY);
    expect(r.verdict.status).toBe(1);
  });

  test('format and config are passed on', () => {
    fs.writeFileSync(path.join(tmp, 'quiet-logs.yaml'), 'rules:\n  bp-log-configuration: "off"\n');
    const r = runAction({ paths: 'warn.yaml', format: 'json', config: path.join(tmp, 'quiet-logs.yaml'), 'fail-on': 'warning' });
    const report = JSON.parse(r.lint.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    expect(report.map((f) => [path.basename(f.filePath), f.messages])).toEqual([['warn.yaml', []]]);
    expect(r.verdict.status).toBe(0);
  });

  test('a fail-on value that is not error, warning or never is an error', () => {
    const r = runAction({ 'fail-on': 'sometimes' });
    expect(r.lint.stdout).toContain('::error title=ecslint::fail-on must be error, warning or never');
    expect(r.verdict.status).toBe(2);
  });

  test('sarif "true" writes a SARIF report for the upload step, beside the annotations', () => {
    const r = runAction({ sarif: 'true' });
    expect(r.lint.stdout).toMatch(/^::error file=infra\/prod\/bad\.json,/m);
    const file = r.lint.outputs['sarif-file'];
    expect(file).toBeTruthy();
    const sarif = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri]);
    expect(results).toContainEqual(['fargate-no-privileged', 'infra/prod/bad.json']);
    expect(r.verdict.status).toBe(1);
    expect(runAction({}).lint.outputs['sarif-file']).toBeUndefined();
  });
});
