/**
 * The fast YAML reader must give exactly what the general parser gives (values, every position, duplicate
 * keys) whenever it reads a file at all: over the corpus and the fixtures, over edge cases, and over
 * random documents and random cuts of them.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseYamlFast } = require('../dist/src/load/parse-yaml-fast') as typeof import('../src/load/parse-yaml-fast');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseYamlGeneral } = require('../dist/src/load/parse-yaml') as typeof import('../src/load/parse-yaml');

type Parsed = NonNullable<ReturnType<typeof parseYamlFast>>;

/** Everything that differs between the two readings, as readable lines. */
function differences(fast: Parsed, general: Parsed): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') {
      if (!Object.is(a, b)) out.push(`value at ${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      return;
    }
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (Array.isArray(a) !== Array.isArray(b) || ka.join('\0') !== kb.join('\0')) {
      out.push(`members at ${at}: ${ka} vs ${kb}`);
      return;
    }
    const la = fast.locs.get(a)!;
    const lb = general.locs.get(b)!;
    if (la.start !== lb.start || la.end !== lb.end) out.push(`range at ${at}: ${la.start}-${la.end} vs ${lb.start}-${lb.end}`);
    for (const k of ka) {
      const ea = la.entries.get(k)!;
      const eb = lb.entries.get(k)!;
      if (ea.keyStart !== eb.keyStart || ea.keyEnd !== eb.keyEnd || ea.start !== eb.start || ea.end !== eb.end) out.push(`entry ${at}/${k}: ${JSON.stringify(ea)} vs ${JSON.stringify(eb)}`);
      walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    }
  };
  walk(fast.value, general.value, '');
  if (JSON.stringify(fast.span) !== JSON.stringify(general.span)) out.push(`document ${JSON.stringify(fast.span)} vs ${JSON.stringify(general.span)}`);
  if (JSON.stringify(fast.problems) !== JSON.stringify(general.problems)) out.push(`problems ${JSON.stringify(fast.problems)} vs ${JSON.stringify(general.problems)}`);
  return out;
}

/** Compare the readers on one text; true when the fast reader took it. */
function agree(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  const general = parseYamlGeneral(text);
  expect(general.documents).toHaveLength(1);
  const doc = general.documents[0];
  if ('error' in doc) throw new Error(`the fast reader accepted text the general parser refuses (${doc.error.message}):\n${text}`);
  expect(differences(fast, doc)).toEqual([]);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

test('the corpus and the fixtures: the same values and positions, and most files read fast', () => {
  const files = [...yamlFiles(path.join(__dirname, '..', '..', 'shared', 'corpus', 'real')), ...yamlFiles(path.join(__dirname, '..', 'fixtures'))];
  let fast = 0;
  for (const f of files) {
    let text = fs.readFileSync(f, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (agree(text)) fast++;
  }
  expect(fast / files.length).toBeGreaterThan(0.75);
});

test.each([
  ['scalars of every core type', 'a: 1\nb: -2.5e3\nc: .inf\nd: ~\ne: true\nf: False\ng: 0x1F\nh: 0o17\ni: "1"\nj: \'it\'\'s\'\nk: yes\nl: 1.\nm: +12\nn: .NaN\n'],
  ['escapes in double quotes', 'a: "tab\\tnew\\nline \\u00e9 \\x41 \\\\ \\""\n'],
  ['comments everywhere', '# top\na: 1 # one\n\n# between\nb:\n  # inside\n  c: 2\n# after\nd: 3 # end\n'],
  ['sequences at the key\'s indentation, compact mappings', 'containers:\n- name: a\n  image: b\n  ports:\n  - 80\n  - 443\n- name: c\n'],
  ['tags, inline and on blocks', 'a: !Ref X\nb: !Sub "${AWS::Region}"\nc: !GetAtt R.Arn\nd: !If\n  - Cond\n  - !Ref Y\n  - !Ref AWS::NoValue\ne: !Join ["", [a, !Ref B]]\nf: !Ref 123\n'],
  ['flow collections', 'a: [1, "two", {b: 3, "c": [4]}]\nd: {}\ne: []\nf: [a b, c]\n'],
  ['literal and folded block scalars', 'a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\n\n  para\nc: |-\n  x\n'],
  ['duplicate keys', 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n'],
  ['keys that are numbers, booleans and nulls', '1: a\ntrue: b\n~: c\n"quoted key": d\n'],
  ['a document start marker', '---\na: 1\n'],
])('edge cases: %s', (_label, text) => {
  expect(agree(text)).toBe(true);
});

test.each([
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['multi-line plain scalars', 'a: one\n  two\n'],
  ['multi-line flow collections', 'a: [1,\n  2]\n'],
  ['several documents', 'a: 1\n---\nb: 2\n'],
  ['tabs', 'a:\t1\n'],
  ['explicit keys', '? a\n: 1\n'],
  ['merge keys', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
  ['comments more indented than the line after them', 'A:\n  b:\n    c: 1\n      # more indented\n  # less\n  d: 2\nE: 3\n'],
])('left to the general parser: %s', (_label, text) => {
  expect(parseYamlFast(text)).toBeUndefined();
});

const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom('true', 'null', '~', '1.5', '0x1f', '-', ': x', '# c', 'a: b', "'q'", '"q"', '!Ref X', '&a', '*a', '[1]', '{}', '|', '>', '', ' padded ', 'key:', 'a #b', 'a#b'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ maxDepth: 4 }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('name', 'image', '1', 'true', '', '- x', 'a b')), tie('node'), { maxKeys: 4 })),
})).node;

test('random documents, as the yaml library writes them in several styles', () => {
  fc.assert(
    fc.property(value, fc.constantFrom({}, { indentSeq: false }, { collectionStyle: 'flow' as const }, { defaultStringType: 'QUOTE_DOUBLE' as const }), (v, options) => {
      agree(stringify(v, options));
    }),
    { numRuns: 400, seed: 20261125 },
  );
});

test('random cuts and edits of real files never make the readers disagree', () => {
  const samples = yamlFiles(path.join(__dirname, '..', 'fixtures')).slice(0, 200).map((f) => fs.readFileSync(f, 'utf8'));
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('', ' ', '\n', '#', ':', '- ', '"', "'", '[', '!Ref ', '  ', '&a ', '*a', '| ', '> ', '{', ']', ',', '? ', '---\n', '...', '%', '@', '\\', ' #x', 'key: v\n', '  - x\n', '|\n  t\n', '0x1', '.5'), (which, cut, at, insert) => {
      const text = samples[which % samples.length];
      const i = at % (text.length + 1);
      const edited = (text.slice(0, i) + insert + text.slice(i)).slice(0, Math.max(1, cut % (text.length + 2)));
      try {
        agree(edited);
      } catch (err) {
        throw new Error(`${(err as Error).message}\n--- text ---\n${edited}`);
      }
    }),
    { numRuns: 1500, seed: 20261125 },
  );
});
