import type { Node } from 'yaml';
import { markUnknown, type ContainerSpec } from '../../model/containerSpec';
import { unknown, type SourceRange } from '../../model/located';
import { isScalar, isSeq, type Entry } from '../../yaml/access';

/** The keys of a service in the compose-spec schema (schema/compose-spec.json, `definitions.service`); `x-*` keys are allowed too. */
const SERVICE_KEYS = new Set([
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpus',
  'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search',
  'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add',
  'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'label_file', 'labels', 'links', 'logging', 'mac_address',
  'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'network_mode', 'networks', 'oom_kill_disable',
  'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop', 'privileged', 'profiles', 'provider',
  'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size',
  'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user',
  'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
]);

/** The service keys Capdrop's rules read: a typo of one of them silently drops a security setting. */
const SECURITY_KEYS = [
  'cap_add', 'cap_drop', 'cgroup', 'cpus', 'devices', 'ipc', 'mem_limit', 'network_mode', 'pid', 'pids_limit', 'ports', 'privileged',
  'read_only', 'security_opt', 'user', 'userns_mode', 'uts', 'volumes',
];

/**
 * Names other tools use for a Compose setting (`docker run` flags, the Engine API's HostConfig, Compose
 * file version 1), more than one edit away from it.
 */
const OTHER_NAMES: Record<string, string> = {
  pid_mode: 'pid', ipc_mode: 'ipc', uts_mode: 'uts', userns: 'userns_mode', cgroupns: 'cgroup', cgroupns_mode: 'cgroup', cgroup_mode: 'cgroup',
  net: 'network_mode', network: 'network_mode', net_mode: 'network_mode',
  readonly_rootfs: 'read_only', read_only_rootfs: 'read_only', readonly_root_filesystem: 'read_only', read_only_root_filesystem: 'read_only',
  memory: 'mem_limit', memory_limit: 'mem_limit', mem: 'mem_limit', cpu_limit: 'cpus', pids: 'pids_limit',
  capabilities: 'cap_add', security_options: 'security_opt', security_opts: 'security_opt',
};

/**
 * The security key `key` was most likely meant to be, when Compose would reject it: it is not a
 * service key, and, once lower-cased with `-` read as `_`, it is a security key, another name for one
 * (OTHER_NAMES), or one edit (a letter added, removed, changed, or two swapped) from exactly one.
 */
export function meantSecurityKey(key: string): string | undefined {
  if (SERVICE_KEYS.has(key) || key.startsWith('x-')) return undefined;
  const normal = key.toLowerCase().replace(/-/g, '_');
  if (SECURITY_KEYS.includes(normal)) return normal;
  if (Object.hasOwn(OTHER_NAMES, normal)) return OTHER_NAMES[normal];
  if (SERVICE_KEYS.has(normal)) return undefined; // a case or dash typo of a key that is no security key
  // A three-letter key is one edit from too many words (`uid` is not `pid`): only two letters swapped count there.
  const near = SECURITY_KEYS.filter((k) => withinOneEdit(normal, k) && (k.length > 3 || (normal.length === k.length && [...normal].sort().join('') === [...k].sort().join(''))));
  return near.length === 1 ? near[0] : undefined;
}

/** Damerau-Levenshtein distance ≤ 1 (and the strings differ). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1); // one letter added or removed
}

/** What the service's keys say beyond its settings: misspelled security keys, and its profiles. */
export function readServiceKeys(spec: ContainerSpec, entries: Map<string, Entry>, text: string): void {
  readMisspelledKeys(spec, entries, text);
  const profiles = entries.get('profiles')?.value;
  if (isSeq(profiles)) {
    const names = profiles.items.flatMap((item) => (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') ? [String(item.value)] : []));
    if (names.length) spec.profiles = names;
  }
}

/**
 * Records the keys of a service that Compose would reject as misspellings of a security key
 * (`spec.misspelledKeys`), and marks the setting meant as unknown: the file does not run as written, so
 * "add cap_drop" must not be the advice when `cap-drop` is there.
 */
export function readMisspelledKeys(spec: ContainerSpec, entries: Map<string, Entry>, text: string): void {
  for (const entry of entries.values()) {
    const meant = meantSecurityKey(entry.key);
    if (!meant) continue;
    const keyNode = entry.pair.key as Node | null;
    const range: SourceRange = keyNode?.range ? { start: keyNode.range[0], end: keyNode.range[1] } : spec.origin.nameRange;
    const raw = text.slice(range.start, range.end);
    // Renamed in place only when written here, plain, and the setting meant is not also there.
    const editable = !entry.shared && raw === entry.key && !entries.has(meant);
    (spec.misspelledKeys ??= []).push({ key: { value: entry.key, range, raw, editable }, meant });
    markMeantUnknown(spec, meant, range, raw);
  }
}

function markMeantUnknown(spec: ContainerSpec, meant: string, range: SourceRange, raw: string): void {
  const unknownValue = () => unknown(range.start, range.end, raw, `"${raw}" is not a Compose key (${meant}?)`);
  markUnknown(spec, meant);
  switch (meant) {
    case 'user':
      spec.user ??= unknownValue();
      break;
    case 'privileged':
      spec.privileged ??= unknownValue();
      break;
    case 'read_only':
      spec.readOnly ??= unknownValue();
      break;
    case 'mem_limit':
      spec.limits.memory ??= unknownValue();
      break;
    case 'cpus':
      spec.limits.cpus ??= unknownValue();
      break;
    case 'pids_limit':
      spec.limits.pids ??= unknownValue();
      break;
    case 'pid':
      spec.namespaces.pid ??= unknownValue();
      break;
    case 'ipc':
      spec.namespaces.ipc ??= unknownValue();
      break;
    case 'uts':
      spec.namespaces.uts ??= unknownValue();
      break;
    case 'network_mode':
      spec.namespaces.network ??= unknownValue();
      break;
    case 'userns_mode':
      spec.namespaces.userns ??= unknownValue();
      break;
    case 'cgroup':
      spec.namespaces.cgroup ??= unknownValue();
      break;
  }
}
