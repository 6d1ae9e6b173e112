/**
 * The CLI starts from V8 code caches that the build writes (bin/code-cache.js): a run with them, and a run whose
 * caches are damaged or stale, report exactly what a run without them reports.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const EXAMPLES = ['task-definition/bad.json', 'task-definition/bad.yaml', 'cloudformation/bad.yaml'].map((f) => path.join(ROOT, 'examples', f));

let copy: string;
beforeAll(() => {
  // A copy of the built package, so that its caches can be damaged without touching this checkout's.
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-code-cache-'));
  for (const dir of ['bin', 'dist', 'schemas']) fs.cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

function lint(root: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'ecslint.js'), '--no-config', '--format', 'json', '--', ...EXAMPLES], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the build writes a code cache for the bundle and the generated validators', () => {
  const names = fs.readdirSync(path.join(ROOT, 'dist', 'code-cache'));
  for (const module of ['ecslint', 'validators', 'aws-schema-taskDefinitionApi', 'aws-schema-taskDefinitionCloudFormation'])
    expect(names.some((n) => n.startsWith(`${module}-`) && n.endsWith('.bin'))).toBe(true);
});

test('damaged and stale caches are ignored: the report is the same', () => {
  const expected = lint(ROOT);
  expect(expected.code).toBe(1);
  expect(JSON.parse(expected.stdout).length).toBe(3);
  const caches = path.join(copy, 'dist', 'code-cache');
  // Damaged: every cache holds bytes V8 rejects.
  for (const name of fs.readdirSync(caches)) fs.writeFileSync(path.join(caches, name), Buffer.from('not a code cache'));
  expect(lint(copy)).toEqual(expected);
  // Stale: the bundle's text changed since its cache was written, so its cache name no longer matches.
  fs.appendFileSync(path.join(copy, 'dist', 'bundle', 'cli', 'ecslint.js'), '\n// rebuilt\n');
  expect(lint(copy)).toEqual(expected);
  // Missing: no cache folder at all.
  fs.rmSync(caches, { recursive: true });
  expect(lint(copy)).toEqual(expected);
});

test('a cache written by a run is used by the next, with the same report', () => {
  const expected = lint(ROOT);
  fs.rmSync(path.join(copy, 'dist', 'code-cache'), { recursive: true, force: true });
  expect(lint(copy, { ECSLINT_CODE_CACHE: 'write' })).toEqual(expected);
  expect(fs.readdirSync(path.join(copy, 'dist', 'code-cache')).length).toBeGreaterThan(0);
  expect(lint(copy)).toEqual(expected);
});

/** The native modules a run of `root`'s CLI loaded. */
function loaded(root: string): string[] {
  const bin = path.join(root, 'bin', 'ecslint.js');
  const probe = `process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList)));
process.argv = [process.argv[0], ${JSON.stringify(bin)}, '--no-config', ${JSON.stringify(EXAMPLES[0])}];
require(${JSON.stringify(bin)});`;
  return JSON.parse(spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' } }).stderr) as string[];
}

test('a file the build cached and nobody changed is not hashed again (zlib is not loaded); a changed one is', () => {
  expect(loaded(ROOT)).not.toContain('NativeModule zlib');
  const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-code-cache-kept-'));
  try {
    for (const dir of ['bin', 'dist', 'schemas']) fs.cpSync(path.join(ROOT, dir), path.join(kept, dir), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(kept, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(kept, 'node_modules'));
    // Copied files have new modification times: hashed, until the copy's caches are written as a build writes them.
    expect(loaded(kept)).toContain('NativeModule zlib');
    expect(lint(kept, { ECSLINT_CODE_CACHE: 'write' }).code).toBe(1);
    expect(loaded(kept)).not.toContain('NativeModule zlib');
    const version = () => spawnSync(process.execPath, [path.join(kept, 'bin', 'ecslint.js'), '--version'], { encoding: 'utf8' }).stdout.trim();
    const own = version();
    // The same length, so that only the text tells it from the cached one: edited in place, a new modification time.
    const bundle = path.join(kept, 'dist', 'bundle', 'cli', 'ecslint.js');
    const text = fs.readFileSync(bundle, 'utf8');
    const edited = own.replace(/\d/g, '9');
    expect(edited.length).toBe(own.length);
    expect(text.split(`version: "${own}"`).length).toBe(2);
    fs.writeFileSync(bundle, text.replace(`version: "${own}"`, `version: "${edited}"`));
    expect(version()).toBe(edited);
    expect(loaded(kept)).toContain('NativeModule zlib');
  } finally {
    fs.rmSync(kept, { recursive: true, force: true });
  }
});
