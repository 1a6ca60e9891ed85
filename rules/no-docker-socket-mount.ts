import { defineRule } from '../server/src/engine/ruleApi';

// Sockets of the container runtimes: whoever can talk to one can start a privileged container on the host.
// A path with a `/` is a host path even behind a variable (`${XDG_RUNTIME_DIR}/docker.sock`, rootless Docker):
// volume names cannot contain one.
const RUNTIME_SOCKET = /\/(?:docker|containerd|podman|crio|dockershim)\.sock$/;

export default defineRule({
  id: 'no-docker-socket-mount',
  title: 'Do not mount the Docker (or another container runtime) socket',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'The Docker, containerd, Podman or CRI-O socket is the runtime\'s full API: a container that can reach it can start a privileged container that mounts the host\'s root filesystem, so it is root on the host. Mounting it read-only changes nothing, because `:ro` only stops writes to the socket file, not API calls through it.',
    whenNotToUse:
      'Trusted infrastructure that must drive the runtime (CI runners, Traefik, Portainer, Watchtower) and that you accept as root on the host; even then, prefer a socket proxy that allows only the API calls it needs.',
    references: [
      'CIS Docker Benchmark 5.31: Ensure that the Docker socket is not mounted inside any containers',
      'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
      'https://docs.docker.com/engine/security/protect-access/',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n' },
        { kind: 'run', code: 'docker run -v /run/containerd/containerd.sock:/run/containerd/containerd.sock alpine:3.20\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n' },
        { kind: 'run', code: 'docker run -v app-data:/data alpine:3.20\n' },
      ],
    },
  },
  messages: {
    socketMounted:
      'The container runtime socket "{{source}}" is mounted, which gives root on the host even with :ro (the API stays fully usable); expose only the calls needed through a socket proxy with a restricted API.',
  },
  check(spec, ctx) {
    for (const mount of spec.mounts) {
      const source = mount.value.source;
      if (!source || !['bind', 'volume'].includes(mount.value.type)) continue;
      if (!RUNTIME_SOCKET.test(source.value.trim())) continue;
      ctx.report({ at: source, messageId: 'socketMounted', data: { source: source.value.trim() } });
    }
  },
});
