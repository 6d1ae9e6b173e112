/**
 * Terraform files are read with tree-sitter's HCL grammar (the Terraform dialect of
 * @tree-sitter-grammars/tree-sitter-hcl, whose npm package ships the compiled .wasm) run by web-tree-sitter:
 * nothing is built at install time, nothing native is loaded, every node has exact offsets (inside
 * `jsonencode()` objects and heredocs too), and all 88 HCL files of the real-world corpus parse without an
 * error. The other HCL2 parsers on npm (@cdktf/hcl2json, hcl2-json-parser) wrap tmccombs/hcl2json and return
 * JSON without positions; codemirror-lang-hcl (a Lezer grammar: synchronous, with positions) left error nodes
 * in 26 of those 88 files. Two costs: the grammar does not model HCL's newline rules, so it accepts a few
 * inputs Terraform rejects (two arguments on one line), and loading it is asynchronous (load-parser.ts).
 */
import type { Node } from 'web-tree-sitter';
import { LineIndex } from '../../model/text';
import type { SourceComment } from '../../model/unit';
import type { EntryLoc, LoadProblem, ParsedDocument } from '../../model/document';
import { BuildLoc, IdentityLocs, linkLocs } from './loc-tree';
import { setMember } from '../../model/object';
import { MAX_DEPTH, SyntaxProblem } from '../parsed';
import { Unknown } from '../../model/unknown';
import { parseEmbeddedJson } from './embedded-json';
import { FileReference, PathBase } from './file-ref';
import { hclParser } from './load-parser';
import { literalText, renderForJson, TemplatePart, templateParts } from './template';

/** A comment, with its 1-based line and column. */
export type HclComment = SourceComment;

/**
 * A .tf file in the shape of Terraform's JSON configuration syntax:
 * `{ resource: { <type>: { <name>: { <argument>: value, <block type>: [ {…}, … ] } } }, locals: { <name>: value } }`.
 * Every nested block is a list of objects, as in `terraform show -json` values, so one normaliser reads both.
 */
export interface HclDocument extends ParsedDocument {
  comments: HclComment[];
  /** The `file()` and `templatefile()` values in the document, for the caller to read. */
  fileReferences: FileReference[];
}

/** A file Terraform cannot parse: the first syntax error. */
export interface BrokenHcl {
  error: SyntaxProblem;
  comments: HclComment[];
}

export type HclFile = HclDocument | BrokenHcl;

/** Top-level blocks kept in the document: resources, and locals (which resources often refer to). */
const KEPT_BLOCKS = new Set(['resource', 'locals']);

/** Resource arguments whose string value is JSON (the provider decodes it). */
const JSON_ARGUMENTS = new Set(['container_definitions']);

/** Parse a .tf file. Needs `await loadHclParser()` first. */
export function parseHcl(text: string): HclFile {
  const tree = hclParser().parse(text);
  if (!tree) throw new Error('The HCL parser returned no tree.');
  try {
    const root = tree.rootNode;
    const comments = collectComments(root, text);
    if (root.hasError) return { error: firstSyntaxError(root, text), comments };
    const converter = new Converter(text);
    try {
      return { ...converter.document(root), comments, fileReferences: converter.fileReferences };
    } catch (err) {
      if (err instanceof SyntaxProblem) return { error: err, comments };
      throw err;
    }
  } finally {
    tree.delete();
  }
}

function collectComments(root: Node, text: string): HclComment[] {
  const nodes = root.descendantsOfType('comment');
  if (nodes.length === 0) return [];
  const lines = new LineIndex(text);
  return nodes
    .filter((n): n is Node => n !== null)
    .map((n) => {
      const { line, column } = lines.position(n.startIndex);
      // A line comment ends before the line break, CRLF included.
      const end = text.charCodeAt(n.endIndex - 1) === 0x0d ? n.endIndex - 1 : n.endIndex;
      return { text: text.slice(n.startIndex, end), start: n.startIndex, end, line, column };
    });
}

function firstSyntaxError(root: Node, text: string): SyntaxProblem {
  let found: Node | undefined;
  const visit = (n: Node): void => {
    if (found) return;
    if (n.isError || n.isMissing) {
      found = n;
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) visit(c);
  };
  visit(root);
  if (!found) return new SyntaxProblem('The file is not valid HCL.', 0);
  if (found.isMissing) {
    // Reported where the parser met the token that should have come after it.
    const next = text.slice(found.startIndex).search(/\S/);
    return new SyntaxProblem(`Missing ${describeToken(found.type)}.`, next === -1 ? text.length : found.startIndex + next);
  }
  let leaf: Node = found;
  while (leaf.childCount > 0) leaf = leaf.children[0];
  const at = leaf.startIndex;
  if (at >= text.length) return new SyntaxProblem('Unexpected end of file.', at);
  const word = text
    .slice(at, Math.max(leaf.endIndex, at + 1))
    .split('\n')[0]
    .slice(0, 40);
  return new SyntaxProblem(`Unexpected ${JSON.stringify(word)}: the file is not valid HCL.`, at);
}

const TOKEN_NAMES: Record<string, string> = {
  quoted_template_end: 'closing quote',
  heredoc_identifier: 'heredoc end marker',
  template_interpolation_end: '"}" ending an interpolation',
  block_end: '"}"',
  object_end: '"}"',
  tuple_end: '"]"',
};

function describeToken(type: string): string {
  return TOKEN_NAMES[type] ?? (/^[a-z_]+$/.test(type) ? type.replace(/_/g, ' ') : JSON.stringify(type));
}

/** Children that carry syntax (comments can sit anywhere in the tree). */
function syntax(n: Node): Node[] {
  return n.children.filter((c) => c.type !== 'comment');
}

class Converter {
  readonly locs: IdentityLocs = new WeakMap();
  readonly problems: LoadProblem[] = [];
  readonly fileReferences: FileReference[] = [];

  constructor(private readonly text: string) {}

  private src(n: Node): string {
    return this.text.slice(n.startIndex, n.endIndex);
  }

  private unknown(n: Node): Unknown {
    return new Unknown(this.src(n));
  }

  private container<T extends object>(value: T, start: number, end: number): { value: T; entries: Map<string, EntryLoc>; loc: BuildLoc } {
    const entries = new Map<string, EntryLoc>();
    const loc: BuildLoc = { start, end, entries };
    this.locs.set(value, loc);
    return { value, entries, loc };
  }

  document(root: Node): ParsedDocument {
    const doc = this.container<Record<string, unknown>>({}, root.startIndex, root.endIndex);
    const body = syntax(root).find((c) => c.type === 'body');
    for (const block of body ? syntax(body) : []) {
      if (block.type !== 'block') continue;
      const kids = syntax(block);
      const type = kids[0].text;
      if (!KEPT_BLOCKS.has(type)) continue;
      const labels = kids.filter((k) => k.type === 'string_lit' || k.type === 'identifier').slice(1);
      const blockBody = kids.find((k) => k.type === 'body');
      if (type === 'locals') {
        const locals = this.member(doc, 'locals', kids[0], block);
        if (blockBody) this.body(blockBody, locals.value, locals.entries, ['locals'], 1, 'Duplicate local value');
        continue;
      }
      if (labels.length !== 2) {
        this.problems.push({ code: 'syntax', detail: 'A resource block needs two labels: its type and its name.', span: { start: block.startIndex, end: kids[0].endIndex } });
        continue;
      }
      const resourceType = this.label(labels[0]);
      const name = this.label(labels[1]);
      const resources = this.member(doc, 'resource', kids[0], block);
      const ofType = this.member(resources, resourceType, labels[0], block);
      if (Object.hasOwn(ofType.value, name)) {
        this.problems.push({
          code: 'syntax',
          detail: `Duplicate resource "${resourceType}" configuration "${name}": Terraform refuses the module.`,
          span: { start: labels[1].startIndex, end: labels[1].endIndex },
        });
        continue;
      }
      const resource = this.container<Record<string, unknown>>({}, block.startIndex, block.endIndex);
      setMember(ofType.value, name, resource.value);
      // A missing argument is reported at the block's header: `resource "type" "name"`.
      ofType.entries.set(name, { keyStart: block.startIndex, keyEnd: labels[1].endIndex, start: block.startIndex, end: block.endIndex });
      if (blockBody) this.body(blockBody, resource.value, resource.entries, ['resource', resourceType, name], 1, 'Attribute redefined', true);
    }
    return { value: doc.value, loc: linkLocs(doc.value, this.locs), span: { start: root.startIndex, end: root.endIndex }, problems: this.problems };
  }

  /**
   * The object held by `key` in `parent`, made on first use; its entry spans from the first block that
   * names it to the last.
   */
  private member(
    parent: { value: Record<string, unknown>; entries: Map<string, EntryLoc> },
    key: string,
    keyNode: Node,
    block: Node,
  ): { value: Record<string, unknown>; entries: Map<string, EntryLoc> } {
    const existing = parent.value[key];
    const entry = parent.entries.get(key);
    if (Object.hasOwn(parent.value, key) && existing !== null && typeof existing === 'object' && entry) {
      entry.end = Math.max(entry.end, block.endIndex);
      const loc = this.locs.get(existing)!;
      loc.end = Math.max(loc.end, block.endIndex);
      return { value: existing as Record<string, unknown>, entries: loc.entries };
    }
    const made = this.container<Record<string, unknown>>({}, block.startIndex, block.endIndex);
    setMember(parent.value, key, made.value);
    parent.entries.set(key, { keyStart: keyNode.startIndex, keyEnd: keyNode.endIndex, start: block.startIndex, end: block.endIndex });
    return made;
  }

  private label(n: Node): string {
    if (n.type === 'identifier') return n.text;
    return literalText(templateParts(n, this.text)) ?? this.src(n);
  }

  /** The attributes and nested blocks of a block body, into `target`. */
  private body(body: Node, target: Record<string, unknown>, entries: Map<string, EntryLoc>, path: string[], depth: number, redefined: string, resourceTop = false): void {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, body.startIndex, true);
    const lists = new Map<string, { list: unknown[]; entries: Map<string, EntryLoc>; loc: BuildLoc }>();
    for (const item of syntax(body)) {
      const kids = syntax(item);
      const id = kids[0];
      const name = id.text;
      if (item.type === 'attribute') {
        const expr = kids[kids.length - 1];
        if (Object.hasOwn(target, name)) {
          this.problems.push({
            code: 'syntax',
            detail: `${redefined}: "${name}" is set more than once; Terraform refuses the module.`,
            span: { start: id.startIndex, end: id.endIndex },
            path: [...path, name],
          });
        }
        const json = resourceTop && JSON_ARGUMENTS.has(name);
        setMember(target, name, this.expression(expr, [...path, name], depth + 1, json));
        entries.set(name, { keyStart: id.startIndex, keyEnd: id.endIndex, start: expr.startIndex, end: expr.endIndex });
        continue;
      }
      if (item.type !== 'block') continue;
      const labels = kids.filter((k) => k.type === 'string_lit' || k.type === 'identifier').slice(1);
      const dynamic = name === 'dynamic' && labels.length === 1;
      const listName = dynamic ? this.label(labels[0]) : name;
      let list = lists.get(listName);
      if (!list) {
        if (Object.hasOwn(target, listName)) {
          this.problems.push({
            code: 'syntax',
            detail: `"${listName}" is set both as an argument and as a block; Terraform refuses the module.`,
            span: { start: id.startIndex, end: id.endIndex },
            path: [...path, listName],
          });
        }
        const made = this.container<unknown[]>([], item.startIndex, item.endIndex);
        list = { list: made.value, entries: made.entries, loc: made.loc };
        lists.set(listName, list);
        setMember(target, listName, made.value);
        const keyNode = dynamic ? labels[0] : id;
        entries.set(listName, { keyStart: keyNode.startIndex, keyEnd: keyNode.endIndex, start: item.startIndex, end: item.endIndex });
      }
      list.loc.end = item.endIndex;
      entries.get(listName)!.end = item.endIndex;
      const index = String(list.list.length);
      list.entries.set(index, { keyStart: item.startIndex, keyEnd: item.startIndex, start: item.startIndex, end: item.endIndex });
      if (dynamic) {
        // `dynamic "volume" { for_each = … }` makes any number of blocks, none included.
        const forEach = syntax(kids.find((k) => k.type === 'body') ?? item).find((a) => a.type === 'attribute' && syntax(a)[0].text === 'for_each');
        const label = `dynamic "${listName}"` + (forEach ? ` (for_each = ${this.src(syntax(forEach)[syntax(forEach).length - 1])})` : '');
        list.list.push(new Unknown(label, true));
        continue;
      }
      const blockBody = kids.find((k) => k.type === 'body');
      const block = this.container<Record<string, unknown>>({}, item.startIndex, item.endIndex);
      let inner = block;
      const innerPath = [...path, listName, index];
      // Labelled nested blocks (`provisioner "local-exec" {}`) nest by label, as in the JSON syntax.
      for (const l of labels) {
        const key = this.label(l);
        const next = this.container<Record<string, unknown>>({}, item.startIndex, item.endIndex);
        setMember(inner.value, key, next.value);
        inner.entries.set(key, { keyStart: l.startIndex, keyEnd: l.endIndex, start: item.startIndex, end: item.endIndex });
        innerPath.push(key);
        inner = next;
      }
      if (blockBody) this.body(blockBody, inner.value, inner.entries, innerPath, depth + 1, 'Attribute redefined');
      list.list.push(block.value);
    }
  }

  /** The value of an `expression` node. `json`: a string here holds JSON, which is read with positions. */
  private expression(node: Node, path: string[], depth: number, json = false): unknown {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, node.startIndex, true);
    const kids = syntax(node);
    if (kids.length === 3 && kids[0].type === '(' && kids[1].type === 'expression' && kids[2].type === ')') {
      return this.expression(kids[1], path, depth + 1, json);
    }
    if (kids.length !== 1) return this.unknown(node);
    const n = kids[0];
    switch (n.type) {
      case 'literal_value':
        return this.literal(n.children[0], path, json);
      case 'template_expr':
        return this.template(n.children[0], path, depth, json);
      case 'collection_value': {
        const c = n.children[0];
        return c.type === 'tuple' ? this.tuple(c, path, depth) : this.object(c, path, depth);
      }
      case 'function_call':
        return this.call(n, path, depth);
      default:
        // References, conditionals, for expressions, operations, splats.
        return this.unknown(node);
    }
  }

  private literal(n: Node, path: string[], json: boolean): unknown {
    switch (n.type) {
      case 'numeric_lit':
        return Number(n.text);
      case 'bool_lit':
        return n.text === 'true';
      case 'null_lit':
        return null;
      default:
        return this.template(n, path, 0, json);
    }
  }

  /** A quoted string or heredoc. */
  private template(n: Node, path: string[], depth: number, json: boolean): unknown {
    const parts = templateParts(n, this.text);
    // "${expr}" alone is the expression's own value (Terraform does not turn it into a string).
    if (n.type === 'quoted_template' && parts.length === 1 && parts[0].kind === 'interpolation' && parts[0].expression) {
      return this.expression(parts[0].expression, path, depth + 1, json);
    }
    if (json) return this.jsonTemplate(n, parts, path);
    const text = literalText(parts);
    return text === undefined ? this.unknown(n) : text;
  }

  /** A string that holds JSON: parsed with positions; `${...}` inside becomes `Unknown`. */
  private jsonTemplate(n: Node, parts: TemplatePart[], path: string[]): unknown {
    const rendered = renderForJson(parts, this.text);
    if (!rendered) return this.unknown(n);
    try {
      const { value, problems } = parseEmbeddedJson(rendered.made, this.locs, path, rendered.labels);
      this.problems.push(...problems);
      return value;
    } catch (err) {
      if (!(err instanceof SyntaxProblem)) throw err;
      // With placeholders left in, the rendered text may be JSON even when this is not (`"cpu": ${cpu}`).
      if (rendered.labels.length === 0) {
        this.problems.push({
          code: 'syntax',
          detail: `${path[path.length - 1]} is not valid JSON: ${err.message}`,
          span: { start: err.offset, end: err.offset + 1 },
          path,
        });
      }
      return this.unknown(n);
    }
  }

  private tuple(n: Node, path: string[], depth: number): unknown[] {
    const out = this.container<unknown[]>([], n.startIndex, n.endIndex);
    for (const item of syntax(n)) {
      if (item.type !== 'expression') continue;
      const index = String(out.value.length);
      out.entries.set(index, { keyStart: item.startIndex, keyEnd: item.startIndex, start: item.startIndex, end: item.endIndex });
      out.value.push(this.expression(item, [...path, index], depth + 1));
    }
    return out.value;
  }

  private object(n: Node, path: string[], depth: number): unknown {
    const elems = syntax(n).filter((c) => c.type === 'object_elem');
    const keys: string[] = [];
    for (const e of elems) {
      const key = this.objectKey(syntax(e)[0]);
      // A key computed from an expression (`(local.name) = …`) leaves the object's members unknown.
      if (key === undefined) return this.unknown(n);
      keys.push(key);
    }
    const out = this.container<Record<string, unknown>>({}, n.startIndex, n.endIndex);
    elems.forEach((e, i) => {
      const kids = syntax(e);
      const keyNode = kids[0];
      const valueNode = kids[kids.length - 1];
      const key = keys[i];
      if (out.entries.has(key)) {
        this.problems.push({
          code: 'duplicate-key',
          detail: key,
          span: { start: keyNode.startIndex, end: keyNode.endIndex },
          path: [...path, key],
        });
      }
      setMember(out.value, key, this.expression(valueNode, [...path, key], depth + 1));
      out.entries.set(key, { keyStart: keyNode.startIndex, keyEnd: keyNode.endIndex, start: valueNode.startIndex, end: valueNode.endIndex });
    });
    return out.value;
  }

  /** An object key: a bare name or a literal; undefined when it is computed. */
  private objectKey(keyExpr: Node): string | undefined {
    const kids = syntax(keyExpr);
    if (kids.length !== 1) return undefined;
    const k = kids[0];
    if (k.type === 'variable_expr') return k.text;
    if (k.type === 'literal_value') {
      const v = k.children[0];
      if (v.type === 'string_lit') return literalText(templateParts(v, this.text));
      if (v.type === 'numeric_lit') return String(Number(v.text));
      if (v.type === 'bool_lit') return v.text;
      return undefined;
    }
    if (k.type === 'template_expr') return literalText(templateParts(k.children[0], this.text));
    return undefined;
  }

  private call(n: Node, path: string[], depth: number): unknown {
    const kids = syntax(n);
    const name = kids[0].text;
    const args = syntax(kids.find((k) => k.type === 'function_arguments') ?? n).filter((k) => k.type === 'expression');
    const expanded = kids.some((k) => k.type === 'function_arguments' && syntax(k).some((a) => a.type === 'ellipsis'));
    if (expanded) return this.unknown(n);
    if (name === 'jsonencode' && args.length === 1) return this.expression(args[0], path, depth + 1);
    if ((name === 'file' && args.length === 1) || (name === 'templatefile' && args.length === 2)) {
      const target = this.filePath(args[0]);
      if (!target) return this.unknown(n);
      let vars: Record<string, unknown> | undefined;
      if (name === 'templatefile') {
        const v = this.expression(args[1], [...path, '(vars)'], depth + 1);
        vars = v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) ? (v as Record<string, unknown>) : {};
      }
      const ref = new FileReference(this.src(n), name, target.path, target.base, { start: n.startIndex, end: n.endIndex }, vars);
      this.fileReferences.push(ref);
      return ref;
    }
    return this.unknown(n);
  }

  /** The path of a file() / templatefile() call, when it is a literal, optionally after `${path.module}/`. */
  private filePath(arg: Node): { path: string; base: PathBase } | undefined {
    const kids = syntax(arg);
    if (kids.length !== 1) return undefined;
    const t = kids[0].type === 'literal_value' || kids[0].type === 'template_expr' ? kids[0].children[0] : undefined;
    if (!t || (t.type !== 'string_lit' && t.type !== 'quoted_template')) return undefined;
    const parts = templateParts(t, this.text);
    let base: PathBase = 'cwd';
    let rest = parts;
    const first = parts[0];
    if (first?.kind === 'interpolation') {
      const ref = first.expression ? this.src(first.expression).trim() : '';
      const bases: Record<string, PathBase> = { 'path.module': 'module', 'path.root': 'root', 'path.cwd': 'cwd' };
      if (!Object.hasOwn(bases, ref)) return undefined;
      base = bases[ref];
      rest = parts.slice(1);
    }
    const text = literalText(rest);
    if (text === undefined || text === '') return undefined;
    if (first?.kind === 'interpolation') return { path: text.replace(/^\/+/, ''), base };
    if (text.startsWith('/')) return { path: text, base: 'absolute' };
    return { path: text, base };
  }
}
