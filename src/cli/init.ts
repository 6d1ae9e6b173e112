import * as fs from 'fs';
import * as path from 'path';
import type { SubcommandOutcome } from './commands';

/** The starter configuration `ecslint init` writes: every setting shown, with what it does. */
export const STARTER_CONFIG = `# ecslint configuration. Schema: node_modules/ecslint/schemas/config.schema.json
# Presets: ecslint:recommended (AWS rejections and seed limits, the most useful warnings),
# ecslint:strict (adds every best-practice warning), ecslint:all (every rule).
extends: [ecslint:recommended]

# What a task definition without requiresCompatibilities targets: EC2 (AWS's default), FARGATE or EXTERNAL.
launchType: EC2

# Where the seed cheat sheet and newer AWS docs disagree: seed (default) or current.
docs: seed

# Rule id -> off | warn | error (see "npx ecslint rules").
rules: {}

# Per-file settings, for example:
# overrides:
#   - files: ["legacy/**"]
#     rules:
#       fargate-no-privileged: warn
overrides: []

# Files never linted (globs relative to this file).
ignorePatterns: ["cdk.out/**"]
`;

/** Write .ecslintrc.yaml in the current folder; never overwrite one. */
export function init(dir = process.cwd()): SubcommandOutcome {
  const file = path.join(dir, '.ecslintrc.yaml');
  if (fs.existsSync(file)) return { stdout: '', stderr: `ecslint: ${file} exists already; not overwritten.\n`, exit: 2 };
  fs.writeFileSync(file, STARTER_CONFIG);
  return { stdout: `Wrote ${path.relative(process.cwd(), file) || file}.\n`, exit: 0 };
}
