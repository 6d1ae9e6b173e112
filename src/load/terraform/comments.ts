import { Directive, parseDirectives } from '../directives';
import type { HclComment } from './parse-hcl';

/**
 * Suppression directives in the comments of a .tf file. HCL has three comment forms, and each may hold a
 * directive: `# ecslint-disable-next-line id -- why`, `// ecslint-disable-line id`, and
 * `/* ecslint-disable id *\/` (its first line). The directive grammar is the one YAML comments use.
 */
export function hclDirectives(comments: readonly HclComment[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    if (!c.text.includes('ecslint-')) continue;
    let body: string;
    if (c.text.startsWith('#')) body = c.text;
    else if (c.text.startsWith('//')) body = '#' + c.text.slice(2);
    else
      body =
        '#' +
        c.text
          .slice(2)
          .split('\n')[0]
          .replace(/\*\/\s*$/, '');
    for (const d of parseDirectives(body.replace(/\r$/, ''))) {
      const firstLine = c.text.split('\n')[0];
      out.push({ ...d, line: c.line, column: c.column, endColumn: c.column + firstLine.replace(/\r$/, '').length });
    }
  }
  return out;
}
