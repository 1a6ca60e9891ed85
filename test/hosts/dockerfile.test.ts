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
];

runHostCases('dockerfile', cases);
