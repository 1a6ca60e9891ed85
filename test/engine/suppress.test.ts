import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, planFixes, type Finding, type LintOptions } from '../../server/src/engine/lint';
import type { FileKind } from '../../server/src/parse';

// What the linted repository's own suppressions do under each mode (LintOptions.suppressions, shownOff).

const COMPOSE = [
  'services:',
  '  app:',
  '    image: nginx:1.27',
  '    # capdrop-ignore no-privileged -- needed for docker-in-docker',
  '    privileged: true',
  '    volumes:',
  '      - /var/run/docker.sock:/var/run/docker.sock # capdrop-ignore no-docker-socket-mount',
  '',
].join('\n');

const DOCKERFILE = '# capdrop-ignore-file no-root-user -- the base image drops root itself\nFROM debian:12.5\nRUN apt-get update\nCMD ["server"]\n';

function run(code: string, kind: FileKind, options: LintOptions = {}): Finding[] {
  return lint(code, kind, { groupHardening: false, ...options }).findings;
}

const lineOf = (code: string, f: Finding) => code.slice(0, f.range.start).split('\n').length;

function summary(findings: Finding[], ruleId: string): [string, string, string] | undefined {
  const f = findings.find((x) => x.ruleId === ruleId);
  return f && [f.severity, f.message, f.suppressed?.by ?? 'not suppressed'];
}

describe('suppression modes', () => {
  it('apply (the default): the named findings are hidden; a comment without a reason is a warning of its own', () => {
    const found = run(COMPOSE, 'compose');
    assert.equal(summary(found, 'no-privileged'), undefined);
    assert.equal(summary(found, 'no-docker-socket-mount'), undefined);
    assert.deepEqual(found.filter((f) => f.ruleId === 'suppression-without-reason').map((f) => lineOf(COMPOSE, f)), [7]);
  });

  it('show: each suppressed finding is kept at information level, its message giving the reason and where', () => {
    const found = run(COMPOSE, 'compose', { suppressions: 'show' });
    assert.deepEqual(summary(found, 'no-privileged'), [
      'info',
      'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs. (suppressed here: needed for docker-in-docker)',
      'comment',
    ]);
    const privileged = found.find((f) => f.ruleId === 'no-privileged')!;
    assert.equal(lineOf(COMPOSE, privileged), 5, 'still at the value');
    assert.equal(COMPOSE.slice(privileged.suppressed!.at!.start, privileged.suppressed!.at!.end), '# capdrop-ignore no-privileged -- needed for docker-in-docker');
    const socket = found.find((f) => f.ruleId === 'no-docker-socket-mount')!;
    assert.equal(socket.severity, 'info');
    assert.match(socket.message, / \(suppressed here: no reason given\)$/);
    // The comments count as used: no unused-suppression finding; the missing reason is still a warning.
    assert.deepEqual(found.filter((f) => f.ruleId.includes('suppression')).map((f) => f.ruleId), ['suppression-without-reason']);
  });

  it('show: a file-wide comment says so', () => {
    const found = run(DOCKERFILE, 'dockerfile', { suppressions: 'show' });
    assert.deepEqual(summary(found, 'no-root-user')?.slice(0, 1), ['info']);
    assert.match(found.find((f) => f.ruleId === 'no-root-user')!.message, / \(suppressed in this file: the base image drops root itself\)$/);
    assert.equal(summary(run(DOCKERFILE, 'dockerfile'), 'no-root-user'), undefined, 'hidden when applied');
  });

  it('show: a shown finding keeps its rule fixes and gets no second ignore fix', () => {
    const found = run(COMPOSE, 'compose', { suppressions: 'show', withFixes: 'onDemand' });
    const titles = planFixes(found.find((f) => f.ruleId === 'no-privileged')!).map((x) => x.title);
    assert.deepEqual(titles, ['Remove privileged mode (grant specific capabilities instead)']);
    const eager = run(COMPOSE, 'compose', { suppressions: 'show', withFixes: true });
    assert.deepEqual(eager.find((f) => f.ruleId === 'no-privileged')!.fixes.map((x) => x.title), titles);
  });

  it('show: a suppressed hardening finding stands alone rather than inside the container summary', () => {
    const code = 'services:\n  web:  # capdrop-ignore require-read-only-rootfs -- writes to /var/cache\n    image: nginx:1.27\n    restart: always\n';
    const found = lint(code, 'compose', { suppressions: 'show' }).findings;
    const alone = found.find((f) => f.ruleId === 'require-read-only-rootfs');
    assert.ok(alone, 'the suppressed hardening finding is its own finding');
    assert.match(alone.message, /\(suppressed here: writes to \/var\/cache\)$/);
    const group = found.find((f) => f.ruleId === 'container-hardening')!;
    assert.equal(group.members!.some((m) => m.ruleId === 'require-read-only-rootfs'), false);
    // Applied, the same comment hides it and the summary leaves it out.
    const applied = lint(code, 'compose').findings;
    assert.equal(applied.some((f) => f.ruleId === 'require-read-only-rootfs'), false);
  });

  it('disregard: the comments hide nothing and are not reported on', () => {
    const found = run(COMPOSE, 'compose', { suppressions: 'disregard' });
    assert.deepEqual(summary(found, 'no-privileged'), [
      'error',
      'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs.',
      'not suppressed',
    ]);
    assert.equal(found.find((f) => f.ruleId === 'no-docker-socket-mount')?.severity, 'error');
    assert.deepEqual(found.filter((f) => f.ruleId.includes('suppression')), []);
    assert.equal(run(DOCKERFILE, 'dockerfile', { suppressions: 'disregard' }).find((f) => f.ruleId === 'no-root-user')?.severity, 'warning');
  });

  it('shownOff: a rule the repository config turns off runs, at information level, saying what turns it off', () => {
    const code = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
    const found = run(code, 'compose', { shownOff: { 'no-privileged': '.capdrop.yaml: no-privileged: off' } });
    assert.deepEqual(summary(found, 'no-privileged'), [
      'info',
      'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs. (suppressed by .capdrop.yaml: no-privileged: off)',
      'config',
    ]);
    // The user's own `off` still wins.
    const userOff = run(code, 'compose', { rules: { 'no-privileged': 'off' }, shownOff: { 'no-privileged': '.capdrop.yaml: no-privileged: off' } });
    assert.equal(summary(userOff, 'no-privileged'), undefined);
  });

  it('shownOff and a comment on the same finding: one note, the config one', () => {
    const found = run(COMPOSE, 'compose', { suppressions: 'show', shownOff: { 'no-privileged': '.capdrop.yaml: no-privileged: off' } });
    const privileged = found.filter((f) => f.ruleId === 'no-privileged');
    assert.equal(privileged.length, 1);
    assert.match(privileged[0].message, /\(suppressed by \.capdrop\.yaml: no-privileged: off\)$/);
    assert.equal(found.some((f) => f.ruleId === 'unused-suppression'), false, 'the comment still counts as used');
  });
});
