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
      'A process running as root in the container is root on the host once it escapes (a kernel or runtime bug, a mounted socket, a writable host path). Running as an unprivileged uid turns most container escapes into an unprivileged foothold.',
    whenNotToUse:
      'Images whose entrypoint must start as root to bind low ports or fix volume ownership and then drops privileges itself (gosu, su-exec, setpriv): Capdrop lowers those to info when it can see the drop in the ENTRYPOINT.',
    references: [
      'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created',
      'https://docs.docker.com/reference/dockerfile/#user',
      'https://docs.docker.com/reference/compose-file/services/#user',
      'https://docs.docker.com/engine/security/#linux-kernel-capabilities',
    ],
    sameAs: [
      { tool: 'hadolint', id: 'DL3002' },
      { tool: 'checkov', id: 'CKV_DOCKER_3' },
      { tool: 'checkov', id: 'CKV_DOCKER_8' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nUSER root\nCMD ["app"]\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    user: root\n' },
        { kind: 'run', code: 'docker run --user 0 nginx:1.27\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static\nUSER 65532\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    user: "10001:10001"\n' },
      ],
    },
  },
  messages: {
    root: 'The container runs as "{{user}}", which is root; run it as an unprivileged uid instead.',
    implicitRoot: 'No USER is set, so the container runs as root; add a USER with an unprivileged uid.',
    // The entrypoint drops root itself: the finding is about the start as root, not the workload.
    rootUntilEntrypointDrops: 'The container starts as "{{user}}", which is root, until its entrypoint switches to another user (gosu, su-exec…); set an unprivileged USER if the image can start without root.',
    implicitRootUntilEntrypointDrops: 'No USER is set, so the container starts as root until its entrypoint switches to another user (gosu, su-exec…); set an unprivileged USER if the image can start without root.',
    runAsUid: 'Run as {{uid}}:{{uid}}',
    runAsUidEntrypointExpectsRoot: 'Run as {{uid}}:{{uid}} (the entrypoint expects to start as root: check it)',
    // A Dockerfile without USER gets new lines, and a RUN that creates the user when the base image has the tools.
    addUser: 'Add USER {{uid}}:{{uid}} to the final stage, creating that user first where the base image can',
    addUserEntrypointExpectsRoot: 'Add USER {{uid}}:{{uid}} to the final stage, creating that user first where the base image can (the entrypoint expects to start as root: check it)',
  },
  check(spec, ctx) {
    const uid = ctx.settings.uid;
    const user = `${uid}:${uid}`;
    // The entrypoint drops root itself: running as root is by design, so say it softly.
    const severity = spec.dropsPrivilegesAtRuntime ? 'info' : 'warning';
    const fix = {
      messageId: spec.dropsPrivilegesAtRuntime ? ('runAsUidEntrypointExpectsRoot' as const) : ('runAsUid' as const),
      data: { uid },
      safety: 'review' as const,
      edit: (w: SpecWriter) => w.setSettings(spec, { user }),
    };
    if (isKnown(spec.user)) {
      if (!isRootUser(spec.user.value)) return;
      const messageId = spec.dropsPrivilegesAtRuntime ? 'rootUntilEntrypointDrops' : 'root';
      ctx.report({ at: spec.user, messageId, data: { user: spec.user.value.trim() }, severity, fixes: [fix] });
      return;
    }
    // A missing USER is hardening left out: not asked of fragments or of specs whose facts are partial.
    if (spec.user === undefined && spec.implicitRootAt && !spec.incomplete) {
      const messageId = spec.dropsPrivilegesAtRuntime ? 'implicitRootUntilEntrypointDrops' : 'implicitRoot';
      const addUser = { ...fix, messageId: spec.dropsPrivilegesAtRuntime ? ('addUserEntrypointExpectsRoot' as const) : ('addUser' as const) };
      ctx.report({ at: spec.implicitRootAt, messageId, severity, fixes: [addUser] });
    }
  },
});
