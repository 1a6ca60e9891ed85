import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, kube, level, mayBeSetElsewhere, mayBeWindows, podExample, pssDocs } from './support/pss';

/** The capabilities Baseline lets a container add: Docker's defaults, NET_RAW excepted. */
const BASELINE_ALLOWED = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export default defineRule({
  id: 'pss-capabilities',
  title: 'Pod Security Standards: capabilities',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Capabilities',
    'Baseline level: `securityContext.capabilities.add` may only name AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID or SYS_CHROOT. Restricted level (which replaces the Baseline check): every container must drop `ALL` and may add back only `NET_BIND_SERVICE`; pods with `spec.os.name: windows` are exempt. Names are compared exactly, as the admission does (`net_admin` and `CAP_CHOWN` are not the allowed names).',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n') }],
    },
  ),
  messages: {
    added: 'Pod Security Standards ({{level}}), "Capabilities": container "{{name}}" must not add {{cap}}{{allowed}}.',
    dropAllMissing: 'Pod Security Standards (Restricted), "Capabilities": container "{{name}}" must drop ALL capabilities (securityContext.capabilities.drop: [ALL]).',
    removeCapability: 'Remove capability {{cap}}',
    dropAll: 'Add capabilities.drop: [ALL] (check the container still starts)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    const restricted = level(ctx.preset) === 'Restricted';
    if (restricted && mayBeWindows(k.pod)) return;
    for (const cap of k.capabilitiesAdd) {
      if (restricted ? cap.value === 'NET_BIND_SERVICE' : BASELINE_ALLOWED.has(cap.value)) continue;
      ctx.report({
        at: cap,
        messageId: 'added',
        data: { level: level(ctx.preset), name: k.name, cap: cap.value, allowed: restricted ? ' (only NET_BIND_SERVICE may be added)' : ' (only the default capabilities, without NET_RAW, may be added)' },
        fixes: [{ messageId: 'removeCapability', safety: 'review', edit: (w) => w.remove(cap) }],
      });
    }
    if (!restricted || k.capabilitiesDropUnknown || k.capabilitiesDrop.some((c) => c.value === 'ALL') || mayBeSetElsewhere(spec)) return;
    ctx.report({
      at: spec.origin.nameRange,
      messageId: 'dropAllMissing',
      data: { name: k.name },
      fixes: [{ messageId: 'dropAll', safety: 'review', edit: (w) => w.addToList(spec, 'capDrop', ['ALL']) }],
    });
  },
});
