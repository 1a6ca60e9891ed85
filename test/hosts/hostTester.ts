import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type Finding } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/edit/writer';
import type { FileKind } from '../../server/src/parse';
import type { Rule } from '../../server/src/engine/ruleApi';
import { rules } from '../../rules';

/** One finding, as a host-file range (1-based line/column, endColumn exclusive). */
export interface HostFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface HostCase {
  name: string;
  code: string;
  /** Every finding of `ruleIds` (all rules by default), in order; `[]` asserts there are none. */
  findings: HostFinding[];
  ruleIds?: string[];
  /** Applies the fix `messageId` of the finding at index `finding` and expects the host text `output`. */
  fix?: { finding: number; messageId: string; output: string };
  /** The fix `messageId` of finding `finding` must not be offered (it cannot be written in the host). */
  noFix?: { finding: number; messageId: string };
}

export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const ENGINE = new Set(['parse-error', 'internal-error']);

function ruleSetOf(ids: string[] | undefined): Rule[] | undefined {
  if (!ids) return undefined;
  const all = Object.values(rules) as Rule[];
  return ids.map((id) => {
    const r = all.find((x) => x.id === id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  });
}

function asHostFinding(text: string, f: Finding): HostFinding {
  const s = lineCol(text, f.range.start);
  const e = lineCol(text, f.range.end);
  return { ruleId: f.ruleId, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** Table-driven host tests: exact ranges in the host file and fixes checked on the host text. */
export function runHostCases(kind: FileKind, cases: HostCase[]): void {
  describe(`${kind} host`, () => {
    for (const c of cases) {
      it(c.name, () => {
        // Where each rule's finding lands in the host; the per-container summary has tests of its own.
        const result = lint(c.code, kind, { withFixes: true, ruleSet: ruleSetOf(c.ruleIds), groupHardening: false });
        const engine = result.findings.filter((f) => ENGINE.has(f.ruleId));
        assert.deepEqual(engine.map((f) => f.message), [], 'no parse or internal errors');
        const found = result.findings.filter((f) => !ENGINE.has(f.ruleId));
        assert.deepEqual(found.map((f) => asHostFinding(c.code, f)), c.findings);
        if (c.fix) {
          const fix = found[c.fix.finding].fixes.find((x) => x.messageId === c.fix!.messageId);
          assert.ok(fix, `fix ${c.fix.messageId} offered`);
          assert.equal(applyEdits(c.code, fix.edits), c.fix.output);
        }
        if (c.noFix) {
          assert.equal(found[c.noFix.finding].fixes.some((x) => x.messageId === c.noFix!.messageId), false);
        }
      });
    }
  });
}
