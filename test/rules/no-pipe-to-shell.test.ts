import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-pipe-to-shell';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n', name: 'piping an archive into tar' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL https://api.example.com/v1/releases | python3 -m json.tool\n', name: 'python runs a module, the download is its data' },
    { kind: 'dockerfile', code: "FROM debian:12\nRUN curl -fsSL https://example.com/cfg | sh -c 'cat > /etc/app.cfg'\n", name: 'sh -c runs its argument, the download is its data' },
    {
      kind: 'dockerfile',
      name: 'download, verify, then run',
      code: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh \\\n && echo "0123abcd  /tmp/i.sh" | sha256sum -c - \\\n && sh /tmp/i.sh\n',
    },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN echo "echo hi" | sh\n', name: 'no download in the pipeline' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/a.sh; echo done | sh\n', name: 'the download is not in the same pipeline' },
    { kind: 'dockerfile', code: 'FROM debian:12\nRUN sh -c "echo $(date)"\n', name: 'a substitution that is not a download' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      code: 'FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
      errors: [{ messageId: 'pipeToShell', severity: 'warning', data: { downloader: 'curl', shell: 'bash' }, line: 2, column: 5, endLine: 2, endColumn: 60 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'wget into sudo sh -s with arguments',
      code: 'FROM debian:12\nRUN wget -qO- https://get.example.com | sudo -E sh -s -- --yes\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'wget', shell: 'sh' }, line: 2, column: 5, endLine: 2, endColumn: 51 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF, continuation and a comment line between download and shell',
      code: 'FROM alpine:3.20\r\nRUN wget -qO- https://example.com/install.sh \\\r\n  # run the installer\r\n  | sh\r\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'wget', shell: 'sh' }, line: 2, column: 5, endLine: 4, endColumn: 7 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n',
      errors: [{ messageId: 'substitutionToShell', data: { downloader: 'curl', shell: 'sh' }, line: 2, column: 5, endLine: 2, endColumn: 57 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'process substitution',
      code: 'FROM debian:12\nRUN bash <(curl -fsSL https://example.com/install.sh) --prefix /opt\n',
      errors: [{ messageId: 'substitutionToShell', data: { downloader: 'curl', shell: 'bash' }, line: 2, column: 5, endLine: 2, endColumn: 54 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'python reading its program from stdin',
      code: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'curl', shell: 'python3' }, line: 2, column: 5, endLine: 2, endColumn: 58 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a build stage counts',
      code: 'FROM ruby:3.3 AS build\nRUN curl -sSL https://get.rvm.io | bash -s stable\nFROM ruby:3.3-slim\nCOPY --from=build /usr/local/rvm /usr/local/rvm\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'curl', shell: 'bash' }, line: 2, column: 5, endLine: 2, endColumn: 40 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'through a filter in the pipeline',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.sh.gz | gunzip | sh\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'curl', shell: 'sh' }, line: 2, column: 5, endLine: 2, endColumn: 57 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'sh -e still reads the script from stdin',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/env.sh | sh -e\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'curl', shell: 'sh' }, line: 2, column: 5, endLine: 2, endColumn: 47 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'CMD runs it at every start',
      code: 'FROM alpine:3.20\nCMD curl -fsSL https://example.com/boot.sh | sh\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'curl', shell: 'sh' }, line: 2, column: 5, endLine: 2, endColumn: 48 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a RUN heredoc is a script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://example.com/i.sh | sh\nEOF\n',
      errors: [{ messageId: 'pipeToShell', data: { downloader: 'curl', shell: 'sh' }, line: 4, column: 1, endLine: 4, endColumn: 41 }],
      fixes: [],
    },
  ],
});
