import type { Severity } from '../model/basics';
import type { Report } from '../model/finding';
import { repositoryPath } from './paths';
import { renderAll, type FormatStream } from './stream';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The escaping the GitHub Actions runner undoes (actions/toolkit, `escapeData`/`escapeProperty`). With
 * line breaks encoded, a value can never start a line of its own, so it cannot issue a command.
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding. */
export function formatGithub(report: Report): string {
  return renderAll(githubStream(report.root), report.results);
}

/** The annotations of each file as it comes; paths relative to `root`, the repository's top. */
export function githubStream(root: string): FormatStream {
  return {
    file(r) {
      const file = escapeProperty(repositoryPath(r.filePath, root));
      let out = '';
      for (const m of r.messages) {
        const props = `file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}`;
        out += `::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}\n`;
      }
      return out;
    },
    end: () => '',
  };
}
