import { posix } from 'node:path';
import { defineRule } from '../server/src/engine/ruleApi';

/** Host directories whose content (or writes to which) compromise the host; everything below them counts too. */
const SENSITIVE = ['/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/home', '/usr', '/bin', '/sbin', '/var/lib/docker', '/var/log', '/run', '/var/run'];

// /usr/share is architecture-independent data: its subdirectories are mostly documentation and application
// data (`/usr/share/appdata/wireguard/config`, `/usr/share/nginx/html`), harmless to hand to a container. Only
// these are read by root-run host services, so writing them changes the host.
const HOST_SHARE_DIRS = ['polkit-1', 'dbus-1', 'ca-certificates', 'keyrings', 'systemd'];

// Runtime sockets are no-docker-socket-mount's finding; one mount should not be reported twice.
const RUNTIME_SOCKET = /(?:^|\/)(?:docker|containerd|podman|crio|dockershim)\.sock$/;

// Time zone files hold no secret and are mounted read-only by countless services to share the host's clock zone.
const HARMLESS_READ_ONLY = new Set(['/etc/localtime', '/etc/timezone']);

/** Whether `path` is the host root or a sensitive directory or below one. Only absolute host paths are judged. */
function isSensitive(path: string): boolean {
  if (!path.startsWith('/') || path.includes('${')) return false;
  // normalize() folds `//`, `/./` and `..`; a trailing slash does not change the directory.
  const normal = posix.normalize(path).replace(/(.)\/+$/, '$1');
  if (normal === '/' || /^\/lib[^/]*(?:\/|$)/.test(normal)) return true;
  const share = /^\/usr\/(?:local\/)?share\/([^/]+)/.exec(normal);
  if (share) return HOST_SHARE_DIRS.includes(share[1]);
  // A parent of a sensitive directory (`/var/lib` holds /var/lib/docker) exposes it as well.
  return SENSITIVE.some((dir) => normal === dir || normal.startsWith(`${dir}/`) || dir.startsWith(`${normal}/`));
}

export default defineRule({
  id: 'no-sensitive-mount',
  title: 'Do not bind-mount sensitive host directories',
  severity: 'error',
  inputs: ['compose', 'run'],
  docs: {
    rationale:
      "Bind-mounting the host's system directories (/, /etc, /proc, /sys, /dev, /boot, /usr, /var/lib/docker…), or a parent of one such as /var/lib, lets the container read its secrets (/etc/shadow, SSH keys, other containers' data) and, when writable, change the host itself: add a user, replace a binary, edit another container's filesystem. Read-only /etc/localtime and /etc/timezone are allowed: they hold no secret. Below /usr/share only the directories root-run services read (polkit-1, dbus-1, ca-certificates, keyrings, systemd) count; the rest is application data.",
    whenNotToUse:
      'Host agents you trust as root on the host (node exporters reading /proc and /sys read-only, log shippers reading /var/log).',
    references: [
      'CIS Docker Benchmark 5.5: Ensure sensitive host system directories are not mounted on containers',
      'https://docs.docker.com/engine/storage/bind-mounts/',
      'https://docs.docker.com/reference/compose-file/services/#volumes',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host/etc\n' },
        { kind: 'run', code: 'docker run -v /proc:/host/proc:ro alpine:3.20\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ./config:/etc/app:ro\n' },
        { kind: 'run', code: 'docker run -v app-data:/data alpine:3.20\n' },
      ],
    },
  },
  messages: {
    writable: 'The host path "{{source}}" is mounted writable, so the container can change the host; mount it read-only.',
    exposed: 'The host path "{{source}}" is mounted, so the container can read host secrets there; mount only the files it needs.',
    makeReadOnly: 'Mount "{{source}}" read-only (check the service still starts)',
  },
  check(spec, ctx) {
    for (const mount of spec.mounts) {
      const source = mount.value.source;
      if (!source || mount.value.type !== 'bind') continue;
      const path = source.value.trim();
      if (RUNTIME_SOCKET.test(path) || !isSensitive(path)) continue;
      if (mount.value.readOnly && HARMLESS_READ_ONLY.has(posix.normalize(path))) continue;
      const data = { source: path };
      // Writability is its own finding: making the mount read-only fixes it and leaves the exposure warning.
      if (!mount.value.readOnly) {
        ctx.report({
          at: source,
          messageId: 'writable',
          data,
          severity: 'error',
          fixes: [{ messageId: 'makeReadOnly', safety: 'review', edit: (w) => w.makeMountReadOnly(mount) }],
        });
      }
      ctx.report({ at: source, messageId: 'exposed', data, severity: 'warning' });
    }
  },
});
