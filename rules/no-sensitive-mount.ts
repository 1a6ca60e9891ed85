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
  inputs: ['compose', 'run'],
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
    writable: 'The host path "{{source}}" is mounted writable: the container can {{writes}}; {{remedy}}.',
    writableExposed:
      'The host path "{{source}}" is mounted writable: the container can {{reads}}, and {{writes}}; mount only the files it needs, read-only.',
    readOnlyExposed: 'The host path "{{source}}" is mounted read-only, but the container can still {{reads}}; mount only the files it needs.',
    readOnlyInformation: 'The host path "{{source}}" is mounted read-only: the container can {{reads}}; keep such mounts to agents you trust with that.',
    reachable: 'The host path "{{source}}" is mounted: the container can {{reads}}, read-only or not; remove it unless the container needs that.',
    makeReadOnly: 'Mount "{{source}}" read-only (check the service still starts)',
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
        const fixes = readable ? [] : [{ messageId: 'makeReadOnly' as const, safety: 'review' as const, edit: (w: SpecWriter) => w.makeMountReadOnly(mount) }];
        ctx.report({ at, messageId: 'writable', severity: severity(facts.writable), data, fixes });
      }
    }
  },
});
