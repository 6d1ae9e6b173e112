/**
 * Hostile and broken inputs, generated on the fly: each gets a finding or a one-line error, the other
 * files in the run are still linted, the exit code follows the contract, and nothing takes long.
 */
import { spawnSync, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const api = require('../dist/src/index') as typeof import('../src/index');

const BIN = path.join(__dirname, '..', 'bin', 'ecslint.js');
const GOOD = JSON.stringify(
  { family: 'good', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', privileged: true }] },
  null,
  2,
);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-hostile-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

/** Lint one hostile file next to a good one, through the real CLI. */
function lintWithGood(file: string) {
  const good = write('good.json', GOOD);
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, '-f', 'json', file, good], { encoding: 'utf8', timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const report = r.stdout ? (JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>) : [];
  const goodResult = report.find((f) => f.filePath === good);
  expect(goodResult?.messages.some((m) => m.ruleId === 'fargate-no-privileged')).toBe(true);
  return { code: r.status, stderr: r.stderr, hostile: report.find((f) => f.filePath === file), seconds };
}

describe.each([
  ['truncated JSON', 'truncated.json', GOOD.slice(0, 120), 'parse-error'],
  ['truncated YAML', 'truncated.yaml', 'family: x\ncontainerDefinitions:\n  - name: "web\n', 'parse-error'],
  ['binary data with NUL bytes', 'binary.json', Buffer.from([0x7b, 0x00, 0x01, 0xff, 0x7d]), 'parse-error'],
  ['invalid UTF-8', 'latin1.json', Buffer.concat([Buffer.from('{"family": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]), 'parse-error'],
  ['JSON nested 1,000,000 levels deep', 'deep.json', '['.repeat(1_000_000) + ']'.repeat(1_000_000), 'parse-error'],
  ['YAML nested 1,000,000 levels deep', 'deep.yaml', '['.repeat(1_000_000) + ']'.repeat(1_000_000), 'parse-error'],
  [
    'a YAML alias bomb',
    'bomb.yaml',
    [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'
        .split('')
        .map(
          (c, i) =>
            `${c}: &${c} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
        ),
      'containerDefinitions: *i',
      '',
    ].join('\n'),
    'parse-error',
  ],
  ['an empty file', 'empty.json', '', 'unrecognised-document'],
  ['a top-level scalar', 'scalar.yaml', '42\n', 'unrecognised-document'],
  ['a top-level array of numbers', 'array.json', '[1, 2, 3]', 'unrecognised-document'],
])('%s', (_label, name, content, ruleId) => {
  test(`gets ${ruleId}, and the good file is still linted`, () => {
    const file = write(name, content);
    const r = lintWithGood(file);
    expect(r.code).toBe(1);
    expect(r.hostile?.messages.map((m) => m.ruleId)).toEqual([ruleId]);
    const m = r.hostile!.messages[0];
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(r.seconds).toBeLessThan(20);
  });
});

test('a parse error carries the line and column of the syntax error', () => {
  const file = write('syntax.json', '{\n  "family": "x",\n  "containerDefinitions": [\n    { "name": "a" "image": "b" }\n  ]\n}\n');
  const r = lintWithGood(file);
  expect(r.hostile?.messages[0]).toMatchObject({ ruleId: 'parse-error', line: 4, column: 19 });
});

test('a 50 MB file is refused with a finding, without reading it whole', () => {
  const file = path.join(dir, 'huge.json');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const r = lintWithGood(file);
  expect(r.hostile?.messages.map((m) => m.ruleId)).toEqual(['parse-error']);
  expect(r.hostile?.messages[0].message).toMatch(/50\.0 MiB/);
});

test('a UTF-8 byte order mark is valid and lints cleanly, with columns as editors count them', () => {
  const file = write('bom.json', '\ufeff' + GOOD);
  const r = lintWithGood(file);
  const f = r.hostile?.messages.find((m) => m.ruleId === 'fargate-no-privileged');
  expect(f).toMatchObject({ line: 13, column: 7 });
  expect(r.hostile?.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
});

test('UTF-16 with a byte order mark is decoded and linted', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
  const file = write('utf16.json', le);
  const r = lintWithGood(file);
  expect(r.hostile?.messages.find((m) => m.ruleId === 'fargate-no-privileged')).toMatchObject({ line: 13, column: 7 });
});

test('duplicate keys are warnings at the second key, in JSON and YAML (CloudFormation keeps the last value)', () => {
  const json = api.lintText('{\n  "family": "a",\n  "family": "b",\n  "containerDefinitions": []\n}', { filePath: 'd.json' });
  expect(json.messages.filter((m) => m.ruleId === 'duplicate-key')).toEqual([
    expect.objectContaining({ path: '/family', line: 3, column: 3, severity: 'warning', message: 'Duplicate key "family": the later value wins silently, and some deploy tools refuse the file.' }),
  ]);
  const yaml = api.lintText('family: a\ncontainerDefinitions:\n  - name: x\n    image: y\n    name: z\n', { filePath: 'd.yaml' });
  expect(yaml.messages.filter((m) => m.ruleId === 'duplicate-key')).toEqual([expect.objectContaining({ path: '/containerDefinitions/0/name', line: 5, column: 5 })]);
});

test('__proto__, constructor and prototype keys are data, not prototype pollution', () => {
  const raw =
    '{"__proto__": {"polluted": true}, "family": "x", "constructor": {"prototype": {"polluted": true}}, "requiresCompatibilities": ["FARGATE"],' +
    ' "containerDefinitions": [{"name": "a", "image": "b:1", "__proto__": {"privileged": true}, "prototype": 1}]}';
  for (const [name, t] of [
    ['p.json', raw],
    ['p.yaml', 'family: x\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\ncontainerDefinitions:\n  - name: a\n    image: b:1\n    __proto__: { privileged: true }\n'],
  ] as const) {
    const r = api.lintText(t, { filePath: name, config: { preset: 'all' } });
    expect(r.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The __proto__ member is a member like any other: the container is not privileged through it.
    expect(r.messages.some((m) => m.ruleId === 'fargate-no-privileged')).toBe(false);
  }
});

describe('file system oddities', () => {
  test('a directory symlink loop is walked once', async () => {
    const root = path.join(dir, 'loop');
    fs.mkdirSync(path.join(root, 'a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a', 'td.json'), GOOD);
    fs.symlinkSync(root, path.join(root, 'a', 'back'));
    const started = Date.now();
    const { results } = await api.lintFiles([root]);
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['td.json']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a directory named x.json is walked, not read', async () => {
    const d = path.join(dir, 'x.json');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'inner.json'), GOOD);
    const { results, missing } = await api.lintFiles([d]);
    expect(missing).toEqual([]);
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['inner.json']);
  });

  test('a FIFO named on the command line is refused at once (exit 2), the rest is linted', () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const good = write('good.json', GOOD);
    const r = spawnSync(process.execPath, [BIN, '-f', 'json', fifo, good], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pipe.json: is not a regular file');
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual([good]);
  });

  test('a FIFO found in a folder is skipped', async () => {
    const d = path.join(dir, 'withfifo');
    fs.mkdirSync(d);
    execFileSync('mkfifo', [path.join(d, 'p.json')]);
    fs.writeFileSync(path.join(d, 'td.json'), GOOD);
    expect((await api.lintFiles([d])).results.map((r) => path.basename(r.filePath))).toEqual(['td.json']);
  });

  test('an unreadable file found in a folder is a finding; named explicitly it is exit 2', async () => {
    const d = path.join(dir, 'unreadable');
    fs.mkdirSync(d);
    const file = path.join(d, 'secret.json');
    fs.writeFileSync(file, GOOD);
    fs.chmodSync(file, 0o000);
    let readable = true;
    try {
      fs.readFileSync(file);
    } catch {
      readable = false;
    }
    if (readable) {
      // Running as root: permissions do not stop reads, so a dangling symlink named .json stands in
      // for a file that cannot be opened.
      fs.chmodSync(file, 0o644);
      fs.symlinkSync(path.join(d, 'nowhere'), path.join(d, 'dangling.json'));
      const r = spawnSync(process.execPath, [BIN, '-f', 'json', path.join(d, 'dangling.json')], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('dangling.json: no such file or directory');
      return;
    }
    const { results } = await api.lintFiles([d]);
    expect(results[0].messages[0]).toMatchObject({ ruleId: 'parse-error', line: 1, column: 1 });
    const r = spawnSync(process.execPath, [BIN, file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });
});
