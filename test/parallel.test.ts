/**
 * Large runs are spread over worker threads: the report must be the same, in the same order, as
 * linting the files one by one on this thread, including the second pass that joins services to
 * task definitions kept in other files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const { generate } = require('../dist/scripts/bench') as typeof import('../scripts/bench');

const { firstPassesInThreads, lintInThreads, PARALLEL_THRESHOLD } = require('../dist/src/parallel') as typeof import('../src/parallel');

const { collect, lintInSequence } = require('../dist/src/pipeline') as typeof import('../src/pipeline');

const { expandPaths } = require('../dist/src/files/expand') as typeof import('../src/files/expand');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-parallel-'));
  generate(dir, PARALLEL_THRESHOLD + 50, 7);
  // A service in one file, its Fargate-incompatible task definition in another.
  fs.writeFileSync(
    path.join(dir, 'zz-service.json'),
    JSON.stringify({ serviceName: 'api', taskDefinition: 'app-3', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('threads give the same report as one thread, in the same order', () => {
  const settings = { overrides: { preset: 'all' as const } };
  const { files } = expandPaths([dir]);
  const one = lintInSequence(files, settings);
  const many = lintInThreads(files, settings, 3);
  expect(many.results.length).toBe(files.length);
  expect(JSON.stringify(many)).toBe(JSON.stringify(one));
  // The second pass ran in both: the service was joined to the task definition in the other file.
  const service = many.results.find((r) => r.filePath.endsWith('zz-service.json'));
  expect(service?.messages.map((m) => m.ruleId)).toContain('svc-fargate-compat');
});

test('a configuration mistake met on a worker thread is the same configuration error', async () => {
  const { lintFiles, ConfigError } = require('../dist/src/index') as typeof import('../src/index');
  const bad = path.join(dir, 'zz-bad-config');
  fs.mkdirSync(bad, { recursive: true });
  fs.writeFileSync(path.join(bad, '.ecslintrc.yaml'), 'launchType: LAMBDA\n');
  fs.copyFileSync(path.join(dir, 'zz-service.json'), path.join(bad, 'service.json'));
  try {
    await expect(lintFiles([dir])).rejects.toThrow(ConfigError);
    await expect(lintFiles([dir])).rejects.toThrow(/zz-bad-config\/\.ecslintrc\.yaml:1:1: .*allowed: FARGATE, EC2, EXTERNAL, MANAGED_INSTANCES/);
  } finally {
    fs.rmSync(bad, { recursive: true, force: true });
  }
});

test('a worker that dies leaves its files to this thread: the report is still complete and the same', () => {
  const settings = { overrides: {} };
  const files = expandPaths([dir]).files.slice(0, 200);
  // A worker that claims a batch of files, then ends without a word, as a crash would.
  const dying = path.join(dir, 'dying-worker.js');
  fs.writeFileSync(dying, "const { workerData } = require('worker_threads');\nAtomics.add(workerData.counters, 0, 8);\nprocess.exit(1);\n");
  const passes = firstPassesInThreads(files, settings, 2, undefined, false, undefined, { workerFile: dying, ms: 1000 });
  expect(JSON.stringify(collect(files, passes, settings))).toBe(JSON.stringify(lintInSequence(files, settings)));
});
