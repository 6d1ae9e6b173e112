/**
 * `npm run gen-schemas`
 *
 * Writes the JSON Schemas of schemas/generated/ from AWS's own descriptions, as the installed
 * devDependencies carry them (no paths: update a package, run this, review the diff):
 *
 * - `*.api.schema.json`: request structures of the ECS API model, read from @aws-sdk/client-ecs
 *   (scripts/aws-model/sdk-model.ts): members, types, enums, required members, for
 *   RegisterTaskDefinition (task-definition.api.schema.json; the members that only
 *   DescribeTaskDefinition returns, such as taskDefinitionArn and revision, are added as `readOnly` so
 *   that a saved describe output is not a list of unknown properties), CreateService, UpdateService,
 *   RunTask, CreateCluster, UpdateClusterSettings and CreateCapacityProvider.
 * - `*.cfn.schema.json`: CloudFormation's AWS::ECS::TaskDefinition and AWS::ECS::Service (PascalCase,
 *   CloudFormation's own types), read from @aws-cdk/aws-service-spec (scripts/aws-model/cfn-spec.ts),
 *   with what ECS itself enforces once CloudFormation calls it added from the API model: the required
 *   members of nested structures and the enums CloudFormation leaves open.
 * - SOURCES.json: the packages and versions the schemas were made from.
 *
 * The SDK has a single kind for numbers; a number is written as an integer where CloudFormation types
 * the same member as one (the four ECS resources are read for that), and as any number elsewhere.
 *
 * All files are checked in; the build compiles the task-definition schemas to standalone validators
 * (scripts/build-aws-schemas.ts), so neither the packages nor ajv's compiler is read at run time.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cfnToApiName } from '../src/load/normalise';
import { loadCfnResources, CFN_SPEC_PACKAGE } from './aws-model/cfn-spec';
import { shapeOf, type Model, type ModelShape } from './aws-model/model';
import { loadSdkModel, SDK_PACKAGE } from './aws-model/sdk-model';

type Json = Record<string, unknown>;

const root = path.join(__dirname, '..', '..');
export const OUT_DIR = path.join(root, 'schemas', 'generated');
export const SOURCES_FILE = 'SOURCES.json';
const ID_BASE = 'https://ecslint.dev/schemas/generated/';

interface ApiSchemaSpec {
  file: string;
  /** The request structure. */
  shape: string;
  title: string;
  /** A structure whose further members are allowed as readOnly (what a describe call returns). */
  described?: string;
  describedNote?: string;
}

export const API_SCHEMAS: ApiSchemaSpec[] = [
  {
    file: 'task-definition.api.schema.json',
    shape: 'RegisterTaskDefinitionRequest',
    title: 'Amazon ECS RegisterTaskDefinition request',
    described: 'TaskDefinition',
    describedNote: 'Members marked readOnly are returned by DescribeTaskDefinition and not accepted by RegisterTaskDefinition.',
  },
  { file: 'create-service.api.schema.json', shape: 'CreateServiceRequest', title: 'Amazon ECS CreateService request' },
  { file: 'update-service.api.schema.json', shape: 'UpdateServiceRequest', title: 'Amazon ECS UpdateService request' },
  { file: 'run-task.api.schema.json', shape: 'RunTaskRequest', title: 'Amazon ECS RunTask request' },
  { file: 'create-cluster.api.schema.json', shape: 'CreateClusterRequest', title: 'Amazon ECS CreateCluster request' },
  { file: 'update-cluster-settings.api.schema.json', shape: 'UpdateClusterSettingsRequest', title: 'Amazon ECS UpdateClusterSettings request' },
  { file: 'create-capacity-provider.api.schema.json', shape: 'CreateCapacityProviderRequest', title: 'Amazon ECS CreateCapacityProvider request' },
];

interface CfnSchemaSpec {
  file: string;
  typeName: string;
  /** The API request CloudFormation makes from the resource's properties. */
  shape: string;
}

export const CFN_SCHEMAS: CfnSchemaSpec[] = [
  { file: 'task-definition.cfn.schema.json', typeName: 'AWS::ECS::TaskDefinition', shape: 'RegisterTaskDefinitionRequest' },
  { file: 'service.cfn.schema.json', typeName: 'AWS::ECS::Service', shape: 'CreateServiceRequest' },
];

/** CloudFormation resources read beside API requests only to tell whole numbers from others. */
const NUMBER_TYPE_PAIRS: Array<{ typeName: string; shape: string }> = [
  ...CFN_SCHEMAS,
  { typeName: 'AWS::ECS::Service', shape: 'UpdateServiceRequest' },
  { typeName: 'AWS::ECS::Cluster', shape: 'CreateClusterRequest' },
  { typeName: 'AWS::ECS::CapacityProvider', shape: 'CreateCapacityProviderRequest' },
];

/** The JSON Schema of a request structure; structures become definitions, the rest is inlined. */
export function apiRequestSchema(model: Model, spec: ApiSchemaSpec): Json {
  const definitions: Record<string, Json> = {};

  const inline = (name: string): Json => {
    const s = shapeOf(model, name);
    const out: Json = {};
    switch (s.type) {
      case 'structure':
        if (!definitions[name]) {
          definitions[name] = {}; // placeholder against recursive shapes
          definitions[name] = structure(s);
        }
        return { $ref: `#/definitions/${name}` };
      case 'list':
        out.type = 'array';
        out.items = inline(s.member!.shape);
        if (s.min !== undefined) out.minItems = s.min;
        if (s.max !== undefined) out.maxItems = s.max;
        break;
      case 'map': {
        out.type = 'object';
        const keySchema = scalar(shapeOf(model, s.key!.shape));
        delete keySchema.type;
        if (Object.keys(keySchema).length > 0) out.propertyNames = keySchema;
        out.additionalProperties = inline(s.value!.shape);
        break;
      }
      default:
        Object.assign(out, scalar(s));
    }
    if (s.deprecated) out.deprecated = true;
    return out;
  };

  const scalar = (s: ModelShape): Json => {
    const out: Json = {};
    switch (s.type) {
      case 'string':
        out.type = 'string';
        if (s.enum) out.enum = [...s.enum];
        if (s.min !== undefined) out.minLength = s.min;
        if (s.max !== undefined) out.maxLength = s.max;
        if (s.pattern !== undefined) out.pattern = s.pattern;
        break;
      case 'integer':
      case 'number':
        out.type = s.type;
        if (s.min !== undefined) out.minimum = s.min;
        if (s.max !== undefined) out.maximum = s.max;
        break;
      case 'boolean':
        out.type = 'boolean';
        break;
      case 'timestamp':
        // The CLI prints timestamps as ISO strings, the raw API as epoch seconds.
        out.type = ['string', 'number'];
        break;
      case 'blob':
        out.type = 'string';
        break;
      case 'document':
        // Any JSON value.
        break;
      default:
        throw new Error(`Unhandled shape type "${s.type}".`);
    }
    return out;
  };

  const structure = (s: ModelShape): Json => {
    const properties: Record<string, Json> = {};
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      properties[member] = inline(ref.shape);
      if (ref.deprecated) properties[member].deprecated = true;
    }
    const out: Json = { type: 'object', additionalProperties: false, properties };
    if (s.required && s.required.length > 0) out.required = [...s.required];
    if (s.deprecated) out.deprecated = true;
    return out;
  };

  const request = structure(shapeOf(model, spec.shape));
  const properties = request.properties as Record<string, Json>;
  if (spec.described) {
    for (const [member, ref] of Object.entries(shapeOf(model, spec.described).members ?? {})) {
      if (properties[member]) continue;
      properties[member] = { ...inline(ref.shape), readOnly: true };
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: ID_BASE + spec.file,
    title: spec.title,
    $comment: `Generated by scripts/gen-schemas.ts from the ECS API model in ${model.source} (${spec.shape}); do not edit.${spec.describedNote ? ` ${spec.describedNote}` : ''}`,
    ...request,
    definitions: sortKeys(definitions),
  };
}

/** Keywords of CloudFormation's resource schema that describe, not validate. */
const CFN_ANNOTATIONS = new Set(['description', 'markdownDescription', 'insertionOrder', 'uniqueKeys', 'format', 'default', 'examples', 'relationshipRef', 'arrayType']);

function stripAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (CFN_ANNOTATIONS.has(k)) continue;
    // `properties` holds names, not keywords: keep every entry.
    out[k] = k === 'properties' || k === 'patternProperties' || k === 'definitions' ? mapValues(v as Json, stripAnnotations) : stripAnnotations(v);
  }
  return openMap(out);
}

/**
 * CloudFormation writes a string map as `patternProperties: {".{1,}": …}, additionalProperties: false`;
 * the map's keys are the user's own (labels, driver options), so the generated schema says only what
 * its values must be.
 */
function openMap(schema: Json): Json {
  const pattern = schema.patternProperties as Json | undefined;
  if (!pattern || schema.properties !== undefined) return schema;
  const values = Object.values(pattern);
  if (values.length !== 1) return schema;
  const { patternProperties: _p, ...rest } = schema;
  return { ...rest, additionalProperties: values[0] };
}

function mapValues(obj: Json, fn: (v: unknown) => unknown): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) out[k] = fn(v);
  return out;
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface WalkVisitor {
  /** An object schema of CloudFormation beside the API structure it becomes; `apiNames` maps API member -> CloudFormation name. */
  object(cfnObject: Json, label: string, api: ModelShape, apiNames: Map<string, string>, isRoot: boolean): void;
  /** A CloudFormation property with no API member. */
  unmatched(label: string, cfnName: string): void;
  /** A scalar CloudFormation schema beside the API scalar shape it becomes. */
  scalar(cfnSchema: Json, api: ModelShape, label: string): void;
}

/**
 * Walks a CloudFormation resource schema beside the API request CloudFormation makes from it: member
 * names are translated with the linter's own CloudFormation-to-API naming, lists are entered on both
 * sides, and `$ref`s are followed once per (definition, structure) pair.
 */
function walkBeside(rootObject: Json, definitions: Record<string, Json>, model: Model, rootShape: string, visitor: WalkVisitor): void {
  const resolve = (schema: Json): { schema: Json; name?: string } => {
    const ref = schema.$ref as string | undefined;
    if (!ref) return { schema };
    const name = ref.replace(/^#\/definitions\//, '');
    const target = definitions[name];
    if (!target) throw new Error(`The CloudFormation schema has no definition "${name}".`);
    return { schema: target, name };
  };
  const visited = new Set<string>();
  const join = (cfnObject: Json, label: string, apiShapeName: string, isRoot: boolean): void => {
    const key = `${label}=${apiShapeName}`;
    if (visited.has(key)) return;
    visited.add(key);
    const api = shapeOf(model, apiShapeName);
    const props = (cfnObject.properties ?? {}) as Record<string, Json>;
    const apiMembers = api.members ?? {};
    const apiNames = new Map<string, string>();
    for (const cfnName of Object.keys(props)) {
      const apiName = cfnToApiName(cfnName);
      if (!apiMembers[apiName]) visitor.unmatched(label, cfnName);
      else apiNames.set(apiName, cfnName);
    }
    visitor.object(cfnObject, label, api, apiNames, isRoot);
    for (const [apiName, cfnName] of apiNames) {
      let apiShapeName = apiMembers[apiName].shape;
      let cfnSchema = props[cfnName];
      while (shapeOf(model, apiShapeName).type === 'list' && cfnSchema.type === 'array' && cfnSchema.items) {
        cfnSchema = cfnSchema.items as Json;
        apiShapeName = shapeOf(model, apiShapeName).member!.shape;
      }
      const apiShape = shapeOf(model, apiShapeName);
      const { schema: target, name } = resolve(cfnSchema);
      if (apiShape.type === 'structure' && target.type === 'object') join(target, name ?? `${label}.${cfnName}`, apiShapeName, false);
      else if (apiShape.type !== 'structure' && apiShape.type !== 'list' && apiShape.type !== 'map') visitor.scalar(target, apiShape, `${label}.${cfnName}`);
    }
  };
  join(rootObject, '(root)', rootShape, true);
}

/** Numbers of the API model that CloudFormation types as integers become integers. */
export function narrowNumbers(model: Model, resource: Json, rootShape: string): string[] {
  const narrowed: string[] = [];
  const definitions = (resource.definitions ?? {}) as Record<string, Json>;
  walkBeside({ properties: resource.properties }, definitions, model, rootShape, {
    object: () => undefined,
    unmatched: () => undefined,
    scalar(cfnSchema, api, label) {
      if (api.type === 'number' && api.numericKindUnknown && cfnSchema.type === 'integer') {
        api.type = 'integer';
        narrowed.push(label);
      }
    },
  });
  return narrowed;
}

export interface CfnMergeReport {
  /** CloudFormation properties with no API member (`Definition.Property`). */
  cloudFormationOnly: string[];
  /** Required members added from the API model (`Definition.Property`). */
  requiredAdded: string[];
  /** Enums added from the API model (`Definition.Property`). */
  enumsAdded: string[];
}

/** CloudFormation's resource schema, reduced to validation keywords and joined with the API model's constraints. */
export function cfnResourceSchema(resource: Json, model: Model, spec: CfnSchemaSpec, sourceNote: string): { schema: Json; report: CfnMergeReport } {
  const definitions = mapValues((resource.definitions ?? {}) as Json, stripAnnotations) as Record<string, Json>;
  const properties = mapValues((resource.properties ?? {}) as Json, stripAnnotations) as Record<string, Json>;
  const report: CfnMergeReport = { cloudFormationOnly: [], requiredAdded: [], enumsAdded: [] };
  for (const pointer of (resource.readOnlyProperties as string[] | undefined) ?? []) {
    const name = pointer.replace(/^\/properties\//, '');
    if (properties[name]) properties[name] = { ...properties[name], readOnly: true };
  }

  const rootSchema: Json = { type: 'object', additionalProperties: resource.additionalProperties ?? false, properties };
  if (Array.isArray(resource.required) && resource.required.length > 0) rootSchema.required = [...(resource.required as string[])];
  walkBeside(rootSchema, definitions, model, spec.shape, {
    unmatched: (label, cfnName) => report.cloudFormationOnly.push(`${label}.${cfnName}`),
    object(cfnObject, label, api, apiNames, isRoot) {
      // At the root CloudFormation supplies what the request needs (it names the family itself).
      if (isRoot) return;
      const required = new Set((cfnObject.required as string[] | undefined) ?? []);
      for (const apiName of api.required ?? []) {
        const cfnName = apiNames.get(apiName);
        if (cfnName && !required.has(cfnName)) {
          required.add(cfnName);
          report.requiredAdded.push(`${label}.${cfnName}`);
        }
      }
      if (required.size > 0) cfnObject.required = [...required];
    },
    scalar(target, api, label) {
      if (api.type === 'string' && api.enum && target.type === 'string' && !target.enum) {
        target.enum = [...api.enum];
        report.enumsAdded.push(label);
      }
    },
  });

  return {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: ID_BASE + spec.file,
      title: `CloudFormation ${spec.typeName} properties`,
      $comment:
        `Generated by scripts/gen-schemas.ts from ${sourceNote}; do not edit. CloudFormation's own names, types, ` +
        'required properties and value lists (string maps keep any key), plus the required members of nested structures and the ' +
        `enums that ${spec.shape.replace(/Request$/, '')} enforces when CloudFormation calls it. Types are CloudFormation's: ` +
        'the linter applies CloudFormation\'s conversion of scalars (numbers and "true"/"false" written as strings) on top.',
      ...rootSchema,
      definitions: sortKeys(definitions),
    },
    report,
  };
}

export interface Generated {
  /** File name in schemas/generated -> content. */
  files: Record<string, Json>;
  report: { numbersNarrowed: string[]; cfn: Record<string, CfnMergeReport> };
}

export interface Sources {
  /** The API model, its numbers narrowed from CloudFormation's types. */
  model: Model;
  /** CloudFormation type name -> resource schema. */
  resources: Record<string, Json>;
  /** package -> installed version. */
  versions: Record<string, string>;
  /** `Type (root).Member` of every number narrowed to an integer. */
  numbersNarrowed: string[];
}

/** The API model and CloudFormation resources, from the installed packages. */
export function loadSources(): Sources {
  const roots = [...new Set([...API_SCHEMAS.flatMap((s) => (s.described ? [s.shape, s.described] : [s.shape])), ...NUMBER_TYPE_PAIRS.map((p) => p.shape)])];
  const sdk = loadSdkModel(roots);
  const cfn = loadCfnResources([...new Set(NUMBER_TYPE_PAIRS.map((p) => p.typeName))]);
  const numbersNarrowed: string[] = [];
  for (const pair of NUMBER_TYPE_PAIRS) {
    for (const label of narrowNumbers(sdk.model, cfn.resources[pair.typeName], pair.shape)) numbersNarrowed.push(`${pair.typeName} ${label}`);
  }
  return { model: sdk.model, resources: cfn.resources, versions: sortKeys({ ...sdk.versions, ...cfn.versions }), numbersNarrowed };
}

/** Every generated file, from the installed packages (or the sources given). */
export function generate(sources: Sources = loadSources()): Generated {
  const { model, resources, versions, numbersNarrowed } = sources;
  const files: Record<string, Json> = {};
  for (const spec of API_SCHEMAS) files[spec.file] = apiRequestSchema(model, spec);
  const cfnReports: Record<string, CfnMergeReport> = {};
  const cfnNote = `${CFN_SPEC_PACKAGE} ${versions[CFN_SPEC_PACKAGE]} and the ECS API model in ${model.source}`;
  for (const spec of CFN_SCHEMAS) {
    const { schema, report } = cfnResourceSchema(resources[spec.typeName], model, spec, `CloudFormation's ${spec.typeName} in ${cfnNote}`);
    files[spec.file] = schema;
    cfnReports[spec.typeName] = report;
  }

  files[SOURCES_FILE] = {
    $comment:
      'Written by scripts/gen-schemas.ts (npm run gen-schemas): the installed packages the schemas in this folder were generated from. Update a package (exact version in package.json), run npm run gen-schemas, review the diff.',
    packages: versions,
    schemas: Object.fromEntries([
      ...API_SCHEMAS.map((s) => [s.file, { from: SDK_PACKAGE, shape: s.shape, ...(s.described ? { readOnlyFrom: s.described } : {}) }]),
      ...CFN_SCHEMAS.map((s) => [s.file, { from: [CFN_SPEC_PACKAGE, SDK_PACKAGE], resource: s.typeName, shape: s.shape }]),
    ]),
    integersFrom: `${SDK_PACKAGE} has one kind for numbers: a number is an integer where ${CFN_SPEC_PACKAGE} types the same member as one (${NUMBER_TYPE_PAIRS.map((p) => `${p.typeName} beside ${p.shape}`).join(', ')}), any number elsewhere.`,
  };
  return { files, report: { numbersNarrowed, cfn: cfnReports } };
}

/** The JSON text a generated file is written as. */
export function fileText(content: Json): string {
  return JSON.stringify(content, null, 2) + '\n';
}

function main(): void {
  if (process.argv.length > 2) {
    process.stderr.write('usage: npm run gen-schemas (it reads the installed packages; it takes no arguments)\n');
    process.exit(2);
  }
  const { files, report } = generate();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(OUT_DIR, file), fileText(content));
  const sources = files[SOURCES_FILE].packages as Record<string, string>;
  process.stdout.write(
    `ecslint: wrote ${Object.keys(files).length} files to ${path.relative(root, OUT_DIR)} from ${Object.entries(sources)
      .map(([p, v]) => `${p} ${v}`)
      .join(', ')}\n`,
  );
  for (const [typeName, r] of Object.entries(report.cfn)) {
    process.stdout.write(`  ${typeName}: CloudFormation-only properties: ${r.cloudFormationOnly.join(', ') || 'none'}\n`);
    process.stdout.write(`  ${typeName}: required members added from the API model: ${r.requiredAdded.join(', ') || 'none'}\n`);
    process.stdout.write(`  ${typeName}: enums added from the API model: ${r.enumsAdded.join(', ') || 'none'}\n`);
  }
  process.stdout.write(`  integers (typed so by CloudFormation): ${report.numbersNarrowed.length}\n`);
}

if (require.main === module) main();
