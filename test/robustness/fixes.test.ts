import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/edit/writer';
import { ENGINE_IDS, lint } from '../../server/src/engine/lint';
import { checkText } from '../fuzz/mutations';

/** Minimized inputs on which the fuzzer found a fix that broke the file: each stays a regression test. */
const FOUND_BY_FUZZING: { name: string; text: string }[] = [
  // An anchor before the first key on its line: keys inserted at that key's column broke the mapping.
  { name: 'anchor before the first key of a service, with a nested mapping', text: 'services:\n  app:\n   &a  build:\n      context: .\n' },
  { name: 'anchor before the only key of a service', text: 'services:\n  slower:\n   &x  command: sleep 5\n' },
  { name: 'tag before the first key of a service', text: 'services:\n  app:\n    !!map  image: alpine\n' },
  // The same inside a nested mapping: resource limits were inserted at the column of `replicas`.
  { name: 'tag before the first key of deploy:', text: 'services:\n  app:\n    image: alpine\n    deploy:\n     !!js/function  replicas: 0\n' },
  // A stray CR inside a list item: the editor starts a line after it, YAML does not; an ignore comment put there broke the list.
  { name: 'a stray CR inside a Compose list item', text: 'services:\n  app:\n    image: alpine:3.20\n    environment:\n      -\r AWS_SECRET_ACCESS_KEY=aws12345678901234567890abcdefghijklmnop\n' },
  // An explicit complex key (`? `) in a service: a key inserted after it landed inside it.
  { name: 'an explicit complex key in a service', text: 'services:\n  secrets:\n    provider:\n    ?   type: example-provider\n      options:\n        name: secrets\n' },
  { name: 'anchor before the first key of a long-syntax port', text: 'services:\n  app:\n    image: alpine\n    ports:\n      - &p  target: 80\n        published: 8080\n' },
]

describe('fixes keep the file parseable (fuzzing regressions)', () => {
  for (const { name, text } of FOUND_BY_FUZZING) {
    it(name, () => {
      const { findings } = lint(text, 'compose', { withFixes: true });
      assert.equal(findings.filter((f) => f.ruleId === ENGINE_IDS.parseError).length, 0, 'the input parses');
      assert.deepEqual(checkText(text, 'compose'), []);
      for (const f of findings) {
        for (const fix of f.fixes) {
          const after = lint(applyEdits(text, fix.edits), 'compose').findings.filter((x) => x.ruleId === ENGINE_IDS.parseError);
          assert.deepEqual(after, [], `${f.ruleId}: ${fix.title}`);
        }
      }
    });
  }

  it('a service whose first key starts its line still gets its fixes', () => {
    const text = 'services:\n  app: &a\n    image: nginx:1.27\n';
    // Each hardening rule on its own, as the strict preset reports them.
    const { findings } = lint(text, 'compose', { withFixes: true, groupHardening: false });
    const fix = findings.find((f) => f.ruleId === 'require-no-new-privileges')?.fixes.find((x) => x.messageId !== 'ignore');
    assert.ok(fix, 'no-new-privileges is offered');
    assert.equal(applyEdits(text, fix.edits), 'services:\n  app: &a\n    image: nginx:1.27\n    security_opt:\n      - "no-new-privileges:true"\n');
  });
});
