import { defineRule } from '../server/src/engine/ruleApi';
import type { ContainerSpec } from '../server/src/model/containerSpec';
import { isKnown } from '../server/src/model/located';
import { capabilityName } from './support/capabilities';

/** The modes that send mounts made in the container back to the host (`rshared` also for nested mounts). */
const SHARED = new Set(['shared', 'rshared']);

/**
 * Making a mount needs CAP_SYS_ADMIN (privileged mode grants it). Without it the container cannot mount
 * anything, and a shared mount only shows it the host's later mounts, as rslave does: still a warning,
 * since granting SYS_ADMIN later turns it into a way onto the host.
 */
function canMount(spec: ContainerSpec): boolean {
  if (isKnown(spec.privileged) && spec.privileged.value) return true;
  return spec.capAdd.some((cap) => {
    const name = capabilityName(cap.value);
    return name === 'SYS_ADMIN' || name === 'ALL';
  });
}

export default defineRule({
  id: 'no-shared-mount-propagation',
  title: 'Do not share mount propagation with the host',
  severity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "A bind mount with `shared` or `rshared` propagation (`-v /mnt:/mnt:rshared`, `--mount …,bind-propagation=rshared`, Compose `bind: {propagation: rshared}`) joins the host's peer group: every mount the container makes below it appears on the host and in every other container sharing it. A container that can mount (privileged, or with SYS_ADMIN) can then lay a filesystem over a host directory that host services read, or hide one from them: an error. Without that capability the container cannot mount yet, and the option is a warning. `slave`/`rslave` (the host's mounts reach the container, never the reverse) and the default `rprivate` are not reported.",
    whenNotToUse:
      'Storage and volume plugins (CSI node drivers, FUSE mounters such as rclone or s3fs) that exist to mount filesystems for the host, and that you trust as root on it.',
    references: [
      'CIS Docker Benchmark 5.20 (v1.6.0): Ensure mount propagation mode is not set to shared',
      'https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation',
      'https://docs.docker.com/reference/compose-file/services/#volumes',
      'https://docs.kernel.org/filesystems/sharedsubtree.html',
    ],
    sameAs: [{ tool: 'kics', id: 'Volume Mounted In Multiple Containers (baa452f0-1f21-4a25-ace5-844e7a5f410d)' }],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /mnt/data:/data:rshared\n' },
        { kind: 'run', code: 'docker run --mount type=bind,src=/mnt,dst=/mnt,bind-propagation=shared alpine:3.20\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /mnt/data:/data:rslave\n' },
        { kind: 'run', code: 'docker run -v /mnt:/mnt:ro alpine:3.20\n' },
      ],
    },
  },
  messages: {
    shared: 'The mount at "{{target}}" uses {{mode}} propagation, so mounts made under it in the container appear on the host and in other containers; remove it (the default is rprivate), or use rslave if the container only needs to see the host\'s mounts.',
    sharedCanMount:
      'The mount at "{{target}}" uses {{mode}} propagation and this container can mount (privileged or SYS_ADMIN), so it can lay a filesystem over host directories under it; remove the option (the default is rprivate), or use rslave if the container only needs to see the host\'s mounts.',
    removePropagation: 'Remove the {{mode}} propagation (the mount becomes rprivate)',
  },
  check(spec, ctx) {
    let mounting: boolean | undefined;
    for (const mount of spec.mounts) {
      const propagation = mount.value.propagation;
      if (!propagation || !SHARED.has(propagation.value)) continue;
      mounting ??= canMount(spec);
      const target = mount.value.target?.value ?? mount.value.source?.value ?? '';
      ctx.report({
        at: propagation,
        messageId: mounting ? 'sharedCanMount' : 'shared',
        data: { target, mode: propagation.value },
        severity: mounting ? 'error' : 'warning',
        fixes: [{ messageId: 'removePropagation', safety: 'review', edit: (w) => w.removeMountOption(mount, propagation) }],
      });
    }
  },
});
