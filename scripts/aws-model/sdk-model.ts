/**
 * Reads the ECS API model from the installed @aws-sdk/client-ecs package into the neutral model
 * (model.ts). Two parts of the package each carry what the other lacks:
 *
 * - its Smithy schema objects (the exported `XxxRequest$` structures, read through @smithy/core's
 *   NormalizedSchema, the version the client itself uses): every structure, list, map and scalar kind,
 *   and the required members (a structure lists its required members first and records how many);
 * - its type declarations (dist-types/models/*.d.ts): which enum a member takes (`networkMode?:
 *   NetworkMode`), the members of a union, and `@deprecated`. The enums' values are the package's own
 *   exported enum objects.
 *
 * Neither says whether a number is whole (Smithy's integer and double share one schema kind): such
 * shapes are marked `numericKindUnknown` and narrowed later from CloudFormation's types. Neither keeps
 * the model's length, range or pattern constraints.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import type { MemberRef, Model, ModelShape } from './model';

/** The parts of @smithy/core's NormalizedSchema the reader uses. */
interface Normalized {
  getName(): string | undefined;
  getSchema(): unknown;
  isStructSchema(): boolean;
  isUnionSchema(): boolean;
  isListSchema(): boolean;
  isMapSchema(): boolean;
  isStringSchema(): boolean;
  isNumericSchema(): boolean;
  isBigIntegerSchema(): boolean;
  isBigDecimalSchema(): boolean;
  isBooleanSchema(): boolean;
  isTimestampSchema(): boolean;
  isBlobSchema(): boolean;
  isDocumentSchema(): boolean;
  getValueSchema(): Normalized;
  structIterator(): Iterable<[string, Normalized]>;
}

interface DeclaredMember {
  optional: boolean;
  /** The member's type as declared, without `| undefined`. */
  type: string;
  deprecated: boolean;
}

interface Declarations {
  /** Structure name -> member -> declaration. */
  structures: Map<string, Map<string, DeclaredMember>>;
  /** Union name -> member -> declaration (each union member is its own `XxxMember` interface). */
  unions: Map<string, Map<string, DeclaredMember>>;
  deprecatedStructures: Set<string>;
}

export const SDK_PACKAGE = '@aws-sdk/client-ecs';

export interface SdkSource {
  model: Model;
  /** package name -> installed version, for every package the model was read from. */
  versions: Record<string, string>;
}

function packageDir(name: string, from?: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, from ? { paths: [from] } : undefined));
}

function packageVersion(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function hasTag(node: ts.Node, tag: string): boolean {
  return ts.getJSDocTags(node).some((t) => t.tagName.text === tag);
}

function declaredMembers(decl: ts.InterfaceDeclaration, source: ts.SourceFile): Map<string, DeclaredMember> {
  const out = new Map<string, DeclaredMember>();
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const name = m.name.getText(source);
    const type = m.type.getText(source).replace(/\s*\|\s*undefined$/, '');
    out.set(name, { optional: m.questionToken !== undefined, type, deprecated: hasTag(m, 'deprecated') });
  }
  return out;
}

/** The interfaces of the package's type declarations, by name. */
function readDeclarations(clientDir: string): Declarations {
  const dir = path.join(clientDir, 'dist-types', 'models');
  const result: Declarations = { structures: new Map(), unions: new Map(), deprecatedStructures: new Set() };
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.d.ts'))
    .sort()) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const stmt of source.statements) {
      if (ts.isInterfaceDeclaration(stmt)) {
        result.structures.set(stmt.name.text, declaredMembers(stmt, source));
        if (hasTag(stmt, 'deprecated')) result.deprecatedStructures.add(stmt.name.text);
      } else if (ts.isModuleDeclaration(stmt) && stmt.body && ts.isModuleBlock(stmt.body)) {
        // `namespace U { interface AMember { a: A; b?: never; $unknown?: never } … }`
        const members = new Map<string, DeclaredMember>();
        for (const inner of stmt.body.statements) {
          if (!ts.isInterfaceDeclaration(inner) || !/Member$/.test(inner.name.text) || inner.name.text === '$UnknownMember') continue;
          for (const [name, m] of declaredMembers(inner, source)) if (!m.optional && m.type !== 'never') members.set(name, { ...m, optional: true });
        }
        if (members.size > 0) result.unions.set(stmt.name.text, members);
      }
    }
  }
  return result;
}

/** The name inside list and map wrappers: `Compatibility[]` -> Compatibility, `Record<string, string>` -> string. */
function innermostType(type: string): string {
  let t = type.trim();
  for (;;) {
    const list = /^(.*)\[\]$/.exec(t);
    if (list) {
      t = list[1].trim().replace(/^\((.*)\)$/, '$1');
      continue;
    }
    const map = /^Record<\s*string\s*,\s*(.*)>$/.exec(t);
    if (map) {
      t = map[1].trim();
      continue;
    }
    return t;
  }
}

/** The values of an enum the package exports (`export const NetworkMode = { AWSVPC: "awsvpc", … }`). */
function enumValues(sdk: Record<string, unknown>, name: string): string[] | undefined {
  const value = sdk[name];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const values = Object.values(value as Record<string, unknown>);
  return values.length > 0 && values.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
}

/**
 * The model of the given operation inputs (and any other structures named), with every shape they reach.
 * Structure shapes keep the model's names; lists, maps and numbers get the name `Owner.member`.
 */
export function loadSdkModel(rootStructures: string[]): SdkSource {
  const clientDir = packageDir(SDK_PACKAGE);
  const smithyDir = packageDir('@smithy/core', clientDir);

  const sdk = require(clientDir) as Record<string, unknown>;

  const { NormalizedSchema } = require(require.resolve('@smithy/core/schema', { paths: [clientDir] })) as { NormalizedSchema: { of(ref: unknown): Normalized } };
  const declarations = readDeclarations(clientDir);
  const shapes: Record<string, ModelShape> = {};

  const scalar = (ns: Normalized, owner: string, member: string, declaredType: string | undefined): string => {
    const enumName = declaredType === undefined ? undefined : innermostType(declaredType);
    const values = enumName === undefined ? undefined : enumValues(sdk, enumName);
    if (values && ns.isStringSchema()) {
      shapes[enumName!] ??= { type: 'string', enum: values };
      return enumName!;
    }
    const shared = (name: string, shape: ModelShape): string => {
      shapes[name] ??= shape;
      return name;
    };
    if (ns.isStringSchema()) return shared('String', { type: 'string' });
    if (ns.isBooleanSchema()) return shared('Boolean', { type: 'boolean' });
    if (ns.isTimestampSchema()) return shared('Timestamp', { type: 'timestamp' });
    if (ns.isBlobSchema()) return shared('Blob', { type: 'blob' });
    if (ns.isDocumentSchema()) return shared('Document', { type: 'document' });
    if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
      const name = `${owner}.${member}`;
      shapes[name] = { type: 'number', numericKindUnknown: true };
      return name;
    }
    throw new Error(`${owner}.${member}: a schema kind the generator does not know.`);
  };

  /** The shape name for the schema of `owner.member` (declared in TypeScript as `declaredType`). */
  const visit = (ns: Normalized, owner: string, member: string, declaredType: string | undefined): string => {
    if (ns.isStructSchema()) return structure(ns);
    if (ns.isListSchema()) {
      const name = `${owner}.${member}`;
      shapes[name] = { type: 'list', member: { shape: visit(ns.getValueSchema(), owner, `${member}[]`, declaredType) } };
      return name;
    }
    if (ns.isMapSchema()) {
      const name = `${owner}.${member}`;
      shapes[name] = { type: 'map', key: { shape: scalarKey() }, value: { shape: visit(ns.getValueSchema(), owner, `${member}{}`, declaredType) } };
      return name;
    }
    return scalar(ns, owner, member, declaredType);
  };

  const scalarKey = (): string => {
    shapes.String ??= { type: 'string' };
    return 'String';
  };

  const structure = (ns: Normalized): string => {
    const name = ns.getName();
    if (!name) throw new Error('A structure schema without a name.');
    if (shapes[name]) return name;
    const union = ns.isUnionSchema();
    const declared = union ? declarations.unions.get(name) : declarations.structures.get(name);
    if (!declared) throw new Error(`${SDK_PACKAGE} declares no ${union ? 'union' : 'interface'} ${name}.`);
    const shape: ModelShape = { type: 'structure', members: {} };
    if (union) shape.union = true;
    if (declarations.deprecatedStructures.has(name)) shape.deprecated = true;
    shapes[name] = shape; // before the members: structures can be recursive
    const memberNames: string[] = [];
    for (const [member, memberSchema] of ns.structIterator()) {
      const decl = declared.get(member);
      if (!decl) throw new Error(`${SDK_PACKAGE}: ${name}.${member} is in the schema but not in the type declarations.`);
      const ref: MemberRef = { shape: visit(memberSchema, name, member, decl.type) };
      if (decl.deprecated) ref.deprecated = true;
      shape.members![member] = ref;
      memberNames.push(member);
    }
    // A static structure schema is [3, namespace, name, traits, memberNames, memberSchemas, requiredCount?]:
    // the first requiredCount members are the required ones.
    const staticSchema = ns.getSchema() as unknown[];
    const requiredCount = typeof staticSchema[6] === 'number' ? staticSchema[6] : 0;
    const required = memberNames.slice(0, requiredCount);
    if (!union) {
      const declaredRequired = memberNames.filter((m) => !declared.get(m)!.optional);
      if (declaredRequired.join() !== required.join()) {
        throw new Error(`${SDK_PACKAGE}: ${name}'s required members differ between its schema (${required.join(', ')}) and its type declarations (${declaredRequired.join(', ')}).`);
      }
    }
    if (required.length > 0) shape.required = required;
    return name;
  };

  for (const root of rootStructures) {
    const schema = sdk[`${root}$`];
    if (!schema) throw new Error(`${SDK_PACKAGE} exports no schema ${root}$.`);
    structure(NormalizedSchema.of(schema));
  }

  const versions = { [SDK_PACKAGE]: packageVersion(clientDir), '@smithy/core': packageVersion(smithyDir) };
  return { model: { source: `${SDK_PACKAGE} ${versions[SDK_PACKAGE]}`, shapes }, versions };
}
