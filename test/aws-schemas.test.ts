/**
 * The task-definition schemas generated from AWS's own files (scripts/gen-schemas.ts): the checked-in
 * copies match what the generator makes from the model in shared/, and the generator keeps what the
 * model and CloudFormation's schema say.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require('../dist/scripts/gen-schemas') as typeof import('../scripts/gen-schemas');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { didYouMean, editDistance } = require('../dist/src/functions/awsSchema') as typeof import('../src/functions/awsSchema');

const ROOT = path.join(__dirname, '..');
const MODEL = path.join(ROOT, '..', 'shared', 'schemas', 'ecs-service-2.json');
const CFN = path.join(ROOT, '..', 'shared', 'schemas', 'cfn-aws-ecs-taskdefinition.json');
const API_FILE = path.join(ROOT, 'schemas', 'generated', 'task-definition.api.schema.json');
const CFN_FILE = path.join(ROOT, 'schemas', 'generated', 'task-definition.cfn.schema.json');

type Json = Record<string, any>;
const read = (file: string): Json => JSON.parse(fs.readFileSync(file, 'utf8'));
const haveSources = fs.existsSync(MODEL) && fs.existsSync(CFN);

(haveSources ? describe : describe.skip)('generated from shared/schemas', () => {
  const model = read(MODEL);
  const resource = read(CFN);
  const api = read(API_FILE);
  const cfn = read(CFN_FILE);

  test('the checked-in schemas are what the generator makes (run npm run gen-schemas after updating a source)', () => {
    const fresh = gen.apiTaskDefinitionSchema(model as never, 'x');
    const { schema } = gen.cfnTaskDefinitionSchema(resource, model as never, 'x');
    const withoutComment = ({ $comment: _c, ...rest }: Json) => rest;
    expect(withoutComment(fresh)).toEqual(withoutComment(api));
    expect(withoutComment(schema)).toEqual(withoutComment(cfn));
  });

  test('every member of RegisterTaskDefinitionRequest is a property, with the required ones required', () => {
    const request = model.shapes.RegisterTaskDefinitionRequest;
    for (const member of Object.keys(request.members)) expect(api.properties[member]).toBeDefined();
    expect(api.required).toEqual(request.required);
    expect(api.additionalProperties).toBe(false);
  });

  test('describe-only members are allowed, marked readOnly', () => {
    for (const member of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt']) {
      expect(api.properties[member].readOnly).toBe(true);
    }
  });

  test('types, enums, nested required members and limits come from the shapes', () => {
    const container = api.definitions.ContainerDefinition;
    expect(api.properties.cpu.type).toBe('string');
    expect(container.properties.memory.type).toBe('integer');
    expect(container.properties.essential.type).toBe('boolean');
    expect(container.properties.dockerLabels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(api.properties.networkMode.enum).toEqual(model.shapes.NetworkMode.enum);
    expect(api.definitions.Ulimit.required).toEqual(['name', 'softLimit', 'hardLimit']);
    expect(api.properties.tags.maxItems).toBe(50);
    expect(api.definitions.Tag.properties.key).toMatchObject({ minLength: 1, maxLength: 128 });
  });

  test('the CloudFormation schema keeps its own names and types, and takes what ECS enforces from the model', () => {
    expect(cfn.properties.Cpu.type).toBe('string');
    expect(cfn.definitions.EFSVolumeConfiguration.required).toEqual(['FilesystemId']);
    expect(cfn.definitions.FSxWindowsFileServerVolumeConfiguration.properties.FileSystemId).toBeDefined();
    expect(cfn.properties.ProxyConfiguration.$ref).toBe('#/definitions/ProxyConfiguration');
    expect(cfn.definitions.ProxyConfiguration.properties.ProxyConfigurationProperties).toBeDefined();
    expect(cfn.definitions.HealthCheck.required).toEqual(['Command']);
    expect(cfn.definitions.LogConfiguration.properties.LogDriver.enum).toEqual(model.shapes.LogDriver.enum);
    expect(cfn.definitions.ContainerDefinition.properties.DockerLabels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    // CloudFormation names the family itself: nothing at the root is required.
    expect(cfn.required).toBeUndefined();
  });

  test('every CloudFormation property but TaskDefinitionArn maps to an API member', () => {
    const { report } = gen.cfnTaskDefinitionSchema(resource, model as never, 'x');
    expect(report.cloudFormationOnly).toEqual(['(root).TaskDefinitionArn']);
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
