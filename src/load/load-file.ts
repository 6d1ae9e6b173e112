import * as path from 'path';
import type { LoadProblem, ParsedDocument } from '../model/document';
import { LineIndex } from '../model/text';
import type { SourceFile, SourceUnit } from '../model/unit';
import { decode } from '../files/decode';
import { extractUnits } from './extract';
import { parseJson } from './parse-json';
import type { YamlParse } from './parse-yaml';
import { SyntaxProblem } from './parsed';
import { makeUnit } from './unit-spec';

/** One file after loading: its units, and the problems with its text. */
export interface LoadedFile {
  file: SourceFile;
  units: SourceUnit[];
  problems: LoadProblem[];
  /**
   * Other files the units are written in: a JSON file that Terraform's file() or templatefile() reads as
   * container definitions, the .tf file a plan's resource is declared in. Findings there are reported
   * under that file.
   */
  related?: RelatedFile[];
  /** A Terraform plan whose configuration is beside it, loaded before the HCL parser was: loaded again once it is, it is placed in its .tf files. */
  needsHcl?: boolean;
}

/** A file that units of another file are written in, the problems found in it, and the names of those units. */
export interface RelatedFile {
  file: SourceFile;
  problems: LoadProblem[];
  units: string[];
}

/** Files that are JSON by name: never read as YAML, so a broken one cannot pass as a YAML string. */
const JSON_EXT = new Set(['.json', '.template']);
const YAML_EXT = new Set(['.yaml', '.yml']);
const HCL_EXT = '.tf';

/**
 * Terraform in JSON: a .tf.json configuration file (by name), or a `terraform show -json` plan (by its
 * top-level members, `format_version` and `planned_values`). Undefined for any other JSON document.
 */
function terraformJson(doc: ParsedDocument | { error: unknown }, file: SourceFile): LoadedFile | undefined {
  if ('error' in doc) return undefined;
  if (file.path.toLowerCase().endsWith('.tf.json')) return (require('./load-terraform') as typeof import('./load-terraform')).loadTerraformJson(doc, file);
  const v = doc.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !('format_version' in v) || !('planned_values' in v)) return undefined;
  const terraform = require('./load-terraform') as typeof import('./load-terraform');
  return terraform.isPlan(v) ? terraform.loadTerraformPlan(doc, file) : undefined;
}

/** Load a file's bytes. Never throws for anything the file holds. */
export function loadBytes(bytes: Uint8Array, filePath: string): LoadedFile {
  const decoded = decode(bytes);
  if ('error' in decoded) {
    // One character per byte, so that the offset of the bad byte is its position (lines still end at \n).
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const file: SourceFile = { path: filePath, text, lines: new LineIndex(text), syntax: 'json' };
    return { file, units: [], problems: [{ code: 'syntax', detail: decoded.error, span: { start: decoded.byteOffset, end: decoded.byteOffset + 1 } }] };
  }
  return loadText(decoded.text, filePath);
}

/** Load text already decoded (standard input, an editor buffer). A .tf file needs the HCL parser loaded (`loadHclParser()`). */
export function loadText(rawText: string, filePath: string): LoadedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const ext = path.extname(filePath).toLowerCase();
  const jsonByName = JSON_EXT.has(ext);
  const blankSyntax = ext === HCL_EXT ? 'hcl' : jsonByName ? 'json' : 'yaml';
  const blank = (syntax: SourceFile['syntax']): SourceFile => ({ path: filePath, text, lines: new LineIndex(text), syntax });
  if (text.trim() === '') return { file: blank(blankSyntax), units: [], problems: [{ code: 'unrecognised', detail: 'empty', span: { start: 0, end: 0 } }] };

  const markers = conflictMarkers(text);
  if (markers.length > 0) return { file: blank(blankSyntax), units: [], problems: markers };

  // The Terraform reader is loaded only when a file needs it.
  if (ext === HCL_EXT) return (require('./load-terraform') as typeof import('./load-terraform')).loadHcl(text, filePath);

  const parsed = parseDocuments(text, jsonByName, YAML_EXT.has(ext));
  const file: SourceFile = { path: filePath, text: parsed.text, lines: new LineIndex(parsed.text), syntax: parsed.json ? 'json' : 'yaml', ...(parsed.text !== text ? { repaired: true } : {}) };
  const terraform = parsed.json && parsed.documents.length === 1 ? terraformJson(parsed.documents[0], file) : undefined;
  if (terraform) return terraform;
  const units: SourceUnit[] = [];
  const problems: LoadProblem[] = [];
  const unrecognised: string[] = [];
  const multi = parsed.documents.length > 1;
  parsed.documents.forEach((doc, index) => {
    const document = multi ? { document: index } : {};
    if ('error' in doc) {
      problems.push({ code: 'syntax', detail: doc.error.message, span: { start: doc.error.offset, end: doc.error.offset + 1 }, ...(index > 0 ? { document: index } : {}) });
      return;
    }
    const extraction = extractUnits(doc.value);
    if (extraction.units.length === 0) {
      if (extraction.unrecognised) unrecognised.push(extraction.unrecognised);
      return;
    }
    for (const p of doc.problems) problems.push({ ...p, ...document });
    const scope = `${filePath}#${index}`;
    for (const spec of extraction.units) units.push(makeUnit(spec, file, doc as ParsedDocument, multi ? index : undefined, scope));
  });
  if (units.length === 0 && !problems.some((p) => p.code === 'syntax')) {
    problems.push({ code: 'unrecognised', detail: unrecognised[0] ?? 'empty', span: { start: 0, end: 1 } });
  }
  return { file, units, problems };
}

const MARKER = /^(<{7}|={7}|>{7})(?:[ \t].*)?$/gm;

/**
 * Merge-conflict markers left in a file. A real conflict has an opening `<<<<<<<` and a closing `>>>>>>>`;
 * a lone `=======` (a YAML block scalar's underline) is not one.
 */
function conflictMarkers(text: string): LoadProblem[] {
  if (!text.includes('<<<<<<<') || !text.includes('>>>>>>>')) return [];
  const out: LoadProblem[] = [];
  for (const m of text.matchAll(MARKER)) {
    const marker = m[0].replace(/\r$/, '');
    out.push({ code: 'conflict-marker', detail: marker.slice(0, 7), span: { start: m.index, end: m.index + marker.length } });
  }
  const opens = out.some((p) => p.detail.startsWith('<')) && out.some((p) => p.detail.startsWith('>'));
  return opens ? out : [];
}

type Parsed = YamlParse & { json?: boolean };

function parseDocuments(text: string, jsonByName: boolean, yamlByName: boolean): Parsed {
  const c = text[text.search(/\S/)];
  if (jsonByName || c === '{' || c === '[') {
    try {
      return { documents: [parseJson(text)], text, json: true };
    } catch (err) {
      if (!(err instanceof SyntaxProblem)) throw err;
      // A YAML file may open with a flow collection; any other file keeps the JSON error.
      if (!yamlByName || err.final) return { documents: [{ error: err }], text, json: true };
    }
  }
  // The YAML library is loaded only when a file needs it.

  return (require('./parse-yaml') as typeof import('./parse-yaml')).parseYaml(text);
}
