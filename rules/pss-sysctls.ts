import { defineRule } from '../server/src/engine/ruleApi';
import { BASELINE, kube, podExample, pssDocs } from './support/pss';

/** The namespaced, isolated sysctls Baseline allows (policy v1.32). */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export default defineRule({
  id: 'pss-sysctls',
  title: 'Pod Security Standards: only safe sysctls',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'Sysctls',
    'Baseline level. Most sysctls change the whole node or are not isolated between pods: `spec.securityContext.sysctls[*].name` must be one of kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem or net.ipv4.tcp_wmem.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('', '  securityContext:\n    sysctls:\n      - name: kernel.msgmax\n        value: "65536"\n') }],
      good: [{ kind: 'kubernetes', code: podExample('', '  securityContext:\n    sysctls:\n      - name: net.ipv4.ip_unprivileged_port_start\n        value: "0"\n') }],
    },
  ),
  messages: {
    sysctl: 'Pod Security Standards (Baseline), "Sysctls": the pod must not set the sysctl {{sysctl}}, which is not among the safe ones.',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    for (const sysctl of k.pod.sysctls) {
      if (!SAFE.has(sysctl.value)) ctx.report({ at: sysctl, messageId: 'sysctl', data: { sysctl: sysctl.value }, fixes: [] });
    }
  },
});
