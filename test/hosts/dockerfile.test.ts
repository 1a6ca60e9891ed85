import { runHostCases, type HostCase } from './hostTester';

const P = ['no-privileged'];

const cases: HostCase[] = [
  {
    name: 'docker run inside a RUN instruction, over a continuation: range and fix in the Dockerfile',
    code: 'FROM docker:27-cli\nRUN docker pull app:1 && \\\n    docker run --rm --privileged app:1 selftest\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 3, column: 21, endLine: 3, endColumn: 33 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: 'FROM docker:27-cli\nRUN docker pull app:1 && \\\n    docker run --rm app:1 selftest\n' },
  },
  {
    name: 'CMD and ENTRYPOINT in shell form; exec form and echo are not read',
    code: 'FROM docker:27-cli\nRUN echo "docker run --privileged x"\nENTRYPOINT ["docker", "run", "--privileged", "x"]\nCMD docker run --privileged app:1\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 4, column: 16, endLine: 4, endColumn: 28 }],
  },
  {
    // The quick text test before re-reading a RUN as shell wants the tool as a command word; these are not.
    name: 'docker-php-ext-install, docker-library URLs and a quoted tool name beside a real docker run',
    code: 'FROM php:8.3\nRUN docker-php-ext-install pdo && curl -o x https://github.com/docker-library/php && "docker" run --privileged app:1\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 2, column: 99, endLine: 2, endColumn: 111 }],
  },
  {
    name: 'the tool name ends the line before a continuation',
    code: 'FROM docker:27-cli\nRUN docker \\\n    run --privileged app:1\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 3, column: 9, endLine: 3, endColumn: 21 }],
  },
];

runHostCases('dockerfile', cases);
