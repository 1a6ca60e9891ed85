import { runHostCases, type HostCase } from './hostTester';

const P = ['no-privileged'];

const cases: HostCase[] = [
  {
    name: 'docker exec in a workflow step: privileges and root user judged, nothing else (all rules)',
    code: 'steps:\n  - run: docker exec -e TOKEN=abc123 --privileged -u 0 app ./migrate\n',
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 38, endLine: 2, endColumn: 50 },
      { ruleId: 'no-root-user', line: 2, column: 54, endLine: 2, endColumn: 55 },
    ],
    fix: { finding: 0, messageId: 'removePrivileged', output: 'steps:\n  - run: docker exec -e TOKEN=abc123 -u 0 app ./migrate\n' },
  },
  {
    name: 'GitHub Actions `run: |` block: range inside the block, fix removes the line',
    code: [
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      '          docker run --rm \\',
      '            --privileged \\',
      '            ghcr.io/org/app:${{ github.sha }}',
      '',
    ].join('\n'),
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 7, column: 13, endLine: 7, endColumn: 25 }],
    fix: {
      finding: 0,
      messageId: 'removePrivileged',
      output: [
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          docker run --rm \\',
        '            ghcr.io/org/app:${{ github.sha }}',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'an inserted flag line keeps the block indentation',
    code: 'steps:\n  - run: |\n      docker run -d \\\n        nginx:1.27\n',
    ruleIds: ['drop-all-capabilities'],
    findings: [{ ruleId: 'drop-all-capabilities', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    fix: { finding: 0, messageId: 'dropAll', output: 'steps:\n  - run: |\n      docker run -d \\\n        --cap-drop=ALL \\\n        nginx:1.27\n' },
  },
  {
    name: 'GitLab `script:` list items, plain and quoted; before_script',
    code: [
      'test:',
      '  before_script:',
      "    - 'docker run --privileged docker:dind'",
      '  script:',
      '    - docker info',
      '    - docker run -v /var/run/docker.sock:/var/run/docker.sock --privileged app:1',
      '',
    ].join('\n'),
    ruleIds: P,
    findings: [
      { ruleId: 'no-privileged', line: 3, column: 19, endLine: 3, endColumn: 31 },
      { ruleId: 'no-privileged', line: 6, column: 63, endLine: 6, endColumn: 75 },
    ],
  },
  {
    name: 'folded `>` block: lines join into one command, the range stays on its line',
    code: 'job:\n  script: >\n    docker run\n    --privileged\n    app:1\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 4, column: 5, endLine: 4, endColumn: 17 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: 'job:\n  script: >\n    docker run\n    app:1\n' },
  },
  {
    name: 'a multi-line plain scalar folds too',
    code: 'steps:\n  - run: docker run\n      --privileged app:1\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 3, column: 7, endLine: 3, endColumn: 19 }],
  },
  {
    name: 'in a folded scalar an added flag goes inline, not on a new line',
    code: 'job:\n  script: >\n    docker run -d\n    app:1\n',
    ruleIds: ['drop-all-capabilities'],
    findings: [{ ruleId: 'drop-all-capabilities', line: 3, column: 5, endLine: 3, endColumn: 15 }],
    fix: { finding: 0, messageId: 'dropAll', output: 'job:\n  script: >\n    docker run --cap-drop=ALL -d\n    app:1\n' },
  },
  {
    name: 'echo, comments, other keys and `${{ }}` options are not findings',
    code: [
      'env:',
      '  CMD: docker run --privileged x',
      'jobs:',
      '  a:',
      '    name: docker run --privileged x',
      '    steps:',
      '      - run: |',
      '          echo "docker run --privileged x"',
      '          # docker run --privileged x',
      '          docker run ${{ matrix.flags }} app:1',
      '',
    ].join('\n'),
    ruleIds: P,
    findings: [],
  },
  {
    name: 'a CRLF workflow',
    code: 'steps:\r\n  - run: |\r\n      docker run --privileged app:1\r\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 3, column: 18, endLine: 3, endColumn: 30 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: 'steps:\r\n  - run: |\r\n      docker run app:1\r\n' },
  },
  {
    name: 'broken YAML: no crash',
    code: 'steps:\n  - run: |\n docker run --privileged\n  [: {\n',
    ruleIds: P,
    findings: [],
  },
];

runHostCases('ci', cases);

// CI runs tool containers once with --rm: only what they are given is judged, not hardening they leave out.
runHostCases('ci', [
  {
    name: 'a --rm tool step in a workflow gives no hardening finding',
    code: 'jobs:\n  lint:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker run --rm -v $PWD:/src -w /src koalaman/shellcheck:v0.10.0 scripts/*.sh\n',
    findings: [],
  },
  {
    name: 'a --rm step with the Docker socket is still reported; a kept container still gets hardening findings',
    code: 'jobs:\n  test:\n    steps:\n      - run: |\n          docker run --rm -v /var/run/docker.sock:/var/run/docker.sock app-tests:1\n          docker run -d --name db postgres:16.4\n',
    ruleIds: ['no-docker-socket-mount', 'require-resource-limits'],
    findings: [
      { ruleId: 'no-docker-socket-mount', line: 5, column: 30, endLine: 5, endColumn: 50 },
      { ruleId: 'require-resource-limits', line: 6, column: 11, endLine: 6, endColumn: 21 },
    ],
  },
]);
