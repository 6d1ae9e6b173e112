import type { ParsedDocument } from '../model/document';
import { locate } from '../model/document';
import type { Path } from '../model/path';
import type { Dialect, RoleUse, ScenariosCapped, SourceFile, SourceUnit, TaskDefinitionRef, UnitForm, UnitIgnore, UnitKind, UnitScenario } from '../model/unit';

/** What an extractor finds in a document: a unit before it is tied to its file. */
export interface UnitSpec {
  kind: UnitKind;
  form: UnitForm;
  dialect: Dialect;
  name: string;
  view: Record<string, unknown>;
  /** A path of `view` as written, from the document's root. */
  toWritten(path: Path): string[];
  ignores?: UnitIgnore[];
  taskDefinitionRef?: TaskDefinitionRef;
  scenario?: UnitScenario;
  /** The unit under each scenario of its template's Conditions (see SourceUnit.scenarios). */
  scenarios?: UnitSpec[];
  scenariosCapped?: ScenariosCapped;
  usedBy?: readonly RoleUse[];
}

/** Tie a unit to the file and document it was found in; `scope` groups the units that can name each other. */
export function makeUnit(spec: UnitSpec, file: SourceFile, document: ParsedDocument, documentIndex: number | undefined, scope: string): SourceUnit {
  return {
    kind: spec.kind,
    form: spec.form,
    dialect: spec.dialect,
    name: spec.name,
    file,
    document,
    ...(documentIndex !== undefined ? { documentIndex } : {}),
    view: spec.view,
    written: spec.toWritten,
    range(path) {
      const span = locate(document, spec.toWritten(path));
      return file.lines.range(span.start, span.end);
    },
    ignores: spec.ignores ?? [],
    ...(spec.taskDefinitionRef ? { taskDefinitionRef: spec.taskDefinitionRef } : {}),
    scope,
    ...(spec.scenario ? { scenario: spec.scenario } : {}),
    ...(spec.usedBy ? { usedBy: spec.usedBy } : {}),
    ...(spec.scenariosCapped ? { scenariosCapped: spec.scenariosCapped } : {}),
    ...(spec.scenarios ? { scenarios: spec.scenarios.map((s) => makeUnit(s, file, document, documentIndex, scope)) } : {}),
  };
}
