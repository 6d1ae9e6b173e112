/**
 * The command line of an ordinary run (`ecslint [options] [--] paths…`, what the pre-commit hook, the
 * GitHub Action and most people type), read without loading commander: commander and the `child_process`
 * it loads are a tenth of a one-file run. Anything else (help, version, a subcommand, an unknown option, a
 * bad value) gives undefined, and the full commander program reads the line and words any error.
 *
 * The table below mirrors the options of `buildProgram` (main.ts); test/fast-args.test.ts checks that
 * both read every line alike, and that the table names every option of the program.
 */
import { FORMATS } from '../formatters';

interface ValueOption {
  key: string;
  value: true;
  choices?: readonly string[];
  /** Repeatable: each value is checked and added to a list. */
  list?: RegExp;
  /** A whole number of 0 or more. */
  count?: boolean;
  /** The value must match. */
  pattern?: RegExp;
}

interface FlagOption {
  key: string;
  value: false;
  /** The value a `--no-…` flag sets. */
  set: boolean;
}

type CommonOption = ValueOption | FlagOption;

/** Every option of an ordinary run, by each of its spellings. */
export const COMMON_OPTIONS: Readonly<Record<string, CommonOption>> = {
  '-f': { key: 'format', value: true, choices: FORMATS },
  '--format': { key: 'format', value: true, choices: FORMATS },
  '-o': { key: 'outputFile', value: true },
  '--output-file': { key: 'outputFile', value: true },
  '--quiet': { key: 'quiet', value: false, set: true },
  '--max-warnings': { key: 'maxWarnings', value: true, count: true },
  '--launch-type': { key: 'launchType', value: true, choices: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  '--docs': { key: 'docs', value: true, choices: ['current', 'seed'] },
  '--preset': { key: 'preset', value: true, choices: ['recommended', 'strict', 'all'] },
  '--rule': { key: 'rule', value: true, list: /^[a-z0-9*?-]+:(off|warn|warning|error|info)$/ },
  '-c': { key: 'config', value: true },
  '--config': { key: 'config', value: true },
  '--no-config': { key: 'config', value: false, set: false },
  '--report-unused-disable-directives': { key: 'reportUnusedDisableDirectives', value: false, set: true },
  '--no-error-on-unmatched-pattern': { key: 'errorOnUnmatchedPattern', value: false, set: false },
  '--baseline': { key: 'baseline', value: true },
  '--write-baseline': { key: 'writeBaseline', value: true },
  '--color': { key: 'color', value: false, set: true },
  '--no-color': { key: 'color', value: false, set: false },
  '--stdin': { key: 'stdin', value: false, set: true },
  '--stdin-filename': { key: 'stdinFilename', value: true },
  '--debug': { key: 'debug', value: false, set: true },
  '--fix': { key: 'fix', value: false, set: true },
  '--fix-dry-run': { key: 'fixDryRun', value: false, set: true },
  '--threads': { key: 'threads', value: true, pattern: /^(auto|off|[1-9]\d{0,2})$/ },
};

export interface CommonArgs {
  opts: Record<string, unknown>;
  args: string[];
}

/** Read `argv` (as process.argv: node, script, then the arguments), or undefined when commander must. */
export function parseCommonArgs(argv: readonly string[]): CommonArgs | undefined {
  const opts: Record<string, unknown> = { format: 'stylish', rule: [], errorOnUnmatchedPattern: true };
  const args: string[] = [];
  const words = argv.slice(2);
  let afterDash: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    // Every word after the first "--" is a path, even one that names a subcommand or starts with "-".
    if (word === '--') {
      afterDash = words.slice(i + 1);
      break;
    }
    if (word.length < 2 || word[0] !== '-') {
      args.push(word);
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    const option = Object.hasOwn(COMMON_OPTIONS, name) ? COMMON_OPTIONS[name] : undefined;
    if (!option) return undefined;
    if (!option.value) {
      if (eq > 0) return undefined;
      opts[option.key] = option.set;
      continue;
    }
    // Commander takes the next word as the value, whatever it looks like, except the "--" that ends
    // the options: main.ts hands commander only the words before it, so the option has no value there.
    const value = eq > 0 ? word.slice(eq + 1) : words[++i];
    if (value === undefined || (eq < 0 && value === '--')) return undefined;
    if (option.choices && !option.choices.includes(value)) return undefined;
    if (option.pattern && !option.pattern.test(value)) return undefined;
    if (option.count) {
      if (!/^\d+$/.test(value)) return undefined;
      opts[option.key] = Number(value);
    } else if (option.list) {
      if (!option.list.test(value)) return undefined;
      opts[option.key] = [...(opts[option.key] as string[]), value];
    } else {
      opts[option.key] = value;
    }
  }
  // A first word before "--" that could name a subcommand (rules, explain, init, help, …) is left to commander.
  if (args.length > 0 && /^[A-Za-z][\w-]*$/.test(args[0])) return undefined;
  return { opts, args: [...args, ...afterDash] };
}
