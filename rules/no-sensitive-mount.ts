import { defineRule, type Severity } from '../server/src/engine/ruleApi';
import type { SpecWriter } from '../server/src/edit/writer';
import { hostPathFacts, hostSourceOf } from './support/host-path-lookup';
import type { Level } from './support/host-paths';

/** Kinds another rule reports, so one mount is one finding: runtime sockets (no-docker-socket-mount), devices (no-host-devices). */
const OTHER_RULES = new Set(['runtime-socket', 'runtime-socket-dir', 'device']);

/** The finding's severity: the level the data gives, never `none` (callers report only above it). */
function severity(level: Level): Severity {
  return level === 'none' ? 'info' : level;
}


export default defineRule({
  id: 'no-sensitive-mount',
  title: 'Do not bind-mount sensitive host directories',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "A bind mount hands the container a piece of the host, and what that piece allows depends on the path and on whether the mount is writable. Capdrop looks the path up in one table (rules/support/host-paths.ts) that says, for a read-only and for a writable mount, what the container can then do, and reports that, once per mount. Errors give control of the host: a writable `/`, /etc, /usr, /bin, /lib (a program, a library or a kernel module the host runs as root), /boot, /proc or /sys (core_pattern and the uevent helper run commands as root), cron, systemd, sudo, PAM, package-source or CA directories, a home's SSH, shell or git startup files, and sockets that run commands as root (systemd's private socket, libvirt, snapd) even read-only. Warnings expose secrets or let the container tamper with what the host relies on: read-only /, /etc, /etc/shadow, SSH host keys, /var/lib/docker (every container's files and environment), kubelet and etcd data, whole homes and the credentials kept in one (~/.ssh, ~/.aws, ~/.docker, ~/.kube, ~/.gnupg, ~/.config/gcloud, ~/.netrc, ~/.git-credentials, ~/.npmrc …, written as /home/<user>, /root, /Users/<user>, ~, $HOME or ${HOME}), /dev, the host's shared memory, the system D-Bus, a user's runtime directory, a writable /etc/hosts or time zone. Information: read-only /proc, /sys and /var/log show the host's processes, hardware and logs, which monitoring agents need. Not reported: reference data read-only (/etc/localtime, /etc/timezone, /usr/share/zoneinfo, /etc/passwd, /etc/hosts, /etc/os-release, /etc/ssl/certs, /lib/modules, /usr/lib/systemd, /usr/src, /boot, /run/udev), application sockets and data (/run/mysqld, /run/php, /run/user/<uid>/pulse, /var/lib/mysql, /var/log/<app>, /usr/share/<app>, one volume's _data), a service's own directory in /etc read-only (/etc/letsencrypt, /etc/nginx; written, it is information), a project directory under a home. A parent of a listed path counts for what it holds (/var/lib holds /var/lib/docker). Runtime sockets and the directories holding them are no-docker-socket-mount's finding, single devices below /dev no-host-devices'. A writable mount is one finding that says what reading and writing give; the \"mount read-only\" fix is offered where the read-only mount is not reported at all.",
    whenNotToUse:
      'Host agents you trust as root on the host (node exporters and cAdvisor reading /proc, /sys and / read-only, log shippers reading /var/log and /var/lib/docker/containers, security agents such as Falco). A tool that needs the user\'s keys on purpose (an SSH or cloud CLI container run by that user, `-v ~/.aws:/root/.aws:ro`): mount it read-only, only the files needed, and record the decision with a capdrop-ignore comment and its reason.',
    references: [
      'CIS Docker Benchmark 5.5: Ensure sensitive host system directories are not mounted on containers',
      'https://docs.docker.com/engine/storage/bind-mounts/',
      'https://docs.docker.com/reference/compose-file/services/#volumes',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0023 (hostPath)' },
      { tool: 'kube-linter', id: 'sensitive-host-mounts' },
      { tool: 'kube-linter', id: 'writable-host-mount' },
      { tool: 'kics', id: 'Volume Has Sensitive Host Directory (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host/etc\n' },
        { kind: 'run', code: 'docker run -v /proc:/host/proc:ro alpine:3.20\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ./config:/etc/app:ro\n      - /etc/localtime:/etc/localtime:ro\n' },
        { kind: 'run', code: 'docker run -v /lib/modules:/lib/modules:ro -v app-data:/data alpine:3.20\n' },
      ],
    },
  },
  messages: {
    writable: 'The host path "{{source}}" is mounted writable: the container can {{writes}}; {{remedy}}.',
    writableExposed:
      'The host path "{{source}}" is mounted writable: the container can {{reads}}, and {{writes}}; mount only the files it needs, read-only.',
    readOnlyExposed: 'The host path "{{source}}" is mounted read-only, but the container can still {{reads}}; mount only the files it needs.',
    readOnlyInformation: 'The host path "{{source}}" is mounted read-only: the container can {{reads}}; keep such mounts to agents you trust with that.',
    reachable: 'The host path "{{source}}" is mounted: the container can {{reads}}, read-only or not; remove it unless the container needs that.',
    makeReadOnly: 'Mount "{{source}}" read-only (check the service still starts)',
    makeTimeZoneReadOnly: 'Mount "{{source}}" read-only (the host\'s time zone is only there to be read)',
  },
  check(spec, ctx) {
    for (const mount of spec.mounts) {
      const path = hostSourceOf(mount.value);
      const facts = path === undefined ? undefined : hostPathFacts(path);
      if (!facts || OTHER_RULES.has(facts.kind)) continue;
      const at = mount.value.source!;
      const data = { source: path!, reads: facts.reads ?? '', writes: facts.writes ?? '', remedy: facts.remedy ?? 'mount it read-only' };
      const readable = facts.readOnly !== 'none' && facts.reads !== undefined;
      if (facts.writes === undefined) {
        // A socket (D-Bus, a user's session bus) gives the same whether the mount is read-only or not.
        if (readable) ctx.report({ at, messageId: 'reachable', severity: severity(facts.readOnly), data });
      } else if (mount.value.readOnly) {
        if (readable) ctx.report({ at, messageId: facts.readOnly === 'info' ? 'readOnlyInformation' : 'readOnlyExposed', severity: severity(facts.readOnly), data });
      } else if (readable && facts.readOnly !== 'info') {
        // Secrets stay readable through a read-only mount: no read-only fix, since the finding would stay.
        ctx.report({ at, messageId: 'writableExposed', severity: severity(facts.writable), data, fixes: [] });
      } else if (facts.writable !== 'none') {
        // What matters is the write. Read-only, the mount is fine (the fix removes the finding) or only
        // informative (no fix: the information would be a new finding).
        // Safe unattended (fix-on-save) for a path that is only there to be read (the time zone, host-path-types.ts).
        const fixes = readable
          ? []
          : [
              facts.onlyRead
                ? { messageId: 'makeTimeZoneReadOnly' as const, safety: 'safe' as const, edit: (w: SpecWriter) => w.makeMountReadOnly(mount) }
                : { messageId: 'makeReadOnly' as const, safety: 'review' as const, edit: (w: SpecWriter) => w.makeMountReadOnly(mount) },
            ];
        ctx.report({ at, messageId: 'writable', severity: severity(facts.writable), data, fixes });
      }
    }
  },
});
