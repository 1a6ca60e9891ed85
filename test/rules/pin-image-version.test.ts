import { ruleTester } from '../ruleTester';
import rule from '../../rules/pin-image-version';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM <base-image>\nRUN make\n', name: 'a placeholder FROM image (a documentation example): unknown' },
    { kind: 'compose', code: 'services:\n  app:\n    image: <your-image>\n', name: 'a placeholder image in Compose: unknown' },
    { kind: 'run', code: 'docker run -d myorg/app:<tag>', name: 'a placeholder tag: the image is unknown' },
    { kind: 'run', code: 'docker run -d --privileged IMAGE_NAME', name: 'a placeholder image name' },
    { kind: 'dockerfile', code: 'FROM ubuntu:24.04\n' },
    {
      kind: 'dockerfile',
      name: 'stages, scratch, digests and ${VAR} images',
      code: 'ARG BASE=alpine:3.20\nFROM golang:1.23 AS build\nRUN go build\nFROM build AS test\nFROM ${BASE} AS tools\nFROM gcr.io/distroless/static@sha256:3f2b3b4bd9e2bd1b6b8b4e0b4e2d5c6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d\nFROM scratch\n',
    },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n  cache:\n    image: redis:${REDIS_TAG}\n  db:\n    image: ${DB_IMAGE}\n' },
    { kind: 'compose', name: 'an image built here is named, not pulled', code: 'services:\n  web:\n    build: .\n    image: myorg/web\n' },
    { kind: 'run', code: 'docker run nginx@sha256:3f2b3b4bd9e2bd1b6b8b4e0b4e2d5c6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d' },
    { kind: 'run', code: 'docker run --rm "$IMAGE" echo hi', name: 'an opaque image stays silent' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      code: 'FROM ubuntu\nRUN apt-get update\n',
      errors: [{ messageId: 'noTag', severity: 'warning', data: { image: 'ubuntu' }, line: 1, column: 6, endLine: 1, endColumn: 12 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'every stage counts; a stage name does not',
      code: 'FROM golang AS build\nRUN go build\nFROM build AS test\nFROM alpine:latest\nCOPY --from=build /app /app\n',
      errors: [
        { messageId: 'noTag', data: { image: 'golang' }, line: 1, column: 6, endLine: 1, endColumn: 12 },
        { messageId: 'latestTag', data: { image: 'alpine:latest' }, line: 4, column: 6, endLine: 4, endColumn: 19 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF and a registry with a port',
      code: 'FROM registry.example.com:5000/team/app\r\nUSER 10001\r\n',
      errors: [{ messageId: 'noTag', data: { image: 'registry.example.com:5000/team/app' }, line: 1, column: 6, endLine: 1, endColumn: 40 }],
      fixes: [],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx\n  db:\n    image: "postgres:latest"\n',
      errors: [
        { messageId: 'noTag', data: { image: 'nginx' }, line: 3, column: 5, endLine: 3, endColumn: 17 },
        { messageId: 'latestTag', data: { image: 'postgres:latest' }, line: 5, column: 5, endLine: 5, endColumn: 29 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'through a merge key: points at the anchored image',
      code: 'x-base: &base\n  image: traefik:latest\nservices:\n  proxy:\n    <<: *base\n',
      errors: [{ messageId: 'latestTag', data: { image: 'traefik:latest' }, line: 2, column: 3, endLine: 2, endColumn: 24 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --rm -it ubuntu bash',
      errors: [{ messageId: 'noTag', data: { image: 'ubuntu' }, line: 1, column: 21, endLine: 1, endColumn: 27 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'sudo and a command split over lines',
      code: 'sudo docker run -d \\\n  --name web \\\n  nginx:latest',
      errors: [{ messageId: 'latestTag', data: { image: 'nginx:latest' }, line: 3, column: 3, endLine: 3, endColumn: 15 }],
      fixes: [],
    },
  ],
});
