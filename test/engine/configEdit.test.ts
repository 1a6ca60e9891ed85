import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { turnRuleOff } from '../../server/src/engine/configEdit';
import { parseConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/edit/writer';
import { allRules } from '../../rules';

// "Turn RULE off in .capdrop.yaml": the smallest edit, and the file still says everything else it said.

const IDS = new Set(allRules.map((r) => r.id));

function off(text: string, rule = 'no-privileged'): string | undefined {
  const edits = turnRuleOff(text, rule);
  if (!edits) return undefined;
  const out = applyEdits(text, edits);
  const before = parseConfig(text.replace(/^\uFEFF/, ''), IDS);
  const after = parseConfig(out.replace(/^\uFEFF/, ''), IDS);
  assert.deepEqual(after.problems, before.problems, `no new problem in:\n${out}`);
  assert.deepEqual(after.config, { ...before.config, rules: { ...before.config.rules, [rule]: 'off' } }, `only the rule changes in:\n${out}`);
  return out;
}

describe('turning a rule off in .capdrop.yaml', () => {
  const cases: [string, string, string][] = [
    ['an empty file', '', 'rules:\n  no-privileged: off\n'],
    ['a file of comments', '# team settings', '# team settings\nrules:\n  no-privileged: off\n'],
    ['no rules key', 'preset: strict\nexclude:\n  - vendor/\n', 'preset: strict\nexclude:\n  - vendor/\nrules:\n  no-privileged: off\n'],
    [
      'a block of rules, with comments and an indent of four',
      'rules:\n    no-root-user: error   # we mean it\n    pin-image-version: info\npreset: strict\n',
      'rules:\n    no-root-user: error   # we mean it\n    pin-image-version: info\n    no-privileged: off\npreset: strict\n',
    ],
    ['the rule already listed', 'rules:\n  no-privileged: "warning" # for now\n', 'rules:\n  no-privileged: off # for now\n'],
    ['an empty rules key', 'rules:\npreset: strict\n', 'rules:\n  no-privileged: off\npreset: strict\n'],
    ['rules: ~', 'rules: ~\n', 'rules: { no-privileged: off }\n'],
    ['a flow mapping', 'rules: { no-root-user: error }\n', 'rules: { no-root-user: error, no-privileged: off }\n'],
    ['an empty flow mapping', 'rules: {}\n', 'rules: { no-privileged: off }\n'],
    ['CRLF and a byte order mark', '\uFEFFpreset: strict\r\nrules:\r\n  no-root-user: off\r\n', '\uFEFFpreset: strict\r\nrules:\r\n  no-root-user: off\r\n  no-privileged: off\r\n'],
    ['no final line break', 'rules:\n  no-root-user: off', 'rules:\n  no-root-user: off\n  no-privileged: off'],
  ];
  for (const [name, before, after] of cases) {
    it(name, () => assert.equal(off(before), after));
  }

  it('offers nothing for a file that does not parse or is not a mapping', () => {
    assert.equal(turnRuleOff('rules: [\n', 'no-privileged'), undefined);
    assert.equal(turnRuleOff('- a\n- b\n', 'no-privileged'), undefined);
    assert.equal(turnRuleOff('rules: [no-privileged]\n', 'no-privileged'), undefined);
    assert.equal(turnRuleOff('{preset: strict}\n', 'no-privileged'), undefined);
  });
});
