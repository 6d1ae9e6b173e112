/**
 * The size of a value as compact JSON is counted without building the text: the count must equal the
 * bytes of `JSON.stringify` for any value (escapes, astral characters, lone surrogates included), with
 * values that cannot be known left out as JSON leaves out `undefined`.
 */
import * as fc from 'fast-check';

const { jsonBytes } = require('../dist/src/functions/serializedSize') as typeof import('../src/functions/serializedSize');
const { Unknown } = require('../dist/src/model/unknown') as typeof import('../src/model/unknown');

/** The reference: the text itself. The replacer reads the holder, since `toJSON` runs before a replacer sees a value. */
function reference(value: unknown): number {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    return this[key] instanceof Unknown ? undefined : v;
  });
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }));
const leaf = fc.oneof(
  anyString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  anyString.map((s) => new Unknown(s)),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(anyString, tie('node'))),
})).node;

test('jsonBytes equals the UTF-8 length of JSON.stringify', () => {
  fc.assert(
    fc.property(value, (v) => jsonBytes(v) === reference(v)),
    { numRuns: 2000 },
  );
});

test('values that cannot be known are left out: a member is dropped, a list item becomes null', () => {
  expect(jsonBytes({ a: new Unknown('!Ref Image'), b: 1 })).toBe(Buffer.byteLength('{"b":1}'));
  expect(jsonBytes([new Unknown('x'), 1])).toBe(Buffer.byteLength('[null,1]'));
  expect(jsonBytes(new Unknown('x'))).toBe(0);
  expect(jsonBytes({ s: 'é\u{1F600}\n"\u0001' })).toBe(Buffer.byteLength(JSON.stringify({ s: 'é\u{1F600}\n"\u0001' })));
});
