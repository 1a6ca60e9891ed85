/** The shape of host-path entries (host-paths.ts) and the helper that writes several at once. */

export type Level = 'none' | 'info' | 'warning' | 'error';

export type HostPathKind =
  /** `/`: everything. */
  | 'host-root'
  /** /etc and what it holds: accounts, privilege, scheduled jobs, runtime and package configuration. */
  | 'system-config'
  /** Programs, libraries, kernel modules, the boot loader: read by anyone, run by root. */
  | 'system-software'
  /** /proc, /sys: the kernel's own interfaces. */
  | 'kernel-interface'
  /** A container runtime's API socket: root on the host (no-docker-socket-mount). */
  | 'runtime-socket'
  /** A directory that holds a runtime socket (no-docker-socket-mount). */
  | 'runtime-socket-dir'
  /** Another host service's control socket (D-Bus, systemd, libvirt, snapd). */
  | 'host-service-socket'
  /** Every container's files, or a cluster node's pod secrets. */
  | 'runtime-data'
  /** Keys, tokens and password files. */
  | 'credentials'
  /** A user's home, a user's runtime directory: act as that user. */
  | 'user-account'
  /** Files that host programs read at startup and run (shell profiles, git and ssh configuration). */
  | 'user-startup'
  | 'host-logs'
  /** /dev as a whole, the host's shared memory. */
  | 'host-devices'
  /** One device or a directory of devices (no-host-devices). */
  | 'device'
  /** Read by anyone, changed by no one the container should be: time zone, CA bundle, os-release. */
  | 'reference-data'
  /** Host configuration a service of the host may read (an unknown /etc directory). */
  | 'host-config'
  /** Nothing of the host's: application data, application sockets. */
  | 'application-data';

export interface HostPathEntry {
  path: string;
  kind: HostPathKind;
  /** Severity of a read-only mount. */
  readOnly: Level;
  /** Severity of a writable mount (never below `readOnly`). */
  writable: Level;
  /** What a mount lets the container see or do ("read the host's password hashes"). */
  reads?: string;
  /** What writing adds ("add a cron job the host runs as root"), said after `reads` when both are; absent when writing adds nothing. */
  writes?: string;
  /** The remedy for a writable mount whose read-only form is fine; "mount it read-only" when absent. */
  remedy?: string;
  /** Only this path, not what is below it. */
  exact?: boolean;
  /** A mount of a parent (`/var` for `/var/lib/docker`) exposes this entry too; false for what a parent's own facts already say. */
  inParent?: boolean;
  /** This entry's facts already say what the paths below it give (`/`): entries below do not raise it. */
  coversBelow?: boolean;
  /**
   * Mounted only to be read (the time zone): making a writable mount read-only changes nothing a container
   * means to do, so that fix is safe to apply unattended (fix-on-save).
   */
  onlyRead?: boolean;
}

export type Texts = Pick<HostPathEntry, 'reads' | 'writes' | 'remedy' | 'exact' | 'inParent' | 'coversBelow' | 'onlyRead'>;

/** One entry per path, with the same levels and texts. */
export function entries(kind: HostPathKind, readOnly: Level, writable: Level, paths: string[], texts: Texts): HostPathEntry[] {
  return paths.map((path) => ({ path, kind, readOnly, writable, ...texts }));
}
