/**
 * What a host path mounted into a container gives it: the knowledge no-sensitive-mount,
 * no-docker-socket-mount and no-host-devices share, written once with its reasons. The entries are in
 * host-paths-system.ts (/, /etc, programs), host-paths-kernel.ts (/proc, /sys, /dev), host-paths-runtime.ts
 * (sockets, runtime data, logs) and host-paths-homes.ts (below a home); lookup is in host-path-lookup.ts.
 *
 * Each entry says what a read-only and a writable mount of the path allow, as a severity:
 * `error` for control of the host (write a file root runs or trusts, reach a socket that runs
 * commands as root), `warning` for secrets (password hashes, keys, tokens, other containers' data) or
 * tampering with data the host relies on, `info` for host information a monitoring agent reads (process
 * list, logs), `none` for reference data and application data. `reads` and `writes` complete "the
 * container can …" in the findings' messages.
 *
 * Paths are absolute and written as the host resolves them (`/run`, not its `/var/run` symlink); `*`
 * stands for one path segment. An entry covers the paths below it too unless `exact`; the deepest
 * entry wins, so exceptions are listed next to the rule they break.
 */

import type { HostPathEntry } from './host-path-types';
import { HOST_ROOT, SYSTEM_CONFIG, SYSTEM_SOFTWARE } from './host-paths-system';
import { DEVICES, KERNEL } from './host-paths-kernel';
import { RUNTIME } from './host-paths-runtime';
import { HOME, HOMES } from './host-paths-homes';

export type { HostPathEntry, HostPathKind, Level } from './host-path-types';
export { RAW_DEVICES } from './host-paths-kernel';
export { RUNTIME_SOCKET_FILE } from './host-paths-runtime';

/** Absolute host paths. */
export const HOST_PATHS: readonly HostPathEntry[] = [...HOST_ROOT, ...SYSTEM_CONFIG, ...SYSTEM_SOFTWARE, ...KERNEL, ...DEVICES, ...RUNTIME, ...HOMES];
/** Paths below a home, written from `~`. */
export const HOME_PATHS: readonly HostPathEntry[] = HOME;
