/** Messages speak the unit's dialect: member names as the author wrote them, unnamed items by their place. */
import { CLEAN_YAML } from './support';

const { lintText } = require('../dist/src/index') as typeof import('../src/index');
const { fillTemplate, ordinal, templateText } = require('../dist/src/engine/message') as typeof import('../src/engine/message');
const { memberNamer } = require('../dist/src/engine/run') as typeof import('../src/engine/run');
const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');

type SourceUnit = import('../src/model/unit').SourceUnit;

const CFN = `Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: web
          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0
          PortMappings:
            - ContainerPort: 80
              HostPort: 8080
          LinuxParameters:
            Devices:
              - HostPath: /dev/fuse
        - Image: nginx:1.27
          Privileged: true
`;

const API = JSON.stringify({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    { name: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0', portMappings: [{ containerPort: 80, hostPort: 8080 }], linuxParameters: { devices: [{ hostPath: '/dev/fuse' }] } },
    { image: 'nginx:1.27', privileged: true },
  ],
});

const message = (text: string, file: string, ruleId: string) => lintText(text, { filePath: file, config: { preset: 'all' } }).messages.find((m) => m.ruleId === ruleId)?.message;

describe('a CloudFormation finding names members as the template writes them', () => {
  test.each([
    ['exec-role-fargate-ecr', 'but the task definition has no ExecutionRoleArn.', 'but the task definition has no executionRoleArn.'],
    [
      'nm-awsvpc-host-port',
      'Container "web" maps PortMappings[0].HostPort 8080 to ContainerPort 80; with NetworkMode "awsvpc" HostPort must be omitted or equal ContainerPort.',
      'Container "web" maps portMappings[0].hostPort 8080 to containerPort 80; with networkMode "awsvpc" hostPort must be omitted or equal containerPort.',
    ],
    ['fargate-no-devices', 'Container "web" sets LinuxParameters.Devices, which Fargate does not support.', 'Container "web" sets linuxParameters.devices, which Fargate does not support.'],
  ])('%s', (ruleId, cfn, api) => {
    expect(message(CFN, 'stack.yaml', ruleId)).toContain(cfn);
    expect(message(API, 'td.json', ruleId)).toContain(api);
  });

  test('an unnamed container is named by its place, with the name member in the dialect', () => {
    expect(message(CFN, 'stack.yaml', 'fargate-no-privileged')).toBe('The 2nd container (no Name) sets Privileged, which Fargate does not support.');
    expect(message(API, 'td.json', 'fargate-no-privileged')).toBe('The 2nd container (no name) sets privileged, which Fargate does not support.');
  });

  test('the clean example stays clean (nothing here changes what is checked)', () => {
    expect(lintText(CLEAN_YAML, { filePath: 'ok.yaml' }).errorCount).toBe(0);
  });
});

describe('the mechanism: {{name:…}} asks the unit how it writes a member', () => {
  /** A unit written in snake_case at the task level (as Terraform's resource arguments are), camelCase inside containers. */
  function snakeUnit(view: Record<string, unknown>): SourceUnit {
    const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return {
      view,
      dialect: 'terraform',
      written: (path: Array<string | number>) => path.map((s, i) => (i === 0 || (i === 1 && path[0] !== 'containerDefinitions' && typeof s === 'string') ? snake(String(s)) : String(s))),
    } as unknown as SourceUnit;
  }

  test('a name resolves upward from the finding: container members stay camelCase, task members are snake_case', () => {
    const unit = snakeUnit({ networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', linuxParameters: { devices: [] } }] });
    const at = ['containerDefinitions', 0, 'linuxParameters', 'devices'];
    const nameOf = memberNamer(unit, at);
    expect(fillTemplate('{{name:linuxParameters.devices}} in a task with {{name:networkMode}}, no {{name:/executionRoleArn}}', {}, nameOf)).toBe(
      'containerDefinitions[0].linuxParameters.devices'.slice('containerDefinitions[0].'.length) + ' in a task with network_mode, no execution_role_arn',
    );
    // A member the container does not have is still named at the container, where it would go.
    expect(fillTemplate('{{name:logConfiguration}}', {}, memberNamer(unit, ['containerDefinitions', 0]))).toBe('logConfiguration');
  });

  test('{{name:$key}} names the member the check reports; other data is shown as it is', () => {
    const unit = snakeUnit({ cpu: '256' });
    expect(fillTemplate('set {{name:$missing}}', { missing: 'executionRoleArn' }, memberNamer(unit, ['executionRoleArn']))).toBe('set execution_role_arn');
    expect(fillTemplate('sets {{name:$field}}', { field: 'launch type' }, memberNamer(unit, []))).toBe('sets launch type');
  });

  test('templates written before these placeholders read the same; documentation shows the API names', () => {
    const unit = snakeUnit({ containerDefinitions: [{ privileged: true }] });
    const data = { container: 'the 1st container (no name)' };
    expect(fillTemplate('Container "{{container}}" is privileged.', data, memberNamer(unit, ['containerDefinitions', 0, 'privileged']))).toBe('The 1st container (no name) is privileged.');
    expect(templateText('{{container}} sets {{name:linuxParameters.devices}}; the task has no {{name:/executionRoleArn}}.')).toBe(
      '{{container}} sets linuxParameters.devices; the task has no executionRoleArn.',
    );
  });

  test('ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });

  test('no built-in message writes a camelCase member name outside a placeholder or a quoted value', () => {
    const ALLOWED = new Set(['vCPUs', 'distinctInstance', 'memberOf', 'instanceId', 'containerInsights', 'ecs.os', 'fs.mqueue']);
    const bare = (m: string) =>
      m
        .replace(/"[^"]*"|\{\{[^}]*\}\}/g, '')
        .match(/\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*\b/g)
        ?.filter((w) => !ALLOWED.has(w)) ?? [];
    expect(builtInRules().flatMap((r) => bare(r.message).map((w) => `${r.id}: ${w}`))).toEqual([]);
  });
});
