import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-ssh-port';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM alpine:3.20\nEXPOSE 8080 2222\n' },
    { kind: 'dockerfile', name: 'EXPOSE 22 only in a build stage', code: 'FROM alpine:3.20 AS build\nEXPOSE 22\nFROM alpine:3.20\nEXPOSE 80\n' },
    { kind: 'dockerfile', name: 'UDP port 22 is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp\n' },
    { kind: 'compose', name: 'host port 22 mapped to another container port', code: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - "22:8022"\n' },
    { kind: 'run', code: 'docker run -p 2222:8022 nginx:1.27' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      name: 'a fragment without FROM is judged',
      code: 'RUN apk add openssh\nEXPOSE 22\n',
      errors: [{ messageId: 'sshPort', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      fixes: [{ messageId: 'removePort', output: 'RUN apk add openssh\n' }],
    },
    {
      kind: 'dockerfile',
      code: 'FROM alpine:3.20\nEXPOSE 80 22/tcp\n',
      errors: [{ messageId: 'sshPort', severity: 'warning', data: { port: '22', how: 'exposed' }, line: 2, column: 11, endLine: 2, endColumn: 13 }],
      fixes: [{ messageId: 'removePort', safety: 'review', output: 'FROM alpine:3.20\nEXPOSE 80\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF, final stage of a multi-stage build',
      code: 'FROM golang:1.23 AS build\r\nRUN go build\r\nFROM ubuntu:24.04\r\nEXPOSE 22\r\n',
      errors: [{ messageId: 'sshPort', data: { port: '22', how: 'exposed' }, line: 4, column: 8, endLine: 4, endColumn: 10 }],
      fixes: [{ messageId: 'removePort', safety: 'review', output: 'FROM golang:1.23 AS build\r\nRUN go build\r\nFROM ubuntu:24.04\r\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'a port range that includes 22',
      code: 'FROM alpine:3.20\nEXPOSE 20-25\n',
      errors: [{ messageId: 'sshPort', data: { port: '20-25', how: 'exposed' }, line: 2, column: 8, endLine: 2, endColumn: 13 }],
      fixes: [], // removing the range would close 20, 21, 23, 24 and 25 too
    },
    {
      kind: 'compose',
      code: 'services:\n  git:\n    image: gitea/gitea:1.22\n    ports:\n      - 2222:22\n    expose:\n      - "22"\n',
      errors: [
        { messageId: 'sshPort', data: { port: '22', how: 'published' }, line: 5, column: 14, endLine: 5, endColumn: 16 },
        { messageId: 'sshPort', data: { port: '22', how: 'exposed' }, line: 7, column: 10, endLine: 7, endColumn: 12 },
      ],
      fixes: [
        { messageId: 'removePort', output: 'services:\n  git:\n    image: gitea/gitea:1.22\n    expose:\n      - "22"\n' },
        { messageId: 'removePort', output: 'services:\n  git:\n    image: gitea/gitea:1.22\n    ports:\n      - 2222:22\n' },
      ],
    },
    {
      kind: 'run',
      code: 'docker run -d -p 2222:22 --expose=22 linuxserver/openssh-server:version-9.7',
      errors: [
        { messageId: 'sshPort', data: { port: '22', how: 'published' }, line: 1, column: 23, endLine: 1, endColumn: 25 },
        { messageId: 'sshPort', data: { port: '22', how: 'exposed' }, line: 1, column: 35, endLine: 1, endColumn: 37 },
      ],
      fixes: [
        { messageId: 'removePort', output: 'docker run -d --expose=22 linuxserver/openssh-server:version-9.7' },
        { messageId: 'removePort', output: 'docker run -d -p 2222:22 linuxserver/openssh-server:version-9.7' },
      ],
    },
  ],
});
