import type { FunctionResult, RuleFunction } from './types';
import { Unknown } from '../model/unknown';

type Os = 'Linux' | 'Windows';

const PIN = /(?:attribute:)?ecs\.os-(type|family)\s*(==|!=)\s*['"]?([A-Za-z0-9_]+)/gi;

function osOfValue(value: string): Os | undefined {
  const v = value.toLowerCase();
  if (v.startsWith('windows')) return 'Windows';
  if (v === 'linux') return 'Linux';
  return undefined;
}

/** The OS a constraint expression restricts placement to, if it names exactly one. */
function pinnedOs(expression: string): Os | undefined {
  // With `or` the expression admits several attribute values; it pins nothing for certain.
  if (/\bor\b/i.test(expression)) return undefined;
  const pins = new Set<Os>();
  for (const m of expression.matchAll(PIN)) {
    const os = osOfValue(m[3]);
    if (!os) continue;
    if (m[2] === '==') pins.add(os);
    // `ecs.os-type != windows` leaves only Linux; an os-family inequality leaves other families of the same OS.
    else if (m[1].toLowerCase() === 'type') pins.add(os === 'Windows' ? 'Linux' : 'Windows');
  }
  return pins.size === 1 ? [...pins][0] : undefined;
}

/**
 * The selected value is a task's placementConstraints. Reports each constraint whose expression
 * pins placement (ecs.os-type / ecs.os-family) to another OS than the task's: the OS of
 * runtimePlatform.operatingSystemFamily when written, else the OS the first pinning constraint
 * chose. An unknown operatingSystemFamily or expression is skipped.
 */
const placementOsConflict: RuleFunction = {
  optionsSchema: { type: 'object', additionalProperties: false },
  check(value, _options, ctx) {
    if (!Array.isArray(value)) return [];
    const platform = ctx.document.runtimePlatform;
    if (platform instanceof Unknown) return [];
    let declared: Os | undefined;
    let reason = 'runtimePlatform.operatingSystemFamily';
    if (platform !== null && typeof platform === 'object') {
      const family = (platform as Record<string, unknown>).operatingSystemFamily;
      if (family instanceof Unknown) return [];
      if (typeof family === 'string') declared = family.startsWith('WINDOWS') ? 'Windows' : 'Linux';
    }
    const out: FunctionResult[] = [];
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      const expression = c !== null && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>).expression : undefined;
      if (typeof expression !== 'string') continue;
      const pinned = pinnedOs(expression);
      if (!pinned) continue;
      if (declared === undefined) {
        declared = pinned;
        reason = `placement constraint #${i + 1}`;
      } else if (pinned !== declared) {
        out.push({ path: [i, 'expression'], data: { pinned, declared, reason } });
      }
    }
    return out;
  },
};
export default placementOsConflict;
