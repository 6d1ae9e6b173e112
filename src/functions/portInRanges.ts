import type { FunctionResult, RuleFunction } from './types';
import { collect } from './collect';
import { isObject } from '../model/object';
import { isSet } from './is-set';
import { containerPorts, PortUse, showPorts, staticHostPort } from './port-mappings';

interface Options {
  /** Inclusive port ranges [first, last] that the mapping must not use. */
  ranges: Array<[number, number]>;
  /**
   * Which port is checked: the static host port (a hostPort above 0, or the containerPort in host
   * network mode), the container port (or range), or either of them.
   */
  port: 'host' | 'container' | 'either';
  /**
   * A member path from the document root (`containerDefinitions[*].firelensConfiguration`): check
   * only when it reaches a value that is set. When it cannot be known statically, nothing is reported.
   */
  onlyIf?: string;
}

function overlap(use: PortUse, ranges: Array<[number, number]>): string | undefined {
  for (const [first, last] of ranges) {
    if (use.first <= last && first <= use.last) return showPorts(Math.max(first, use.first), Math.min(last, use.last));
  }
  return undefined;
}

/**
 * The selected value is a port mapping. Reports the port member that uses a port in one of
 * `ranges`, once per mapping (the container side first when both do).
 */
const portInRanges: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['ranges', 'port'],
    properties: {
      ranges: {
        type: 'array',
        minItems: 1,
        items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'integer', minimum: 0, maximum: 65535 } },
      },
      port: { enum: ['host', 'container', 'either'] },
      onlyIf: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
    },
  },
  check(value, { ranges, port, onlyIf }, ctx) {
    if (!isObject(value)) return [];
    if (onlyIf !== undefined) {
      const got = collect(ctx.document, onlyIf);
      if (got.unknown || !got.values.some((v) => isSet(v.value))) return [];
    }
    const uses: Array<PortUse | undefined> = [];
    if (port !== 'host') uses.push(containerPorts(value));
    if (port !== 'container') {
      const host = staticHostPort(value, ctx.target.networkMode);
      // In host network mode the static host port may be the containerPort itself: check it once.
      if (!(host && host.field !== 'hostPort' && port === 'either')) uses.push(host);
    }
    const out: FunctionResult[] = [];
    for (const use of uses) {
      const hit = use ? overlap(use, ranges) : undefined;
      if (use && hit !== undefined) {
        out.push({ path: [use.field], data: { port: hit } });
        break;
      }
    }
    return out;
  },
};
export default portInRanges;
