import type { RuleFunction } from './types';
import { userRegExp } from '../regexp/user-regexp';
import { isSet } from './is-set';
import { Unknown } from '../model/unknown';

interface Options {
  /** The task-level member the selected value depends on (e.g. executionRoleArn). */
  member: string;
  /** When given, only string values matching this pattern need the member (e.g. ECR image URIs). */
  pattern?: string;
}

/**
 * Reports the selected value when it is set (or matches `pattern`) but the task definition lacks
 * `member`. An Unknown member counts as present: an intrinsic such as `!GetAtt Role.Arn`, or a
 * bare container list whose task-level members are set elsewhere, may well provide it.
 */
const requiresTaskMember: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['member'],
    properties: { member: { type: 'string', minLength: 1 }, pattern: { type: 'string', minLength: 1, format: 'regex' } },
  },
  check(value, { member, pattern }, ctx) {
    if (pattern !== undefined) {
      if (typeof value !== 'string' || !userRegExp(pattern).test(value)) return [];
    } else if (!isSet(value)) {
      return [];
    }
    const present = ctx.document[member];
    if (present instanceof Unknown || isSet(present)) return [];
    return [{ data: { member } }];
  },
};
export default requiresTaskMember;
