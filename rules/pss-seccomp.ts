import { defineRule } from '../server/src/engine/ruleApi';
import { kubernetesEdits } from '../server/src/edit/kubernetesWriter';
import { isKnown, isUnknown, type Located } from '../server/src/model/located';
import { BASELINE, kube, level, mayBeSetElsewhere, mayBeWindows, podExample, pssDocs } from './support/pss';

const VALID = new Set(['RuntimeDefault', 'Localhost']);

export default defineRule({
  id: 'pss-seccomp',
  title: 'Pod Security Standards: seccomp profile',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Seccomp',
    'Seccomp filters the system calls a container may make. Baseline level: `securityContext.seccompProfile.type` (pod and containers) must not be set to anything but `RuntimeDefault` or `Localhost` (`Unconfined` turns the filter off). Restricted level (which replaces the Baseline check): it must be set to one of those two, at the pod or on every container, and a bad pod-level value is rejected even where containers set their own; pods with `spec.os.name: windows` are exempt.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        seccompProfile:\n          type: Unconfined\n') }],
      good: [{ kind: 'kubernetes', code: podExample('', '  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n') }],
    },
  ),
  messages: {
    badType: 'Pod Security Standards ({{level}}), "Seccomp": {{who}} must not set securityContext.seccompProfile.type to "{{value}}" (only RuntimeDefault or Localhost).',
    missing: 'Pod Security Standards (Restricted), "Seccomp": the pod or container "{{name}}" must set securityContext.seccompProfile.type to RuntimeDefault or Localhost.',
    useRuntimeDefault: 'Use the runtime\'s default seccomp profile (check the container still starts)',
    setPodRuntimeDefault: 'Set seccompProfile.type: RuntimeDefault for the pod (check its containers still start)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    const restricted = level(ctx.preset) === 'Restricted';
    if (restricted && mayBeWindows(k.pod)) return;
    const pod = k.pod.securityContext.seccompProfileType;
    const own = k.securityContext.seccompProfileType;
    const report = (type: Located<string>, who: string) =>
      ctx.report({
        at: type,
        messageId: 'badType',
        data: { level: level(ctx.preset), who, value: type.value },
        fixes: [{ messageId: 'useRuntimeDefault', safety: 'review', edit: (w) => w.replace(type, 'RuntimeDefault') }],
      });
    if (isKnown(pod) && !VALID.has(pod.value)) report(pod, 'the pod');
    if (isKnown(own) && !VALID.has(own.value)) report(own, `container "${k.name}"`);
    // Restricted: a container without a profile of its own needs a good one at the pod.
    if (!restricted || own !== undefined || isUnknown(pod) || (isKnown(pod) && VALID.has(pod.value)) || mayBeSetElsewhere(spec, true)) return;
    ctx.report({
      at: spec.origin.nameRange,
      messageId: 'missing',
      data: { name: k.name },
      fixes: [{ messageId: 'setPodRuntimeDefault', safety: 'review', edit: (w) => kubernetesEdits(w)?.setSecurityContext(spec, 'pod', [[['seccompProfile', 'type'], 'RuntimeDefault']]) ?? null }],
    });
  },
});
