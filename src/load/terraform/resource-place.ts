import * as fs from 'fs';
import * as path from 'path';
import { locate, type LoadProblem, type ParsedDocument } from '../../model/document';
import { isObject } from '../../model/object';
import type { Path } from '../../model/path';
import { LineIndex, type Range } from '../../model/text';
import type { Dialect, SourceFile, SourceUnit, TaskDefinitionRef, UnitForm, UnitKind } from '../../model/unit';
import { decode } from '../../files/decode';
import { readLintable } from '../../files/read';
import { FileReference, readReferencedJson } from './file-ref';
import type { TerraformNormalised } from './normalise-terraform';

/**
 * Where a Terraform resource is written: its body in a document (a .tf file, a .tf.json file, a plan's
 * `values`), and, when its `container_definitions` is read from another file by `file()` or
 * `templatefile()`, that file. Paths here are Terraform's, from the resource's body
 * (`['container_definitions', '0', 'privileged']`, `['volume', '1', 'host_path']`).
 */
export interface ResourcePlace {
  file: SourceFile;
  document: ParsedDocument;
  /** The path of the resource's body from the document's root. */
  prefix: string[];
  /**
   * The path its findings are reported at, when not `prefix`: a plan's resource is reported at
   * `/resource/<type>/<name>/…`, Terraform's configuration syntax, which stays the same from one plan to
   * the next (its place in the plan, `resources/3`, does not), so baselines keep matching.
   */
  reportedAs?: string[];
  /** The file `container_definitions` is read from, with its paths from that file's root. */
  containers?: ReferencedFile;
}

/** A file a .tf file reads: its text, its document when it is JSON, and the problems found in it. */
export interface ReferencedFile {
  file: SourceFile;
  document?: ParsedDocument;
  problems: LoadProblem[];
}

/** A path of the resource, placed: the document it is in, the path from that document's root, and the path it is reported at. */
function placeOf(place: ResourcePlace, tfPath: readonly string[]): { file: SourceFile; document: ParsedDocument; located: string[]; reported: string[] } {
  const c = place.containers;
  if (c?.document && tfPath.length > 1 && tfPath[0] === 'container_definitions') return { file: c.file, document: c.document, located: tfPath.slice(1), reported: tfPath.slice(1) };
  return { file: place.file, document: place.document, located: [...place.prefix, ...tfPath], reported: [...(place.reportedAs ?? place.prefix), ...tfPath] };
}

export interface TerraformUnitSpec {
  kind: UnitKind;
  form: UnitForm;
  name: string;
  normalised: TerraformNormalised;
  place: ResourcePlace;
  /** Units that can name each other: a module's folder, a plan's module instance. */
  scope: string;
  taskDefinitionRef?: TaskDefinitionRef;
}

/** A unit of a Terraform resource; its paths as written and its ranges resolve into the file each path is in. */
export function terraformUnit(spec: TerraformUnitSpec): SourceUnit {
  const { place, normalised } = spec;
  const dialect: Dialect = 'terraform';
  const prefix = place.reportedAs ?? place.prefix;
  return {
    kind: spec.kind,
    form: spec.form,
    dialect,
    name: spec.name,
    file: place.file,
    document: place.document,
    view: normalised.value,
    written: (p: Path) => placeOf(place, normalised.toWritten(p)).reported,
    range(p: Path): Range {
      const at = placeOf(place, normalised.toWritten(p));
      const span = locate(at.document, at.located);
      return at.file.lines.range(span.start, span.end);
    },
    fileOf(written: readonly string[]): SourceFile {
      // Paths in the resource's own document start with its prefix; the others are in the file container_definitions reads.
      const own = prefix.every((s, i) => written[i] === s);
      return own || !place.containers ? place.file : place.containers.file;
    },
    ignores: [],
    ...(spec.taskDefinitionRef ? { taskDefinitionRef: spec.taskDefinitionRef } : {}),
    scope: spec.scope,
  };
}

/**
 * Read the file a `file()` / `templatefile()` call names, relative to the folder of the .tf file that
 * calls it (Terraform's `path.module`; for a root module also the folder it runs in). Undefined when there
 * is no such file: it may be made by an earlier step of the build, so that is not a finding.
 */
export function readReference(ref: FileReference, tfPath: string): ReferencedFile | undefined {
  const target = ref.base === 'absolute' ? ref.path : path.join(path.dirname(tfPath), ref.path);
  if (!insideBoundary(target, tfPath)) return undefined;
  const read = readLintable(target);
  if (!('bytes' in read)) return undefined;
  const decoded = decode(read.bytes);
  const text = 'text' in decoded ? decoded.text : '';
  const file: SourceFile = { path: target, text, lines: new LineIndex(text), syntax: 'json' };
  if ('error' in decoded) return { file, problems: [{ code: 'syntax', detail: decoded.error, span: { start: 0, end: 1 } }] };
  const json = readReferencedJson(text, ref);
  if ('error' in json) {
    const detail = `${json.error.message} (${ref.fn}() in ${path.basename(tfPath)} reads this file as container definitions)`;
    return { file, problems: [{ code: 'syntax', detail, span: { start: json.error.offset, end: json.error.offset + 1 } }] };
  }
  return { file, document: json, problems: json.problems };
}

/**
 * Whether ecslint may read a file that a .tf file names: one inside the repository that holds the .tf file
 * (the nearest folder upward with a .git), or, outside a repository, inside the .tf file's folder. A .tf
 * file from an untrusted change (a pull request) must not make a CI run read, and quote in its findings,
 * files elsewhere on the machine; Terraform configurations name their container definitions next to them.
 */
function insideBoundary(target: string, tfPath: string): boolean {
  let real: string;
  let dir: string;
  try {
    real = fs.realpathSync(target);
    dir = fs.realpathSync(path.dirname(tfPath));
  } catch {
    return false;
  }
  let root = dir;
  for (let d = dir; ;) {
    if (fs.existsSync(path.join(d, '.git'))) {
      root = d;
      break;
    }
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  const rel = path.relative(root, real);
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}

/**
 * A resource body whose `container_definitions` is a `file()` / `templatefile()` call, with the call
 * replaced by what the file holds, and the place of the resource. Other bodies are returned as they are.
 */
export function resolveContainerFile(body: Record<string, unknown>, place: Omit<ResourcePlace, 'containers'>): { body: Record<string, unknown>; place: ResourcePlace } {
  const cd = body.container_definitions;
  if (!(cd instanceof FileReference)) return { body, place };
  const referenced = readReference(cd, place.file.path);
  if (!referenced) return { body, place };
  const resolved = isObject(body) ? { ...body, container_definitions: referenced.document ? referenced.document.value : cd } : body;
  return { body: resolved, place: { ...place, containers: referenced } };
}
