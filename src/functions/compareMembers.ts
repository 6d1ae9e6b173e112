import type { RuleFunction } from './types';
import { numeric } from './numeric';

interface Options {
  /** The member that is reported. */
  member: string;
  /** The member it is compared with. */
  other: string;
  /** `equal`: member must equal other. `notGreater`: member must not exceed other. */
  relation: 'equal' | 'notGreater';
  /** A value that means "no limit" and so compares above every other value (e.g. -1 for ulimits). */
  unlimited?: number;
}

/**
 * Compares two numeric members of the selected object and reports `member` when the relation does
 * not hold. Nothing is reported when either member is missing or not a number (an intrinsic, a
 * placeholder, a wrong type): another rule owns those cases, and a guess would be a false error.
 */
const compareMembers: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['member', 'other', 'relation'],
    properties: {
      member: { type: 'string', minLength: 1 },
      other: { type: 'string', minLength: 1 },
      relation: { enum: ['equal', 'notGreater'] },
      unlimited: { type: 'number' },
    },
  },
  check(value, { member, other, relation, unlimited }) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    const obj = value as Record<string, unknown>;
    const a = numeric(obj[member]);
    const b = numeric(obj[other]);
    if (a === undefined || b === undefined) return [];
    const rank = (n: number) => (unlimited !== undefined && n === unlimited ? Infinity : n);
    const holds = relation === 'equal' ? a === b : rank(a) <= rank(b);
    // Both as numbers, so that a template's quoted "300" reads as 300 in the message.
    return holds ? [] : [{ path: [member], data: { value: a, other: String(b) } }];
  },
};
export default compareMembers;
