/**
 * End to end in a real editor: Neovim (Debian's package; .ci/run installs it), headless, with `ecslint lsp` as
 * its language server. test/data/neovim/drive.lua opens a bad task definition, reads the diagnostics Neovim
 * received, types a change, applies a fix and a suppression from the code actions, and writes what it saw.
 * Without Neovim the test says so on one line and passes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BIN } from './support';

/** Neovim is killed after this; the test's own limit is a little longer, so a hung editor fails the test instead of the run. */
const NVIM_MS = 120000;

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10000 });
const version = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;

const TASK_DEFINITION = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      essential: true,
      privileged: true,
      memoryReservaton: 128,
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' } },
    },
  ],
};

const YAML = `family: web
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: '256'
memory: '512'
executionRoleArn: arn:aws:iam::123456789012:role/exec
containerDefinitions:
  - name: web
    image: nginx:1.27
    essential: true
    privileged: true
    logConfiguration:
      logDriver: awslogs
      options: {awslogs-group: g, awslogs-region: us-east-1, awslogs-stream-prefix: web}
`;

interface Seen {
  line: number;
  column: number;
  code: string;
  message: string;
  severity: number;
}

interface Outcome {
  status: string;
  error?: string;
  opened: Seen[];
  typed: Seen[];
  fixed: Seen[];
  fixed_text: string[];
  fix_titles: string[];
  suppressed: Seen[];
  suppressed_text: string[];
}

if (!version) {
  test('Neovim end to end (skipped: nvim is not installed)', () => {
    console.log('Skipped the Neovim end-to-end test: no nvim on PATH (.ci/run installs Debian\'s neovim package; "apt-get install neovim" here).');
  });
} else {
  test(
    `${version}, headless: the diagnostics as you open and type, a fix and a suppression from the code actions`,
    () => {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-nvim-')));
      try {
        const json = JSON.stringify(TASK_DEFINITION, null, 2) + '\n';
        fs.writeFileSync(path.join(dir, 'taskdef.json'), json);
        fs.writeFileSync(path.join(dir, 'taskdef.yaml'), YAML);
        const out = path.join(dir, 'seen.json');
        const xdg = path.join(dir, 'xdg');
        const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-S', path.join(__dirname, 'data', 'neovim', 'drive.lua')], {
          cwd: dir,
          encoding: 'utf8',
          timeout: NVIM_MS,
          killSignal: 'SIGKILL',
          env: {
            ...process.env,
            ECSLINT_NODE: process.execPath,
            ECSLINT_BIN: BIN,
            ECSLINT_DIR: dir,
            ECSLINT_OUT: out,
            // Neovim's own state, logs and shada stay in the test's folder.
            XDG_CONFIG_HOME: xdg,
            XDG_DATA_HOME: xdg,
            XDG_STATE_HOME: xdg,
            XDG_CACHE_HOME: xdg,
          },
        });
        expect({ wrote: fs.existsSync(out), stderr: r.stderr }).toEqual({ wrote: true, stderr: r.stderr });
        const seen = JSON.parse(fs.readFileSync(out, 'utf8')) as Outcome;
        expect(seen.error ?? seen.status).toBe('ok');

        // What Neovim shows on open is what the CLI reports for the file, at the same places.
        const api = require('../dist/src/index') as typeof import('../src/index');
        const cli = api.lintBuffer(Buffer.from(json), { filePath: path.join(dir, 'taskdef.json') })!;
        expect(seen.opened.map((d) => [d.line, d.column, d.code, d.message])).toEqual(cli.messages.map((m) => [m.line, m.column, m.ruleId, m.message]));
        expect(seen.opened.map((d) => d.code)).toEqual(expect.arrayContaining(['fargate-no-privileged', 'td-unknown-property']));

        // Typing privileged: false took the Fargate finding away; the fix renamed the key in the buffer.
        expect(seen.typed.map((d) => d.code)).not.toContain('fargate-no-privileged');
        expect(seen.typed.map((d) => d.code)).toContain('td-unknown-property');
        expect(seen.fix_titles).toContain('ecslint: Rename "memoryReservaton" to "memoryReservation"');
        expect(seen.fixed.map((d) => d.code)).not.toContain('td-unknown-property');
        expect(seen.fixed_text.join('\n') + '\n').toBe(json.replace('"privileged": true', '"privileged": false').replace('memoryReservaton', 'memoryReservation'));

        // The suppression comment went above the YAML line, and the finding is gone.
        expect(seen.suppressed.map((d) => d.code)).not.toContain('fargate-no-privileged');
        expect(seen.suppressed_text.join('\n') + '\n').toBe(YAML.replace('    privileged: true\n', '    # ecslint-disable-next-line fargate-no-privileged\n    privileged: true\n'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    NVIM_MS + 30000,
  );
}
