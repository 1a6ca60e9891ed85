import { defineRule } from '../server/src/engine/ruleApi';
import { isUnknown } from '../server/src/model/located';
import type { SpecWriter } from '../server/src/edit/writer';

export default defineRule({
  id: 'require-read-only-rootfs',
  title: 'Mount the container\'s root filesystem read-only',
  severity: 'info',
  strictSeverity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'With a writable root filesystem, an attacker who gets code execution can drop tools, modify binaries and configuration, and persist until the container is recreated. `read_only: true` / `--read-only` makes the image immutable at run time; the paths the application really writes (/tmp, a cache, a data directory) become explicit tmpfs mounts or volumes. This is hardening, so it is information by default and a warning under the strict preset; services extended or included from elsewhere and `${VARIABLE}` values are not reported.',
    whenNotToUse: 'Images that write all over their filesystem at start-up (some official database or CMS images) until you have mapped their writable paths.',
    references: [
      'CIS Docker Benchmark 5.12: Ensure that the container\'s root filesystem is mounted as read only',
      'https://docs.docker.com/reference/cli/docker/container/run/#read-only',
      'https://docs.docker.com/reference/compose-file/services/#read_only',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0014' },
      { tool: 'checkov', id: 'CKV_K8S_22' },
      { tool: 'kube-linter', id: 'no-read-only-root-fs' },
    ],
    examples: {
      bad: [{ kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' }],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp\n' },
        { kind: 'run', code: 'docker run --read-only --tmpfs /tmp nginx:1.27\n' },
      ],
    },
  },
  messages: {
    writableRootfs: 'The root filesystem of "{{name}}" is writable; make it read-only and give the paths it writes a tmpfs or a volume.',
    readOnlyOff: 'The read-only root filesystem is turned off ("{{value}}"); turn it on and give the paths the container writes a tmpfs or a volume.',
    makeReadOnly: 'Make the root filesystem read-only (check the service still starts; add tmpfs mounts for paths it writes)',
  },
  check(spec, ctx) {
    const readOnly = spec.readOnly;
    if (isUnknown(readOnly) || spec.unknownFields.has('read_only')) return;
    const fixes = [{ messageId: 'makeReadOnly' as const, safety: 'review' as const, edit: (w: SpecWriter) => w.setSettings(spec, { readOnly: 'true' }) }];
    if (readOnly === undefined) {
      if (spec.incomplete) return; // `extends` or `include` may set it elsewhere
      ctx.report({ at: spec.origin.nameRange, messageId: 'writableRootfs', data: { name: spec.origin.name }, fixes });
    } else if (readOnly.value === false) {
      ctx.report({ at: readOnly, messageId: 'readOnlyOff', data: { value: readOnly.raw }, fixes });
    }
  },
});
