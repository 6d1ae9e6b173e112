/**
 * Fixes: the text edits (JSON through ecslint's own parser, YAML through the yaml library's CST), the rules'
 * declared fixes, the lint -> fix -> lint loop with its refusals, and `--fix` / `--fix-dry-run` on the CLI.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS, describeWhenPresent } from './shared';
import { runCli } from './support';

const { editAt } = require('../dist/src/load/edit') as typeof import('../src/load/edit');
const { applyChanges, compose, fixText, findingKey } = require('../dist/src/fix/apply') as typeof import('../src/fix/apply');
const api = require('../dist/src/index') as typeof import('../src/index');

type Op = import('../src/load/edit').EditOp;

function edited(text: string, syntax: 'json' | 'yaml', at: string[], op: Op): string | undefined {
  const e = editAt({ text, syntax }, at, op);
  return e && text.slice(0, e.start) + e.text + text.slice(e.end);
}

const lintAs =
  (filePath: string, config: Record<string, unknown> = {}) =>
  (text: string) =>
    api.lintText(text, { filePath, config: { launchType: 'EC2', ...config } });

function fix(text: string, filePath: string, config: Record<string, unknown> = {}) {
  return fixText(text, lintAs(filePath, config));
}

describe('JSON edits keep everything else', () => {
  const doc = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';
  test('remove the first, a middle and the last member, each with its own line', () => {
    expect(edited(doc, 'json', ['a'], { kind: 'remove' })).toBe('{\n  "b": 2,\n  "c": 3\n}\n');
    expect(edited(doc, 'json', ['b'], { kind: 'remove' })).toBe('{\n  "a": 1,\n  "c": 3\n}\n');
    expect(edited(doc, 'json', ['c'], { kind: 'remove' })).toBe('{\n  "a": 1,\n  "b": 2\n}\n');
  });
  test('members on one line lose only themselves and one comma', () => {
    expect(edited('{"a": 1, "b": 2, "c": 3}', 'json', ['b'], { kind: 'remove' })).toBe('{"a": 1, "c": 3}');
    expect(edited('{"a": 1, "b": 2}', 'json', ['b'], { kind: 'remove' })).toBe('{"a": 1}');
    expect(edited('{"x": {"only": 1}}', 'json', ['x', 'only'], { kind: 'remove' })).toBe('{"x": {}}');
  });
  test('CRLF line endings stay', () => {
    expect(edited('{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n', 'json', ['a'], { kind: 'remove' })).toBe('{\r\n  "b": 2\r\n}\r\n');
    expect(edited('{\r\n  "a": 1\r\n}', 'json', [], { kind: 'insert', key: 'n', value: 'v', after: ['a'] })).toBe('{\r\n  "a": 1,\r\n  "n": "v"\r\n}');
  });
  test('insert after a named member, or before the first, with the file indentation and colon style', () => {
    expect(edited('{\n    "a":1,\n    "b":2\n}', 'json', [], { kind: 'insert', key: 'n', value: 'v', after: ['zz', 'a'] })).toBe('{\n    "a":1,\n    "n":"v",\n    "b":2\n}');
    expect(edited('{\n  "a": 1\n}', 'json', [], { kind: 'insert', key: 'n', value: { x: ['y'] } })).toBe('{\n  "n": {"x": ["y"]},\n  "a": 1\n}');
    expect(edited('{}', 'json', [], { kind: 'insert', key: 'n', value: 1 })).toBe('{"n": 1}');
  });
  test('replace, quote, rename and append', () => {
    expect(edited('{"cpu": 256}', 'json', ['cpu'], { kind: 'quote' })).toBe('{"cpu": "256"}');
    expect(edited('{"cpu": 2.5}', 'json', ['cpu'], { kind: 'quote' })).toBeUndefined();
    expect(edited('{"m": "fargate"}', 'json', ['m'], { kind: 'replace', value: 'FARGATE' })).toBe('{"m": "FARGATE"}');
    expect(edited('{"l": ["a", "b"]}', 'json', ['l', '1'], { kind: 'replace', value: 'B' })).toBe('{"l": ["a", "B"]}');
    expect(edited('{"memoryReservaton": 1}', 'json', ['memoryReservaton'], { kind: 'rename', to: 'memoryReservation' })).toBe('{"memoryReservation": 1}');
    expect(edited('{"a": 1, "b": 2}', 'json', ['a'], { kind: 'rename', to: 'b' })).toBeUndefined();
    expect(edited('{"l": [\n  "a"\n]}', 'json', ['l'], { kind: 'append', value: 'b' })).toBe('{"l": [\n  "a",\n  "b"\n]}');
    expect(edited('{"l": []}', 'json', ['l'], { kind: 'append', value: 'b' })).toBe('{"l": ["b"]}');
  });
  test('a duplicated key or a missing member is not edited', () => {
    expect(edited('{"a": 1, "a": 2}', 'json', ['a'], { kind: 'remove' })).toBeUndefined();
    expect(edited('{"a": 1}', 'json', ['b'], { kind: 'remove' })).toBeUndefined();
    expect(edited('{"a": 1', 'json', ['a'], { kind: 'remove' })).toBeUndefined();
  });
  test('an object with a key written twice gets no removal or insertion (its neighbours are not known), other edits still', () => {
    const twice = '{"b": 0, "a": 1, "c": 2, "a": 3}';
    expect(edited(twice, 'json', ['b'], { kind: 'remove' })).toBeUndefined();
    expect(edited(twice, 'json', [], { kind: 'insert', key: 'n', value: 1, after: ['b'] })).toBeUndefined();
    expect(edited(twice, 'json', ['c'], { kind: 'rename', to: 'd' })).toBe('{"b": 0, "a": 1, "d": 2, "a": 3}');
    expect(edited(`{"x": ${twice}, "y": {"k": 1, "l": 2}}`, 'json', ['y', 'k'], { kind: 'remove' })).toBe(`{"x": ${twice}, "y": {"l": 2}}`);
  });
  test('edits reach members of list items and empty containers through the location tree', () => {
    expect(edited('{"l": [{"x": {}}, {"x": {"a": 1}}]}', 'json', ['l', '0', 'x'], { kind: 'insert', key: 'n', value: 1 })).toBe('{"l": [{"x": {"n": 1}}, {"x": {"a": 1}}]}');
    expect(edited('{"l": [{"x": {}}, {"x": {"a": 1}}]}', 'json', ['l', '1', 'x'], { kind: 'insert', key: 'n', value: 1, after: ['a'] })).toBe('{"l": [{"x": {}}, {"x": {"a": 1, "n": 1}}]}');
    expect(edited('{"l": [[], [1]]}', 'json', ['l', '0'], { kind: 'append', value: 2 })).toBe('{"l": [[2], [1]]}');
    expect(edited('{"l": [[], [1]]}', 'json', ['l', '1'], { kind: 'append', value: 2 })).toBe('{"l": [[], [1, 2]]}');
    expect(edited('{"l": [{"a": 1, "b": 2}]}', 'json', ['l', '0', 'a'], { kind: 'remove' })).toBe('{"l": [{"b": 2}]}');
    expect(edited('{"l": [{"a": 1}]}', 'json', ['l', '0', 'a'], { kind: 'remove' })).toBe('{"l": [{}]}');
    expect(edited('{"__proto__": {"a": 1, "b": 2}}', 'json', ['__proto__', 'a'], { kind: 'remove' })).toBe('{"__proto__": {"b": 2}}');
  });
});

describe('YAML edits go through the CST and keep everything else', () => {
  const doc = `# head
family: web   # the family
containerDefinitions:
  - name: web     # first
    # about the port
    hostPort: 80
    containerPort: 8080
  - {name: b, hostPort: 81, containerPort: 81}
`;
  test('remove a member: its line goes, comments on other lines and the layout stay', () => {
    expect(edited(doc, 'yaml', ['containerDefinitions', '0', 'containerPort'], { kind: 'remove' })).toBe(doc.replace('    containerPort: 8080\n', ''));
    expect(edited(doc, 'yaml', ['family'], { kind: 'remove' })).toBe(doc.replace('family: web   # the family\n', ''));
  });
  test('remove the first member of a list item: the next one moves up behind the dash', () => {
    const text = 'l:\n  - hostPort: 80\n    containerPort: 8080\n';
    expect(edited(text, 'yaml', ['l', '0', 'hostPort'], { kind: 'remove' })).toBe('l:\n  - containerPort: 8080\n');
  });
  test('remove from a flow map', () => {
    expect(edited(doc, 'yaml', ['containerDefinitions', '1', 'hostPort'], { kind: 'remove' })).toBe(doc.replace('hostPort: 81, ', ''));
    expect(edited(doc, 'yaml', ['containerDefinitions', '1', 'containerPort'], { kind: 'remove' })).toBe(doc.replace(', containerPort: 81', ''));
  });
  test('replace keeps the quoting; quote follows the file; rename keeps the comment', () => {
    expect(edited("a: 'fargate'  # c\n", 'yaml', ['a'], { kind: 'replace', value: 'FARGATE' })).toBe("a: 'FARGATE'  # c\n");
    expect(edited('a: fargate\n', 'yaml', ['a'], { kind: 'replace', value: 'FARGATE' })).toBe('a: FARGATE\n');
    expect(edited('a: [ec2, fargate]\n', 'yaml', ['a', '1'], { kind: 'replace', value: 'FARGATE' })).toBe('a: [ec2, FARGATE]\n');
    expect(edited("cpu: 256\nmemory: '512'\n", 'yaml', ['cpu'], { kind: 'quote' })).toBe("cpu: '256'\nmemory: '512'\n");
    expect(edited('cpu: 256\n', 'yaml', ['cpu'], { kind: 'quote' })).toBe('cpu: "256"\n');
    expect(edited(doc, 'yaml', ['family'], { kind: 'rename', to: 'Family' })).toBe(doc.replace('family: web', 'Family: web'));
  });
  test('insert a member after a named one, with a nested value indented like the file', () => {
    const text = 'Resources:\n    Task:\n        Type: AWS::ECS::TaskDefinition\n        Properties:\n            Cpu: 256\n';
    expect(edited(text, 'yaml', ['Resources', 'Task'], { kind: 'insert', key: 'Metadata', value: { ecslint: { ignore: ['r'] } }, after: ['Type'] })).toBe(
      'Resources:\n    Task:\n        Type: AWS::ECS::TaskDefinition\n        Metadata:\n            ecslint:\n                ignore: [r]\n        Properties:\n            Cpu: 256\n',
    );
    expect(edited('- a: 1\n  b: 2\n', 'yaml', ['0'], { kind: 'insert', key: 'k', value: 'v' })).toBe('- k: v\n  a: 1\n  b: 2\n');
    expect(edited('a: 1\r\nb: 2', 'yaml', [], { kind: 'insert', key: 'k', value: 'true', after: ['b'] })).toBe('a: 1\r\nb: 2\r\nk: "true"');
  });
  test('append to a block list and to a flow list', () => {
    expect(edited('ignore:\n  - a\nnext: 1\n', 'yaml', ['ignore'], { kind: 'append', value: 'b' })).toBe('ignore:\n  - a\n  - b\nnext: 1\n');
    expect(edited('ignore: [a]\n', 'yaml', ['ignore'], { kind: 'append', value: 'b' })).toBe('ignore: [a, b]\n');
  });
  test('anchored, aliased and tagged nodes are not edited: the edit would reach elsewhere', () => {
    expect(edited('base: &b\n  hostPort: 80\n  x: 1\nother: *b\n', 'yaml', ['base', 'hostPort'], { kind: 'remove' })).toBeUndefined();
    expect(edited('base: {x: 1}\nother: *b\n', 'yaml', ['other', 'x'], { kind: 'remove' })).toBeUndefined();
    expect(edited('a: !Ref X\n', 'yaml', ['a'], { kind: 'replace', value: 'Y' })).toBeUndefined();
    expect(edited('a: 1\na: 2\n', 'yaml', ['a'], { kind: 'remove' })).toBeUndefined();
  });
  test('a document of a stream is chosen by index', () => {
    expect(edited('a: 1\nb: 1\n---\na: 2\nb: 2\n', 'yaml', ['a'], { kind: 'remove' } as Op)).toBe('b: 1\n---\na: 2\nb: 2\n');
    const e = editAt({ text: 'a: 1\nb: 1\n---\na: 2\nb: 2\n', syntax: 'yaml', documentIndex: 1 }, ['a'], { kind: 'remove' })!;
    expect(e.start).toBeGreaterThan(10);
  });
});

describe('changes of the input are composed exactly', () => {
  test('edits of later texts map back to the input, merging where they touch', () => {
    const input = 'abcdefghij';
    let changes = compose(input, [], { range: [2, 4], text: 'XY' }); // abXYefghij
    changes = compose(input, changes, { range: [6, 8], text: '' }); // abXYefij
    changes = compose(input, changes, { range: [3, 5], text: '-' }); // abX-fij
    expect(applyChanges(input, changes)).toBe('abX-fij');
    expect(changes.map((c) => [c.start, c.end])).toEqual([
      [2, 5],
      [6, 8],
    ]);
  });
});

const FARGATE_JSON = `{
  "family": "web",
  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
  "revision": 3,
  "requiresCompatibilities": ["fargate"],
  "cpu": 256,
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "essential": true,
      "memoryReservaton": 128,
      "portMappings": [{ "containerPort": 8080, "hostPort": 8080 }],
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } }
    }
  ],
  "status": "ACTIVE"
}
`;

describe('the rules declare their fixes; --fix mends the safe cases to a fixpoint', () => {
  test('a copied describe output, a lower-case enum, a number for a string, a typo, a missing networkMode: one pass mends them all', () => {
    const out = fix(FARGATE_JSON, 'td.json');
    expect(out.output).toBe(`{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "essential": true,
      "memoryReservation": 128,
      "portMappings": [{ "containerPort": 8080, "hostPort": 8080 }],
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } }
    }
  ]
}
`);
    expect(out.result!.messages).toEqual([]);
    expect(out.refused).toEqual([]);
    expect(applyChanges(FARGATE_JSON, out.changes)).toBe(out.output);
    expect(fix(out.output, 'td.json').output).toBe(out.output);
  });

  test('YAML keeps its comments, quoting and CRLF line endings; a fix revealed by another is made in the next round', () => {
    const yaml = [
      '# web task',
      'family: web   # the family',
      'requiresCompatibilities: [FARGATE]',
      "cpu: '256'",
      'memory: 512',
      'containerDefinitions:',
      '  - name: web',
      '    image: nginx:1.27',
      '    essential: true',
      '    portMappings:',
      '      # the web port',
      '      - containerPort: 8080',
      '        hostPort: 80',
      '    logConfiguration: {logDriver: awslogs, options: {awslogs-group: g, awslogs-region: us-east-1, awslogs-stream-prefix: web}}',
      'executionRoleArn: arn:aws:iam::123456789012:role/exec',
      '',
    ].join('\r\n');
    const out = fix(yaml, 'td.yaml');
    expect(out.output).toBe(
      yaml
        .replace('memory: 512', "memory: '512'")
        .replace('        hostPort: 80\r\n', '')
        .replace('executionRoleArn: arn:aws:iam::123456789012:role/exec\r\n', 'executionRoleArn: arn:aws:iam::123456789012:role/exec\r\nnetworkMode: awsvpc\r\n'),
    );
    expect(out.result!.messages).toEqual([]);
    expect(out.applied).toBe(3);
  });

  test('CloudFormation names stay PascalCase', () => {
    const template = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      RequiresCompatibilities: [FARGATE]
      Cpu: 256
      Memory: 512
      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          MemoryReservaton: 128
          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: g, awslogs-region: us-east-1, awslogs-stream-prefix: web}}
`;
    const out = fix(template, 'stack.yaml');
    expect(out.output).toBe(
      template
        .replace('MemoryReservaton', 'MemoryReservation')
        .replace('      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec\n', '      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec\n      NetworkMode: awsvpc\n'),
    );
    expect(out.result!.messages).toEqual([]);
  });

  test('removing privileged: true is not a fix, and a rename that would bring a new finding is refused', () => {
    const text = JSON.stringify(
      {
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, privileged: true, privilegd: true }],
      },
      null,
      2,
    );
    const lint = lintAs('td.json')(text)!;
    expect(lint.messages.find((m) => m.ruleId === 'fargate-no-privileged')?.fix).toBeUndefined();
    expect(lint.messages.find((m) => m.ruleId === 'td-unknown-property')?.fix).toBeUndefined(); // "privileged" is already there
    const typo = text.replace('"privileged": true,\n', '');
    const out = fix(typo, 'td.json');
    expect(out.output).toBe(typo);
    expect(out.refused.map((r) => r.reason)).toEqual([expect.stringContaining('fargate-no-privileged')]);
  });

  test('a fix that changes how the rest of the task is read is refused: compatibilities decides the launch type when requiresCompatibilities is absent', () => {
    const text = JSON.stringify(
      { family: 'web', compatibilities: ['EC2', 'FARGATE'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, memory: 512, links: ['db'] }] },
      null,
      2,
    );
    const before = lintAs('td.json')(text)!;
    expect(before.messages.map((m) => m.ruleId)).toContain('fargate-no-links');
    const out = fix(text, 'td.json');
    expect(out.output).toBe(text);
    expect(out.refused[0].reason).toMatch(/would no longer be reported/);
  });

  test('an unknown key with two equally near names is not renamed', () => {
    const text = '{"family": "web", "ipdMode": "task", "containerDefinitions": [{"name": "web", "image": "i", "essential": true, "memory": 512}]}';
    const finding = lintAs('td.json')(text)!.messages.find((m) => m.ruleId === 'td-unknown-property');
    expect(finding?.message).toContain('ipdMode'); // pidMode and ipcMode are one edit away
    expect(finding!.fix).toBeUndefined();
  });

  test('the rename target is the one nearest name, found with the same bounded distance as did-you-mean', () => {
    const { onlySuggestion } = require('../dist/src/functions/awsSchema') as typeof import('../src/functions/awsSchema');
    const names = ['pidMode', 'ipcMode', 'memory', 'memoryReservation', 'Image', 'image'];
    expect(onlySuggestion('memroy', names)).toBe('memory');
    expect(onlySuggestion('ipdMode', names)).toBeUndefined(); // pidMode and ipcMode, one edit each
    expect(onlySuggestion('IMAGE', names)).toBeUndefined(); // two names with its letters
    expect(onlySuggestion('MEMORY', names)).toBe('memory');
    expect(onlySuggestion('memory', names)).toBeUndefined();
    expect(onlySuggestion('m'.repeat(100_000), names)).toBeUndefined();
  });

  test('no fix in a YAML text the reader had to repair to read (its offsets are not those of the input)', () => {
    // PyYAML, and so CloudFormation, read a quoted continuation line at the key's indentation; ecslint indents it to read it.
    const text = 'family: web\ncpu: 256\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n    essential: true\n    memory: 512\n    workingDirectory: "/app\n    /sub"\n';
    const finding = lintAs('td.yaml')(text)!.messages.find((m) => m.ruleId === 'td-size-number');
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeUndefined();
  });

  test('a fix edit names its range in offsets and in lines and columns', () => {
    const f = lintAs('td.json')(FARGATE_JSON)!.messages.find((m) => m.ruleId === 'td-type')!;
    const at = FARGATE_JSON.indexOf('256');
    expect(f.fix).toEqual({ description: 'Write "cpu" as the string "256"', range: [at, at + 3], text: '"256"', line: 6, column: 10, endLine: 6, endColumn: 13 });
  });
});

describe('ecslint --fix and --fix-dry-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-fix-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--fix writes the mended file (its byte-order mark kept) and reports what is left', () => {
    const file = path.join(dir, 'td.json');
    // Already Fargate, with a privileged container: that finding stays, and no fix may remove privileged.
    fs.writeFileSync(file, '\ufeff' + FARGATE_JSON.replace('"fargate"', '"FARGATE"').replace('"essential": true,', '"essential": true, "privileged": true,'));
    const r = runCli(['--fix', '--no-config', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fargate-no-privileged');
    expect(r.stdout).not.toContain('td-readonly-property');
    expect(r.stderr).toContain('applied 6 fixes');
    const written = fs.readFileSync(file, 'utf8');
    expect(written.startsWith('\ufeff{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "256"')).toBe(true);
    expect(written).toContain('"privileged": true');
  });

  test('--fix-dry-run --format json reports each fix as an edit and writes nothing; a plain run has no fixes', () => {
    const file = path.join(dir, 'td.json');
    fs.writeFileSync(file, FARGATE_JSON);
    const dry = runCli(['--fix-dry-run', '--format', 'json', '--no-config', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe(FARGATE_JSON);
    const messages = (JSON.parse(dry.stdout) as Array<{ messages: import('../src/model/finding').Finding[] }>)[0].messages;
    const fixes = messages.filter((m) => m.fix).map((m) => [m.ruleId, m.fix!.description]);
    expect(fixes).toEqual([
      ['td-readonly-property', 'Remove "taskDefinitionArn"'],
      ['td-readonly-property', 'Remove "revision"'],
      ['td-enum', 'Write "fargate" as "FARGATE"'],
      ['td-type', 'Write "cpu" as the string "256"'],
      ['td-unknown-property', 'Rename "memoryReservaton" to "memoryReservation"'],
      ['td-readonly-property', 'Remove "status"'],
    ]);
    const plain = runCli(['--format', 'json', '--no-config', file]);
    expect(plain.stdout).not.toContain('"fix"');
    expect(plain.stdout).toBe(dry.stdout.replace(/,"fix":\{[^{}]*\}/g, ''));
  });

  test('--fix-dry-run --format sarif carries the fixes as SARIF fixes', () => {
    const file = path.join(dir, 'td.json');
    fs.writeFileSync(file, FARGATE_JSON);
    const sarif = JSON.parse(runCli(['--fix-dry-run', '--format', 'sarif', '--no-config', file]).stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(sarif) ? 'valid SARIF' : ajv.errorsText(validate.errors)).toBe('valid SARIF');
    const withFix = sarif.runs[0].results.filter((r: { fixes?: unknown[] }) => r.fixes);
    expect(withFix).toHaveLength(6);
    const cpu = withFix.find((r: { ruleId: string }) => r.ruleId === 'td-type');
    expect(cpu.fixes[0]).toEqual({
      description: { text: 'Write "cpu" as the string "256"' },
      artifactChanges: [
        {
          artifactLocation: expect.objectContaining({ uri: expect.stringContaining('td.json') }),
          replacements: [{ deletedRegion: { startLine: 6, startColumn: 10, endLine: 6, endColumn: 13 }, insertedContent: { text: '"256"' } }],
        },
      ],
    });
  });

  test('--fix-dry-run works on standard input; --fix does not, nor with --fix-dry-run', () => {
    const r = runCli(['--fix-dry-run', '--format', 'json', '--stdin', '--stdin-filename', 'td.json', '--no-config'], { input: FARGATE_JSON });
    expect(JSON.parse(r.stdout)[0].messages.filter((m: { fix?: unknown }) => m.fix)).toHaveLength(6);
    expect(runCli(['--fix', '--stdin'], { input: FARGATE_JSON }).code).toBe(2);
    expect(runCli(['--fix', '--fix-dry-run', path.join(dir, 'x.json')]).code).toBe(2);
  });

  test('--quiet --fix mends errors only', () => {
    const file = path.join(dir, 'td.json');
    fs.writeFileSync(file, FARGATE_JSON);
    runCli(['--fix', '--quiet', '--no-config', file]);
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toContain('"revision": 3'); // a warning
    expect(written).toContain('"cpu": "256"'); // an error
  });
});

describeWhenPresent('--fix on the real-world corpus', CORPUS, () => {
  test('every fixed file still parses, a second --fix changes nothing, no finding is new, and nothing outside the changes moved', () => {
    let applied = 0;
    for (const name of fs.readdirSync(CORPUS).sort()) {
      const file = path.join(CORPUS, name);
      if (!fs.statSync(file).isFile()) continue;
      const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const lint = (t: string) => api.lintBuffer(Buffer.from(t, 'utf8'), { filePath: file, overrides: { noConfig: true } });
      const out = fixText(text, lint);
      if (out.applied === 0) continue;
      applied += out.applied;
      expect(applyChanges(text, out.changes)).toBe(out.output);
      expect(out.result!.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
      const before = new Set(lint(text)!.messages.map(findingKey));
      expect(out.result!.messages.filter((m) => !before.has(findingKey(m))).map((m) => `${name}: ${m.ruleId} ${m.path}`)).toEqual([]);
      expect(fixText(out.output, lint).applied).toBe(0);
    }
    expect(applied).toBeGreaterThan(20);
  });
});
