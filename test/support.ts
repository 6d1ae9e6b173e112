/** What several test files share: the built binary, and the small task definitions they lint. */
import { spawnSync } from 'child_process';
import * as path from 'path';

export const BIN = path.join(__dirname, '..', 'bin', 'ecslint.js');

/** Run the built CLI as a user would, without colour settings leaking in from the test's environment. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string | undefined> } = {}) {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env } as NodeJS.ProcessEnv;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An EC2 task definition that every recommended rule accepts. */
export const CLEAN_YAML = `family: ok
requiresCompatibilities: [EC2]
containerDefinitions:
  - name: web
    image: nginx:1.27
    memory: 256
    essential: true
    logConfiguration:
      logDriver: json-file
`;

/** A Fargate task definition, valid but for one privileged container named `name` (line 13 holds privileged). */
export function privilegedFargateTaskDefinition(name: string): string {
  return JSON.stringify(
    {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{ name, image: 'nginx:1.27', essential: true, privileged: true }],
    },
    null,
    2,
  );
}
