import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-root-user';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', name: 'nginx-unprivileged runs as uid 101 by default', code: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY site /usr/share/nginx/html\n' },
    { kind: 'dockerfile', name: 'a fragment without FROM and without USER: no whole image, no "no USER is set"', code: 'RUN apt-get update\nCMD ["app"]\n' },
    {
      kind: 'dockerfile',
      name: 'root only in a build stage',
      code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static\nUSER 65532\n',
    },
    { kind: 'dockerfile', code: 'FROM alpine:3.20\nUSER app\nCMD ["app"]\n' },
    { kind: 'dockerfile', name: 'USER from a build argument is unknown', code: 'FROM alpine:3.20\nUSER ${APP_USER}\n' },
    { kind: 'dockerfile', name: 'USER from a build argument whose default is unprivileged', code: 'FROM alpine:3.20\nARG APP_USER=app\nUSER $APP_USER\n' },
    { kind: 'dockerfile', name: 'a global ARG not declared again in the stage is not in scope there', code: 'ARG APP_USER=root\nFROM alpine:3.20\nUSER ${APP_USER:-app}\n' },
    { kind: 'dockerfile', name: 'uid 0 as a prefix is not root', code: 'FROM alpine:3.20\nUSER 1000:0\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: node:22\n    user: "10001:10001"\n' },
    { kind: 'compose', name: 'no user: the image decides, unknown here', code: 'services:\n  app:\n    image: node:22\n' },
    { kind: 'compose', name: 'unknown user stays silent', code: 'services:\n  app:\n    image: node:22\n    user: ${APP_USER}\n' },
    { kind: 'run', code: 'docker run --user 1000 node:22\n' },
    { kind: 'run', code: 'docker run node:22\n' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      name: 'FROM nginx without USER: the master stays root, the workers do not: info',
      code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n',
      errors: [{ messageId: 'implicitRootWithUnprivilegedWorkers', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 16 }],
      fixes: [{ messageId: 'addUserServerExpectsRoot', output: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\n' }],
    },
    {
      kind: 'dockerfile',
      name: "the httpd image's own Dockerfile (seen directly) is judged as FROM httpd is",
      code: 'FROM debian:trixie-slim\nCMD ["httpd-foreground"]\n',
      errors: [{ messageId: 'implicitRootWithUnprivilegedWorkers', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 24 }],
      fixes: [{ messageId: 'addUserServerExpectsRoot', output: 'FROM debian:trixie-slim\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["httpd-foreground"]\n' }],
    },
    {
      kind: 'compose',
      name: 'user: root on an official image whose entrypoint switches users: info, as FROM postgres',
      code: 'services:\n  db:\n    image: postgres:16\n    user: root\n',
      errors: [{ messageId: 'rootUntilEntrypointDrops', data: { user: 'root' }, severity: 'info', line: 4, column: 5, endLine: 4, endColumn: 15 }],
      fixes: [{ messageId: 'runAsUidEntrypointExpectsRoot', output: 'services:\n  db:\n    image: postgres:16\n    user: "10001:10001"\n' }],
    },
    {
      kind: 'run',
      name: '-u 0 on php-fpm: info, as FROM php:*-fpm',
      code: 'docker run -d -u 0 php:8.3-fpm\n',
      errors: [{ messageId: 'rootWithUnprivilegedWorkers', data: { user: '0' }, severity: 'info', line: 1, column: 18, endLine: 1, endColumn: 19 }],
      fixes: [{ messageId: 'runAsUidServerExpectsRoot', output: 'docker run -d -u 10001:10001 php:8.3-fpm\n' }],
    },
    {
      kind: 'run',
      name: 'the same image with its entrypoint replaced: a warning',
      code: 'docker run -d -u 0 --entrypoint sh postgres:16\n',
      errors: [{ messageId: 'root', data: { user: '0' }, severity: 'warning', line: 1, column: 18, endLine: 1, endColumn: 19 }],
      fixes: [{ messageId: 'runAsUid', output: 'docker run -d -u 10001:10001 --entrypoint sh postgres:16\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'a fragment without FROM (a README example, a file being typed): USER root is judged and rewritten in place',
      code: 'RUN apt-get update\nUSER root\nCMD ["app"]\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      fixes: [{ messageId: 'runAsUid', output: 'RUN apt-get update\nUSER 10001:10001\nCMD ["app"]\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'USER root before a gosu entrypoint: info',
      code: 'FROM debian:12\nUSER root\nENTRYPOINT ["gosu", "redis", "redis-server"]\n',
      errors: [{ messageId: 'rootUntilEntrypointDrops', data: { user: 'root' }, severity: 'info', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      fixes: [{ messageId: 'runAsUidEntrypointExpectsRoot', output: 'FROM debian:12\nUSER 10001:10001\nENTRYPOINT ["gosu", "redis", "redis-server"]\n' }],
    },
    {
      kind: 'compose',
      name: 'a variable whose default is root: reported, not rewritten',
      code: 'services:\n  app:\n    image: node:22\n    user: ${APP_USER:-root}\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, line: 4, column: 5, endLine: 4, endColumn: 28 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a build argument whose default is root: reported like Compose ${APP_USER:-root}, not rewritten',
      code: 'ARG APP_USER=root\nFROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, severity: 'warning', line: 4, column: 6, endLine: 4, endColumn: 15 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'CRLF run split over lines',
      code: 'docker run -d \\\r\n  --user root \\\r\n  node:22\r\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, line: 2, column: 10, endLine: 2, endColumn: 14 }],
      fixes: [{ messageId: 'runAsUid', output: 'docker run -d \\\r\n  --user 10001:10001 \\\r\n  node:22\r\n' }],
    },
    {
      kind: 'dockerfile',
      code: 'FROM alpine:3.20\nUSER root\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      fixes: [{ messageId: 'runAsUid', output: 'FROM alpine:3.20\nUSER 10001:10001\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF Dockerfile',
      code: 'FROM alpine:3.20\r\nUSER root\r\nCMD ["sh"]\r\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, line: 2, column: 6, endLine: 2, endColumn: 10 }],
      fixes: [{ messageId: 'runAsUid', output: 'FROM alpine:3.20\r\nUSER 10001:10001\r\nCMD ["sh"]\r\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'multi-stage: only the final stage is judged',
      code: 'FROM golang:1.23 AS build\nUSER nobody\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 0:0\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'root', data: { user: '0:0' }, line: 6, column: 6, endLine: 6, endColumn: 9 }],
      fixes: [
        {
          messageId: 'runAsUid',
          output: 'FROM golang:1.23 AS build\nUSER nobody\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'no USER in the final stage',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl"]\n',
      errors: [{ messageId: 'implicitRoot', severity: 'warning', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      fixes: [
        {
          messageId: 'addUser',
          output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\nCMD ["curl"]\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'entrypoint drops root with gosu: info, and the fix says so',
      code: 'FROM debian:12\nENTRYPOINT ["gosu", "redis", "redis-server"]\n',
      errors: [{ messageId: 'implicitRootUntilEntrypointDrops', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 15 }],
      fixes: [
        {
          messageId: 'addUserEntrypointExpectsRoot',
          output:
            'FROM debian:12\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["gosu", "redis", "redis-server"]\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'built like an official image: gosu installed by a RUN, started through an entrypoint script: info',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gosu && gosu nobody true\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      errors: [{ messageId: 'implicitRootUntilEntrypointDrops', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 15 }],
      fixes: [
        {
          messageId: 'addUserEntrypointExpectsRoot',
          output:
            'FROM debian:12\nRUN apt-get update && apt-get install -y gosu && gosu nobody true\nCOPY docker-entrypoint.sh /usr/local/bin/\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["docker-entrypoint.sh"]\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'gosu installed only in a build stage does not soften the final stage',
      code: 'FROM debian:12 AS tools\nRUN apt-get install -y gosu\nFROM debian:12\nENTRYPOINT ["docker-entrypoint.sh"]\n',
      errors: [{ messageId: 'implicitRoot', severity: 'warning', line: 3, column: 6, endLine: 3, endColumn: 15 }],
      fixes: [
        {
          messageId: 'addUser',
          output:
            'FROM debian:12 AS tools\nRUN apt-get install -y gosu\nFROM debian:12\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["docker-entrypoint.sh"]\n',
        },
      ],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: node:22\n    user: root\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 15 }],
      fixes: [{ messageId: 'runAsUid', output: 'services:\n  app:\n    image: node:22\n    user: "10001:10001"\n' }],
    },
    {
      kind: 'compose',
      name: 'quoted uid 0 with a group',
      code: "services:\n  app:\n    image: node:22\n    user: '0:0'\n",
      errors: [{ messageId: 'root', data: { user: '0:0' }, line: 4, column: 5, endLine: 4, endColumn: 16 }],
      fixes: [{ messageId: 'runAsUid', output: "services:\n  app:\n    image: node:22\n    user: '10001:10001'\n" }],
    },
    {
      kind: 'compose',
      name: 'user from a merge key: the finding points at the anchored line, overridden at the service',
      code: 'x-common: &common\n  user: root\nservices:\n  app:\n    <<: *common\n    image: node:22\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, line: 2, column: 3, endLine: 2, endColumn: 13 }],
      fixes: [{ messageId: 'runAsUid', output: 'x-common: &common\n  user: root\nservices:\n  app:\n    <<: *common\n    image: node:22\n    user: "10001:10001"\n' }],
    },
    {
      kind: 'run',
      code: 'docker run -u root node:22\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, line: 1, column: 15, endLine: 1, endColumn: 19 }],
      fixes: [{ messageId: 'runAsUid', output: 'docker run -u 10001:10001 node:22\n' }],
    },
    {
      kind: 'run',
      name: 'run split over lines',
      code: 'docker run -d \\\n  --user=0 \\\n  node:22\n',
      errors: [{ messageId: 'root', data: { user: '0' }, line: 2, column: 10, endLine: 2, endColumn: 11 }],
      fixes: [{ messageId: 'runAsUid', output: 'docker run -d \\\n  --user=10001:10001 \\\n  node:22\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'final stage FROM scratch: a numeric USER only, no RUN',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /app\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'implicitRoot', line: 4, column: 6, endLine: 4, endColumn: 13 }],
      fixes: [{ messageId: 'addUser', output: 'FROM golang:1.23 AS build\nRUN go build -o /app\n\nFROM scratch\nCOPY --from=build /app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'multi-stage: the user is created in the final stage only',
      code: 'FROM alpine:3.20 AS base\nRUN apk add curl\n\nFROM debian:12\nCOPY --from=base /x /x\nCMD ["app"]\n',
      errors: [{ messageId: 'implicitRoot', line: 4, column: 6, endLine: 4, endColumn: 15 }],
      fixes: [{ messageId: 'addUser', output: 'FROM alpine:3.20 AS base\nRUN apk add curl\n\nFROM debian:12\nCOPY --from=base /x /x\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["app"]\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'tab-indented instructions, ENTRYPOINT that expects root: fix offered, title says so',
      code: 'FROM debian:12\n\tRUN apt-get update\n\tCOPY entrypoint.sh /\nENTRYPOINT ["gosu", "app", "/entrypoint.sh"]\n',
      errors: [{ messageId: 'implicitRootUntilEntrypointDrops', line: 1, column: 6, endLine: 1, endColumn: 15 }],
      fixes: [{ messageId: 'addUserEntrypointExpectsRoot', output: 'FROM debian:12\n\tRUN apt-get update\n\tCOPY entrypoint.sh /\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["gosu", "app", "/entrypoint.sh"]\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF Dockerfile without USER: the added lines keep CRLF',
      code: 'FROM alpine:3.20\r\nRUN apk add curl\r\nCMD ["app"]\r\n',
      errors: [{ messageId: 'implicitRoot', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      fixes: [{ messageId: 'addUser', output: 'FROM alpine:3.20\r\nRUN apk add curl\r\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\r\nUSER 10001:10001\r\nCMD ["app"]\r\n' }],
    },
    {
      kind: 'compose',
      name: 'flow-mapping service: not rewritten',
      code: 'services:\n  app: {image: "node:22", user: root}\n',
      errors: [{ messageId: 'root', data: { user: 'root' }, line: 2, column: 27, endLine: 2, endColumn: 37 }],
      fixes: [{ messageId: 'runAsUid', output: 'services:\n  app: {image: "node:22", user: "10001:10001"}\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: node:22\r\n        user: \'0\'\r\n',
      errors: [{ messageId: 'root', data: { user: '0' }, line: 4, column: 9, endLine: 4, endColumn: 18 }],
      fixes: [{ messageId: 'runAsUid', output: 'services:\r\n    app:\r\n        image: node:22\r\n        user: \'10001:10001\'\r\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines with tabs',
      code: 'docker run \\\n\t-u 0:0 \\\n\tnode:22\n',
      errors: [{ messageId: 'root', data: { user: '0:0' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      fixes: [{ messageId: 'runAsUid', output: 'docker run \\\n\t-u 10001:10001 \\\n\tnode:22\n' }],
    },
  ],
});
