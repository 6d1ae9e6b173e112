/**
 * The Terraform reader: .tf files into the Terraform JSON-syntax tree with positions, embedded container
 * definitions (jsonencode, heredocs, quoted strings, file(), templatefile()), comments, syntax errors, and
 * `terraform show -json` plans. Positions are checked as line and column and against the text they cover.
 */
import * as fs from 'fs';
import * as path from 'path';

const { loadHclParser } = require('../dist/src/load/terraform/load-parser') as typeof import('../src/load/terraform/load-parser');

const { parseHcl } = require('../dist/src/load/terraform/parse-hcl') as typeof import('../src/load/terraform/parse-hcl');

const { readReferencedJson, FileReference } = require('../dist/src/load/terraform/file-ref') as typeof import('../src/load/terraform/file-ref');

const { hclDirectives } = require('../dist/src/load/terraform/comments') as typeof import('../src/load/terraform/comments');

const { readPlanResources, isTerraformPlan } = require('../dist/src/load/terraform/plan') as typeof import('../src/load/terraform/plan');

const { RESOURCE_NAMES } = require('../dist/src/load/terraform/names') as typeof import('../src/load/terraform/names');

const { parseJson } = require('../dist/src/load/parse-json') as typeof import('../src/load/parse-json');

const { locate } = require('../dist/src/model/document') as typeof import('../src/model/document');

const { fromPointer } = require('../dist/src/model/path') as typeof import('../src/model/path');

const { LineIndex } = require('../dist/src/model/text') as typeof import('../src/model/text');

const { Unknown } = require('../dist/src/model/unknown') as typeof import('../src/model/unknown');

import type { HclDocument, HclFile } from '../src/load/terraform/parse-hcl';
import type { ParsedDocument } from '../src/model/document';

const DATA = path.join(__dirname, 'data', 'terraform');
const CORPUS = path.join(__dirname, '..', '..', 'shared', 'corpus', 'terraform');

beforeAll(async () => {
  await loadHclParser();
});

function read(file: string): string {
  return fs.readFileSync(path.join(DATA, file), 'utf8');
}

function parsed(text: string): HclDocument {
  const r: HclFile = parseHcl(text);
  if ('error' in r) throw new Error(`unexpected syntax error: ${r.error.message} at ${r.error.offset}`);
  return r;
}

/** The value at a JSON Pointer. */
function at(doc: ParsedDocument, pointer: string): unknown {
  let v: unknown = doc.value;
  for (const s of fromPointer(pointer)) v = (v as Record<string, unknown>)[s];
  return v;
}

/** Where locate() puts a pointer: [line, column, endLine, endColumn] (1-based) and the text covered. */
function where(doc: ParsedDocument, text: string, pointer: string): { range: number[]; text: string } {
  const span = locate(doc, fromPointer(pointer));
  const lines = new LineIndex(text);
  const s = lines.position(span.start);
  const e = lines.position(span.end);
  return { range: [s.line, s.column, e.line, e.column], text: text.slice(span.start, span.end) };
}

describe('HCL resources and jsonencode', () => {
  const text = read('jsonencode.tf');
  let doc: HclDocument;
  beforeAll(() => {
    doc = parsed(text);
  });
  const td = '/resource/aws_ecs_task_definition/web';

  test('arguments keep their literal values and sit at their key', () => {
    expect(at(doc, `${td}/family`)).toBe('web');
    expect(at(doc, `${td}/cpu`)).toBe(256);
    expect(at(doc, `${td}/requires_compatibilities`)).toEqual(['FARGATE']);
    expect(where(doc, text, `${td}/network_mode`)).toEqual({ range: [9, 3, 9, 38], text: 'network_mode             = "awsvpc"' });
  });

  test('a member of a jsonencode object, written with a quoted key', () => {
    expect(at(doc, `${td}/container_definitions/0/privileged`)).toBe(true);
    expect(where(doc, text, `${td}/container_definitions/0/privileged`)).toEqual({ range: [19, 7, 19, 26], text: '"privileged" = true' });
    expect(where(doc, text, `${td}/container_definitions/0/linuxParameters/initProcessEnabled`)).toEqual({
      range: [24, 9, 24, 34],
      text: 'initProcessEnabled = true',
    });
  });

  test('a reference is Unknown, labelled with the expression as written', () => {
    const role = at(doc, `${td}/execution_role_arn`);
    expect(role).toBeInstanceOf(Unknown);
    expect((role as InstanceType<typeof Unknown>).label).toBe('aws_iam_role.exec.arn');
    const taskDefinition = at(doc, '/resource/aws_ecs_service/web/task_definition') as InstanceType<typeof Unknown>;
    expect(taskDefinition.label).toBe('aws_ecs_task_definition.web.arn');
    expect(where(doc, text, '/resource/aws_ecs_service/web/task_definition').text).toBe('task_definition = aws_ecs_task_definition.web.arn');
  });

  test('literals inside an otherwise unknown structure stay known; only the reference is Unknown', () => {
    const env = at(doc, `${td}/container_definitions/0/environment/0`) as Record<string, unknown>;
    expect(env.name).toBe('MODE');
    expect(env.value).toBeInstanceOf(Unknown);
    expect(where(doc, text, `${td}/container_definitions/0/environment/0/name`)).toEqual({ range: [21, 11, 21, 24], text: 'name = "MODE"' });
    expect(at(doc, `${td}/container_definitions/0/name`)).toBeInstanceOf(Unknown);
    expect((at(doc, `${td}/container_definitions/1`) as InstanceType<typeof Unknown>).label).toBe('var.sidecar');
  });

  test('repeated blocks become a list of objects; nested blocks are lists too; dynamic blocks are Unknown items', () => {
    const volumes = at(doc, `${td}/volume`) as unknown[];
    expect(volumes).toHaveLength(3);
    expect(volumes[0]).toEqual({ name: 'data', host_path: '/ecs/data' });
    expect(at(doc, `${td}/volume/1/efs_volume_configuration/0/file_system_id`)).toBe('fs-0123456789abcdef0');
    expect(where(doc, text, `${td}/volume/1/efs_volume_configuration/0/file_system_id`).range).toEqual([39, 7, 39, 46]);
    expect(where(doc, text, `${td}/volume/0`)).toEqual({ range: [31, 3, 34, 4], text: 'volume {\n    name      = "data"\n    host_path = "/ecs/data"\n  }' });
    const dynamic = volumes[2] as InstanceType<typeof Unknown>;
    expect(dynamic).toBeInstanceOf(Unknown);
    expect(dynamic.mayBeAbsent).toBe(true);
    expect(dynamic.label).toBe('dynamic "volume" (for_each = var.extra_volumes)');
    expect(where(doc, text, `${td}/volume/2`).range).toEqual([43, 3, 48, 4]);
  });

  test('a missing argument is placed at the resource header', () => {
    expect(where(doc, text, `${td}/task_role_arn`)).toEqual({ range: [6, 1, 6, 41], text: 'resource "aws_ecs_task_definition" "web"' });
  });

  test('locals are kept, for references to resolve later', () => {
    expect(at(doc, '/locals/name')).toBe('web');
    expect(where(doc, text, '/locals/name').range).toEqual([3, 3, 3, 15]);
  });

  test('comments of every form are collected, and directives read from them', () => {
    expect(doc.comments.map((c) => [c.line, c.column, c.text.slice(0, 2)])).toEqual([
      [1, 1, '# '],
      [18, 7, '# '],
      [53, 53, '//'],
      [62, 3, '/*'],
    ]);
    const directives = hclDirectives(doc.comments);
    expect(directives).toEqual([
      { kind: 'disable-next-line', ruleIds: ['container-privileged'], reason: 'the sidecar needs it', line: 18, column: 7, endColumn: 79 },
      { kind: 'disable', ruleIds: ['service-public-ip'], reason: undefined, line: 62, column: 3, endColumn: 42 },
    ]);
  });

  test('no problem is reported for a clean file', () => {
    expect(doc.problems).toEqual([]);
  });
});

describe('container definitions written as JSON text', () => {
  const text = read('heredoc.tf');
  let doc: HclDocument;
  beforeAll(() => {
    doc = parsed(text);
  });

  test('<<EOF: members keep their positions; ${…} makes only that value Unknown', () => {
    const c = '/resource/aws_ecs_task_definition/heredoc/container_definitions/0';
    expect(at(doc, `${c}/privileged`)).toBe(true);
    expect(where(doc, text, `${c}/privileged`)).toEqual({ range: [9, 5, 9, 23], text: '"privileged": true' });
    const memory = at(doc, `${c}/memory`) as InstanceType<typeof Unknown>;
    expect(memory).toBeInstanceOf(Unknown);
    expect(memory.label).toBe('${var.memory}');
    expect(where(doc, text, `${c}/memory`).text).toBe('"memory": ${var.memory}');
    expect((at(doc, `${c}/image`) as InstanceType<typeof Unknown>).label).toBe('${var.image}');
  });

  test('<<-JSON: the common indentation is removed, and positions still point into the file', () => {
    const c = '/resource/aws_ecs_task_definition/indented/container_definitions/0';
    expect(at(doc, `${c}/readonlyRootFilesystem`)).toBe(false);
    expect(where(doc, text, `${c}/readonlyRootFilesystem`)).toEqual({ range: [22, 7, 22, 38], text: '"readonlyRootFilesystem": false' });
    expect(where(doc, text, '/resource/aws_ecs_task_definition/indented/container_definitions').range).toEqual([17, 3, 25, 9]);
  });

  test('a quoted string: HCL escapes and JSON escapes are both decoded, and ranges cover the escaped text', () => {
    const c = '/resource/aws_ecs_task_definition/quoted/container_definitions/0';
    expect(at(doc, `${c}/command`)).toEqual(['echo "hi"\n']);
    expect(where(doc, text, `${c}/privileged`)).toEqual({ range: [30, 110, 30, 130], text: '\\"privileged\\": true' });
    expect(where(doc, text, `${c}/command/0`).text).toBe('\\"echo \\\\\\"hi\\\\\\"\\\\n\\"');
  });

  test('JSON that is broken without any placeholder is reported at its offset', () => {
    const t = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  container_definitions = <<EOF\n[{"name": "a",}]\nEOF\n}\n';
    const d = parsed(t);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0].code).toBe('syntax');
    expect(new LineIndex(t).position(d.problems[0].span.start)).toEqual({ line: 4, column: 15 });
    expect(at(d, '/resource/aws_ecs_task_definition/x/container_definitions')).toBeInstanceOf(Unknown);
  });

  test('~ strip markers remove the whitespace beside an interpolation', () => {
    const t = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  container_definitions = "[{\\"name\\": \\"  ${~ var.a ~}  \\", \\"image\\": \\"b  ${~ var.b}  \\"}]"\n}\n';
    const d = parsed(t);
    expect((at(d, '/resource/aws_ecs_task_definition/x/container_definitions/0/name') as InstanceType<typeof Unknown>).label).toBe('${~ var.a ~}');
    expect((at(d, '/resource/aws_ecs_task_definition/x/container_definitions/0/image') as InstanceType<typeof Unknown>).label).toBe('b${~ var.b}  ');
  });

  test('a heredoc whose JSON is complete only once rendered is Unknown, not an error', () => {
    const t = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  container_definitions = <<EOF\n[{"name": "a", ${var.more}}]\nEOF\n}\n';
    const d = parsed(t);
    expect(d.problems).toEqual([]);
    expect(at(d, '/resource/aws_ecs_task_definition/x/container_definitions')).toBeInstanceOf(Unknown);
  });
});

describe('strings as Terraform reads them', () => {
  /** Values from HashiCorp's HCL specification suite (specsuite/tests/expressions/heredoc). */
  test.each([
    ['<<-EOT\n    Foo\n    Bar\n    Baz\n    EOT', 'Foo\nBar\nBaz\n'],
    ['<<-EOT\n    Foo\n      Bar\n    Baz\n    EOT', 'Foo\n  Bar\nBaz\n'],
    ['<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT', '  Foo\nBar\n  Baz\n'],
    ['<<-EOT\n    Foo\n\n    Bar\n\n    Baz\n    EOT', 'Foo\n\nBar\n\nBaz\n'],
    ['<<EOT\n    Foo\n    Bar\n    EOT', '    Foo\n    Bar\n'],
    // A line of whitespace alone neither counts nor loses its whitespace; each tab counts as one.
    ['<<-EOT\n    Foo\n      \n    Bar\n    EOT', 'Foo\n      \nBar\n'],
    ['<<-EOT\n\t\tFoo\n\t\t  Bar\n\tEOT', 'Foo\n  Bar\n'],
    ['"a $${b} %%{c} \\u00e9\\U0001F600 \\"q\\" \\\\"', 'a ${b} %{c} é😀 "q" \\'],
  ])('%j', (expression, value) => {
    const d = parsed(`resource "a" "b" {\n  x = ${expression}\n}\n`);
    expect(at(d, '/resource/a/b/x')).toBe(value);
  });

  test('"${expr}" alone is the expression; any other interpolation makes the string Unknown', () => {
    const d = parsed('resource "a" "b" {\n  x = "${var.a}"\n  y = "${var.a}-suffix"\n  z = "${jsonencode({ a = 1 })}"\n}\n');
    expect((at(d, '/resource/a/b/x') as InstanceType<typeof Unknown>).label).toBe('var.a');
    expect((at(d, '/resource/a/b/y') as InstanceType<typeof Unknown>).label).toBe('"${var.a}-suffix"');
    expect(at(d, '/resource/a/b/z')).toEqual({ a: 1 });
  });
});

describe('file() and templatefile()', () => {
  const text = read('module/main.tf');
  let doc: HclDocument;
  beforeAll(() => {
    doc = parsed(text);
  });

  test('a file() target (inside "${…}") is a FileReference read from the file, with positions in that file', () => {
    const ref = at(doc, '/resource/aws_ecs_task_definition/from_file/container_definitions') as InstanceType<typeof FileReference>;
    expect(ref).toBeInstanceOf(FileReference);
    expect(ref).toBeInstanceOf(Unknown);
    expect([ref.fn, ref.path, ref.base]).toEqual(['file', 'task-definitions/service.json', 'cwd']);
    expect(text.slice(ref.span.start, ref.span.end)).toBe('file("task-definitions/service.json")');
    const jsonText = read('module/task-definitions/service.json');
    const target = readReferencedJson(jsonText, ref);
    if ('error' in target) throw target.error;
    expect(at(target, '/0/privileged')).toBe(true);
    expect(where(target, jsonText, '/0/privileged')).toEqual({ range: [7, 5, 7, 23], text: '"privileged": true' });
  });

  test('templatefile(): the path after ${path.module}, its variables, and the template read with placeholders', () => {
    const ref = at(doc, '/resource/aws_ecs_task_definition/from_template/container_definitions') as InstanceType<typeof FileReference>;
    expect([ref.fn, ref.path, ref.base]).toEqual(['templatefile', 'templates/containers.json.tpl', 'module']);
    expect(ref.vars?.image).toBe('nginx:1.27');
    expect(ref.vars?.role).toBeInstanceOf(Unknown);
    expect(doc.fileReferences).toHaveLength(2);
    const tplText = read('module/templates/containers.json.tpl');
    const target = readReferencedJson(tplText, ref);
    if ('error' in target) throw target.error;
    expect(at(target, '/0/image')).toBe('nginx:1.27');
    expect(at(target, '/0/cpu')).toBe(256);
    expect(where(target, tplText, '/0/cpu')).toEqual({ range: [5, 5, 5, 18], text: '"cpu": ${cpu}' });
    expect((at(target, '/0/environment/0/value') as InstanceType<typeof Unknown>).label).toBe('${role}');
    expect(at(target, '/0/environment/1/value')).toBe('${not_a_placeholder}');
    expect(where(target, tplText, '/0/privileged')).toEqual({ range: [10, 5, 10, 23], text: '"privileged": true' });
  });

  test('a template without the variables is still read: unquoted placeholders become Unknown values', () => {
    const tplText = read('module/templates/containers.json.tpl');
    const target = readReferencedJson(tplText, { fn: 'templatefile', vars: {} });
    if ('error' in target) throw target.error;
    expect((at(target, '/0/cpu') as InstanceType<typeof Unknown>).label).toBe('${cpu}');
    expect(at(target, '/0/privileged')).toBe(true);
  });

  test('a path that is not a literal stays a plain Unknown', () => {
    const d = parsed('resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  container_definitions = file(local.path)\n}\n');
    const v = at(d, '/resource/aws_ecs_task_definition/x/container_definitions');
    expect(v).toBeInstanceOf(Unknown);
    expect(v).not.toBeInstanceOf(FileReference);
    expect(d.fileReferences).toEqual([]);
  });
});

describe('syntax errors', () => {
  test('a missing bracket is reported where the parser met the next token', () => {
    const text = read('broken.tf');
    const r = parseHcl(text);
    if (!('error' in r)) throw new Error('expected a syntax error');
    expect(r.error.message).toBe('Missing "]".');
    expect(new LineIndex(text).position(r.error.offset)).toEqual({ line: 5, column: 3 });
  });

  test('a stray token is reported at its first character', () => {
    const text = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  ]\n}\n';
    const r = parseHcl(text);
    if (!('error' in r)) throw new Error('expected a syntax error');
    expect(new LineIndex(text).position(r.error.offset)).toEqual({ line: 3, column: 3 });
  });

  test('an argument set twice and a repeated object key are problems, not crashes', () => {
    const text = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  family = "y"\n  container_definitions = jsonencode([{ name = "a", name = "b" }])\n}\n';
    const d = parsed(text);
    expect(d.problems.map((p) => [p.code, new LineIndex(text).position(p.span.start)])).toEqual([
      ['syntax', { line: 3, column: 3 }],
      ['duplicate-key', { line: 4, column: 53 }],
    ]);
    expect(at(d, '/resource/aws_ecs_task_definition/x/container_definitions/0/name')).toBe('b');
  });

  test('an unterminated string is named', () => {
    const r = parseHcl('x = "unterminated\n');
    expect('error' in r && r.error.message).toBe('Missing closing quote.');
  });

  test('nesting deeper than the limit is refused, not a stack overflow', () => {
    const r = parseHcl(`resource "a" "b" {\n  x = ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`);
    expect('error' in r && r.error.message).toBe('Nesting deeper than 500 levels.');
  });

  test('an empty file is an empty document', () => {
    expect(parsed('').value).toEqual({});
  });
});

describe('terraform show -json plans', () => {
  test('root module: task definition and service, container_definitions parsed inside the JSON string', () => {
    const text = read('plan-root/plan.json');
    const doc = parseJson(text);
    expect(isTerraformPlan(doc.value)).toBe(true);
    const { resources, problems } = readPlanResources(doc, text);
    expect(problems).toEqual([]);
    expect(resources.map((r) => [r.address, r.type, r.module])).toEqual([
      ['aws_ecs_service.web', 'aws_ecs_service', ''],
      ['aws_ecs_task_definition.web', 'aws_ecs_task_definition', ''],
    ]);
    const td = resources[1];
    expect(td.valuesPath).toEqual(['planned_values', 'root_module', 'resources', '1', 'values']);
    expect(td.values.cpu).toBe('256');
    expect(td.values.runtime_platform).toEqual([{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }]);
    const pointer = '/planned_values/root_module/resources/1/values/container_definitions/0';
    expect(at(doc, `${pointer}/privileged`)).toBe(true);
    expect(where(doc, text, `${pointer}/privileged`).text).toBe('\\"privileged\\":true');
    expect(at(doc, `${pointer}/environment/0/value`)).toBe('say "hi"\n\ttabbed é');
    expect(where(doc, text, `${pointer}/environment/0/value`).text).toBe('\\"value\\":\\"say \\\\\\"hi\\\\\\"\\\\n\\\\ttabbed é\\"');
    // The service's values, in the same shape as parseHcl gives.
    expect(resources[0].values.network_configuration).toEqual([{ assign_public_ip: true, security_groups: null, subnets: ['subnet-0123456789abcdef0'] }]);
  });

  test('nested child modules, count indexes, \\u escapes inside the string, and values known only after apply', () => {
    const text = read('plan-modules/plan.json');
    const doc = parseJson(text);
    const { resources } = readPlanResources(doc, text);
    expect(resources.map((r) => [r.address, r.module, r.index])).toEqual([
      ['module.app.module.worker.aws_ecs_task_definition.worker[0]', 'module.app.module.worker', 0],
      ['module.app.module.worker.aws_ecs_task_definition.worker[1]', 'module.app.module.worker', 1],
    ]);
    const r = resources[0];
    expect(r.valuesPath).toEqual(['planned_values', 'root_module', 'child_modules', '0', 'child_modules', '0', 'resources', '0', 'values']);
    const containers = r.values.container_definitions as Array<Record<string, unknown>>;
    expect(containers[0].command).toEqual(['sh', '-c', 'echo "started" && sleep 3600']);
    const pointer = '/' + r.valuesPath.join('/') + '/container_definitions/0/command/2';
    expect(where(doc, text, pointer).text).toBe('\\"echo \\\\\\"started\\\\\\" \\\\u0026\\\\u0026 sleep 3600\\"');
    expect(r.values.arn).toBeInstanceOf(Unknown);
    const volume = (r.values.volume as Array<Record<string, unknown>>)[0];
    expect(volume.host_path).toBe('/ecs/scratch');
    // Computed by the provider: known only after apply.
    expect(volume.configure_at_launch).toBeInstanceOf(Unknown);
  });

  test('a plain task definition JSON is not a plan', () => {
    expect(isTerraformPlan(parseJson('{"family": "x", "containerDefinitions": []}').value)).toBe(false);
  });
});

describe('names table', () => {
  test('the irregular names map to the API members', () => {
    const td = RESOURCE_NAMES.aws_ecs_task_definition;
    const svc = RESOURCE_NAMES.aws_ecs_service;
    expect(td.network_mode.api).toBe('networkMode');
    expect(td.volume).toMatchObject({ api: 'volumes', shape: 'list' });
    expect(td.volume.block?.host_path.api).toBe('host.sourcePath');
    expect(td.volume.block?.efs_volume_configuration.api).toBe('efsVolumeConfiguration');
    expect(svc.ordered_placement_strategy.api).toBe('placementStrategy');
    expect(svc.load_balancer.api).toBe('loadBalancers');
    expect(svc.network_configuration.api).toBe('networkConfiguration.awsvpcConfiguration');
    expect(svc.network_configuration.block?.assign_public_ip.convert).toBe('enabled-disabled');
    expect(svc.iam_role.api).toBe('role');
    expect(svc.wait_for_steady_state.api).toBeNull();
  });
});

describe('the real-world Terraform corpus', () => {
  const present = fs.existsSync(CORPUS);
  if (!present) {
    console.log(`Skipped the Terraform corpus checks: ${CORPUS} is missing (it is not part of the repository).`);
  }
  const list = (pattern: RegExp): string[] => {
    if (!present) return [];
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (pattern.test(e.name)) out.push(path.relative(CORPUS, p));
      }
    };
    walk(CORPUS);
    return out.sort();
  };
  const hcl = list(/\.(tf|tfvars)$/);
  const templates = list(/\.tpl$/);

  test('it holds the HCL files it describes (or is absent)', () => {
    if (present) expect(hcl.length).toBeGreaterThanOrEqual(88);
    else expect(hcl).toEqual([]);
  });

  if (hcl.length > 0) {
    test.each(hcl)('%s parses without an error, and every located range is inside the file', (file) => {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const doc = parsed(text);
      const resources = (doc.value as { resource?: Record<string, Record<string, unknown>> }).resource ?? {};
      for (const [type, byName] of Object.entries(resources)) {
        for (const name of Object.keys(byName)) {
          const span = locate(doc, ['resource', type, name, 'container_definitions']);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.end).toBeGreaterThan(span.start);
        }
      }
    });
  }

  if (templates.length > 0) {
    test.each(templates)('%s reads as a template without a crash', (file) => {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const r = readReferencedJson(text, { fn: 'templatefile', vars: {} });
      expect('error' in r ? r.error.message : 'read').toBe('read');
    });
  }

  if (present) {
    test('the provider documentation examples load their file() target', () => {
      const dir = path.join(CORPUS, 'hashicorp__terraform-provider-aws', 'website', 'docs', 'r', 'ecs_task_definition.html.markdown.blocks');
      const doc = parsed(fs.readFileSync(path.join(dir, 'L15.tf'), 'utf8'));
      const ref = at(doc, '/resource/aws_ecs_task_definition/service/container_definitions') as InstanceType<typeof FileReference>;
      expect([ref.fn, ref.path]).toEqual(['file', 'task-definitions/service.json']);
      const target = readReferencedJson(fs.readFileSync(path.join(dir, ref.path), 'utf8'), ref);
      if ('error' in target) throw target.error;
      expect((target.value as unknown[]).length).toBe(2);
      expect(at(doc, '/resource/aws_ecs_task_definition/service/volume/0/host_path')).toBe('/ecs/service-storage');
    });

    test("checkov's plan lists its task definition with parsed container definitions", () => {
      const file = path.join(CORPUS, 'bridgecrewio__checkov', 'tests', 'terraform', 'image_referencer', 'resources', 'aws', 'ecs_tfplan.json');
      const text = fs.readFileSync(file, 'utf8');
      const doc = parseJson(text);
      const { resources, problems } = readPlanResources(doc, text);
      expect(problems).toEqual([]);
      const td = resources.filter((r) => r.type === 'aws_ecs_task_definition');
      expect(td.length).toBeGreaterThan(0);
      expect(Array.isArray(td[0].values.container_definitions)).toBe(true);
    });
  }
});
