/** Host paths (see host-paths.ts): the host root, /etc, programs, libraries and boot files. */
import { entries, type HostPathEntry } from './host-path-types';

export const HOST_ROOT: HostPathEntry[] = [
  {
    path: '/', kind: 'host-root', readOnly: 'warning', writable: 'error', exact: true, coversBelow: true,
    reads: "read every host file, password hashes, keys and other containers' data included (and, as root, reach the runtime socket under /run)",
    writes: "change any host file: add a user, replace a program root runs, edit another container's files",
  },
];

export const SYSTEM_CONFIG: HostPathEntry[] = [
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
  ...entries('reference-data', 'none', 'warning', ['/etc/localtime', '/etc/timezone'], {
    writes: "change data every host program reads (its time zone, its identity)",
    // Mounted so the container keeps the host's clock zone; only a container changing the host's zone notices :ro.
    onlyRead: true,
  }),
  ...entries(
    'reference-data', 'none', 'warning',
    ['/etc/os-release', '/etc/lsb-release', '/etc/machine-id', '/etc/issue', '/etc/debian_version', '/etc/redhat-release', '/etc/alpine-release', '/etc/mtab'],
    { writes: "change data every host program reads (its time zone, its identity)" },
  ),
];

export const SYSTEM_SOFTWARE: HostPathEntry[] = [
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

