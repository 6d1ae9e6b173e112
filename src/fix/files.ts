import * as fs from 'fs';
import type { Overrides } from '../config/resolve';
import { expandPaths } from '../files/expand';
import { readLintable } from '../files/read';
import { lintBuffer, lintBufferAsync, lintFiles, type LintFilesResult, type Baseline } from '../index';
import { decode } from '../files/decode';
import type { FileResult, Finding } from '../model/finding';
import { configFor } from '../pipeline';
import { findingKey, fixText, type FixOutcome } from './apply';
import { withoutFixes } from './strip';

/**
 * `ecslint --fix` and `--fix-dry-run` over files: each file is fixed on its own (lint -> fix -> lint, see
 * apply.ts) and, with --fix, written back with its byte-order mark; then the paths are linted as a run, so the
 * report is what a plain run would give on the fixed files. With --fix-dry-run nothing is written, and the
 * report's findings carry the fixes that --fix would apply to them.
 */

export interface FixFilesOptions {
  overrides?: Overrides;
  baseline?: Baseline;
  /** Write the fixed files (--fix); otherwise only report the fixes (--fix-dry-run). */
  write: boolean;
  /** Which findings to fix (all by default). */
  accept?: (finding: Finding) => boolean;
  onProgress?: (done: number, total: number) => void;
  threads?: number | 'auto';
}

export interface FixFilesResult extends LintFilesResult {
  /** One line per file that was fixed, or whose fixes were not all applied: for stderr. */
  notes: string[];
}

const UTF8_BOM = '\ufeff';

export async function fixFiles(paths: string[], options: FixFilesOptions): Promise<FixFilesResult> {
  const overrides = options.overrides ?? {};
  const notes: string[] = [];
  const fixedByFile = new Map<string, Finding[]>();
  for (const entry of expandPaths(paths).files) {
    // No rule fixes HCL: a .tf file is only linted below.
    if (entry.path.toLowerCase().endsWith('.tf') || configFor(entry.path, { overrides }).ignored) continue;
    const read = readLintable(entry.path);
    if (!('bytes' in read)) continue; // the lint below reports it
    const bytes = read.bytes;
    // Only UTF-8 files are written back; UTF-16 ones keep their findings and are left alone.
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) continue;
    const decoded = decode(bytes);
    if ('error' in decoded) continue;
    const outcome = fixText(decoded.text, (text) => lintBuffer(Buffer.from(text, 'utf8'), { filePath: entry.path, overrides }), options.accept ? { accept: options.accept } : {});
    fixedByFile.set(entry.path, outcome.fixedInInput);
    notes.push(...describe(entry.path, outcome, options.write));
    if (options.write && outcome.applied > 0) {
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? UTF8_BOM : '';
      try {
        fs.writeFileSync(entry.path, bom + outcome.output);
      } catch (err) {
        notes.push(`${entry.path}: the fixes could not be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
      }
    }
  }
  const linted = await lintFiles(paths, {
    overrides,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
  const results = options.write ? linted.results.map(withoutFixes) : linted.results.map((r) => keepFixes(r, fixedByFile.get(r.filePath) ?? []));
  return { ...linted, results, notes };
}

/**
 * `--fix-dry-run --stdin`: the findings of the text, each with the fix that --fix would apply; then the results
 * of the files its Terraform reads, as a plain lint gives them (no rule fixes those).
 */
export async function fixBuffer(bytes: Uint8Array, options: { filePath: string; overrides?: Overrides; accept?: (finding: Finding) => boolean }): Promise<FileResult[]> {
  const input = { filePath: options.filePath, ...(options.overrides ? { overrides: options.overrides } : {}) };
  const [result, ...related] = await lintBufferAsync(bytes, input);
  if (!result) return [];
  const decoded = decode(bytes);
  if ('error' in decoded || options.filePath.toLowerCase().endsWith('.tf')) return [withoutFixes(result), ...related];
  const outcome = fixText(decoded.text, (text) => lintBuffer(Buffer.from(text, 'utf8'), input), options.accept ? { accept: options.accept } : {});
  return [keepFixes(result, outcome.fixedInInput), ...related];
}

function describe(file: string, outcome: FixOutcome, write: boolean): string[] {
  const lines: string[] = [];
  if (write && outcome.applied > 0) lines.push(`${file}: applied ${outcome.applied} fix${outcome.applied === 1 ? '' : 'es'}.`);
  for (const r of outcome.refused) lines.push(`${file}:${r.finding.line}:${r.finding.column}: ${r.finding.ruleId}: fix not applied: ${r.reason}.`);
  return lines;
}

/** Keep the fixes of the findings that were fixed (same finding, same place); drop the others. */
function keepFixes(result: FileResult, fixed: readonly Finding[]): FileResult {
  const wanted = new Set(fixed.map((f) => `${findingKey(f)}\0${f.line}:${f.column}`));
  return { ...result, messages: result.messages.map(({ fix, ...rest }) => (fix && wanted.has(`${findingKey(rest)}\0${rest.line}:${rest.column}`) ? { ...rest, fix } : rest)) };
}
