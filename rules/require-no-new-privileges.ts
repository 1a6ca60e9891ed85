import { defineRule } from '../server/src/engine/ruleApi';

/** `no-new-privileges`, `no-new-privileges:true` or `=true` → true; `…:false` → false; anything else → undefined. */
function noNewPrivileges(option: string): boolean | undefined {
  const m = /^no-new-privileges(?:[:=](.*))?$/i.exec(option.trim());
  if (!m) return undefined;
  if (m[1] === undefined) return true;
  const flag = m[1].trim().toLowerCase();
  if (flag === 'true') return true;
  if (flag === 'false') return false;
  return undefined;
}

export default defineRule({
  id: 'require-no-new-privileges',
  title: 'Set no-new-privileges',
  severity: 'info',
  strictSeverity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'Without no-new-privileges, a process in the container can gain privileges by executing a setuid or setcap binary (sudo, su, a planted setuid shell). The option sets the kernel\'s no_new_privs bit, so exec can never raise privileges, which closes a common path from a compromised non-root process to root.',
    whenNotToUse:
      'Containers that rely on setuid programs at run time (sudo, su, ping on old images) or whose entrypoint switches users with a setuid helper.',
    references: [
      'CIS Docker Benchmark 5.25: Ensure that the container is restricted from acquiring additional privileges',
      'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
      'https://docs.docker.com/reference/compose-file/services/#security_opt',
      'https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0001 (allowPrivilegeEscalation)' },
      { tool: 'checkov', id: 'CKV_K8S_20' },
      { tool: 'kube-linter', id: 'privilege-escalation-container' },
      { tool: 'kics', id: 'No New Privileges Not Set (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' },
        { kind: 'run', code: 'docker run --security-opt no-new-privileges:false nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' },
        { kind: 'run', code: 'docker run --security-opt=no-new-privileges nginx:1.27\n' },
      ],
    },
  },
  messages: {
    missing: 'Container "{{name}}" does not set no-new-privileges, so setuid binaries can raise its privileges; add the security option no-new-privileges:true.',
    disabled: 'The security option "{{option}}" lets setuid binaries raise privileges; set no-new-privileges to true.',
    addNoNewPrivileges: 'Add no-new-privileges:true (setuid programs such as sudo stop working: check the service)',
    enableNoNewPrivileges: 'Set no-new-privileges:true (setuid programs such as sudo stop working: check the service)',
  },
  check(spec, ctx) {
    if (spec.unknownFields.has('security_opt')) return;
    // Docker applies the options in order, so the last no-new-privileges entry decides.
    const effective = spec.securityOpt.filter((o) => noNewPrivileges(o.value) !== undefined).pop();
    if (effective && noNewPrivileges(effective.value)) return;
    if (effective) {
      ctx.report({
        at: effective,
        messageId: 'disabled',
        data: { option: effective.value.trim() },
        fixes: [{ messageId: 'enableNoNewPrivileges', safety: 'review', edit: (w) => w.replace(effective, 'no-new-privileges:true') }],
      });
      return;
    }
    if (spec.incomplete) return; // the option may be set where Capdrop cannot see, or is not asked for here
    ctx.report({
      at: spec.origin.nameRange,
      messageId: 'missing',
      data: { name: spec.origin.name },
      fixes: [{ messageId: 'addNoNewPrivileges', safety: 'review', edit: (w) => w.addToList(spec, 'securityOpt', ['no-new-privileges:true']) }],
    });
  },
});
