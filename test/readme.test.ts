/**
 * The README's snippets, run as written: the set-up command on the shipped examples, every usage line, the fixes, the JSON
 * shape it shows, the configuration file, the suppression comment, the pre-commit entry and the library API.
 * `npx ecslint` means the built ecslint of this checkout.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { BIN, CLEAN_YAML, privilegedFargateTaskDefinition } from './support';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of a language under a `## ` heading. */
function blocks(heading: string, language: string): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`README.md has no section "${heading}"`);
  // A block inside a list item is indented as its fence is: that indentation is not part of the snippet.
  return [...section.matchAll(new RegExp('^( *)```' + language + '\\n([\\s\\S]*?)^ *```', 'gm'))].map((m) => m[2].replace(new RegExp(`^${m[1]}`, 'gm'), ''));
}

/** One shell line as a user runs it, `npx ecslint` being this checkout's build; the comment after `#` dropped. */
function sh(line: string, cwd: string) {
  const command = line.replace(/\s+# .*$/, '').replace(/\bnpx (--yes )?ecslint\b/g, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`);
  const r = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { command, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-readme-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

test('set-up: "npx ecslint examples/" reports the bad examples of every form and nothing in the good ones', () => {
  const line = blocks('Set-up', 'sh')[0]
    .split('\n')
    .find((l) => l.startsWith('npx ecslint'))!;
  const r = sh(line.replace(/\s+# .*$/, '') + ' --format json', ROOT);
  expect(r.code).toBe(1);
  const results = JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number }>;
  const withErrors = results.filter((f) => f.errorCount > 0).map((f) => path.relative(ROOT, f.filePath));
  expect(withErrors.length).toBeGreaterThanOrEqual(4);
  for (const f of withErrors) expect(f).toMatch(/bad/);
  for (const f of results.filter((x) => /good/.test(x.filePath))) expect([f.filePath, f.errorCount]).toEqual([f.filePath, 0]);
});

test('usage: every line runs, and lints or explains without a usage error', () => {
  fs.mkdirSync(path.join(work, 'infra'));
  fs.mkdirSync(path.join(work, 'stacks', 'prod'), { recursive: true });
  fs.writeFileSync(path.join(work, 'infra', 'web.json'), privilegedFargateTaskDefinition('web'));
  fs.writeFileSync(path.join(work, 'taskdef.yaml'), CLEAN_YAML);
  fs.writeFileSync(path.join(work, 'td.json'), privilegedFargateTaskDefinition('web'));
  const template = { Resources: { Td: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Memory: 256 }] } } } };
  fs.writeFileSync(path.join(work, 'stacks', 'prod', 'app.template'), JSON.stringify(template));
  fs.mkdirSync(path.join(work, 'terraform'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'terraform', 'bad', 'main.tf'), path.join(work, 'terraform', 'main.tf'));
  fs.writeFileSync(path.join(work, 'container-defs.json'), JSON.stringify([{ name: 'web', image: 'nginx:1.27', privileged: true }]));
  const lines = blocks('Usage', 'sh')[0].split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThanOrEqual(6);
  const codes = lines.map((l) => {
    const r = sh(l, work);
    return [l, r.code, r.stderr];
  });
  for (const [line, code, stderr] of codes) expect([line, code, stderr]).toEqual([line, expect.any(Number), '']);
  for (const [line, code] of codes) expect([line, code === 0 || code === 1]).toEqual([line, true]);
  // The privileged Fargate containers are found, in a container list and in Terraform.
  expect(sh('npx ecslint --launch-type FARGATE container-defs.json', work).stdout).toMatch(/fargate-no-privileged/);
  expect(sh('npx ecslint terraform/', work).stdout).toMatch(/main\.tf[\s\S]*fargate-no-privileged/);
});

test('fixes: the lines run as written, the dry run writes nothing, --fix mends the file and keeps its comments', () => {
  fs.mkdirSync(path.join(work, 'infra'));
  const file = path.join(work, 'infra', 'web.yaml');
  const text = [
    '# the web service',
    'family: web',
    'requiresCompatibilities: [FARGATE]',
    "cpu: '256'",
    'memory: 512   # MiB',
    'containerDefinitions:',
    '  - name: web',
    '    image: nginx:1.27',
    '    essential: true',
    '    memoryReservaton: 128',
    '',
  ].join('\n');
  fs.writeFileSync(file, text);
  const [fix, dryRun] = blocks('Usage', 'sh')[1].split('\n').filter(Boolean);
  const planned = sh(dryRun, work);
  expect(fs.readFileSync(file, 'utf8')).toBe(text);
  const edits = (JSON.parse(planned.stdout) as Array<{ messages: Array<{ ruleId: string; fix?: unknown }> }>)[0].messages.filter((m) => m.fix).map((m) => m.ruleId);
  expect(edits.sort()).toEqual(['fargate-network-mode', 'td-size-number', 'td-unknown-property']);
  const r = sh(fix, work);
  expect(r.stderr).toMatch(/applied 3 fixes/);
  const fixed = fs.readFileSync(file, 'utf8');
  expect(fixed).toContain('# the web service');
  expect(fixed).toContain("memory: '512'   # MiB");
  expect(fixed).toContain('memoryReservation: 128');
  expect(fixed).toMatch(/networkMode: awsvpc/);
  expect(sh(fix, work).stderr).toBe('');
  expect(fs.readFileSync(file, 'utf8')).toBe(fixed);
});

test('fixes: the table names every rule that declares a fix, and no other', () => {
  const section = README.split(/^### Fixes/m)[1].split(/^## /m)[0];
  const named = [...section.matchAll(/^\| (`[^|]+`) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]));
  const declared = fs
    .readdirSync(path.join(ROOT, 'rules'))
    .filter((f) => /^fix:/m.test(fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8')))
    .map((f) => f.replace(/\.yaml$/, ''));
  expect(named.sort()).toEqual(declared.sort());
});

test('output: the JSON shape shown is the shape --format json prints', () => {
  const shown = JSON.parse(blocks('Output', 'json')[0]) as Array<Record<string, unknown>>;
  fs.mkdirSync(path.join(work, 'infra'));
  fs.writeFileSync(path.join(work, 'infra', 'web.json'), privilegedFargateTaskDefinition('web'));
  const printed = JSON.parse(sh('npx ecslint --format json infra/web.json', work).stdout) as Array<Record<string, unknown>>;
  expect(Object.keys(printed[0]).sort()).toEqual(expect.arrayContaining(Object.keys(shown[0]).sort()));
  const message = (printed[0].messages as Array<Record<string, unknown>>).find((m) => m.ruleId === 'fargate-no-privileged')!;
  const shownMessage = (shown[0].messages as Array<Record<string, unknown>>)[0];
  expect(Object.keys(message)).toEqual(expect.arrayContaining(Object.keys(shownMessage)));
  expect(message.message).toBe(shownMessage.message);
  expect(message.path).toBe(shownMessage.path);
});

test('configuration: the example file loads, and its rules apply', () => {
  const config = blocks('Configuration', 'yaml')[0];
  fs.writeFileSync(path.join(work, '.ecslintrc.yaml'), config);
  fs.mkdirSync(path.join(work, 'ecs-rules'));
  fs.mkdirSync(path.join(work, 'legacy'));
  fs.writeFileSync(path.join(work, 'legacy', 'td.json'), privilegedFargateTaskDefinition('web'));
  fs.writeFileSync(path.join(work, 'td.json'), privilegedFargateTaskDefinition('web'));
  const r = sh('npx ecslint --format json .', work);
  expect(r.stderr).toBe('');
  const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: string }> }>;
  const severity = (file: string) => results.find((f) => path.relative(work, path.resolve(work, f.filePath)) === file)!.messages.find((m) => m.ruleId === 'fargate-no-privileged')?.severity;
  expect([severity(path.join('legacy', 'td.json')), severity('td.json')]).toEqual(['warning', 'error']);
  expect(results.flatMap((f) => f.messages).some((m) => m.ruleId === 'bp-log-configuration')).toBe(false);
});

test('suppressing: the comment shown suppresses the finding on the next line', () => {
  const snippet = blocks('Configuration', 'yaml')[1];
  const text = `family: agent\nrequiresCompatibilities: [FARGATE]\nnetworkMode: awsvpc\ncpu: "256"\nmemory: "512"\n${snippet.replace('  - name: agent\n', '  - name: agent\n    image: nginx:1.27\n')}`;
  fs.writeFileSync(path.join(work, 'td.yaml'), text);
  const without = text.replace(/^.*ecslint-disable-next-line.*\n/m, '');
  fs.writeFileSync(path.join(work, 'plain.yaml'), without);
  const ids = (file: string) => (JSON.parse(sh(`npx ecslint --no-config --format json ${file}`, work).stdout)[0].messages as Array<{ ruleId: string }>).map((m) => m.ruleId);
  expect(ids('plain.yaml')).toContain('fargate-no-privileged');
  expect(ids('td.yaml')).not.toContain('fargate-no-privileged');
});

test('pre-commit: the entry names the hook this repository defines', () => {
  const entry = parseYaml(blocks('Where it runs', 'yaml')[0]) as { repos: Array<{ hooks: Array<{ id: string }> }> };
  const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string }>;
  expect(entry.repos[0].hooks.map((h) => h.id)).toEqual(hooks.map((h) => h.id));
});

test('library API: the example runs against the built package and prints SARIF', async () => {
  const code = blocks('Library API', 'ts')[0];
  fs.writeFileSync(path.join(work, 'td.yaml'), CLEAN_YAML);
  fs.mkdirSync(path.join(work, 'infra'));
  fs.writeFileSync(path.join(work, 'infra', 'web.json'), privilegedFargateTaskDefinition('web'));
  // The import becomes a require of this checkout's build; the rest runs as written, in an async function.
  const imported = /^import \{([^}]*)\} from 'ecslint';$/m.exec(code)!;
  const script = [
    `const {${imported[1]}} = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'index.js'))});`,
    `const yamlText = require('fs').readFileSync('td.yaml', 'utf8');`,
    '(async () => {',
    code.replace(imported[0], ''),
    'if (result.errorCount !== 0) throw new Error("td.yaml has errors");',
    '})().catch((e) => { console.error(e); process.exit(3); });',
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
  expect(sarif.version).toBe('2.1.0');
  expect(sarif.runs[0].results.map((x) => x.ruleId)).toContain('fargate-no-privileged');
});
