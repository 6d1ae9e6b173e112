import type { FunctionResult, RuleFunction } from './types';
import { collectNames } from './collect';
import { itemNames, itemOptionsSchema } from './namedInTaskDefinition';

interface Options {
  items: string;
  name: string;
  flag?: string;
  /** Where the service names them, from the selected value, e.g. `volumeConfigurations[*].name`. */
  names: string;
}

/**
 * For a service or run-task input: every item of the linked task definition that must be given at launch (a volume
 * that sets configuredAtLaunch) is named by the service. Reported at the service's list (or where it would be).
 * Silent when the task definition is not at hand or a name on either side cannot be known statically.
 */
const taskDefinitionItemsNamed: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'name', 'names'],
    properties: { ...itemOptionsSchema, names: itemOptionsSchema.items },
  },
  check(value, { names: namesPath, ...item }, ctx) {
    if (!ctx.taskDefinition) return [];
    const wanted = itemNames(ctx.taskDefinition.view, item);
    const given = collectNames(value, namesPath);
    if (wanted === undefined || given.unknown) return [];
    const list = namesPath.split(/[.[]/)[0];
    const out: FunctionResult[] = [];
    for (const name of wanted) {
      if (!given.names.has(name)) out.push({ path: [list], data: { name: JSON.stringify(name), taskDefinition: ctx.taskDefinition.name } });
    }
    return out;
  },
};
export default taskDefinitionItemsNamed;
