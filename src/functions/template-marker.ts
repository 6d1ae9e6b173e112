import { hasDoubleBraces } from '../load/unknown';

/**
 * Template markers that tools replace before a task definition is registered, beyond the `${…}`
 * placeholders the loader already treats as Unknown: CodeDeploy's `<IMAGE1_NAME>`, Go/Jinja/
 * ecspresso `{{ … }}`, envsubst `$NAME`, and the ECS agent's test markers `$$$NAME$$$`. A value
 * holding one is not what AWS will see, so format checks skip it.
 */
const TEMPLATE_MARKER = /<[^<>\s][^<>]*>|\$[A-Za-z_{$]/;

export function hasTemplateMarker(value: string): boolean {
  // `{{ … }}` is scanned for: as a regular expression it backtracks quadratically on a run of `{{`.
  return TEMPLATE_MARKER.test(value) || hasDoubleBraces(value);
}
