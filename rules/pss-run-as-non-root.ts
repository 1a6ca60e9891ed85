import { defineRule } from '../server/src/engine/ruleApi';
import { kubernetesEdits, type SecurityContextField } from '../server/src/edit/kubernetesWriter';
import { isKnown, isUnknown, type Located } from '../server/src/model/located';
import { RESTRICTED, kube, mayBeSetElsewhere, podExample, pssDocs, userNamespaced } from './support/pss';

export default defineRule({
  id: 'pss-run-as-non-root',
  title: 'Pod Security Standards: runAsNonRoot',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: RESTRICTED,
  docs: pssDocs(
    'Running as Non-root',
    'Restricted level. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root: it must be true at the pod (and not false on any container) or on every container, and a pod-level `false` is rejected even where every container sets true. Since policy v1.35 a pod in a user namespace (`hostUsers: false`) is exempt. The fix sets it for the pod, with `runAsUser` where no uid is set (an image whose USER is a name cannot be checked by the kubelet).',
    {
      bad: [{ kind: 'kubernetes', code: podExample('') }],
      good: [{ kind: 'kubernetes', code: podExample('', '  securityContext:\n    runAsNonRoot: true\n') }],
    },
  ),
  messages: {
    setFalse: 'Pod Security Standards (Restricted), "Running as Non-root": {{who}} must not set securityContext.runAsNonRoot to false.',
    missing: 'Pod Security Standards (Restricted), "Running as Non-root": the pod or container "{{name}}" must set securityContext.runAsNonRoot: true.',
    setTrue: 'Set runAsNonRoot: true (check the image runs as a non-root uid)',
    setPodNonRoot: 'Set runAsNonRoot: true for the pod (check the image runs as a non-root uid)',
    setPodNonRootAndUser: 'Set runAsNonRoot: true and runAsUser: {{uid}} for the pod (check the image runs as that uid)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k || userNamespaced(k.pod)) return;
    const pod = k.pod.securityContext.runAsNonRoot;
    const own = k.securityContext.runAsNonRoot;
    const setTrue = (value: Located<boolean>, who: string) =>
      ctx.report({ at: value, messageId: 'setFalse', data: { who }, fixes: [{ messageId: 'setTrue', safety: 'review', edit: (w) => w.replace(value, 'true') }] });
    if (isKnown(pod) && !pod.value) setTrue(pod, 'the pod');
    if (isKnown(own) && !own.value) setTrue(own, `container "${k.name}"`);
    if (own !== undefined || isUnknown(pod) || (isKnown(pod) && pod.value) || mayBeSetElsewhere(spec, true)) return;
    // No uid anywhere: the image decides, and the kubelet can only check a numeric USER.
    const fields: SecurityContextField[] = [[['runAsNonRoot'], 'true']];
    const uid = ctx.settings.uid;
    if (spec.user === undefined) fields.push([['runAsUser'], uid]);
    ctx.report({
      at: spec.origin.nameRange,
      messageId: 'missing',
      data: { name: k.name },
      fixes: [{ messageId: spec.user === undefined ? 'setPodNonRootAndUser' : 'setPodNonRoot', data: { uid }, safety: 'review', edit: (w) => kubernetesEdits(w)?.setSecurityContext(spec, 'pod', fields) ?? null }],
    });
  },
});
