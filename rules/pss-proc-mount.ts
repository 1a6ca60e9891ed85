import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import { BASELINE, kube, level, podExample, pssDocs, userNamespaced } from './support/pss';

export default defineRule({
  id: 'pss-proc-mount',
  title: 'Pod Security Standards: the default /proc mount',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    '/proc Mount Type',
    'The default /proc mount masks the paths that expose the node (`/proc/kcore`, `/proc/sys`…): `securityContext.procMount` must be unset or `Default` on every container. Baseline level: since policy v1.35 a pod in a user namespace (`hostUsers: false`) may set it. Restricted level: never.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        procMount: Unmasked\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        procMount: Default\n') }],
    },
  ),
  messages: {
    procMount: 'Pod Security Standards ({{level}}), "/proc Mount Type": container "{{name}}" must not set procMount: {{value}}.',
    removeProcMount: 'Remove procMount (the default masks /proc)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    const procMount = k?.procMount;
    if (!k || !isKnown(procMount) || procMount.value === 'Default') return;
    if (level(ctx.preset) === 'Baseline' && userNamespaced(k.pod)) return;
    ctx.report({ at: procMount, messageId: 'procMount', data: { level: level(ctx.preset), name: k.name, value: procMount.value }, fixes: [{ messageId: 'removeProcMount', safety: 'review', edit: (w) => w.remove(procMount) }] });
  },
});
