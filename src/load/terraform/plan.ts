import type { LoadProblem, ParsedDocument } from '../../model/document';
import { SyntaxProblem } from '../parsed';
import { Unknown } from '../../model/unknown';
import { parseEmbeddedJson } from './embedded-json';
import { entryAt, IdentityLocs, linkLocs } from './loc-tree';
import { MappedText } from './mapped-text';

/**
 * ECS resources in a `terraform show -json` plan. Their `values` are the provider's own attribute
 * values, in the same shape as a .tf file read by parseHcl (snake_case arguments, every nested block a
 * list of objects), except that numbers the provider stores as strings (`cpu`, `memory`) are strings.
 */

export const PLAN_RESOURCE_TYPES = ['aws_ecs_task_definition', 'aws_ecs_service'] as const;
export type PlanResourceType = (typeof PLAN_RESOURCE_TYPES)[number];

export interface PlanResource {
  /** `module.app.aws_ecs_task_definition.web[0]`. */
  address: string;
  /** The module's address, `''` for the root module. */
  module: string;
  type: PlanResourceType;
  name: string;
  /** `count` or `for_each` index, when the resource has one. */
  index?: number | string;
  /** Path segments from the document's root to `values`. */
  valuesPath: string[];
  values: Record<string, unknown>;
}

export interface PlanRead {
  resources: PlanResource[];
  problems: LoadProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown);

/** Whether a parsed JSON document is a `terraform show -json` plan. */
export function isTerraformPlan(value: unknown): boolean {
  return isObject(value) && typeof value.format_version === 'string' && isObject(value.planned_values);
}

/**
 * List the ECS resources in `planned_values` (root module and nested child modules). In place, in
 * `doc.value`: each `container_definitions` JSON string is replaced by its parsed value, positioned inside
 * the string in `text` (escapes mapped, so `\"` counts as two characters); and each attribute that the
 * plan lists as known only after apply (`resource_changes[].change.after_unknown`) becomes an `Unknown`.
 */
export function readPlanResources(doc: ParsedDocument, text: string): PlanRead {
  const out: PlanRead = { resources: [], problems: [] };
  const root = doc.value;
  if (!isObject(root) || !isObject(root.planned_values)) return out;
  const afterUnknown = unknownAfterApply(root.resource_changes);
  const walkModule = (mod: unknown, path: string[], depth: number): void => {
    if (!isObject(mod) || depth > 100) return;
    const moduleAddress = typeof mod.address === 'string' ? mod.address : '';
    if (Array.isArray(mod.resources)) {
      mod.resources.forEach((r, i) => {
        if (!isObject(r) || r.mode !== 'managed' || !PLAN_RESOURCE_TYPES.includes(r.type as PlanResourceType)) return;
        if (!isObject(r.values) || typeof r.address !== 'string' || typeof r.name !== 'string') return;
        const valuesPath = [...path, 'resources', String(i), 'values'];
        const resource: PlanResource = {
          address: r.address,
          module: moduleAddress,
          type: r.type as PlanResourceType,
          name: r.name,
          valuesPath,
          values: r.values,
        };
        if (typeof r.index === 'number' || typeof r.index === 'string') resource.index = r.index;
        markUnknown(r.values, afterUnknown.get(r.address), 0);
        if (resource.type === 'aws_ecs_task_definition') expandContainerDefinitions(doc, text, resource, out.problems);
        out.resources.push(resource);
      });
    }
    if (Array.isArray(mod.child_modules)) mod.child_modules.forEach((c, i) => walkModule(c, [...path, 'child_modules', String(i)], depth + 1));
  };
  walkModule(root.planned_values.root_module, ['planned_values', 'root_module'], 0);
  return out;
}

function unknownAfterApply(changes: unknown): Map<string, unknown> {
  const byAddress = new Map<string, unknown>();
  if (!Array.isArray(changes)) return byAddress;
  for (const c of changes) {
    if (isObject(c) && typeof c.address === 'string' && isObject(c.change)) byAddress.set(c.address, c.change.after_unknown);
  }
  return byAddress;
}

/** Put an `Unknown` where the plan says a value is known only after apply and `values` has none. */
function markUnknown(values: unknown, unknown: unknown, depth: number): void {
  if (depth > 50) return;
  if (isObject(values) && isObject(unknown)) {
    for (const [k, u] of Object.entries(unknown)) {
      if (u === true && (values[k] === undefined || values[k] === null)) values[k] = new Unknown('(known after apply)');
      else markUnknown(values[k], u, depth + 1);
    }
  } else if (Array.isArray(values) && Array.isArray(unknown)) {
    unknown.forEach((u, i) => {
      if (u === true && (values[i] === undefined || values[i] === null)) values[i] = new Unknown('(known after apply)');
      else markUnknown(values[i], u, depth + 1);
    });
  }
}

function expandContainerDefinitions(doc: ParsedDocument, text: string, resource: PlanResource, problems: LoadProblem[]): void {
  const raw = resource.values.container_definitions;
  const entry = entryAt(doc, [...resource.valuesPath.map(String), 'container_definitions']);
  if (typeof raw !== 'string' || !entry) return;
  const made = decodeJsonString(text, entry.start, entry.end);
  const path = [...resource.valuesPath, 'container_definitions'];
  try {
    const locs: IdentityLocs = new WeakMap();
    const { value, problems: found } = parseEmbeddedJson(made, locs, path);
    resource.values.container_definitions = value;
    entry.loc = linkLocs(value, locs);
    problems.push(...found);
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    problems.push({ code: 'syntax', detail: `container_definitions is not valid JSON: ${err.message}`, span: { start: err.offset, end: err.offset + 1 }, path });
    resource.values.container_definitions = new Unknown(raw);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The content of the JSON string token at [start, end) in `text`, with its escapes decoded and mapped. */
export function decodeJsonString(text: string, start: number, end: number): MappedText {
  const made = new MappedText();
  let run = start + 1;
  let i = run;
  const stop = end - 1;
  while (i < stop) {
    if (text.charCodeAt(i) !== 0x5c) {
      i++;
      continue;
    }
    made.appendVerbatim(text.slice(run, i), run);
    const e = text[i + 1];
    if (e === 'u') {
      made.appendAtom(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else {
      made.appendAtom(SIMPLE_ESCAPES[e] ?? e, i, i + 2);
      i += 2;
    }
    run = i;
  }
  made.appendVerbatim(text.slice(run, stop), run);
  return made;
}
