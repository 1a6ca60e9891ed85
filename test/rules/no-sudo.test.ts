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
      // The step runs as root through USER, and the steps after it as app again.
      fixes: [{ messageId: 'dropSudo', safety: 'review', output: 'FROM debian:12\nUSER app\nUSER root\nRUN apt-get update\nUSER app\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'the step already runs as root: only the word goes',
      code: 'FROM debian:12\nUSER root\nRUN sudo apt-get update\nUSER app\n',
      errors: [{ messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      fixes: [{ messageId: 'dropSudo', output: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'a user inherited from the stage built on, every command under sudo',
      code: 'FROM debian:12 AS base\nUSER 10001\nFROM base\nRUN sudo apt-get update && sudo apt-get install -y curl\n',
      errors: [
        { messageId: 'sudo', line: 4, column: 5, endLine: 4, endColumn: 9 },
        { messageId: 'sudo', line: 4, column: 28, endLine: 4, endColumn: 32 },
      ],
      fixes: [
        { messageId: 'dropSudo', output: 'FROM debian:12 AS base\nUSER 10001\nFROM base\nUSER root\nRUN apt-get update && sudo apt-get install -y curl\nUSER 10001\n' },
        { messageId: 'dropSudo', output: 'FROM debian:12 AS base\nUSER 10001\nFROM base\nUSER root\nRUN sudo apt-get update && apt-get install -y curl\nUSER 10001\n' },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'lower-case keywords and CRLF',
      code: 'from debian:12\r\nuser app\r\nrun sudo apt-get update\r\n',
      errors: [{ messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      fixes: [{ messageId: 'dropSudo', output: 'from debian:12\r\nuser app\r\nuser root\r\nrun apt-get update\r\nuser app\r\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'no fix when other commands of the step run as the user, or sudo picks a user',
      code: 'FROM debian:12\nUSER app\nRUN make && sudo make install\nRUN sudo -u postgres psql -c "select 1"\n',
      errors: [
        { messageId: 'sudo', line: 3, column: 13, endLine: 3, endColumn: 17 },
        { messageId: 'sudo', line: 4, column: 5, endLine: 4, endColumn: 9 },
      ],
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
      name: 'a build stage counts: the build runs it (no fix: the base image\'s user is not known)',
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
