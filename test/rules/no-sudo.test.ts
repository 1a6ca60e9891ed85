import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-sudo';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y sudo\n', name: 'installing the sudo package is not calling sudo' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN echo "sudo" > /tmp/word; grep -r sudo /etc/sudoers.d\n', name: 'sudo as an argument' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN cat <<EOF > /etc/motd\nsudo make me a sandwich\nEOF\n', name: 'heredoc body is data' },
    { kind: 'dockerfile', code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      name: 'a fragment without FROM is judged',
      code: 'RUN sudo apt-get install -y curl\n',
      errors: [{ messageId: 'sudo', line: 1, column: 5, endLine: 1, endColumn: 9 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n',
      errors: [{ messageId: 'sudo', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM debian:12\nRUN apt-get update && sudo apt-get install -y curl\n',
      errors: [{ messageId: 'sudo', line: 2, column: 23, endLine: 2, endColumn: 27 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'every command position: after ; and after |',
      code: 'FROM debian:12\nRUN echo ok; sudo -u app make | sudo tee /log\n',
      errors: [
        { messageId: 'sudo', line: 2, column: 14, endLine: 2, endColumn: 18 },
        { messageId: 'sudo', line: 2, column: 33, endLine: 2, endColumn: 37 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a build stage counts: the build runs it',
      code: 'FROM golang:1.23 AS build\nRUN sudo go build ./...\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /src/app /app\n',
      errors: [{ messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF, continuation and a comment line inside it',
      code: 'FROM debian:12\r\nRUN apt-get update \\\r\n# tools\r\n    && sudo apt-get install -y curl\r\n',
      errors: [{ messageId: 'sudo', line: 4, column: 8, endLine: 4, endColumn: 12 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["sudo", "apt-get", "update"]\n',
      errors: [{ messageId: 'sudo', line: 2, column: 7, endLine: 2, endColumn: 11 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'after a shell keyword and an assignment',
      code: 'FROM debian:12\nRUN if true; then DEBIAN_FRONTEND=noninteractive sudo apt-get update; fi\n',
      errors: [{ messageId: 'sudo', line: 2, column: 50, endLine: 2, endColumn: 54 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a RUN heredoc is a script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nsudo apt-get update\nEOF\n',
      errors: [{ messageId: 'sudo', line: 4, column: 1, endLine: 4, endColumn: 5 }],
      fixes: [],
    },
  ],
});
