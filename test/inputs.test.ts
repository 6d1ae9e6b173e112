/** The input forms and their pointers: multi-document YAML, describe outputs, templates, container lists. */

const { lintText } = require('../dist/src/index') as typeof import('../src/index');

const fargate = { launchType: 'FARGATE' as const };
const privileged = (r: ReturnType<typeof lintText>) =>
  r.messages.filter((m) => m.ruleId === 'fargate-no-privileged').map((m) => ({ path: m.path, line: m.line, column: m.column, document: m.document, taskDefinition: m.taskDefinition }));

test('every document of a multi-document YAML file is linted, and findings name their document', () => {
  const text = [
    'family: one',
    'networkMode: awsvpc',
    'containerDefinitions:',
    '  - {name: a, image: "nginx:1", privileged: true}',
    '---',
    'family: two',
    'networkMode: awsvpc',
    'containerDefinitions:',
    '  - name: b',
    '    image: nginx:1',
    '    privileged: true',
    '',
  ].join('\n');
  expect(privileged(lintText(text, { filePath: 'multi.yaml', config: fargate }))).toEqual([
    { path: '/containerDefinitions/0/privileged', line: 4, column: 33, document: 0, taskDefinition: 'one' },
    { path: '/containerDefinitions/0/privileged', line: 11, column: 5, document: 1, taskDefinition: 'two' },
  ]);
});

test('a describe-task-definition output: pointers start at /taskDefinition, output-only fields are not errors', () => {
  const text = JSON.stringify(
    {
      taskDefinition: {
        family: 'web',
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
        revision: 3,
        status: 'ACTIVE',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1', privileged: true }],
      },
      tags: [],
    },
    null,
    2,
  );
  const r = lintText(text, { filePath: 'describe.json' });
  expect(privileged(r)).toEqual([{ path: '/taskDefinition/containerDefinitions/0/privileged', line: 17, column: 9, document: undefined, taskDefinition: 'web' }]);
  expect(r.messages.filter((m) => m.severity === 'error' && m.path.includes('revision'))).toEqual([]);
});

test('a CloudFormation JSON template with two task definitions: each named by its logical id', () => {
  const td = (privilegedValue: unknown) => ({
    Type: 'AWS::ECS::TaskDefinition',
    Properties: { RequiresCompatibilities: ['FARGATE'], NetworkMode: 'awsvpc', Cpu: 256, Memory: 512, ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1', Privileged: privilegedValue }] },
  });
  const text = JSON.stringify({ Resources: { Web: td(true), Worker: td({ 'Fn::If': ['Debug', true, false] }) } }, null, 2);
  expect(privileged(lintText(text, { filePath: 'stack.json' }))).toEqual([
    { path: '/Resources/Web/Properties/ContainerDefinitions/0/Privileged', line: 16, column: 13, document: undefined, taskDefinition: 'Web' },
    // The branch of the Fn::If that deploys a privileged container, when the condition Debug is true.
    { path: '/Resources/Worker/Properties/ContainerDefinitions/0/Privileged/Fn::If/1', line: 37, column: 17, document: undefined, taskDefinition: 'Worker' },
  ]);
});

test('a Terraform container list: task-level rules stay silent, placeholders are unknown', () => {
  const text = JSON.stringify([{ name: 'app', image: '${image}', cpu: '${cpu}', privileged: true, portMappings: [{ containerPort: 8080, hostPort: 80 }] }], null, 2);
  const r = lintText(text, { filePath: 'containers.json', config: fargate });
  expect(privileged(r)).toEqual([{ path: '/0/privileged', line: 6, column: 5, document: undefined, taskDefinition: '(container definitions)' }]);
  const ids = r.messages.map((m) => m.ruleId);
  for (const silent of ['td-family-required', 'fargate-network-mode', 'size-fargate-required', 'td-type', 'td-container-image-format']) expect(ids).not.toContain(silent);
});

test('a single container object, as some Terraform modules keep it', () => {
  const r = lintText(JSON.stringify({ name: 'app', image: 'nginx:1', essential: true, privileged: true }), { filePath: 'container.json', config: fargate });
  expect(privileged(r).map((f) => f.path)).toEqual(['/privileged']);
});

test('a template of only a cluster and a capacity provider is linted, each named by its logical id', () => {
  const text = [
    'Resources:',
    '  Cluster:',
    '    Type: AWS::ECS::Cluster',
    '    Properties:',
    '      ClusterSettings:',
    '        - {Name: containerInsights, Value: enable}',
    '  Provider:',
    '    Type: AWS::ECS::CapacityProvider',
    '    Properties:',
    '      Name: ecs-workers',
    '      AutoScalingGroupProvider: {AutoScalingGroupArn: !Ref Asg}',
    '',
  ].join('\n');
  const r = lintText(text, { filePath: 'cluster.yaml' });
  expect(r.taskDefinitions).toEqual(['Cluster', 'Provider']);
  expect(r.messages.map((m) => [m.ruleId, m.path, m.taskDefinition])).toEqual([
    ['cluster-setting-name', '/Resources/Cluster/Properties/ClusterSettings/0/Value', 'Cluster'],
    ['capacity-provider-name', '/Resources/Provider/Properties/Name', 'Provider'],
  ]);
});

test('create-capacity-provider and update-cluster-settings inputs are recognised; a cluster name alone is not a cluster input', () => {
  const provider = lintText(
    JSON.stringify({ name: 'web', autoScalingGroupProvider: { autoScalingGroupArn: 'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:x:autoScalingGroupName/web' } }),
    { filePath: 'cp.json' },
  );
  expect(provider.taskDefinitions).toEqual(['web']);
  expect(provider.messages).toEqual([]);
  const settings = lintText(JSON.stringify({ cluster: 'web', settings: [{ name: 'containerInsights', value: 'enabled' }] }), { filePath: 'settings.json' });
  expect(settings.taskDefinitions).toEqual(['web']);
  expect(settings.messages).toEqual([]);
  expect(lintText(JSON.stringify({ clusterName: 'web' }), { filePath: 'cluster.json' }).messages.map((m) => m.ruleId)).toEqual(['unrecognised-document']);
});
