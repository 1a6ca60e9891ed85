import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';

export default defineRule({
  id: 'no-privileged',
  title: 'Do not run containers privileged',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A privileged container gets every capability, all host devices and no seccomp/AppArmor confinement: root inside it is root on the host.',
    whenNotToUse: 'Docker-in-Docker builders or hardware agents that you accept as equivalent to root on the host.',
    references: [
      'CIS Docker Benchmark 5.4: Ensure that privileged containers are not used',
      'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
    ],
    sameAs: [{ tool: 'hadolint', id: '-' }],
    examples: {
      bad: [{ kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n' }],
      good: [{ kind: 'run', code: 'docker run --cap-add NET_ADMIN nginx:1.27\n' }],
    },
  },
  messages: {
    privileged: 'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs.',
    removePrivileged: 'Remove privileged mode (grant specific capabilities instead)',
  },
  check(spec, ctx) {
    const p = spec.privileged;
    if (!isKnown(p) || p.value !== true) return;
    ctx.report({
      at: p,
      messageId: 'privileged',
      fixes: [{ messageId: 'removePrivileged', safety: 'review', edit: (w) => w.remove(p) }],
    });
  },
});
