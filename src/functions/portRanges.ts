import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { parsePortRange, protocolOf, showPorts } from './port-mappings';
import { Unknown } from '../model/unknown';

interface Options {
  /** How many mappings with a range one container may have. */
  maxPerContainer: number;
  /**
   * Network modes in which ranges do not work. Ranges need bridge or awsvpc; `none` (no port
   * mappings at all) and Windows `default` are left to other rules.
   */
  forbiddenNetworkModes: string[];
}

/**
 * The selected value is a container. Checks each containerPortRange of its port mappings: the form
 * "first-last" with 1 <= first < last <= 65535, no hostPort beside it, not a forbidden network mode,
 * at most `maxPerContainer` of them, and no overlap with an earlier range of the same protocol.
 * Single ports that fall inside a range are another rule's concern. A range that cannot be known
 * statically (it may be left out) is neither counted nor checked.
 */
/** Each range is compared with the earlier ones: past this many comparisons (thousands of ranges), overlaps are not looked for. */
const COMPARISON_BUDGET = 1_000_000;

const portRanges: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxPerContainer', 'forbiddenNetworkModes'],
    properties: {
      maxPerContainer: { type: 'integer', minimum: 1 },
      forbiddenNetworkModes: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  },
  check(value, { maxPerContainer, forbiddenNetworkModes }, ctx) {
    if (!isObject(value) || !Array.isArray(value.portMappings)) return [];
    const mode = ctx.target.networkMode;
    // The report keeps one finding per place, so the problems of one place are joined.
    const problems = new Map<string, { path: Array<string | number>; problems: string[]; range: string }>();
    const earlier: Array<{ first: number; last: number; protocol: string }> = [];
    let count = 0;
    let comparisons = 0;
    value.portMappings.forEach((m: unknown, i: number) => {
      if (!isObject(m) || m.containerPortRange === undefined || m.containerPortRange === null || m.containerPortRange instanceof Unknown) return;
      const text = m.containerPortRange;
      count++;
      const at = ['portMappings', i, 'containerPortRange'];
      const report = (problem: string, path: Array<string | number> = at) => {
        const key = path.join('/');
        const entry = problems.get(key) ?? { path, problems: [], range: JSON.stringify(text) };
        entry.problems.push(problem);
        problems.set(key, entry);
      };
      if (count === maxPerContainer + 1) report(`is range number ${count}; a container may have at most ${maxPerContainer}`);
      if (mode !== undefined && forbiddenNetworkModes.includes(mode)) report(`does not work in the ${mode} network mode (ranges need bridge or awsvpc)`);
      if (m.hostPort !== undefined && m.hostPort !== null && !(m.hostPort instanceof Unknown)) {
        report('comes with a hostPort; leave hostPort out, ECS chooses the host ports', ['portMappings', i, 'hostPort']);
      }
      const r = parsePortRange(text);
      if (!r || r.first < 1 || r.last > 65535 || r.first >= r.last) {
        report('is not "first-last" with 1 <= first < last <= 65535');
        return;
      }
      const protocol = protocolOf(m);
      if (protocol === undefined) return;
      if (comparisons > COMPARISON_BUDGET) return;
      comparisons += earlier.length;
      const clash = earlier.find((e) => e.protocol === protocol && e.first <= r.last && r.first <= e.last);
      if (clash) report(`overlaps the range ${showPorts(clash.first, clash.last)}/${protocol} of the same container`);
      earlier.push({ ...r, protocol });
    });
    return [...problems.values()].map((p): FunctionResult => ({ path: p.path, data: { problem: p.problems.join(', and '), range: p.range } }));
  },
};
export default portRanges;
