import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { parseTaskSize } from './task-size';

interface Row {
  /** CPU units. */
  cpu: number;
  /** The memory sizes (MiB) offered with that CPU: a list, or a range with a step. */
  memory: number[] | { min: number; max: number; step: number };
  /** The operating systems the row applies to (default: all). */
  os?: Array<'LINUX' | 'WINDOWS'>;
}

interface Options {
  rows: Row[];
}

function memoryFits(memory: Row['memory'], mib: number): boolean {
  if (Array.isArray(memory)) return memory.includes(mib);
  return mib >= memory.min && mib <= memory.max && (mib - memory.min) % memory.step === 0;
}

function describeMemory(memory: Row['memory']): string {
  if (Array.isArray(memory)) return memory.join(', ');
  return `${memory.min} to ${memory.max} in steps of ${memory.step}`;
}

/**
 * Checks the task's cpu and memory against a table of offered combinations (Fargate task sizes).
 * A cpu no row offers is reported at cpu, with the offered values; otherwise a memory the cpu's
 * row does not offer is reported at memory, with that row's sizes. Values that are missing, not
 * known statically or not task sizes at all are left to other rules. When the operating system is
 * not known, rows for any system count.
 */
const sizeCombination: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['rows'],
    properties: {
      rows: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['cpu', 'memory'],
          properties: {
            cpu: { type: 'integer', minimum: 1 },
            memory: {
              oneOf: [
                { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['min', 'max', 'step'],
                  properties: { min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 }, step: { type: 'integer', minimum: 1 } },
                },
              ],
            },
            os: { type: 'array', minItems: 1, items: { enum: ['LINUX', 'WINDOWS'] } },
          },
        },
      },
    },
  },
  check(value, { rows }, ctx) {
    if (!isObject(value)) return [];
    const cpu = parseTaskSize(value.cpu, 'cpu');
    const memory = parseTaskSize(value.memory, 'memory');
    if (cpu === undefined || memory === undefined) return [];
    const os = ctx.target.os;
    const offered = rows.filter((r) => os === undefined || r.os === undefined || r.os.includes(os));
    const forCpu = offered.filter((r) => r.cpu === cpu);
    const system = os === undefined ? '' : ` on ${os === 'WINDOWS' ? 'Windows' : 'Linux'}`;
    if (forCpu.length === 0) {
      const cpus = [...new Set(offered.map((r) => r.cpu))].join(', ');
      return [{ path: ['cpu'], data: { detail: `cpu ${cpu} is not a Fargate size${system} (offered: ${cpus})` } }];
    }
    if (forCpu.some((r) => memoryFits(r.memory, memory))) return [];
    const sizes = forCpu.map((r) => describeMemory(r.memory)).join('; ');
    return [{ path: ['memory'], data: { detail: `memory ${memory} MiB does not go with cpu ${cpu}${system} (offered: ${sizes} MiB)` } }];
  },
};
export default sizeCombination;
