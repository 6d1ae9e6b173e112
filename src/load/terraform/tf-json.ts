import type { LoadProblem, ParsedDocument } from '../../model/document';
import { isObject, setMember } from '../../model/object';
import { isPlaceholderString, Unknown } from '../../model/unknown';
import { SyntaxProblem } from '../parsed';
import { parseEmbeddedJson } from './embedded-json';
import { entryAt, IdentityLocs, linkLocs } from './loc-tree';
import { decodeJsonString } from './plan';

/**
 * A .tf.json file (Terraform's JSON configuration syntax, https://developer.hashicorp.com/terraform/language/syntax/json)
 * holds the same tree the HCL reader makes, with two differences this module removes, in place:
 * `container_definitions` is a JSON string (read here with positions inside it, as in a plan), and a
 * `dynamic` block is written as `"dynamic": { "<block type>": {…} }` (made here an unknown item of that
 * block type's list, as the HCL reader does). Every other string is a template: a `${…}` in it is unknown
 * to the normaliser. A block written once may be one object instead of a list; the normaliser reads both.
 */
export function readTerraformJson(doc: ParsedDocument, text: string): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const root = doc.value;
  const resources = isObject(root) && isObject(root.resource) ? root.resource : undefined;
  if (!resources) return problems;
  for (const [type, byName] of Object.entries(resources)) {
    if (!isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (!isObject(body)) continue;
      dynamicBlocks(body, 0);
      if (type === 'aws_ecs_task_definition') readContainerDefinitions(doc, text, body, ['resource', type, name, 'container_definitions'], problems);
    }
  }
  return problems;
}

function readContainerDefinitions(doc: ParsedDocument, text: string, body: Record<string, unknown>, path: string[], problems: LoadProblem[]): void {
  const raw = body.container_definitions;
  const entry = entryAt(doc, path);
  if (typeof raw !== 'string' || !entry) return;
  if (isPlaceholderString(raw) || raw.includes('%{')) {
    body.container_definitions = new Unknown(raw);
    return;
  }
  try {
    const locs: IdentityLocs = new WeakMap();
    const { value, problems: found } = parseEmbeddedJson(decodeJsonString(text, entry.start, entry.end), locs, path);
    body.container_definitions = value;
    entry.loc = linkLocs(value, locs);
    problems.push(...found);
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    problems.push({ code: 'syntax', detail: `container_definitions is not valid JSON: ${err.message}`, span: { start: err.offset, end: err.offset + 1 }, path });
    body.container_definitions = new Unknown(raw);
  }
}

/** `"dynamic": { "volume": {…} }` -> an unknown item (that may be no item at all) of `volume`, at every depth. */
function dynamicBlocks(body: Record<string, unknown>, depth: number): void {
  if (depth > 50) return;
  for (const value of Object.values(body)) {
    for (const item of Array.isArray(value) ? value : [value]) if (isObject(item)) dynamicBlocks(item, depth + 1);
  }
  const dynamic = body.dynamic;
  if (!isObject(dynamic) && !Array.isArray(dynamic)) return;
  delete body.dynamic;
  for (const group of Array.isArray(dynamic) ? dynamic : [dynamic]) {
    if (!isObject(group)) continue;
    for (const label of Object.keys(group)) {
      const existing = body[label];
      const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [existing];
      list.push(new Unknown(`dynamic "${label}"`, true));
      setMember(body, label, list);
    }
  }
}
