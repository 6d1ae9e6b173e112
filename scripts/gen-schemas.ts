/**
 * `npm run gen-schemas -- <ecs service-2.json> <AWS::ECS::TaskDefinition resource schema>`
 *
 * Writes the two JSON Schemas that the schema rules (td-unknown-property, td-type, td-enum,
 * td-required-member) check task definitions against, from AWS's own descriptions:
 *
 * - schemas/generated/task-definition.api.schema.json: the RegisterTaskDefinition request of the ECS
 *   API model (botocore's service-2.json), shape by shape: members, types, enums, required members,
 *   min/max. The members that only DescribeTaskDefinition returns (taskDefinitionArn, revision, …) are
 *   added as `readOnly` so that a saved describe output is not a list of unknown properties.
 * - schemas/generated/task-definition.cfn.schema.json: CloudFormation's resource schema for
 *   AWS::ECS::TaskDefinition (PascalCase, CloudFormation's own types), with what ECS itself enforces
 *   once CloudFormation calls RegisterTaskDefinition added from the API model: the required members of
 *   nested structures and the enums CloudFormation leaves open (logDriver).
 *
 * Both files are checked in; the build compiles them to standalone validators
 * (scripts/build-aws-schemas.ts), so neither the model nor ajv's compiler is read at run time.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { cfnToApiName } from '../src/load/normalise';

type Json = Record<string, unknown>;

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string; deprecated?: boolean }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  required?: string[];
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  deprecated?: boolean;
}

interface Model {
  metadata: { apiVersion: string; uid?: string };
  shapes: Record<string, ModelShape>;
}

const root = path.join(__dirname, '..', '..');
const outDir = path.join(root, 'schemas', 'generated');
export const API_SCHEMA_FILE = path.join(outDir, 'task-definition.api.schema.json');
export const CFN_SCHEMA_FILE = path.join(outDir, 'task-definition.cfn.schema.json');

const REQUEST_SHAPE = 'RegisterTaskDefinitionRequest';
const DESCRIBED_SHAPE = 'TaskDefinition';

/** The JSON Schema of one shape of the model; structures become definitions, the rest is inlined. */
export function apiTaskDefinitionSchema(model: Model, sourceNote: string): Json {
  const shapes = model.shapes;
  const definitions: Record<string, Json> = {};

  const shapeOf = (name: string): ModelShape => {
    const s = shapes[name];
    if (!s) throw new Error(`The model has no shape "${name}".`);
    return s;
  };

  const inline = (name: string): Json => {
    const s = shapeOf(name);
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
        const key = shapeOf(s.key!.shape);
        const keySchema = scalar(key);
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
      case 'long':
        out.type = 'integer';
        if (s.min !== undefined) out.minimum = s.min;
        if (s.max !== undefined) out.maximum = s.max;
        break;
      case 'float':
      case 'double':
        out.type = 'number';
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

  const request = structure(shapeOf(REQUEST_SHAPE));
  const properties = request.properties as Record<string, Json>;
  const described = shapeOf(DESCRIBED_SHAPE);
  for (const [member, ref] of Object.entries(described.members ?? {})) {
    if (properties[member]) continue;
    properties[member] = { ...inline(ref.shape), readOnly: true };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://ecslint.dev/schemas/generated/task-definition.api.schema.json',
    title: 'Amazon ECS RegisterTaskDefinition request',
    $comment: `Generated by scripts/gen-schemas.ts from ${sourceNote}; do not edit. Members marked readOnly are returned by DescribeTaskDefinition and not accepted by RegisterTaskDefinition.`,
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

export interface CfnMergeReport {
  /** CloudFormation properties with no API member (`Definition.Property`). */
  cloudFormationOnly: string[];
  /** Required members added from the API model (`Definition.Property`). */
  requiredAdded: string[];
  /** Enums added from the API model (`Definition.Property`). */
  enumsAdded: string[];
}

/** CloudFormation's resource schema, reduced to validation keywords and joined with the API model's constraints. */
export function cfnTaskDefinitionSchema(resource: Json, model: Model, sourceNote: string): { schema: Json; report: CfnMergeReport } {
  const definitions = mapValues((resource.definitions ?? {}) as Json, stripAnnotations) as Record<string, Json>;
  const properties = mapValues((resource.properties ?? {}) as Json, stripAnnotations) as Record<string, Json>;
  const report: CfnMergeReport = { cloudFormationOnly: [], requiredAdded: [], enumsAdded: [] };
  for (const pointer of (resource.readOnlyProperties as string[] | undefined) ?? []) {
    const name = pointer.replace(/^\/properties\//, '');
    if (properties[name]) properties[name] = { ...properties[name], readOnly: true };
  }

  const resolve = (schema: Json): { schema: Json; name?: string } => {
    const ref = schema.$ref as string | undefined;
    if (!ref) return { schema };
    const name = ref.replace(/^#\/definitions\//, '');
    const target = definitions[name];
    if (!target) throw new Error(`The CloudFormation schema has no definition "${name}".`);
    return { schema: target, name };
  };

  const visited = new Set<string>();
  /** Walk a CloudFormation object schema beside the API structure it is translated to. */
  const join = (cfnObject: Json, label: string, apiShapeName: string, isRoot: boolean): void => {
    const key = `${label}=${apiShapeName}`;
    if (visited.has(key)) return;
    visited.add(key);
    const api = model.shapes[apiShapeName];
    const props = (cfnObject.properties ?? {}) as Record<string, Json>;
    const apiMembers = api.members ?? {};
    const cfnNameOf = new Map<string, string>();
    for (const cfnName of Object.keys(props)) {
      const apiName = cfnToApiName(cfnName);
      if (!apiMembers[apiName]) {
        report.cloudFormationOnly.push(`${label}.${cfnName}`);
        continue;
      }
      cfnNameOf.set(apiName, cfnName);
    }
    // At the root CloudFormation supplies what the request needs (it names the family itself).
    if (!isRoot) {
      const required = new Set((cfnObject.required as string[] | undefined) ?? []);
      for (const apiName of api.required ?? []) {
        const cfnName = cfnNameOf.get(apiName);
        if (cfnName && !required.has(cfnName)) {
          required.add(cfnName);
          report.requiredAdded.push(`${label}.${cfnName}`);
        }
      }
      if (required.size > 0) cfnObject.required = [...required];
    }
    for (const [apiName, cfnName] of cfnNameOf) {
      let apiShapeName = apiMembers[apiName].shape;
      let cfnSchema = props[cfnName];
      if (model.shapes[apiShapeName].type === 'list' && cfnSchema.type === 'array' && cfnSchema.items) {
        cfnSchema = cfnSchema.items as Json;
        apiShapeName = model.shapes[apiShapeName].member!.shape;
      }
      const apiShape = model.shapes[apiShapeName];
      const { schema: target, name } = resolve(cfnSchema);
      if (apiShape.type === 'structure' && target.type === 'object') {
        join(target, name ?? `${label}.${cfnName}`, apiShapeName, false);
      } else if (apiShape.type === 'string' && apiShape.enum && target.type === 'string' && !target.enum) {
        target.enum = [...apiShape.enum];
        report.enumsAdded.push(`${label}.${cfnName}`);
      }
    }
  };

  const rootSchema: Json = { type: 'object', additionalProperties: resource.additionalProperties ?? false, properties };
  if (Array.isArray(resource.required) && resource.required.length > 0) rootSchema.required = [...(resource.required as string[])];
  join(rootSchema, '(root)', REQUEST_SHAPE, true);

  return {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://ecslint.dev/schemas/generated/task-definition.cfn.schema.json',
      title: `CloudFormation ${String(resource.typeName ?? 'AWS::ECS::TaskDefinition')} properties`,
      $comment:
        `Generated by scripts/gen-schemas.ts from ${sourceNote}; do not edit. CloudFormation's own schema ` +
        '(annotations dropped; string maps keep any key), plus the required members of nested structures and the ' +
        'enums that RegisterTaskDefinition enforces when CloudFormation calls it. Types are CloudFormation\'s: ' +
        'the linter applies CloudFormation\'s conversion of scalars (numbers and "true"/"false" written as strings) on top.',
      ...rootSchema,
      definitions: sortKeys(definitions),
    },
    report,
  };
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function main(): void {
  const [modelPath, cfnPath] = process.argv.slice(2);
  if (!modelPath || !cfnPath) {
    process.stderr.write('usage: npm run gen-schemas -- <ecs service-2.json> <cfn AWS::ECS::TaskDefinition schema.json>\n');
    process.exit(2);
  }
  const modelText = fs.readFileSync(modelPath, 'utf8');
  const cfnText = fs.readFileSync(cfnPath, 'utf8');
  const model = JSON.parse(modelText) as Model;
  const resource = JSON.parse(cfnText) as Json;
  if (!model.shapes?.[REQUEST_SHAPE]) throw new Error(`${modelPath} is not the ECS API model (no ${REQUEST_SHAPE} shape).`);
  if (resource.typeName !== 'AWS::ECS::TaskDefinition') throw new Error(`${cfnPath} is not the AWS::ECS::TaskDefinition resource schema.`);

  const modelNote = `the ECS API model ${model.metadata.uid ?? model.metadata.apiVersion} (${path.basename(modelPath)}, sha256 ${sha256(modelText).slice(0, 16)})`;
  const cfnNote = `CloudFormation's ${String(resource.typeName)} resource schema (${path.basename(cfnPath)}, sha256 ${sha256(cfnText).slice(0, 16)}) and ${modelNote}`;
  const api = apiTaskDefinitionSchema(model, modelNote);
  const { schema: cfn, report } = cfnTaskDefinitionSchema(resource, model, cfnNote);

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(API_SCHEMA_FILE, JSON.stringify(api, null, 2) + '\n');
  fs.writeFileSync(CFN_SCHEMA_FILE, JSON.stringify(cfn, null, 2) + '\n');
  const rel = (p: string) => path.relative(root, p);
  process.stdout.write(`ecslint: wrote ${rel(API_SCHEMA_FILE)} (${Object.keys(api.definitions as Json).length} structures) and ${rel(CFN_SCHEMA_FILE)}\n`);
  process.stdout.write(`  CloudFormation-only properties: ${report.cloudFormationOnly.join(', ') || 'none'}\n`);
  process.stdout.write(`  required members added from the API model: ${report.requiredAdded.join(', ') || 'none'}\n`);
  process.stdout.write(`  enums added from the API model: ${report.enumsAdded.join(', ') || 'none'}\n`);
}

if (require.main === module) main();
