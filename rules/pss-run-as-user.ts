import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown, type Maybe } from '../server/src/model/located';
import { RESTRICTED, kube, podExample, pssDocs, userNamespaced } from './support/pss';

/** A uid the API reads as 0 (`0`, `00`). */
function isRoot(value: Maybe<string>): boolean {
  return isKnown(value) && /^[+]?0+$/.test(value.value.trim());
}

export default defineRule({
  id: 'pss-run-as-user',
  title: 'Pod Security Standards: runAsUser not 0',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: RESTRICTED,
  docs: pssDocs(
    'Running as Non-root user',
    'Restricted level. A container must not be set to run as root: `securityContext.runAsUser` (pod and containers) must be unset or non-zero. Since policy v1.35 a pod in a user namespace (`hostUsers: false`) is exempt.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        runAsUser: 0\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        runAsUser: 10001\n') }],
    },
  ),
  messages: {
    root: 'Pod Security Standards (Restricted), "Running as Non-root user": {{who}} must not set securityContext.runAsUser to 0.',
    runAsUid: 'Set runAsUser: {{uid}} (check the image runs as that uid)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k || userNamespaced(k.pod)) return;
    const uid = ctx.settings.uid;
    const pod = k.pod.securityContext.runAsUser;
    const own = k.securityContext.runAsUser;
    for (const [value, who] of [[pod, 'the pod'], [own, `container "${k.name}"`]] as const) {
      if (!isKnown(value) || !isRoot(value)) continue;
      ctx.report({ at: value, messageId: 'root', data: { who }, fixes: [{ messageId: 'runAsUid', data: { uid }, safety: 'review', edit: (w) => w.replace(value, uid) }] });
    }
  },
});
