/**
 * Reads CloudFormation resource types from the installed @aws-cdk/aws-service-spec package (the
 * AWS CDK's database of CloudFormation resources, built from CloudFormation's resource provider
 * schemas) and writes each as a resource schema of CloudFormation's own form: `properties`,
 * `definitions` (one per property type), `required`, `readOnlyProperties`. The CDK database keeps
 * CloudFormation's names, types, required properties and the value lists it records
 * (`allowedValues`); it does not keep lengths, patterns, ranges or `uniqueItems`.
 */
import * as fs from 'fs';
import * as path from 'path';

type Json = Record<string, unknown>;

export const CFN_SPEC_PACKAGE = '@aws-cdk/aws-service-spec';

/** The parts of the CDK database's types the reader uses. */
interface SpecType {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' | 'ref' | 'array' | 'map' | 'union';
  allowedValues?: Array<string | number>;
  reference?: { $ref: string };
  element?: SpecType;
  types?: SpecType[];
}

interface SpecProperty {
  type: SpecType;
  required?: boolean;
}

interface TypeDefinition {
  $id: string;
  name: string;
  properties: Record<string, SpecProperty>;
}

interface Resource {
  $id: string;
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, { type: SpecType }>;
}

interface SpecDatabase {
  lookup(collection: 'resource', index: 'cloudFormationType', op: 'equals', value: string): { only(): Resource };
  get(collection: 'typeDefinition', id: string): TypeDefinition;
}

/** CloudFormation's standard tag, which the CDK database names rather than defines. */
const TAG_DEFINITION: Json = {
  type: 'object',
  additionalProperties: false,
  properties: { Key: { type: 'string' }, Value: { type: 'string' } },
};

export interface CfnSource {
  /** CloudFormation type name -> resource schema. */
  resources: Record<string, Json>;
  versions: Record<string, string>;
}

function packageVersion(name: string, from?: string): string {
  const file = require.resolve(`${name}/package.json`, from ? { paths: [from] } : undefined);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

function resourceSchema(db: SpecDatabase, resource: Resource): Json {
  const definitions: Record<string, Json> = {};

  const schemaOf = (t: SpecType): Json => {
    switch (t.type) {
      case 'string':
      case 'integer':
      case 'number':
      case 'boolean':
      case 'null':
        return t.allowedValues ? { type: t.type, enum: [...t.allowedValues] } : { type: t.type };
      case 'date-time':
        return { type: 'string' };
      case 'json':
        return {};
      case 'tag':
        definitions.Tag ??= TAG_DEFINITION;
        return { $ref: '#/definitions/Tag' };
      case 'array':
        return { type: 'array', items: schemaOf(t.element!) };
      case 'map':
        return { type: 'object', additionalProperties: schemaOf(t.element!) };
      case 'union': {
        const options = t.types!.map(schemaOf);
        // A union with an untyped (json) member takes anything.
        return options.some((o) => Object.keys(o).length === 0) ? {} : { anyOf: options };
      }
      case 'ref': {
        const def = db.get('typeDefinition', t.reference!.$ref);
        if (!definitions[def.name]) {
          definitions[def.name] = {}; // placeholder against recursive types
          definitions[def.name] = objectSchema(def.properties);
        }
        return { $ref: `#/definitions/${def.name}` };
      }
      default:
        throw new Error(`${resource.cloudFormationType}: a property type the generator does not know (${JSON.stringify(t)}).`);
    }
  };

  const objectSchema = (props: Record<string, SpecProperty>): Json => {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const [name, prop] of Object.entries(props)) {
      properties[name] = schemaOf(prop.type);
      if (prop.required) required.push(name);
    }
    const out: Json = { type: 'object', additionalProperties: false, properties };
    if (required.length > 0) out.required = required;
    return out;
  };

  const root = objectSchema(resource.properties);
  const properties = root.properties as Record<string, Json>;
  const readOnly: string[] = [];
  for (const [name, attr] of Object.entries(resource.attributes)) {
    if (name.includes('.') || properties[name]) continue;
    properties[name] = schemaOf(attr.type);
    readOnly.push(`/properties/${name}`);
  }
  return {
    typeName: resource.cloudFormationType,
    ...root,
    readOnlyProperties: readOnly,
    definitions,
  };
}

/** The resource schemas of the named CloudFormation types. */
export function loadCfnResources(typeNames: string[]): CfnSource {
  const { loadAwsServiceSpecSync } = require(CFN_SPEC_PACKAGE) as { loadAwsServiceSpecSync(): SpecDatabase };
  const db = loadAwsServiceSpecSync();
  const resources: Record<string, Json> = {};
  for (const typeName of typeNames) resources[typeName] = resourceSchema(db, db.lookup('resource', 'cloudFormationType', 'equals', typeName).only());
  const specDir = path.dirname(require.resolve(`${CFN_SPEC_PACKAGE}/package.json`));
  return {
    resources,
    versions: {
      [CFN_SPEC_PACKAGE]: packageVersion(CFN_SPEC_PACKAGE),
      '@aws-cdk/service-spec-types': packageVersion('@aws-cdk/service-spec-types', specDir),
    },
  };
}
