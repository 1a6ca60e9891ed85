import { defineRule, type Severity } from '../server/src/engine/ruleApi';
import { isKnown, type Maybe } from '../server/src/model/located';
import type { ContainerSpec } from '../server/src/model/containerSpec';
import { capabilityName, capabilityRisk } from './support/capabilities';

/** Whether a namespace mode is (or may be) the host's. */
function sharesHost(mode: Maybe<string>): boolean {
  if (mode === undefined) return false;
  // An unknown mode (`pid: ${PID_MODE}`) may be host: keep the warning.
  return !isKnown(mode) || mode.value.trim().toLowerCase() === 'host';
}

/**
 * The severity of adding `name`, given the namespaces the container shares. SYS_PTRACE reaches only the
 * processes the container can see: its own, unless it shares the host's PID namespace. Alone it is what
 * debuggers (Delve, gdb, strace) need in a dev container, so it is information; with `pid: host` it can
 * inject code into host processes, a warning. IPC_OWNER likewise reaches the host's shared memory only
 * through `ipc: host`.
 */
function severityOf(name: string, base: Severity, spec: ContainerSpec): Severity {
  if (name === 'SYS_PTRACE') return sharesHost(spec.namespaces.pid) ? 'warning' : 'info';
  if (name === 'IPC_OWNER') return sharesHost(spec.namespaces.ipc) ? 'warning' : 'info';
  return base;
}

export default defineRule({
  id: 'no-dangerous-capabilities',
  title: 'Do not add dangerous Linux capabilities',
  severity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'Every capability outside Docker\'s default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT) is judged by what it reaches on the host. Errors lead out of the container or into the host kernel: ALL, SYS_ADMIN (mounts and namespace tricks used by most container escapes), SYS_MODULE (kernel modules). Warnings change or read host-wide state that namespaces do not isolate: SYS_RAWIO, SYS_BOOT, SYS_TIME, NET_ADMIN, DAC_READ_SEARCH (the "shocker" escape), MAC_ADMIN, MAC_OVERRIDE, BPF, PERFMON, SYSLOG, LINUX_IMMUTABLE, AUDIT_CONTROL and AUDIT_READ (the host\'s audit trail). Information for those bounded by the container\'s own namespaces and limits or touching only scheduling, memory locking and power management: SYS_NICE, SYS_RESOURCE, SYS_PACCT, SYS_TTY_CONFIG, IPC_LOCK, LEASE, WAKE_ALARM, BLOCK_SUSPEND, NET_BROADCAST, CHECKPOINT_RESTORE. SYS_PTRACE and IPC_OWNER reach other processes and IPC objects only through a shared namespace: information alone, a warning with `pid: host` / `ipc: host` (or a mode behind a variable). Names are read as Docker does: case-insensitive, with or without `CAP_`.',
    whenNotToUse:
      'Tooling that really administers the host (network plugins that need NET_ADMIN, debuggers that need SYS_PTRACE, monitoring agents that need PERFMON/BPF) and that you trust as much as a root process on the host.',
    references: [
      'CIS Docker Benchmark 5.3: Ensure that Linux kernel capabilities are restricted within containers',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
      'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      'https://docs.docker.com/reference/compose-file/services/#cap_add',
    ],
    sameAs: [
      { tool: 'kics', id: 'Container Capabilities Unrestricted (ce76b7d0-9e77-464d-b86f-c5c48e03e22d)' },
      { tool: 'trivy', id: 'AVD-KSV-0005 (SYS_ADMIN)' },
      { tool: 'trivy', id: 'AVD-KSV-0022 (capabilities added)' },
      { tool: 'checkov', id: 'CKV_K8S_25' },
      { tool: 'checkov', id: 'CKV_K8S_39 (SYS_ADMIN)' },
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
      const name = capabilityName(cap.value);
      const danger = capabilityRisk(name);
      if (!danger) continue;
      const data = { cap: name, risk: danger.risk };
      ctx.report({
        at: cap,
        messageId: 'dangerous',
        data,
        severity: severityOf(name, danger.severity, spec),
        fixes: [{ messageId: 'removeCapability', safety: 'review', edit: (w) => w.remove(cap) }],
      });
    }
  },
});
