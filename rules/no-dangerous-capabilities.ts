import { defineRule, type Severity } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import type { ContainerSpec } from '../server/src/model/containerSpec';

/** What each capability lets a container do to its host; ALL / SYS_ADMIN / SYS_MODULE are as good as root on the host. */
const DANGEROUS: Record<string, { risk: string; severity: Severity }> = {
  ALL: { risk: 'grants every capability, as good as root on the host', severity: 'error' },
  SYS_ADMIN: { risk: 'allows mount, namespace and many admin operations that lead out of the container', severity: 'error' },
  SYS_MODULE: { risk: 'loads kernel modules, which runs code in the host kernel', severity: 'error' },
  SYS_PTRACE: { risk: 'lets it trace and inject code into other processes', severity: 'warning' },
  SYS_RAWIO: { risk: 'gives raw access to I/O ports and host memory', severity: 'warning' },
  SYS_BOOT: { risk: 'lets it reboot the host or load a new kernel', severity: 'warning' },
  SYS_TIME: { risk: "changes the host's clock for every container", severity: 'warning' },
  NET_ADMIN: { risk: 'reconfigures interfaces, routes and firewall rules', severity: 'warning' },
  DAC_READ_SEARCH: { risk: 'bypasses file read permissions and enables open_by_handle_at escapes', severity: 'warning' },
  MAC_ADMIN: { risk: 'reconfigures the mandatory access control (AppArmor/SELinux) policy', severity: 'warning' },
  MAC_OVERRIDE: { risk: 'overrides mandatory access control (AppArmor/SELinux)', severity: 'warning' },
  BPF: { risk: 'loads BPF programs into the host kernel', severity: 'warning' },
  PERFMON: { risk: 'observes the whole host through perf and BPF', severity: 'warning' },
  SYSLOG: { risk: 'reads and clears the kernel log, which leaks kernel addresses', severity: 'warning' },
  LINUX_IMMUTABLE: { risk: 'removes the immutable and append-only flags that protect files', severity: 'warning' },
};

/**
 * SYS_PTRACE reaches only the processes the container can see: its own, unless it shares the host's PID
 * namespace. Alone it is what debuggers (Delve, gdb, strace) need in a dev container, so it is information;
 * with `pid: host` it can inject code into host processes, a warning.
 */
function sharesHostPids(spec: ContainerSpec): boolean {
  const pid = spec.namespaces.pid;
  if (pid === undefined) return false;
  // An unknown mode (`pid: ${PID_MODE}`) may be host: keep the warning.
  return !isKnown(pid) || pid.value.trim().toLowerCase() === 'host';
}

export default defineRule({
  id: 'no-dangerous-capabilities',
  title: 'Do not add dangerous Linux capabilities',
  severity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'Some capabilities are close to root on the host: SYS_ADMIN allows mounts and namespace tricks used by most container escapes, SYS_MODULE loads kernel code, SYS_PTRACE injects into processes (only the container\'s own unless it shares the host PID namespace, so alone it is information), DAC_READ_SEARCH enabled the "shocker" escape. A container that adds one of them can usually break out or take over its neighbours.',
    whenNotToUse:
      'Tooling that really administers the host (network plugins that need NET_ADMIN, debuggers that need SYS_PTRACE, monitoring agents that need PERFMON/BPF) and that you trust as much as a root process on the host.',
    references: [
      'CIS Docker Benchmark 5.3: Ensure that Linux kernel capabilities are restricted within containers',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
      'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      'https://docs.docker.com/reference/compose-file/services/#cap_add',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - SYS_ADMIN\n' },
        { kind: 'run', code: 'docker run --cap-add=CAP_SYS_PTRACE nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n' },
        { kind: 'run', code: 'docker run --cap-add CHOWN nginx:1.27\n' },
      ],
    },
  },
  messages: {
    dangerous: 'Adding capability {{cap}} {{risk}}; remove it, or grant a narrower capability if the container truly needs one.',
    removeCapability: 'Remove capability {{cap}} (check the service still starts)',
  },
  check(spec, ctx) {
    for (const cap of spec.capAdd) {
      const name = cap.value.trim().toUpperCase().replace(/^CAP_/, '');
      const danger = Object.hasOwn(DANGEROUS, name) ? DANGEROUS[name] : undefined;
      if (!danger) continue;
      const data = { cap: name, risk: danger.risk };
      ctx.report({
        at: cap,
        messageId: 'dangerous',
        data,
        severity: name === 'SYS_PTRACE' && !sharesHostPids(spec) ? 'info' : danger.severity,
        fixes: [{ messageId: 'removeCapability', safety: 'review', edit: (w) => w.remove(cap) }],
      });
    }
  },
});
