/** The rule fixtures as the tests see them: the same reader the authoring scripts and the docs build use. */
export type { ExpectedFinding, FixtureCase, FixtureOptions } from '../scripts/fixtures';

const fixtures = require('../dist/scripts/fixtures') as typeof import('../scripts/fixtures');

export const { ROOT, FIXTURES, fixtureCases, fixtureFindings } = fixtures;
