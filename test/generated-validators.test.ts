/**
 * The generated validators need nothing from ajv at run time: the build gives them their own count of a
 * string's code points (scripts/build-rules.ts). It must agree with ajv's, which JSON Schema's maxLength means.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';

const { withoutRuntimeRequire } = require('../dist/scripts/build-rules') as typeof import('../scripts/build-rules');
const ucs2length = (require('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }).default;

const GENERATED = path.join(__dirname, '..', 'dist', 'generated');

test('the built validators require no module', () => {
  for (const file of ['validators.js', 'config-validator.js']) expect(fs.readFileSync(path.join(GENERATED, file), 'utf8')).not.toMatch(/require\(/);
});

test("the inlined count agrees with ajv's on any string, lone and paired surrogates included", () => {
  const code = withoutRuntimeRequire('"use strict";const f = require("ajv/dist/runtime/ucs2length").default;exports.count = f;');
  const mod = { exports: {} as { count: (s: string) => number } };
  new Function('module', 'exports', code)(mod, mod.exports);
  const units = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d, 0xde00));
  fc.assert(
    fc.property(fc.array(units, { maxLength: 40 }), (codes) => {
      const s = String.fromCharCode(...codes);
      expect(mod.exports.count(s)).toBe(ucs2length(s));
    }),
    { numRuns: 2000 },
  );
  expect(mod.exports.count('\u{1F600}a')).toBe(2);
});

test('a placement constraint expression of 2,000 emoji is within its 2,000 characters', () => {
  const validators = require(path.join(GENERATED, 'validators.js')) as Record<string, (v: unknown) => boolean>;
  expect(validators['pc-expression']({ expression: '\u{1F600}'.repeat(2000) })).toBe(true);
  expect(validators['pc-expression']({ expression: '\u{1F600}'.repeat(2001) })).toBe(false);
});
