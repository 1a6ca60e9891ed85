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
    {
      kind: 'dockerfile',
      name: 'versions with variants, distribution codenames, a version in the image name, and tags Capdrop does not know as channels',
      code: 'FROM node:20-alpine AS a\nFROM debian:bookworm-slim AS b\nFROM ubuntu:noble AS c\nFROM gcr.io/distroless/static-debian12:nonroot AS d\nFROM nginxproxy/nginx-proxy:test AS e\nFROM ros:humble\n',
    },
    { kind: 'dockerfile', name: 'COPY --from a stage, an index or a bare name (maybe a build context)', code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=docs /d /d\n' },
    {
      kind: 'dockerfile',
      name: 'trusted registries: Docker Hub official images and a path on ghcr.io',
      code: 'FROM nginx:1.27\nCOPY --from=ghcr.io/my-org/tool:1.0 /t /t\n',
      options: { trustedRegistries: ['docker.io/library', 'ghcr.io/my-org'] },
    },
    { kind: 'dockerfile', name: 'strict: a digest is enough', code: 'FROM nginx:1.27@sha256:3f2b3b4bd9e2bd1b6b8b4e0b4e2d5c6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d\n', options: { preset: 'strict' } },
    { kind: 'compose', name: 'an empty trustedRegistries list restricts nothing', code: 'services:\n  app:\n    image: quay.io/org/app:1.0\n', options: { trustedRegistries: [] } },
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
      kind: 'compose',
      name: 'tags that name a channel or only a variant',
      code: 'services:\n  db:\n    image: postgres:alpine\n  web:\n    image: nginx:stable-alpine\n  base:\n    image: debian:stable-slim\n',
      errors: [
        { messageId: 'floatingTag', data: { image: 'postgres:alpine', tag: 'alpine' }, line: 3, column: 5, endLine: 3, endColumn: 27 },
        { messageId: 'floatingTag', data: { image: 'nginx:stable-alpine', tag: 'stable-alpine' }, line: 5, column: 5, endLine: 5, endColumn: 31 },
        { messageId: 'floatingTag', data: { image: 'debian:stable-slim', tag: 'stable-slim' }, line: 7, column: 5, endLine: 7, endColumn: 30 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a channel moves even on a distribution or an image named with a version',
      code: 'FROM debian:sid AS a\nFROM gcr.io/distroless/static-debian12:debug\nFROM gcr.io/distroless/base:nonroot\nFROM python3:edge\n',
      errors: [
        { messageId: 'floatingTag', data: { image: 'debian:sid', tag: 'sid' }, line: 1, column: 6, endLine: 1, endColumn: 16 },
        { messageId: 'floatingTag', data: { image: 'gcr.io/distroless/base:nonroot', tag: 'nonroot' }, line: 3, column: 6, endLine: 3, endColumn: 36 },
        { messageId: 'floatingTag', data: { image: 'python3:edge', tag: 'edge' }, line: 4, column: 6, endLine: 4, endColumn: 18 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a floating base and a floating COPY --from image',
      code: 'FROM node:lts AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=ghcr.io/org/tool:edge /t /t\n',
      errors: [
        { messageId: 'floatingTag', data: { image: 'node:lts', tag: 'lts' }, line: 1, column: 6, endLine: 1, endColumn: 14 },
        { messageId: 'floatingTag', data: { image: 'ghcr.io/org/tool:edge', tag: 'edge' }, line: 4, column: 13, endLine: 4, endColumn: 34 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'strict asks for digests; an untrusted registry is an error, digest or not',
      code: 'FROM nginx:1.27\nCOPY --from=quay.io/org/tool@sha256:abc /t /t\n',
      options: { preset: 'strict', trustedRegistries: ['docker.io/library', 'ghcr.io/my-org'] },
      errors: [
        { messageId: 'noDigest', severity: 'warning', data: { image: 'nginx:1.27' }, line: 1, column: 6, endLine: 1, endColumn: 16 },
        { messageId: 'untrustedRegistry', severity: 'error', data: { image: 'quay.io/org/tool', registry: 'quay.io', trusted: 'docker.io/library, ghcr.io/my-org' }, line: 2, column: 13, endLine: 2, endColumn: 40 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'an untrusted registry in Compose; an image built here is not pulled',
      code: 'services:\n  app:\n    image: bitnami/redis:7.4\n  web:\n    build: .\n    image: example/web:1.0\n',
      options: { trustedRegistries: ['docker.io/library'] },
      errors: [{ messageId: 'untrustedRegistry', severity: 'error', data: { image: 'bitnami/redis:7.4', registry: 'docker.io', trusted: 'docker.io/library' }, line: 3, column: 5, endLine: 3, endColumn: 29 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -d grafana/grafana:main\n',
      errors: [{ messageId: 'floatingTag', data: { image: 'grafana/grafana:main', tag: 'main' }, line: 1, column: 15, endLine: 1, endColumn: 35 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'docker run from an untrusted registry',
      code: 'docker run --rm registry.example.com/team/tool:2.1\n',
      options: { trustedRegistries: ['*.corp.example', 'ghcr.io'] },
      errors: [{ messageId: 'untrustedRegistry', data: { image: 'registry.example.com/team/tool:2.1', registry: 'registry.example.com', trusted: '*.corp.example, ghcr.io' }, line: 1, column: 17, endLine: 1, endColumn: 51 }],
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
