import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-exposed-docker-daemon';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM docker:27-dind\nEXPOSE 2376\n' },
    { kind: 'dockerfile', name: 'a client pointing at a daemon on a private network', code: 'FROM ubuntu:24.04\r\nEXPOSE 2376\r\nENV DOCKER_HOST=tcp://docker:2375\r\n' },
    { kind: 'dockerfile', name: 'a daemon with --tlsverify', code: 'FROM docker:27-dind\nCMD ["dockerd", "--host=tcp://0.0.0.0:2376", "--tlsverify", "--tlscacert=/certs/ca.pem"]\n' },
    { kind: 'compose', name: 'a socket proxy client on its own', code: 'services:\n  traefik:\n    image: traefik:3.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n' },
    { kind: 'compose', name: 'dind with TLS on 2376', code: 'services:\n  dind:\n    image: docker:27-dind\n    environment:\n      DOCKER_TLS_CERTDIR: /certs\n    ports:\n      - "127.0.0.1:2376:2376"\n' },
    { kind: 'compose', name: 'DOCKER_TLS_VERIFY empty but DOCKER_HOST unknown', code: 'services:\n  ci:\n    image: docker:27-cli\n    environment:\n      DOCKER_HOST: ${DOCKER_HOST}\n      DOCKER_TLS_VERIFY: ""\n' },
    { kind: 'run', code: 'docker -H tcp://10.0.0.5:2375 run -e DOCKER_HOST=tcp://socket-proxy:2375 nginx:1.27', name: 'a client -H is not a daemon' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      code: 'FROM docker:27-dind\nEXPOSE 2375\nCMD ["dockerd", "-H", "tcp://0.0.0.0:2375"]\n',
      errors: [
        { messageId: 'plainPortExposed', severity: 'warning', data: { port: '2375' }, line: 2, column: 8, endLine: 2, endColumn: 12 },
        { messageId: 'daemonWithoutTls', severity: 'error', data: { host: 'tcp://0.0.0.0:2375' }, line: 3, column: 24, endLine: 3, endColumn: 42 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a RUN with two daemons (one verified) and DOCKER_TLS_VERIFY=0',
      code: 'FROM ubuntu:24.04\nRUN dockerd -H tcp://0.0.0.0:2375 --tlsverify & sleep 2 && dockerd -Htcp://127.0.0.1:2375\nENV DOCKER_HOST=tcp://docker:2375 DOCKER_TLS_VERIFY=0\n',
      errors: [
        { messageId: 'daemonWithoutTls', severity: 'error', data: { host: 'tcp://127.0.0.1:2375' }, line: 2, column: 70, endLine: 2, endColumn: 90 },
        { messageId: 'tlsVerifyOff', severity: 'warning', data: { value: '0', host: 'tcp://docker:2375' }, line: 3, column: 53, endLine: 3, endColumn: 54 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    command: ["dockerd", "--host=tcp://0.0.0.0:2375", "--host=unix:///var/run/docker.sock"]\n    ports:\n      - "2375:2375"\n',
      errors: [
        { messageId: 'daemonWithoutTls', severity: 'error', data: { host: 'tcp://0.0.0.0:2375' }, line: 4, column: 34, endLine: 4, endColumn: 52 },
        { messageId: 'plainPortPublished', severity: 'warning', data: { port: '2375' }, line: 6, column: 9, endLine: 6, endColumn: 20 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'flags alone passed to the dind entrypoint',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    command: --host=tcp://0.0.0.0:2375 --tls=false\n    expose:\n      - 2375\n',
      errors: [
        { messageId: 'daemonWithoutTls', data: { host: 'tcp://0.0.0.0:2375' }, line: 4, column: 21, endLine: 4, endColumn: 39 },
        { messageId: 'plainPortExposed', data: { port: '2375' }, line: 6, column: 9, endLine: 6, endColumn: 13 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -d --privileged -p 2375:2375 docker:27-dind dockerd -H tcp://0.0.0.0:2375',
      errors: [
        { messageId: 'plainPortPublished', data: { port: '2375' }, line: 1, column: 31, endLine: 1, endColumn: 40 },
        { messageId: 'daemonWithoutTls', data: { host: 'tcp://0.0.0.0:2375' }, line: 1, column: 67, endLine: 1, endColumn: 85 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'split over lines: DOCKER_TLS_VERIFY set empty next to a tcp DOCKER_HOST',
      code: 'docker run --rm \\\n  -e DOCKER_TLS_VERIFY= \\\n  -e DOCKER_HOST=tcp://10.0.0.5:2375 \\\n  docker:27-cli docker ps',
      errors: [{ messageId: 'tlsVerifyOff', data: { value: '', host: 'tcp://10.0.0.5:2375' }, line: 2, column: 6, endLine: 2, endColumn: 23 }],
      fixes: [],
    },
  ],
});
