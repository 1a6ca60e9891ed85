import type { Severity } from '../../server/src/engine/ruleApi';

/** `cap_sys_admin`, `CAP_SYS_ADMIN`, ` SYS_ADMIN ` → `SYS_ADMIN`: how Docker and Compose read a capability name. */
export function capabilityName(raw: string): string {
  return raw.trim().toUpperCase().replace(/^CAP_/, '');
}

/**
 * The capabilities Docker grants every container unless dropped (moby `oci/caps/defaults.go`, the
 * "default" column of the docker run reference). Adding one of them changes nothing.
 */
export const DOCKER_DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export interface CapabilityRisk {
  /** What it lets the container do, as the end of "Adding capability X …". */
  risk: string;
  /**
   * `error`: a way out of the container or into the host kernel. `warning`: changes or reads host-wide
   * state that namespaces do not isolate (the clock, the audit log, security policy, the kernel log).
   * `info`: reaches only the container's own resources or the host's scheduling, memory locking and power
   * management, which limits and namespaces still bound.
   */
  severity: Severity;
}

/**
 * Every Linux capability outside Docker's default set (capabilities(7), up to CAP_CHECKPOINT_RESTORE of
 * Linux 5.9), plus `ALL`, by what it reaches on the host of a container in the host's user namespace.
 * SYS_PTRACE and IPC_OWNER reach only what the container's PID/IPC namespace shows: no-dangerous-capabilities
 * raises them when those namespaces are the host's.
 */
export const NON_DEFAULT_CAPABILITIES: Readonly<Record<string, CapabilityRisk>> = {
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
  // The kernel audit system is not namespaced: these act on the host's own audit trail.
  AUDIT_CONTROL: { risk: "changes or turns off the host's kernel audit rules, erasing the record of what runs on it", severity: 'warning' },
  AUDIT_READ: { risk: "reads the host's kernel audit log, which records what every process on the host does", severity: 'warning' },
  CHECKPOINT_RESTORE: { risk: 'chooses process IDs and reads the memory-mapped files of other processes', severity: 'info' },
  SYS_NICE: { risk: "raises its processes to real-time priority, which can starve the host's CPUs", severity: 'info' },
  SYS_RESOURCE: { risk: 'overrides resource limits, disk quotas and the space filesystems keep for root', severity: 'info' },
  SYS_PACCT: { risk: 'turns process accounting on or off', severity: 'info' },
  SYS_TTY_CONFIG: { risk: 'reconfigures and hangs up terminals', severity: 'info' },
  IPC_LOCK: { risk: 'locks memory so it cannot be swapped out', severity: 'info' },
  IPC_OWNER: { risk: 'bypasses permission checks on shared memory, semaphores and message queues', severity: 'info' },
  LEASE: { risk: 'takes leases on files it does not own, delaying other processes that open them', severity: 'info' },
  WAKE_ALARM: { risk: 'sets timers that wake the host from suspend', severity: 'info' },
  BLOCK_SUSPEND: { risk: 'keeps the host from suspending', severity: 'info' },
  NET_BROADCAST: { risk: 'is meant for broadcasting and listening to multicast (unused by current kernels)', severity: 'info' },
};

/** The risk of adding a capability; undefined for Docker's defaults and names that are no capability. */
export function capabilityRisk(name: string): CapabilityRisk | undefined {
  return Object.hasOwn(NON_DEFAULT_CAPABILITIES, name) ? NON_DEFAULT_CAPABILITIES[name] : undefined;
}
