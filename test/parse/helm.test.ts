import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type Finding } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/edit/writer';
import { maskTemplateActions } from '../../server/src/parse/kubernetes/helm';
import { runCli } from '../cli/harness';

// A chart laid out as `helm create` writes it, with one literal container added (test/fixtures/helm).
const CHART = path.join(__dirname, '..', 'fixtures', 'helm');
const TEMPLATE = fs.readFileSync(path.join(CHART, 'templates', 'deployment.yaml'), 'utf8');

function at(text: string, f: Finding): string {
  const before = text.slice(0, f.range.start);
  return `${before.split('\n').length}:${f.range.start - before.lastIndexOf('\n')} ${f.ruleId} ${text.slice(f.range.start, f.range.end)}`;
}

describe('Helm chart templates', () => {
  it('masks actions with the same length and line breaks: whole-line ones as comments, inline ones as a run of _', () => {
    const masked = maskTemplateActions('a: {{ .Values.a }}\n  {{- if .Values.b }}\nb: "{{ x }}:{{ y }}"\n')!;
    assert.equal(masked.text, 'a: _______________\n  #                  \nb: "_______:_______"\n');
    assert.equal(masked.actions.length, 4);
    assert.equal(masked.lineActions.length, 1);
    assert.equal(maskTemplateActions('a: b\n'), undefined);
  });

  it('lints a well-formed template without a parse error, its findings on the template\'s own text', () => {
    const findings = lint(TEMPLATE, 'kubernetes', { withFixes: true, groupHardening: false }).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'internal-error'), []);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'no-privileged').map((f) => at(TEMPLATE, f)), ['51:13 no-privileged privileged: true']);
  });

  it('does not judge what template actions write: the templated container is not asked for hardening, a templated hostPath is not judged', () => {
    const findings = lint(TEMPLATE, 'kubernetes', { withFixes: false, groupHardening: false }).findings;
    const lines = findings.map((f) => at(TEMPLATE, f));
    assert.ok(!lines.some((l) => l.startsWith('31:')), `nothing on the templated container: ${lines.join('; ')}`);
    assert.ok(!lines.some((l) => l.includes('no-sensitive-mount')), 'the hostPath path is a template value');
    assert.deepEqual(lines.filter((l) => l.includes('hardening') || l.includes('require-') || l.includes('drop-all')).map((l) => l.split(' ')[0]), ['48:17', '48:17', '48:17', '48:17']);
  });

  it('fixes a literal value in a template and inserts nothing into a templated block', () => {
    const findings = lint(TEMPLATE, 'kubernetes', { withFixes: true, groupHardening: false }).findings;
    const privileged = findings.find((f) => f.ruleId === 'no-privileged')!;
    const fixed = applyEdits(TEMPLATE, privileged.fixes[0].edits);
    assert.ok(!fixed.includes('privileged: true') && fixed.includes('{{- toYaml .Values.securityContext | nindent 12 }}'));
    const restricted = lint(TEMPLATE, 'kubernetes', { preset: 'pss-restricted', withFixes: true }).findings;
    // The pod's securityContext comes from values: runAsNonRoot and seccomp may be set there, so neither is asked.
    assert.deepEqual(restricted.map((f) => at(TEMPLATE, f)), [
      '48:17 pss-capabilities metrics',
      '48:17 pss-privilege-escalation metrics',
      '51:13 pss-privileged privileged: true',
      '58:11 pss-volume-types hostPath',
    ]);
  });

  it('the CLI finds the chart\'s workload templates by content and skips the rest', async () => {
    const r = await runCli(['--format', 'json', '--fail-on', 'error', CHART], CHART);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((rep) => rep.file);
    assert.deepEqual(files, [path.join('templates', 'deployment.yaml')]);
  });
});
