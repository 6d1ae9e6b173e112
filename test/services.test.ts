/**
 * Services and run-task inputs: detection of each input form, and the checks that need the task
 * definition a service runs when that task definition is in another file of the same run
 * (lintFiles' second pass). Same-template links are covered by the rule fixtures.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const { lintFiles, lintText } = require('../dist/src/index') as typeof import('../src/index');

const { extractUnits } = require('../dist/src/load/extract') as typeof import('../src/load/extract');

const CROSS_RULES = { 'svc-fargate-compat': 'error', 'svc-lb-container': 'error', 'svc-network-configuration': 'error', 'cps-fargate-spot-arm64': 'error' } as const;

const taskDefinition = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 256, portMappings: [{ containerPort: 80 }] }],
};

const service = (taskDefinitionName: string) => ({
  cluster: 'prod',
  serviceName: 'web',
  taskDefinition: taskDefinitionName,
  desiredCount: 2,
  launchType: 'FARGATE',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } },
  loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'web', containerPort: 8080 }],
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-services-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  return file;
}

async function crossFindings(files: string[]) {
  const { results } = await lintFiles(files, { config: { preset: 'all', rules: { ...CROSS_RULES } } });
  return results.map((r) => ({ file: path.basename(r.filePath), findings: r.messages.filter((m) => m.ruleId in CROSS_RULES).map((m) => `${m.ruleId} ${m.path} ${m.line}:${m.column}`) }));
}

describe('a service checked against a task definition in another file of the run', () => {
  test.each(['web', 'web:3', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3'])('taskDefinition %s', async (name) => {
    const svc = write('service.json', service(name));
    write('task-definition.json', taskDefinition);
    expect(await crossFindings([svc, path.join(dir, 'task-definition.json')])).toEqual([
      { file: 'service.json', findings: ['svc-fargate-compat /launchType 6:3', 'svc-lb-container /loadBalancers/0/containerPort 18:7'] },
      { file: 'task-definition.json', findings: [] },
    ]);
  });

  test('found when the whole folder is linted, whatever the order of the files', async () => {
    write('a-service.json', service('web'));
    write('z-task-definition.json', taskDefinition);
    expect((await crossFindings([dir])).find((r) => r.file === 'a-service.json')?.findings).toEqual(['svc-fargate-compat /launchType 6:3', 'svc-lb-container /loadBalancers/0/containerPort 18:7']);
  });

  test('not linked when the family is ambiguous (two task definitions of the run share it)', async () => {
    write('service.json', service('web'));
    write('td-a.json', taskDefinition);
    write('td-b.json', { ...taskDefinition, requiresCompatibilities: ['FARGATE'] });
    expect((await crossFindings([dir])).find((r) => r.file === 'service.json')?.findings).toEqual([]);
  });

  test('not linked when the revision differs from a describe output', async () => {
    write('service.json', service('web:3'));
    write('describe.json', { taskDefinition: { ...taskDefinition, revision: 2 } });
    expect((await crossFindings([dir])).find((r) => r.file === 'service.json')?.findings).toEqual([]);
  });

  test('a single file linted alone has no task definition to link to', () => {
    const result = lintText(JSON.stringify(service('web'), null, 2), { filePath: 'service.json', config: { preset: 'all', rules: { ...CROSS_RULES } } });
    expect(result.messages.filter((m) => m.ruleId in CROSS_RULES)).toEqual([]);
  });

  test('a finding that read the linked task definition names the file that supplied it; the others do not', async () => {
    const withoutCount: Record<string, unknown> = { ...service('web') };
    delete withoutCount.desiredCount;
    const svc = write('service.json', withoutCount);
    const td = write('task-definition.json', taskDefinition);
    const { results } = await Promise.resolve(lintFiles([svc, td], { config: { preset: 'all', rules: { ...CROSS_RULES, 'svc-desired-count': 'error' } } }));
    const linked = results[0].messages.filter((m) => m.ruleId in CROSS_RULES || m.ruleId === 'svc-desired-count').map((m) => [m.ruleId, m.linkedTaskDefinition]);
    expect(linked).toEqual([
      ['svc-desired-count', undefined],
      ['svc-fargate-compat', td],
      ['svc-lb-container', td],
    ]);
  });

  test('a run-task input runs the network checks of the linked awsvpc task definition', async () => {
    const run = write('run-task.json', { cluster: 'batch', taskDefinition: 'web', count: 1, launchType: 'EC2' });
    const td = write('td.json', taskDefinition);
    expect((await crossFindings([run, td]))[0].findings).toEqual(['svc-network-configuration /networkConfiguration 1:1']);
  });
});

describe('detection of service inputs', () => {
  const kinds = (value: unknown) => extractUnits(value).units.map((u) => `${u.kind}/${u.form}/${u.name}`);

  test('create-service, update-service, run-task and describe-services', () => {
    expect(kinds(service('web'))).toEqual(['service/create-service/web']);
    expect(kinds({ cluster: 'prod', service: 'web', taskDefinition: 'web:4', desiredCount: 3 })).toEqual(['service/update-service/web']);
    expect(kinds({ cluster: 'batch', taskDefinition: 'report:2', count: 1 })).toEqual(['service/run-task/(run-task input)']);
    expect(kinds({ services: [service('web'), { ...service('api'), serviceName: 'api' }], failures: [] })).toEqual(['service/describe/web', 'service/describe/api']);
  });

  test('task definitions and describe-task-definition outputs stay task definitions', () => {
    expect(kinds(taskDefinition)).toEqual(['task-definition/api/web']);
    expect(kinds({ taskDefinition: { ...taskDefinition, revision: 3 } })).toEqual(['task-definition/describe/web']);
  });

  test('a CloudFormation template with only a service is linted, and PlacementStrategies maps to placementStrategy', () => {
    const units = extractUnits({
      Resources: { Svc: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'Param' }, PlacementStrategies: [{ Type: 'spread', Field: 'instanceId' }] } } },
    }).units;
    expect(units.map((u) => u.kind)).toEqual(['service']);
    expect(units[0].view.placementStrategy).toEqual([{ type: 'spread', field: 'instanceId' }]);
    expect(units[0].toWritten(['placementStrategy', 0, 'field'])).toEqual(['Resources', 'Svc', 'Properties', 'PlacementStrategies', '0', 'Field']);
  });
});

describe('Service Connect and managed EBS volumes checked against the task definition of another file', () => {
  const rules = { 'svc-connect-port-name': 'error', 'ebs-volume-configuration-name': 'error', 'ebs-volume-configuration-missing': 'warning' } as const;
  const db = {
    family: 'db',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '1024',
    memory: '2048',
    volumes: [{ name: 'data', configuredAtLaunch: true }],
    containerDefinitions: [
      { name: 'postgres', image: 'postgres:16.4', portMappings: [{ name: 'pg', containerPort: 5432 }], mountPoints: [{ sourceVolume: 'data', containerPath: '/var/lib/postgresql/data' }] },
    ],
  };
  const subnets = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } };
  const ebs = (name: string) => [{ name, managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole', sizeInGiB: 100 } }];

  async function findings(files: string[]) {
    const { results } = await Promise.resolve(lintFiles(files, { config: { preset: 'all', rules: { ...rules } } }));
    return results.map((r) => ({
      file: path.basename(r.filePath),
      findings: r.messages
        .filter((m) => m.ruleId in rules)
        .map((m) => `${m.ruleId} ${m.path} ${path.basename(m.linkedTaskDefinition ?? '-')}`)
        .sort(),
    }));
  }

  test('a create-service input and a describe-task-definition output', async () => {
    const svc = write('service.json', {
      cluster: 'prod',
      serviceName: 'db',
      taskDefinition: 'db:2',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: subnets,
      serviceConnectConfiguration: { enabled: true, services: [{ portName: 'postgres' }] },
      volumeConfigurations: ebs('pgdata'),
    });
    const td = write('describe.json', { taskDefinition: { ...db, revision: 2 } });
    expect(await findings([svc, td])).toEqual([
      {
        file: 'service.json',
        findings: [
          'ebs-volume-configuration-missing /volumeConfigurations describe.json',
          'ebs-volume-configuration-name /volumeConfigurations/0/name describe.json',
          'svc-connect-port-name /serviceConnectConfiguration/services/0/portName describe.json',
        ],
      },
      { file: 'describe.json', findings: [] },
    ]);
  });

  test('a run-task input without volumeConfigurations, and one that names the volume', async () => {
    const td = write('td.json', db);
    const without = write('run-task.json', { cluster: 'batch', taskDefinition: 'db', count: 1, launchType: 'FARGATE', networkConfiguration: subnets });
    expect((await findings([without, td]))[0].findings).toEqual(['ebs-volume-configuration-missing /volumeConfigurations td.json']);
    const named = write('run-task.json', { cluster: 'batch', taskDefinition: 'db', count: 1, launchType: 'FARGATE', networkConfiguration: subnets, volumeConfigurations: ebs('data') });
    expect((await findings([named, td]))[0].findings).toEqual([]);
  });

  test('an update-service input may leave volumeConfigurations out (the service keeps its own)', async () => {
    const td = write('td.json', db);
    const update = write('update.json', { cluster: 'prod', service: 'db', taskDefinition: 'db', forceNewDeployment: true });
    expect((await findings([update, td]))[0].findings).toEqual([]);
  });
});

test('condition scenarios pair a service with its task definition only within one template', async () => {
  const conditions = { Parameters: { Env: { Type: 'String', AllowedValues: ['prod', 'dev'] } }, Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } } };
  const taskDefinition = {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: 'web',
      RequiresCompatibilities: { 'Fn::If': ['IsProd', ['EC2'], ['FARGATE']] },
      NetworkMode: 'awsvpc',
      Cpu: '256',
      Memory: '512',
      ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27' }],
    },
  };
  const service = (taskDefinitionRef: unknown) => ({
    Type: 'AWS::ECS::Service',
    Properties: {
      Cluster: 'prod',
      LaunchType: { 'Fn::If': ['IsProd', 'FARGATE', 'EC2'] },
      TaskDefinition: taskDefinitionRef,
      DesiredCount: 1,
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-scenarios-'));
  try {
    const one = path.join(dir, 'one.json');
    fs.writeFileSync(one, JSON.stringify({ ...conditions, Resources: { TaskDef: taskDefinition, Service: service({ Ref: 'TaskDef' }) } }, null, 2));
    const svc = path.join(dir, 'service.json');
    const td = path.join(dir, 'task-definition.json');
    fs.writeFileSync(svc, JSON.stringify({ ...conditions, Resources: { Service: service('web') } }, null, 2));
    fs.writeFileSync(td, JSON.stringify({ ...conditions, Resources: { TaskDef: taskDefinition } }, null, 2));
    const compat = async (files: string[]) => {
      const { results } = await Promise.resolve(lintFiles(files, { config: { preset: 'all', rules: { 'svc-fargate-compat': 'error' } } }));
      return results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'svc-fargate-compat').map((m) => `${path.basename(r.filePath)} ${m.path} ${m.message.includes('(when IsProd is true)')}`));
    };
    // In one template, IsProd is one condition: the Fargate branch of the service meets the EC2-only branch of its task definition.
    expect(await compat([one])).toEqual(['one.json /Resources/Service/Properties/LaunchType/Fn::If/1 true']);
    // In two templates, the names are the same but the parameters are not: the service meets the task definition with its branches unknown.
    expect(await compat([svc, td])).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
