import * as path from 'path';

/**
 * dist/generated: what the build made from rules/ and schemas/ (rules, validators, AWS schema tables). Every
 * module that reads it sits two folders below dist/ (dist/src/<stage>/ and the CLI bundle's dist/bundle/cli/),
 * so this one path names the same folder from each; a module deeper down takes it from here.
 */
export const GENERATED = path.join(__dirname, '..', '..', 'generated');
