import { defineRule } from '../server/src/engine/ruleApi';

export default defineRule({
  id: 'drop-all-capabilities',
  title: 'Drop all Linux capabilities and add back only those needed',
  severity: 'info',
  strictSeverity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "Docker keeps 14 capabilities by default (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, MKNOD…). Most services need none of them; each one left is a tool for an attacker (NET_RAW for ARP spoofing, DAC_OVERRIDE to ignore file permissions). Dropping ALL and adding back the few that are needed makes the grant explicit.",
    whenNotToUse:
      'Containers whose image needs the default set and that you do not control, such as some official images that switch users at start (they need SETUID/SETGID/CHOWN: add those back with cap_add rather than skipping the rule).',
    references: [
      'CIS Docker Benchmark 5.3: Ensure that Linux kernel capabilities are restricted within containers',
      'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      'https://docs.docker.com/reference/compose-file/services/#cap_drop',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0003' },
      { tool: 'checkov', id: 'CKV_K8S_37' },
      { tool: 'checkov', id: 'CKV_K8S_28 (NET_RAW)' },
      { tool: 'kube-linter', id: 'drop-net-raw-capability' },
      { tool: 'kics', id: 'Container Capabilities Unrestricted (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' },
        { kind: 'run', code: 'docker run --cap-drop NET_RAW nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n' },
        { kind: 'run', code: 'docker run --cap-drop=ALL nginx:1.27\n' },
      ],
    },
  },
  messages: {
    keepsDefaults:
      'Container "{{name}}" keeps Docker\'s default capabilities (no cap-drop of ALL); drop ALL and add back only the capabilities it needs.',
    dropAll: 'Drop all capabilities, keeping the added ones (check the service still starts)',
  },
  check(spec, ctx) {
    if (spec.incomplete || spec.unknownFields.has('cap_drop')) return;
    if (spec.capDrop.some((c) => c.value.trim().toUpperCase() === 'ALL')) return;
    ctx.report({
      at: spec.origin.nameRange,
      messageId: 'keepsDefaults',
      data: { name: spec.origin.name },
      fixes: [{ messageId: 'dropAll', safety: 'review', edit: (w) => w.addToList(spec, 'capDrop', ['ALL']) }],
    });
  },
});
