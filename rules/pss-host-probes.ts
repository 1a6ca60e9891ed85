import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, kube, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-host-probes',
  title: 'Pod Security Standards: no host in probes and lifecycle hooks',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Host Probes / Lifecycle Hooks',
    'Baseline level (since policy v1.34). The kubelet sends probes and lifecycle hooks from the node; a `host` other than the pod lets a pod make the node call any address: `httpGet.host` and `tcpSocket.host` of liveness, readiness and startup probes and of postStart and preStop hooks must be unset or empty.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      livenessProbe:\n        httpGet:\n          host: 169.254.169.254\n          path: /\n          port: 80\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      livenessProbe:\n        httpGet:\n          path: /healthz\n          port: 80\n') }],
    },
  ),
  messages: {
    host: 'Pod Security Standards (Baseline), "Host Probes / Lifecycle Hooks": container "{{name}}" must not probe or hook host "{{host}}".',
    removeHost: 'Remove host "{{host}}" (probe the pod itself)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    for (const host of k.probeHosts) {
      ctx.report({ at: host, messageId: 'host', data: { name: k.name, host: host.value }, fixes: [{ messageId: 'removeHost', safety: 'review', edit: (w) => w.remove(host) }] });
    }
  },
});
