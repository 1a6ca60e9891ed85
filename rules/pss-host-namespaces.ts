import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, isTrue, kube, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-host-namespaces',
  title: 'Pod Security Standards: no host namespaces',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Host Namespaces',
    'Baseline level. Sharing the node\'s network, PID or IPC namespace removes the wall between the pod and the node: `spec.hostNetwork`, `spec.hostPID` and `spec.hostIPC` must be unset or false.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('', '  hostPID: true\n') }],
      good: [{ kind: 'kubernetes', code: podExample('', '  hostNetwork: false\n') }],
    },
  ),
  messages: {
    hostNamespace: 'Pod Security Standards (Baseline), "Host Namespaces": the pod must not set {{field}}: true.',
    removeField: 'Remove {{field}}: true',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    const { hostNetwork, hostPID, hostIPC } = k.pod;
    for (const [value, field] of [[hostNetwork, 'hostNetwork'], [hostPID, 'hostPID'], [hostIPC, 'hostIPC']] as const) {
      if (isTrue(value)) ctx.report({ at: value, messageId: 'hostNamespace', data: { field }, fixes: [{ messageId: 'removeField', safety: 'review', edit: (w) => w.remove(value) }] });
    }
  },
});
