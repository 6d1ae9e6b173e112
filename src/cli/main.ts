import * as fs from 'fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../config/config';
import { ConfigError } from '../config/load';
import { configForFile, Overrides } from '../config/resolve';
import { applyBaseline, Baseline, createBaseline, parseBaseline } from '../engine/baseline';
import { CORE_DIAGNOSTICS } from '../engine/core-diagnostics';
import { builtInRules } from '../engine/registry';
import { addSubcommands, SubcommandRun } from './commands';
import { format, FormatName, FORMATS } from '../formatters';
import type { Palette } from '../formatters/stylish';
import { lintFiles } from '../index';
import type { DocsProfile, FileResult, LaunchType, Preset, SeveritySetting } from '../types';

/** Exit codes: 0 clean (warnings within --max-warnings), 1 error findings, 2 usage or internal failure. */
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
  baseline?: string;
  writeBaseline?: string;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  debug?: boolean;
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../../package.json') as { version: string }).version;
}

function parseRuleSetting(value: string, previous: string[]): string[] {
  if (!/^[a-z0-9-]+:(off|warn|warning|error|info)$/.test(value)) {
    throw new InvalidArgumentError('expected ID:off|warn|error, for example fargate-no-privileged:warn');
  }
  return [...previous, value];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return Number(value);
}

/** `onSubcommand` receives what `ecslint rules` or `ecslint explain` would run; linting is the default command. */
export function buildProgram(onSubcommand: (run: SubcommandRun) => void = () => undefined): Command {
  const program = new Command('ecslint')
    .description('Lint Amazon ECS task definitions: API JSON/YAML, describe-task-definition outputs, CloudFormation templates and container definition lists.')
    .argument('[paths...]', 'files, folders (searched recursively for .json, .yaml, .yml, .template) and glob patterns')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    // No commander defaults for these three: a configuration file may set them, and the command line wins only when given.
    .addOption(new Option('--launch-type <type>', `what a task definition without requiresCompatibilities targets (default: ${DEFAULT_CONFIG.launchType})`).choices(['FARGATE', 'EC2', 'EXTERNAL']))
    .addOption(new Option('--docs <profile>', `where the cheat sheet and newer AWS docs disagree: follow the seed, or the current docs (default: ${DEFAULT_CONFIG.docs})`).choices(['seed', 'current']))
    .addOption(new Option('--preset <name>', `which rules run (default: ${DEFAULT_CONFIG.preset})`).choices(['recommended', 'strict', 'all']))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', parseRuleSetting, [])
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'ignore configuration files')
    .option('--report-unused-disable-directives', 'report ecslint-disable comments that suppress nothing')
    .option('--baseline <file>', 'report only findings that the baseline file does not record')
    .option('--write-baseline <file>', 'record every current finding in a baseline file (and exit 0)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .option('--stdin', 'lint the text on standard input')
    .option('--stdin-filename <name>', 'the name to report for standard input (its extension picks JSON or YAML)')
    .option('--debug', 'print stack traces of internal errors')
    .version(version(), '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  program.addHelpText(
    'after',
    `
Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors found, or too many warnings;
2 bad usage, a named path that cannot be read, or an internal failure.

Examples:
  ecslint infra/
  ecslint --format json taskdef.yaml
  cat td.json | ecslint --stdin --stdin-filename td.json
  ecslint rules
  ecslint explain fargate-no-privileged

Linting is the default command: "rules" and "explain" as the first word run those commands;
to lint a folder with one of those names, write it as a path: ecslint ./rules`,
  );
  // Without an action of its own, commander would take a first path for an unknown subcommand.
  program.action(() => undefined);
  addSubcommands(program, onSubcommand);
  return program;
}

function overridesFrom(opts: CliOptions): Overrides {
  const known = new Set([...builtInRules().map((r) => r.id), ...Object.keys(CORE_DIAGNOSTICS)]);
  const rules: Record<string, SeveritySetting> = {};
  for (const setting of opts.rule) {
    const [id, sev] = setting.split(':');
    if (!known.has(id)) throw new UsageError(`Unknown rule "${id}" in --rule ${setting}.`);
    rules[id] = sev === 'warn' ? 'warning' : (sev as SeveritySetting);
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
  return !opts.outputFile && process.stdout.isTTY === true;
}

function palette(): Palette {
  // Loaded only for a coloured terminal: machine formats and pipes never pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chalk = require('chalk') as typeof import('chalk');
  const c = new chalk.Instance({ level: Math.max(1, chalk.level) as 1 | 2 | 3 });
  return { underline: c.underline, dim: c.dim, red: c.red, yellow: c.yellow, blue: c.blue, bold: c.bold };
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read the baseline ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  try {
    return parseBaseline(text, file);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function readStdin(): Buffer {
  try {
    return fs.readFileSync(0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EAGAIN') throw new UsageError('--stdin: standard input is not ready to read.');
    if ((err as NodeJS.ErrnoException).code === 'EOF') return Buffer.alloc(0);
    throw err;
  }
}

function run(argv: string[]): number {
  const chosen: { run?: SubcommandRun } = {};
  const program = buildProgram((r) => (chosen.run = r));
  try {
    program.parse(argv);
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE; // commander has already printed the problem
  }
  if (chosen.run) {
    const outcome = chosen.run();
    if (outcome.stderr) process.stderr.write(outcome.stderr);
    process.stdout.write(outcome.stdout);
    return outcome.exit;
  }
  const opts = program.opts<CliOptions>();
  const paths = program.args;
  process.env.ECSLINT_DEBUG = opts.debug ? '1' : (process.env.ECSLINT_DEBUG ?? '');
  if (!opts.stdin && paths.length === 0) throw new UsageError('No paths given. Run "ecslint --help" for usage.');
  if (opts.stdin && paths.length > 0) throw new UsageError('Give either --stdin or paths, not both.');
  const overrides = overridesFrom(opts);
  const baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;

  let results: FileResult[];
  let exit = EXIT_OK;
  if (opts.stdin) {
    const { lintBytes } = require('../lint') as typeof import('../lint');
    const name = opts.stdinFilename ?? '<stdin>';
    const { config, ignored } = configForFile(opts.stdinFilename ?? path.join(process.cwd(), '<stdin>'), overrides);
    results = ignored ? [] : [lintBytes(readStdin(), name, { config, explicit: true }).result];
    if (baseline) results = applyBaseline(results, baseline);
  } else {
    const linted = lintFiles(paths, { overrides, baseline, onProgress: progressLine(opts) });
    for (const m of linted.missing) process.stderr.write(`ecslint: ${m.path}: ${m.reason}\n`);
    if (linted.missing.length > 0) exit = EXIT_USAGE;
    results = linted.results;
  }

  if (opts.writeBaseline) {
    const b = createBaseline(results);
    const count = Object.values(b.files).reduce((n, f) => n + Object.values(f).reduce((m, e) => m + e.count, 0), 0);
    try {
      fs.writeFileSync(opts.writeBaseline, JSON.stringify(b, null, 2) + '\n');
    } catch (err) {
      throw new UsageError(`Cannot write the baseline ${opts.writeBaseline}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    process.stderr.write(`ecslint: recorded ${count} findings in ${opts.writeBaseline}.\n`);
    return exit;
  }
  if (opts.quiet) results = results.map(errorsOnly);
  const output = format(opts.format, results, opts.format === 'stylish' && useColour(opts) ? { palette: palette() } : {});
  if (opts.outputFile) {
    try {
      fs.writeFileSync(opts.outputFile, output);
    } catch (err) {
      throw new UsageError(`Cannot write the report to ${opts.outputFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
  } else process.stdout.write(output);

  if (exit === EXIT_USAGE) return exit;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    process.stderr.write(`ecslint: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * On a terminal, a run that takes more than a second shows "files done / total" on stderr; never on
 * a pipe or a file, never with a machine format, so nothing parses it by mistake.
 */
function progressLine(opts: CliOptions): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || opts.format !== 'stylish') return undefined;
  const start = Date.now();
  let last = 0;
  let shown = false;
  return (done, total) => {
    const now = Date.now();
    if (done === total) {
      if (shown) process.stderr.write('\r\u001b[K');
      return;
    }
    if (now - start < 1000 || now - last < 100) return;
    last = now;
    shown = true;
    process.stderr.write(`\recslint: ${done}/${total} files`);
  };
}

function errorsOnly(r: FileResult): FileResult {
  const messages = r.messages.filter((m) => m.severity === 'error');
  return { ...r, messages, warningCount: 0, infoCount: 0 };
}

/** Entry point of bin/ecslint.js; the only place that sets the process's exit code. */
export function main(argv: string[]): void {
  // A reader that stops early (`ecslint … | head`) closes the pipe: that is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  try {
    process.exitCode = run(argv);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`ecslint: ${err.message}\n`);
    } else if (argv.includes('--debug')) {
      process.stderr.write(`ecslint: internal error: ${(err as Error).stack ?? String(err)}\n`);
    } else {
      process.stderr.write(`ecslint: internal error: ${(err as Error).message ?? String(err)} (run with --debug for the stack trace)\n`);
    }
    process.exitCode = EXIT_USAGE;
  }
}

