import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import type { SpecWriter } from '../server/src/edit/writer';

/** `root`, `0` (or `000`), with or without a group: the group does not change who the process is. */
function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === 'root' || /^0+$/.test(name);
}

export default defineRule({
  id: 'no-root-user',
  title: 'Do not run the container as root',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A process running as root in the container is root on the host once it escapes (a kernel or runtime bug, a mounted socket, a writable host path). Running as an unprivileged uid turns most container escapes into an unprivileged foothold. `docker exec -u root` (or `-u 0`) in scripts and docs starts a command as root in a running container, whatever user the container runs as (CIS 5.24).',
    whenNotToUse:
      'Images whose entrypoint must start as root to bind low ports or fix volume ownership and then drops privileges itself (gosu, su-exec, setpriv), and servers whose master process stays root while unprivileged workers serve requests (nginx, httpd, php-fpm): Capdrop lowers those to info when it can see it, as it does for base and tool images that start no program of their own (no ENTRYPOINT; a shell or REPL as command: buildpack-deps, ruby) and for Windows images (ContainerAdministrator, no root), in the ENTRYPOINT/CMD or from the official image (postgres, redis, mysql, mariadb, mongo, rabbitmq, couchdb, cassandra; nginx, httpd, php fpm/apache), the same whether the image is used directly (Compose, `docker run`) or built FROM, as long as its entrypoint and server command are kept.',
    references: [
      'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created',
      'CIS Docker Benchmark 5.24: Ensure that docker exec commands are not used with the user=root option',
      'https://docs.docker.com/reference/dockerfile/#user',
      'https://docs.docker.com/reference/compose-file/services/#user',
      'https://docs.docker.com/engine/security/#linux-kernel-capabilities',
    ],
    sameAs: [
      { tool: 'hadolint', id: 'DL3002' },
      { tool: 'checkov', id: 'CKV_DOCKER_3' },
      { tool: 'checkov', id: 'CKV_DOCKER_8' },
      { tool: 'trivy', id: 'AVD-DS-0002' },
      { tool: 'trivy', id: 'AVD-KSV-0012 (runAsNonRoot)' },
      { tool: 'checkov', id: 'CKV_K8S_23' },
      { tool: 'kube-linter', id: 'run-as-non-root' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nUSER root\nCMD ["app"]\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: node:22\n    user: root\n' },
        { kind: 'run', code: 'docker run --user 0 node:22\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static\nUSER 65532\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: node:22\n    user: "10001:10001"\n' },
      ],
    },
  },
  messages: {
    root: 'The container runs as "{{user}}", which is root; run it as an unprivileged uid instead.',
    execRoot: 'This docker exec runs its command as "{{user}}", which is root in the container; run it as an unprivileged uid instead.',
    implicitRoot: 'No USER is set, so the container runs as root; add a USER with an unprivileged uid.',
    // The entrypoint drops root itself: the finding is about the start as root, not the workload.
    rootUntilEntrypointDrops: 'The container starts as "{{user}}", which is root, until its entrypoint switches to another user (gosu, su-exec…); set an unprivileged USER if the image can start without root.',
    implicitRootUntilEntrypointDrops: 'No USER is set, so the container starts as root until its entrypoint switches to another user (gosu, su-exec…); set an unprivileged USER if the image can start without root.',
    // nginx, httpd, php-fpm: the workers that serve requests are unprivileged, the master process is not.
    rootWithUnprivilegedWorkers: 'The container runs its server as "{{user}}", which is root: the workers that serve requests switch to an unprivileged user, but the master process stays root; run it as an unprivileged uid if the image supports it (some have an unprivileged variant, such as nginxinc/nginx-unprivileged).',
    implicitRootWithUnprivilegedWorkers: 'No USER is set, so the server runs as root: the workers that serve requests switch to an unprivileged user, but the master process stays root; set an unprivileged USER if the image supports it (some have an unprivileged variant, such as nginxinc/nginx-unprivileged).',
    // A base or tool image (buildpack-deps, ruby's irb): its end use is decided by what is built from it.
    implicitRootInBaseImage: 'No USER is set, and the image starts no program of its own (no ENTRYPOINT; its command is a shell or REPL), so containers and images built from it run as root unless they set a USER; add one for its end use.',
    implicitAdministratorOnWindows: 'No USER is set, so the Windows container runs as ContainerAdministrator; add USER ContainerUser if the program can run without administrator rights.',
    runAsUid: 'Run as {{uid}}:{{uid}}',
    runAsUidEntrypointExpectsRoot: 'Run as {{uid}}:{{uid}} (the entrypoint expects to start as root: check it)',
    runAsUidServerExpectsRoot: 'Run as {{uid}}:{{uid}} (the server expects to start as root: check its ports and files)',
    // A Dockerfile without USER gets new lines, and a RUN that creates the user when the base image has the tools.
    addUser: 'Add USER {{uid}}:{{uid}} to the final stage, creating that user first where the base image can',
    addUserEntrypointExpectsRoot: 'Add USER {{uid}}:{{uid}} to the final stage, creating that user first where the base image can (the entrypoint expects to start as root: check it)',
    addUserServerExpectsRoot: 'Add USER {{uid}}:{{uid}} to the final stage, creating that user first where the base image can (the server expects to start as root: check its ports and files)',
  },
  check(spec, ctx) {
    const uid = ctx.settings.uid;
    const user = `${uid}:${uid}`;
    const drop = spec.dropsPrivilegesAtRuntime;
    // The container gives root up itself: running as root is by design, so say it softly.
    const severity = drop ? 'info' : 'warning';
    const fix = {
      messageId: drop === 'entrypoint' ? ('runAsUidEntrypointExpectsRoot' as const) : drop === 'workers' ? ('runAsUidServerExpectsRoot' as const) : ('runAsUid' as const),
      data: { uid },
      safety: 'review' as const,
      edit: (w: SpecWriter) => w.setSettings(spec, { user }),
    };
    if (isKnown(spec.user)) {
      if (!isRootUser(spec.user.value)) return;
      const messageId = spec.exec ? 'execRoot' : drop === 'entrypoint' ? 'rootUntilEntrypointDrops' : drop === 'workers' ? 'rootWithUnprivilegedWorkers' : 'root';
      ctx.report({ at: spec.user, messageId, data: { user: spec.user.value.trim() }, severity, fixes: [fix] });
      return;
    }
    // A missing USER is hardening left out: not asked of fragments or of specs whose facts are partial.
    if (spec.user === undefined && spec.implicitRootAt && !spec.incomplete) {
      // Windows has no root and no uid to switch to: the fixes below write Linux users.
      if (spec.imageRole === 'windows') return ctx.report({ at: spec.implicitRootAt, messageId: 'implicitAdministratorOnWindows', severity: 'info' });
      if (spec.imageRole === 'base' && !drop) return ctx.report({ at: spec.implicitRootAt, messageId: 'implicitRootInBaseImage', severity: 'info', fixes: [{ ...fix, messageId: 'addUser' }] });
      const messageId = drop === 'entrypoint' ? 'implicitRootUntilEntrypointDrops' : drop === 'workers' ? 'implicitRootWithUnprivilegedWorkers' : 'implicitRoot';
      const addUserId = drop === 'entrypoint' ? ('addUserEntrypointExpectsRoot' as const) : drop === 'workers' ? ('addUserServerExpectsRoot' as const) : ('addUser' as const);
      ctx.report({ at: spec.implicitRootAt, messageId, severity, fixes: [{ ...fix, messageId: addUserId }] });
    }
  },
});
