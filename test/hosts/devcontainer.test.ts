import { runHostCases, type HostCase } from './hostTester';

const cases: HostCase[] = [
  {
    name: 'runArgs are docker run flags: range inside the string, fix removes the array item',
    code: '{\n  "image": "mcr.microsoft.com/devcontainers/base:ubuntu",\n  "runArgs": ["--init", "--privileged"]\n}\n',
    ruleIds: ['no-privileged'],
    findings: [{ ruleId: 'no-privileged', line: 3, column: 26, endLine: 3, endColumn: 38 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: '{\n  "image": "mcr.microsoft.com/devcontainers/base:ubuntu",\n  "runArgs": ["--init"]\n}\n' },
  },
  {
    name: 'a flag and its separate value are removed together; comments and trailing commas kept',
    code: '// dev container\n{\n  "runArgs": [\n    "--cap-add", "SYS_ADMIN", // for fuse\n    "--rm",\n  ],\n}\n',
    ruleIds: ['no-dangerous-capabilities'],
    findings: [{ ruleId: 'no-dangerous-capabilities', line: 4, column: 19, endLine: 4, endColumn: 28 }],
    fix: { finding: 0, messageId: 'removeCapability', output: '// dev container\n{\n  "runArgs": [\n    "--rm",\n  ],\n}\n' },
  },
  {
    name: 'privileged, capAdd, securityOpt, mounts and containerUser properties',
    code: [
      '{',
      '  "privileged": true,',
      '  "capAdd": ["SYS_PTRACE"],',
      '  "securityOpt": ["seccomp=unconfined"],',
      '  "mounts": ["source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"],',
      '  "containerUser": "root"',
      '}',
      '',
    ].join('\n'),
    ruleIds: ['no-privileged', 'no-dangerous-capabilities', 'no-unconfined-security-profile', 'no-docker-socket-mount', 'no-root-user'],
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 17, endLine: 2, endColumn: 21 },
      { ruleId: 'no-dangerous-capabilities', line: 3, column: 15, endLine: 3, endColumn: 25 },
      { ruleId: 'no-unconfined-security-profile', line: 4, column: 20, endLine: 4, endColumn: 38 },
      { ruleId: 'no-docker-socket-mount', line: 5, column: 22, endLine: 5, endColumn: 42 },
      { ruleId: 'no-root-user', line: 6, column: 21, endLine: 6, endColumn: 25 },
    ],
    fix: {
      finding: 0,
      messageId: 'removePrivileged',
      output: [
        '{',
        '  "capAdd": ["SYS_PTRACE"],',
        '  "securityOpt": ["seccomp=unconfined"],',
        '  "mounts": ["source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"],',
        '  "containerUser": "root"',
        '}',
        '',
      ].join('\n'),
    },
    noFix: { finding: 4, messageId: 'runAsUid' },
  },
  {
    name: 'shared propagation in runArgs --mount and in mounts: the option is removed inside its string',
    code: '{\n  "runArgs": ["--mount", "type=bind,src=/mnt,dst=/mnt,bind-propagation=rshared"],\n  "mounts": ["source=/srv,target=/srv,type=bind,bind-propagation=shared"]\n}\n',
    ruleIds: ['no-shared-mount-propagation'],
    findings: [
      { ruleId: 'no-shared-mount-propagation', line: 2, column: 55, endLine: 2, endColumn: 79 },
      { ruleId: 'no-shared-mount-propagation', line: 3, column: 49, endLine: 3, endColumn: 72 },
    ],
    fix: {
      finding: 1,
      messageId: 'removePropagation',
      output: '{\n  "runArgs": ["--mount", "type=bind,src=/mnt,dst=/mnt,bind-propagation=rshared"],\n  "mounts": ["source=/srv,target=/srv,type=bind"]\n}\n',
    },
  },
  {
    name: 'a dev container is incomplete: no finding for settings it leaves to the image',
    code: '{ "image": "node:20", "runArgs": ["--network=bridge"] }\n',
    findings: [],
  },
  {
    name: 'devcontainer variables (${localEnv:…}) are unknown words',
    code: '{ "runArgs": ["--privileged=${localEnv:PRIV}"] }\n',
    ruleIds: ['no-privileged'],
    findings: [],
  },
];

runHostCases('devcontainer', cases);

runHostCases('devcontainer', [
  {
    name: 'a // capdrop-ignore comment above runArgs suppresses its findings',
    code: '{\n  // # capdrop-ignore no-privileged -- docker-in-docker\n  "runArgs": ["--init",\n    "--privileged"]\n}\n',
    ruleIds: ['no-privileged'],
    findings: [],
  },
  {
    name: 'runArgs --privileged is reported where written even when the property says so too; ignore fix is a // comment',
    code: '{\n  "runArgs": ["--privileged"],\n  "privileged": true\n}\n',
    ruleIds: ['no-privileged'],
    findings: [{ ruleId: 'no-privileged', line: 2, column: 16, endLine: 2, endColumn: 28 }],
    fix: { finding: 0, messageId: 'ignore', output: '{\n  // # capdrop-ignore no-privileged -- \n  "runArgs": ["--privileged"],\n  "privileged": true\n}\n' },
  },
]);
