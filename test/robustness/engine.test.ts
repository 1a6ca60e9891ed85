import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, ENGINE_IDS, lint, type Finding } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/ruleApi';
import type { FileKind } from '../../server/src/parse';
import { findExcessiveNesting, MAX_YAML_NESTING } from '../../server/src/parse/yamlDepth';
import { allRules, rules } from '../../rules';

const KINDS: readonly FileKind[] = ['dockerfile', 'compose', 'kubernetes', 'shell', 'markdown', 'makefile', 'ci', 'devcontainer'];
/**
 * A hang guard, not a benchmark: far above what any of these inputs needs (the slowest, 100,000
 * Dockerfile lines, takes about 3.5 s alone), with room for a slow CI machine running every test
 * file at once.
 */
const TIME_BOUND_MS = 20_000;
const CORPUS = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'compose');

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function blockNesting(depth: number): string {
  let text = 'services:\n';
  for (let i = 0; i < depth; i++) text += `${' '.repeat(i + 2)}k${i}:\n`;
  return text;
}

function billionLaughs(levels: number): string {
  let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i <= levels; i++) text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return `${text}services:\n  app:\n    image: *a${levels}\n`;
}

/** Thousands of anchored scalars, each read through an alias. */
function manyScalarAnchors(count: number): string {
  let text = 'services:\n';
  for (let i = 0; i < count; i++) text += `  s${i}:\n    image: &i${i} nginx:1.${i}\n    privileged: &p${i} true\n`;
  for (let i = 0; i < count; i++) text += `  t${i}:\n    image: *i${i}\n    privileged: *p${i}\n`;
  return text;
}

/** Anchored whole services, each aliased by another service. */
function manyAnchors(count: number): string {
  let text = 'services:\n';
  for (let i = 0; i < count; i++) text += `  s${i}: &s${i}\n    image: nginx:1.27\n    privileged: true\n`;
  for (let i = 0; i < count; i++) text += `  t${i}: *s${i}\n`;
  return text;
}

/** Hostile or broken texts a user's editor (or a repository) may hold. */
const HOSTILE: Record<string, string> = {
  'broken YAML': 'services:\n  app: [\n    privileged: true\n  - {{ {\n"unterminated\n',
  'half-typed Dockerfile': 'FROM alpine AS\nRUN apt-get install \\\nUSER\nCOPY --from=\nENTRYPOINT ["sh", "-c\n',
  'docker run cut mid-quote': 'docker run --privileged -e "FOO=bar \\\n  -v /:/host alpine',
  'binary bytes': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
  'NUL bytes': 'services:\n  app:\n    image: ng\u0000inx\n    privileged: true\u0000\n',
  'invalid UTF-8, decoded': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x0a, 0x55, 0x53, 0x45, 0x52, 0x20, 0xed, 0xa0, 0x80]).toString('utf8'),
  'lone surrogates': 'FROM alpine\nUSER \uD800root\uDFFF\nENV PASSWORD=\uD83D\n',
  BOM: '\uFEFFservices:\n  app:\n    image: nginx\n    privileged: true\n',
  'CRLF line endings': 'services:\r\n  app:\r\n    image: nginx\r\n    privileged: true\r\n',
  'lone CR line endings': 'FROM alpine\rUSER root\rRUN curl http://x | sh\r',
  tabs: 'services:\n\tapp:\n\t\timage: nginx\n\t\tprivileged: true\n',
  'a 10 MB file': 'services:\n  app:\n    image: nginx\n    privileged: true\n' + `# ${'x'.repeat(97)}\n`.repeat(100_000),
  'a 100,000-line file': 'FROM alpine\n' + `${'RUN echo hi \\\n'.repeat(9)}RUN docker run --privileged alpine\n`.repeat(10_000),
  '1,000-deep YAML flow nesting': `services: ${nested(1000, '[', ']')}\n`,
  'many findings (10,000 docker run lines)': 'docker run --privileged -v /:/host alpine\n'.repeat(10_000),
  '1,000-deep YAML block nesting': blockNesting(1000),
  '1,000-deep JSON nesting': nested(1000, '{"a":', '}'),
  '1,000-deep shell nesting': `docker run ${nested(1000, '$(', ')', 'x')} --privileged alpine\n`,
  'billion laughs': billionLaughs(12),
  'thousands of anchors': manyScalarAnchors(2000), // 4,000 anchors, 4,000 aliases
  'a thousand anchored services': manyAnchors(1000),
  'a huge single line': `docker run --privileged ${'a'.repeat(4_000_000)}\n`,
  'only newlines': '\n'.repeat(200_000),
  empty: '',
};

function assertRangesInside(text: string, findings: readonly Finding[], what: string): void {
  for (const f of findings) {
    assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${what}: ${f.ruleId} range ${f.range.start}-${f.range.end} outside 0-${text.length}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length, `${what}: fix edit of ${f.ruleId} outside the text`);
    }
  }
}

describe('lint() on hostile input', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: every kind answers in bounded time with ranges inside the text`, () => {
      for (const kind of KINDS) {
        const started = performance.now();
        const result = lint(text, kind, { withFixes: true, maxFileSize: 20_000_000 });
        const elapsed = performance.now() - started;
        assert.ok(elapsed < TIME_BOUND_MS, `${name} as ${kind} took ${Math.round(elapsed)} ms`);
        assertRangesInside(text, result.findings, `${name} as ${kind}`);
        assert.equal(
          result.findings.some((f) => f.ruleId === ENGINE_IDS.internalError),
          false,
          `${name} as ${kind}: ${result.findings.find((f) => f.ruleId === ENGINE_IDS.internalError)?.message}`,
        );
      }
    });
  }

  it('deep YAML nesting is one parse problem where the nesting goes too deep, not a stack overflow', () => {
    for (const text of [HOSTILE['1,000-deep YAML flow nesting'], HOSTILE['1,000-deep YAML block nesting'], HOSTILE['1,000-deep JSON nesting']]) {
      const { findings } = lint(text, 'compose');
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.severity, f.message]),
        [[ENGINE_IDS.parseError, 'error', `could not parse compose file: nested more than ${MAX_YAML_NESTING} levels deep`]],
      );
    }
    const flow = HOSTILE['1,000-deep YAML flow nesting'];
    // `services:` is one block level, so the flow bracket that goes too deep is the 200th.
    assert.equal(lint(flow, 'compose').findings[0].range.start, 'services: '.length + MAX_YAML_NESTING - 1);
  });

  it('nesting just under the bound still parses, and the findings come', () => {
    const text = `services:\n  app:\n    privileged: true\n    x-deep: ${nested(150, '[', ']')}\n`;
    assert.deepEqual(
      lint(text, 'compose', { ruleSet: [rules['no-privileged']] }).findings.map((f) => f.ruleId),
      ['no-privileged'],
    );
  });

  it('no real Compose file of the corpus nests anywhere near the bound', () => {
    const files = walkYaml(CORPUS);
    assert.ok(files.length > 100, `corpus at ${CORPUS}`);
    for (const file of files) assert.equal(findExcessiveNesting(fs.readFileSync(file, 'utf8'), 20), undefined, file);
  });

  it('brackets in quotes, comments and block scalars do not count as nesting', () => {
    const brackets = '['.repeat(300);
    const text = `a: "${brackets}"\nb: '${brackets}'\n# ${brackets}\nc: |\n  ${brackets}\n      ${brackets}\n`;
    assert.equal(findExcessiveNesting(text), undefined);
  });

  it('a billion-laughs alias bomb is one parse problem', () => {
    const { findings } = lint(HOSTILE['billion laughs'], 'compose');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [[ENGINE_IDS.parseError, 'could not parse compose file: its aliases expand to too many nodes (an alias bomb?)']],
    );
  });

  it('thousands of anchors are each read through their alias', () => {
    const { findings } = lint(manyScalarAnchors(2000), 'compose', { ruleSet: [rules['no-privileged']] });
    // Each alias is its own place in the text, so each service gets its own finding.
    assert.equal(findings.filter((f) => f.ruleId === 'no-privileged').length, 4000);
    assert.equal(new Set(findings.map((f) => f.range.start)).size, 4000);
  });
});

describe('maxFileSize in the engine', () => {
  it('a text over the limit is one information finding and nothing is parsed', () => {
    const text = 'services:\n  app:\n    privileged: true\n' + '#'.repeat(100) + '\n';
    const size = Buffer.byteLength(text);
    const { findings, segments } = lint(text, 'compose', { maxFileSize: 100 });
    assert.deepEqual(findings, [
      {
        ruleId: ENGINE_IDS.fileTooLarge,
        severity: 'info',
        message: `Capdrop skipped this file: it is ${size} bytes, more than the maxFileSize limit (100 bytes).`,
        messageId: ENGINE_IDS.fileTooLarge,
        range: { start: 0, end: 0 },
        fixes: [],
      },
    ]);
    assert.deepEqual(segments, []);
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    const text = `FROM alpine\n# ${'é'.repeat(60)}\n`; // 75 UTF-16 units, 135 bytes
    assert.equal(lint(text, 'dockerfile', { maxFileSize: 100 }).findings[0]?.ruleId, ENGINE_IDS.fileTooLarge);
    assert.equal(lint(text, 'dockerfile', { maxFileSize: 135 }).findings.some((f) => f.ruleId === ENGINE_IDS.fileTooLarge), false);
  });

  it('defaults to 5,000,000 bytes', () => {
    assert.equal(DEFAULT_MAX_FILE_SIZE, 5_000_000);
    const over = 'FROM alpine\n' + '#\n'.repeat(2_500_000);
    assert.equal(lint(over, 'dockerfile').findings[0]?.ruleId, ENGINE_IDS.fileTooLarge);
    const under = 'FROM alpine\n' + '#\n'.repeat(2_400_000);
    assert.equal(lint(under, 'dockerfile').findings.some((f) => f.ruleId === ENGINE_IDS.fileTooLarge), false);
  });
});

describe('a rule that throws', () => {
  const throwing: Rule = {
    ...rules['no-privileged'],
    id: 'always-throws',
    check() {
      throw new TypeError('boom');
    },
  };

  it('is contained: the other rules still report, plus one internal error naming the rule', () => {
    const text = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
    const { findings } = lint(text, 'compose', { ruleSet: [throwing, rules['no-privileged']] });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.message, f.range]),
      [
        [ENGINE_IDS.internalError, 'error', 'Rule always-throws failed on this input: boom', { start: 12, end: 15 }],
        ['no-privileged', rules['no-privileged'].severity, findings[1].message, findings[1].range],
      ],
    );
    assert.equal(findings[1].ruleId, 'no-privileged');
  });

  it('throwing a non-Error value is contained too', () => {
    const odd: Rule = { ...throwing, id: 'throws-a-string', check: () => { throw 'text'; } };
    const { findings } = lint('services:\n  a:\n    image: x\n', 'compose', { ruleSet: [odd, ...allRules] });
    assert.deepEqual(findings.filter((f) => f.ruleId === ENGINE_IDS.internalError).map((f) => f.message), ['Rule throws-a-string failed on this input: text']);
  });
});

function walkYaml(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkYaml(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('onInternalError', () => {
  it('is told the rule id and the thrown error, stack included', () => {
    const error = new RangeError('deep inside');
    const thrower: Rule = { ...rules['no-privileged'], id: 'thrower', check: () => { throw error; } };
    const told: [string, unknown][] = [];
    lint('services:\n  a:\n    image: x\n', 'compose', { ruleSet: [thrower], onInternalError: (id, err) => told.push([id, err]) });
    assert.deepEqual(told, [['thrower', error]]);
    assert.match((told[0][1] as Error).stack ?? '', /deep inside/);
  });

  it('a logger that throws does not lose the findings', () => {
    const thrower: Rule = { ...rules['no-privileged'], id: 'thrower', check: () => { throw new Error('x'); } };
    const { findings } = lint('services:\n  a:\n    privileged: true\n', 'compose', {
      ruleSet: [thrower, rules['no-privileged']],
      onInternalError: () => {
        throw new Error('logger down');
      },
    });
    assert.deepEqual(findings.map((f) => f.ruleId), [ENGINE_IDS.internalError, 'no-privileged']);
  });
});

describe('maxAliasNodes', () => {
  // Three services reading one anchored mapping through aliases: a few dozen expanded nodes.
  const text = 'x-base: &base\n  image: nginx:1.27\n  privileged: true\nservices:\n  a: *base\n  b: *base\n  c: *base\n';

  it('refuses a Compose file whose aliases expand past the limit, with one parse problem', () => {
    assert.deepEqual(
      lint(text, 'compose', { maxAliasNodes: 10 }).findings.map((f) => [f.ruleId, f.message]),
      [[ENGINE_IDS.parseError, 'could not parse compose file: its aliases expand to too many nodes (an alias bomb?)']],
    );
  });

  it('reads it under the default limit', () => {
    const { findings } = lint(text, 'compose', { ruleSet: [rules['no-privileged']] });
    assert.deepEqual(findings.map((f) => f.ruleId), ['no-privileged']);
  });

  it('a higher limit lets a bigger (legitimate) expansion through', () => {
    const bomb = HOSTILE['billion laughs'].replace(/a12/g, 'a5').replace(/^a(?:[6-9]|1[0-2]):.*\n/gm, '');
    assert.equal(lint(bomb, 'compose', { maxAliasNodes: 100 }).findings[0]?.ruleId, ENGINE_IDS.parseError);
    assert.equal(lint(bomb, 'compose', { maxAliasNodes: 1_000_000 }).findings.some((f) => f.ruleId === ENGINE_IDS.parseError), false);
  });
});

describe('parse problems stay few', () => {
  it('garbage in a devcontainer.json is one parse problem, not one per token', () => {
    const garbage = 'not json at all, } ] { "runArgs": ['.repeat(2000);
    const problems = lint(garbage, 'devcontainer').findings.filter((f) => f.ruleId === ENGINE_IDS.parseError);
    assert.deepEqual(problems.map((f) => [f.message, f.range]), [['devcontainer.json: InvalidSymbol', { start: 0, end: 3 }]]);
  });
});

describe('broken YAML is one clear problem', () => {
  it('a Compose document with several syntax errors reports the first, where it is', () => {
    const text = 'services:\n  app:\n    image: nginx\n    ports: [\n  - {{ {\n"unterminated\n';
    const problems = lint(text, 'compose').findings.filter((f) => f.ruleId === ENGINE_IDS.parseError);
    assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
    assert.match(problems[0].message, /^could not parse compose file: /);
  });

  it('each document of a multi-document file reports its own first error', () => {
    const text = 'services:\n  a: x: y\n---\nservices:\n  b: x: y\n';
    assert.deepEqual(
      lint(text, 'compose').findings.filter((f) => f.ruleId === ENGINE_IDS.parseError).map((f) => [f.message, f.range.start]),
      [
        ['could not parse compose file: Nested mappings are not allowed in compact mappings', 15],
        ['could not parse compose file: Nested mappings are not allowed in compact mappings', 39],
      ],
    );
  });
});
