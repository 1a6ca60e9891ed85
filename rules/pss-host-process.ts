import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, isTrue, kube, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-host-process',
  title: 'Pod Security Standards: no Windows HostProcess containers',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'HostProcess',
    'Baseline level. A Windows HostProcess container runs as a process on the node itself, with the node\'s privileges: `securityContext.windowsOptions.hostProcess` must be unset or false on the pod and on every container.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        windowsOptions:\n          hostProcess: true\n') }],
      good: [{ kind: 'kubernetes', code: podExample('') }],
    },
  ),
  messages: {
    hostProcess: 'Pod Security Standards (Baseline), "HostProcess": {{who}} must not set securityContext.windowsOptions.hostProcess: true.',
    removeHostProcess: 'Remove hostProcess: true',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    const pod = k.pod.securityContext.windowsHostProcess;
    const own = k.securityContext.windowsHostProcess;
    for (const [value, who] of [[pod, 'the pod'], [own, `container "${k.name}"`]] as const) {
      if (isTrue(value)) ctx.report({ at: value, messageId: 'hostProcess', data: { who }, fixes: [{ messageId: 'removeHostProcess', safety: 'review', edit: (w) => w.remove(value) }] });
    }
  },
});
