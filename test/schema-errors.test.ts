/**
 * Schema checks report every error (ajv allErrors), each at its own place: which of ajv's errors make a
 * finding (src/engine/run.ts reportableErrors), checked on real ajv output.
 */
import Ajv from 'ajv';

const { reportableErrors } = require('../dist/src/engine/run') as typeof import('../src/engine/run');

const ajv = new Ajv({ allErrors: true, strict: false });

function reported(schema: Record<string, unknown>, data: unknown): Array<[string, string, string]> {
  const validate = ajv.compile(schema);
  expect(validate(data)).toBe(false);
  return reportableErrors(validate.errors as never).map((e) => [e.instancePath, e.keyword, String(e.params.missingProperty ?? e.params.propertyName ?? e.params.limit ?? '')]);
}

test('independent errors are all kept, in ajv order', () => {
  expect(reported({ required: ['a', 'b'], properties: { c: { maxItems: 1 } } }, { c: [1, 2] })).toEqual([
    ['', 'required', 'a'],
    ['', 'required', 'b'],
    ['/c', 'maxItems', '1'],
  ]);
});

test('an anyOf keeps only its first failing alternative, per item', () => {
  expect(reported({ items: { anyOf: [{ required: ['memory'] }, { required: ['memoryReservation'] }] } }, [{}, { memory: 1 }, {}])).toEqual([
    ['/0', 'required', 'memory'],
    ['/2', 'required', 'memory'],
  ]);
});

test('a oneOf that several alternatives match is reported itself', () => {
  expect(reported({ oneOf: [{ type: 'number' }, { minimum: 1 }] }, 5)).toEqual([['', 'oneOf', '']]);
});

test('contains and propertyNames stand for their items; if adds nothing', () => {
  expect(reported({ contains: { required: ['w'] } }, [{}, {}])).toEqual([['', 'contains', '']]);
  expect(reported({ propertyNames: { pattern: '^[a-z]+$' } }, { A: 1, b: 2, C: 3 })).toEqual([
    ['', 'propertyNames', 'A'],
    ['', 'propertyNames', 'C'],
  ]);
  expect(reported({ if: { required: ['x'] }, then: { required: ['y'] } }, { x: 1 })).toEqual([['', 'required', 'y']]);
});
