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
  /** The reader changed the text to read it (YAML quoted continuation lines indented): offsets are not those of the input. */
  repaired?: boolean;
}

/** The kinds of resource ecslint lints; each rule checks one kind. */
export type UnitKind = 'task-definition' | 'service' | 'cluster' | 'capacity-provider';

/** How a task definition is written down. */
export type TaskDefinitionForm = 'api' | 'describe' | 'cloudformation' | 'container-list' | 'terraform';
/** How a service or a one-off task is written down (run-task inputs are services without a name). */
export type ServiceForm = 'create-service' | 'update-service' | 'run-task' | 'describe' | 'cloudformation' | 'terraform';
export type ClusterForm = 'create-cluster' | 'update-cluster-settings' | 'cloudformation';
export type CapacityProviderForm = 'create-capacity-provider' | 'cloudformation';
export type UnitForm = TaskDefinitionForm | ServiceForm | ClusterForm | CapacityProviderForm;

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
}
