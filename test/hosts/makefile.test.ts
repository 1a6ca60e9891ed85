import { runHostCases, type HostCase } from './hostTester';

const P = ['no-privileged'];

const cases: HostCase[] = [
  {
    name: 'recipe line with @ prefix: range on the flag in the Makefile',
    code: 'IMAGE := app:1.0\n\nrun:\n\t@docker run --privileged $(IMAGE)\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 4, column: 14, endLine: 4, endColumn: 26 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: 'IMAGE := app:1.0\n\nrun:\n\t@docker run $(IMAGE)\n' },
  },
  {
    name: '- and + prefixes, sudo, a `\\` continuation onto a tab-indented line',
    code: 'up: build\n\t-+sudo docker run -d \\\n\t  --privileged \\\n\t  nginx:1.27\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 3, column: 4, endLine: 3, endColumn: 16 }],
    fix: { finding: 0, messageId: 'removePrivileged', output: 'up: build\n\t-+sudo docker run -d \\\n\t  nginx:1.27\n' },
  },
  {
    name: 'an inserted flag line keeps the recipe tab',
    code: 'up:\n\tdocker run -d \\\n\t  nginx:1.27\n',
    ruleIds: ['drop-all-capabilities'],
    findings: [{ ruleId: 'drop-all-capabilities', line: 2, column: 2, endLine: 2, endColumn: 12 }],
    fix: { finding: 0, messageId: 'dropAll', output: 'up:\n\tdocker run -d \\\n\t  --cap-drop=ALL \\\n\t  nginx:1.27\n' },
  },
  {
    name: 'inline recipe after `;`',
    code: 'dev: ; docker run --privileged nginx:1.27\n',
    ruleIds: P,
    findings: [{ ruleId: 'no-privileged', line: 1, column: 19, endLine: 1, endColumn: 31 }],
  },
  {
    name: '$$ and $(VAR) are opaque: a privileged flag through them is not known',
    code: 'run:\n\tdocker run $(PRIV) $$EXTRA --privileged=$$P nginx:1.27\n',
    ruleIds: P,
    findings: [],
  },
  {
    name: 'variables, echo, comments and define blocks are not commands',
    code: 'CMD = docker run --privileged x\n# docker run --privileged x\ndefine RUNIT\n\tdocker run --privileged x\nendef\nhelp:\n\t@echo "docker run --privileged x"\n\t# docker run --privileged x\n',
    ruleIds: P,
    findings: [],
  },
  {
    name: '`::=` and `:=` assignments do not start a rule',
    code: 'all:\n\ttrue\nX ::= a\n\tdocker run --privileged x\nY := b\n\tdocker run --privileged y\n',
    ruleIds: P,
    findings: [],
  },
  {
    name: 'a variable continued onto a tab-indented line is not a recipe',
    code: 'all:\n\ttrue\nOPTS = a \\\n\tdocker run --privileged x\n',
    ruleIds: P,
    findings: [],
  },
  {
    name: 'chains: each command judged alone; CRLF',
    code: 'ci:\r\n\tdocker pull x:1 && docker run --privileged x:1; podman run --privileged y:2\r\n',
    ruleIds: P,
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 32, endLine: 2, endColumn: 44 },
      { ruleId: 'no-privileged', line: 2, column: 61, endLine: 2, endColumn: 73 },
    ],
  },
];

runHostCases('makefile', cases);

runHostCases('makefile', [
  {
    name: 'docker service create: the shared flags are judged, missing run-only settings and ports are not',
    code: 'deploy:\n\tdocker service create --name web -p 8080:80 --cap-add SYS_ADMIN --mount type=bind,source=/,target=/host nginx:1.27\n',
    findings: [
      { ruleId: 'no-dangerous-capabilities', line: 2, column: 56, endLine: 2, endColumn: 65 },
      // the host root mounted writable: one finding that says what reading and writing give
      { ruleId: 'no-sensitive-mount', line: 2, column: 91, endLine: 2, endColumn: 92 },
    ],
  },
]);

// A `docker run --rm` recipe is a one-shot tool: hardening for long-running containers is not asked of it.
runHostCases('makefile', [
  {
    name: 'a --rm tool container: no limits, read-only, cap_drop or no-new-privileges finding',
    code: 'lint:\n\tdocker run --rm -i hadolint/hadolint:v2.12.0 < Dockerfile\n\tdocker run --rm -v $(CURDIR):/src -w /src golangci/golangci-lint:v1.60.3 golangci-lint run\n',
    findings: [],
  },
  {
    name: 'a --rm tool keeps its dangers: --privileged and the socket are reported',
    code: 'e2e:\n\t@docker run --rm --privileged -v /var/run/docker.sock:/var/run/docker.sock kindest/node:v1.31.0\n',
    findings: [
      { ruleId: 'no-privileged', line: 2, column: 19, endLine: 2, endColumn: 31 },
      { ruleId: 'no-docker-socket-mount', line: 2, column: 35, endLine: 2, endColumn: 55 },
    ],
  },
  {
    name: 'without --rm (or with --rm=false) the container is kept: hardening is judged',
    code: 'serve:\n\tdocker run -d --rm=false --name web nginx:1.27\n',
    ruleIds: ['drop-all-capabilities', 'require-resource-limits'],
    findings: [
      { ruleId: 'drop-all-capabilities', line: 2, column: 2, endLine: 2, endColumn: 12 },
      { ruleId: 'require-resource-limits', line: 2, column: 2, endLine: 2, endColumn: 12 },
    ],
  },
]);
