/**
 * The pre-commit integration, with the real `pre-commit` tool: a temporary git repository uses this
 * repository's .pre-commit-hooks.yaml; a bad task definition blocks the commit, a good one passes.
 * The hook is installed from a snapshot of the current work tree, so the test checks this code.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=ecslint-test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

// The test needs the real tool; .ci/run installs it. Without it the test fails and says why.
test('pre-commit is installed (CI installs the Debian package)', () => {
  expect(hasPreCommit ? 'installed' : 'pre-commit is not on PATH: apt-get install pre-commit').toBe('installed');
});

(hasPreCommit ? describe : describe.skip)('the ecslint pre-commit hook', () => {
  let tmp: string;
  let hookRepo: string;
  let work: string;
  let rev: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-pre-commit-'));
    // A git repository holding the tracked and new files of this work tree (not node_modules or dist).
    hookRepo = path.join(tmp, 'hook');
    fs.mkdirSync(hookRepo);
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const f of files) {
      const src = path.join(ROOT, f);
      if (!fs.existsSync(src) || !fs.statSync(src).isFile()) continue;
      fs.mkdirSync(path.dirname(path.join(hookRepo, f)), { recursive: true });
      fs.copyFileSync(src, path.join(hookRepo, f));
    }
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'snapshot');
    rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

    work = path.join(tmp, 'work');
    fs.mkdirSync(work);
    git(work, 'init', '-q');
    fs.writeFileSync(path.join(work, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: ecslint\n`);
    fs.writeFileSync(path.join(work, 'package.json'), '{"name": "app", "version": "1.0.0"}\n');
    git(work, 'add', '-A');
  }, 600_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const env = { ...process.env, PRE_COMMIT_HOME: '', NO_COLOR: '1' };
  const preCommit = (...args: string[]) => spawnSync('pre-commit', args, { cwd: work, encoding: 'utf8', env: { ...env, PRE_COMMIT_HOME: path.join(tmp, 'cache') } });

  test('a good task definition (and a package.json beside it) passes and is committed', () => {
    fs.writeFileSync(path.join(work, 'td.json'), JSON.stringify({ family: 'ok', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, essential: true }] }, null, 2));
    git(work, 'add', '-A');
    const r = preCommit('run', '--files', 'td.json', 'package.json');
    expect({ status: r.status, out: r.stdout }).toEqual({ status: 0, out: expect.stringMatching(/ecslint\.+Passed/) });
    git(work, 'commit', '-qm', 'good');
  }, 600_000);

  test('a bad task definition blocks the commit and the finding is shown', () => {
    fs.writeFileSync(
      path.join(work, 'bad.json'),
      JSON.stringify({ family: 'bad', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', privileged: true }] }, null, 2),
    );
    git(work, 'add', '-A');
    const r = preCommit('run', '--files', 'bad.json');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ecslint\.+Failed/);
    expect(r.stdout).toContain('fargate-no-privileged');
    // The same through a real commit with the hook installed.
    expect(preCommit('install').status).toBe(0);
    const commit = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-m', 'bad'], { cwd: work, encoding: 'utf8', env: { ...env, PRE_COMMIT_HOME: path.join(tmp, 'cache') } });
    expect(commit.status).not.toBe(0);
    expect(git(work, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
  }, 600_000);
});
