/**
 * The schemas generated from AWS's own descriptions (scripts/gen-schemas.ts): the checked-in copies in
 * schemas/generated/ are what the generator makes from the installed devDependencies
 * (@aws-sdk/client-ecs, @aws-cdk/aws-service-spec), and the generator keeps what the model says.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';

const gen = require('../dist/scripts/gen-schemas') as typeof import('../scripts/gen-schemas');

const { didYouMean, editDistance } = require('../dist/src/functions/awsSchema') as typeof import('../src/functions/awsSchema');

const ROOT = path.join(__dirname, '..');
const GENERATED = path.join(ROOT, 'schemas', 'generated');

type Json = Record<string, any>;
const read = (file: string): Json => JSON.parse(fs.readFileSync(path.join(GENERATED, file), 'utf8'));

describe('generated from the installed packages', () => {
  let sources: ReturnType<typeof gen.loadSources>;
  let fresh: ReturnType<typeof gen.generate>;
  beforeAll(() => {
    sources = gen.loadSources();
    fresh = gen.generate(sources);
  }, 60_000);

  const api = () => read('task-definition.api.schema.json');
  const cfn = () => read('task-definition.cfn.schema.json');
  const shapes = () => sources.model.shapes;

  test('every checked-in file is what the generator makes (run npm run gen-schemas after updating a package)', () => {
    for (const [file, content] of Object.entries(fresh.files)) {
      expect({ file, text: fs.readFileSync(path.join(GENERATED, file), 'utf8') }).toEqual({ file, text: gen.fileText(content) });
    }
    // Nothing stale is left beside them.
    expect(
      fs
        .readdirSync(GENERATED)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(fresh.files).sort());
  });

  test('SOURCES.json names the installed versions, which package.json pins exactly', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const recorded = read('SOURCES.json').packages as Record<string, string>;
    expect(recorded).toEqual(sources.versions);
    for (const name of ['@aws-sdk/client-ecs', '@aws-cdk/aws-service-spec']) {
      expect(pkg.devDependencies[name]).toBe(recorded[name]);
    }
  });

  test('every member of RegisterTaskDefinitionRequest is a property, with the required ones required', () => {
    const request = shapes().RegisterTaskDefinitionRequest;
    for (const member of Object.keys(request.members!)) expect(api().properties[member]).toBeDefined();
    expect(api().required).toEqual(request.required);
    expect(api().required).toEqual(['family', 'containerDefinitions']);
    expect(api().additionalProperties).toBe(false);
  });

  test('describe-only members are allowed, marked readOnly', () => {
    for (const member of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt']) {
      expect(api().properties[member].readOnly).toBe(true);
    }
    expect(api().properties.family.readOnly).toBeUndefined();
  });

  test('types, enums and nested required members come from the model', () => {
    const container = api().definitions.ContainerDefinition;
    expect(api().properties.cpu.type).toBe('string');
    expect(container.properties.memory.type).toBe('integer');
    expect(container.properties.essential.type).toBe('boolean');
    expect(container.properties.dockerLabels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(api().properties.networkMode.enum).toEqual(shapes().NetworkMode.enum);
    expect(api().properties.requiresCompatibilities.items.enum).toEqual(expect.arrayContaining(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']));
    expect(api().definitions.RuntimePlatform.properties.operatingSystemFamily.enum).toEqual(expect.arrayContaining(['LINUX', 'WINDOWS_SERVER_2025_CORE']));
    expect([...api().definitions.Ulimit.required].sort()).toEqual(['hardLimit', 'name', 'softLimit']);
    expect(api().properties.inferenceAccelerators.deprecated).toBe(true);
  });

  test('a number is an integer only where CloudFormation says so', () => {
    const service = read('create-service.api.schema.json');
    expect(service.definitions.DeploymentConfiguration.properties.maximumPercent.type).toBe('integer');
    // A double in the API model (and a number in CloudFormation).
    expect(service.definitions.CanaryConfiguration.properties.canaryPercent.type).toBe('number');
    // CloudFormation has no RunTask: any number.
    expect(read('run-task.api.schema.json').properties.count.type).toBe('number');
    expect(sources.numbersNarrowed).toContain('AWS::ECS::TaskDefinition ContainerDefinition.Memory');
  });

  test('the CloudFormation schema keeps its own names and types, and takes what ECS enforces from the model', () => {
    expect(cfn().properties.Cpu.type).toBe('string');
    expect(cfn().definitions.EFSVolumeConfiguration.required).toEqual(['FilesystemId']);
    expect(cfn().definitions.FSxWindowsFileServerVolumeConfiguration.properties.FileSystemId).toBeDefined();
    expect(cfn().properties.ProxyConfiguration.$ref).toBe('#/definitions/ProxyConfiguration');
    expect(cfn().definitions.ProxyConfiguration.properties.ProxyConfigurationProperties).toBeDefined();
    expect(cfn().definitions.HealthCheck.required).toEqual(['Command']);
    expect(cfn().definitions.LogConfiguration.properties.LogDriver.enum).toEqual(shapes().LogDriver.enum);
    expect(cfn().definitions.ContainerDefinition.properties.DockerLabels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(cfn().properties.TaskDefinitionArn.readOnly).toBe(true);
    // CloudFormation names the family itself: nothing at the root is required.
    expect(cfn().required).toBeUndefined();
  });

  test('every CloudFormation task-definition property but TaskDefinitionArn maps to an API member', () => {
    expect(fresh.report.cfn['AWS::ECS::TaskDefinition'].cloudFormationOnly).toEqual(['(root).TaskDefinitionArn']);
  });

  test('the other requests keep their required members', () => {
    expect(read('create-service.api.schema.json').required).toEqual(['serviceName']);
    expect(read('update-service.api.schema.json').required).toEqual(['service']);
    expect(read('run-task.api.schema.json').required).toEqual(['taskDefinition']);
    expect(read('update-cluster-settings.api.schema.json').required).toEqual(['cluster', 'settings']);
    expect(read('create-capacity-provider.api.schema.json').required).toEqual(['name']);
    expect(read('create-cluster.api.schema.json').required).toBeUndefined();
  });

  describe('each schema compiles and judges sample inputs as AWS does', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
    const validate = (file: string, data: unknown): boolean => {
      if (!compiled.has(file)) compiled.set(file, ajv.compile(read(file)));
      return compiled.get(file)!(data) as boolean;
    };

    test.each([
      ['task-definition.api.schema.json', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx' }], requiresCompatibilities: ['MANAGED_INSTANCES'] }, true],
      ['task-definition.api.schema.json', { family: 'web' }, false],
      ['task-definition.api.schema.json', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512.5 }] }, false],
      ['task-definition.cfn.schema.json', { RequiresCompatibilities: ['MANAGED_INSTANCES'], ContainerDefinitions: [{ Name: 'web', Image: 'nginx' }] }, true],
      ['task-definition.cfn.schema.json', { ContainerDefinitions: [{ Name: 'web' }] }, false],
      [
        'create-service.api.schema.json',
        { serviceName: 'web', capacityProviderStrategy: [{ capacityProvider: 'mi', weight: 1 }], deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 2.5 } } },
        true,
      ],
      ['create-service.api.schema.json', { serviceName: 'web', launchType: 'LAMBDA' }, false],
      ['update-service.api.schema.json', { service: 'web', forceNewDeployment: true }, true],
      ['run-task.api.schema.json', { taskDefinition: 'web:1', launchType: 'MANAGED_INSTANCES', count: 2 }, true],
      ['create-cluster.api.schema.json', { clusterName: 'main', settings: [{ name: 'containerInsights', value: 'enhanced' }] }, true],
      ['update-cluster-settings.api.schema.json', { cluster: 'main', settings: [{ name: 'containerInsights', value: 'enabled' }] }, true],
      [
        'create-capacity-provider.api.schema.json',
        {
          name: 'mi',
          managedInstancesProvider: {
            infrastructureRoleArn: 'arn:aws:iam::123456789012:role/r',
            instanceLaunchTemplate: { ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/p', networkConfiguration: { subnets: ['subnet-1'] } },
          },
        },
        true,
      ],
      ['service.cfn.schema.json', { ServiceName: 'web', LaunchType: 'FARGATE', NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'] } } }, true],
      ['service.cfn.schema.json', { ServiceName: 'web', NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } } }, false],
    ])('%s: %j is valid: %s', (file, data, valid) => {
      expect(validate(file, data)).toBe(valid);
    });
  });
});

describe('did-you-mean', () => {
  const container = ['name', 'image', 'portMappings', 'essential', 'logConfiguration', 'memoryReservation'];
  test.each([
    ['portMapping', 'portMappings'],
    ['Essential', 'essential'],
    ['memoryReservaton', 'memoryReservation'],
    ['imgae', 'image'],
    ['logConfig', 'logConfiguration'],
  ])('%s -> %s', (typo, meant) => expect(didYouMean(typo, container)).toBe(meant));

  test('nothing close enough gives no suggestion', () => {
    expect(didYouMean('healthcheckGracePeriodSeconds', container)).toBeUndefined();
    expect(didYouMean('foo', container)).toBeUndefined();
  });

  test('edit distance counts a transposition once', () => {
    expect(editDistance('imgae', 'image')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});
