/**
 * Terraform linted like every other form: .tf files (jsonencode, heredocs, file(), templatefile()),
 * services linked to their module's task definitions, `terraform show -json` plans, .tf.json files,
 * unknown values, suppression comments, and findings at the exact key with Terraform's own pointers.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const api = require('../dist/src/index') as typeof import('../src/index');

const { firstPassesInSequence, collect } = require('../dist/src/pipeline') as typeof import('../src/pipeline');

const { firstPassesInThreads } = require('../dist/src/parallel') as typeof import('../src/parallel');

const { expandPaths } = require('../dist/src/files/expand') as typeof import('../src/files/expand');

import type { FileResult, Finding } from '../src/model/finding';

const DATA = path.join(__dirname, 'data', 'terraform');
const LINT = path.join(DATA, 'lint');
const ALL = { preset: 'all' as const, rules: {}, launchType: 'EC2' as const, docs: 'current' as const };

/** The errors and the findings of the given rules, as `rule pointer line:column`. */
function shown(result: FileResult | undefined, rules: string[] = []): string[] {
  return (result?.messages ?? []).filter((m) => m.severity === 'error' || rules.includes(m.ruleId)).map((m) => `${m.ruleId} ${m.path} ${m.line}:${m.column}`);
}

async function lint(paths: string[], config: Partial<typeof ALL> = ALL): Promise<Map<string, FileResult>> {
  const { results, failures } = await api.lintFiles(paths, { config });
  expect(failures).toEqual([]);
  return new Map(results.map((r) => [path.relative(DATA, r.filePath), r]));
}

function finding(result: FileResult | undefined, ruleId: string): Finding {
  const f = result?.messages.find((m) => m.ruleId === ruleId);
  if (!f) throw new Error(`no ${ruleId} finding in ${result?.filePath}: ${JSON.stringify(result?.messages.map((m) => m.ruleId))}`);
  return f;
}

describe('a module: a task definition in one .tf file, its service in another', () => {
  let results: Map<string, FileResult>;
  beforeAll(async () => {
    results = await lint([path.join(LINT, 'module')]);
  });

  test('container definitions written with jsonencode are checked at their HCL keys, with Terraform pointers', () => {
    const task = results.get('lint/module/task.tf');
    expect(shown(task)).toEqual([
      'fargate-no-privileged /resource/aws_ecs_task_definition/web/container_definitions/0/privileged 15:7',
      'td-type /resource/aws_ecs_task_definition/web/container_definitions/0/environment/0/value 17:40',
    ]);
    expect(finding(task, 'fargate-no-privileged')).toMatchObject({ endLine: 15, endColumn: 26, taskDefinition: 'aws_ecs_task_definition.web' });
    // cpu = 256 is a number in HCL; Terraform makes it the string the API takes: no td-type finding.
    expect(task?.messages.filter((m) => m.path.endsWith('/cpu') || m.path.endsWith('/memory'))).toEqual([]);
    expect(task?.taskDefinitions).toEqual(['aws_ecs_task_definition.web']);
  });

  test('the service is linked to the task definition it references in the other file, and the service checks run', () => {
    const service = results.get('lint/module/service.tf');
    expect(shown(service)).toEqual([
      'svc-network-configuration /resource/aws_ecs_service/web/network_configuration 1:1',
      'svc-lb-container /resource/aws_ecs_service/web/load_balancer/0/container_port 11:5',
    ]);
    const lb = finding(service, 'svc-lb-container');
    expect(lb.message).toBe('Load balancer container_port 9090: task definition "aws_ecs_task_definition.web" has no port mapping for container port 9090 in container "web" (it maps 8080).');
  });

  test('a service linted alone still finds its task definition in the module folder', async () => {
    const alone = await lint([path.join(LINT, 'module', 'service.tf')]);
    expect(shown(alone.get('lint/module/service.tf'))).toEqual(shown(results.get('lint/module/service.tf')));
    expect(alone.has('lint/module/task.tf')).toBe(false);
  });
});

describe('messages name members as the Terraform file writes them', () => {
  test('{{field}} and the schema rules use snake_case names', async () => {
    const [result] = await api.lintTextAsync(
      [
        'resource "aws_ecs_task_definition" "x" {',
        '  family       = "x"',
        '  network_mode = "awsvpcc"',
        '  cpu          = "1 vCPUs"',
        '  container_definitions = jsonencode([{ name = "a", image = "b", memory = 128 }])',
        '}',
        '',
      ].join('\n'),
      { filePath: path.join(LINT, 'inline.tf'), config: ALL },
    );
    expect(finding(result, 'td-enum').message).toBe('"network_mode" in the task definition is "awsvpcc", not one of "awsvpc", "bridge", "host", "none" (did you mean "awsvpc"?).');
    expect(finding(result, 'size-format').message).toMatch(/^Task cpu "1 vCPUs" is not a size ECS understands/);
    expect(finding(result, 'td-enum')).toMatchObject({ path: '/resource/aws_ecs_task_definition/x/network_mode', line: 3, column: 3 });
  });

  test('ecslint explain says how the members a rule checks are written in Terraform', () => {
    const explain = (id: string) => spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'ecslint.js'), 'explain', id], { encoding: 'utf8' }).stdout;
    expect(explain('fargate-network-mode')).toContain('In Terraform: networkMode is network_mode (aws_ecs_task_definition).');
    expect(explain('fargate-no-host-source-path')).toContain('In Terraform: volumes.host.sourcePath is volume.host_path (aws_ecs_task_definition).');
    expect(explain('svc-lb-container')).toContain('In Terraform: loadBalancers is load_balancer (aws_ecs_service).');
    // Container members are written as in the API.
    expect(explain('fargate-no-privileged')).not.toContain('In Terraform');
  });
});

describe('container definitions as JSON text', () => {
  test('a heredoc: positions inside it; ${…} values are unknown', async () => {
    const results = await lint([path.join(LINT, 'heredoc.tf')]);
    expect(shown(results.get('lint/heredoc.tf'))).toEqual(['fargate-no-privileged /resource/aws_ecs_task_definition/heredoc/container_definitions/0/privileged 13:9']);
  });

  test('file() and templatefile(): the findings are reported in the JSON file, at its keys, with pointers into it', async () => {
    const results = await lint([path.join(LINT, 'files', 'main.tf')]);
    expect([...results.keys()]).toEqual(['lint/files/main.tf', 'lint/files/task-definitions/app.json', 'lint/files/templates/app.json.tpl']);
    expect(shown(results.get('lint/files/main.tf'))).toEqual([]);
    const file = results.get('lint/files/task-definitions/app.json');
    expect(shown(file)).toEqual(['fargate-no-privileged /0/privileged 6:5']);
    expect(file?.taskDefinitions).toEqual(['aws_ecs_task_definition.from_file']);
    // The template's variables are put in ("containerPort": ${port} is 8080); its task-level context is the resource's (awsvpc).
    const template = results.get('lint/files/templates/app.json.tpl');
    expect(shown(template)).toEqual(['nm-awsvpc-host-port /0/portMappings/0/hostPort 6:50']);
    expect(finding(template, 'nm-awsvpc-host-port').message).toContain('maps portMappings[0].hostPort 80 to containerPort 8080; with network_mode "awsvpc"');
  });

  test('a JSON file that a .tf file reads is reported once, in the context of the task definition, even when the folder is walked', async () => {
    const results = await lint([path.join(LINT, 'files')]);
    expect([...results.keys()]).toEqual(['lint/files/main.tf', 'lint/files/task-definitions/app.json', 'lint/files/templates/app.json.tpl']);
    expect(results.get('lint/files/task-definitions/app.json')?.taskDefinitions).toEqual(['aws_ecs_task_definition.from_file']);
    expect(shown(results.get('lint/files/task-definitions/app.json'))).toEqual(['fargate-no-privileged /0/privileged 6:5']);
  });

  test("a file outside the repository (or, outside a repository, outside the .tf file's folder) is not read", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-boundary-'));
    try {
      fs.mkdirSync(path.join(dir, 'app'));
      fs.writeFileSync(path.join(dir, 'containers.json'), '[{"name": "a", "image": "nginx:1.27", "privileged": true}]');
      const tf = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  requires_compatibilities = ["FARGATE"]\n  container_definitions = file("../containers.json")\n}\n';
      fs.writeFileSync(path.join(dir, 'app', 'main.tf'), tf);
      const outside = await api.lintFiles([path.join(dir, 'app')], { config: ALL });
      expect(outside.results.map((r) => path.relative(dir, r.filePath))).toEqual([path.join('app', 'main.tf')]);
      fs.mkdirSync(path.join(dir, '.git'));
      const inside = await api.lintFiles([path.join(dir, 'app')], { config: ALL });
      expect(inside.results.map((r) => path.relative(dir, r.filePath))).toEqual([path.join('app', 'main.tf'), 'containers.json']);
      expect(shown(inside.results[1])).toContain('fargate-no-privileged /0/privileged 1:39');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the parse layer fixtures: quoted JSON and file() from a module, under --launch-type FARGATE', async () => {
    const results = await lint([path.join(DATA, 'module', 'main.tf'), path.join(DATA, 'heredoc.tf')], { ...ALL, launchType: 'FARGATE' });
    expect(shown(results.get('module/task-definitions/service.json'), [])).toContain('fargate-no-privileged /0/privileged 7:5');
    expect(shown(results.get('module/templates/containers.json.tpl'))).toContain('fargate-no-privileged /0/privileged 10:5');
    expect(shown(results.get('heredoc.tf'))).toContain('fargate-no-privileged /resource/aws_ecs_task_definition/quoted/container_definitions/0/privileged 30:110');
  });
});

describe('unknown values', () => {
  test('references, calls, conditionals, for expressions, splats, dynamic blocks and interpolations are never errors', async () => {
    const results = await lint([path.join(LINT, 'unknown.tf')]);
    const errors = shown(results.get('lint/unknown.tf'));
    // The one error is a literal inside an otherwise unknown container: privileged = true on Fargate.
    expect(errors).toEqual(['fargate-no-privileged /resource/aws_ecs_task_definition/partly_known/container_definitions/0/privileged 40:7']);
    expect(finding(results.get('lint/unknown.tf'), 'fargate-no-privileged').message).toBe('Container "var.name" sets privileged, which Fargate does not support.');
  });

  test('a mount of a volume that a dynamic block may make is not reported', async () => {
    const results = await lint([path.join(LINT, 'unknown.tf')]);
    expect(results.get('lint/unknown.tf')?.messages.filter((m) => m.ruleId === 'mount-source-volume')).toEqual([]);
  });
});

describe('what the AWS provider does with container definitions', () => {
  test('keys in another case are the members Go decodes them to; an unknown key is dropped (a warning); an unknown argument is named', async () => {
    const results = await lint([path.join(LINT, 'misspelt.tf')]);
    const r = results.get('lint/misspelt.tf');
    expect(shown(r)).toEqual([]);
    // Image = "nginx" is read as the image (it is not pinned); Memory = 256 as the memory an EC2 container needs.
    expect(r?.messages.map((m) => [m.ruleId, m.severity, m.path, m.line])).toEqual([
      ['bp-awsvpc', 'warning', '/resource/aws_ecs_task_definition/misspelt/network_mode', 1],
      ['bp-log-configuration', 'warning', '/resource/aws_ecs_task_definition/misspelt/container_definitions/0/logConfiguration', 4],
      ['bp-non-root-user', 'warning', '/resource/aws_ecs_task_definition/misspelt/container_definitions/0/user', 4],
      ['bp-readonly-root-fs', 'warning', '/resource/aws_ecs_task_definition/misspelt/container_definitions/0/readonlyRootFilesystem', 4],
      ['bp-image-pinned', 'warning', '/resource/aws_ecs_task_definition/misspelt/container_definitions/0/Image', 6],
      ['td-unknown-property', 'warning', '/resource/aws_ecs_task_definition/misspelt/container_definitions/0/privilege', 8],
      ['unknown-argument', 'warning', '/resource/aws_ecs_task_definition/misspelt/inference_accelerators', 12],
    ]);
    expect(finding(r, 'td-unknown-property').message).toBe('Unknown property "privilege" in container "app" (did you mean "privileged"?): the AWS provider drops it silently, so it has no effect.');
    expect(finding(r, 'unknown-argument').message).toContain('(did you mean "inference_accelerator"?)');
  });
});

describe('suppression comments', () => {
  test('# and // comments suppress the next line or their own line', async () => {
    const results = await lint([path.join(LINT, 'suppressed.tf')]);
    expect(shown(results.get('lint/suppressed.tf'))).toEqual(['fargate-no-privileged /resource/aws_ecs_task_definition/suppressed/container_definitions/2/privileged 22:7']);
  });

  test('an unused directive is reported when asked', async () => {
    const [r] = await api.lintTextAsync(
      'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  # ecslint-disable-next-line fargate-no-privileged\n  container_definitions = jsonencode([{ name = "a", image = "b:1", memory = 128 }])\n}\n',
      {
        filePath: 'x.tf',
        config: { ...ALL, reportUnusedDisableDirectives: true },
      },
    );
    expect(finding(r, 'unused-disable-directive')).toMatchObject({ line: 3, column: 3 });
  });
});

describe('Terraform JSON configuration (.tf.json)', () => {
  test('read with the JSON parser and the same normaliser; container_definitions positions inside the string', async () => {
    const results = await lint([path.join(LINT, 'tfjson')]);
    const r = results.get('lint/tfjson/main.tf.json');
    expect(shown(r)).toEqual(['fargate-no-privileged /resource/aws_ecs_task_definition/web/container_definitions/0/privileged 10:83']);
    expect(r?.taskDefinitions).toEqual(['aws_ecs_task_definition.web']);
  });
});

describe('terraform show -json plans', () => {
  test('with the configuration beside it, a finding is placed at the .tf source line and reported by address', async () => {
    const results = await lint([path.join(DATA, 'plan-root', 'plan.json')]);
    expect(shown(results.get('plan-root/main.tf'))).toEqual(['fargate-no-privileged /resource/aws_ecs_task_definition/web/container_definitions/0/privileged 26:7']);
    expect(results.get('plan-root/plan.json')?.taskDefinitions).toEqual(['aws_ecs_service.web', 'aws_ecs_task_definition.web']);
    expect(shown(results.get('plan-root/plan.json'))).toEqual([]);
  });

  test('a plan and its configuration in one run: each finding once', async () => {
    const results = await lint([path.join(DATA, 'plan-root')]);
    expect(shown(results.get('plan-root/main.tf'))).toEqual(['fargate-no-privileged /resource/aws_ecs_task_definition/web/container_definitions/0/privileged 26:7']);
  });

  test('child modules are found through their local sources; each count instance is reported by its address', async () => {
    const results = await lint([path.join(DATA, 'plan-modules', 'plan.json')]);
    const worker = results.get('plan-modules/modules/worker/main.tf');
    expect(worker?.messages.filter((m) => m.ruleId === 'vol-unused').map((m) => [m.taskDefinition, m.path, m.line])).toEqual([
      ['module.app.module.worker.aws_ecs_task_definition.worker[0]', '/resource/aws_ecs_task_definition/worker/volume/0', 21],
      ['module.app.module.worker.aws_ecs_task_definition.worker[1]', '/resource/aws_ecs_task_definition/worker/volume/0', 21],
    ]);
  });

  test('a finding placed in a .tf file is suppressed by its comments', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-plan-'));
    try {
      fs.copyFileSync(path.join(DATA, 'plan-root', 'plan.json'), path.join(dir, 'plan.json'));
      const tf = fs.readFileSync(path.join(DATA, 'plan-root', 'main.tf'), 'utf8');
      fs.writeFileSync(path.join(dir, 'main.tf'), tf.replace('      privileged = true', '      # ecslint-disable-next-line fargate-no-privileged -- a test\n      privileged = true'));
      const { results } = await api.lintFiles([path.join(dir, 'plan.json')], { config: ALL });
      expect(results.map((r) => path.basename(r.filePath))).toEqual(['plan.json', 'main.tf']);
      expect(results.flatMap((r) => shown(r))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without the configuration, a finding is placed in the plan, with the same pointer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-plan-'));
    try {
      fs.copyFileSync(path.join(DATA, 'plan-root', 'plan.json'), path.join(dir, 'plan.json'));
      const { results } = await api.lintFiles([dir], { config: ALL });
      expect(results.map((r) => path.basename(r.filePath))).toEqual(['plan.json']);
      const f = finding(results[0], 'fargate-no-privileged');
      expect(f).toMatchObject({ path: '/resource/aws_ecs_task_definition/web/container_definitions/0/privileged', taskDefinition: 'aws_ecs_task_definition.web', line: 1 });
      const text = fs.readFileSync(path.join(dir, 'plan.json'), 'utf8');
      expect(text.slice(f.column - 1, f.endColumn - 1)).toBe('\\"privileged\\":true');
      // The service is linked through the plan's configuration: its network checks see the awsvpc task definition.
      expect(results[0].messages.filter((m) => m.ruleId === 'svc-network-configuration')).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the examples the README shows', () => {
  test('bad/main.tf has the errors the README lists; good/main.tf has no finding, even with every rule', async () => {
    const { results } = await api.lintFiles([path.join(__dirname, '..', 'examples', 'terraform')], { config: ALL });
    const [bad, good] = results;
    expect(path.relative(path.join(__dirname, '..'), bad.filePath)).toBe(path.join('examples', 'terraform', 'bad', 'main.tf'));
    expect(bad.messages.filter((m) => m.severity === 'error').map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '5:3 fargate-network-mode',
      '7:3 size-fargate-combination',
      '15:7 fargate-no-privileged',
      '36:3 svc-network-configuration',
      '43:5 svc-lb-container',
    ]);
    expect(path.relative(path.join(__dirname, '..'), good.filePath)).toBe(path.join('examples', 'terraform', 'good', 'main.tf'));
    expect(good.messages).toEqual([]);
  });
});

describe('folder walks and the library API', () => {
  test('.tf files are found by default; .terraform/ is skipped', () => {
    const { files } = expandPaths([path.join(LINT, 'walk')]);
    expect(files.map((f) => path.relative(LINT, f.path))).toEqual([path.join('walk', 'app', 'main.tf')]);
  });

  test('lintTextAsync loads the parser; lintText reads .tf once it is loaded', async () => {
    const text = fs.readFileSync(path.join(LINT, 'walk', 'app', 'main.tf'), 'utf8');
    const [viaAsync] = await api.lintTextAsync(text, { filePath: 'main.tf', config: ALL });
    await api.prepareTerraform();
    expect(api.lintText(text, { filePath: 'main.tf', config: ALL })).toEqual(viaAsync);
    expect(shown(viaAsync)).toEqual(['fargate-network-mode /resource/aws_ecs_task_definition/app/network_mode 4:3']);
  });

  test('a .tf file with an HCL syntax error is a parse error, and the rest of the run is still reported', async () => {
    const results = await lint([path.join(DATA, 'broken.tf'), path.join(LINT, 'heredoc.tf')]);
    expect(finding(results.get('broken.tf'), 'parse-error')).toMatchObject({ line: 5, column: 3, message: 'Missing "]".' });
    expect(shown(results.get('lint/heredoc.tf'))).toHaveLength(1);
  });

  test('worker threads load the parser before they claim files: the same results as one thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-tf-threads-'));
    try {
      const source = fs.readFileSync(path.join(LINT, 'walk', 'app', 'main.tf'), 'utf8');
      for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `m${String(i).padStart(2, '0')}.tf`), source.replace(/"app"/g, `"app${i}"`));
      await api.prepareTerraform();
      const { files } = expandPaths([dir]);
      const settings = { config: ALL };
      const one = collect(files, firstPassesInSequence(files, settings), settings);
      const three = collect(files, firstPassesInThreads(files, settings, 3, undefined, true), settings);
      expect(three).toEqual(one);
      expect(one.results).toHaveLength(30);
      expect(one.results.every((r) => r.errorCount === 1)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
