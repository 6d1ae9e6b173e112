import * as fs from 'fs';
import type { Command } from 'commander';
import * as path from 'path';
import type { DocsProfile, LaunchType, Preset, SeveritySetting } from '../model/basics';
import type { FileResult } from '../model/finding';
import { DEFAULT_CONFIG } from '../model/config';
import { ConfigError } from '../config/load';
import { expandRulePattern, unknownRuleText } from '../model/rule-ids';
import type { Overrides } from '../config/resolve';
import type { SubcommandRun } from './commands';
import { parseCommonArgs } from './fast-args';
import { FORMATS, type FormatName, type FormatOptions, type Palette } from '../formatters';
import { applyBaseline, Baseline, createBaseline, readBaseline as readBaselineFile } from '../report/baseline';
import { errorsOnly } from '../report/report';
import { MAX_FILE_BYTES } from '../files/read';
import { withoutFixes } from '../fix/strip';
import * as api from '../index';
import { tuneHeapFor } from './heap';
import { bufferedOut, isTerminal, terminalColumns, writeErr, writeOut } from './output';

/** Exit codes: 0 clean (warnings within --max-warnings), 1 error findings, 2 bad usage, nothing linted, or a failure. */
const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

interface CliOptions {
  format: FormatName;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: number;
  launchType?: LaunchType;
  docs?: DocsProfile;
  preset?: Preset;
  rule: string[];
  config?: string | false;
  reportUnusedDisableDirectives?: boolean;
  errorOnUnmatchedPattern: boolean;
  baseline?: string;
  writeBaseline?: string;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  debug?: boolean;
  threads?: string;
  fix?: boolean;
  fixDryRun?: boolean;
}

/** `onSubcommand` receives what `ecslint rules` or `ecslint explain` would run; linting is the default command. */
export function buildProgram(onSubcommand: (run: SubcommandRun) => void = () => undefined): Command {
  // Loaded here only: an ordinary run's command line is read by parseCommonArgs.
  const { Command, InvalidArgumentError, Option } = require('commander') as typeof import('commander');
  const parseRuleSetting = (value: string, previous: string[]): string[] => {
    if (!/^[a-z0-9*?-]+:(off|warn|warning|error|info)$/.test(value)) {
      throw new InvalidArgumentError('expected ID:off|warn|error, for example fargate-no-privileged:warn or "bp-*:off"');
    }
    return [...previous, value];
  };
  const parseCount = (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more');
    return Number(value);
  };
  const parseThreads = (value: string): string => {
    if (!/^(auto|off|[1-9]\d{0,2})$/.test(value)) throw new InvalidArgumentError('expected auto, off or a number of threads from 1');
    return value;
  };
  const program = new Command('ecslint')
    .description(
      'Lint Amazon ECS definitions: task definitions (API JSON/YAML, describe outputs), services and run-task inputs, CloudFormation templates, Terraform (.tf, .tf.json, terraform show -json plans) and container definition lists.',
    )
    .argument('[paths...]', 'files, folders (searched recursively for .json, .yaml, .yml, .template, .tf; .terraform/ is skipped) and glob patterns; the current folder when none is given')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    // No commander defaults for these three: a configuration file may set them, and the command line wins only when given.
    .addOption(
      new Option('--launch-type <type>', `what a task definition without requiresCompatibilities targets (default: ${DEFAULT_CONFIG.launchType})`).choices([
        'FARGATE',
        'EC2',
        'EXTERNAL',
        'MANAGED_INSTANCES',
      ]),
    )
    .addOption(
      new Option('--docs <profile>', `current: AWS's documentation as it stands; seed: the 2020 cheat sheet's limits, as errors (default: ${DEFAULT_CONFIG.docs})`).choices(['current', 'seed']),
    )
    .addOption(new Option('--preset <name>', `which rules run (default: ${DEFAULT_CONFIG.preset})`).choices(['recommended', 'strict', 'all']))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', parseRuleSetting, [])
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'ignore configuration files')
    .option('--report-unused-disable-directives', 'report ecslint-disable comments and Metadata ignores that suppress nothing')
    .option('--no-error-on-unmatched-pattern', 'exit 0 rather than 2 when the paths hold nothing to lint (for hooks that pass every JSON and YAML file)')
    .option('--baseline <file>', 'report only findings that the baseline file does not record')
    .option('--write-baseline <file>', 'record every current finding in a baseline file (and exit 0)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .option('--stdin', 'lint the text on standard input')
    .option('--stdin-filename <name>', 'the name to report for standard input (its extension picks JSON, YAML or Terraform .tf)')
    .option('--fix', 'apply the safe, mechanical fixes to the files, then report what is left')
    .option('--fix-dry-run', 'report the fixes --fix would apply, as edits (json, sarif), without writing')
    .option('--debug', 'print stack traces of internal errors')
    .option('--threads <n|auto|off>', 'threads that lint: auto (the default) starts worker threads only for runs where they pay; off lints on one', parseThreads)
    .version(api.version(), '-v, --version')
    .exitOverride()
    // A usage mistake is one line, with where to look: commander's own wording, minus its "error: ".
    .configureOutput({
      outputError: (text, write) => write(`ecslint: ${oneLine(text.trim().replace(/^error: /, ''))} (run "ecslint --help" for usage)\n`),
      writeOut: (text) => writeOut(text),
      writeErr: (text) =>
        writeErr(
          text
            .split('\n')
            .map((l) => (l === '' ? l : oneLine(l)))
            .join('\n'),
        ),
    });
  program.addHelpText(
    'after',
    `
Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors found, or too many warnings;
2 bad usage, a named path that cannot be read, nothing to lint, or a failure of ecslint.

Examples:
  ecslint                      lint the current folder
  ecslint infra/
  ecslint --format json taskdef.yaml
  cat td.json | ecslint --stdin --stdin-filename td.json
  ecslint rules
  ecslint explain fargate-no-privileged

Linting is the default command: "rules", "explain" and "init" as the first word run those commands;
to lint a folder with one of those names, write it as a path: ecslint ./rules`,
  );
  // Without an action of its own, commander would take a first path for an unknown subcommand.
  program.action(() => undefined);
  (require('./commands') as typeof import('./commands')).addSubcommands(program, onSubcommand);
  return program;
}

function overridesFrom(opts: CliOptions): Overrides {
  const rules: Record<string, SeveritySetting> = {};
  // The rules are listed only to expand the --rule settings given.
  const known = opts.rule.length > 0 ? api.builtInRuleMeta().map((r) => r.id) : [];
  for (const setting of opts.rule) {
    const [pattern, sev] = setting.split(':');
    const ids = expandRulePattern(pattern, known);
    if (ids.length === 0) throw new UsageError(`--rule ${setting}: ${unknownRuleText(pattern, known)} Run "ecslint rules" for the list.`);
    for (const id of ids) rules[id] = sev === 'warn' ? 'warning' : (sev as SeveritySetting);
  }
  return {
    preset: opts.preset,
    rules,
    launchType: opts.launchType,
    docs: opts.docs,
    configFile: typeof opts.config === 'string' ? opts.config : undefined,
    noConfig: opts.config === false,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
  };
}

function useColour(opts: CliOptions): boolean {
  if (opts.color === false) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false') return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (opts.color === true && process.argv.includes('--color')) return true;
  return !opts.outputFile && isTerminal(1);
}

function palette(): Palette {
  // Loaded only for a coloured terminal: machine formats and pipes never pay for it.

  const chalk = require('chalk') as typeof import('chalk');
  const c = new chalk.Instance({ level: Math.max(1, chalk.level) as 1 | 2 | 3 });
  return { underline: c.underline, dim: c.dim, red: c.red, yellow: c.yellow, blue: c.blue, bold: c.bold };
}

/** Colour and the terminal's width (a report for a terminal wraps to it; one for a file or a pipe never does). */
function stylishOptions(opts: CliOptions): FormatOptions {
  const width = opts.outputFile ? undefined : terminalColumns(1);
  return { ...(useColour(opts) ? { palette: palette() } : {}), ...(width ? { width } : {}) };
}

/** A system error as one short reason. */
function reason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

function readBaseline(file: string): Baseline {
  try {
    return readBaselineFile(file);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Standard input, up to the size limit of any linted file. */
function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') throw new UsageError('--stdin: standard input is not ready to read.');
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw new UsageError(`--stdin: the input is larger than any ECS input (${MAX_FILE_BYTES / 1048576} MiB limit); it was not parsed.`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** The repository root (the nearest folder upward with a .git), where CI tools resolve paths; the working directory otherwise. */
function repositoryRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** User text (paths, configuration values) in a line ecslint writes: one line, no control characters, so it cannot become a workflow command. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n|\r|\n/g, ' | ').replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

function say(line: string): void {
  writeErr(`ecslint: ${oneLine(line)}\n`);
}

/** Node's argv split at the first "--" after the script: what commander parses, and the paths after it. */
export function splitAtDoubleDash(argv: string[]): { options: string[]; operands: string[] } {
  const at = argv.indexOf('--', 2);
  return at < 0 ? { options: argv, operands: [] } : { options: argv.slice(0, at), operands: argv.slice(at + 1) };
}

/** The options and paths of the command line, or the outcome of a subcommand, help or a usage error. */
function readCommandLine(argv: string[]): { opts: CliOptions; operands: string[] } | { exit: number } {
  const common = parseCommonArgs(argv);
  if (common) return { opts: common.opts as unknown as CliOptions, operands: common.args };
  const chosen: { run?: SubcommandRun } = {};
  const program = buildProgram((r) => (chosen.run = r));
  // Everything after the first "--" is a path, even a word that names a subcommand or starts with "-":
  // commander would still match the first operand against the subcommands, so it never sees them.
  const { options: before, operands: after } = splitAtDoubleDash(argv);
  try {
    program.parse(before);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return { exit: EXIT_OK };
    return { exit: EXIT_USAGE }; // commander has already printed the problem
  }
  if (chosen.run) {
    if (after.length > 0) throw new UsageError(`"${program.args[0]}" takes nothing after "--"; to lint paths, run: ecslint -- ${after.join(' ')}`);
    const outcome = chosen.run();
    if (outcome.stderr) writeErr(outcome.stderr);
    writeOut(outcome.stdout);
    return { exit: outcome.exit };
  }
  return { opts: program.opts<CliOptions>(), operands: [...program.args, ...after] };
}

async function run(argv: string[]): Promise<number> {
  const line = readCommandLine(argv);
  if ('exit' in line) return line.exit;
  const { opts, operands } = line;
  const paths = operands.length > 0 ? operands : ['.'];
  if (opts.stdin && operands.length > 0) throw new UsageError('Give either --stdin or paths, not both.');
  const overrides = overridesFrom(opts);
  const baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
  if (opts.fix && opts.fixDryRun) throw new UsageError('Give either --fix or --fix-dry-run, not both.');
  if (opts.fix && opts.stdin) throw new UsageError('--fix writes files; with --stdin, --fix-dry-run reports the fixes.');
  const fixing = opts.fix || opts.fixDryRun ? (require('../fix/files') as typeof import('../fix/files')) : undefined;
  const accept = opts.quiet ? (f: { severity: string }) => f.severity === 'error' : undefined;

  let results: FileResult[];
  let exit = EXIT_OK;
  let failures: api.InternalFailure[] = [];
  const progress = progressLine(opts);
  const onProgress = (done: number, total: number) => {
    tuneHeapFor(total);
    progress?.update(done, total);
  };
  // A report that can be written a file at a time is written as the run goes, and the run keeps no result.
  const stream = !opts.stdin && !fixing && !opts.writeBaseline && !opts.outputFile ? api.formatStream(opts.format, repositoryRoot(), opts.format === 'stylish' ? stylishOptions(opts) : {}) : undefined;
  const tally = new Tally(opts);
  // A progress line on the terminal is cleared before report lines are written there.
  const out = bufferedOut(() => progress?.clear());
  if (opts.stdin) {
    const input = { filePath: opts.stdinFilename ?? '<stdin>', overrides, ...(accept ? { accept } : {}) };
    results = fixing ? await fixing.fixBuffer(readStdin(), input) : await api.lintBufferAsync(readStdin(), input);
    if (baseline) results = applyBaseline(results, baseline);
  } else {
    const threads = threadsOption(opts.threads);
    const onResult = (r: FileResult) => {
      const text = stream!.file(tally.add(r));
      if (text !== '') out.write(text);
    };
    const linted: api.LintFilesResult & { notes?: string[] } = fixing
      ? await fixing.fixFiles(paths, { overrides, ...(baseline ? { baseline } : {}), onProgress, write: opts.fix === true, threads, ...(accept ? { accept } : {}) })
      : await api.lintFiles(paths, { overrides, baseline, onProgress, threads, ...(stream ? { onResult } : {}) });
    for (const note of linted.notes ?? []) say(note);
    for (const m of linted.missing) say(`${m.path}: ${m.reason}`);
    if (linted.missing.length > 0) exit = EXIT_USAGE;
    results = linted.results;
    failures = linted.failures;
  }
  for (const f of failures) say(`internal error on ${f.path}: ${f.message}${opts.debug ? '' : ' (run with --debug for the stack trace)'}`);
  if (opts.debug) for (const f of failures) if (f.stack) writeErr(`${f.stack}\n`);

  if (opts.writeBaseline) {
    const b = createBaseline(results, path.dirname(path.resolve(opts.writeBaseline)));
    const count = Object.values(b.files).reduce((n, f) => n + Object.values(f).reduce((m, e) => m + e.count, 0), 0);
    writeFile(opts.writeBaseline, JSON.stringify(b, null, 2) + '\n', 'the baseline');
    say(`recorded ${count} finding${count === 1 ? '' : 's'} in ${opts.writeBaseline}.`);
    return exit;
  }
  if (stream) {
    out.write(stream.end());
    out.flush();
  } else {
    const report = api.report(
      results.map((r) => tally.add(r)),
      { root: repositoryRoot() },
    );
    const output = api.format(opts.format, report, opts.format === 'stylish' ? stylishOptions(opts) : {});
    if (opts.outputFile) writeFile(opts.outputFile, output, 'the report');
    else writeOut(output);
  }

  if (exit === EXIT_USAGE || failures.length > 0) return EXIT_USAGE;
  const { errors, warnings } = tally;
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.errorOnUnmatchedPattern && !tally.linted) {
    say(`nothing to lint: no task definition, service or template in ${opts.stdin ? 'standard input' : paths.join(', ')}. Pass --no-error-on-unmatched-pattern to allow it.`);
    return EXIT_USAGE;
  }
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    say(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}.`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function threadsOption(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  return value === 'off' ? 1 : Number(value);
}

function writeFile(file: string, text: string, what: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new UsageError(`Cannot write ${what} to ${file}: ${reason(err)}.`);
  }
}

/** What the report shows of each result, and the counts the exit code is made from. */
class Tally {
  errors = 0;
  warnings = 0;
  /** Whether any file held something to lint (a task definition, service or template). */
  linted = false;

  constructor(private readonly opts: CliOptions) {}

  /** The result as the report shows it: fixes only with --fix-dry-run, errors only with --quiet. */
  add(r: FileResult): FileResult {
    if ((r.taskDefinitions?.length ?? 0) > 0) this.linted = true;
    let shown = this.opts.fixDryRun ? r : withoutFixes(r);
    if (this.opts.quiet) shown = errorsOnly(shown);
    this.errors += shown.errorCount;
    this.warnings += shown.warningCount;
    return shown;
  }
}

/**
 * On a terminal, a run that takes more than a second shows "files done / total" on stderr; never on
 * a pipe or a file, never with a machine format, so nothing parses it by mistake. It is cleared before
 * report lines are written on the terminal as the run goes.
 */
function progressLine(opts: CliOptions): { update(done: number, total: number): void; clear(): void } | undefined {
  if (opts.format !== 'stylish' || !isTerminal(2)) return undefined;
  const start = Date.now();
  let last = 0;
  let shown = false;
  const clear = () => {
    if (shown) writeErr('\r\u001b[K');
    shown = false;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (done === total) return clear();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      writeErr(`\recslint: ${done}/${total} files`);
    },
    clear,
  };
}

/** Entry point of bin/ecslint.js; the only place that sets the process's exit code. */
export function main(argv: string[]): void {
  // Output goes through ./output: a reader that stops early (`ecslint … | head`) is not an error of ours, and
  // any other write error is one line and exit 2.
  // run() settles after the last file is linted; the exit code is set then, and node exits when nothing is left to do.
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError || err instanceof ConfigError) {
        say(err.message);
      } else if (splitAtDoubleDash(argv).options.includes('--debug')) {
        writeErr(`ecslint: internal error: ${(err as Error).stack ?? String(err)}\n`);
      } else {
        say(`internal error: ${(err as Error).message ?? String(err)} (run with --debug for the stack trace)`);
      }
      process.exitCode = EXIT_USAGE;
    },
  );
}
