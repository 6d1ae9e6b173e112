/**
 * Fact tables (facts/*.yaml): AWS facts that only the documentation states, one table a file. Every
 * entry names the AWS page it comes from (`source`) and the date it was last checked against it
 * (`asOf`); it may quote the sentence relied on (`quote`) and say what is uncertain (`note`).
 *
 * A rule file refers to a table as `{ $fact: <table name> }` anywhere in its options; the build
 * replaces the reference with the table's entries, less those provenance keys, so that a fact is
 * written in one place and the rule functions see plain data.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';

export const PROVENANCE_KEYS = ['source', 'asOf', 'quote', 'note'] as const;

export interface FactTable {
  description: string;
  entries: Array<Record<string, unknown>>;
}

const FACT_TABLE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['description', 'entries'],
  properties: {
    description: { type: 'string', minLength: 1 },
    entries: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['source', 'asOf'],
        properties: {
          source: { type: 'string', pattern: '^https://docs\\.aws\\.amazon\\.com/' },
          asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          quote: { type: 'string', minLength: 1 },
          note: { type: 'string', minLength: 1 },
        },
      },
    },
  },
};

/** Every table in `dir`, by file name without extension; throws listing every invalid table. */
export function loadFactTables(dir: string): Record<string, FactTable> {
  const validate = new Ajv({ allErrors: true }).compile(FACT_TABLE_SCHEMA);
  const tables: Record<string, FactTable> = {};
  const problems: string[] = [];
  if (!fs.existsSync(dir)) return tables;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    // YAML's core schema reads 2026-12-02 as a string, which is what asOf is.
    const table = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    if (!validate(table)) {
      problems.push(`${file}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
      continue;
    }
    tables[file.replace(/\.ya?ml$/, '')] = table as unknown as FactTable;
  }
  if (problems.length > 0) throw new Error(`Invalid fact tables:\n  ${problems.join('\n  ')}`);
  return tables;
}

/** A table's entries as rules see them: without the provenance keys. */
export function factEntries(table: FactTable): Array<Record<string, unknown>> {
  return table.entries.map((entry) => Object.fromEntries(Object.entries(entry).filter(([k]) => !(PROVENANCE_KEYS as readonly string[]).includes(k))));
}

function isFactReference(node: unknown): node is { $fact: string } {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1 && typeof (node as { $fact?: unknown }).$fact === 'string';
}

/** `node` with every `{ $fact: name }` replaced by that table's entries; throws on an unknown table. */
export function resolveFacts(node: unknown, tables: Record<string, FactTable>): unknown {
  if (isFactReference(node)) {
    const table = tables[node.$fact];
    if (!table) throw new Error(`no fact table "${node.$fact}" in facts/ (known: ${Object.keys(tables).join(', ') || 'none'})`);
    return factEntries(table);
  }
  if (Array.isArray(node)) return node.map((item) => resolveFacts(item, tables));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, resolveFacts(v, tables)]));
  }
  return node;
}
