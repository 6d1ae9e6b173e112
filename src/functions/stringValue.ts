import type { RuleFunction } from './types';

/**
 * Reports a value that is not a string where the API takes only strings (the values of a string
 * map). CloudFormation converts numbers and booleans to the string the property wants, so in a
 * template only lists and objects are reported (a null drops the entry); the API, the CLI and Terraform reject them all.
 */
const stringValue: RuleFunction = {
  optionsSchema: { type: 'object', additionalProperties: false },
  check(value, _options, ctx) {
    if (typeof value === 'string') return [];
    const scalar = typeof value === 'number' || typeof value === 'boolean';
    if ((scalar || value === null) && ctx.target.form === 'cloudformation') return [];
    return [{ data: { suggestion: scalar ? ` (write ${JSON.stringify(String(value))})` : '' } }];
  },
};
export default stringValue;
