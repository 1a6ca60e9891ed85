import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig } from '../../server/src/engine/config';
import { allRules } from '../../rules';
import { runCli, tempTree } from '../cli/harness';

const REPO = path.join(__dirname, '..', '..');
const RULE_IDS = new Set(allRules.map((r) => r.id));
const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

/** Shipped code: what the extension, the server and the CLI are built from (tests and scripts excluded). */
const SHIPPED_DIRS = ['server/src', 'cli', 'rules', 'client/src'];

/** Ways code reaches the network, starts processes or evaluates text. */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'a child process module', pattern: /\b(?:from|require\(|import\()\s*['"](?:node:)?child_process['"]/ },
  { what: 'a network module', pattern: /\b(?:from|require\(|import\()\s*['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|inspector)(?:\/[\w/]*)?['"]/ },
  // Worker threads are threads of this process (the scan pool), neither processes nor network.
  { what: 'a code-evaluating module', pattern: /\b(?:from|require\(|import\()\s*['"](?:node:)?vm['"]/ },
  // A call of the global fetch; `source.fetch()` and a method declared as `fetch(): …` are not it.
  { what: 'fetch()', pattern: /(?<![.\w])(?:globalThis\.|window\.)?fetch\s*\((?![^)]*\)\s*:)/ },
  { what: 'XMLHttpRequest or WebSocket', pattern: /\b(?:XMLHttpRequest|WebSocket|EventSource)\b/ },
  { what: 'eval or new Function', pattern: /(?<![.\w])eval\s*\(|\bnew\s+Function\s*\(/ },
  { what: 'a computed require or import', pattern: /(?<![.\w])(?:require|import)\s*\(\s*(?!['"])/ },
];

/**
 * Reviewed uses, each with why it is safe. Under tsx (running from sources, in development) the scan
 * pool starts its worker from a code string built from the worker script's own path, never from input.
 */
const REVIEWED: { file: string; line: RegExp }[] = [
  { file: 'server/src/handlers/scanPool.ts', line: /new Worker\(`require\('tsx\/cjs'\); require\(\$\{JSON\.stringify\(this\.script\)\}\);`, \{ eval: true\b/ },
  // The CLI compiles its own engine bundle (a path bin/capdrop.js builds from its own location) with V8's
  // code cache, as `require` would compile it; never input, and the cache lives beside the code (compileCache.ts).
  { file: 'cli/compileCache.ts', line: /^\d+: a code-evaluating module: import \{ Script \} from 'node:vm';$/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(?:ts|js|mjs|cjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(full);
  }
  return out;
}

function violations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return; // comments may name what the code never does
    for (const f of FORBIDDEN) if (f.pattern.test(line)) found.push(`${i + 1}: ${f.what}: ${line.trim()}`);
  });
  return found;
}

describe('no network, no child processes, no evaluation', () => {
  it('the scan recognises each forbidden form (so that finding none means something)', () => {
    const samples = [
      "import { spawn } from 'node:child_process';",
      "const cp = require('child_process');",
      "import * as https from 'https';",
      "import { connect } from 'node:net';",
      "await import('node:http');",
      'const r = await fetch(url);',
      'globalThis.fetch(url)',
      'new WebSocket(url)',
      'eval(code)',
      "new Function('return 1')",
      "import { runInNewContext } from 'node:vm';",
      'require(name)',
    ];
    for (const s of samples) assert.equal(violations(s).length, 1, s);
    for (const ok of ["import * as fs from 'node:fs';", 'const x = await this.source.fetch();', '  fetch(): Promise<void>;', "// never fetch('x')", 'evaluate(x)']) {
      assert.deepEqual(violations(ok), [], ok);
    }
  });

  it('shipped code has none of them', () => {
    const found: string[] = [];
    let files = 0;
    for (const dir of SHIPPED_DIRS) {
      for (const file of sourceFiles(path.join(REPO, dir))) {
        files++;
        const rel = path.relative(REPO, file).split(path.sep).join('/');
        for (const v of violations(fs.readFileSync(file, 'utf8'))) {
          if (!REVIEWED.some((r) => r.file === rel && r.line.test(v))) found.push(`${rel}:${v}`);
        }
      }
    }
    assert.ok(files > 40, `only ${files} source files found`);
    assert.deepEqual(found, []);
  });
});

describe('configuration is data only', () => {
  const sentinel = path.join(os.tmpdir(), `capdrop-evaluated-${process.pid}`);

  it('YAML tags that build code in other loaders are reported and read as plain text', () => {
    const text = [
      `preset: !!js/function "function () { require('fs').writeFileSync('${sentinel}', 'x') }"`,
      'rules: !!js/regexp /no-privileged/',
      'user: !!js/undefined',
      'exclude: !custom [a]',
      '',
    ].join('\n');
    const { config, problems } = parseConfig(text, RULE_IDS);
    assert.deepEqual(problems, [
      { message: 'Unresolved tag: tag:yaml.org,2002:js/function: the config is plain data, tags are ignored', line: 1, column: 9 },
      { message: 'Unresolved tag: tag:yaml.org,2002:js/regexp: the config is plain data, tags are ignored', line: 2, column: 8 },
      { message: 'Unresolved tag: tag:yaml.org,2002:js/undefined: the config is plain data, tags are ignored', line: 3, column: 7 },
      { message: 'Unresolved tag: !custom: the config is plain data, tags are ignored', line: 4, column: 10 },
      { message: 'preset must be one of recommended, strict, pss-baseline, pss-restricted', line: 1, column: 23 },
      { message: 'rules must be a mapping of rule id to off|info|warning|error', line: 2, column: 20 },
      { message: 'user must be a non-root numeric uid such as 10001', line: 3, column: 21 },
    ]);
    assert.deepEqual(config, { rules: {}, exclude: ['a'], limits: {} });
    assert.equal(fs.existsSync(sentinel), false);
  });

  it('an alias bomb in the config is refused, not expanded', () => {
    let text = 'x0: &x0 [a, a, a, a, a, a, a, a, a]\n';
    for (let i = 1; i <= 12; i++) text += `x${i}: &x${i} [${Array.from({ length: 9 }, () => `*x${i - 1}`).join(', ')}]\n`;
    const started = performance.now();
    const { problems } = parseConfig(`${text}exclude: *x12\n`, RULE_IDS);
    assert.ok(performance.now() - started < 10_000);
    assert.equal(problems.length > 0, true);
  });

  it('the CLI never loads a JavaScript config and evaluates nothing in .capdrop.yaml', async () => {
    const dir = tempTree({
      '.capdrop.yaml': `rules:\n  no-privileged: off\nextends: !!js/function "() => require('fs').writeFileSync('${sentinel}', 'x')"\n`,
      '.capdrop.js': `require('fs').writeFileSync('${sentinel}', 'x');\nmodule.exports = { rules: {} };\n`,
      'capdrop.config.js': `require('fs').writeFileSync('${sentinel}', 'x');\n`,
      'compose.yaml': PRIVILEGED,
    });
    const r = await runCli(['--format', 'json', '.'], dir);
    assert.equal(r.code, 2, 'a config problem is an error exit');
    const config = path.join(dir, '.capdrop.yaml');
    assert.equal(
      r.stderr,
      `capdrop: config ${config}:3:10: Unresolved tag: tag:yaml.org,2002:js/function: the config is plain data, tags are ignored\n` +
        `capdrop: config ${config}:3:1: unknown key "extends" (expected one of: preset, rules, exclude, limits, user, hosts, maxFileSize, maxAliasNodes, trustedRegistries)\n`,
    );
    const [report] = JSON.parse(r.stdout) as { findings: { ruleId: string }[] }[];
    assert.equal(report.findings.some((f) => f.ruleId === 'no-privileged'), false, 'the valid rules setting still applies');
    assert.equal(fs.existsSync(sentinel), false);
  });

  it('a config that is not YAML at all is one message, and the defaults apply', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'rules: [no-privileged: off\n  }}}\n', 'compose.yaml': PRIVILEGED });
    const r = await runCli(['--format', 'json', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^capdrop: config .+\.capdrop\.yaml:\d+:\d+: not valid YAML \(.+\); using the defaults\n$/);
    const [report] = JSON.parse(r.stdout) as { findings: { ruleId: string }[] }[];
    assert.equal(report.findings.some((f) => f.ruleId === 'no-privileged'), true);
  });
});
