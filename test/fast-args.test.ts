/**
 * An ordinary command line is read without commander (src/cli/fast-args.ts). Whatever it accepts must
 * be read exactly as the commander program reads it; anything else goes to commander.
 */
import * as fc from 'fast-check';

const { parseCommonArgs, COMMON_OPTIONS } = require('../dist/src/cli/fast-args') as typeof import('../src/cli/fast-args');
const { buildProgram, splitAtDoubleDash } = require('../dist/src/cli/main') as typeof import('../src/cli/main');

/** What commander makes of the words: options without unset ones, and operands; undefined for an error, help or a subcommand. */
function commander(words: string[]): { opts: Record<string, unknown>; args: string[] } | undefined {
  let subcommand = false;
  const program = buildProgram(() => (subcommand = true));
  program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  // As main.ts does: commander reads the words before the first "--"; every word after it is a path.
  const { options, operands } = splitAtDoubleDash(['node', 'ecslint', ...words]);
  try {
    program.parse(options);
  } catch {
    return undefined;
  }
  if (subcommand) return undefined;
  return { opts: defined(program.opts()), args: [...program.args, ...operands] };
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function fast(words: string[]) {
  const r = parseCommonArgs(['node', 'ecslint', ...words]);
  return r && { opts: defined(r.opts), args: r.args };
}

test('the table names every option of the program, with the same kind of value and the same choices', () => {
  const program = buildProgram();
  const spellings = new Set<string>();
  for (const option of program.options) {
    if (option.long === '--version' || option.long === '--help') continue;
    for (const flag of [option.short, option.long]) {
      if (!flag) continue;
      spellings.add(flag);
      const entry = COMMON_OPTIONS[flag];
      expect({ flag, known: entry !== undefined }).toEqual({ flag, known: true });
      expect({ flag, key: entry.key, value: entry.value }).toEqual({ flag, key: option.attributeName(), value: option.required });
      if (option.argChoices) expect({ flag, choices: entry.value && entry.choices }).toEqual({ flag, choices: option.argChoices });
    }
  }
  expect(Object.keys(COMMON_OPTIONS).sort()).toEqual([...spellings].sort());
});

test('the command lines of the hook, the Action and everyday use are read without commander, as commander reads them', () => {
  const lines = [
    [],
    ['--rule', 'unrecognised-document:off', '--no-error-on-unmatched-pattern', '--', 'task.json', '-odd.yaml', 'rules', '--'],
    ['--rule', 'bp-*:off', '--threads', 'off', 'infra/'],
    // After "--" a word that names a subcommand is a path, for both readers.
    ['--', 'rules'],
    ['--format', 'github', '--', 'infra/', 'td.json'],
    ['--format', 'sarif', '--output-file', '/tmp/out.sarif', '--config', '.ecslintrc.yaml', '--', '.'],
    ['-f', 'json', '--preset=strict', '--launch-type', 'FARGATE', '--max-warnings', '0', 'a.yaml', 'b.yml'],
    ['./infra', '--quiet', '--no-color', '--rule', 'td-size:warn', '--rule=td-type:off', '--docs', 'seed'],
    ['--stdin', '--stdin-filename', 'td.json', '--no-config', '--debug', '--report-unused-disable-directives'],
    ['--baseline', 'b.json', '--write-baseline', 'c.json', '--color', '-c', 'x.yaml', 'src/**/*.json'],
  ];
  for (const words of lines) {
    expect({ words, fast: fast(words) }).toEqual({ words, fast: commander(words) });
    expect(fast(words)).toBeDefined();
  }
});

test('help, version, subcommands, unknown options and bad values are left to commander', () => {
  for (const words of [
    ['--help'],
    ['-h'],
    ['-v'],
    ['--version'],
    ['rules'],
    ['explain', 'td-size'],
    ['init'],
    ['help'],
    ['--nope'],
    ['--output-file', '--', 'a.json'],
    ['-f', 'xml'],
    ['--max-warnings', '-1'],
    ['--rule', 'x'],
    ['--quiet=1'],
    ['-fjson'],
    ['--format'],
  ]) {
    expect({ words, fast: parseCommonArgs(['node', 'ecslint', ...words]) }).toEqual({ words, fast: undefined });
  }
});

test('any line the fast reader accepts, commander reads the same way', () => {
  const word = fc.oneof(
    fc.constantFrom(...Object.keys(COMMON_OPTIONS), '--', '-', '--help', '-v', 'rules', 'explain', 'infra', '=', '--format=json', '--preset=all', '--rule=td-size:off', '--max-warnings=3'),
    fc.constantFrom('json', 'stylish', 'FARGATE', 'seed', 'all', 'td-size:warn', '7', 'a.json', './b.yaml', 'dir/', '-x', '--quiet', 'out.txt'),
  );
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), (words) => {
      const mine = fast(words);
      if (mine === undefined) return true;
      expect({ words, mine }).toEqual({ words, mine: commander(words) });
      return true;
    }),
    { numRuns: 3000 },
  );
});
