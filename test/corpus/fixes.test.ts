import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type Finding } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/edit/writer';
import { fixText } from '../../cli/fix';
import type { FileKind } from '../../server/src/parse';
import type { Preset } from '../../server/src/engine/ruleApi';

// The fix contract of issue 3, checked on every finding of the shared Compose and Kubernetes corpora (read in place, never copied).
const SHARED = path.join(__dirname, '..', '..', '..', 'shared', 'corpus');
const CORPUS = path.join(SHARED, 'compose');
const ENGINE_PROBLEMS = new Set(['parse-error', 'internal-error']);

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

/** The kind of the corpus being checked (each describe block sets it before its tests run). */
let kind: FileKind = 'compose';
/** The preset of the corpus being checked (the Kubernetes corpus is checked under pss-restricted too). */
let preset: Preset | undefined;

/** Each rule's findings on their own: the contract of each rule's fixes. */
function lintCompose(text: string): Finding[] {
  return lint(text, kind, { withFixes: true, groupHardening: false, preset }).findings;
}

/** The per-container hardening summaries, as the recommended preset reports them. */
function summaries(text: string): Finding[] {
  return lint(text, kind, { withFixes: true, preset }).findings.filter((f) => f.members);
}

function engineProblems(findings: Finding[]): string[] {
  return findings.filter((f) => ENGINE_PROBLEMS.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);
}

const keyOf = (f: Finding) => `${f.ruleId}|${f.message}`;

function countBy(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (!ENGINE_PROBLEMS.has(f.ruleId)) m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + 1);
  return m;
}

/** Findings (as rule|message) that `after` has more of than `before`. */
function newFindings(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k]) => k);
}

/** Contract violations of applying each offered fix alone; one string per violation. `applied` counts repairs (not ignore comments). */
function checkEachFix(text: string): { violations: string[]; applied: number } {
  const violations: string[] = [];
  const findings = lintCompose(text);
  const before = countBy(findings);
  // Files that do not parse are out of scope for fixes, but a file that parses must keep parsing.
  const parsedBefore = engineProblems(findings).length === 0;
  let applied = 0;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const where = `${finding.ruleId} "${fix.title}" at offset ${finding.range.start}`;
      let output: string;
      try {
        output = applyEdits(text, fix.edits);
      } catch (err) {
        violations.push(`${where}: edits do not apply (${(err as Error).message})`);
        continue;
      }
      if (fix.messageId !== 'ignore') applied++;
      if (output === text) {
        violations.push(`${where}: changes nothing`);
        continue;
      }
      const afterFindings = lintCompose(output);
      if (parsedBefore && engineProblems(afterFindings).length > 0) {
        violations.push(`${where}: the result no longer parses (${engineProblems(afterFindings).join('; ')})`);
        continue;
      }
      const after = countBy(afterFindings);
      if ((after.get(keyOf(finding)) ?? 0) >= (before.get(keyOf(finding)) ?? 0)) violations.push(`${where}: the finding is still there`);
      // The ignore comment leaves its reason for the user to type, which is itself reported until they do.
      const added = newFindings(before, after).filter((k) => !(fix.messageId === 'ignore' && k.startsWith('suppression-without-reason|')));
      if (added.length > 0) violations.push(`${where}: new findings ${added.join(', ')}`);
    }
  }
  for (const summary of parsedBefore ? summaries(text) : []) violations.push(...checkSummaryFixes(text, summary, before));
  return { violations, applied };
}

/**
 * A summary's own fixes ("Harden this container", the container-wide ignore): the file parses, every
 * item they cover is gone, nothing new appears. Its items' fixes are the rules' and checked above.
 */
function checkSummaryFixes(text: string, summary: Finding, before: Map<string, number>): string[] {
  const violations: string[] = [];
  for (const fix of summary.fixes.filter((f) => f.messageId === 'hardenContainer' || f.title.includes('missing hardening'))) {
    const where = `${summary.ruleId} "${fix.title}" at offset ${summary.range.start}`;
    const output = applyEdits(text, fix.edits);
    const afterFindings = lintCompose(output);
    if (engineProblems(afterFindings).length > 0) {
      violations.push(`${where}: the result no longer parses`);
      continue;
    }
    const after = countBy(afterFindings);
    const covered = summary.members!.filter((m) => fix.messageId !== 'hardenContainer' || m.ruleId !== 'bind-ports-to-interface');
    for (const m of covered) {
      const key = `${m.ruleId}|${m.message}`;
      if ((after.get(key) ?? 0) >= (before.get(key) ?? 0)) violations.push(`${where}: ${m.ruleId} is still there`);
    }
    const added = newFindings(before, after).filter((k) => !k.startsWith('suppression-without-reason|'));
    if (added.length > 0) violations.push(`${where}: new findings ${added.join(', ')}`);
  }
  return violations;
}

/** Contract violations of the CLI's fix-all loop (review safety: every fix but the ignore comment). */
function checkFixAll(text: string): string[] {
  const findings = lintCompose(text);
  if (engineProblems(findings).length > 0) return [];
  const { text: fixed } = fixText(text, kind, { preset }, 'review');
  const afterFindings = lintCompose(fixed);
  const violations: string[] = [];
  if (engineProblems(afterFindings).length > 0) violations.push(`fix-all: the result no longer parses (${engineProblems(afterFindings).join('; ')})`);
  const added = newFindings(countBy(findings), countBy(afterFindings));
  if (added.length > 0) violations.push(`fix-all: new findings ${added.join(', ')}`);
  const leftFixable = afterFindings.filter((f) => f.fixes.some((x) => x.messageId !== 'ignore'));
  if (leftFixable.length > 0) violations.push(`fix-all: fixable findings left: ${leftFixable.map(keyOf).join(', ')}`);
  if (fixText(fixed, kind, { preset }, 'review').text !== fixed) violations.push('fix-all: a second run changes the file again');
  return violations;
}

describe('every offered fix on the shared Compose corpus keeps the fix contract', () => {
  before(() => {
    kind = 'compose';
    preset = undefined;
  });
  for (const part of ['real', 'fixtures']) {
    const files = yamlFiles(path.join(CORPUS, part));

    it(`each fix alone, on every finding of ${part}`, () => {
      assert.ok(files.length > 50, `expected the corpus at ${CORPUS}`);
      const violations: string[] = [];
      let applied = 0;
      for (const file of files) {
        const result = checkEachFix(fs.readFileSync(file, 'utf8'));
        applied += result.applied;
        for (const v of result.violations) violations.push(`${path.relative(CORPUS, file)}: ${v}`);
      }
      assert.deepEqual(violations, []);
      // Guards against a corpus (or an engine) that silently offers nothing to check.
      assert.ok(applied > 500, `only ${applied} repairs applied`);
    });

    it(`fix-all reaches a clean fixed point on every file of ${part}`, () => {
      const violations: string[] = [];
      for (const file of files) {
        for (const v of checkFixAll(fs.readFileSync(file, 'utf8'))) violations.push(`${path.relative(CORPUS, file)}: ${v}`);
      }
      assert.deepEqual(violations, []);
    });
  }
});

for (const pss of [undefined, 'pss-restricted'] as const)
describe(`every offered fix on the shared Kubernetes corpus keeps the fix contract, over every document${pss ? ` (${pss})` : ''}`, () => {
  const KUBERNETES = path.join(SHARED, 'kubernetes', 'real');
  const files = yamlFiles(KUBERNETES);
  before(() => {
    kind = 'kubernetes';
    preset = pss;
  });

  it('each fix alone, on every finding', () => {
    assert.ok(files.length >= 146, `expected the corpus at ${KUBERNETES}`);
    const violations: string[] = [];
    let applied = 0;
    for (const file of files) {
      const result = checkEachFix(fs.readFileSync(file, 'utf8'));
      applied += result.applied;
      for (const v of result.violations) violations.push(`${path.relative(KUBERNETES, file)}: ${v}`);
    }
    assert.deepEqual(violations, []);
    assert.ok(applied > (pss ? 200 : 300), `only ${applied} repairs applied`);
  });

  it('fix-all reaches a clean fixed point on every file', () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const v of checkFixAll(fs.readFileSync(file, 'utf8'))) violations.push(`${path.relative(KUBERNETES, file)}: ${v}`);
    }
    assert.deepEqual(violations, []);
  });
});
