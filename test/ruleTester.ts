import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import type { InputKind } from '../server/src/model/containerSpec';
import type { FixSafety, Rule, Severity } from '../server/src/engine/ruleApi';
import { lint, type Finding, type LintOptions } from '../server/src/engine/lint';
import { applyEdits } from '../server/src/edit/writer';
import { messageTemplate } from '../server/src/engine/wording';
import { fixText } from '../cli/fix';
import type { FileKind } from '../server/src/parse';

export interface ValidCase {
  kind: InputKind;
  code: string;
  name?: string;
  options?: LintOptions;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string>;
  message?: string;
  severity?: Severity;
  /** 1-based, as in ESLint; `endColumn` is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ExpectedFix {
  messageId: string;
  output: string;
  /** When given, the fix's declared safety (`safe` fixes run unattended on save and with `--fix`). */
  safety?: FixSafety;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Every fix the rule offers, in order (the "Ignore" action excluded); `[]` asserts there are none. */
  fixes: ExpectedFix[];
}

export const FILE_KIND: Record<InputKind, FileKind> = { dockerfile: 'dockerfile', compose: 'compose', run: 'shell', kubernetes: 'kubernetes' };

const ENGINE_PROBLEMS = new Set(['parse-error', 'internal-error']);

function toLineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeCase(c: ValidCase): string {
  return c.name ?? `${c.kind}: ${c.code.replace(/\n/g, '⏎').slice(0, 80)}`;
}

function lintCase(rule: Rule, c: ValidCase, withAllRules: boolean): Finding[] {
  // Each rule's own findings: the per-container summary of hardening findings is tested in test/engine/hardening.test.ts.
  // A rule only some presets run (the Pod Security Standards) is tested under the first of them unless the case names one.
  const preset = c.options?.preset ?? rule.presets?.[0];
  const result = lint(c.code, FILE_KIND[c.kind], { groupHardening: false, ...c.options, preset, withFixes: true, ruleSet: withAllRules ? undefined : [rule] });
  return result.findings;
}

function engineProblems(findings: Finding[]): string[] {
  return findings.filter((f) => ENGINE_PROBLEMS.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);
}

function keyOf(f: Finding): string {
  return `${f.ruleId}|${f.message}`;
}

function countBy(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (!ENGINE_PROBLEMS.has(f.ruleId)) m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + 1);
  return m;
}

/** Table-driven rule tests, after ESLint's RuleTester (see shared/design/model-layout.md). */
export const ruleTester = {
  /**
   * `kinds`: the input kinds this table must cover (each with a valid and an invalid case). By default
   * every input of the rule, except Kubernetes when the rule's Kubernetes cases have a table of their own
   * in test/rules/kubernetes/<id>.test.ts (which passes `kinds: ['kubernetes']`).
   */
  run(rule: Rule, tests: { valid: ValidCase[]; invalid: InvalidCase[] }, options: { kinds?: InputKind[] } = {}): void {
    const ownTable = fs.existsSync(path.join(__dirname, 'rules', 'kubernetes', `${rule.id}.test.ts`));
    const kinds = options.kinds ?? rule.inputs.filter((k) => !(k === 'kubernetes' && ownTable));
    describe(options.kinds ? `${rule.id} (${options.kinds.join(', ')})` : rule.id, () => {
      it('has well-formed cases', () => {
        const seen = new Set<string>();
        for (const c of [...tests.valid, ...tests.invalid]) {
          const key = `${c.kind}\u0000${c.code}\u0000${JSON.stringify(c.options ?? {})}`;
          assert.ok(!seen.has(key), `duplicate case: ${describeCase(c)}`);
          seen.add(key);
          assert.ok(rule.inputs.includes(c.kind), `case kind ${c.kind} is not among the rule's inputs`);
        }
        for (const kind of kinds) {
          assert.ok(tests.valid.some((c) => c.kind === kind), `no valid case for ${kind}`);
          assert.ok(tests.invalid.some((c) => c.kind === kind), `no invalid case for ${kind}`);
        }
        for (const c of tests.invalid) {
          assert.ok(c.errors.length > 0, `invalid case without errors: ${describeCase(c)}`);
          for (const f of c.fixes) assert.notEqual(f.output, c.code, `fix output equals code: ${describeCase(c)}`);
        }
      });

      for (const c of tests.valid) {
        it(`valid: ${describeCase(c)}`, () => {
          const findings = lintCase(rule, c, false);
          assert.deepEqual(engineProblems(findings), [], 'valid code must parse');
          const mine = findings.filter((f) => f.ruleId === rule.id);
          assert.deepEqual(mine.map((f) => `${f.messageId}: ${f.message}`), [], 'expected no finding');
        });
      }

      for (const c of tests.invalid) {
        it(`invalid: ${describeCase(c)}`, () => {
          const findings = lintCase(rule, c, false);
          assert.deepEqual(engineProblems(findings), [], 'invalid-case code must still parse');
          const mine = findings.filter((f) => f.ruleId === rule.id);
          const actual = mine.map((f, i) => {
            const exp = c.errors[i];
            const start = toLineCol(c.code, f.range.start);
            const end = toLineCol(c.code, f.range.end);
            const got: Record<string, unknown> = { messageId: f.messageId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
            if (exp?.severity) got.severity = f.severity;
            if (exp?.message !== undefined) got.message = f.message;
            if (exp?.data !== undefined) got.message = f.message;
            return got;
          });
          const expected = c.errors.map((e) => {
            const want: Record<string, unknown> = { messageId: e.messageId, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn };
            if (e.severity) want.severity = e.severity;
            if (e.message !== undefined) want.message = e.message;
            if (e.data !== undefined) {
              const template = messageTemplate(rule, c.kind, e.messageId);
              assert.ok(template !== undefined, `unknown messageId ${e.messageId}`);
              want.message = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => e.data![k] ?? `{{${k}}}`);
            }
            return want;
          });
          assert.deepEqual(actual, expected);
          for (const f of mine) assert.ok(!/\{\{\s*\w+\s*\}\}/.test(f.message), `unfilled placeholder in "${f.message}"`);

          const offered = mine.flatMap((f) => f.fixes.filter((x) => x.messageId !== 'ignore').map((fix) => ({ finding: f, fix })));
          assert.deepEqual(
            offered.map(({ fix }) => ({ messageId: fix.messageId, output: applyEdits(c.code, fix.edits) })),
            c.fixes.map((f) => ({ messageId: f.messageId, output: f.output })),
            'fixes offered (each applied alone)',
          );
          c.fixes.forEach((f, i) => {
            if (f.safety !== undefined) assert.equal(offered[i]?.fix.safety, f.safety, `safety of fix ${f.messageId}`);
          });
          for (const f of mine) {
            assert.ok(f.fixes.some((x) => x.messageId === 'ignore'), 'every finding offers the ignore fix');
            for (const fix of f.fixes) assert.ok(!/\{\{\s*\w+\s*\}\}/.test(fix.title), `unfilled placeholder in fix title "${fix.title}"`);
          }

          // The fix contract: the file parses, the finding is gone, nothing new appears.
          const before = countBy(lintCase(rule, c, true));
          for (const { finding, fix } of offered) {
            const output = applyEdits(c.code, fix.edits);
            const afterFindings = lintCase(rule, { ...c, code: output }, true);
            assert.deepEqual(engineProblems(afterFindings), [], `after fix "${fix.title}" the file must parse:\n${output}`);
            const after = countBy(afterFindings);
            assert.ok((after.get(keyOf(finding)) ?? 0) < (before.get(keyOf(finding)) ?? 0), `fix "${fix.title}" must remove its finding:\n${output}`);
            for (const [k, n] of after) assert.ok(n <= (before.get(k) ?? 0), `fix "${fix.title}" introduced a new finding ${k}:\n${output}`);
          }

          // Applying the rule's fixes again changes nothing: the CLI's fix-all loop reaches a fixed point.
          if (offered.length > 0) {
            const fixAll = (text: string) => fixText(text, FILE_KIND[c.kind], { groupHardening: false, preset: rule.presets?.[0], ...c.options, ruleSet: [rule] }, 'review').text;
            const once = fixAll(c.code);
            assert.equal(fixAll(once), once, `fixing again changes the text:\n${once}`);
          }
        });
      }
    });
  },
};
