import { defineRule } from '../server/src/engine/ruleApi';

/** Security options that switch a confinement layer off, keyed by their normalized `name=value` form. */
const UNCONFINED: Record<string, string> = {
  'seccomp=unconfined': 'the seccomp system-call filter',
  'apparmor=unconfined': 'the AppArmor profile',
  'label=disable': 'SELinux labelling',
  // Docker reads a bare `disable` as `label=disable` (moby's parseSecurityOpt).
  disable: 'SELinux labelling',
  'systempaths=unconfined': 'the masking of sensitive /proc and /sys paths',
};

export default defineRule({
  id: 'no-unconfined-security-profile',
  title: 'Do not turn off seccomp, AppArmor, SELinux or path masking',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'Seccomp, AppArmor/SELinux and the masking of /proc and /sys paths are the layers that stop a compromised process from reaching dangerous kernel interfaces. `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (or a bare `disable`) and `systempaths=unconfined` switch one of them off for the whole container, which turns many kernel bugs and leftover capabilities into host escapes; the `:` and `=` spellings are the same option. `label:seccomp:unconfined` is not reported: Docker passes `seccomp:unconfined` to SELinux as a label option, which it ignores without SELinux and rejects with it, so seccomp stays on.',
    whenNotToUse:
      'Debugging or profiling tools (strace, perf) on a development machine; prefer a custom seccomp or AppArmor profile that allows only the extra calls the tool needs.',
    references: [
      'CIS Docker Benchmark 5.1: Ensure that, if applicable, an AppArmor Profile is enabled',
      'CIS Docker Benchmark 5.2: Ensure that, if applicable, SELinux security options are set',
      'CIS Docker Benchmark 5.21: Ensure the default seccomp profile is not Disabled',
      'https://docs.docker.com/engine/security/seccomp/',
      'https://docs.docker.com/engine/security/apparmor/',
      'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0030 (seccomp)' },
      { tool: 'trivy', id: 'AVD-KSV-0002 (AppArmor)' },
      { tool: 'checkov', id: 'CKV_K8S_31 (seccomp)' },
      { tool: 'kube-linter', id: 'unsafe-proc-mount' },
      { tool: 'kics', id: 'Default Seccomp Profile Disabled (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - seccomp:unconfined\n' },
        { kind: 'run', code: 'docker run --security-opt apparmor=unconfined nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' },
        { kind: 'run', code: 'docker run --security-opt seccomp=./profile.json nginx:1.27\n' },
      ],
    },
  },
  messages: {
    unconfined: 'The security option "{{option}}" turns off {{layer}} for this container; remove it, or use a custom profile that allows only what the workload needs.',
    removeOption: 'Remove "{{option}}" (check the service still starts under the default profile)',
  },
  check(spec, ctx) {
    for (const opt of spec.securityOpt) {
      // Compose writes `seccomp:unconfined`, the CLI `seccomp=unconfined`; Docker accepts both. Only the first
      // separator counts: `label:seccomp:unconfined` is an SELinux label option (`seccomp:unconfined`), which
      // Docker ignores without SELinux and rejects with it ("bad label option"); seccomp stays on either way.
      const normalized = opt.value.trim().toLowerCase().replace(':', '=');
      // Own keys only: `security_opt: [constructor]` is not an option (it was, through Object.prototype).
      const layer = Object.hasOwn(UNCONFINED, normalized) ? UNCONFINED[normalized] : undefined;
      if (!layer) continue;
      ctx.report({
        at: opt,
        messageId: 'unconfined',
        data: { option: opt.value, layer },
        fixes: [{ messageId: 'removeOption', safety: 'review', edit: (w) => w.remove(opt) }],
      });
    }
  },
});
