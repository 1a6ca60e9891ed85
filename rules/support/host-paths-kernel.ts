/** Host paths (see host-paths.ts): the kernel's interfaces and devices. */
import { entries, type HostPathEntry } from './host-path-types';

export const KERNEL: HostPathEntry[] = [
  {
    path: '/proc', kind: 'kernel-interface', readOnly: 'info', writable: 'error',
    reads: "see every host process with its command line, and the host's mounts and network",
    writes: 'change kernel settings (core_pattern, sysrq, binfmt_misc) and so run commands as root on the host',
  },
  // Single counters read by resource views (LXCFS-style overlays, sysinfo tools): no process, no secret.
  ...entries('reference-data', 'none', 'none', ['/proc/cpuinfo', '/proc/meminfo', '/proc/stat', '/proc/uptime', '/proc/loadavg', '/proc/version', '/proc/diskstats', '/proc/swaps', '/proc/partitions', '/proc/vmstat'], { exact: true }),
  ...entries('kernel-interface', 'warning', 'error', ['/proc/kcore', '/proc/kmsg'], {
    reads: "read the host's kernel memory and messages", writes: 'write kernel memory', inParent: false,
  }),
  {
    path: '/sys', kind: 'kernel-interface', readOnly: 'info', writable: 'error',
    reads: "see the host's hardware, kernel and cgroup settings",
    writes: 'change kernel settings (the uevent helper) and so run commands as root on the host',
  },
  ...entries('kernel-interface', 'none', 'warning', ['/sys/class', '/sys/devices', '/sys/bus'], { writes: 'change host device settings (GPIO, LEDs, power)' }),
  // Writing cgroup files as root changes limits and membership; release agents and device rules also need
  // CAP_SYS_ADMIN, which a container without --privileged lacks (CVE-2022-0492 closed the gap).
  ...entries('kernel-interface', 'none', 'warning', ['/sys/fs/cgroup'], {
    writes: "change the resource limits of every container and host service, and freeze or move their processes",
  }),
  ...entries('kernel-interface', 'none', 'error', ['/sys/kernel/security', '/sys/firmware', '/sys/module'], {
    writes: "change the host's security policies, firmware variables or kernel module parameters",
  }),
  // /sys's own facts (kernel information) already cover these for a mount of /sys.
  ...entries('kernel-interface', 'warning', 'error', ['/sys/kernel/debug', '/sys/kernel/tracing'], {
    reads: 'read kernel internals and trace what every host process does', writes: 'change kernel tracing and debugging state', inParent: false,
  }),
];

export const DEVICES: HostPathEntry[] = [
  {
    path: '/dev', kind: 'host-devices', readOnly: 'warning', writable: 'error', exact: true,
    reads: "open the host's device nodes, terminals and shared memory (every disk too, when privileged)",
    writes: "write to the host's devices, terminals and shared memory",
  },
  // Below /dev: a device, judged by no-host-devices as if passed with `devices:`.
  { path: '/dev/*', kind: 'device', readOnly: 'warning', writable: 'warning' },
  ...entries('host-devices', 'warning', 'warning', ['/dev/hugepages'], {
    reads: 'read the huge-page memory host processes share (DPDK, databases)', writes: 'change the data host processes share there',
  }),
  ...entries('host-devices', 'warning', 'warning', ['/dev/shm', '/dev/mqueue'], {
    reads: 'read the shared memory and message queues of host processes (as ipc: host does)',
    writes: 'change the data host processes share there',
  }),
  // Harmless pseudo-devices (`-v /dev/urandom:/dev/random`, `/dev/null` to blank a file) and the syslog socket.
  ...entries('application-data', 'none', 'none', ['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/log'], { exact: true }),
  // Directories of symlinks (`../../sda`), which resolve inside the container: names, not devices.
  ...entries('application-data', 'none', 'none', ['/dev/disk', '/dev/disk/*', '/dev/serial', '/dev/serial/*', '/dev/char', '/dev/block'], { exact: true }),
];

/** Devices that give raw access to memory, I/O ports or whole disks: reading or writing them bypasses every file permission. */
export const RAW_DEVICES: { pattern: RegExp; what: string }[] = [
  { pattern: /^\/dev\/(?:mem|kmem)$/, what: 'host memory' },
  { pattern: /^\/dev\/port$/, what: 'host I/O ports' },
  { pattern: /^\/dev\/(?:sd|vd|xvd|hd)[a-z]+\d*$/, what: 'a whole host disk' },
  { pattern: /^\/dev\/nvme\d+(?:n\d+(?:p\d+)?)?$/, what: 'a whole host disk' },
  { pattern: /^\/dev\/mmcblk\d+(?:p\d+)?$/, what: 'a whole host disk' },
  { pattern: /^\/dev\/(?:loop[\w-]*|dm-\d+)$/, what: 'host block devices' },
  { pattern: /^\/dev\/(?:mapper|disk)\/./, what: 'a whole host disk' },
];

