import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE_ONLY, kube, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-host-path-volumes',
  title: 'Pod Security Standards: no hostPath volumes',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE_ONLY,
  docs: pssDocs(
    'HostPath Volumes',
    'Baseline level. A hostPath volume hands the pod a directory of the node: `spec.volumes[*].hostPath` must be unset, whether or not a container mounts the volume. Under the Restricted preset the "Volume Types" control (pss-volume-types) replaces this one.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('', '  volumes:\n    - name: logs\n      hostPath:\n        path: /var/log\n') }],
      good: [{ kind: 'kubernetes', code: podExample('', '  volumes:\n    - name: cache\n      emptyDir: {}\n') }],
    },
  ),
  messages: {
    hostPath: 'Pod Security Standards (Baseline), "HostPath Volumes": volume "{{volume}}" must not be a hostPath volume.',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    for (const volume of k.pod.volumes) {
      if (volume.value.type === 'hostPath') ctx.report({ at: volume, messageId: 'hostPath', data: { volume: volume.value.name }, fixes: [] });
    }
  },
});
