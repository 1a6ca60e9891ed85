import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-docker-socket-mount';

ruleTester.run(rule, {
  valid: [
    { kind: 'run', name: 'a named volume called docker.sock is not a host socket', code: 'docker run -v docker.sock:/data alpine:3.20\n' },
    { kind: 'compose', code: 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - /var/run/mysqld/mysqld.sock:/var/run/mysqld/mysqld.sock\n' },
    { kind: 'compose', name: 'a named volume is not the socket', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - docker-data:/var/lib/docker\nvolumes:\n  docker-data: {}\n' },
    { kind: 'compose', name: 'unknown source stays silent', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ${DOCKER_SOCK}:/var/run/docker.sock\n' },
    { kind: 'run', code: 'docker run -v /srv/app:/app alpine:3.20\n' },
    { kind: 'compose', name: 'application sockets and runtime state directories that hold no runtime socket', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /run/mysqld:/run/mysqld\n      - /var/run/docker.sock.d:/sock.d\n      - /var/lib/docker/volumes/app/_data:/data\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'rootless Docker socket behind a variable: the file name is known',
      code: 'services:\n  app:\n    image: docker:27-cli\n    volumes:\n      - ${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock\n',
      errors: [{ messageId: 'socketMounted', data: { source: '${XDG_RUNTIME_DIR}/docker.sock' }, line: 5, column: 9, endLine: 5, endColumn: 39 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'quoted podman socket behind a variable',
      code: 'docker run -v "$XDG_RUNTIME_DIR/podman/podman.sock:/var/run/docker.sock" docker:27-cli\n',
      errors: [{ messageId: 'socketMounted', data: { source: '$XDG_RUNTIME_DIR/podman/podman.sock' }, line: 1, column: 16, endLine: 1, endColumn: 51 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: ':ro does not help',
      code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ messageId: 'socketMounted', data: { source: '/var/run/docker.sock' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 29 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'long syntax, containerd socket',
      code: 'services:\n  agent:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: /run/containerd/containerd.sock\n        target: /run/containerd/containerd.sock\n',
      errors: [{ messageId: 'socketMounted', data: { source: '/run/containerd/containerd.sock' }, line: 6, column: 17, endLine: 6, endColumn: 48 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -v /run/user/1000/podman/podman.sock:/var/run/docker.sock alpine:3.20\n',
      errors: [{ messageId: 'socketMounted', data: { source: '/run/user/1000/podman/podman.sock' }, line: 1, column: 15, endLine: 1, endColumn: 48 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: '--mount split over lines',
      code: 'docker run -d \\\n  --mount type=bind,src=/run/docker.sock,dst=/var/run/docker.sock \\\n  alpine:3.20\n',
      errors: [{ messageId: 'socketMounted', data: { source: '/run/docker.sock' }, line: 2, column: 25, endLine: 2, endColumn: 41 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a socket proxy with the socket read-only: information, advice for the proxy',
      code: 'services:\n  socket-proxy:\n    image: lscr.io/linuxserver/socket-proxy:1.26.2\n    environment:\n      - CONTAINERS=1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n    networks: [socket]\n  traefik:\n    image: traefik:3.1\n    environment:\n      - DOCKER_HOST=tcp://socket-proxy:2375\n    networks: [socket]\nnetworks:\n  socket:\n    internal: true\n',
      errors: [
        { messageId: 'proxyReadOnly', data: { image: 'lscr.io/linuxserver/socket-proxy', source: '/var/run/docker.sock' }, severity: 'info', line: 7, column: 9, endLine: 7, endColumn: 29 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a socket proxy with the socket writable: an error',
      code: 'services:\n  dockerproxy:\n    image: tecnativa/docker-socket-proxy:0.3.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      errors: [
        { messageId: 'proxyWritable', data: { source: '/var/run/docker.sock', image: 'tecnativa/docker-socket-proxy' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 29 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'socket proxies in docker run, by registry and by digest',
      code: 'docker run -d -v /var/run/docker.sock:/var/run/docker.sock:ro ghcr.io/wollomatic/socket-proxy:1.10.0\ndocker run -d --mount type=bind,src=/run/docker.sock,dst=/var/run/docker.sock,readonly tecnativa/docker-socket-proxy@sha256:1f5038b54f06c3e18422902cf00ba21803d1c97805aae032e5e6673d532d3459\n',
      errors: [
        { messageId: 'proxyReadOnly', data: { image: 'ghcr.io/wollomatic/socket-proxy', source: '/var/run/docker.sock' }, severity: 'info', line: 1, column: 18, endLine: 1, endColumn: 38 },
        { messageId: 'proxyReadOnly', data: { image: 'tecnativa/docker-socket-proxy', source: '/run/docker.sock' }, severity: 'info', line: 2, column: 37, endLine: 2, endColumn: 53 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'the client of a proxy mounting the socket too stays an error',
      code: 'services:\n  traefik:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [
        { messageId: 'socketMounted', data: { source: '/var/run/docker.sock' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 29 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'directories that hold a runtime socket, read-only or not',
      code: 'services:\n  cadvisor:\n    image: gcr.io/cadvisor/cadvisor:v0.49.1\n    volumes:\n      - /var/run:/var/run:ro\n      - /run/containerd:/run/containerd\n',
      errors: [
        { messageId: 'socketDirectoryMounted', data: { source: '/var/run' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 17 },
        { messageId: 'socketDirectoryMounted', data: { source: '/run/containerd' }, severity: 'error', line: 6, column: 9, endLine: 6, endColumn: 24 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'more runtimes: BuildKit, LXD',
      code: 'docker run -v /run/buildkit/buildkitd.sock:/run/buildkit/buildkitd.sock -v /var/snap/lxd/common/lxd/unix.socket:/lxd.sock alpine:3.20\n',
      errors: [
        { messageId: 'socketMounted', data: { source: '/run/buildkit/buildkitd.sock' }, severity: 'error', line: 1, column: 15, endLine: 1, endColumn: 43 },
        { messageId: 'socketMounted', data: { source: '/var/snap/lxd/common/lxd/unix.socket' }, severity: 'error', line: 1, column: 76, endLine: 1, endColumn: 112 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'the Docker Engine named pipe on Windows, long and short syntax',
      code: 'services:\n  app:\n    image: portainer/agent:2.21.0\n    volumes:\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n      - \\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine\n',
      errors: [
        { messageId: 'socketMounted', data: { source: '\\\\.\\pipe\\docker_engine' }, severity: 'error', line: 6, column: 17, endLine: 6, endColumn: 39 },
        { messageId: 'socketMounted', data: { source: '\\\\.\\pipe\\docker_engine' }, severity: 'error', line: 8, column: 9, endLine: 8, endColumn: 31 },
      ],
      fixes: [],
    },
  ],
});
