import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import { daemonInvocations, findEnv, flagValues } from './support/docker-daemon';

export default defineRule({
  id: 'no-insecure-registry',
  title: 'Do not pull images insecurely',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'An image is code that will run on your hosts, so where it comes from must be verified. A daemon started with `--insecure-registry` or an `http://` `--registry-mirror` pulls over plain HTTP or unverified TLS, so anyone on the path can swap the image: those are errors. Turning Docker Content Trust off (`DOCKER_CONTENT_TRUST=0`, `--disable-content-trust`) drops signature checks that someone chose to require: a warning.',
    whenNotToUse: 'A throwaway local registry on a loopback address in a development VM.',
    references: [
      'CIS Docker Benchmark 2.4: Ensure insecure registries are not used',
      'CIS Docker Benchmark 4.5: Ensure Content trust for Docker is Enabled',
      'https://docs.docker.com/reference/cli/dockerd/#insecure-registries',
      'https://docs.docker.com/engine/security/trust/',
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nENV DOCKER_CONTENT_TRUST=0\n' },
        { kind: 'run', code: 'docker run --disable-content-trust nginx:1.27\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nENV DOCKER_CONTENT_TRUST=1\n' },
        { kind: 'compose', code: 'services:\n  dind:\n    image: docker:27-dind\n    command: ["dockerd", "--registry-mirror=https://mirror.example.com"]\n' },
      ],
    },
  },
  messages: {
    contentTrustOff: 'DOCKER_CONTENT_TRUST is "{{value}}", which turns off image signature checks; remove it or set it to 1.',
    contentTrustFlag: '"{{flag}}" skips image signature checks; remove it so signed images are verified.',
    insecureRegistry: 'The Docker daemon trusts the registry "{{registry}}" over plain HTTP or unverified TLS, so its images can be swapped in transit; serve it with a valid TLS certificate instead.',
    httpMirror: 'The registry mirror "{{mirror}}" is plain HTTP, so images pulled through it can be swapped in transit; use an https:// mirror.',
  },
  check(spec, ctx) {
    const trust = findEnv(spec, 'DOCKER_CONTENT_TRUST');
    const trustValue = trust?.value.value;
    if (isKnown(trustValue) && ['0', 'false'].includes(trustValue.value.trim().toLowerCase())) {
      ctx.report({ at: trustValue, messageId: 'contentTrustOff', data: { value: trustValue.value }, fixes: [] });
    }

    const disabled = spec.contentTrustDisabled;
    if (disabled?.value === true) {
      ctx.report({ at: disabled, messageId: 'contentTrustFlag', data: { flag: disabled.raw }, fixes: [] });
    }

    for (const args of daemonInvocations(spec, ctx.memo)) {
      for (const registry of flagValues(args, ['--insecure-registry'])) {
        ctx.report({ at: registry.range, messageId: 'insecureRegistry', severity: 'error', data: { registry: registry.value }, fixes: [] });
      }
      for (const mirror of flagValues(args, ['--registry-mirror'])) {
        if (!mirror.value.toLowerCase().startsWith('http://')) continue;
        ctx.report({ at: mirror.range, messageId: 'httpMirror', severity: 'error', data: { mirror: mirror.value }, fixes: [] });
      }
    }
  },
});
