import type { Severity } from '../model/basics';

/**
 * Findings that are not rules: facts about the text and the run, which no JSONPath can see. They have ids
 * so that they can be configured, listed and documented like rules.
 */
export const CORE_DIAGNOSTICS: Record<string, { severity: Severity; description: string }> = {
  'parse-error': { severity: 'error', description: 'The file is not valid JSON, YAML or HCL (or not text at all, or cannot be read); nothing in it can be checked.' },
  'merge-conflict': { severity: 'error', description: 'The file holds an unresolved merge conflict (<<<<<<<, =======, >>>>>>> lines); nothing in it can be checked.' },
  'duplicate-key': {
    severity: 'warning',
    description: 'A key appears twice in one object. CloudFormation and most JSON readers keep the last value silently; some deploy tools (aws cloudformation deploy, Terraform) refuse the file.',
  },
  'internal-error': { severity: 'error', description: 'ecslint failed on this file; the other files of the run are still reported. Please report it with the file.' },
  'unused-disable-directive': {
    severity: 'warning',
    description:
      'An ecslint-disable comment or a Metadata ignore suppresses nothing: it names a rule that does not exist (always reported), or finds nothing to suppress (reported with --report-unused-disable-directives).',
  },
  'unknown-argument': {
    severity: 'warning',
    description:
      "A Terraform resource sets an argument or block that the AWS provider's aws_ecs_task_definition or aws_ecs_service does not have, as far as ecslint's table of provider 6 names knows: Terraform refuses the configuration, unless a newer provider added it. A warning, because ecslint cannot know the provider version.",
  },
  'condition-scenarios-capped': {
    severity: 'info',
    description:
      'A CloudFormation resource uses template Conditions in more combinations than are checked one by one (64), or in combinations that together hold more values than a template may have checked that way (200,000); its Fn::If values were checked as unknown values instead, so a branch that cannot deploy may go unreported.',
  },
  'unrecognised-document': {
    severity: 'warning',
    description: 'A file named on the command line holds no task definition, service or template in any understood form (skipped silently when found by walking a folder).',
  },
};

/** Findings that no configuration, comment or baseline can hide: the file was not checked at all. */
export const UNSUPPRESSIBLE = new Set(['parse-error', 'merge-conflict', 'internal-error']);
