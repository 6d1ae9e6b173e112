import * as path from 'path';
import { locate, type LoadProblem, type ParsedDocument } from '../model/document';
import { isObject } from '../model/object';
import { LineIndex } from '../model/text';
import { MODULE_SCOPE, type SourceFile, type SourceUnit, type TaskDefinitionRef } from '../model/unit';
import { Unknown } from '../model/unknown';
import { parseTaskDefinitionName } from './extract-service';
import type { LoadedFile, RelatedFile } from './load-file';
import { hclParserFailure, hclParserLoaded } from './terraform/load-parser';
import { RESOURCE_NAMES } from './terraform/names';
import { normaliseTerraform, type UnknownArgument } from './terraform/normalise-terraform';
import { parseHcl } from './terraform/parse-hcl';
import { ReferencedFile, resolveContainerFile, ResourcePlace, terraformUnit } from './terraform/resource-place';

/**
 * Terraform configuration: `.tf` files (HCL, read with the parser that `loadHclParser()` loads) and
 * `.tf.json` files (Terraform's JSON syntax). Their `aws_ecs_task_definition` and `aws_ecs_service`
 * resources become units of form `terraform`, in the API's view, whose paths as written are Terraform's
 * (`/resource/aws_ecs_task_definition/web/network_mode`). Units of one module (one folder) share a scope,
 * so that a service finds the task definition it references in another file of the module.
 */

const NO_ECS_RESOURCE = 'a Terraform file without an aws_ecs_task_definition or aws_ecs_service resource';
const ECS_RESOURCE = /\baws_ecs_(task_definition|service)\b/;

export const TASK_DEFINITION = 'aws_ecs_task_definition';
export const SERVICE = 'aws_ecs_service';

/** The scope of a module: its folder. */
export function moduleScope(filePath: string): string {
  return `${MODULE_SCOPE}${path.resolve(path.dirname(filePath))}`;
}

/** Load a .tf file's text. Needs `await loadHclParser()` first. */
export function loadHcl(text: string, filePath: string): LoadedFile {
  // Most .tf files of a repository declare no ECS resource: they are not parsed (nor are their syntax errors reported).
  if (!ECS_RESOURCE.test(text)) {
    const file: SourceFile = { path: filePath, text, lines: new LineIndex(text), syntax: 'hcl' };
    return { file, units: [], problems: [{ code: 'unrecognised', detail: NO_ECS_RESOURCE, span: { start: 0, end: 1 } }] };
  }
  if (!hclParserLoaded()) throw new Error(hclParserFailure() ?? 'The Terraform (HCL) parser is not loaded: call prepareTerraform() (or use lintTextAsync) before linting .tf text.');
  const parsed = parseHcl(text);
  const file: SourceFile = { path: filePath, text, lines: new LineIndex(text), syntax: 'hcl', comments: parsed.comments };
  if ('error' in parsed) {
    return { file, units: [], problems: [{ code: 'syntax', detail: parsed.error.message, span: { start: parsed.error.offset, end: parsed.error.offset + 1 } }] };
  }
  return configurationUnits(parsed, file);
}

/** Load a .tf.json file: the JSON document already parsed, in Terraform's JSON syntax. */
export function loadTerraformJson(doc: ParsedDocument, file: SourceFile): LoadedFile {
  const { readTerraformJson } = require('./terraform/tf-json') as typeof import('./terraform/tf-json');
  const problems = readTerraformJson(doc, file.text);
  return configurationUnits({ ...doc, problems: [...doc.problems, ...problems] }, file);
}

/** The units of a configuration file. */
function configurationUnits(doc: ParsedDocument, file: SourceFile): LoadedFile {
  const units: SourceUnit[] = [];
  const problems: LoadProblem[] = [...doc.problems];
  const related = new Map<string, RelatedFile>();
  const scope = moduleScope(file.path);
  const resources = isObject(doc.value) && isObject(doc.value.resource) ? doc.value.resource : {};
  for (const type of [TASK_DEFINITION, SERVICE]) {
    const ofType = resources[type];
    if (!isObject(ofType)) continue;
    for (const [name, raw] of Object.entries(ofType)) {
      if (!isObject(raw)) continue;
      const basePlace = { file, document: doc, prefix: ['resource', type, name] };
      const { body, place } = type === TASK_DEFINITION ? resolveContainerFile(raw, basePlace) : { body: raw, place: basePlace as ResourcePlace };
      const address = `${type}.${name}`;
      if (place.containers) addRelated(related, place.containers, address);
      const normalised = normaliseTerraform(body, RESOURCE_NAMES[type]);
      for (const u of normalised.unknownArguments) problems.push(unknownArgumentProblem(doc, basePlace.prefix, u, address));
      units.push(
        terraformUnit({
          kind: type === TASK_DEFINITION ? 'task-definition' : 'service',
          form: 'terraform',
          name: address,
          normalised,
          place,
          scope,
          ...(type === SERVICE ? taskDefinitionRefOf(body.task_definition) : {}),
        }),
      );
    }
  }
  if (units.length === 0 && !problems.some((p) => p.code === 'syntax')) {
    problems.push({ code: 'unrecognised', detail: NO_ECS_RESOURCE, span: { start: 0, end: 1 } });
  }
  return { file, units, problems, ...(related.size > 0 ? { related: [...related.values()] } : {}) };
}

function unknownArgumentProblem(doc: ParsedDocument, prefix: string[], u: UnknownArgument, address: string): LoadProblem {
  const path = [...prefix, ...u.written];
  const name = u.written[u.written.length - 1];
  const suggestion = u.suggestion ? ` (did you mean "${u.suggestion}"?)` : '';
  return {
    code: 'unknown-argument',
    detail: `${address} sets "${name}", which the AWS provider does not have${suggestion}: Terraform refuses the configuration unless a provider newer than ecslint's names (provider 6) added it. It is not checked.`,
    span: locate(doc, path),
    path,
  };
}

function addRelated(related: Map<string, RelatedFile>, referenced: ReferencedFile, unitName: string): void {
  const key = path.resolve(referenced.file.path);
  const known = related.get(key);
  if (known) known.units.push(unitName);
  else related.set(key, { file: referenced.file, problems: referenced.problems, units: [unitName] });
}

/** `aws_ecs_task_definition.web.arn`, `"${aws_ecs_task_definition.web.family}:${…}"`: a reference to one task definition of the module. */
const REFERENCE = /(?<![\w.-])aws_ecs_task_definition\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** The task definition a service's `task_definition` names: a family or ARN, or a resource of the module. */
export function taskDefinitionRefOf(value: unknown): { taskDefinitionRef?: TaskDefinitionRef } {
  if (typeof value === 'string') {
    const ref = parseTaskDefinitionName(value);
    return ref ? { taskDefinitionRef: ref } : {};
  }
  if (!(value instanceof Unknown)) return {};
  const names = new Set([...value.label.matchAll(REFERENCE)].map((m) => m[1]));
  return names.size === 1 ? { taskDefinitionRef: { resource: `${TASK_DEFINITION}.${[...names][0]}` } } : {};
}

/** Whether a JSON document is a `terraform show -json` plan. */
export function isPlan(value: unknown): boolean {
  return (require('./terraform/plan') as typeof import('./terraform/plan')).isTerraformPlan(value);
}

/**
 * A `terraform show -json` plan: the ECS resources of `planned_values`, named by address. Each is placed
 * in the `.tf` file that declares it when the configuration is beside the plan (plan-config.ts) and the
 * HCL parser is loaded, and at its `values` in the plan otherwise. `needsHcl` says that the configuration is
 * there but the parser is not loaded: the caller may load it and load the plan again.
 */
export function loadTerraformPlan(doc: ParsedDocument, file: SourceFile): LoadedFile {
  const { readPlanResources } = require('./terraform/plan') as typeof import('./terraform/plan');
  const { planConfiguration, hasConfigurationBeside } = require('./terraform/plan-config') as typeof import('./terraform/plan-config');
  const { resources, problems } = readPlanResources(doc, file.text);
  const config = planConfiguration(doc.value, file.path);
  const units: SourceUnit[] = [];
  const related = new Map<string, RelatedFile>();
  const instances = (module: string, type: string, name: string) => resources.filter((r) => r.module === module && r.type === type && r.name === name);
  for (const r of resources) {
    const placed = config.place(r.module, r.type, r.name);
    if (placed) {
      addRelated(related, { file: placed.file, problems: [] }, r.address);
      if (placed.containers) addRelated(related, placed.containers, r.address);
    }
    let ref = r.type === SERVICE ? taskDefinitionRefOf(r.values.task_definition) : {};
    if (r.type === SERVICE && !ref.taskDefinitionRef) {
      // Known only after apply: the configuration says which task definition of the module it references.
      const named = new Set(
        config
          .references(r.module, r.type, r.name, 'task_definition')
          .map((x) => /^aws_ecs_task_definition\.([A-Za-z_][A-Za-z0-9_-]*)/.exec(x)?.[1])
          .filter((x): x is string => x !== undefined),
      );
      const targets = named.size === 1 ? instances(r.module, TASK_DEFINITION, [...named][0]) : [];
      if (targets.length === 1) ref = { taskDefinitionRef: { resource: targets[0].address } };
    }
    units.push(
      terraformUnit({
        kind: r.type === TASK_DEFINITION ? 'task-definition' : 'service',
        form: 'terraform',
        name: r.address,
        normalised: normaliseTerraform(r.values, RESOURCE_NAMES[r.type]),
        place: placed ?? { file, document: doc, prefix: r.valuesPath, reportedAs: ['resource', r.type, r.name] },
        scope: `${file.path}#${r.module}`,
        ...ref,
      }),
    );
  }
  const needsHcl = !hclParserLoaded() && resources.length > 0 && hasConfigurationBeside(file.path);
  if (units.length === 0 && !problems.some((p) => p.code === 'syntax')) {
    problems.push({ code: 'unrecognised', detail: 'a Terraform plan without aws_ecs_task_definition or aws_ecs_service resources', span: { start: 0, end: 1 } });
  }
  return { file, units, problems, ...(related.size > 0 ? { related: [...related.values()] } : {}), ...(needsHcl ? { needsHcl } : {}) };
}
