import * as fs from 'fs';
import { Option, type Command } from 'commander';
import type { RuleFilter } from './rules-list';
import { guardedStdout } from './output';

/** The unit forms `ecslint rules --form` takes (kept here so that parsing does not load the rule list). */
export const RULE_FORMS_CHOICES = [
  'api',
  'describe',
  'cloudformation',
  'container-list',
  'terraform',
  'create-service',
  'update-service',
  'run-task',
  'create-cluster',
  'update-cluster-settings',
  'create-capacity-provider',
];

/** What a subcommand prints and how the process exits; main.ts does the writing. */
export interface SubcommandOutcome {
  stdout: string;
  stderr?: string;
  exit: number;
}

export type SubcommandRun = () => SubcommandOutcome;

/**
 * A word that names a subcommand always runs it, so a folder of that name is linted as `./rules`. When
 * such a folder exists here, say so on stderr, in case the user meant it.
 */
function folderNote(name: string): string | undefined {
  try {
    if (fs.statSync(name).isDirectory()) return `ecslint: "${name}" runs the ${name} command; to lint the folder ${name}, run: ecslint ./${name}\n`;
  } catch {
    // no such folder: nothing to say
  }
  return undefined;
}

/**
 * `ecslint rules`, `ecslint explain <rule-id>`, `ecslint init` and `ecslint lsp`. Linting stays the default command: any first argument
 * that is not one of these words is a path. Each action only records what to run, so that parsing never
 * prints or exits and main.ts stays the one place that does.
 */
export function addSubcommands(program: Command, chosen: (run: SubcommandRun) => void): void {
  program
    .command('rules')
    .description('list every rule: id, severity in each preset (recommended, strict, all), what it checks')
    .option('--json', 'print the list as JSON')
    .addOption(new Option('--preset <name>', 'only the rules this preset turns on').choices(['recommended', 'strict', 'all']))
    .addOption(new Option('--severity <level>', 'only the rules of this default severity').choices(['error', 'warning', 'info']))
    .option('--prefix <prefix>', 'only the rules whose id starts with this prefix (bp, cps, pm, …: see the glossary at the end of the list)')
    .addOption(new Option('--form <form>', 'only the rules that check units written in this form').choices(RULE_FORMS_CHOICES))
    .action((opts: { json?: boolean } & RuleFilter) =>
      chosen(() => {
        const { rulesJson, rulesTable, unknownPrefix } = require('./rules-list') as typeof import('./rules-list');
        const note = folderNote('rules');
        const filter: RuleFilter = { preset: opts.preset, severity: opts.severity, prefix: opts.prefix, form: opts.form };
        const unknown = unknownPrefix(filter.prefix);
        if (unknown) return { stdout: '', stderr: `ecslint: ${unknown}\n`, exit: 2 };
        return { stdout: opts.json ? rulesJson(filter) : rulesTable(filter), ...(note ? { stderr: note } : {}), exit: 0 };
      }),
    );
  program
    .command('explain')
    .description('explain a rule: what it checks and why, when it applies, a bad and a good example, its source')
    .argument('<rule-id>', 'the rule, as "ecslint rules" lists it')
    .action((id: string) =>
      chosen(() => {
        const { explain } = require('./explain') as typeof import('./explain');
        const note = folderNote('explain') ?? '';
        const result = explain(id);
        if ('error' in result) return { stdout: '', stderr: `${note}ecslint: ${result.error}\n`, exit: 2 };
        return { stdout: result.text, ...(note ? { stderr: note } : {}), exit: 0 };
      }),
    );
  program
    .command('lsp')
    .description('run the language server (LSP) over standard input and output, for editors')
    .option('--stdio', 'speak over standard input and output (the only transport; accepted for clients that pass it)')
    .action(() =>
      chosen(() => {
        // Loaded only here: the language server's libraries are no part of a lint run's start-up.
        (require('../lsp/server') as typeof import('../lsp/server')).startServer(process.stdin, guardedStdout());
        return { stdout: '', exit: 0 };
      }),
    );
  program
    .command('init')
    .description('write a starter .ecslintrc.yaml in the current folder')
    .action(() => chosen(() => (require('./init') as typeof import('./init')).init()));
}
