import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown, type Maybe } from '../server/src/model/located';
import type { SecurityContextFields } from '../server/src/model/kubernetes';
import { BASELINE, kube, podExample, pssDocs } from './support/pss';

/** The SELinux types Baseline allows (container_engine_t since policy v1.31); unset is allowed too. */
const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineRule({
  id: 'pss-selinux',
  title: 'Pod Security Standards: no custom SELinux user, role or type',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'SELinux',
    'Baseline level. Setting the SELinux user or role, or a type outside the container types, can leave a container unconfined (`spc_t`): `seLinuxOptions.type` (pod and containers) must be unset, `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`, and `seLinuxOptions.user` and `.role` unset or empty. `level` is allowed.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        seLinuxOptions:\n          type: spc_t\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        seLinuxOptions:\n          level: "s0:c123,c456"\n') }],
    },
  ),
  messages: {
    seLinux: 'Pod Security Standards (Baseline), "SELinux": {{who}} must not set seLinuxOptions.{{field}} to "{{value}}".',
    removeOption: 'Remove seLinuxOptions.{{field}}',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    const check = (fields: SecurityContextFields, who: string) => {
      const options: [Maybe<string>, string, (v: string) => boolean][] = [
        [fields.seLinuxType, 'type', (v) => ALLOWED_TYPES.has(v)],
        [fields.seLinuxUser, 'user', (v) => v === ''],
        [fields.seLinuxRole, 'role', (v) => v === ''],
      ];
      for (const [value, field, allowed] of options) {
        if (!isKnown(value) || allowed(value.value)) continue;
        ctx.report({ at: value, messageId: 'seLinux', data: { who, field, value: value.value }, fixes: [{ messageId: 'removeOption', safety: 'review', edit: (w) => w.remove(value) }] });
      }
    };
    check(k.pod.securityContext, 'the pod');
    check(k.securityContext, `container "${k.name}"`);
  },
});
