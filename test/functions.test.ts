/**
 * Unit tests of every check function in src/functions: direct calls on a unit loaded from a small document,
 * one table per function, covering each kind of result and what the function does with a value that
 * cannot be known statically (a CloudFormation intrinsic, a `${PLACEHOLDER}`). The generic rule test runs
 * the functions through their rules; these pin each branch down on its own.
 */
import * as fs from 'fs';
import * as path from 'path';

type Segment = string | number;
type FunctionResult = import('../src/functions/types').FunctionResult;
type LaunchType = import('../src/model/basics').LaunchType;

const { loadText } = require('../dist/src/load/load-file') as typeof import('../src/load/load-file');
const { resolveTargets, linkWithinFile, link } = require('../dist/src/link/link') as typeof import('../src/link/link');
const { checkFunction } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');
const { valueAt } = require('../dist/src/model/object') as typeof import('../src/model/object');

interface Case {
  name: string;
  /** The document: JSON (an object) or text (YAML for CloudFormation intrinsics). */
  doc: object | string;
  /** Where the checked value is in the unit's view; the unit root by default. */
  at?: Segment[];
  options?: Record<string, unknown>;
  launchType?: LaunchType;
  docs?: 'seed' | 'current';
  /** Check the service of the document (linked to its task definition) rather than the task definition. */
  service?: boolean;
  /** Check the IAM role or policy with this logical id (a unit of kind `iam`, used by a task definition of the template) rather than the task definition. */
  iam?: string;
  /** The case puts a value that cannot be known statically where the function looks. */
  unknown?: boolean;
  /** What the function returns; each result's listed members must match (toMatchObject). */
  want: Array<Partial<FunctionResult>>;
}

function run(fn: string, c: Case): FunctionResult[] {
  const text = typeof c.doc === 'string' ? c.doc : JSON.stringify(c.doc, null, 2);
  const loaded = loadText(text, typeof c.doc === 'string' ? 'case.yaml' : 'case.json');
  resolveTargets(loaded.units, c.launchType ?? 'EC2');
  for (const s of linkWithinFile(loaded.units)) link(s, undefined);
  const unit =
    c.iam !== undefined
      ? loaded.units.find((u) => u.kind === 'iam' && u.name === c.iam)
      : loaded.units.find((u) => (c.service ? u.kind === 'service' : u.kind === 'task-definition') || (!c.service && u.kind !== 'service'));
  if (!unit) throw new Error(`no ${c.iam !== undefined ? `IAM unit ${c.iam}` : c.service ? 'service' : 'task definition'} in the case's document`);
  const at = c.at ?? [];
  const ctx = { unit, document: unit.view, path: at, target: unit.target!, docs: c.docs ?? ('current' as const), ...(unit.taskDefinition ? { taskDefinition: unit.taskDefinition } : {}) };
  return checkFunction(fn).check(valueAt(unit.view, at), (c.options ?? {}) as never, ctx);
}

/** A task definition with these containers (and task-level members). */
const td = (containers: object[], extra: object = {}) => ({ family: 'app', containerDefinitions: containers, ...extra });
const c = (name: string, extra: object = {}) => ({ name, image: 'nginx:1.27', memory: 256, ...extra });
/** A CloudFormation template with one task definition (and optionally a service that runs it), in YAML. */
const cfn = (properties: string, service?: string) =>
  `Parameters:\n  P:\n    Type: String\nResources:\n  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${indent(properties, 6)}` +
  (service ? `  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Td\n${indent(service, 6)}` : '');
function indent(text: string, n: number): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n')
    .concat('\n');
}

const cases: Record<string, Case[]> = {
  allowedWhen: [
    {
      name: 'allowed: the required member is set',
      doc: { serviceName: 's', taskDefinition: 't', loadBalancers: [{ targetGroupArn: 'arn' }], healthCheckGracePeriodSeconds: 30 },
      at: ['healthCheckGracePeriodSeconds'],
      service: true,
      options: { requires: 'loadBalancers' },
      want: [],
    },
    {
      name: 'reported without the required member',
      doc: { serviceName: 's', taskDefinition: 't', healthCheckGracePeriodSeconds: 30 },
      at: ['healthCheckGracePeriodSeconds'],
      service: true,
      options: { requires: 'loadBalancers' },
      want: [{ data: { reason: 'without loadBalancers' } }],
    },
    { name: 'an unset value is not checked', doc: { serviceName: 's', taskDefinition: 't', role: '' }, at: ['role'], service: true, options: { requires: 'loadBalancers' }, want: [] },
    {
      name: 'reported in a forbidden network mode',
      doc: cfn('Family: app\nNetworkMode: awsvpc\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LoadBalancers:\n  - LoadBalancerName: lb\nRole: ecsServiceRole'),
      at: ['role'],
      service: true,
      options: { requires: 'loadBalancers', notWithNetworkMode: ['awsvpc'] },
      want: [{ data: { reason: 'with the awsvpc network mode' } }],
    },
    {
      name: 'an unknown required member counts as set',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LoadBalancers: !Ref P\nHealthCheckGracePeriodSeconds: 30'),
      at: ['healthCheckGracePeriodSeconds'],
      service: true,
      unknown: true,
      options: { requires: 'loadBalancers' },
      want: [],
    },
  ],
  atMostOneItem: [
    {
      name: 'one base',
      doc: {
        serviceName: 's',
        taskDefinition: 't',
        capacityProviderStrategy: [
          { capacityProvider: 'a', base: 1 },
          { capacityProvider: 'b', base: 0 },
        ],
      },
      at: ['capacityProviderStrategy'],
      service: true,
      options: { field: 'base', greaterThan: 0 },
      want: [],
    },
    {
      name: 'every later base is reported, naming the first',
      doc: {
        serviceName: 's',
        taskDefinition: 't',
        capacityProviderStrategy: [
          { capacityProvider: 'a', base: 1 },
          { capacityProvider: 'b', base: 2 },
          { capacityProvider: 'c', base: '3' },
        ],
      },
      at: ['capacityProviderStrategy'],
      service: true,
      options: { field: 'base', greaterThan: 0 },
      want: [
        { path: [1, 'base'], data: { first: '1' } },
        { path: [2, 'base'], data: { first: '1' } },
      ],
    },
    {
      name: 'an intrinsic base is not counted',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27',
        'CapacityProviderStrategy:\n  - CapacityProvider: a\n    Base: 1\n  - CapacityProvider: b\n    Base: !Ref P',
      ),
      at: ['capacityProviderStrategy'],
      service: true,
      unknown: true,
      options: { field: 'base', greaterThan: 0 },
      want: [],
    },
  ],
  awsSchema: [
    { name: 'a valid task definition', doc: td([c('web')]), options: { keyword: 'type' }, want: [] },
    {
      name: 'a wrong type, named where it is',
      doc: td([c('web', { memory: '512' })]),
      options: { keyword: 'type' },
      want: [{ path: ['containerDefinitions', 0, 'memory'], data: { member: 'memory', location: 'container "web"', expected: 'an integer', found: 'a string' } }],
    },
    {
      name: 'an unknown property with a suggestion',
      doc: td([c('web', { Essential: true })]),
      options: { keyword: 'additionalProperties' },
      want: [{ path: ['containerDefinitions', 0, 'Essential'], data: { suggestion: ' (did you mean "essential"?)' } }],
    },
    {
      name: 'a missing required member at its would-be place',
      doc: td([c('web', { ulimits: [{ name: 'nofile', hardLimit: 10 }] })]),
      options: { keyword: 'required' },
      want: [{ path: ['containerDefinitions', 0, 'ulimits', 0, 'softLimit'], data: { member: 'softLimit' } }],
    },
    {
      name: 'an enum value, with the likely one',
      doc: td([c('web')], { networkMode: 'AWSVPC' }),
      options: { keyword: 'enum' },
      want: [{ path: ['networkMode'], data: { suggestion: ' (did you mean "awsvpc"?)' } }],
    },
    {
      name: 'notAt and exceptValues leave places to other rules',
      doc: td([c('web')], { networkMode: 'default' }),
      options: { keyword: 'enum', exceptValues: { '/networkMode': ['default'] } },
      want: [],
    },
    {
      name: 'CloudFormation converts scalars',
      doc: cfn('Family: app\nCpu: 256\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Memory: "512"\n    Essential: "true"'),
      options: { keyword: 'type' },
      want: [],
    },
    // An intrinsic is an empty object to the schema: the finding lands on it, and the engine drops every finding that reaches one.
    {
      name: 'an intrinsic: a finding on the intrinsic itself, for the engine to drop',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Memory: !Ref P'),
      unknown: true,
      options: { keyword: 'type' },
      want: [{ path: ['containerDefinitions', 0, 'memory'] }],
    },
    {
      name: 'a YAML number for the task cpu: skipped',
      doc: 'family: app\ncpu: 256\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n    memory: 256\n',
      options: { keyword: 'type', yamlNumbers: { at: ['/cpu'], report: 'skip' } },
      want: [],
    },
    {
      name: 'a YAML number for the task cpu: only that',
      doc: 'family: app\ncpu: 256\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n    memory: "256"\n',
      options: { keyword: 'type', yamlNumbers: { at: ['/cpu'], report: 'only' } },
      want: [{ path: ['cpu'], data: { member: 'cpu' } }],
    },
    { name: 'a JSON number for the task cpu is no YAML number', doc: td([c('web')], { cpu: 256 }), options: { keyword: 'type', yamlNumbers: { at: ['/cpu'], report: 'only' } }, want: [] },
  ],
  clusterQueryExpression: [
    {
      name: 'a known expression',
      doc: td([c('web')], { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.* and not(task:group == db)' }] }),
      at: ['placementConstraints', 0, 'expression'],
      options: qlOptions(),
      want: [],
    },
    {
      name: 'an unknown subject',
      doc: td([c('web')], { placementConstraints: [{ type: 'memberOf', expression: 'instance-type == t3.large' }] }),
      at: ['placementConstraints', 0, 'expression'],
      options: qlOptions(),
      want: [{ data: { problem: 'unknown subject "instance-type"' } }],
    },
    {
      name: 'a missing argument',
      doc: td([c('web')], { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type ==' }] }),
      at: ['placementConstraints', 0, 'expression'],
      options: qlOptions(),
      want: [{ data: { problem: 'an argument after == expected at the end' } }],
    },
    {
      name: 'a list operator and a unary one',
      doc: td([c('web')], { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b] or attribute:stack exists' }] }),
      at: ['placementConstraints', 0, 'expression'],
      options: qlOptions(),
      want: [],
    },
    {
      name: 'an intrinsic expression is not read',
      doc: cfn('Family: app\nPlacementConstraints:\n  - Type: memberOf\n    Expression: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      at: ['placementConstraints', 0, 'expression'],
      unknown: true,
      options: qlOptions(),
      want: [],
    },
  ],
  compareMembers: [
    {
      name: 'equal ports',
      doc: td([c('web', { portMappings: [{ containerPort: 80, hostPort: 80 }] })]),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      options: { member: 'hostPort', other: 'containerPort', relation: 'equal' },
      want: [],
    },
    {
      name: 'different ports, as numbers',
      doc: td([c('web', { portMappings: [{ containerPort: 80, hostPort: '8080' }] })]),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      options: { member: 'hostPort', other: 'containerPort', relation: 'equal' },
      want: [{ path: ['hostPort'], data: { value: 8080, other: '80' } }],
    },
    {
      name: 'not greater, with unlimited',
      doc: td([c('web', { ulimits: [{ name: 'nofile', softLimit: -1, hardLimit: 10 }] })]),
      at: ['containerDefinitions', 0, 'ulimits', 0],
      options: { member: 'softLimit', other: 'hardLimit', relation: 'notGreater', unlimited: -1 },
      want: [{ path: ['softLimit'] }],
    },
    {
      name: 'within the limit',
      doc: td([c('web', { ulimits: [{ name: 'nofile', softLimit: 5, hardLimit: -1 }] })]),
      at: ['containerDefinitions', 0, 'ulimits', 0],
      options: { member: 'softLimit', other: 'hardLimit', relation: 'notGreater', unlimited: -1 },
      want: [],
    },
    {
      name: 'an intrinsic is not compared',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80\n        HostPort: !Ref P'),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      unknown: true,
      options: { member: 'hostPort', other: 'containerPort', relation: 'equal' },
      want: [],
    },
  ],
  conflictingEntries: [
    {
      name: 'two containers set one sysctl differently',
      doc: td([c('a', { systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }] }), c('b', { systemControls: [{ namespace: 'net.core.somaxconn', value: '4096' }] })]),
      at: ['containerDefinitions'],
      options: { list: 'systemControls', key: 'namespace', value: 'value', keyPattern: '^net\\.' },
      want: [{ path: [1, 'systemControls', 0, 'value'], data: { key: 'net.core.somaxconn', other: 'a', otherValue: '"1024"' } }],
    },
    {
      name: 'the same value, or a key outside the pattern',
      doc: td([
        c('a', {
          systemControls: [
            { namespace: 'net.core.somaxconn', value: '1024' },
            { namespace: 'kernel.shmmax', value: '1' },
          ],
        }),
        c('b', {
          systemControls: [
            { namespace: 'net.core.somaxconn', value: 1024 },
            { namespace: 'kernel.shmmax', value: '2' },
          ],
        }),
      ]),
      at: ['containerDefinitions'],
      options: { list: 'systemControls', key: 'namespace', value: 'value', keyPattern: '^net\\.' },
      want: [],
    },
    {
      name: 'an intrinsic value is not compared',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    SystemControls:\n      - Namespace: net.core.somaxconn\n        Value: "1"\n  - Name: b\n    Image: nginx:1.27\n    SystemControls:\n      - Namespace: net.core.somaxconn\n        Value: !Ref P',
      ),
      at: ['containerDefinitions'],
      unknown: true,
      options: { list: 'systemControls', key: 'namespace', value: 'value' },
      want: [],
    },
  ],
  containerPortInTaskDefinition: [
    {
      name: 'the container maps the port',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80',
        'LoadBalancers:\n  - ContainerName: web\n    ContainerPort: 80\n    TargetGroupArn: arn',
      ),
      at: ['loadBalancers', 0],
      service: true,
      options: lbOptions(),
      want: [],
    },
    {
      name: 'a port inside a range',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPortRange: 8000-8100',
        'LoadBalancers:\n  - ContainerName: web\n    ContainerPort: 8080\n    TargetGroupArn: arn',
      ),
      at: ['loadBalancers', 0],
      service: true,
      options: lbOptions(),
      want: [],
    },
    {
      name: 'no such container',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LoadBalancers:\n  - ContainerName: app\n    ContainerPort: 80\n    TargetGroupArn: arn'),
      at: ['loadBalancers', 0],
      service: true,
      options: lbOptions(),
      want: [{ path: ['containerName'], data: { taskDefinition: 'Td', problem: 'no container named "app" (it has "web")' } }],
    },
    {
      name: 'no such port',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80',
        'LoadBalancers:\n  - ContainerName: web\n    ContainerPort: 443\n    TargetGroupArn: arn',
      ),
      at: ['loadBalancers', 0],
      service: true,
      options: lbOptions(),
      want: [{ path: ['containerPort'], data: { problem: 'no port mapping for container port 443 in container "web" (it maps 80)' } }],
    },
    {
      name: 'an intrinsic container name hides the container',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: !Ref P\n    Image: nginx:1.27', 'LoadBalancers:\n  - ContainerName: web\n    ContainerPort: 80\n    TargetGroupArn: arn'),
      at: ['loadBalancers', 0],
      service: true,
      unknown: true,
      options: lbOptions(),
      want: [],
    },
    {
      name: 'without the task definition nothing is said',
      doc: { serviceName: 's', taskDefinition: 'elsewhere:1', loadBalancers: [{ containerName: 'web', containerPort: 80, targetGroupArn: 'arn' }] },
      at: ['loadBalancers', 0],
      service: true,
      options: lbOptions(),
      want: [],
    },
  ],
  dependsOnContainer: [
    {
      name: 'the app waits for the router',
      doc: td([
        c('router', { firelensConfiguration: { type: 'fluentbit' }, dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] }),
        c('app', { dependsOn: [{ containerName: 'router', condition: 'START' }] }),
        c('init'),
      ]),
      at: ['containerDefinitions', 1],
      options: firelensOrder(),
      want: [],
    },
    {
      name: 'the app does not wait for the router',
      doc: td([c('router', { firelensConfiguration: { type: 'fluentbit' }, dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] }), c('app'), c('init')]),
      at: ['containerDefinitions', 1],
      options: firelensOrder(),
      want: [{ path: ['dependsOn'], data: { target: '"router"', conditions: 'START or HEALTHY' } }],
    },
    {
      name: 'the platform orders them when the router depends on nothing',
      doc: td([c('router', { firelensConfiguration: { type: 'fluentbit' } }), c('app')]),
      at: ['containerDefinitions', 1],
      options: firelensOrder(),
      want: [],
    },
    {
      name: 'the router itself is not checked',
      doc: td([c('router', { firelensConfiguration: { type: 'fluentbit' }, dependsOn: [{ containerName: 'app', condition: 'START' }] }), c('app')]),
      at: ['containerDefinitions', 0],
      options: firelensOrder(),
      want: [],
    },
    {
      name: 'an intrinsic dependsOn may hold it',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: router\n    Image: fluent/fluent-bit:3.0\n    FirelensConfiguration:\n      Type: fluentbit\n    DependsOn:\n      - ContainerName: init\n        Condition: COMPLETE\n  - Name: app\n    Image: nginx:1.27\n    DependsOn: !Ref P\n  - Name: init\n    Image: busybox:1.36',
      ),
      at: ['containerDefinitions', 1],
      unknown: true,
      options: firelensOrder(),
      want: [],
    },
  ],
  deploymentPercentages: [
    {
      name: 'ordered percentages',
      doc: { serviceName: 's', taskDefinition: 't', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } },
      at: ['deploymentConfiguration'],
      service: true,
      options: { daemonMaximum: 100 },
      want: [],
    },
    {
      name: 'minimum above maximum',
      doc: { serviceName: 's', taskDefinition: 't', deploymentConfiguration: { minimumHealthyPercent: 150, maximumPercent: '100' } },
      at: ['deploymentConfiguration'],
      service: true,
      options: { daemonMaximum: 100 },
      want: [{ path: ['minimumHealthyPercent'], data: { problem: 'minimumHealthyPercent 150 is above maximumPercent 100' } }],
    },
    {
      name: 'a DAEMON service with another maximum',
      doc: { serviceName: 's', taskDefinition: 't', schedulingStrategy: 'DAEMON', deploymentConfiguration: { maximumPercent: 200 } },
      at: ['deploymentConfiguration'],
      service: true,
      options: { daemonMaximum: 100 },
      want: [{ path: ['maximumPercent'] }],
    },
    {
      name: 'intrinsic percentages are not compared',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'DeploymentConfiguration:\n  MinimumHealthyPercent: !Ref P\n  MaximumPercent: 100'),
      at: ['deploymentConfiguration'],
      service: true,
      unknown: true,
      options: { daemonMaximum: 100 },
      want: [],
    },
  ],
  exclusiveMembers: [
    {
      name: 'one of them',
      doc: td([c('web', { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-datetime-format': '%Y' } } })]),
      at: ['containerDefinitions', 0, 'logConfiguration', 'options'],
      options: { fields: ['awslogs-datetime-format', 'awslogs-multiline-pattern'] },
      want: [],
    },
    {
      name: 'both: the second is reported',
      doc: td([c('web', { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-datetime-format': '%Y', 'awslogs-multiline-pattern': '^x' } } })]),
      at: ['containerDefinitions', 0, 'logConfiguration', 'options'],
      options: { fields: ['awslogs-datetime-format', 'awslogs-multiline-pattern'] },
      want: [{ path: ['awslogs-multiline-pattern'], data: { first: 'awslogs-datetime-format' } }],
    },
    {
      name: 'an unset one does not count',
      doc: td([c('web')], { volumes: [{ name: 'v', host: {}, efsVolumeConfiguration: { fileSystemId: 'fs-1' } }] }),
      at: ['volumes', 0],
      options: { fields: ['host', 'efsVolumeConfiguration'] },
      want: [],
    },
    {
      name: 'an intrinsic does not count',
      doc: cfn('Family: app\nVolumes:\n  - Name: v\n    Host: !Ref P\n    EFSVolumeConfiguration:\n      FilesystemId: fs-1\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      at: ['volumes', 0],
      unknown: true,
      options: { fields: ['host', 'efsVolumeConfiguration'] },
      want: [],
    },
  ],
  fargatePlatformVersion: [
    {
      name: 'a Linux version on Fargate',
      doc: { serviceName: 's', taskDefinition: 't', launchType: 'FARGATE', platformVersion: '1.4.0' },
      at: ['platformVersion'],
      service: true,
      options: pvOptions(),
      want: [],
    },
    {
      name: 'not on Fargate',
      doc: { serviceName: 's', taskDefinition: 't', launchType: 'EC2', platformVersion: 'LATEST' },
      at: ['platformVersion'],
      service: true,
      options: pvOptions(),
      want: [{ data: { problem: 'is used only by Fargate, and this service does not run on Fargate' } }],
    },
    {
      name: 'a Linux version for a Windows task',
      doc: cfn(
        'Family: app\nRequiresCompatibilities: [FARGATE]\nRuntimePlatform:\n  OperatingSystemFamily: WINDOWS_SERVER_2022_CORE\nContainerDefinitions:\n  - Name: web\n    Image: iis:1',
        'LaunchType: FARGATE\nPlatformVersion: 1.4.0',
      ),
      at: ['platformVersion'],
      service: true,
      options: pvOptions(),
      want: [{ data: { problem: 'is not a Windows Fargate platform version (use LATEST, 1.0.0)' } }],
    },
    {
      name: 'an intrinsic version is not checked',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LaunchType: EC2\nPlatformVersion: !Ref P'),
      at: ['platformVersion'],
      service: true,
      unknown: true,
      options: pvOptions(),
      want: [],
    },
  ],
  flaggedItems: [
    {
      name: 'one flagged item with its name',
      doc: td([c('web')], { volumes: [{ name: 'ebs', configuredAtLaunch: true }, { name: 'tmp' }] }),
      at: ['volumes'],
      options: { flag: 'configuredAtLaunch', max: 1, required: ['name'], noun: 'volume' },
      want: [],
    },
    {
      name: 'too many, and one without a name',
      doc: td([c('web')], { volumes: [{ name: 'a', configuredAtLaunch: true }, { configuredAtLaunch: 'true' }] }),
      at: ['volumes'],
      options: { flag: 'configuredAtLaunch', max: 1, required: ['name'], noun: 'volume' },
      want: [
        { path: [1, 'configuredAtLaunch'], data: { problem: 'at most 1 volume of a task definition may set it' } },
        { path: [1, 'configuredAtLaunch'], data: { problem: 'such a volume needs a name' } },
      ],
    },
    {
      name: 'an intrinsic flag is not counted',
      doc: cfn('Family: app\nVolumes:\n  - Name: a\n    ConfiguredAtLaunch: true\n  - Name: b\n    ConfiguredAtLaunch: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      at: ['volumes'],
      unknown: true,
      options: { flag: 'configuredAtLaunch', max: 1, noun: 'volume' },
      want: [],
    },
  ],
  identifier: [
    {
      name: 'good unique names',
      doc: td([c('a', { portMappings: [{ containerPort: 80, name: 'web' }] }), c('b', { portMappings: [{ containerPort: 81, name: 'api' }] })]),
      at: ['containerDefinitions', 1, 'portMappings', 0, 'name'],
      options: pmName(),
      want: [],
    },
    {
      name: 'a bad, too long name used before: one finding, every problem',
      doc: td([c('a', { portMappings: [{ containerPort: 80, name: `Web${'x'.repeat(70)}` }] }), c('b', { portMappings: [{ containerPort: 81, name: `Web${'x'.repeat(70)}` }] })]),
      at: ['containerDefinitions', 1, 'portMappings', 0, 'name'],
      options: pmName(),
      want: [{ data: { problem: 'is longer than 64 characters, and must be lowercase, and is already used by container "a"' } }],
    },
    {
      name: 'an intrinsic name takes no part',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80\n        Name: !Ref P'),
      at: ['containerDefinitions', 0, 'portMappings', 0, 'name'],
      unknown: true,
      options: pmName(),
      want: [],
    },
  ],
  listValuesIn: [
    {
      name: 'allowed values',
      doc: td([c('web', { linuxParameters: { capabilities: { add: ['SYS_PTRACE'], drop: ['ALL'] } } })]),
      at: ['containerDefinitions', 0, 'linuxParameters', 'capabilities'],
      options: { allowed: { add: ['SYS_PTRACE'], drop: ['ALL', 'NET_RAW'] } },
      want: [],
    },
    {
      name: 'each other value, at the item',
      doc: td([c('web', { linuxParameters: { capabilities: { add: ['SYS_PTRACE', 'NET_ADMIN'] } } })]),
      at: ['containerDefinitions', 0, 'linuxParameters', 'capabilities'],
      options: { allowed: { add: ['SYS_PTRACE'] } },
      want: [{ path: ['add', 1], data: { member: 'add' } }],
    },
    {
      name: 'an intrinsic item is left alone',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    LinuxParameters:\n      Capabilities:\n        Add: [!Ref P]'),
      at: ['containerDefinitions', 0, 'linuxParameters', 'capabilities'],
      unknown: true,
      options: { allowed: { add: ['SYS_PTRACE'] } },
      want: [],
    },
  ],
  listedMembers: [
    { name: 'nothing listed is set', doc: td([c('web', { dnsServers: [] })]), options: { entries: [{ parameter: 'dnsServers', paths: ['$.containerDefinitions[*].dnsServers'] }] }, want: [] },
    {
      name: 'each listed member that is set, named and placed',
      doc: td([c('web', { dnsServers: ['10.0.0.2'] })], { ipcMode: 'task', volumes: [{ name: 'logs', host: { sourcePath: '/var/log' } }] }),
      options: {
        entries: [
          { parameter: 'dnsServers', paths: ['$.containerDefinitions[*].dnsServers'] },
          { parameter: 'ipcMode', paths: ['$.ipcMode'] },
          { parameter: 'host.sourcePath', paths: ['$.volumes[*].host.sourcePath'] },
        ],
      },
      want: [
        { path: ['containerDefinitions', 0, 'dnsServers'], data: { parameter: 'dnsServers', subject: 'Container "web"' } },
        { path: ['ipcMode'], data: { subject: 'The task' } },
        { path: ['volumes', 0, 'host', 'sourcePath'], data: { subject: 'Volume "logs"' } },
      ],
    },
    {
      name: 'values, patterns and the operating system narrow an entry',
      doc: td([c('web', { dockerSecurityOptions: ['no-new-privileges', 'label:type:x'] })], { networkMode: 'bridge' }),
      options: {
        entries: [
          { feature: 'awsvpc', paths: ['$.networkMode'], values: ['awsvpc'] },
          { feature: 'SELinux', paths: ['$.containerDefinitions[*].dockerSecurityOptions[*]'], pattern: '^label:' },
          { feature: 'Windows', os: 'WINDOWS', paths: ['$.networkMode'], values: ['bridge'] },
        ],
      },
      want: [{ path: ['containerDefinitions', 0, 'dockerSecurityOptions', 1], data: { parameter: 'SELinux' } }],
    },
    {
      name: 'appliesTo and only pick the entries',
      doc: { serviceName: 's', taskDefinition: 't', loadBalancers: [{ targetGroupArn: 'arn' }], capacityProviderStrategy: [{ capacityProvider: 'a' }] },
      service: true,
      options: {
        appliesTo: 'service',
        only: ['load balancing'],
        entries: [
          { feature: 'load balancing', appliesTo: 'service', paths: ['$.loadBalancers'] },
          { feature: 'capacity providers', appliesTo: 'service', paths: ['$.capacityProviderStrategy'] },
          { feature: 'EFS', appliesTo: 'task-definition', paths: ['$.loadBalancers'] },
        ],
      },
      want: [{ path: ['loadBalancers'], data: { subject: 'The service' } }],
    },
    {
      name: 'an unnamed container by its place, the name member as written',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Image: nginx:1.27\n    Hostname: web'),
      options: { entries: [{ parameter: 'hostname', paths: ['$.containerDefinitions[*].hostname'] }] },
      want: [{ path: ['containerDefinitions', 0, 'hostname'], data: { subject: 'The 1st container (no Name)' } }],
    },
    {
      name: 'an intrinsic is not reported',
      doc: cfn('Family: app\nIpcMode: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      unknown: true,
      options: { entries: [{ parameter: 'ipcMode', paths: ['$.ipcMode'] }] },
      want: [],
    },
  ],
  loadBalancerTypes: [
    {
      name: 'target groups only',
      doc: { serviceName: 's', taskDefinition: 't', loadBalancers: [{ targetGroupArn: 'a' }, { targetGroupArn: 'b' }] },
      at: ['loadBalancers'],
      service: true,
      options: { maxTargetGroups: 5, maxClassic: 1 },
      want: [],
    },
    {
      name: 'too many target groups and classic load balancers',
      doc: { serviceName: 's', taskDefinition: 't', loadBalancers: [{ loadBalancerName: 'a' }, { loadBalancerName: 'b' }, { targetGroupArn: 'x' }, { targetGroupArn: 'y' }] },
      at: ['loadBalancers'],
      service: true,
      options: { maxTargetGroups: 1, maxClassic: 1 },
      want: [{ path: [1, 'loadBalancerName'] }, { path: [3, 'targetGroupArn'] }],
    },
    {
      name: 'a classic load balancer with awsvpc',
      doc: cfn('Family: app\nNetworkMode: awsvpc\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LoadBalancers:\n  - LoadBalancerName: lb'),
      at: ['loadBalancers'],
      service: true,
      options: { maxTargetGroups: 5, maxClassic: 1 },
      want: [{ path: [0, 'loadBalancerName'], data: { problem: expect.stringContaining('awsvpc') } }],
    },
    {
      name: 'an intrinsic target group counts, an intrinsic entry does not',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LoadBalancers:\n  - TargetGroupArn: !Ref P\n  - !Ref P\n  - TargetGroupArn: arn'),
      at: ['loadBalancers'],
      service: true,
      unknown: true,
      options: { maxTargetGroups: 1, maxClassic: 1 },
      want: [{ path: [2, 'targetGroupArn'] }],
    },
  ],
  maxItemsWithTaskDefinition: [
    {
      name: 'service and task definition together over the limit',
      doc: cfn(
        'Family: app\nPlacementConstraints:\n  - Type: memberOf\n    Expression: attribute:a == 1\n  - Type: memberOf\n    Expression: attribute:b == 1\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27',
        'PlacementConstraints:\n  - Type: distinctInstance',
      ),
      at: ['placementConstraints'],
      service: true,
      options: { member: 'placementConstraints', max: 2 },
      want: [{ data: { total: '3', detail: ' (1 here and 2 in task definition "Td")' } }],
    },
    {
      name: 'within the limit without a task definition',
      doc: { serviceName: 's', taskDefinition: 't', placementConstraints: [{ type: 'distinctInstance' }] },
      at: ['placementConstraints'],
      service: true,
      options: { member: 'placementConstraints', max: 2 },
      want: [],
    },
    {
      name: 'an intrinsic list in the task definition is not counted',
      doc: cfn('Family: app\nPlacementConstraints: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'PlacementConstraints:\n  - Type: distinctInstance'),
      at: ['placementConstraints'],
      service: true,
      unknown: true,
      options: { member: 'placementConstraints', max: 1 },
      want: [],
    },
  ],
  maxOccurrences: [
    {
      name: 'one router',
      doc: td([c('router', { firelensConfiguration: { type: 'fluentbit' } }), c('app')]),
      at: ['containerDefinitions', 0, 'firelensConfiguration'],
      options: { of: 'containerDefinitions[*].firelensConfiguration', max: 1 },
      want: [],
    },
    {
      name: 'the second router',
      doc: td([c('r1', { firelensConfiguration: { type: 'fluentbit' } }), c('r2', { firelensConfiguration: { type: 'fluentd' } })]),
      at: ['containerDefinitions', 1, 'firelensConfiguration'],
      options: { of: 'containerDefinitions[*].firelensConfiguration', max: 1 },
      want: [{ data: { nth: '2', max: '1', first: 'r1' } }],
    },
    {
      name: 'an intrinsic earlier value is not counted',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: r1\n    Image: fluent/fluent-bit:3.0\n    FirelensConfiguration: !Ref P\n  - Name: r2\n    Image: fluent/fluent-bit:3.0\n    FirelensConfiguration:\n      Type: fluentbit',
      ),
      at: ['containerDefinitions', 1, 'firelensConfiguration'],
      unknown: true,
      options: { of: 'containerDefinitions[*].firelensConfiguration', max: 1 },
      want: [],
    },
  ],
  membersDiffer: [
    {
      name: 'two roles',
      doc: td([c('web')], { taskRoleArn: 'arn:aws:iam::123456789012:role/a', executionRoleArn: 'arn:aws:iam::123456789012:role/b' }),
      options: { fields: ['taskRoleArn', 'executionRoleArn'] },
      want: [],
    },
    {
      name: 'one role twice',
      doc: td([c('web')], { taskRoleArn: 'arn:aws:iam::123456789012:role/a', executionRoleArn: 'arn:aws:iam::123456789012:role/a' }),
      options: { fields: ['taskRoleArn', 'executionRoleArn'] },
      want: [{ path: ['executionRoleArn'], data: { other: 'taskRoleArn' } }],
    },
    {
      name: 'the same intrinsic is not compared',
      doc: cfn('Family: app\nTaskRoleArn: !Ref P\nExecutionRoleArn: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      unknown: true,
      options: { fields: ['taskRoleArn', 'executionRoleArn'] },
      want: [],
    },
  ],
  mixesGroup: [
    {
      name: 'Fargate providers only',
      doc: { serviceName: 's', taskDefinition: 't', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }, { capacityProvider: 'FARGATE_SPOT' }] },
      at: ['capacityProviderStrategy'],
      service: true,
      options: cpsGroups(),
      want: [],
    },
    {
      name: 'a mix, at the first item of the other kind',
      doc: { serviceName: 's', taskDefinition: 't', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }, { capacityProvider: 'asg' }] },
      at: ['capacityProviderStrategy'],
      service: true,
      options: cpsGroups(),
      want: [{ path: [1, 'capacityProvider'], data: { first: '"FARGATE"', firstKind: 'Fargate', kind: 'Auto Scaling group' } }],
    },
    {
      name: 'an intrinsic provider is skipped',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'CapacityProviderStrategy:\n  - CapacityProvider: FARGATE\n  - CapacityProvider: !Ref P'),
      at: ['capacityProviderStrategy'],
      service: true,
      unknown: true,
      options: cpsGroups(),
      want: [],
    },
  ],
  namedInTaskDefinition: [
    {
      name: 'the port name is a named port mapping',
      doc: cfn(portsTask('http', 'grpc'), connectService('grpc')),
      at: portNameAt(),
      service: true,
      options: portNameOptions(),
      want: [],
    },
    {
      name: 'no such port mapping, with the names there are',
      doc: cfn(portsTask('http', 'grpc'), connectService('admin')),
      at: portNameAt(),
      service: true,
      options: portNameOptions(),
      want: [{ data: { taskDefinition: 'Td', known: '"http", "grpc"' } }],
    },
    {
      name: 'a task definition without named port mappings: none',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80', connectService('http')),
      at: portNameAt(),
      service: true,
      options: portNameOptions(),
      want: [{ data: { taskDefinition: 'Td', known: 'none' } }],
    },
    {
      name: 'at most ten names are listed',
      doc: cfn(portsTask(...Array.from({ length: 12 }, (_, i) => `p${i}`)), connectService('http')),
      at: portNameAt(),
      service: true,
      options: portNameOptions(),
      want: [{ data: { taskDefinition: 'Td', known: '"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9" and 2 more' } }],
    },
    {
      name: 'with a flag: a volume configured at launch (CloudFormation "true") is named',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: false', 'ConfiguredAtLaunch: "true"'), volumeConfigurations('logs')),
      at: ['volumeConfigurations', 0, 'name'],
      service: true,
      options: launchVolumeOptions(),
      want: [],
    },
    {
      name: 'with a flag: a volume that is not configured at launch is not a candidate',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: false', 'ConfiguredAtLaunch: "true"'), volumeConfigurations('data')),
      at: ['volumeConfigurations', 0, 'name'],
      service: true,
      options: launchVolumeOptions(),
      want: [{ data: { taskDefinition: 'Td', known: '"logs"' } }],
    },
    {
      name: 'an intrinsic port mapping name: silent, the name may be the one',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80\n        Name: !Ref P', connectService('admin')),
      at: portNameAt(),
      service: true,
      unknown: true,
      options: portNameOptions(),
      want: [],
    },
    {
      name: 'an intrinsic flag: silent, the volume may be configured at launch',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: !Ref P', 'ConfiguredAtLaunch: true'), volumeConfigurations('data')),
      at: ['volumeConfigurations', 0, 'name'],
      service: true,
      unknown: true,
      options: launchVolumeOptions(),
      want: [],
    },
    {
      name: 'a placeholder port name is not checked',
      doc: cfn(portsTask('http'), connectService('"${PORT_NAME}"')),
      at: portNameAt(),
      service: true,
      unknown: true,
      options: portNameOptions(),
      want: [],
    },
    {
      name: 'without the task definition nothing is said',
      doc: { serviceName: 's', taskDefinition: 'elsewhere:1', serviceConnectConfiguration: { enabled: true, services: [{ portName: 'admin' }] } },
      at: portNameAt(),
      service: true,
      options: portNameOptions(),
      want: [],
    },
  ],
  needsOneOf: [
    { name: 'a reservation is enough', doc: td([{ name: 'web', image: 'nginx:1.27', memoryReservation: 128 }]), at: ['containerDefinitions', 0], options: memOptions(), want: [] },
    {
      name: 'neither, and no task memory',
      doc: td([{ name: 'web', image: 'nginx:1.27', memory: 0 }]),
      at: ['containerDefinitions', 0],
      options: memOptions(),
      want: [{ data: { fields: 'memory or memoryReservation' } }],
    },
    { name: 'a task memory lifts it', doc: td([{ name: 'web', image: 'nginx:1.27' }], { memory: '512' }), at: ['containerDefinitions', 0], options: memOptions(), want: [] },
    {
      name: 'an intrinsic memory counts as set, other intrinsics do not matter',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: !Ref P\n    Memory: !Ref P'),
      at: ['containerDefinitions', 0],
      unknown: true,
      options: memOptions(),
      want: [],
    },
  ],
  noCycles: [
    { name: 'no cycle', doc: td([c('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }), c('b')]), at: ['containerDefinitions'], options: cycleOptions(), want: [] },
    {
      name: 'a cycle through dependsOn and links',
      doc: td([c('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }), c('b', { links: ['a:alias'] })]),
      at: ['containerDefinitions'],
      options: cycleOptions(),
      want: [{ path: [0, 'dependsOn', 0, 'containerName'], data: { cycle: '"a" -> "b" -> "a"' } }],
    },
    {
      name: 'an intrinsic reference adds no edge',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    DependsOn:\n      - ContainerName: b\n        Condition: START\n  - Name: b\n    Image: nginx:1.27\n    DependsOn:\n      - ContainerName: !Ref P\n        Condition: START',
      ),
      at: ['containerDefinitions'],
      unknown: true,
      options: cycleOptions(),
      want: [],
    },
  ],
  numberInRange: [
    {
      name: 'inside',
      doc: td([c('web', { linuxParameters: { swappiness: 60 } })]),
      at: ['containerDefinitions', 0, 'linuxParameters', 'swappiness'],
      options: { minimum: 0, maximum: 100, integer: true },
      want: [],
    },
    {
      name: 'above, as a string',
      doc: td([c('web', { linuxParameters: { swappiness: '101' } })]),
      at: ['containerDefinitions', 0, 'linuxParameters', 'swappiness'],
      options: { minimum: 0, maximum: 100 },
      want: [{}],
    },
    { name: 'a fraction', doc: td([c('web', { linuxParameters: { swappiness: 1.5 } })]), at: ['containerDefinitions', 0, 'linuxParameters', 'swappiness'], options: { integer: true }, want: [{}] },
    {
      name: 'an intrinsic is left to the type rules',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    LinuxParameters:\n      Swappiness: !Ref P'),
      at: ['containerDefinitions', 0, 'linuxParameters', 'swappiness'],
      unknown: true,
      options: { maximum: 100 },
      want: [],
    },
  ],
  optionMap: [
    {
      name: 'a complete awslogs map',
      doc: td([c('web', { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1', mode: 'non-blocking', 'max-buffer-size': '4m' } } })]),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      options: awslogsOptions(),
      want: [],
    },
    {
      name: 'required, allowed and dependent keys',
      doc: td([c('web', { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', mode: 'fast', 'max-buffer-size': '4m' } } })]),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      options: awslogsOptions(),
      want: [
        { path: ['options', 'awslogs-region'], data: { problem: '"awslogs-region" is required' } },
        { path: ['options', 'mode'], data: { problem: '"mode" is "fast"; it must be one of "blocking", "non-blocking"' } },
        { path: ['options', 'max-buffer-size'], data: { problem: '"max-buffer-size" needs "mode" set to "non-blocking" ("mode" is "fast")' } },
      ],
    },
    {
      name: 'a missing map: one finding at its place',
      doc: td([c('web', { logConfiguration: { logDriver: 'awslogs' } })]),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      options: { map: 'options', required: ['awslogs-group', 'awslogs-region'] },
      want: [{ path: ['options'], data: { option: 'options', problem: '"awslogs-group" and "awslogs-region" are required' } }],
    },
    {
      name: 'Fargate values only on Fargate',
      doc: td([c('web', { logConfiguration: { logDriver: 'awslogs', options: { x: 'b' } } })], { requiresCompatibilities: ['FARGATE'] }),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      options: { map: 'options', allowedOnFargate: { x: ['a'] } },
      want: [{ path: ['options', 'x'] }],
    },
    {
      name: 'an intrinsic map is not checked, an intrinsic key counts as present',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    LogConfiguration:\n      LogDriver: awslogs\n      Options:\n        awslogs-group: g\n        awslogs-region: !Ref P',
      ),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      unknown: true,
      options: awslogsOptions(),
      want: [],
    },
  ],
  placementOsConflict: [
    {
      name: 'constraints agree with the platform',
      doc: td([c('web')], { runtimePlatform: { operatingSystemFamily: 'LINUX' }, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] }),
      at: ['placementConstraints'],
      want: [],
    },
    {
      name: 'a constraint pins Windows for a Linux task',
      doc: td([c('web')], { runtimePlatform: { operatingSystemFamily: 'LINUX' }, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == windows' }] }),
      at: ['placementConstraints'],
      want: [{ path: [0, 'expression'], data: { pinned: 'Windows', declared: 'Linux', reason: 'runtimePlatform.operatingSystemFamily' } }],
    },
    {
      name: 'two constraints disagree',
      doc: td([c('web')], {
        placementConstraints: [
          { type: 'memberOf', expression: 'attribute:ecs.os-type != linux' },
          { type: 'memberOf', expression: 'attribute:ecs.os-family == LINUX' },
        ],
      }),
      at: ['placementConstraints'],
      want: [{ path: [1, 'expression'], data: { pinned: 'Linux', declared: 'Windows', reason: 'placement constraint #1' } }],
    },
    {
      name: 'an "or" pins nothing; an intrinsic family says nothing',
      doc: cfn(
        'Family: app\nRuntimePlatform:\n  OperatingSystemFamily: !Ref P\nPlacementConstraints:\n  - Type: memberOf\n    Expression: attribute:ecs.os-type == windows\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27',
      ),
      at: ['placementConstraints'],
      unknown: true,
      want: [],
    },
  ],
  plaintextSecret: [
    {
      name: 'ordinary variables',
      doc: td([
        c('web', {
          environment: [
            { name: 'PORT', value: '80' },
            { name: 'DB_PASSWORD_FILE', value: '/run/secret' },
            { name: 'PUBLIC_KEY', value: 'x' },
          ],
        }),
      ]),
      at: ['containerDefinitions', 0, 'environment'],
      options: secretWords(),
      want: [],
    },
    {
      name: 'a secret name, and a URL with a password',
      doc: td([
        c('web', {
          environment: [
            { name: 'DB_PASSWORD', value: 'hunter2' },
            { name: 'DATABASE', value: 'postgres://u:pw@db/x' },
          ],
        }),
      ]),
      at: ['containerDefinitions', 0, 'environment'],
      options: secretWords(),
      want: [
        { path: [0, 'value'], data: { name: '"DB_PASSWORD"', why: 'looks like a secret in plain text' } },
        { path: [1, 'value'], data: { why: 'holds a URL with a password in plain text' } },
      ],
    },
    {
      name: 'a map of options, at the key',
      doc: td([c('web', { logConfiguration: { logDriver: 'splunk', options: { 'splunk-token': 'abc', 'splunk-url': 'https://x' } } })]),
      at: ['containerDefinitions', 0, 'logConfiguration', 'options'],
      options: secretWords(),
      want: [{ path: ['splunk-token'] }],
    },
    {
      name: 'an intrinsic value is not plain text',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Environment:\n      - Name: DB_PASSWORD\n        Value: !Ref P'),
      at: ['containerDefinitions', 0, 'environment'],
      unknown: true,
      options: secretWords(),
      want: [],
    },
  ],
  platformVersionFeatures: [
    { name: 'a new enough version', doc: cfn(efsTask(), 'LaunchType: FARGATE\nPlatformVersion: 1.4.0'), at: ['platformVersion'], service: true, options: pvFeatures(), want: [] },
    {
      name: 'an old version for EFS',
      doc: cfn(efsTask(), 'LaunchType: FARGATE\nPlatformVersion: 1.3.0'),
      at: ['platformVersion'],
      service: true,
      options: pvFeatures(),
      want: [{ data: { version: '1.3.0', minimum: '1.4.0', features: 'EFS volumes (1.4.0)' } }],
    },
    {
      name: 'LATEST stands for the latest version',
      doc: cfn(efsTask(), 'LaunchType: FARGATE\nPlatformVersion: LATEST'),
      at: ['platformVersion'],
      service: true,
      options: { ...pvFeatures(), latest: '1.3.0' },
      want: [{ data: { version: 'LATEST (1.3.0)' } }],
    },
    {
      name: 'an intrinsic version is not checked',
      doc: cfn(efsTask(), 'LaunchType: FARGATE\nPlatformVersion: !Ref P'),
      at: ['platformVersion'],
      service: true,
      unknown: true,
      options: pvFeatures(),
      want: [],
    },
  ],
  portConflicts: [
    {
      name: 'distinct ports',
      doc: td([c('a', { portMappings: [{ containerPort: 80 }] }), c('b', { portMappings: [{ containerPort: 81 }] })], { networkMode: 'awsvpc' }),
      options: { port: 'container', pairs: 'otherContainers' },
      want: [],
    },
    {
      name: 'a port two containers share in awsvpc',
      doc: td([c('a', { portMappings: [{ containerPort: 80 }] }), c('b', { portMappings: [{ containerPort: 80, protocol: 'tcp' }] })], { networkMode: 'awsvpc' }),
      options: { port: 'container', pairs: 'otherContainers' },
      want: [{ path: ['containerDefinitions', 1, 'portMappings', 0, 'containerPort'], data: { port: '80', protocol: 'tcp', other: 'a', by: 'container "a"' } }],
    },
    {
      name: 'the same port over tcp and udp',
      doc: td([c('a', { portMappings: [{ containerPort: 53 }, { containerPort: 53, protocol: 'udp' }] })]),
      options: { port: 'container', pairs: 'any' },
      want: [],
    },
    {
      name: 'static host ports in bridge mode, against a range',
      doc: td([c('a', { portMappings: [{ containerPort: 80, hostPort: 8080 }] }), c('b', { portMappings: [{ containerPort: 81, hostPort: 8080 }] })]),
      options: { port: 'host', pairs: 'any' },
      want: [{ path: ['containerDefinitions', 1, 'portMappings', 0, 'hostPort'] }],
    },
    {
      name: 'an intrinsic port is not compared',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 80\n      - ContainerPort: !Ref P'),
      unknown: true,
      options: { port: 'container', pairs: 'sameContainer' },
      want: [],
    },
  ],
  portInRanges: [
    {
      name: 'outside the ranges',
      doc: td([c('a', { portMappings: [{ containerPort: 80, hostPort: 8080 }] })]),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      options: {
        ranges: [
          [22, 22],
          [2375, 2376],
        ],
        port: 'host',
      },
      want: [],
    },
    {
      name: 'a reserved host port',
      doc: td([c('a', { portMappings: [{ containerPort: 22, hostPort: 2375 }] })]),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      options: {
        ranges: [
          [22, 22],
          [2375, 2376],
        ],
        port: 'host',
      },
      want: [{ path: ['hostPort'], data: { port: '2375' } }],
    },
    {
      name: 'either side, the container side first',
      doc: td([c('a', { portMappings: [{ containerPort: 22, hostPort: 22 }] })]),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      options: { ranges: [[22, 22]], port: 'either' },
      want: [{ path: ['containerPort'] }],
    },
    {
      name: 'only when the task has a router',
      doc: td([c('a', { portMappings: [{ containerPort: 24224 }] })]),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      options: { ranges: [[24224, 24224]], port: 'container', onlyIf: 'containerDefinitions[*].firelensConfiguration' },
      want: [],
    },
    {
      name: 'an intrinsic onlyIf says nothing',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    FirelensConfiguration: !Ref P\n    PortMappings:\n      - ContainerPort: 24224'),
      at: ['containerDefinitions', 0, 'portMappings', 0],
      unknown: true,
      options: { ranges: [[24224, 24224]], port: 'container', onlyIf: 'containerDefinitions[*].firelensConfiguration' },
      want: [],
    },
  ],
  portRanges: [
    {
      name: 'a good range',
      doc: td([c('a', { portMappings: [{ containerPortRange: '8000-8100' }] })], { networkMode: 'awsvpc' }),
      at: ['containerDefinitions', 0],
      options: { maxPerContainer: 2, forbiddenNetworkModes: ['host'] },
      want: [],
    },
    {
      name: 'every problem of a range, joined at its place',
      doc: td([c('a', { portMappings: [{ containerPortRange: '8000-8100' }, { containerPortRange: '8050-8060', hostPort: 9000 }, { containerPortRange: '9-1' }] })], { networkMode: 'host' }),
      at: ['containerDefinitions', 0],
      options: { maxPerContainer: 2, forbiddenNetworkModes: ['host'] },
      want: [
        { path: ['portMappings', 0, 'containerPortRange'], data: { problem: 'does not work in the host network mode (ranges need bridge or awsvpc)' } },
        { path: ['portMappings', 1, 'containerPortRange'], data: { problem: expect.stringContaining('overlaps the range 8000-8100/tcp') } },
        { path: ['portMappings', 1, 'hostPort'] },
        { path: ['portMappings', 2, 'containerPortRange'], data: { problem: expect.stringMatching(/^is range number 3; .*, and is not "first-last"/) } },
      ],
    },
    {
      name: 'an intrinsic range is neither counted nor checked',
      doc: cfn('Family: app\nNetworkMode: host\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPortRange: !Ref P'),
      at: ['containerDefinitions', 0],
      unknown: true,
      options: { maxPerContainer: 1, forbiddenNetworkModes: ['host'] },
      want: [],
    },
  ],
  presentForNetworkMode: [
    {
      name: 'awsvpc with a configuration',
      doc: cfn('Family: app\nNetworkMode: awsvpc\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'NetworkConfiguration:\n  AwsvpcConfiguration:\n    Subnets: [subnet-1]'),
      service: true,
      options: netOptions(),
      want: [],
    },
    {
      name: 'awsvpc without one: at the first missing member',
      doc: cfn('Family: app\nNetworkMode: awsvpc\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'DesiredCount: 1'),
      service: true,
      options: netOptions(),
      want: [{ path: ['networkConfiguration'], data: { problem: 'is required: task definition "Td" uses the awsvpc network mode' } }],
    },
    {
      name: 'bridge with one',
      doc: cfn('Family: app\nNetworkMode: bridge\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'NetworkConfiguration:\n  AwsvpcConfiguration:\n    Subnets: [subnet-1]'),
      service: true,
      options: netOptions(),
      want: [{ path: ['networkConfiguration'], data: { problem: 'is not allowed: task definition "Td" uses the bridge network mode' } }],
    },
    {
      name: 'an unknown network mode says nothing',
      doc: cfn('Family: app\nNetworkMode: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'DesiredCount: 1'),
      service: true,
      unknown: true,
      options: netOptions(),
      want: [],
    },
  ],
  referencedBy: [
    {
      name: 'a mounted volume',
      doc: td([c('web', { mountPoints: [{ sourceVolume: 'data', containerPath: '/d' }] })], { volumes: [{ name: 'data' }] }),
      at: ['volumes', 0],
      options: volRefs(),
      want: [],
    },
    { name: 'an unmounted volume', doc: td([c('web')], { volumes: [{ name: 'data' }] }), at: ['volumes', 0], options: volRefs(), want: [{ data: { problem: 'no sourceVolume names it' } }] },
    { name: 'a volume without a name', doc: td([c('web')], { volumes: [{ host: {} }] }), at: ['volumes', 0], options: volRefs(), want: [{ data: { problem: 'it has no name to refer to it by' } }] },
    {
      name: 'an intrinsic reference may name it',
      doc: cfn('Family: app\nVolumes:\n  - Name: data\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    MountPoints:\n      - SourceVolume: !Ref P\n        ContainerPath: /d'),
      at: ['volumes', 0],
      unknown: true,
      options: volRefs(),
      want: [],
    },
  ],
  referencedItem: [
    {
      name: 'a HEALTHY target with a health check',
      doc: td([c('web', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }), c('db', { healthCheck: { command: ['CMD', 'true'] } })]),
      at: ['containerDefinitions', 0, 'dependsOn', 0],
      options: healthyRef(),
      want: [],
    },
    {
      name: 'a HEALTHY target without one',
      doc: td([c('web', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }), c('db')]),
      at: ['containerDefinitions', 0, 'dependsOn', 0],
      options: healthyRef(),
      want: [{ path: ['containerName'], data: { target: '"db"', field: 'healthCheck' } }],
    },
    {
      name: 'a COMPLETE target must not be essential ("false" is false)',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    DependsOn:\n      - ContainerName: init\n        Condition: COMPLETE\n  - Name: init\n    Image: busybox:1.36\n    Essential: "false"',
      ),
      at: ['containerDefinitions', 0, 'dependsOn', 0],
      options: { items: 'containerDefinitions', key: 'name', ref: 'containerName', require: { field: 'essential', equals: false } },
      want: [],
    },
    {
      name: 'an intrinsic field is not judged',
      doc: cfn(
        'Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    DependsOn:\n      - ContainerName: db\n        Condition: HEALTHY\n  - Name: db\n    Image: postgres:16\n    HealthCheck: !Ref P',
      ),
      at: ['containerDefinitions', 0, 'dependsOn', 0],
      unknown: true,
      options: healthyRef(),
      want: [],
    },
  ],
  referencesExist: [
    {
      name: 'a known container',
      doc: td([c('web', { links: ['db:database'] }), c('db')]),
      at: ['containerDefinitions', 0, 'links', 0],
      options: { names: 'containerDefinitions[*].name', noun: 'container', notSelf: true, separator: ':' },
      want: [],
    },
    {
      name: 'no such container',
      doc: td([c('web', { links: ['cache'] })]),
      at: ['containerDefinitions', 0, 'links', 0],
      options: { names: 'containerDefinitions[*].name', noun: 'container', notSelf: true },
      want: [{ data: { name: '"cache"', problem: 'is not a container of this task definition' } }],
    },
    {
      name: 'itself',
      doc: td([c('web', { volumesFrom: [{ sourceContainer: 'web' }] })]),
      at: ['containerDefinitions', 0, 'volumesFrom', 0, 'sourceContainer'],
      options: { names: 'containerDefinitions[*].name', noun: 'container', notSelf: true },
      want: [{ data: { problem: 'is the container itself' } }],
    },
    {
      name: 'a bad form',
      doc: td([c('web', { links: ['a b'] })]),
      at: ['containerDefinitions', 0, 'links', 0],
      options: { names: 'containerDefinitions[*].name', noun: 'container', format: '^[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)?$', formatDescription: 'name or name:alias' },
      want: [{ data: { problem: 'is not in the form name or name:alias' } }],
    },
    {
      name: 'an intrinsic name in the list may be the one',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Links: [cache]\n  - Name: !Ref P\n    Image: redis:7'),
      at: ['containerDefinitions', 0, 'links', 0],
      unknown: true,
      options: { names: 'containerDefinitions[*].name', noun: 'container' },
      want: [],
    },
  ],
  requiredMembers: [
    {
      name: 'all there',
      doc: td([c('web', { mountPoints: [{ sourceVolume: 'v', containerPath: '/v' }] })]),
      at: ['containerDefinitions', 0, 'mountPoints', 0],
      options: { fields: ['sourceVolume', 'containerPath'] },
      want: [],
    },
    {
      name: 'each missing one, empty counts as missing',
      doc: td([c('web', { mountPoints: [{ sourceVolume: '' }] })]),
      at: ['containerDefinitions', 0, 'mountPoints', 0],
      options: { fields: ['sourceVolume', 'containerPath'] },
      want: [{ path: ['sourceVolume'], data: { missing: 'sourceVolume' } }, { path: ['containerPath'] }],
    },
    {
      name: 'an intrinsic counts as present',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    MountPoints:\n      - SourceVolume: !Ref P\n        ContainerPath: /v'),
      at: ['containerDefinitions', 0, 'mountPoints', 0],
      unknown: true,
      options: { fields: ['sourceVolume', 'containerPath'] },
      want: [],
    },
  ],
  requiresMatch: [
    {
      name: 'a router for the awsfirelens driver',
      doc: td([c('router', { firelensConfiguration: { type: 'fluentbit' } }), c('app', { logConfiguration: { logDriver: 'awsfirelens' } })]),
      at: ['containerDefinitions', 1, 'logConfiguration'],
      options: { path: 'containerDefinitions[*].firelensConfiguration' },
      want: [],
    },
    {
      name: 'no router',
      doc: td([c('app', { logConfiguration: { logDriver: 'awsfirelens' } })]),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      options: { path: 'containerDefinitions[*].firelensConfiguration' },
      want: [{}],
    },
    {
      name: 'equals: a user of the router',
      doc: td([c('router', { firelensConfiguration: { type: 'fluentbit' } }), c('app', { logConfiguration: { logDriver: 'awslogs' } })]),
      at: ['containerDefinitions', 0, 'firelensConfiguration'],
      options: { path: 'containerDefinitions[*].logConfiguration.logDriver', equals: 'awsfirelens' },
      want: [{}],
    },
    {
      name: 'an intrinsic on the way may hide it',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: app\n    Image: nginx:1.27\n    LogConfiguration:\n      LogDriver: awsfirelens\n  - !Ref P'),
      at: ['containerDefinitions', 0, 'logConfiguration'],
      unknown: true,
      options: { path: 'containerDefinitions[*].firelensConfiguration' },
      want: [],
    },
  ],
  requiresTaskMember: [
    {
      name: 'secrets with an execution role',
      doc: td([c('web', { secrets: [{ name: 'A', valueFrom: 'x' }] })], { executionRoleArn: 'arn:aws:iam::123456789012:role/e' }),
      at: ['containerDefinitions', 0, 'secrets'],
      options: { member: 'executionRoleArn' },
      want: [],
    },
    {
      name: 'secrets without one',
      doc: td([c('web', { secrets: [{ name: 'A', valueFrom: 'x' }] })]),
      at: ['containerDefinitions', 0, 'secrets'],
      options: { member: 'executionRoleArn' },
      want: [{ data: { member: 'executionRoleArn' } }],
    },
    {
      name: 'a pattern: only ECR images need it',
      doc: td([c('web', { image: 'nginx:1.27' })]),
      at: ['containerDefinitions', 0, 'image'],
      options: { member: 'executionRoleArn', pattern: '\\.dkr\\.ecr\\.' },
      want: [],
    },
    {
      name: 'an intrinsic role counts as present',
      doc: cfn('Family: app\nExecutionRoleArn: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Secrets:\n      - Name: A\n        ValueFrom: x'),
      at: ['containerDefinitions', 0, 'secrets'],
      unknown: true,
      options: { member: 'executionRoleArn' },
      want: [],
    },
  ],
  roleReadsAllSecrets: [
    {
      name: 'named secrets, listing on "*", a managed policy that is not listed',
      doc: iamTemplate(
        'ExecutionRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-*\n- Effect: Allow\n  Action: [secretsmanager:ListSecrets, secretsmanager:DescribeSecret]\n  Resource: "*"',
        ) + 'ManagedPolicyArns:\n  - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      ),
      iam: 'AppRole',
      options: secretsOptions(),
      want: [],
    },
    {
      name: 'GetSecretValue on "*"',
      doc: iamTemplate('ExecutionRoleArn', inlinePolicy('- Effect: Allow\n  Action: [kms:Decrypt, secretsmanager:GetSecretValue]\n  Resource: "*"')),
      iam: 'AppRole',
      options: secretsOptions(),
      want: [{ path: statementAt(0, 'Resource'), data: { ...executionUse('Role "AppRole"', 'the'), action: 'secretsmanager:GetSecretValue', resource: '*' } }],
    },
    {
      name: 'a wildcard action on the every-secret ARN of a resource list',
      doc: iamTemplate(
        'ExecutionRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: secretsmanager:Get*\n  Resource:\n    - arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-*\n    - arn:aws:secretsmanager:eu-west-1:123456789012:secret:*',
        ),
      ),
      iam: 'AppRole',
      options: secretsOptions(),
      want: [
        {
          path: statementAt(0, 'Resource', 1),
          data: { ...executionUse('Role "AppRole"', 'the'), action: 'secretsmanager:Get*', resource: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:*' },
        },
      ],
    },
    {
      name: 'a listed AWS managed policy',
      doc: iamTemplate('ExecutionRoleArn', 'ManagedPolicyArns:\n  - arn:aws:iam::aws:policy/ReadOnlyAccess\n  - arn:aws:iam::aws:policy/SecretsManagerReadWrite'),
      iam: 'AppRole',
      options: secretsOptions(),
      want: [{ path: ['managedPolicyArns', 1], data: { ...executionUse('Role "AppRole"', 'the'), action: 'the AWS managed policy SecretsManagerReadWrite', resource: '*' } }],
    },
    {
      name: 'a policy attached to the role, with one statement',
      doc: iamTemplate(
        'ExecutionRoleArn',
        '',
        'Secrets:\n  Type: AWS::IAM::Policy\n  Properties:\n    PolicyName: secrets\n    Roles: [!Ref AppRole]\n    PolicyDocument:\n      Statement:\n        Effect: Allow\n        Action: "*"\n        Resource: "*"',
      ),
      iam: 'Secrets',
      options: secretsOptions(),
      want: [{ path: ['policyDocument', 'Statement', 'Resource'], data: { ...executionUse('Policy "Secrets"', 'attached to the'), action: '*', resource: '*' } }],
    },
    {
      name: 'conditional, denying and NotResource statements are not judged',
      doc: iamTemplate(
        'ExecutionRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: "*"\n  Condition:\n    StringEquals: { "aws:ResourceTag/app": web }\n- Effect: Deny\n  Action: secretsmanager:GetSecretValue\n  Resource: "*"\n- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: "*"\n  NotResource: arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin-*',
        ),
      ),
      iam: 'AppRole',
      options: secretsOptions(),
      want: [],
    },
    {
      name: 'a role used only as the task role is not checked as an execution role',
      doc: iamTemplate('TaskRoleArn', inlinePolicy('- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: "*"')),
      iam: 'AppRole',
      options: secretsOptions(),
      want: [],
    },
    {
      name: 'intrinsic and placeholder actions, resources and managed policies are skipped',
      doc: iamTemplate(
        'ExecutionRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: !Ref P\n- Effect: Allow\n  Action: !Ref P\n  Resource: "*"\n- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: "${SECRET_ARN}"',
        ) + 'ManagedPolicyArns:\n  - !Ref P',
      ),
      iam: 'AppRole',
      unknown: true,
      options: secretsOptions(),
      want: [],
    },
    {
      name: 'an intrinsic beside "*" in a resource list: the "*" is still reported',
      doc: iamTemplate('ExecutionRoleArn', inlinePolicy('- Effect: Allow\n  Action: secretsmanager:GetSecretValue\n  Resource: [!Ref P, "*"]')),
      iam: 'AppRole',
      unknown: true,
      options: secretsOptions(),
      want: [{ path: statementAt(0, 'Resource', 1), data: { ...executionUse('Role "AppRole"', 'the'), action: 'secretsmanager:GetSecretValue', resource: '*' } }],
    },
  ],
  roleWildcardGrants: [
    {
      name: 'named resources, other services and listing on "*", a managed policy that is not listed',
      doc: iamTemplate(
        'TaskRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: [s3:GetObject, s3:PutObject]\n  Resource: arn:aws:s3:::reports/*\n- Effect: Allow\n  Action: [logs:*, xray:PutTraceSegments, s3:ListAllMyBuckets, kms:DescribeKey]\n  Resource: "*"',
        ) + 'ManagedPolicyArns:\n  - arn:aws:iam::aws:policy/CloudWatchLogsFullAccess',
      ),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [],
    },
    {
      name: 'every action',
      doc: iamTemplate('TaskRoleArn', inlinePolicy('- Effect: Allow\n  Action: "*"\n  Resource: arn:aws:s3:::reports/*')),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [{ path: statementAt(0, 'Action'), data: { ...taskUse('Role "AppRole"', 'the'), grant: 'every action ("*")' } }],
    },
    {
      name: 'every action of a listed service, in any case, reported once on the action even on "*"',
      doc: iamTemplate('TaskRoleArn', inlinePolicy('- Effect: Allow\n  Action: [logs:*, DynamoDB:*]\n  Resource: "*"')),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [{ path: statementAt(0, 'Action', 1), data: { ...taskUse('Role "AppRole"', 'the'), grant: 'every dynamodb action ("DynamoDB:*")' } }],
    },
    {
      name: 'listed services\' actions on "*": one finding per statement, on its "*"',
      doc: iamTemplate(
        'TaskRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: [s3:GetObject, s3:PutObject, kms:Decrypt, s3:ListBucket, logs:PutLogEvents, ssm:GetParameter]\n  Resource: [arn:aws:s3:::reports/*, "*"]\n- Effect: Allow\n  Action: sts:AssumeRole\n  Resource: "*"',
        ),
      ),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [
        { path: statementAt(0, 'Resource', 1), data: { ...taskUse('Role "AppRole"', 'the'), grant: '"s3:GetObject", "s3:PutObject", "kms:Decrypt" and 1 more on every resource ("*")' } },
        { path: statementAt(1, 'Resource'), data: { ...taskUse('Role "AppRole"', 'the'), grant: '"sts:AssumeRole" on every resource ("*")' } },
      ],
    },
    {
      name: 'a listed AWS managed policy, with what it grants',
      doc: iamTemplate('TaskRoleArn', 'ManagedPolicyArns:\n  - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n  - arn:aws:iam::aws:policy/AmazonS3FullAccess'),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [{ path: ['managedPolicyArns', 1], data: { ...taskUse('Role "AppRole"', 'the'), grant: 'every S3 action on every bucket (AWS managed policy AmazonS3FullAccess)' } }],
    },
    {
      name: "a customer managed policy in the role's ManagedPolicyArns",
      doc: iamTemplate(
        'TaskRoleArn',
        'ManagedPolicyArns:\n  - !Ref AppPolicy',
        'AppPolicy:\n  Type: AWS::IAM::ManagedPolicy\n  Properties:\n    PolicyDocument:\n      Statement:\n        - Effect: Allow\n          Action: kms:*\n          Resource: arn:aws:kms:eu-west-1:123456789012:key/1',
      ),
      iam: 'AppPolicy',
      options: wildcardOptions(),
      want: [{ path: ['policyDocument', 'Statement', 0, 'Action'], data: { ...taskUse('Policy "AppPolicy"', 'attached to the'), grant: 'every kms action ("kms:*")' } }],
    },
    {
      name: 'conditional, denying and NotAction statements are not judged',
      doc: iamTemplate(
        'TaskRoleArn',
        inlinePolicy(
          '- Effect: Allow\n  Action: "*"\n  Resource: "*"\n  Condition:\n    Bool: { "aws:SecureTransport": "true" }\n- Effect: Deny\n  Action: "*"\n  Resource: "*"\n- Effect: Allow\n  Action: s3:*\n  NotAction: s3:DeleteBucket\n  Resource: "*"',
        ),
      ),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [],
    },
    {
      name: 'a role used only as the execution role is not checked as a task role',
      doc: iamTemplate('ExecutionRoleArn', inlinePolicy('- Effect: Allow\n  Action: "*"\n  Resource: "*"')),
      iam: 'AppRole',
      options: wildcardOptions(),
      want: [],
    },
    {
      name: 'intrinsic and placeholder actions, resources and managed policies are skipped',
      doc: iamTemplate(
        'TaskRoleArn',
        inlinePolicy('- Effect: Allow\n  Action: !Ref P\n  Resource: "*"\n- Effect: Allow\n  Action: [s3:GetObject]\n  Resource: !Ref P\n- Effect: Allow\n  Action: "${ACTION}"\n  Resource: "*"') +
          'ManagedPolicyArns:\n  - !Ref P',
      ),
      iam: 'AppRole',
      unknown: true,
      options: wildcardOptions(),
      want: [],
    },
    {
      name: 'an intrinsic resource does not hide every action of a listed service',
      doc: iamTemplate('TaskRoleArn', inlinePolicy('- Effect: Allow\n  Action: s3:*\n  Resource: !Ref P')),
      iam: 'AppRole',
      unknown: true,
      options: wildcardOptions(),
      want: [{ path: statementAt(0, 'Action'), data: { ...taskUse('Role "AppRole"', 'the'), grant: 'every s3 action ("s3:*")' } }],
    },
  ],
  secretReference: [
    {
      name: 'a Secrets Manager ARN with the ECS suffix',
      doc: secretDoc('arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::'),
      at: secretAt(),
      options: { accept: ['secretsmanager-arn', 'ssm-parameter-arn', 'ssm-parameter-name'], versionSuffix: true },
      want: [],
    },
    {
      name: 'an ARN of another service',
      doc: secretDoc('arn:aws:kms:eu-west-1:123456789012:key/1'),
      at: secretAt(),
      options: { accept: ['secretsmanager-arn', 'ssm-parameter-arn'] },
      want: [{ data: { problem: 'is an ARN of "kms", not a Secrets Manager secret ARN or an SSM parameter ARN' } }],
    },
    {
      name: 'a suffix where none is allowed',
      doc: secretDoc('arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::'),
      at: secretAt(),
      options: { accept: ['secretsmanager-arn'] },
      want: [{ data: { problem: 'has a suffix after the secret name, which only container secrets allow' } }],
    },
    {
      name: 'a bad account',
      doc: secretDoc('arn:aws:ssm:eu-west-1:12345:parameter/db'),
      at: secretAt(),
      options: { accept: ['ssm-parameter-arn'] },
      want: [{ data: { problem: 'has an invalid account ID "12345" (12 digits)' } }],
    },
    { name: "a placeholder is the renderer's", doc: secretDoc('${DB_SECRET_ARN}'), at: secretAt(), unknown: true, options: { accept: ['secretsmanager-arn'] }, want: [] },
  ],
  serializedSize: [
    { name: 'small', doc: td([c('web')]), options: { maxBytes: 65536 }, want: [] },
    { name: 'too large', doc: td([c('web', { command: ['x'.repeat(200)] })]), options: { maxBytes: 100 }, want: [{ data: { limit: expect.stringContaining('KiB') } }] },
    {
      name: 'an intrinsic does not count',
      doc: cfn(`Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Command: !Ref P`),
      unknown: true,
      options: { maxBytes: 140 },
      want: [],
    },
  ],
  sizeCombination: [
    { name: 'an offered pair', doc: td([c('web')], { cpu: '1 vCPU', memory: '2GB' }), options: { rows: sizeRows() }, want: [] },
    {
      name: 'a cpu no row offers',
      doc: td([c('web')], { cpu: '384', memory: '1024' }),
      options: { rows: sizeRows() },
      want: [{ path: ['cpu'], data: { detail: 'cpu 384 is not a Fargate size on Linux (offered: 256, 1024)' } }],
    },
    {
      name: 'a memory the row does not offer',
      doc: td([c('web')], { cpu: 1024, memory: '2500' }),
      options: { rows: sizeRows() },
      want: [{ path: ['memory'], data: { detail: 'memory 2500 MiB does not go with cpu 1024 on Linux (offered: 2048 to 8192 in steps of 1024 MiB)' } }],
    },
    {
      name: 'Windows rows only for Windows',
      doc: td([c('web')], { cpu: '256', memory: '512', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }),
      options: { rows: sizeRows() },
      want: [{ path: ['cpu'] }],
    },
    {
      name: 'an intrinsic size is left to other rules',
      doc: cfn('Family: app\nCpu: !Ref P\nMemory: 3\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      unknown: true,
      options: { rows: sizeRows() },
      want: [],
    },
  ],
  stringValue: [
    { name: 'a string', doc: logOptions({ a: 'b' }), at: logAt('a'), want: [] },
    { name: 'a boolean in API JSON, with the quoted form', doc: logOptions({ a: true }), at: logAt('a'), want: [{ data: { suggestion: ' (write "true")' } }] },
    { name: 'a list', doc: logOptions({ a: ['x'] }), at: logAt('a'), want: [{ data: { suggestion: '' } }] },
    {
      name: 'CloudFormation converts scalars',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    LogConfiguration:\n      LogDriver: awslogs\n      Options:\n        a: 5'),
      at: logAt('a'),
      want: [],
    },
    {
      name: 'an intrinsic beside the value does not matter',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    LogConfiguration:\n      LogDriver: awslogs\n      Options:\n        a: [x]\n        b: !Ref P'),
      at: logAt('a'),
      unknown: true,
      want: [{ data: { suggestion: '' } }],
    },
  ],
  sumWithin: [
    { name: 'within the task memory', doc: td([c('a', { memory: 256 }), c('b', { memoryReservation: 256 })], { memory: '512' }), options: sumOptions(), want: [] },
    {
      name: 'a container over the limit on its own: once, not again for the sum',
      doc: td([c('a', { memory: 256 }), c('b', { memory: 1024 })], { memory: '512' }),
      options: sumOptions(),
      want: [{ path: ['containerDefinitions', 1, 'memory'], data: { detail: 'memory 1024 MiB alone exceeds the task memory of 512 MiB' } }],
    },
    {
      name: 'the sum',
      doc: td([c('a', { memory: 300 }), c('b', { memory: 300 })], { memory: '512' }),
      options: sumOptions(),
      want: [{ path: ['containerDefinitions', 1, 'memory'], data: { detail: "memory 300 brings the containers' total to 600 MiB, above the task memory of 512 MiB" } }],
    },
    {
      name: 'an intrinsic term stops the sum',
      doc: cfn('Family: app\nMemory: "512"\nContainerDefinitions:\n  - Name: a\n    Image: nginx:1.27\n    Memory: !Ref P\n  - Name: b\n    Image: nginx:1.27\n    Memory: 500'),
      unknown: true,
      options: sumOptions(),
      want: [],
    },
  ],
  tagList: [
    { name: 'good tags', doc: td([c('web')], { tags: [{ key: 'team', value: 'web' }] }), at: ['tags'], options: tagOptions(), want: [] },
    {
      name: 'every problem at its member',
      doc: td([c('web')], {
        tags: [
          { key: 'aws:x', value: 'v' },
          { key: '', value: 'v' },
          { key: 'team', value: 'toolong' },
          { key: 'team', value: 'v' },
        ],
      }),
      at: ['tags'],
      options: tagOptions(),
      want: [
        { data: { problem: '4 tags, more than the 3 allowed' } },
        { path: [0, 'key'], data: { problem: 'the key "aws:x" starts with "aws:", which is reserved for AWS' } },
        { path: [1, 'key'] },
        { path: [2, 'value'] },
        { path: [3, 'key'], data: { problem: 'the key "team" is used twice' } },
      ],
    },
    {
      name: 'an intrinsic key is not judged',
      doc: cfn('Family: app\nTags:\n  - Key: !Ref P\n    Value: v\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      at: ['tags'],
      unknown: true,
      options: tagOptions(),
      want: [],
    },
  ],
  taskDefinitionCompatibility: [
    {
      name: 'a Fargate task definition',
      doc: cfn('Family: app\nRequiresCompatibilities: [FARGATE]\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LaunchType: FARGATE'),
      service: true,
      options: compatOptions(),
      want: [],
    },
    {
      name: 'an EC2-only task definition for a Fargate launch type',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LaunchType: FARGATE'),
      service: true,
      options: compatOptions(),
      want: [{ path: ['launchType'], data: { taskDefinition: 'Td', listed: 'EC2 only (requiresCompatibilities omitted)' } }],
    },
    {
      name: 'a Fargate provider',
      doc: cfn(
        'Family: app\nRequiresCompatibilities: [EC2]\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27',
        'CapacityProviderStrategy:\n  - CapacityProvider: FARGATE_SPOT\n    Weight: 1',
      ),
      service: true,
      options: compatOptions(),
      want: [{ path: ['capacityProviderStrategy', 0, 'capacityProvider'], data: { listed: 'EC2' } }],
    },
    {
      name: 'an intrinsic list cannot be known',
      doc: cfn('Family: app\nRequiresCompatibilities: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'LaunchType: FARGATE'),
      service: true,
      unknown: true,
      options: compatOptions(),
      want: [],
    },
  ],
  taskDefinitionItemsNamed: [
    {
      name: 'the volume configured at launch is given; one that is not needs nothing',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: true', ''), volumeConfigurations('data')),
      service: true,
      options: volumesNamedOptions(),
      want: [],
    },
    {
      name: 'no volumeConfigurations: each volume configured at launch, at where the list would be',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: true', 'ConfiguredAtLaunch: "true"'), 'LaunchType: FARGATE'),
      service: true,
      options: volumesNamedOptions(),
      want: [
        { path: ['volumeConfigurations'], data: { name: '"data"', taskDefinition: 'Td' } },
        { path: ['volumeConfigurations'], data: { name: '"logs"', taskDefinition: 'Td' } },
      ],
    },
    {
      name: 'one of two given: the other is reported',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: true', 'ConfiguredAtLaunch: true'), volumeConfigurations('logs')),
      service: true,
      options: volumesNamedOptions(),
      want: [{ path: ['volumeConfigurations'], data: { name: '"data"', taskDefinition: 'Td' } }],
    },
    {
      name: 'an intrinsic name in volumeConfigurations: silent, it may be the missing one',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: true', 'ConfiguredAtLaunch: true'), volumeConfigurations('logs', '!Ref P')),
      service: true,
      unknown: true,
      options: volumesNamedOptions(),
      want: [],
    },
    {
      name: 'an intrinsic flag: silent, even on the volume surely configured at launch',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: true', 'ConfiguredAtLaunch: !Ref P'), 'LaunchType: FARGATE'),
      service: true,
      unknown: true,
      options: volumesNamedOptions(),
      want: [],
    },
    {
      name: 'an intrinsic volumeConfigurations list: silent',
      doc: cfn(launchVolumesTask('ConfiguredAtLaunch: true', ''), 'VolumeConfigurations: !Ref P'),
      service: true,
      unknown: true,
      options: volumesNamedOptions(),
      want: [],
    },
    {
      name: 'without the task definition nothing is said',
      doc: { cluster: 'prod', taskDefinition: 'db:4', launchType: 'FARGATE' },
      service: true,
      options: volumesNamedOptions(),
      want: [],
    },
  ],
  taskDefinitionValueIn: [
    {
      name: 'an X86 task',
      doc: cfn(
        'Family: app\nRuntimePlatform:\n  CpuArchitecture: X86_64\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27',
        'CapacityProviderStrategy:\n  - CapacityProvider: FARGATE_SPOT',
      ),
      at: ['capacityProviderStrategy', 0],
      service: true,
      options: archOptions(),
      want: [],
    },
    {
      name: 'an ARM task',
      doc: cfn('Family: app\nRuntimePlatform:\n  CpuArchitecture: ARM64\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'CapacityProviderStrategy:\n  - CapacityProvider: FARGATE_SPOT'),
      at: ['capacityProviderStrategy', 0],
      service: true,
      options: archOptions(),
      want: [{ data: { taskDefinition: 'Td', found: 'ARM64' } }],
    },
    {
      name: 'an intrinsic platform says nothing',
      doc: cfn('Family: app\nRuntimePlatform: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27', 'CapacityProviderStrategy:\n  - CapacityProvider: FARGATE_SPOT'),
      at: ['capacityProviderStrategy', 0],
      service: true,
      unknown: true,
      options: archOptions(),
      want: [],
    },
  ],
  taskSizeRange: [
    { name: 'inside, in vCPU', doc: td([c('web')], { cpu: '2 vCPU' }), at: ['cpu'], options: { kind: 'cpu', min: 128, max: 196608 }, want: [] },
    { name: 'outside', doc: td([c('web')], { cpu: '64' }), at: ['cpu'], options: { kind: 'cpu', min: 128, max: 196608 }, want: [{ data: { amount: '64 CPU units', min: '128', max: '196608' } }] },
    { name: 'not among the allowed', doc: td([c('web')], { cpu: '0.5 vCPU' }), at: ['cpu'], options: { kind: 'cpu', allowed: [1024, 2048] }, want: [{ data: { amount: '512 CPU units' } }] },
    { name: 'memory in GB', doc: td([c('web')], { memory: '3 GB' }), at: ['memory'], options: { kind: 'memory', allowed: [2048] }, want: [{ data: { amount: '3072 MiB' } }] },
    {
      name: 'an intrinsic is left to the format rule',
      doc: cfn('Family: app\nCpu: !Ref P\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      at: ['cpu'],
      unknown: true,
      options: { kind: 'cpu', min: 128 },
      want: [],
    },
  ],
  uniqueAcrossLists: [
    {
      name: 'unique names',
      doc: td([c('web', { environment: [{ name: 'A', value: '1' }], secrets: [{ name: 'B', valueFrom: 'x' }] })]),
      at: ['containerDefinitions', 0],
      options: { lists: ['environment', 'secrets'], key: 'name' },
      want: [],
    },
    {
      name: 'a name again in the other list',
      doc: td([c('web', { environment: [{ name: 'A', value: '1' }], secrets: [{ name: 'A', valueFrom: 'x' }] })]),
      at: ['containerDefinitions', 0],
      options: { lists: ['environment', 'secrets'], key: 'name' },
      want: [{ path: ['secrets', 0, 'name'], data: { duplicate: '"A"', list: 'secrets', first: 'environment' } }],
    },
    {
      name: 'intrinsic keys are not compared',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: !Ref P\n    Image: nginx:1.27\n  - Name: !Ref P\n    Image: nginx:1.27'),
      unknown: true,
      options: { lists: ['containerDefinitions'], key: 'name' },
      want: [],
    },
  ],
  unset: [
    { name: 'false and empty are unset', doc: td([c('web', { privileged: false, links: [] })]), at: ['containerDefinitions', 0, 'privileged'], want: [] },
    { name: 'true is set', doc: td([c('web', { privileged: true })]), at: ['containerDefinitions', 0, 'privileged'], want: [{}] },
    {
      name: 'a list that CloudFormation may empty is not certainly set',
      doc: cfn('Conditions:\n  C: !Equals [a, b]\nFamily: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Links:\n      - !If [C, db, !Ref AWS::NoValue]'),
      at: ['containerDefinitions', 0, 'links'],
      unknown: true,
      want: [],
    },
  ],
  unsetFields: [
    { name: 'none of them set', doc: td([c('web', { hostname: '' })]), at: ['containerDefinitions', 0], options: { fields: ['hostname', 'extraHosts'] }, want: [] },
    {
      name: 'each one set, at the member',
      doc: td([c('web', { hostname: 'h', extraHosts: [{ hostname: 'x', ipAddress: '1.2.3.4' }] })]),
      at: ['containerDefinitions', 0],
      options: { fields: ['hostname', 'extraHosts'] },
      want: [{ path: ['hostname'] }, { path: ['extraHosts'] }],
    },
    {
      name: 'an intrinsic is not certainly set',
      doc: cfn('Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    Hostname: !Ref P'),
      at: ['containerDefinitions', 0],
      unknown: true,
      options: { fields: ['hostname'] },
      want: [],
    },
  ],
  windowsOnFargate: [
    { name: 'requiresCompatibilities without FARGATE', doc: td([c('web')], { requiresCompatibilities: ['EC2'] }), want: [] },
    {
      name: 'at requiresCompatibilities',
      doc: td([c('web')], { requiresCompatibilities: ['EC2', 'FARGATE'] }),
      want: [{ path: ['requiresCompatibilities'], data: { field: 'requiresCompatibilities' } }],
    },
    {
      name: 'a describe output: at compatibilities',
      doc: { taskDefinition: { ...td([c('web')]), taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:1', compatibilities: ['EC2', 'FARGATE'] } },
      want: [{ path: ['compatibilities'] }],
    },
    { name: 'the launch type chose Fargate', doc: td([c('web')]), launchType: 'FARGATE', want: [{ path: ['requiresCompatibilities'], data: { field: 'launch type', value: 'FARGATE' } }] },
    {
      name: 'an intrinsic beside FARGATE: still at requiresCompatibilities',
      doc: cfn('Family: app\nRequiresCompatibilities: [FARGATE, !Ref P]\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27'),
      unknown: true,
      want: [{ path: ['requiresCompatibilities'], data: { field: 'requiresCompatibilities' } }],
    },
  ],
};

function qlOptions() {
  return {
    subjects: ['ec2InstanceId', 'task:group', 'agentConnected', 'agentVersion', 'registeredAt', 'runningTasksCount'],
    operators: ['==', '!=', '>', '>=', '<', '<=', '=~', '!~', 'equals', 'not_equals', 'matches', 'not_matches'],
    unaryOperators: ['exists', '!exists', 'not_exists'],
    listOperators: ['in', 'not_in'],
  };
}
function lbOptions() {
  return { containerField: 'containerName', portField: 'containerPort' };
}
function firelensOrder() {
  return { targets: 'containerDefinitions[*].firelensConfiguration', conditions: ['START', 'HEALTHY'], implicitUnlessTargetDepends: true };
}
function pvOptions() {
  return { linux: ['LATEST', '1.4.0'], windows: ['LATEST', '1.0.0'] };
}
function pmName() {
  return { maxLength: 64, pattern: '^[a-z0-9_][a-z0-9_-]*$', patternDescription: 'lowercase', uniqueAmong: 'containerDefinitions[*].portMappings[*].name' };
}
function cpsGroups() {
  return { field: 'capacityProvider', group: ['FARGATE', 'FARGATE_SPOT'], groupName: 'Fargate', otherName: 'Auto Scaling group' };
}
function memOptions() {
  return { fields: ['memory', 'memoryReservation'], unlessTaskSets: 'memory' };
}
function cycleOptions() {
  return {
    key: 'name',
    edges: [
      { member: 'dependsOn', ref: 'containerName' },
      { member: 'links', separator: ':' },
      { member: 'volumesFrom', ref: 'sourceContainer' },
    ],
  };
}
function awslogsOptions() {
  return {
    map: 'options',
    required: ['awslogs-group', 'awslogs-region'],
    allowed: { mode: ['blocking', 'non-blocking'] },
    requires: { 'max-buffer-size': { mode: ['non-blocking'] } },
    defaults: { mode: 'non-blocking' },
  };
}
function secretWords() {
  return { words: ['PASSWORD', 'SECRET', 'TOKEN', 'API KEY'], referenceWords: ['FILE', 'ARN', 'URL'], exceptWords: ['PUBLIC'], credentialUrls: true };
}
function efsTask() {
  return 'Family: app\nRequiresCompatibilities: [FARGATE]\nVolumes:\n  - Name: v\n    EFSVolumeConfiguration:\n      FilesystemId: fs-1\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27';
}
function pvFeatures() {
  return {
    features: [
      { name: 'EFS volumes', path: 'volumes[*].efsVolumeConfiguration', minimum: '1.4.0' },
      { name: 'FARGATE_SPOT', in: 'service', path: 'capacityProviderStrategy[*].capacityProvider', values: ['FARGATE_SPOT'], minimum: '1.3.0' },
    ],
  };
}
function netOptions() {
  return { path: ['networkConfiguration', 'awsvpcConfiguration'], modes: ['awsvpc'] };
}
function volRefs() {
  return { key: 'name', references: 'containerDefinitions[*].mountPoints[*].sourceVolume' };
}
function healthyRef() {
  return { items: 'containerDefinitions', key: 'name', ref: 'containerName', require: { field: 'healthCheck', set: true } };
}
function secretDoc(valueFrom: string) {
  return td([c('web', { secrets: [{ name: 'DB', valueFrom }] })]);
}
function secretAt(): Segment[] {
  return ['containerDefinitions', 0, 'secrets', 0, 'valueFrom'];
}
function sizeRows() {
  return [
    { cpu: 256, memory: [512, 1024, 2048], os: ['LINUX'] },
    { cpu: 1024, memory: { min: 2048, max: 8192, step: 1024 } },
  ];
}
function logOptions(options: object) {
  return td([c('web', { logConfiguration: { logDriver: 'awslogs', options } })]);
}
function logAt(key: string): Segment[] {
  return ['containerDefinitions', 0, 'logConfiguration', 'options', key];
}
function sumOptions() {
  return { limit: 'memory', items: 'containerDefinitions', terms: ['memoryReservation', 'memory'], each: 'memory' };
}
function tagOptions() {
  return { maxTags: 3, maxKeyLength: 128, maxValueLength: 5, reservedPrefix: 'aws:' };
}
function compatOptions() {
  return { compatibility: 'FARGATE', providers: ['FARGATE', 'FARGATE_SPOT'] };
}
function archOptions() {
  return { path: ['runtimePlatform', 'cpuArchitecture'], values: ['ARM64'] };
}

function portNameOptions() {
  return { items: 'containerDefinitions[*].portMappings[*]', name: 'name' };
}
function portNameAt(): Segment[] {
  return ['serviceConnectConfiguration', 'services', 0, 'portName'];
}
/** Task definition properties: one container with a port mapping of each name. */
function portsTask(...names: string[]) {
  return `Family: app\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n${names.map((n, i) => `      - ContainerPort: ${8000 + i}\n        Name: ${n}`).join('\n')}`;
}
/** Service properties: Service Connect with one service of this port name. */
function connectService(portName: string) {
  return `ServiceConnectConfiguration:\n  Enabled: true\n  Namespace: app\n  Services:\n    - PortName: ${portName}`;
}
function launchVolumeOptions() {
  return { items: 'volumes[*]', name: 'name', flag: 'configuredAtLaunch' };
}
function volumesNamedOptions() {
  return { ...launchVolumeOptions(), names: 'volumeConfigurations[*].name' };
}
/** Task definition properties: volumes "data" and "logs" with these extra members (a `Key: value` line, or none). */
function launchVolumesTask(data: string, logs: string) {
  const volume = (name: string, extra: string) => `  - Name: ${name}` + (extra ? `\n    ${extra}` : '');
  return `Family: app\nVolumes:\n${volume('data', data)}\n${volume('logs', logs)}\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27`;
}
/** Service properties: a managed EBS volume configuration for each name. */
function volumeConfigurations(...names: string[]) {
  return `VolumeConfigurations:\n${names.map((n) => `  - Name: ${n}\n    ManagedEBSVolume:\n      RoleArn: arn:aws:iam::123456789012:role/ebs`).join('\n')}`;
}
/**
 * A template whose task definition App uses the IAM role AppRole through `member` (TaskRoleArn or ExecutionRoleArn):
 * `role` holds the role's properties besides its trust policy, `more` other resources (YAML).
 */
function iamTemplate(member: 'TaskRoleArn' | 'ExecutionRoleArn', role: string, more = '') {
  const trust = 'AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { Service: ecs-tasks.amazonaws.com }\n      Action: sts:AssumeRole\n';
  const app = `App:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    Family: app\n    ${member}: !GetAtt AppRole.Arn\n    ContainerDefinitions:\n      - Name: app\n        Image: example/app:1.0.0\n        Memory: 256`;
  return `Parameters:\n  P:\n    Type: String\nResources:\n  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n${indent(trust + role, 6)}${more ? indent(more, 2) : ''}${indent(app, 2)}`;
}
/** Role properties: one inline policy with these statements (a YAML list). */
function inlinePolicy(statements: string) {
  return `Policies:\n  - PolicyName: app\n    PolicyDocument:\n      Statement:\n${indent(statements, 8)}`;
}
function statementAt(index: number, ...rest: Segment[]): Segment[] {
  return ['policies', 0, 'policyDocument', 'Statement', index, ...rest];
}
/** How a role or policy (`noun`) used by task definition App is named in a finding. */
function executionUse(noun: string, how: 'the' | 'attached to the') {
  return { noun, use: `${how} task execution role of task definition "App"` };
}
function taskUse(noun: string, how: 'the' | 'attached to the') {
  return { noun, use: `${how} task role of task definition "App"` };
}
function secretsOptions() {
  return { role: 'execution', managedPolicies: ['AdministratorAccess', 'PowerUserAccess', 'SecretsManagerReadWrite'] };
}
function wildcardOptions() {
  return {
    role: 'task',
    services: ['iam', 'sts', 'kms', 'secretsmanager', 'ssm', 's3', 'dynamodb'],
    managedPolicies: {
      AdministratorAccess: 'every action on every resource',
      IAMFullAccess: 'every IAM action',
      AmazonS3FullAccess: 'every S3 action on every bucket',
      SecretsManagerReadWrite: 'every Secrets Manager action on every secret',
    },
  };
}
const FUNCTIONS = path.join(__dirname, '..', 'src', 'functions');
const checkFunctions = fs
  .readdirSync(FUNCTIONS)
  .filter((f) => f.endsWith('.ts') && /const \w+: RuleFunction/.test(fs.readFileSync(path.join(FUNCTIONS, f), 'utf8')))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

test('every check function has a table: a clean case, a finding, and a value that cannot be known', () => {
  const gaps: string[] = [];
  for (const name of checkFunctions) {
    const table = cases[name];
    if (!table) {
      gaps.push(`${name}: no cases`);
      continue;
    }
    if (!table.some((x) => x.want.length === 0 && !x.unknown)) gaps.push(`${name}: no case without a finding`);
    if (!table.some((x) => x.want.length > 0)) gaps.push(`${name}: no case with a finding`);
    if (!table.some((x) => x.unknown)) gaps.push(`${name}: no case with an unknown value`);
  }
  expect(gaps).toEqual([]);
  expect(Object.keys(cases).sort()).toEqual(checkFunctions);
});

describe.each(Object.keys(cases).sort())('%s', (name) => {
  test.each(cases[name].map((x) => [x.name, x] as const))('%s', (_title, x) => {
    const got = run(name, x);
    expect(got).toHaveLength(x.want.length);
    expect(got).toMatchObject(x.want);
  });
});
