import type { Severity } from '../model/basics';
import type { Finding, Fix, Report, RuleMeta } from '../model/finding';
import { fingerprint } from '../report/baseline';
import { repositoryPath } from './paths';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** The base that relative artifact URIs are resolved against: the checkout, for GitHub code scanning. */
const SRCROOT = '%SRCROOT%';
/**
 * The baseline's fingerprint (rule, task definition, JSON Pointer; never the line), so code scanning keeps
 * tracking a finding when lines move. Versioned so that a change of recipe is not mistaken for new findings.
 */
const FINGERPRINT_KEY = 'ecslintFinding/v1';

/** A path as a URI reference: each segment percent-encoded, so spaces, `#`, `?` and `:` cannot change its meaning. */
function uriOf(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: 'file://' + file.split('/').map(encodeURIComponent).join('/') };
  if (/^[A-Za-z]:\//.test(file)) return { uri: 'file:///' + file.slice(0, 2) + file.slice(2).split('/').map(encodeURIComponent).join('/') };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function descriptor(meta: RuleMeta) {
  const full = meta.remediation ? `${meta.description} ${meta.remediation}` : meta.description;
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: full },
    ...(meta.helpUri ? { helpUri: meta.helpUri } : {}),
    ...(meta.remediation ? { help: { text: meta.remediation } } : {}),
    defaultConfiguration: { level: LEVEL[meta.severity] },
  };
}

/**
 * A finding's fix (reported under --fix-dry-run) as a SARIF fix: one replacement in the finding's file. An empty
 * deleted region is an insertion point; a replacement without inserted content is a deletion.
 */
function sarifFix(fix: Fix, artifact: { uri: string; uriBaseId?: string }) {
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: artifact,
        replacements: [
          {
            deletedRegion: { startLine: fix.line, startColumn: fix.column, endLine: fix.endLine, endColumn: fix.endColumn },
            ...(fix.text !== '' ? { insertedContent: { text: fix.text } } : {}),
          },
        ],
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every known rule described in
 * tool.driver.rules (sorted by id), one result per finding with its exact region. Regions use 1-based
 * lines and UTF-16 columns with an exclusive end column, as ecslint's findings do.
 */
export function formatSarif(report: Report): string {
  const metas = [...report.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map<string, number>();
  metas.forEach((m, i) => index.set(m.id, i));
  const rules = metas.map(descriptor);
  // A finding from a rule nobody described (a team's own rule) still gets a descriptor, so ruleIndex is valid.
  const ruleIndex = (m: Finding) => {
    let i = index.get(m.ruleId);
    if (i === undefined) {
      i = rules.length;
      index.set(m.ruleId, i);
      rules.push({ id: m.ruleId, shortDescription: { text: m.ruleId }, fullDescription: { text: m.ruleId }, defaultConfiguration: { level: LEVEL[m.severity] } });
    }
    return i;
  };

  const sarifResults = [];
  for (const r of report.results) {
    const artifact = uriOf(repositoryPath(r.filePath, report.root));
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      // Identical findings in one file get an occurrence number, so each fingerprint stays unique.
      const hash = fingerprint(m);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: ruleIndex(m),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact,
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
            ...(m.path ? { logicalLocations: [{ fullyQualifiedName: m.path }] } : {}),
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${n}` },
        ...(m.fix ? { fixes: [sarifFix(m.fix, artifact)] } : {}),
        ...(m.taskDefinition !== undefined ? { properties: { taskDefinition: m.taskDefinition } } : {}),
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, informationUri: report.tool.informationUri, rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
