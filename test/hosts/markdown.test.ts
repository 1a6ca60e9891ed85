import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/edit/writer';
import { markdownSegments } from '../../server/src/parse/hosts/markdown';
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
    name: 'a dockerfile fence without FROM is judged on what its instructions carry',
    code: `Add this to your image:\n\n${F}dockerfile\nRUN sudo apt-get install -y curl\nUSER root\n${F}\n`,
    ruleIds: ['no-sudo', 'no-root-user', 'pin-image-version'],
    findings: [
      { ruleId: 'no-sudo', line: 4, column: 5, endLine: 4, endColumn: 9 },
      { ruleId: 'no-root-user', line: 5, column: 6, endLine: 5, endColumn: 10 },
    ],
    fix: { finding: 1, messageId: 'runAsUid', output: `Add this to your image:\n\n${F}dockerfile\nRUN sudo apt-get install -y curl\nUSER 10001:10001\n${F}\n` },
  },
  {
    name: 'placeholders, chains and variables: no crash, no invented finding',
    code: `${F}sh\ndocker run [OPTIONS] IMAGE [COMMAND]\ndocker run ... <image>\nremediation="docker run --privileged x"\ndocker pull a:1 && docker run --privileged a:1 | tee log\n${F}\n`,
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 5, column: 31, endLine: 5, endColumn: 43 }],
  },
  {
    name: 'a placeholder or missing image keeps the dangers around it; nothing about the image or hardening left out',
    code: `${F}sh\ndocker run -d --privileged ... --device /dev/sdc <image>\ndocker run -d --cap-add SYS_ADMIN --net=host myorg/app:<tag>\ndocker run --pid=host\n${F}\n`,
    ruleIds: ['no-privileged', 'no-host-devices', 'no-dangerous-capabilities', 'no-host-namespace', 'pin-image-version', 'require-resource-limits', 'drop-all-capabilities'],
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 15, endLine: 2, endColumn: 27 },
      { ruleId: 'no-host-devices', line: 2, column: 41, endLine: 2, endColumn: 49 },
      { ruleId: 'no-dangerous-capabilities', line: 3, column: 25, endLine: 3, endColumn: 34 },
      { ruleId: 'no-host-namespace', line: 3, column: 41, endLine: 3, endColumn: 45 },
      { ruleId: 'no-host-namespace', line: 4, column: 18, endLine: 4, endColumn: 22 },
    ],
    fix: { finding: 0, messageId: 'removePrivileged', output: `${F}sh\ndocker run -d ... --device /dev/sdc <image>\ndocker run -d --cap-add SYS_ADMIN --net=host myorg/app:<tag>\ndocker run --pid=host\n${F}\n` },
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

// Code blocks in docs are examples: hardening they leave out is not reported, dangers they show are.
runHostCases('markdown', [
  {
    name: 'a docker run example without hardening gives no finding (no limits, cap_drop, read-only, no-new-privileges, host IP)',
    code: `Run it:\n\n${F}console\n$ docker run -d --name web -p 8080:80 -P nginx:1.27\n${F}\n`,
    findings: [],
  },
  {
    name: 'dangers present in a docker run example are still reported',
    code: `${F}bash\ndocker run -d --privileged --pid=host --cap-add SYS_ADMIN -v /var/run/docker.sock:/var/run/docker.sock -e DB_PASSWORD=hunter2 -p 8080:80 app:1\n${F}\n`,
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 15, endLine: 2, endColumn: 27 },
      { ruleId: 'no-host-namespace', line: 2, column: 34, endLine: 2, endColumn: 38 },
      { ruleId: 'no-dangerous-capabilities', line: 2, column: 49, endLine: 2, endColumn: 58 },
      { ruleId: 'no-docker-socket-mount', line: 2, column: 62, endLine: 2, endColumn: 82 },
      { ruleId: 'no-secrets-in-env', line: 2, column: 119, endLine: 2, endColumn: 126 },
    ],
  },
  {
    name: 'a Compose example: no hardening findings, the socket and a root user are reported',
    code: `${F}yaml\nservices:\n  proxy:\n    image: traefik:v3.1\n    user: root\n    ports:\n      - "80:80"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n${F}\n`,
    findings: [
      { ruleId: 'no-root-user', line: 5, column: 5, endLine: 5, endColumn: 15 },
      { ruleId: 'no-docker-socket-mount', line: 9, column: 9, endLine: 9, endColumn: 29 },
    ],
  },
  {
    name: 'a Dockerfile example without USER is not reported as running as root; an explicit USER root is',
    code: `${F}dockerfile\nFROM node:22-alpine\nCMD ["node", "server.js"]\n${F}\n\n${F}dockerfile\nFROM node:22-alpine\nUSER root\n${F}\n`,
    ruleIds: ['no-root-user'],
    findings: [{ ruleId: 'no-root-user', line: 8, column: 6, endLine: 8, endColumn: 10 }],
  },
]);

/**
 * No rule inserts a line into a Markdown example any more (only dangers are reported there), but a fix
 * that does must still write the host's continuation style: checked on the writer and the segment directly.
 */
describe('markdown host: an inserted flag line keeps the host syntax', () => {
  const cases = [
    {
      name: 'a `> ` continuation prompt',
      code: `${F}console\n$ docker run -d \\\n>   nginx:1.27\n${F}\n`,
      output: `${F}console\n$ docker run -d \\\n>   --cap-drop=ALL \\\n>   nginx:1.27\n${F}\n`,
    },
    {
      name: 'PowerShell: PS> prompt and a backtick continuation',
      code: `${F}powershell\nPS> docker run -d \`\n      nginx:1.27\n${F}\n`,
      output: `${F}powershell\nPS> docker run -d \`\n      --cap-drop=ALL \`\n      nginx:1.27\n${F}\n`,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [seg] = markdownSegments(c.code);
      const edits = seg.writer.addToList(seg.parsed.specs[0], 'capDrop', ['ALL']);
      assert.ok(edits);
      const host = edits.map((e) => ({
        range: { start: seg.toHost(e.range.start), end: seg.toHost(e.range.end) },
        newText: seg.mapInsertedText!(e.newText, e.range.start)!,
      }));
      assert.equal(applyEdits(c.code, host), c.output);
    });
  }
});
