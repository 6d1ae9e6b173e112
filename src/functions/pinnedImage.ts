import type { RuleFunction } from './types';

interface Options {
  /** Tags that name whatever was pushed last rather than one build. */
  mutableTags: string[];
}

/**
 * Reports an image reference that names no particular build: no tag (Docker pulls `latest`) or a
 * tag in `mutableTags`. A digest (`@sha256:…`) pins the image whatever its tag. Templated values
 * (CodeDeploy's `<IMAGE1_NAME>`, `{{ image }}`) are skipped: the tool that renders them picks the image.
 */
const pinnedImage: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['mutableTags'],
    properties: { mutableTags: { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
  check(value, { mutableTags }) {
    if (typeof value !== 'string' || value.trim() === '') return [];
    if (value.includes('@')) return [];
    // The tag follows the last ':' of the last path component; earlier ':' belong to a registry port.
    const last = value.slice(value.lastIndexOf('/') + 1);
    const colon = last.lastIndexOf(':');
    if (colon === -1) return [{ data: { problem: 'has no tag, so it runs whatever "latest" is at pull time' } }];
    const tag = last.slice(colon + 1);
    if (mutableTags.includes(tag)) return [{ data: { problem: `uses the mutable tag "${tag}"` } }];
    return [];
  },
};
export default pinnedImage;
