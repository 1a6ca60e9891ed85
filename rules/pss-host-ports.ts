import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, kube, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-host-ports',
  title: 'Pod Security Standards: no host ports',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Host Ports',
    'Baseline level. A host port opens a port of the node itself: `ports[*].hostPort` must be unset or 0 on every container (the admission has no list of allowed ports).',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      ports:\n        - containerPort: 80\n          hostPort: 8080\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      ports:\n        - containerPort: 80\n') }],
    },
  ),
  messages: {
    hostPort: 'Pod Security Standards (Baseline), "Host Ports": container "{{name}}" must not use host port {{port}}.',
    removeHostPort: 'Remove hostPort {{port}} (reach the container through a Service instead)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    for (const port of k.hostPorts) {
      ctx.report({ at: port, messageId: 'hostPort', data: { name: k.name, port: port.value }, fixes: [{ messageId: 'removeHostPort', safety: 'review', edit: (w) => w.remove(port) }] });
    }
  },
});
