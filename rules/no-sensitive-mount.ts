import { posix } from 'node:path';
import { defineRule } from '../server/src/engine/ruleApi';

/** Host directories whose content (or writes to which) compromise the host; everything below them counts too. */
const SENSITIVE = ['/etc', '/proc', '/sys', '/dev', '/boot', '/usr', '/bin', '/sbin', '/var/lib/docker', '/var/log', '/run', '/var/run'];

// Below a home directory, only what unlocks other systems counts: a project checked out under
// /home/me/app is the user's own data, but ~/.ssh or ~/.aws hand the container their keys.
const CREDENTIALS = [
  '.ssh', '.aws', '.docker', '.kube', '.gnupg', '.config/gcloud', '.azure',
  '.netrc', '.git-credentials', '.npmrc', '.pypirc', '.bash_history',
];

// /usr/share is architecture-independent data: its subdirectories are mostly documentation and application
// data (`/usr/share/appdata/wireguard/config`, `/usr/share/nginx/html`), harmless to hand to a container. Only
// these are read by root-run host services, so writing them changes the host.
const HOST_SHARE_DIRS = ['polkit-1', 'dbus-1', 'ca-certificates', 'keyrings', 'systemd'];

// Runtime sockets are no-docker-socket-mount's finding; one mount should not be reported twice.
const RUNTIME_SOCKET = /(?:^|\/)(?:docker|containerd|podman|crio|dockershim)\.sock$/;

// Time zone files hold no secret and are mounted read-only by countless services to share the host's clock zone.
const HARMLESS_READ_ONLY = new Set(['/etc/localtime', '/etc/timezone']);

/** `~`, `~user`, `$HOME`, `${HOME}`: a home directory whatever its value, so known enough to judge. */
const HOME_VARIABLE = /^(?:~[^/]*|\$HOME|\$\{HOME\})(?=\/|$)/;

/** The path below a home directory (`''` for the home itself), or undefined when `normal` is not in one. */
function belowHome(normal: string): string | undefined {
  const variable = HOME_VARIABLE.exec(normal);
  if (variable) return posix.normalize(`/${normal.slice(variable[0].length)}`).slice(1).replace(/\/+$/, '');
  if (normal === '/root') return '';
  if (normal.startsWith('/root/')) return normal.slice('/root/'.length);
  const user = /^\/home\/[^/]+(?:\/|$)/.exec(normal);
  return user ? normal.slice(user[0].length) : undefined;
}

/** Whether `rest` (a path below a home) is the whole home, a credential file or directory, or a parent of one (`.config`). */
function exposesHome(rest: string): boolean {
  if (rest === '') return true;
  return CREDENTIALS.some((c) => rest === c || rest.startsWith(`${c}/`) || c.startsWith(`${rest}/`));
}

/** Whether `path` is the host root, a sensitive directory or below one, a whole home or credentials in one. */
function isSensitive(path: string): boolean {
  if (HOME_VARIABLE.test(path)) return exposesHome(belowHome(path)!);
  if (!path.startsWith('/') || path.includes('${')) return false;
  // normalize() folds `//`, `/./` and `..`; a trailing slash does not change the directory.
  const normal = posix.normalize(path).replace(/(.)\/+$/, '$1');
  if (normal === '/' || normal === '/home' || /^\/lib[^/]*(?:\/|$)/.test(normal)) return true;
  const home = belowHome(normal);
  if (home !== undefined) return exposesHome(home);
  const share = /^\/usr\/(?:local\/)?share\/([^/]+)/.exec(normal);
  if (share) return HOST_SHARE_DIRS.includes(share[1]);
  // A parent of a sensitive directory (`/var/lib` holds /var/lib/docker) exposes it as well.
  return SENSITIVE.some((dir) => normal === dir || normal.startsWith(`${dir}/`) || dir.startsWith(`${normal}/`));
}

export default defineRule({
  id: 'no-sensitive-mount',
  title: 'Do not bind-mount sensitive host directories',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "Bind-mounting the host's system directories (/, /etc, /proc, /sys, /dev, /boot, /usr, /var/lib/docker…), or a parent of one such as /var/lib, lets the container read its secrets (/etc/shadow, SSH keys, other containers' data) and, when writable, change the host itself: add a user, replace a binary, edit another container's filesystem. Read-only /etc/localtime and /etc/timezone are allowed: they hold no secret. Below /usr/share only the directories root-run services read (polkit-1, dbus-1, ca-certificates, keyrings, systemd) count; the rest is application data. Home directories: /home and /root themselves, a whole home (/home/<user>, ~, $HOME) and the credentials kept directly in one (.ssh, .aws, .docker, .kube, .gnupg, .config/gcloud, .azure, .netrc, .git-credentials, .npmrc, .pypirc, .bash_history), in any home or written as ~, $HOME or ${HOME}, count: they hold keys and tokens for other systems, so a container that reads them can act as the user there, and one that writes them can plant an authorized key or a credential helper. A project directory under a home (/home/me/app, /root/project) is the user's own data, not a host takeover, and is not reported.",
    whenNotToUse:
      'Host agents you trust as root on the host (node exporters reading /proc and /sys read-only, log shippers reading /var/log). A tool that needs the user\'s keys on purpose (an SSH or cloud CLI container run by that user, `-v ~/.aws:/root/.aws:ro`): mount it read-only, only the files needed, and record the decision with a capdrop-ignore comment and its reason.',
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
      if (!source) continue;
      const path = source.value.trim();
      // A volume name cannot start with `~` or `$`: `${HOME}/.aws` is a host path even where the parser could not tell.
      if (mount.value.type !== 'bind' && !(mount.value.type === 'volume' && HOME_VARIABLE.test(path))) continue;
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
