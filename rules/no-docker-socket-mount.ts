import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import { hostPathFacts, hostSourceOf } from './support/host-path-lookup';
import { isSocketProxyImage } from './support/socket-proxies';

export default defineRule({
  id: 'no-docker-socket-mount',
  title: 'Do not mount the Docker (or another container runtime) socket',
  severity: 'error',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "The Docker, containerd, Podman, CRI-O or BuildKit socket (and LXD's, and Docker's named pipe on Windows) is the runtime's full API: a container that can reach it can start a privileged container that mounts the host's root filesystem, so it is root on the host. Mounting it read-only changes nothing, because `:ro` only stops writes to the socket file, not API calls through it; the same holds for a directory that holds the socket (/run, /var/run, /run/containerd, /run/podman, a user's rootless runtime directory). The socket is found by its file name wherever it is, behind a variable too (`${XDG_RUNTIME_DIR}/docker.sock`). A socket proxy (tecnativa/docker-socket-proxy and its forks, linuxserver/socket-proxy, wollomatic/socket-proxy, fluencelabs/docker-socket-proxy, 11notes/socket-proxy, hectorm/cetusguard, cailloumajor/docker-socket-proxy) is the remedy rather than the problem: with the socket read-only it is information, a reminder that the proxy itself reaches the whole API, so it should allow only the API sections its clients need and publish its port only on an internal network; with the socket writable it is an error, since it could then change the socket's owner and permissions on the host. Any other container with the socket stays an error, whatever proxy runs next to it.",
    whenNotToUse:
      'Trusted infrastructure that must drive the runtime (CI runners, Traefik, Portainer, Watchtower) and that you accept as root on the host; even then, prefer a socket proxy that allows only the API calls it needs, and point the client at it with DOCKER_HOST.',
    references: [
      'CIS Docker Benchmark 5.31: Ensure that the Docker socket is not mounted inside any containers',
      'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
      'https://docs.docker.com/engine/security/protect-access/',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0006' },
      { tool: 'checkov', id: 'CKV_K8S_27' },
      { tool: 'kube-linter', id: 'docker-sock' },
      { tool: 'kics', id: 'Docker Socket Mounted In Container (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n' },
        { kind: 'run', code: 'docker run -v /run/containerd/containerd.sock:/run/containerd/containerd.sock alpine:3.20\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  proxy:\n    image: traefik:3.1\n    environment:\n      - DOCKER_HOST=tcp://socket-proxy:2375\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n' },
        { kind: 'run', code: 'docker run -v app-data:/data alpine:3.20\n' },
      ],
    },
  },
  messages: {
    socketMounted:
      'The container runtime socket "{{source}}" is mounted, which gives root on the host even with :ro (the API stays fully usable); expose only the calls needed through a socket proxy with a restricted API.',
    socketDirectoryMounted:
      'The host directory "{{source}}" holds the container runtime socket, which gives root on the host even with :ro (the API stays fully usable); mount only what the container needs, and reach the runtime through a socket proxy with a restricted API.',
    proxyReadOnly:
      'The socket proxy "{{image}}" reaches the whole runtime API through "{{source}}": allow only the API sections its clients need, and keep its port on an internal network.',
    proxyWritable:
      'The runtime socket "{{source}}" is mounted writable into the socket proxy "{{image}}", which can then change the socket\'s owner and permissions on the host; mount it read-only, allow only the API sections its clients need, and keep its port on an internal network.',
  },
  check(spec, ctx) {
    let image: string | undefined;
    let proxy: boolean | undefined;
    for (const mount of spec.mounts) {
      const source = hostSourceOf(mount.value);
      const kind = source === undefined ? undefined : hostPathFacts(source)?.kind;
      if (kind !== 'runtime-socket' && kind !== 'runtime-socket-dir') continue;
      // Only a container that mounts the socket needs its image read (most mount none).
      if (proxy === undefined) {
        image = isKnown(spec.image) ? spec.image.value.name : undefined;
        proxy = image !== undefined && isSocketProxyImage(image);
      }
      const data = { source: source!, image: image ?? '' };
      if (proxy && mount.value.readOnly) ctx.report({ at: mount.value.source!, messageId: 'proxyReadOnly', severity: 'info', data });
      else if (proxy) ctx.report({ at: mount.value.source!, messageId: 'proxyWritable', data });
      else ctx.report({ at: mount.value.source!, messageId: kind === 'runtime-socket' ? 'socketMounted' : 'socketDirectoryMounted', data });
    }
  },
});
