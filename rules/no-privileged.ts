import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';

export default defineRule({
  id: 'no-privileged',
  title: 'Do not run containers privileged',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A privileged container gets every capability, all host devices and no seccomp/AppArmor confinement: root inside it is root on the host. `docker exec --privileged` gives every capability to one command in a running container (CIS 5.23).',
    whenNotToUse: 'Docker-in-Docker builders or hardware agents that you accept as equivalent to root on the host.',
    references: [
      'CIS Docker Benchmark 5.4: Ensure that privileged containers are not used',
      'CIS Docker Benchmark 5.23: Ensure that docker exec commands are not used with the privileged option',
      'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0017' },
      { tool: 'checkov', id: 'CKV_K8S_16' },
      { tool: 'kube-linter', id: 'privileged-container' },
      { tool: 'kics', id: 'Privileged Containers Enabled (Docker Compose)' },
    ],
    examples: {
      bad: [{ kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n' }],
      good: [{ kind: 'run', code: 'docker run --cap-add NET_ADMIN nginx:1.27\n' }],
    },
  },
  messages: {
    privileged: 'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs.',
    // moby gives a privileged exec every capability; devices and the AppArmor profile stay the container's.
    execPrivileged: 'This docker exec runs its command with every capability (SYS_ADMIN, SYS_MODULE…), enough to load kernel modules or mount host filesystems; run it without --privileged.',
    removePrivileged: 'Remove privileged mode (grant specific capabilities instead)',
  },
  check(spec, ctx) {
    const p = spec.privileged;
    if (!isKnown(p) || p.value !== true) return;
    ctx.report({
      at: p,
      messageId: spec.exec ? 'execPrivileged' : 'privileged',
      fixes: [{ messageId: 'removePrivileged', safety: 'review', edit: (w) => w.remove(p) }],
    });
  },
});
