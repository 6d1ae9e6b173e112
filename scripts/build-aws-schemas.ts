/**
 * Build step: compile the checked-in task-definition schemas (schemas/generated/, written by
 * scripts/gen-schemas.ts from AWS's API model and CloudFormation's resource schema) to standalone
 * ajv code, so that ecslint never compiles a schema at run time. Beside the validators it writes, by
 * instance path, the property names of every object (what an unknown property's did-you-mean
 * suggestion is chosen from) and the values of every enum.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

const root = path.join(__dirname, '..', '..');
const outDir = path.join(root, 'dist', 'generated');

/** Export name -> checked-in schema file. */
export const AWS_SCHEMAS: Record<string, string> = {
  taskDefinitionApi: path.join(root, 'schemas', 'generated', 'task-definition.api.schema.json'),
  taskDefinitionCloudFormation: path.join(root, 'schemas', 'generated', 'task-definition.cfn.schema.json'),
};

/** What the linter looks up in a schema by instance path, besides validating. */
export interface SchemaTables {
  /** Pattern -> the property names the object there may have. */
  properties: Record<string, string[]>;
  /** Pattern -> the values the enum there allows. */
  enums: Record<string, string[]>;
}

/**
 * Tables keyed by instance-path pattern: a JSON Pointer with `*` for any list index, such as
 * `/containerDefinitions/${'*'}/logConfiguration`. ajv's schema paths are relative to the definition a
 * `$ref` entered, so they do not say which object an error is about; the instance path does.
 */
export function schemaTables(schema: Record<string, unknown>): SchemaTables {
  const definitions = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
  const tables: SchemaTables = { properties: {}, enums: {} };
  const walk = (node: Record<string, unknown>, pattern: string, refs: Set<string>): void => {
    const ref = node.$ref as string | undefined;
    if (ref !== undefined) {
      const name = ref.replace(/^#\/definitions\//, '');
      if (refs.has(name) || !definitions[name]) return; // a recursive shape: stop where it repeats
      walk(definitions[name], pattern, new Set([...refs, name]));
      return;
    }
    if (Array.isArray(node.enum)) tables.enums[pattern] = node.enum.map(String);
    const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
    if (properties) {
      tables.properties[pattern === '' ? '/' : pattern] = Object.keys(properties);
      for (const [name, sub] of Object.entries(properties)) walk(sub, `${pattern}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, refs);
    }
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) walk(node.items as Record<string, unknown>, `${pattern}/*`, refs);
  };
  walk(schema, '', new Set());
  return tables;
}

function main(): void {
  const tables: Record<string, SchemaTables> = {};
  fs.mkdirSync(outDir, { recursive: true });
  // One module a schema: a run loads the validator of the forms it reads (an API task definition does not
  // load CloudFormation's, about 3 ms of a one-file run).
  for (const [name, file] of Object.entries(AWS_SCHEMAS)) {
    const ajv = new Ajv({ code: { source: true, esm: false }, allErrors: true, strict: false, messages: false });
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    ajv.addSchema(schema, name);
    tables[name] = schemaTables(schema);
    fs.writeFileSync(path.join(outDir, `aws-schema-${name}.js`), standaloneCode(ajv, { validate: name }));
  }
  fs.writeFileSync(path.join(outDir, 'aws-schema-tables.json'), JSON.stringify(tables));
  process.stderr.write(`ecslint: compiled ${Object.keys(AWS_SCHEMAS).length} AWS schemas\n`);
}

if (require.main === module) main();
