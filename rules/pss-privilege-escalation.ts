import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import { RESTRICTED, kube, mayBeSetElsewhere, mayBeWindows, podExample, pssDocs } from './support/pss';

export default defineRule({
  id: 'pss-privilege-escalation',
  title: 'Pod Security Standards: allowPrivilegeEscalation false',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: RESTRICTED,
  docs: pssDocs(
    'Privilege Escalation',
    'Restricted level. Unless `allowPrivilegeEscalation` is false, a process can gain privileges through setuid binaries (the kernel\'s no_new_privs is off): every container must set `securityContext.allowPrivilegeEscalation: false` explicitly. Pods with `spec.os.name: windows` are exempt.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        allowPrivilegeEscalation: false\n') }],
    },
  ),
  messages: {
    allowed: 'Pod Security Standards (Restricted), "Privilege Escalation": container "{{name}}" must set securityContext.allowPrivilegeEscalation to false.',
    setFalse: 'Set allowPrivilegeEscalation: false (setuid programs such as sudo stop working: check the container)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k || mayBeWindows(k.pod)) return;
    const value = k.allowPrivilegeEscalation;
    if (value !== undefined) {
      if (isKnown(value) && value.value) ctx.report({ at: value, messageId: 'allowed', data: { name: k.name }, fixes: [{ messageId: 'setFalse', safety: 'review', edit: (w) => w.replace(value, 'false') }] });
      return;
    }
    if (mayBeSetElsewhere(spec)) return;
    ctx.report({ at: spec.origin.nameRange, messageId: 'allowed', data: { name: k.name }, fixes: [{ messageId: 'setFalse', safety: 'review', edit: (w) => w.addToList(spec, 'securityOpt', ['no-new-privileges:true']) }] });
  },
});
