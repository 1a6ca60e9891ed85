import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, isTrue, kube, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-privileged',
  title: 'Pod Security Standards: no privileged containers',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Privileged Containers',
    'Baseline level. A privileged container gets every capability and the node\'s devices, which turns off most other protections: `securityContext.privileged` must be unset or false on every container.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        privileged: true\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        privileged: false\n') }],
    },
  ),
  messages: {
    privileged: 'Pod Security Standards (Baseline), "Privileged Containers": container "{{name}}" must not set securityContext.privileged: true.',
    removePrivileged: 'Remove privileged: true',
  },
  check(spec, ctx) {
    const k = kube(spec);
    const privileged = k?.privileged;
    if (!k || !isTrue(privileged)) return;
    ctx.report({ at: privileged, messageId: 'privileged', data: { name: k.name }, fixes: [{ messageId: 'removePrivileged', safety: 'review', edit: (w) => w.remove(privileged) }] });
  },
});
