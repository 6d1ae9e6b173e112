/**
 * The pre-commit hook (.pre-commit-hooks.yaml). The manifest checks always run. The integration runs the
 * real `pre-commit` tool: a temporary git repository uses a snapshot of this work tree as its hook
 * repository, `pre-commit install-hooks` installs the hook (npm registry needed), then commits run with
 * no network at all (a new network namespace from `unshare`): a bad task definition blocks the commit,
 * a good one passes. Without `pre-commit` or `unshare`, or when the install cannot finish within its time
 * (a registry out of reach), the integration says so on one line and is left out. Every command has a
 * time limit and no standard input, so nothing here can wait forever.
 */
import { execFileSync, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { copyCheckout, ROOT } from './checkout-copy';
import { CLEAN_YAML, privilegedFargateTaskDefinition } from './support';

interface ManifestHook {
  id: string;
  language: string;
  entry: string;
  args?: string[];
  files: string;
}

const manifest = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as ManifestHook[];
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('.pre-commit-hooks.yaml', () => {
  const hook = manifest[0];

  test('one hook, installed by pre-commit as a node package that provides the ecslint command', () => {
    expect(manifest).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'ecslint', language: 'node' });
    expect(hook.entry.split(/\s+/)[0]).toBe('ecslint');
    expect(Object.keys(pkg.bin)).toContain('ecslint');
  });

  test('lints JSON, YAML, CloudFormation .template and Terraform files, and nothing else', () => {
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files);
    for (const name of ['td.json', 'infra/svc.yaml', 'svc.yml', 'stack.template', 'ecs/main.tf']) expect([name, files.test(name)]).toEqual([name, true]);
    for (const name of ['index.js', 'README.md', 'prod.tfvars', 'td.json.bak', 'Dockerfile']) expect([name, files.test(name)]).toEqual([name, false]);
  });

  test('the file names pre-commit appends come after "--", so none is read as an option', () => {
    expect(hook.args).toEqual(['--']);
    expect(hook.entry.split(/\s+/)).not.toContain('--');
  });
});

/** npm install, pack and a global install take about a minute here; a registry out of reach would take much longer. */
const INSTALL_MS = 8 * 60_000;
/** Each git commit runs the hook once. */
const COMMAND_MS = 2 * 60_000;

/** The command prefix that runs a command with no network, or why there is none here. */
function networklessPrefix(): { prefix: string[] } | { why: string } {
  if (spawnSync('pre-commit', ['--version'], { stdio: 'ignore', timeout: COMMAND_MS }).status !== 0) return { why: 'pre-commit is not installed (Debian: apt-get install pre-commit)' };
  // As root a new network namespace needs nothing more; otherwise a user namespace comes with it.
  for (const prefix of [
    ['unshare', '-n'],
    ['unshare', '-rn'],
  ]) {
    if (spawnSync(prefix[0], [...prefix.slice(1), 'true'], { stdio: 'ignore', timeout: COMMAND_MS }).status === 0) return { prefix };
  }
  return { why: 'neither "unshare -n" nor "unshare -rn" can create a network namespace here (util-linux missing, or namespaces not allowed)' };
}

const offline = networklessPrefix();
if ('why' in offline) {
  process.stdout.write(`pre-commit.test.ts: skipped the real pre-commit install and offline commits: ${offline.why}\n`);
} else {
  describe('the ecslint hook under the real pre-commit', () => {
    let tmp: string;
    let work: string;
    let cache: string;
    let installTimedOut = false;
    /** The tests after the install: each one is left out, saying so, when the install timed out. */
    const afterInstall = (name: string, body: () => void) =>
      test(name, () => {
        if (installTimedOut) return void process.stdout.write(`pre-commit.test.ts: left out "${name}"\n`);
        body();
      });
    // The hooks must not see the variables of an npm script or a git hook that runs these tests.
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|GIT_)/i.test(k))),
      PRE_COMMIT_COLOR: 'never',
      NO_COLOR: '1',
    };
    const gitArgs = ['-c', 'user.name=ecslint-test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
    const git = (cwd: string, ...args: string[]) => execFileSync('git', [...gitArgs, ...args], { cwd, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], timeout: COMMAND_MS });
    const withoutNetwork = (command: string, ...args: string[]): SpawnSyncReturns<string> =>
      spawnSync(offline.prefix[0], [...offline.prefix.slice(1), command, ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...env, PRE_COMMIT_HOME: cache },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: COMMAND_MS,
      });
    const commits = () => git(work, 'log', '--oneline').trim().split('\n').filter(Boolean).length;

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-pre-commit-'));
      cache = path.join(tmp, 'cache');
      const hookRepo = path.join(tmp, 'hook');
      copyCheckout(hookRepo);
      git(hookRepo, 'init', '-q');
      git(hookRepo, 'add', '-A');
      git(hookRepo, 'commit', '-qm', 'snapshot');
      const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

      work = path.join(tmp, 'work');
      fs.mkdirSync(work);
      git(work, 'init', '-q');
      fs.writeFileSync(path.join(work, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: ecslint\n`);
      // The one step that needs the network: pre-commit clones the hook, runs npm install, npm pack and npm install -g.
      const install = spawnSync('pre-commit', ['install-hooks'], { cwd: work, encoding: 'utf8', env: { ...env, PRE_COMMIT_HOME: cache }, stdio: ['ignore', 'pipe', 'pipe'], timeout: INSTALL_MS });
      if (install.error && (install.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
        installTimedOut = true;
        process.stdout.write(
          `pre-commit.test.ts: skipped the offline commits: pre-commit install-hooks did not finish in ${INSTALL_MS / 60_000} minutes (is the npm registry reachable?)\n${tail(install.stdout + install.stderr)}\n`,
        );
        return;
      }
      if (install.status !== 0) throw new Error(`pre-commit install-hooks failed (${install.status}):\n${install.stdout}\n${install.stderr}\n${readLog(cache)}`);
      execFileSync('pre-commit', ['install'], { cwd: work, env: { ...env, PRE_COMMIT_HOME: cache }, stdio: ['ignore', 'pipe', 'pipe'], timeout: COMMAND_MS });
    }, INSTALL_MS + 60_000);

    afterAll(() => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    afterInstall('the installed package holds the build and the runtime dependencies only', () => {
      const installed = fs.readdirSync(cache).flatMap((repo) => {
        const repoDir = path.join(cache, repo);
        if (!fs.statSync(repoDir).isDirectory()) return [];
        return fs
          .readdirSync(repoDir)
          .filter((d) => d.startsWith('node_env-'))
          .map((d) => ({ repoDir, pkgDir: path.join(repoDir, d, 'lib', 'node_modules', 'ecslint') }));
      });
      expect(installed).toHaveLength(1);
      const { repoDir, pkgDir } = installed[0];
      expect(fs.existsSync(path.join(pkgDir, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
      expect(fs.readdirSync(pkgDir).filter((f) => ['src', 'test', 'scripts', 'tsconfig.json'].includes(f))).toEqual([]);
      const modules = fs.readdirSync(path.join(pkgDir, 'node_modules')).flatMap((m) => (m.startsWith('@') ? fs.readdirSync(path.join(pkgDir, 'node_modules', m)).map((s) => `${m}/${s}`) : [m]));
      for (const dep of Object.keys(pkg.dependencies)) expect(modules).toContain(dep);
      for (const dev of [...Object.keys(pkg.devDependencies), 'ts-node', 'jest-cli']) expect(modules).not.toContain(dev);
      // pre-commit removes the clone's node_modules: after install only the global package is used.
      expect(fs.existsSync(path.join(repoDir, 'node_modules'))).toBe(false);
    });

    afterInstall('the commits below run with no network interface but loopback', () => {
      const r = withoutNetwork('cat', '/proc/net/dev');
      expect(r.status).toBe(0);
      const interfaces = r.stdout
        .split('\n')
        .slice(2)
        .map((l) => l.split(':')[0].trim())
        .filter(Boolean);
      expect(interfaces).toEqual(['lo']);
    });

    afterInstall('offline, a good commit passes: a clean task definition, a package.json, Terraform and a file named like an option', () => {
      const packageJson = '{"name": "app", "version": "1.0.0"}\n';
      fs.writeFileSync(path.join(work, 'td.yaml'), CLEAN_YAML);
      fs.writeFileSync(path.join(work, 'package.json'), packageJson);
      fs.writeFileSync(path.join(work, 'main.tf'), 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n');
      // Read as an option, this name would make ecslint write a baseline over package.json.
      fs.writeFileSync(path.join(work, '--write-baseline=package.json'), JSON.stringify(parse(CLEAN_YAML)));
      git(work, 'add', '-A');
      const r = withoutNetwork('git', ...gitArgs, 'commit', '-m', 'good');
      expect({ status: r.status, output: r.stdout + r.stderr }).toEqual({ status: 0, output: expect.stringMatching(/ecslint\.+Passed/) });
      expect(commits()).toBe(1);
      expect(fs.readFileSync(path.join(work, 'package.json'), 'utf8')).toBe(packageJson);
    });

    afterInstall('offline, a bad task definition blocks the commit and the finding is shown', () => {
      fs.writeFileSync(path.join(work, 'bad.json'), privilegedFargateTaskDefinition('web'));
      git(work, 'add', 'bad.json');
      const r = withoutNetwork('git', ...gitArgs, 'commit', '-m', 'bad');
      const output = r.stdout + r.stderr;
      expect(r.status).not.toBe(0);
      expect(output).toMatch(/ecslint\.+Failed/);
      expect(output).toMatch(/bad\.json[\s\S]*error[^\n]*fargate-no-privileged/);
      expect(commits()).toBe(1);
    });
  });
}

/** The last lines of a command's output. */
function tail(output: string, lines = 20): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

/** pre-commit's log of a failed install, for the error message. */
function readLog(cache: string): string {
  try {
    return fs.readFileSync(path.join(cache, 'pre-commit.log'), 'utf8');
  } catch {
    return '';
  }
}
