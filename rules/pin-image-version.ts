import { defineRule } from '../server/src/engine/ruleApi';
import type { ImageRef } from '../server/src/model/containerSpec';
import { fromTrustedRegistry, imageRegistry } from '../server/src/model/imageRef';
import { isFloatingTag } from './support/image-tags';

function display(ref: ImageRef): string {
  return ref.tag === undefined ? ref.name : `${ref.name}:${ref.tag}`;
}

export default defineRule({
  id: 'pin-image-version',
  title: 'Pin image versions and pull from trusted registries',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "An image without a tag means `latest`, and `latest` moves: the next pull or rebuild silently brings a different version, with different packages, users and vulnerabilities, and a compromised upstream push reaches you at once. Tags that name a channel or only a variant move the same way (`stable`, `edge`, `lts`, `nightly`, `dev`, `beta`, `canary`, `rolling`, `mainline`, `current`, `main`, `alpine`, `slim`, `stable-alpine`…; `postgres:alpine` jumps to the next major version and its data directory no longer starts); a distribution's codename is its version (`debian:bookworm`), a variant alone on an image named with its version stays within it (`distroless/static-debian12:nonroot`), and a tag with a version number or a word Capdrop does not know as a channel or variant (`ros:humble`, a project's own `test` tag) is not reported. A version tag makes changes reviewable; a digest (`@sha256:…`) makes them exact, and the `strict` preset asks for one on every image. With `trustedRegistries` in `.capdrop.yaml`, every image must come from one of them (an error otherwise): `FROM`, `COPY --from=<image>`, Compose `image:` and `docker run`. Checked on every `FROM` and on `COPY --from` images written with a tag, digest or path (a bare `--from=name` may be a build context). Build stages referenced by name, `scratch`, images chosen by `${VARIABLE}` and Compose images built locally by `build:` are not reported; documentation examples (Markdown) are not asked for digests or trusted registries.",
    whenNotToUse: 'Throwaway local experiments, or images you build and tag yourself in the same pipeline.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
      'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier',
      'https://github.com/hadolint/hadolint/wiki/DL3026',
    ],
    sameAs: [
      { tool: 'hadolint', id: 'DL3006' },
      { tool: 'hadolint', id: 'DL3007' },
      { tool: 'hadolint', id: 'DL3026 (trustedRegistries)' },
      { tool: 'trivy', id: 'AVD-DS-0001' },
      { tool: 'kics', id: 'Image Version Using \'latest\' (f45ea400-6bbe-4501-9fc7-1c3d75c32067)' },
      { tool: 'kics', id: 'Image Version Not Explicit (9efb0b2d-89c9-41a3-91ca-dcc0aec911fd)' },
      { tool: 'checkov', id: 'CKV_DOCKER_7' },
      { tool: 'dclint', id: 'service-image-require-explicit-tag' },
      { tool: 'kube-linter', id: 'latest-tag' },
      { tool: 'checkov', id: 'CKV_K8S_14' },
      { tool: 'checkov', id: 'CKV_K8S_43 (digest)' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM ubuntu\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:latest\n' },
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:alpine\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM ubuntu:24.04\n' },
        { kind: 'dockerfile', code: 'FROM debian:bookworm-slim\n' },
        { kind: 'run', code: 'docker run nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
      ],
    },
  },
  messages: {
    noTag: 'The image "{{image}}" has no tag, so it gets whatever "latest" points to at pull time; pin a version tag or a digest.',
    latestTag: 'The image "{{image}}" uses the "latest" tag, which changes without notice; pin a version tag or a digest.',
    floatingTag: 'The image "{{image}}" uses the tag "{{tag}}", which names no version and moves to each new release; pin a version tag or a digest.',
    noDigest: 'The image "{{image}}" is pinned by tag only, and a tag can be pushed again with other content; add its digest ("{{image}}@sha256:…").',
    untrustedRegistry: 'The image "{{image}}" comes from {{registry}}, which is not among the trusted registries ({{trusted}}); pull it from a trusted registry or mirror, or add the registry to trustedRegistries in .capdrop.yaml.',
  },
  check(spec, ctx) {
    const trusted = ctx.trustedRegistries?.length && !spec.fragment ? ctx.trustedRegistries : undefined;
    for (const image of spec.images) {
      const ref = image.value;
      if (ref.isStage || ref.builtLocally || ref.name.toLowerCase() === 'scratch') continue;
      const name = display(ref);
      if (trusted && !fromTrustedRegistry(ref.name, trusted)) {
        ctx.report({ at: image, messageId: 'untrustedRegistry', severity: 'error', data: { image: name, registry: imageRegistry(ref.name).host, trusted: trusted.join(', ') }, fixes: [] });
      }
      if (ref.digest) continue;
      if (ref.tag === undefined) ctx.report({ at: image, messageId: 'noTag', data: { image: name }, fixes: [] });
      else if (ref.tag === 'latest') ctx.report({ at: image, messageId: 'latestTag', data: { image: name }, fixes: [] });
      else if (isFloatingTag(ref)) ctx.report({ at: image, messageId: 'floatingTag', data: { image: name, tag: ref.tag }, fixes: [] });
      else if (ctx.preset === 'strict' && !spec.fragment) ctx.report({ at: image, messageId: 'noDigest', data: { image: name }, fixes: [] });
    }
  },
});
