import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/engine/lint';
import { parseSegments } from '../../server/src/parse';
import { lintComposeIncrementally, type ComposeLintState } from '../../server/src/engine/incrementalCompose';

// The incremental re-lint of a large Compose file must give exactly the findings of a whole lint, after any edit.

/** A small deterministic generator (mulberry32), seeded by fast-check. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SETTINGS = [
  '    image: nginx:1.27',
  '    image: postgres',
  '    privileged: true',
  '    user: root',
  '    read_only: true',
  '    cap_add: [ALL]',
  '    cap_drop:\n      - ALL',
  '    network_mode: host',
  '    pid: host',
  '    ports:\n      - "8080:80"\n      - 9090:90',
  '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - ./data:/data:ro',
  '    environment:\n      <<: *env\n      PASSWORD: hunter2',
  '    <<: *common',
  '    security_opt:\n      - seccomp:unconfined',
  '    command: ["sh", "-c", "echo hi"]',
  '    # capdrop-ignore no-privileged -- generated',
  '    deploy:\n      resources:\n        limits:\n          memory: 1g',
  '    healthcheck:\n      test: |\n        curl -f http://localhost\n        exit 0',
];

function composeFile(next: () => number, services: number): string {
  const lines = ['x-common: &common', '  restart: unless-stopped', '  privileged: true', 'x-env: &env', '  TZ: UTC', 'services:'];
  for (let i = 0; i < services; i++) {
    lines.push(`  svc${i}:`);
    const count = 1 + Math.floor(next() * 4);
    for (let j = 0; j < count; j++) lines.push(SETTINGS[Math.floor(next() * SETTINGS.length)]);
    if (next() < 0.2) lines.push('');
  }
  lines.push('volumes:', '  data: {}', '');
  return lines.join('\n');
}

const SNIPPETS = [
  'x', ' ', '\n', ':', '#', '"', "'", '[', ']', '{', '-', '&a', '*common', '*env', '|+', '\t', 'true', '${X}',
  '\n    privileged: true', '\n    cap_add: [ALL]', '\n    user: root', '\n      - "80:80"', '\n  svcnew:\n    image: nginx',
  '\n    # capdrop-ignore no-privileged -- edited', '\n# capdrop-ignore-file no-privileged -- edited', '\n    extends: svc0', '\n  ', '\n    <<: *common',
];

/** Three edits in four are typing inside a setting's line, the others anything anywhere (most of which must fall back). */
function edit(next: () => number, text: string): string {
  if (next() < 0.75) {
    const settingLines = [...text.matchAll(/^ {4,}\S.*$/gm)];
    if (settingLines.length) {
      const line = settingLines[Math.floor(next() * settingLines.length)];
      const body = line[0].search(/\S/);
      const at = line.index + body + Math.floor(next() * (line[0].length - body + 1));
      return next() < 0.6 ? text.slice(0, at) + 'abcxyz019 :-'.charAt(Math.floor(next() * 12)) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
  }
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  const length = 1 + Math.floor(next() * (kind < 0.8 ? 3 : 40));
  const replacement = kind < 0.9 ? '' : SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  return text.slice(0, at) + replacement + text.slice(at + length);
}

/** A spec without its references into the YAML document (the copy's document is another object), ranges and all else kept. */
function withoutNodes(value: unknown): unknown {
  if (value instanceof Set) return new Set([...value].map(withoutNodes));
  if (Array.isArray(value)) return value.map(withoutNodes);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'node').map(([k, v]) => [k, withoutNodes(v)]));
  return value;
}

describe('incremental re-lint of large Compose files', () => {
  it('gives the findings of a whole lint after every one of many random edits (fast-check, seeded)', () => {
    let steps = 0;
    let incremental = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const next = random(seed);
        let text = composeFile(next, 8 + Math.floor(next() * 25));
        let state: ComposeLintState | undefined = lintComposeIncrementally(text, {}).state;
        for (let i = 0; i < 12; i++) {
          text = edit(next, text);
          const result = lintComposeIncrementally(text, {}, state);
          assert.deepEqual(result.findings, lint(text, 'compose', { withFixes: false }).findings, `seed ${seed}, edit ${i}`);
          if (result.reparsed) {
            const whole = parseSegments(text, 'compose')[0].parsed.specs.find((spec) => spec.origin.name === result.reparsed!.origin.name);
            assert.deepEqual(withoutNodes(result.reparsed), withoutNodes(whole), `seed ${seed}, edit ${i}: the service parsed again`);
          }
          state = result.state;
          steps++;
          if (result.incremental) incremental++;
        }
      }),
      { seed: 7, numRuns: 150 },
    );
    // Most random edits land inside some service; the test proves nothing if the shortcut is never taken.
    assert.ok(incremental > steps / 4, `${incremental} of ${steps} edits re-linted incrementally`);
  });

  it('re-lints only the edited service: a finding added there, the others moved', () => {
    const text = composeFile(random(1), 40);
    const first = lintComposeIncrementally(text, {});
    assert.ok(first.state, 'the generated file qualifies');
    const at = text.indexOf('  svc20:\n') + '  svc20:\n'.length;
    const edited = text.slice(0, at) + '    privileged: true\n' + text.slice(at);
    const second = lintComposeIncrementally(edited, {}, first.state);
    assert.equal(second.incremental, true);
    assert.deepEqual(second.findings, lint(edited, 'compose', { withFixes: false }).findings);
  });

  it('lints the whole file when a service redefines an anchor that later services merge', () => {
    const services = Array.from({ length: 6 }, (_, i) => `  svc${i}:\n    image: nginx\n    <<: *common\n${i === 1 ? '    x-local: &common\n      privileged: false\n' : ''}`);
    const text = `x-common: &common\n  privileged: true\nservices:\n${services.join('')}volumes: {}\n`;
    const { state } = lintComposeIncrementally(text, {});
    const at = text.indexOf('  svc4:\n    image: nginx') + '  svc4:\n    image: nginx'.length;
    const edited = text.slice(0, at) + ':1' + text.slice(at);
    const result = lintComposeIncrementally(edited, {}, state);
    assert.equal(result.incremental, false);
    assert.deepEqual(result.findings, lint(edited, 'compose', { withFixes: false }).findings);
  });

  it('lints the whole file when the options changed, an anchor is edited into a service, or extends appears', () => {
    const text = composeFile(random(2), 20);
    const { state } = lintComposeIncrementally(text, {});
    const at = text.indexOf('  svc5:\n') + '  svc5:\n'.length;
    const cases: [string, string, object][] = [
      ['options', text.slice(0, at) + '    user: root\n' + text.slice(at), { rules: { 'no-privileged': 'off' } }],
      ['anchor', text.slice(0, at) + '    labels: &l {a: b}\n' + text.slice(at), {}],
      ['extends', text.slice(0, at) + '    extends: svc1\n' + text.slice(at), {}],
    ];
    for (const [what, edited, options] of cases) {
      const result = lintComposeIncrementally(edited, options, state);
      assert.equal(result.incremental, false, what);
      assert.deepEqual(result.findings, lint(edited, 'compose', { ...options, withFixes: false }).findings, what);
    }
  });
});
