import { defineRule } from '../server/src/engine/ruleApi';
import type { ImageRef } from '../server/src/model/containerSpec';

function display(ref: ImageRef): string {
  return ref.tag === undefined ? ref.name : `${ref.name}:${ref.tag}`;
}

export default defineRule({
  id: 'pin-image-version',
  title: 'Pin image versions',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'An image without a tag means `latest`, and `latest` moves: the next pull or rebuild silently brings a different version, with different packages, users and vulnerabilities, and a compromised upstream push reaches you at once. A version tag makes changes reviewable; a digest (`@sha256:…`) makes them exact. Build stages referenced by name, `scratch`, images chosen by `${VARIABLE}` and Compose images built locally by `build:` are not reported.',
    whenNotToUse: 'Throwaway local experiments, or images you build and tag yourself in the same pipeline.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
      'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier',
    ],
    sameAs: [
      { tool: 'hadolint', id: 'DL3006' },
      { tool: 'hadolint', id: 'DL3007' },
      { tool: 'checkov', id: 'CKV_DOCKER_7' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM ubuntu\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:latest\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM ubuntu:24.04\n' },
        { kind: 'run', code: 'docker run nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
      ],
    },
  },
  messages: {
    noTag: 'The image "{{image}}" has no tag, so it gets whatever "latest" points to at pull time; pin a version tag or a digest.',
    latestTag: 'The image "{{image}}" uses the "latest" tag, which changes without notice; pin a version tag or a digest.',
  },
  check(spec, ctx) {
    for (const image of spec.images) {
      const ref = image.value;
      if (ref.isStage || ref.builtLocally || ref.digest || ref.name.toLowerCase() === 'scratch') continue;
      if (ref.tag === undefined) {
        ctx.report({ at: image, messageId: 'noTag', data: { image: display(ref) }, fixes: [] });
      } else if (ref.tag === 'latest') {
        ctx.report({ at: image, messageId: 'latestTag', data: { image: display(ref) }, fixes: [] });
      }
    }
  },
});
