import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-insecure-registry';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM alpine:3.20\nENV DOCKER_CONTENT_TRUST=1\n' },
    { kind: 'dockerfile', name: 'the flags outside a daemon command', code: 'FROM alpine:3.20\nRUN echo --insecure-registry=registry.local:5000\n' },
    { kind: 'compose', code: 'services:\n  dind:\n    image: docker:27-dind\n    command: ["dockerd", "--registry-mirror=https://mirror.example.com"]\n' },
    { kind: 'compose', name: 'a ${VAR} value stays silent', code: 'services:\n  ci:\n    image: docker:27-cli\n    environment:\n      DOCKER_CONTENT_TRUST: ${TRUST}\n' },
    { kind: 'run', code: 'docker run -e DOCKER_CONTENT_TRUST=1 nginx:1.27' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      code: 'FROM docker:27-dind\nENV DOCKER_CONTENT_TRUST=0\nCMD ["dockerd", "--insecure-registry=registry.local:5000", "--registry-mirror", "http://mirror.local:5000"]\n',
      errors: [
        { messageId: 'contentTrustOff', severity: 'warning', data: { value: '0' }, line: 2, column: 26, endLine: 2, endColumn: 27 },
        { messageId: 'insecureRegistry', severity: 'error', data: { registry: 'registry.local:5000' }, line: 3, column: 38, endLine: 3, endColumn: 57 },
        { messageId: 'httpMirror', severity: 'error', data: { mirror: 'http://mirror.local:5000' }, line: 3, column: 82, endLine: 3, endColumn: 106 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a shell-form RUN in a build stage, CRLF',
      code: 'FROM docker:27-dind AS test\r\nRUN dockerd --insecure-registry registry.local:5000 & sleep 3\r\nFROM alpine:3.20\r\n',
      errors: [{ messageId: 'insecureRegistry', data: { registry: 'registry.local:5000' }, line: 2, column: 33, endLine: 2, endColumn: 52 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'flags alone passed to the dind entrypoint, list-style environment',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    command: ["--insecure-registry", "10.0.0.0/8"]\n    environment:\n      - DOCKER_CONTENT_TRUST=false\n',
      errors: [
        { messageId: 'insecureRegistry', data: { registry: '10.0.0.0/8' }, line: 4, column: 39, endLine: 4, endColumn: 49 },
        { messageId: 'contentTrustOff', data: { value: 'false' }, line: 6, column: 30, endLine: 6, endColumn: 35 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --disable-content-trust nginx:1.27',
      errors: [{ messageId: 'contentTrustFlag', severity: 'warning', data: { flag: '--disable-content-trust' }, line: 1, column: 12, endLine: 1, endColumn: 35 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'split over lines: =true form and the env variable',
      code: 'docker run --rm \\\n  --disable-content-trust=true \\\n  -e DOCKER_CONTENT_TRUST=0 \\\n  nginx:1.27',
      errors: [
        { messageId: 'contentTrustFlag', data: { flag: '--disable-content-trust=true' }, line: 2, column: 3, endLine: 2, endColumn: 31 },
        { messageId: 'contentTrustOff', data: { value: '0' }, line: 3, column: 27, endLine: 3, endColumn: 28 },
      ],
      fixes: [],
    },
  ],
});
