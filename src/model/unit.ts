import type { ParsedDocument } from './document';
import type { Path } from './path';
import type { LineIndex, Range } from './text';

/** One file as the loader read it. */
export interface SourceFile {
  /** The path as given (or the name given for standard input); reports show it. */
  path: string;
  /** The decoded text that every offset refers to. */
  text: string;
  lines: LineIndex;
  syntax: 'json' | 'yaml' | 'hcl';
  /** The comments of an HCL file, where its suppression directives are (JSON has none; YAML's are read from the text). */
  comments?: readonly SourceComment[];
  /** The reader changed the text to read it (YAML quoted continuation lines indented): offsets are not those of the input. */
  repaired?: boolean;
}

/** A comment in a file, as written (with its `#`, `//` or `/* … *\/`), and where it starts. */
export interface SourceComment {
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

/**
 * The kinds of resource ecslint lints; each rule checks one kind. `iam` is an IAM role or policy of a template that
 * a task definition of the same template uses as its task or execution role.
 */
export type UnitKind = 'task-definition' | 'service' | 'cluster' | 'capacity-provider' | 'iam';

/** How a task definition is written down. */
export type TaskDefinitionForm = 'api' | 'describe' | 'cloudformation' | 'container-list' | 'terraform';
/** How a service or a one-off task is written down (run-task inputs are services without a name). */
export type ServiceForm = 'create-service' | 'update-service' | 'run-task' | 'describe' | 'cloudformation' | 'terraform';
export type ClusterForm = 'create-cluster' | 'update-cluster-settings' | 'cloudformation';
export type CapacityProviderForm = 'create-capacity-provider' | 'cloudformation';
export type IamForm = 'cloudformation';
export type UnitForm = TaskDefinitionForm | ServiceForm | ClusterForm | CapacityProviderForm | IamForm;

/** How a task definition uses an IAM role (or the role a policy is attached to). */
export interface RoleUse {
  role: 'task' | 'execution';
  /** The task definition's logical id. */
  taskDefinition: string;
}

/** The naming the author used: the API's camelCase, CloudFormation's PascalCase, Terraform's snake_case. */
export type Dialect = 'api' | 'cloudformation' | 'terraform';

/** How a service names the task definition it runs, as far as it can be read without AWS. */
export type TaskDefinitionRef =
  /** A CloudFormation `!Ref X` / `!GetAtt X.TaskDefinitionArn`, or Terraform's `aws_ecs_task_definition.X`, in the same template or module. */
  | { resource: string }
  /** `family`, `family:3`, or an ARN ending in `task-definition/family:3`. */
  | { family: string; revision?: number };

/** What a task definition runs on, resolved once per unit; `undefined` means it cannot be known statically. */
export interface Target {
  compatibilities: ReadonlySet<string> | undefined;
  fargate: boolean | undefined;
  os: 'LINUX' | 'WINDOWS' | undefined;
  /** The effective network mode: written, or the default for the OS. */
  networkMode: string | undefined;
  /** The written ipcMode; undefined when omitted or unknown. */
  ipcMode: string | undefined;
  /** Top-level members that are set (not null or empty); an Unknown value counts as set. */
  setMembers: ReadonlySet<string>;
  form: UnitForm;
}

/** The task definition a service runs, found by the link stage. */
export interface LinkedTaskDefinition {
  /** Family, logical id or resource name, for messages. */
  name: string;
  view: Record<string, unknown>;
  target: Target;
  /** The file that holds it. */
  file: string;
}

/** A rule id that the unit itself says to ignore (CloudFormation `Metadata.ecslint.ignore`), and where it is written. */
export interface UnitIgnore {
  ruleId: string;
  /** Path of the list item, as written, from the document's root. */
  path: Path;
}

/**
 * One linted resource: a task definition, service, cluster or capacity provider. It carries the file it
 * came from, its tree as written, the normalised view that rules read, and the way back from one to the
 * other. Every stage after loading reads units and adds to them; none goes back to the text.
 */
export interface SourceUnit {
  kind: UnitKind;
  form: UnitForm;
  dialect: Dialect;
  /** Family, logical id, resource name or service name; or a description of the document. */
  name: string;
  file: SourceFile;
  /** The parsed document that holds the unit, as written. */
  document: ParsedDocument;
  /** The YAML document that holds the unit, in a file of several documents; undefined in a file of one. */
  documentIndex?: number;
  /** The unit in the API's camelCase; unknowable values are `Unknown`. */
  view: Record<string, unknown>;
  /** The path, from the document's root as written, of a path in `view`. */
  written(path: Path): string[];
  /** Where a path of `view` is in the file: the member from its key to the end of its value; a missing member at its would-be place. */
  range(path: Path): Range;
  /**
   * The file that holds a path as `written` gives it, for a unit written across files: Terraform container
   * definitions that `file()` or `templatefile()` reads are written in that file (their paths start at its
   * root), and a plan's resource may be placed in its `.tf` configuration. `file` when absent.
   */
  fileOf?(written: readonly string[]): SourceFile;
  /** Rule ids the unit's own metadata says to ignore. */
  ignores: readonly UnitIgnore[];
  /** For services: the task definition they name. */
  taskDefinitionRef?: TaskDefinitionRef;
  /** Units that can link to each other by resource name share a scope: one template, one Terraform module. */
  scope: string;
  /** Set by the link stage. */
  target?: Target;
  /** Set by the link stage, for services whose task definition was found. */
  taskDefinition?: LinkedTaskDefinition;
  /** A view of a CloudFormation unit under one assignment of the template's Conditions (its `Fn::If` branches taken). */
  scenario?: UnitScenario;
  /** The unit under each assignment of the conditions it uses that can deploy; when set, these are linted instead of `view`. */
  scenarios?: SourceUnit[];
  /** For IAM units: the task definitions of the template whose task or execution role the role is, or the policy is attached to. */
  usedBy?: readonly RoleUse[];
  /** The unit's conditions are not checked one by one: its `Fn::If` values stay unknown. */
  scenariosCapped?: ScenariosCapped;
}

/**
 * Why a unit's scenarios were not checked one by one: more combinations than `cap`, or (with `values`) scenarios
 * that together would hold more values than a template may have checked through its scenarios.
 */
export interface ScenariosCapped {
  conditions: readonly string[];
  cap: number;
  /** Set when the scenarios were dropped for their size: the values a template's scenarios may hold in all. */
  values?: number;
}

/** One assignment of the conditions a CloudFormation unit uses. */
export interface UnitScenario {
  /** `IsDev=true, UseSpot=false`. */
  name: string;
  conditions: Readonly<Record<string, boolean>>;
}

/** Scopes of Terraform modules: this prefix, then the module's folder (a module is a folder of .tf files). */
export const MODULE_SCOPE = 'terraform:';

/** Whether a scope is a Terraform module's, whose units may be in several files. */
export function isModuleScope(scope: string): boolean {
  return scope.startsWith(MODULE_SCOPE);
}

/** The folder of a module scope. */
export function moduleFolder(scope: string): string {
  return scope.slice(MODULE_SCOPE.length);
}
