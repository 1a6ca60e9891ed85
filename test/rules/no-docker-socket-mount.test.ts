import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-docker-socket-mount';

ruleTester.run(rule, {
  valid: [
    { kind: 'run', name: 'a named volume called docker.sock is not a host socket', code: 'docker run -v docker.sock:/data alpine:3.20\n' },
    { kind: 'compose', code: 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - /var/run/mysqld/mysqld.sock:/var/run/mysqld/mysqld.sock\n' },
    { kind: 'compose', name: 'a named volume is not the socket', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - docker-data:/var/lib/docker\nvolumes:\n  docker-data: {}\n' },
    { kind: 'compose', name: 'unknown source stays silent', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ${DOCKER_SOCK}:/var/run/docker.sock\n' },
    { kind: 'run', code: 'docker run -v /srv/app:/app alpine:3.20\n' },
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
  ],
});
