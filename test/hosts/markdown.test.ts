import { runHostCases, type HostCase } from './hostTester';

const P = ['no-privileged'];
const F = '```';

const cases: HostCase[] = [
  {
    name: 'bash fence: range on the flag in the README, fix removes it',
    code: `# App\n\nRun it:\n\n${F}bash\ndocker run --privileged app:1\n${F}\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 6, column: 12, endLine: 6, endColumn: 24 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: `# App\n\nRun it:\n\n${F}bash\ndocker run app:1\n${F}\n` },
  },
  {
    name: 'console fence: `$ ` and `# ` prompts stripped, output lines ignored',
    code: `${F}console\n$ docker run --privileged app:1\ndocker run --privileged output:1\n# docker run --privileged root:1\n${F}\n`,
    ruleIds: P,
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 14, endLine: 2, endColumn: 26 },
      { ruleId: 'no-privileged', line: 4, column: 14, endLine: 4, endColumn: 26 },
    ],
  },
  {
    name: 'in a bash fence `# ` is a comment, not a root prompt',
    code: `${F}sh\n# docker run --privileged app:1\necho "docker run --privileged app:1"\n${F}\n`,
    ruleIds: P,
    findings: [],
  },
  {
    name: 'an inserted flag line keeps the `> ` continuation prompt',
    code: `${F}console\n$ docker run -d \\\n>   nginx:1.27\n${F}\n`,
    ruleIds: ['drop-all-capabilities'],
    findings: [{ ruleId: 'drop-all-capabilities', line: 2, column: 3, endLine: 2, endColumn: 13 }],
    fix: { finding: 0, messageId: 'dropAll', output: `${F}console\n$ docker run -d \\\n>   --cap-drop=ALL \\\n>   nginx:1.27\n${F}\n` },
  },
  {
    name: 'PowerShell fence: PS> prompt and backtick continuations, fix written with a backtick',
    code: `${F}powershell\nPS> docker run -d \`\n      nginx:1.27\n${F}\n`,
    ruleIds: ['drop-all-capabilities'],
    findings: [{ ruleId: 'drop-all-capabilities', line: 2, column: 5, endLine: 2, endColumn: 15 }],
    fix: { finding: 0, messageId: 'dropAll', output: `${F}powershell\nPS> docker run -d \`\n      --cap-drop=ALL \`\n      nginx:1.27\n${F}\n` },
  },
  {
    name: 'linuxserver-style block: `#optional` marks, indented fence in a list, `~~~` fence',
    code: [
      '1. Start it:',
      '',
      '   ~~~bash',
      '   docker run -d \\',
      '     --name=app \\',
      '     --privileged `#optional` \\',
      '     lscr.io/linuxserver/app:latest',
      '   ~~~',
      '',
    ].join('\n'),
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 6, column: 6, endLine: 6, endColumn: 18 }],
    fix: {
      finding: 0,
      messageId: 'removePrivileged',
      output: ['1. Start it:', '', '   ~~~bash', '   docker run -d \\', '     --name=app \\', '     lscr.io/linuxserver/app:latest', '   ~~~', ''].join('\n'),
    },
  },
  {
    name: 'untagged fence starting with a command, and an indented code block',
    code: `${F}\nsudo docker run --privileged app:1\n${F}\n\nOr:\n\n    docker run --privileged app:2\n`,
    ruleIds: P,
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 17, endLine: 2, endColumn: 29 },
      { ruleId: 'no-privileged', line: 7, column: 16, endLine: 7, endColumn: 28 },
    ],
  },
  {
    name: 'untagged blocks of other text, prose and inline code are not read',
    code: `Use \`docker run --privileged x\` never.\n\n${F}\nprivileged: true\ndocker run --privileged x\n${F}\n\ndocker run --privileged x\n`,
    ruleIds: P,
    findings: [],
  },
  {
    name: 'yaml fence with top-level services is linted as Compose; other YAML is not',
    code: `${F}yaml\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n${F}\n\n${F}yaml\nspec:\n  privileged: true\n${F}\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 5, column: 5, endLine: 5, endColumn: 21 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: `${F}yaml\nservices:\n  web:\n    image: nginx:1.27\n${F}\n\n${F}yaml\nspec:\n  privileged: true\n${F}\n` },
  },
  {
    name: 'dockerfile fence is linted as a Dockerfile',
    code: `${F}dockerfile\nFROM alpine:3.20\nRUN curl -fsSL https://x.example/i.sh | sh\n${F}\n`,
    ruleIds: ['no-pipe-to-shell'],
    findings: [{ ruleId: 'no-pipe-to-shell', line: 3, column: 5, endLine: 3, endColumn: 43 }],
  },
  {
    name: 'placeholders, chains and variables: no crash, no invented finding',
    code: `${F}sh\ndocker run [OPTIONS] IMAGE [COMMAND]\ndocker run ... <image>\nremediation="docker run --privileged x"\ndocker pull a:1 && docker run --privileged a:1 | tee log\n${F}\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 5, column: 31, endLine: 5, endColumn: 43 }],
  },
  {
    name: 'an unclosed fence runs to the end of the file',
    code: `${F}bash\ndocker run --privileged app:1\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 2, column: 12, endLine: 2, endColumn: 24 }],
  },
];

runHostCases('markdown', cases);

runHostCases('markdown', [
  {
    name: 'a capdrop-ignore comment inside the block suppresses; one quoted in prose is not read',
    code: `Write \`# capdrop-ignore no-privileged -- why\` above the line.\n\n${F}sh\n# capdrop-ignore no-privileged -- a DinD builder\ndocker run --privileged docker:27-dind\ndocker run --privileged app:1\n${F}\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 6, column: 12, endLine: 6, endColumn: 24 }],
  },
]);

runHostCases('markdown', [
  {
    name: 'commands inside $(…) are judged too; single-quoted text is not a command',
    code: `${F}bash\nid=$(docker run -d --privileged app:1)\necho "started $(sudo docker run -d --privileged app:2)"\necho '$(docker run --privileged app:3)'\n${F}\n`,
    ruleIds: P,
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 20, endLine: 2, endColumn: 32 },
      { ruleId: 'no-privileged', line: 3, column: 36, endLine: 3, endColumn: 48 },
    ],
    fix: { finding: 0, messageId: 'removePrivileged', output: `${F}bash\nid=$(docker run -d app:1)\necho "started $(sudo docker run -d --privileged app:2)"\necho '$(docker run --privileged app:3)'\n${F}\n` },
  },
]);

runHostCases('markdown', [
  {
    name: 'a deliberately broken Compose example in docs gives no parse error',
    code: `${F}yaml\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n  ports:\n    - 80\n${F}\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 5, column: 5, endLine: 5, endColumn: 21 }],
  },
]);
