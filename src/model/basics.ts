/** The small vocabulary every stage shares: severities, profiles, presets, targets, spans. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** What a task can run on: the values of requiresCompatibilities and of a service's launchType. */
export type LaunchType = 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES';
export const LAUNCH_TYPES: readonly LaunchType[] = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];

/**
 * Which documentation the rules follow. `current`: AWS's documentation as it stands now (the default).
 * `seed`: the 2020 cheat sheet the project was created from, whose limits AWS has partly relaxed since.
 */
export type DocsProfile = 'seed' | 'current';
export type Preset = 'recommended' | 'strict' | 'all';

/** A half-open range of character offsets into a file's decoded text. */
export interface Span {
  start: number;
  end: number;
}
