import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/ruleApi';
import { isKnown } from '../../server/src/model/located';
import { rules } from '../../rules';

/** Three services merging one anchored `restart`, a fourth setting its own. */
const TEXT = [
  'x-common: &common',
  '  restart: always',
  'services:',
  '  a:',
  '    <<: *common',
  '  b:',
  '    <<: *common',
  '  c:',
  '    <<: *common',
  '  d:',
  '    restart: always',
  '',
].join('\n');

/** Reports every known restart policy, with a fix whose planning it counts. */
function countingRule(): { rule: Rule; planned: () => number } {
  let planned = 0;
  const rule: Rule = {
    ...rules['limit-restart-retries'],
    id: 'counts-restart',
    messages: { found: 'restart is {{policy}}', fix: 'Rewrite it' },
    check(spec, ctx) {
      const restart = spec.limits.restart;
      if (!isKnown(restart)) return;
      ctx.report({
        at: restart,
        messageId: 'found',
        data: { policy: restart.value },
        fixes: [{ messageId: 'fix', safety: 'safe', edit: () => (planned++, [{ range: restart.range, newText: 'no' }]) }],
      });
    },
  };
  return { rule, planned: () => planned };
}

describe('a value several services share through a merge key', () => {
  it('is reported once, where it is written, and its fixes are planned once', () => {
    const { rule, planned } = countingRule();
    const { findings } = lint(TEXT, 'compose', { ruleSet: [rule], withFixes: true });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, TEXT.slice(f.range.start, f.range.end), f.message, f.fixes.map((x) => x.title)]),
      [
        ['counts-restart', 'restart: always', 'restart is always', ['Rewrite it', 'Ignore counts-restart on this line', 'Ignore counts-restart in this file']],
        ['counts-restart', 'restart: always', 'restart is always', ['Rewrite it', 'Ignore counts-restart on this line', 'Ignore counts-restart in this file']],
      ],
    );
    assert.deepEqual(findings.map((f) => TEXT.slice(0, f.range.start).split('\n').length), [2, 11]);
    // Once for the anchor (not once per service merging it), once for service d.
    assert.equal(planned(), 2);
  });

  it('is still reported by every rule that finds it, and a different message at the same value is kept', () => {
    const { rule: first } = countingRule();
    const second: Rule = { ...first, id: 'counts-restart-too' };
    const perService: Rule = {
      ...first,
      id: 'names-service',
      check(spec, ctx) {
        if (isKnown(spec.limits.restart)) ctx.report({ at: spec.limits.restart, messageId: 'found', data: { policy: spec.origin.name } });
      },
    };
    const { findings } = lint(TEXT, 'compose', { ruleSet: [first, second, perService], withFixes: false });
    const atAnchor = findings.filter((f) => f.range.start === TEXT.indexOf('restart')).map((f) => `${f.ruleId}: ${f.message}`);
    assert.deepEqual(atAnchor.sort(), [
      'counts-restart-too: restart is always',
      'counts-restart: restart is always',
      'names-service: restart is a',
      'names-service: restart is b',
      'names-service: restart is c',
    ]);
  });
});
