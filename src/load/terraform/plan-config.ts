import * as fs from 'fs';
import * as path from 'path';
import { isObject } from '../../model/object';
import { LineIndex } from '../../model/text';
import type { SourceFile } from '../../model/unit';
import { decode } from '../../files/decode';
import { readLintable } from '../../files/read';
import { hclParserLoaded } from './load-parser';
import { HclDocument, parseHcl } from './parse-hcl';
import { resolveContainerFile, ResourcePlace } from './resource-place';

/**
 * A plan's configuration, when it is beside the plan: the `.tf` files of the folder that holds the plan
 * file are its root module, and each child module whose `source` is a local path (`./modules/app`) is the
 * folder that path names. A plan resource is then placed in the `.tf` file that declares it. The plan
 * itself records no file or line: its `configuration` section gives each module's source and each
 * resource's address only.
 */
export interface PlanConfiguration {
  /** Where a resource of the plan is declared; undefined when its module or its block cannot be found. */
  place(moduleAddress: string, type: string, name: string): ResourcePlace | undefined;
  /** The `task_definition` references of a service in the plan's configuration (`aws_ecs_task_definition.web`). */
  references(moduleAddress: string, type: string, name: string, argument: string): string[];
}

/** Whether the folder holds .tf files (then a plan there is placed in them once the HCL parser is loaded). */
export function hasConfigurationBeside(planPath: string): boolean {
  try {
    return fs.readdirSync(path.dirname(planPath)).some((f) => f.endsWith('.tf'));
  } catch {
    return false;
  }
}

/** `module.app[0].module.worker` -> ['app', 'worker']: the module calls, without instance keys. */
function moduleCalls(moduleAddress: string): string[] {
  const out: string[] = [];
  for (const m of moduleAddress.matchAll(/module\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?/g)) out.push(m[1]);
  return out;
}

export function planConfiguration(plan: unknown, planPath: string): PlanConfiguration {
  const root = isObject(plan) && isObject(plan.configuration) && isObject(plan.configuration.root_module) ? plan.configuration.root_module : undefined;
  const parsedDirs = new Map<string, Array<{ file: SourceFile; doc: HclDocument }>>();

  /** The configuration module and its folder (undefined when the source is not a local path). */
  const moduleOf = (moduleAddress: string): { config: Record<string, unknown> | undefined; dir: string | undefined } => {
    let config = root;
    let dir: string | undefined = path.dirname(planPath);
    for (const call of moduleCalls(moduleAddress)) {
      const calls = config && isObject(config.module_calls) ? config.module_calls : undefined;
      const c = calls && isObject(calls[call]) ? calls[call] : undefined;
      const source = c && typeof c.source === 'string' ? c.source : undefined;
      dir = dir !== undefined && source !== undefined && /^\.\.?[\\/]/.test(source) ? path.join(dir, source) : undefined;
      config = c && isObject(c.module) ? c.module : undefined;
    }
    return { config, dir };
  };

  const filesIn = (dir: string): Array<{ file: SourceFile; doc: HclDocument }> => {
    let parsed = parsedDirs.get(dir);
    if (parsed) return parsed;
    parsed = [];
    let names: string[] = [];
    try {
      names = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.tf'))
        .sort();
    } catch {
      // not a folder: the plan's positions are used
    }
    for (const name of names) {
      const p = path.join(dir, name);
      const read = readLintable(p);
      if (!('bytes' in read)) continue;
      const decoded = decode(read.bytes);
      if (!('text' in decoded)) continue;
      const doc = parseHcl(decoded.text);
      if ('error' in doc) continue;
      parsed.push({ file: { path: p, text: decoded.text, lines: new LineIndex(decoded.text), syntax: 'hcl', comments: doc.comments }, doc });
    }
    parsedDirs.set(dir, parsed);
    return parsed;
  };

  return {
    place(moduleAddress, type, name) {
      if (!hclParserLoaded()) return undefined;
      const { dir } = moduleOf(moduleAddress);
      if (dir === undefined) return undefined;
      for (const { file, doc } of filesIn(dir)) {
        const resources = isObject(doc.value) && isObject(doc.value.resource) ? doc.value.resource : undefined;
        const ofType = resources && isObject(resources[type]) ? resources[type] : undefined;
        const body = ofType && isObject(ofType[name]) ? ofType[name] : undefined;
        if (body) return resolveContainerFile(body, { file, document: doc, prefix: ['resource', type, name] }).place;
      }
      return undefined;
    },
    references(moduleAddress, type, name, argument) {
      const { config } = moduleOf(moduleAddress);
      const resources = config && Array.isArray(config.resources) ? config.resources : [];
      const resource = resources.find((r) => isObject(r) && r.type === type && r.name === name && r.mode === 'managed');
      const expressions = isObject(resource) && isObject(resource.expressions) ? resource.expressions : undefined;
      const expression = expressions && isObject(expressions[argument]) ? expressions[argument] : undefined;
      return expression && Array.isArray(expression.references) ? expression.references.filter((r): r is string => typeof r === 'string') : [];
    },
  };
}
