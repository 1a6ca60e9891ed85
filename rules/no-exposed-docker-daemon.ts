import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import { daemonInvocations, findEnv, flagValues, hasTrueFlag } from './support/docker-daemon';

/** The Docker daemon's conventional port for plain, unauthenticated TCP (2376 is the TLS one). */
const PLAIN_DAEMON_PORT = '2375';

export default defineRule({
  id: 'no-exposed-docker-daemon',
  title: 'Do not expose the Docker daemon over plain TCP',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'The Docker API is root on the host: anyone who can reach it can start a privileged container that mounts the host\'s filesystem. A daemon started with `-H tcp://…` and no `--tlsverify` accepts that API from anyone who can connect (an error); publishing or exposing port 2375, the plain-TCP port, and a client configured with `DOCKER_TLS_VERIFY` empty or `0` next to `DOCKER_HOST=tcp://…` are signs of such a daemon (warnings). A `DOCKER_HOST=tcp://socket-proxy:2375` on its own is not reported: it is a client pointing at a proxy on a private network.',
    whenNotToUse: 'Docker-in-Docker CI services reachable only from one job\'s private network; prefer the TLS set-up of the official `docker:dind` image (port 2376 with `DOCKER_TLS_CERTDIR`).',
    references: [
      'CIS Docker Benchmark 2.6: Ensure TLS authentication for Docker daemon is configured',
      'https://docs.docker.com/engine/security/protect-access/',
      'https://docs.docker.com/reference/cli/dockerd/#bind-docker-to-another-hostport-or-a-unix-socket',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  dind:\n    image: docker:27-dind\n    command: ["dockerd", "--host=tcp://0.0.0.0:2375"]\n' },
        { kind: 'dockerfile', code: 'FROM docker:27-dind\nEXPOSE 2375\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: traefik:3.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n' },
        { kind: 'dockerfile', code: 'FROM docker:27-dind\nEXPOSE 2376\n' },
      ],
    },
  },
  messages: {
    daemonWithoutTls: 'The Docker daemon listens on "{{host}}" without --tlsverify, so anyone who reaches it controls the host; add --tlsverify with certificates or listen on a Unix socket.',
    plainPortPublished: 'Port {{port}}, the Docker daemon\'s plain-TCP port, is published; do not publish the daemon, or use TLS on 2376.',
    plainPortExposed: 'Port {{port}}, the Docker daemon\'s plain-TCP port, is exposed; serve the daemon with TLS on 2376 or keep it on a Unix socket.',
    tlsVerifyOff: 'DOCKER_TLS_VERIFY is "{{value}}" next to DOCKER_HOST={{host}}, which expects a Docker daemon on TCP without TLS; use TLS (port 2376, DOCKER_TLS_VERIFY=1 with certificates) or a socket proxy.',
  },
  check(spec, ctx) {
    for (const args of daemonInvocations(spec, ctx.memo)) {
      if (hasTrueFlag(args, '--tlsverify')) continue;
      for (const host of flagValues(args, ['-H', '--host'])) {
        if (!host.value.toLowerCase().startsWith('tcp://')) continue;
        ctx.report({ at: host.range, messageId: 'daemonWithoutTls', severity: 'error', data: { host: host.value }, fixes: [] });
      }
    }

    for (const port of spec.ports) {
      const { mode, containerPort, hostPort } = port.value;
      if (mode === 'published') {
        const at = hostPort?.value === PLAIN_DAEMON_PORT ? hostPort : containerPort.value === PLAIN_DAEMON_PORT ? containerPort : undefined;
        if (at) ctx.report({ at: port, messageId: 'plainPortPublished', data: { port: at.value }, fixes: [] });
      } else if (mode === 'exposed' && containerPort.value === PLAIN_DAEMON_PORT) {
        ctx.report({ at: containerPort, messageId: 'plainPortExposed', data: { port: containerPort.value }, fixes: [] });
      }
    }

    const dockerHost = findEnv(spec, 'DOCKER_HOST');
    const tlsVerify = findEnv(spec, 'DOCKER_TLS_VERIFY');
    if (dockerHost && tlsVerify && isKnown(dockerHost.value.value) && dockerHost.value.value.value.toLowerCase().startsWith('tcp://')) {
      const verify = tlsVerify.value.value;
      if (isKnown(verify) && ['', '0', 'false'].includes(verify.value.trim().toLowerCase())) {
        ctx.report({
          at: verify.value === '' ? tlsVerify.value.name : verify,
          messageId: 'tlsVerifyOff',
          data: { value: verify.value, host: dockerHost.value.value.value },
          fixes: [],
        });
      }
    }
  },
});
