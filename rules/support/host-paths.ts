/**
 * What a host path mounted into a container gives it: the knowledge no-sensitive-mount,
 * no-docker-socket-mount and no-host-devices share, written once with its reasons. Lookup is in
 * host-path-lookup.ts; this file is data only.
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
}

type Texts = Pick<HostPathEntry, 'reads' | 'writes' | 'remedy' | 'exact' | 'inParent' | 'coversBelow'>;

function entries(kind: HostPathKind, readOnly: Level, writable: Level, paths: string[], texts: Texts): HostPathEntry[] {
  return paths.map((path) => ({ path, kind, readOnly, writable, ...texts }));
}

// ---- The whole host, its configuration and its software ----

const HOST_ROOT: HostPathEntry[] = [
  {
    path: '/', kind: 'host-root', readOnly: 'warning', writable: 'error', exact: true, coversBelow: true,
    reads: "read every host file, password hashes, keys and other containers' data included (and, as root, reach the runtime socket under /run)",
    writes: "change any host file: add a user, replace a program root runs, edit another container's files",
  },
];

const SYSTEM_CONFIG: HostPathEntry[] = [
  {
    path: '/etc', kind: 'system-config', readOnly: 'warning', writable: 'error', exact: true,
    reads: "read the host's password hashes, SSH host keys and service configuration",
    writes: 'add a user, a sudo rule or a service the host starts as root',
  },
  // A directory of /etc that is none of those below belongs to one service (/etc/pihole, /etc/letsencrypt,
  // /etc/nginx): often the container's own data kept on the host. Reading it is what the container is for;
  // writing it changes what that service reads if the host runs it too.
  {
    path: '/etc/*', kind: 'host-config', readOnly: 'none', writable: 'info',
    writes: "change configuration in the host's /etc that a service of the host may read",
    remedy: "keep the container's own data in a project directory or a volume, or mount it read-only",
  },
  ...entries('credentials', 'warning', 'error', ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-', '/etc/security/opasswd'], {
    reads: "read the host's password hashes", writes: 'set the password of any host user',
  }),
  ...entries('credentials', 'warning', 'error', ['/etc/ssh'], {
    reads: "read the host's SSH private host keys", writes: "change who the host's SSH server lets in",
  }),
  ...entries('credentials', 'warning', 'error', ['/etc/ssl/private', '/etc/pki/tls/private'], {
    reads: "read the host's TLS private keys", writes: "replace the host's TLS keys",
  }),
  ...entries('credentials', 'warning', 'error', ['/etc/kubernetes', '/etc/rancher'], {
    reads: "read the cluster's admin kubeconfig and certificate keys", writes: "change the cluster node's configuration and static pods",
  }),
  ...entries('credentials', 'warning', 'error', ['/etc/NetworkManager/system-connections', '/etc/krb5.keytab', '/etc/ipsec.secrets'], {
    reads: "read the host's network, VPN and Kerberos secrets", writes: "change the host's network credentials",
  }),
  ...entries('system-config', 'none', 'error', ['/etc/passwd', '/etc/group', '/etc/passwd-', '/etc/group-', '/etc/subuid', '/etc/subgid'], {
    writes: "add a host user or give one UID 0",
  }),
  ...entries('system-config', 'none', 'error', ['/etc/sudoers', '/etc/sudoers.d', '/etc/pam.d', '/etc/security', '/etc/polkit-1', '/etc/doas.conf'], {
    writes: 'grant itself root on the host through sudo, PAM or polkit',
  }),
  ...entries(
    'system-config', 'none', 'error',
    ['/etc/crontab', '/etc/cron.d', '/etc/cron.hourly', '/etc/cron.daily', '/etc/cron.weekly', '/etc/cron.monthly', '/etc/anacrontab',
      '/etc/systemd', '/etc/init.d', '/etc/init', '/etc/rc.local', '/etc/rcS.d', '/etc/rc0.d', '/etc/rc1.d', '/etc/rc2.d', '/etc/rc3.d',
      '/etc/rc4.d', '/etc/rc5.d', '/etc/rc6.d', '/etc/update-motd.d', '/etc/xinetd.d', '/etc/NetworkManager/dispatcher.d',
      '/etc/network/if-up.d', '/etc/logrotate.conf', '/etc/logrotate.d', '/etc/rsyslog.conf', '/etc/rsyslog.d'],
    { writes: 'add a command the host runs as root (a cron job, a service, a boot or log-rotation script)' },
  ),
  // systemd's own daemons' settings below /etc/systemd (units there are control, above).
  ...entries('reference-data', 'none', 'warning', ['/etc/systemd/journald.conf', '/etc/systemd/journald.conf.d', '/etc/systemd/timesyncd.conf', '/etc/systemd/timesyncd.conf.d', '/etc/systemd/network', '/etc/systemd/networkd.conf'], {
    writes: "change how the host keeps its logs, its clock or its network",
  }),
  ...entries('system-config', 'none', 'error', ['/etc/profile', '/etc/profile.d', '/etc/bash.bashrc', '/etc/bashrc', '/etc/environment', '/etc/zsh'], {
    writes: 'add a command every login shell on the host runs',
  }),
  ...entries(
    'system-config', 'none', 'error',
    ['/etc/ld.so.preload', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/modprobe.d', '/etc/modules', '/etc/modules-load.d', '/etc/sysctl.conf',
      '/etc/sysctl.d', '/etc/udev', '/etc/selinux', '/etc/apparmor', '/etc/apparmor.d', '/etc/audit'],
    { writes: 'make the host load a library, a kernel module or a device rule of its choosing, or weaken its security policies' },
  ),
  ...entries('system-config', 'none', 'error', ['/etc/docker', '/etc/containerd', '/etc/crio', '/etc/containers'], {
    writes: "change the container runtime's configuration (registries, runtimes, authorization)",
  }),
  ...entries('system-config', 'none', 'error', ['/etc/apt', '/etc/yum.repos.d', '/etc/yum', '/etc/dnf', '/etc/zypp', '/etc/apk', '/etc/pacman.conf', '/etc/pacman.d'], {
    writes: 'change where the host installs packages from and which signing keys it trusts',
  }),
  ...entries('system-config', 'none', 'error', ['/etc/ssl/certs', '/etc/ca-certificates', '/etc/ca-certificates.conf', '/etc/pki/ca-trust', '/etc/pki/tls/certs'], {
    writes: 'add a certificate authority the host trusts',
  }),
  ...entries('system-config', 'none', 'error', ['/etc/default', '/etc/grub.d', '/etc/fstab', '/etc/crypttab'], {
    writes: 'change how the host boots and mounts its disks',
  }),
  ...entries('reference-data', 'none', 'warning', ['/etc/hosts', '/etc/resolv.conf', '/etc/nsswitch.conf', '/etc/hostname', '/etc/systemd/resolved.conf', '/etc/systemd/resolved.conf.d'], {
    writes: "redirect the host's name resolution",
  }),
  ...entries(
    'reference-data', 'none', 'warning',
    ['/etc/localtime', '/etc/timezone', '/etc/os-release', '/etc/lsb-release', '/etc/machine-id', '/etc/issue', '/etc/debian_version',
      '/etc/redhat-release', '/etc/alpine-release', '/etc/mtab'],
    { writes: "change data every host program reads (its time zone, its identity)" },
  ),
];

const SYSTEM_SOFTWARE: HostPathEntry[] = [
  ...entries('system-software', 'none', 'error', ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'], {
    writes: 'replace a program or library the host runs as root',
  }),
  ...entries('system-software', 'none', 'error', ['/lib/modules', '/usr/lib/modules'], { writes: 'plant a kernel module the host loads' }),
  ...entries('system-software', 'none', 'error', ['/boot'], { writes: 'replace the kernel or boot loader the host starts next' }),
  ...entries('system-software', 'none', 'error', ['/usr/src'], { writes: 'change the kernel headers and sources the host builds its modules from' }),
  // /usr/share is architecture-independent data, mostly documentation and application data
  // (`/usr/share/nginx/html`, `/usr/share/appdata/wireguard`); only what root-run services read counts.
  ...entries('application-data', 'none', 'none', ['/usr/share', '/usr/local', '/usr/local/share'], {}),
  ...entries('system-config', 'none', 'error', ['/usr/share/polkit-1', '/usr/share/dbus-1', '/usr/share/systemd'], {
    writes: 'add a service or a polkit rule the host runs as root',
  }),
  ...entries('system-config', 'none', 'error', ['/usr/share/keyrings'], { writes: 'change the package signing keys the host trusts' }),
  ...entries('system-config', 'none', 'error', ['/usr/share/ca-certificates', '/usr/local/share/ca-certificates'], {
    writes: 'add a certificate authority the host trusts',
  }),
  ...entries('system-software', 'none', 'error', ['/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/lib64', '/usr/local/libexec', '/usr/local/etc'], {
    writes: 'replace a program or library the host runs as root',
  }),
  ...entries('reference-data', 'none', 'warning', ['/usr/share/zoneinfo'], { writes: "change the host's time zone data" }),
  ...entries('reference-data', 'none', 'warning', ['/usr/lib/os-release'], { writes: "change data every host program reads (its identity)" }),
];

// ---- Kernel interfaces and devices ----

const KERNEL: HostPathEntry[] = [
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

const DEVICES: HostPathEntry[] = [
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

// ---- Runtimes, host services, data and logs ----

/** File names of container runtime API sockets, wherever they are (`${XDG_RUNTIME_DIR}/docker.sock`, rootless). */
export const RUNTIME_SOCKET_FILE =
  /(?:^|[/\\])(?:docker|containerd|podman|crio|cri-dockerd|dockershim|buildkitd|balena-engine|balena)\.sock(?:\.raw)?$|\/(?:lxd|incus)\/unix\.socket$|^[/\\]{2}\.[/\\]pipe[/\\]docker_engine$/;

const RUNTIME: HostPathEntry[] = [
  // /run holds /run/docker.sock; connecting to a socket is not a write, so `:ro` does not help.
  {
    path: '/run', kind: 'runtime-socket-dir', readOnly: 'error', writable: 'error', exact: true, coversBelow: true,
    reads: 'reach the container runtime socket in it',
  },
  ...entries('runtime-socket-dir', 'error', 'error', ['/run/containerd', '/run/crio', '/run/podman', '/run/buildkit', '/run/k3s', '/run/balena-engine'], {
    reads: 'reach the container runtime socket in it',
  }),
  // Other directories of /run are services' sockets and state (`/run/mysqld`, `/run/php`, `/run/postgresql`):
  // talking to a database through its socket is what the container is for.
  ...entries('host-service-socket', 'warning', 'warning', ['/run/dbus'], {
    reads: 'send requests to host services over the system D-Bus (systemd among them, which acts for a root caller)',
  }),
  ...entries('host-service-socket', 'error', 'error', ['/run/systemd/private'], {
    reads: 'send commands to systemd itself, which starts any service as root',
  }),
  ...entries('application-data', 'none', 'none', ['/run/systemd', '/run/systemd/journal'], {}),
  ...entries('host-service-socket', 'error', 'error', ['/run/libvirt'], {
    reads: "ask libvirt to start a virtual machine on the host's disks",
  }),
  ...entries('host-service-socket', 'error', 'error', ['/run/snapd.socket', '/run/snapd-snap.socket'], { reads: 'install snaps, which run as root on the host' }),
  ...entries('system-config', 'none', 'error', ['/run/udev'], { writes: "add device rules the host's udev runs as root" }),
  // A user's runtime directory ($XDG_RUNTIME_DIR): the session bus (systemd --user runs commands as the user),
  // keyring and agent sockets, a rootless Docker or Podman socket. Its audio and display sockets are not.
  {
    path: '/run/user/*', kind: 'user-account', readOnly: 'warning', writable: 'warning', exact: true,
    reads: "reach the user's session bus, agents and rootless runtime sockets, and so act as that user",
  },
  ...entries('user-account', 'warning', 'warning', ['/run/user/*/bus', '/run/user/*/systemd', '/run/user/*/keyring', '/run/user/*/gnupg'], {
    reads: "send requests to the user's session services and agents, which act as that user",
  }),
  ...entries('runtime-socket-dir', 'error', 'error', ['/run/user/*/docker', '/run/user/*/podman', '/run/user/*/containerd'], {
    reads: "reach the user's rootless container runtime socket in it", inParent: false,
  }),
  ...entries('runtime-data', 'warning', 'error', ['/var/lib/docker', '/var/lib/containerd', '/var/lib/containers'], {
    reads: "read every container's files, volumes and configuration, the secrets in their environment variables included",
    writes: "change any container's files and configuration",
  }),
  // One volume's data, reached by its host path: that volume's application data.
  ...entries('application-data', 'none', 'none', ['/var/lib/docker/volumes/*'], {}),
  ...entries('runtime-data', 'warning', 'error', ['/var/lib/kubelet', '/var/lib/rancher', '/var/lib/k0s', '/var/lib/etcd'], {
    reads: "read every pod's service account tokens and secrets", writes: "change pods' volumes and the node's credentials",
  }),
  { path: '/var/log', kind: 'host-logs', readOnly: 'info', writable: 'warning', exact: true, reads: 'read every host log', writes: "tamper with the host's logs" },
  { path: '/var/log/journal', kind: 'host-logs', readOnly: 'info', writable: 'warning', reads: "read the host's system journal", writes: "tamper with the host's logs" },
  ...entries('system-config', 'none', 'error', ['/var/spool/cron'], { writes: 'add a cron job the host runs' }),
];

// ---- Homes: paths below a user's home, written `~` (see homeRelative in host-path-lookup.ts) ----

/** `helpers`: the tools reading these files also run a program they name (credential_process, credsStore, exec plugins, pinentry). */
function credentials(what: string, paths: string[], helpers = true): HostPathEntry[] {
  return entries('credentials', 'warning', 'error', paths, {
    reads: `read the user's ${what}`,
    writes: helpers ? "plant credentials and helper programs the user's tools will use" : "plant credentials the user's tools will use",
  });
}

const HOME: HostPathEntry[] = [
  {
    path: '~', kind: 'user-account', readOnly: 'warning', writable: 'error', exact: true,
    reads: "read the user's files, SSH keys and cloud tokens included",
    writes: 'plant an SSH key or a shell startup command and so act as the user',
  },
  ...entries('credentials', 'warning', 'error', ['~/.ssh'], {
    reads: "read the user's SSH private keys", writes: 'add an authorized key or an SSH config command that logs in or runs commands as the user',
  }),
  ...entries('reference-data', 'none', 'warning', ['~/.ssh/known_hosts', '~/.ssh/known_hosts.old'], { writes: "change which servers the user's SSH trusts" }),
  ...entries('user-startup', 'none', 'error', ['~/.ssh/authorized_keys', '~/.ssh/authorized_keys2'], { writes: 'add a key that logs in as the user' }),
  ...entries('user-startup', 'none', 'error', ['~/.ssh/config'], { writes: "add a command the user's SSH runs (ProxyCommand)" }),
  ...credentials('cloud credentials', ['~/.aws', '~/.azure', '~/.config/gcloud', '~/.oci', '~/.config/doctl', '~/.config/rclone', '~/.terraform.d', '~/.s3cfg', '~/.boto']),
  ...credentials('Kubernetes credentials', ['~/.kube']),
  ...credentials('registry credentials', ['~/.docker', '~/.dockercfg', '~/.config/containers/auth.json']),
  ...credentials('GPG keys and keyrings', ['~/.gnupg', '~/.local/share/keyrings', '~/.password-store', '~/.config/sops']),
  ...credentials('tokens for Git hosts and package registries', [
    '~/.netrc', '~/.git-credentials', '~/.config/gh', '~/.config/hub', '~/.npmrc', '~/.pypirc', '~/.vault-token',
  ], false),
  // Build caches (`~/.m2:/root/.m2`, `~/.gradle`, `~/.cargo`) are mounted for their downloads; the settings
  // file that may hold a registry password is reported when it is mounted itself.
  ...entries('credentials', 'warning', 'error', ['~/.cargo/credentials', '~/.cargo/credentials.toml', '~/.m2/settings.xml', '~/.m2/settings-security.xml', '~/.gradle/gradle.properties'], {
    reads: "read the user's tokens for package registries", writes: "plant credentials the user's tools will use", inParent: false,
  }),
  ...credentials('database passwords', ['~/.pgpass', '~/.my.cnf'], false),
  ...entries('credentials', 'warning', 'warning', ['~/.bash_history', '~/.zsh_history'], {
    reads: "read the user's shell history, with the passwords typed on command lines", writes: "change the user's shell history",
  }),
  ...entries('user-startup', 'none', 'error', ['~/.bashrc', '~/.bash_profile', '~/.bash_login', '~/.profile', '~/.zshrc', '~/.zprofile', '~/.zshenv', '~/.config/fish'], {
    writes: "add a command the user's shell runs at login",
  }),
  ...entries('user-startup', 'none', 'error', ['~/.gitconfig', '~/.config/git'], { writes: 'add a command git runs for the user (a hook path, an SSH command)' }),
  ...entries('user-startup', 'none', 'error', ['~/.config/autostart', '~/.config/systemd'], { writes: 'add a program the user\'s session starts' }),
];

/** `/home`, `/Users`: every user's home. */
const HOMES: HostPathEntry[] = entries('user-account', 'warning', 'error', ['/home', '/Users'], {
  exact: true, reads: "read every user's files, SSH keys and cloud tokens included", writes: "plant an SSH key or a shell startup command in any user's home",
});

export const HOST_PATHS: readonly HostPathEntry[] = [...HOST_ROOT, ...SYSTEM_CONFIG, ...SYSTEM_SOFTWARE, ...KERNEL, ...DEVICES, ...RUNTIME, ...HOMES];
export const HOME_PATHS: readonly HostPathEntry[] = HOME;
