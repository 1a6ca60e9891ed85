/** Host paths (see host-paths.ts): runtime sockets, host services' sockets, runtime data and logs. */
import { entries, type HostPathEntry } from './host-path-types';

/** File names of container runtime API sockets, wherever they are (`${XDG_RUNTIME_DIR}/docker.sock`, rootless). */
export const RUNTIME_SOCKET_FILE =
  /(?:^|[/\\])(?:docker|containerd|podman|crio|cri-dockerd|dockershim|buildkitd|balena-engine|balena)\.sock(?:\.raw)?$|\/(?:lxd|incus)\/unix\.socket$|^[/\\]{2}\.[/\\]pipe[/\\]docker_engine$/;

export const RUNTIME: HostPathEntry[] = [
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

