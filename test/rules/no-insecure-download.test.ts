import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-insecure-download';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL -o /tmp/t.tgz https://example.com/t.tgz\n' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -sSLok https://example.com/t.tgz\n', name: 'curl -o takes the rest of the group as its value: k is a file name' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN wget -k -r https://example.com/docs/\n', name: 'wget -k converts links, it does not skip checks' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN echo "never use curl -k or --insecure"\n', name: 'flags in a message, not a download' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN npm config set strict-ssl true\n' },
    { kind: 'dockerfile', code: 'FROM alpine/git:2.45\nRUN git config --global http.sslVerify true\n' },
    { kind: 'dockerfile', code: 'FROM node:22\nARG NODE_TLS_REJECT_UNAUTHORIZED\n', name: 'a build arg without a default is unknown' },
    {
      kind: 'dockerfile',
      name: 'ADD with a checksum',
      code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n',
    },
    { kind: 'dockerfile', code: 'FROM alpine:3.20\nADD tool.tgz /tmp/\n', name: 'ADD of a local file' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN toString --allow-untrusted && constructor --nogpgcheck\n', name: 'programs named like Object.prototype members are not package managers' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      name: 'combined short flags',
      code: 'FROM debian:12\nRUN curl -fsSLk -o /tmp/t.tgz https://example.com/t.tgz\n',
      errors: [{ messageId: 'tlsDisabled', severity: 'warning', data: { tool: 'curl', flag: '-fsSLk' }, line: 2, column: 10, endLine: 2, endColumn: 16 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM debian:12\nRUN curl --insecure -O https://example.com/t.tgz\n',
      errors: [{ messageId: 'tlsDisabled', data: { tool: 'curl', flag: '--insecure' }, line: 2, column: 10, endLine: 2, endColumn: 20 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF, continuation and a comment line',
      code: 'FROM debian:12\r\nRUN cd /tmp \\\r\n# fetch without checks\r\n && wget --no-check-certificate https://example.com/t.tgz\r\n',
      errors: [{ messageId: 'tlsDisabled', data: { tool: 'wget', flag: '--no-check-certificate' }, line: 4, column: 10, endLine: 4, endColumn: 32 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'pip and python -m pip',
      code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.example.com -r requirements.txt && python3 -m pip install --trusted-host=pypi.example.com flask\n',
      errors: [
        { messageId: 'tlsDisabled', data: { tool: 'pip', flag: '--trusted-host' }, line: 2, column: 17, endLine: 2, endColumn: 31 },
        { messageId: 'tlsDisabled', data: { tool: 'pip', flag: '--trusted-host=pypi.example.com' }, line: 2, column: 95, endLine: 2, endColumn: 126 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\n',
      errors: [{ messageId: 'signatureDisabled', data: { tool: 'apt-get', flag: '--allow-unauthenticated' }, line: 2, column: 42, endLine: 2, endColumn: 65 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck https://example.com/tool.rpm\n',
      errors: [{ messageId: 'signatureDisabled', data: { tool: 'dnf', flag: '--nogpgcheck' }, line: 2, column: 20, endLine: 2, endColumn: 32 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/tool.apk\n',
      errors: [{ messageId: 'signatureDisabled', data: { tool: 'apk', flag: '--allow-untrusted' }, line: 2, column: 13, endLine: 2, endColumn: 30 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM node:22\nRUN npm config set strict-ssl false && npm ci\n',
      errors: [{ messageId: 'configDisablesTls', data: { tool: 'npm', setting: 'strict-ssl false' }, line: 2, column: 20, endLine: 2, endColumn: 36 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM alpine/git:2.45\nRUN git config --global http.sslVerify false\n',
      errors: [{ messageId: 'configDisablesTls', data: { tool: 'git', setting: 'http.sslVerify false' }, line: 2, column: 25, endLine: 2, endColumn: 45 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM alpine/git:2.45\nRUN git -c http.sslVerify=false clone https://git.example.com/app.git\n',
      errors: [{ messageId: 'configDisablesTls', data: { tool: 'git', setting: 'http.sslVerify=false' }, line: 2, column: 12, endLine: 2, endColumn: 32 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'an assignment before the command',
      code: 'FROM alpine/git:2.45\nRUN GIT_SSL_NO_VERIFY=true git clone https://git.example.com/app.git\n',
      errors: [{ messageId: 'envDisablesTls', data: { name: 'GIT_SSL_NO_VERIFY', value: 'true' }, line: 2, column: 5, endLine: 2, endColumn: 27 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [{ messageId: 'envDisablesTls', data: { name: 'NODE_TLS_REJECT_UNAUTHORIZED', value: '0' }, line: 2, column: 5, endLine: 2, endColumn: 35 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'ENV in the legacy space form',
      code: 'FROM alpine/git:2.45\nENV GIT_SSL_NO_VERIFY 1\n',
      errors: [{ messageId: 'envDisablesTls', data: { name: 'GIT_SSL_NO_VERIFY', value: '1' }, line: 2, column: 5, endLine: 2, endColumn: 24 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a build arg default in a build stage',
      code: 'FROM python:3.12 AS build\nARG PYTHONHTTPSVERIFY=0\nFROM python:3.12-slim\n',
      errors: [{ messageId: 'envDisablesTls', data: { name: 'PYTHONHTTPSVERIFY', value: '0' }, line: 2, column: 5, endLine: 2, endColumn: 24 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n',
      errors: [{ messageId: 'addWithoutChecksum', data: { url: 'https://example.com/tool.tgz' }, line: 2, column: 5, endLine: 2, endColumn: 33 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'ADD over plain http in a build stage, after another flag',
      code: 'FROM alpine:3.20 AS fetch\nADD --chmod=755 http://example.com/tool /usr/local/bin/tool\nFROM alpine:3.20\nCOPY --from=fetch /usr/local/bin/tool /usr/local/bin/tool\n',
      errors: [{ messageId: 'addWithoutChecksum', data: { url: 'http://example.com/tool' }, line: 2, column: 17, endLine: 2, endColumn: 40 }],
      fixes: [],
    },
  ],
});
