import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOME_PATHS, HOST_PATHS, type HostPathEntry } from '../../../rules/support/host-paths';
import { hostPathFacts, levelRank } from '../../../rules/support/host-path-lookup';
import { isSocketProxyImage } from '../../../rules/support/socket-proxies';

const ALL: readonly HostPathEntry[] = [...HOST_PATHS, ...HOME_PATHS];

/** `kind read-only/writable` for a path, or `-` when it is not a known host path. */
function verdict(path: string): string {
  const f = hostPathFacts(path);
  return f ? `${f.kind} ${f.readOnly}/${f.writable}` : '-';
}

describe('host path data', () => {
  it('lists each path once', () => {
    const seen = new Set<string>();
    for (const e of ALL) {
      assert.ok(!seen.has(e.path), `duplicate entry ${e.path}`);
      seen.add(e.path);
    }
  });

  it('never makes a writable mount less severe than a read-only one', () => {
    for (const e of ALL) assert.ok(levelRank(e.writable) >= levelRank(e.readOnly), `${e.path}: writable ${e.writable} < read-only ${e.readOnly}`);
  });

  it('says what every reported level allows', () => {
    for (const e of ALL) {
      if (e.kind === 'device') continue; // judged by no-host-devices, which names the device
      if (e.readOnly !== 'none') assert.ok(e.reads, `${e.path}: a read-only mount is reported without saying what it gives`);
      if (levelRank(e.writable) > levelRank(e.readOnly)) assert.ok(e.writes, `${e.path}: writing raises the level without saying why`);
    }
  });

  it('writes paths as the lookup reads them: absolute and folded, or below ~', () => {
    for (const e of HOST_PATHS) assert.match(e.path, /^\/(?:[^/]+(?:\/[^/]+)*)?$/, e.path);
    for (const e of HOME_PATHS) assert.match(e.path, /^~(?:\/[^/]+)*$/, e.path);
  });
});

describe('hostPathFacts', () => {
  it('tells secrets and host control from reference data, read-only and writable', () => {
    const table: Record<string, string> = {
      '/': 'host-root warning/error',
      '/etc': 'system-config warning/error',
      '/etc/shadow': 'credentials warning/error',
      '/etc/passwd': 'system-config none/error',
      '/etc/localtime': 'reference-data none/warning',
      '/etc/ssl/certs': 'system-config none/error',
      '/etc/pihole': 'host-config none/info',
      '/etc/ssl': 'host-config warning/error',
      '/lib/modules': 'system-software none/error',
      '/usr/lib/systemd': 'system-software none/error',
      '/usr/share/nginx/html': 'application-data none/none',
      '/usr/share': 'system-config none/error',
      '/proc': 'kernel-interface info/error',
      '/proc/cpuinfo': 'reference-data none/none',
      '/sys': 'kernel-interface info/error',
      '/sys/kernel/debug': 'kernel-interface warning/error',
      '/dev': 'host-devices warning/error',
      '/dev/shm': 'host-devices warning/warning',
      '/dev/ttyUSB0': 'device warning/warning',
      '/dev/disk/by-id': 'application-data none/none',
      '/dev/disk/by-id/ata-disk1': 'device warning/warning',
      '/var/lib': 'runtime-data warning/error',
      '/var/lib/docker/containers': 'runtime-data warning/error',
      '/var/lib/docker/volumes/db/_data': 'application-data none/none',
      '/var/lib/mysql': '-',
      '/var/log': 'host-logs info/warning',
      '/var/log/nginx': '-',
      '/run/udev': 'system-config none/error',
      '/run/dbus': 'host-service-socket warning/warning',
      '/run/systemd': 'host-service-socket error/error',
      '/run/user/1000': 'user-account warning/warning',
      '/run/user/1000/pulse': '-',
      '/var/run/mysqld/mysqld.sock': '-',
      '/srv/data': '-',
      './data': '-',
      '${DATA}/etc': '-',
    };
    assert.deepEqual(Object.fromEntries(Object.keys(table).map((p) => [p, verdict(p)])), table);
  });

  it('finds runtime sockets by file name, behind variables too, and the directories that hold them', () => {
    const table: Record<string, string> = {
      '/var/run/docker.sock': 'runtime-socket error/error',
      '${XDG_RUNTIME_DIR}/podman/podman.sock': 'runtime-socket error/error',
      '/run/buildkit/buildkitd.sock': 'runtime-socket error/error',
      '/var/snap/lxd/common/lxd/unix.socket': 'runtime-socket error/error',
      '\\\\.\\pipe\\docker_engine': 'runtime-socket error/error',
      '/var/run': 'runtime-socket-dir error/error',
      '/run/containerd': 'runtime-socket-dir error/error',
      '/run/user/1000/podman': 'runtime-socket-dir error/error',
      '/var/run/docker.sock.d': '-',
    };
    assert.deepEqual(Object.fromEntries(Object.keys(table).map((p) => [p, verdict(p)])), table);
  });

  it('judges a home by what is in it, however it is written', () => {
    const table: Record<string, string> = {
      '~': 'user-account warning/error',
      '/home/me': 'user-account warning/error',
      '/root/.ssh': 'credentials warning/error',
      '$HOME/.aws/credentials': 'credentials warning/error',
      '${HOME}/.config': 'credentials warning/error',
      '/Users/me/.kube/config': 'credentials warning/error',
      '/mnt/c/Users/me/.ssh': 'credentials warning/error',
      'C:\\Users\\me\\.ssh': 'credentials warning/error',
      'c:/Users/me/.docker/config.json': 'credentials warning/error',
      'C:\\Users\\me\\projects\\app': '-',
      'D:\\data': '-',
      '~/.ssh/known_hosts': 'reference-data none/warning',
      '~/.ssh/authorized_keys': 'user-startup none/error',
      '~/.bashrc': 'user-startup none/error',
      '~/.m2': '-',
      '~/.m2/settings.xml': 'credentials warning/error',
      '/home/me/projects/app': '-',
      '~/../etc': '-',
      '/home': 'user-account warning/error',
    };
    assert.deepEqual(Object.fromEntries(Object.keys(table).map((p) => [p, verdict(p)])), table);
  });

  it('names the entry below a parent that it takes its level from', () => {
    assert.match(hostPathFacts('/var')!.reads!, /\(in \/var\/lib\/docker\)$/);
    assert.match(hostPathFacts('$HOME/.config')!.reads!, /\(in \$HOME\/\.config\/gcloud\)$/);
    assert.match(hostPathFacts('C:\\Users\\me\\.config')!.reads!, /\(in C:\\Users\\me\/\.config\/gcloud\)$/);
    assert.equal(hostPathFacts('/etc')!.reads, "read the host's password hashes, SSH host keys and service configuration");
  });
});

describe('isSocketProxyImage', () => {
  it('knows socket proxies by repository, whatever the registry', () => {
    const images = [
      'tecnativa/docker-socket-proxy', 'ghcr.io/tecnativa/docker-socket-proxy', 'lscr.io/linuxserver/socket-proxy', 'linuxserver/socket-proxy',
      'wollomatic/socket-proxy', 'ghcr.io/wollomatic/socket-proxy', 'fluencelabs/docker-socket-proxy', 'hectorm/cetusguard',
      'docker.io/11notes/socket-proxy', 'myorg/docker-socket-proxy', 'registry.example.com:5000/ops/docker-socket-proxy',
    ];
    assert.deepEqual(images.filter((i) => !isSocketProxyImage(i)), []);
  });

  it('does not take other images for one', () => {
    const images = ['traefik', 'portainer/portainer-ce', 'knicknic/domain-socket-proxy', 'jupyter/workspace-websocket-proxy', 'socket-proxy-helper', 'nginx'];
    assert.deepEqual(images.filter((i) => isSocketProxyImage(i)), []);
  });
});
