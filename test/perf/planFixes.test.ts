import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, planFixes } from '../../server/src/engine/lint';
import { detectKind } from '../../server/src/parse';

// The server lints with fixes on demand; a code action then plans them per finding. Both must give exactly the fixes of a full plan.
const CORPUS = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'compose');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'realistic');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => detectKind(f) !== undefined || /\.ya?ml$/.test(f))
    .sort();
}

describe('planFixes: fixes planned on demand equal those planned while linting', () => {
  const inputs = [...files(CORPUS), ...files(FIXTURES)];

  it('finds inputs to compare', () => {
    assert.ok(inputs.length > 50, `only ${inputs.length} inputs`);
  });

  it('plans no fix while linting on demand, and the same fixes per finding afterwards', () => {
    let withFixes = 0;
    for (const file of inputs) {
      const text = fs.readFileSync(file, 'utf8');
      const kind = detectKind(file) ?? 'compose';
      const eager = lint(text, kind, { withFixes: true }).findings;
      const lazy = lint(text, kind, { withFixes: 'onDemand' }).findings;
      assert.ok(lazy.every((f) => f.fixes.length === 0), file);
      assert.equal(lazy.length, eager.length, file);
      // Planned out of order (last finding first), as code actions ask for them.
      for (let i = lazy.length - 1; i >= 0; i--) planFixes(lazy[i]);
      assert.deepEqual(lazy, eager, file);
      // Planning twice adds nothing.
      for (const f of lazy) planFixes(f);
      assert.deepEqual(lazy, eager, file);
      withFixes += eager.filter((f) => f.fixes.some((x) => x.messageId !== 'ignore')).length;
    }
    assert.ok(withFixes > 100, `only ${withFixes} findings with a rule fix`);
  });

  it('keeps what is left to plan out of sight: same keys and JSON as a finding linted without fixes, and cloneable', () => {
    const text = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
    const lazy = lint(text, 'compose', { withFixes: 'onDemand' }).findings;
    const plain = lint(text, 'compose', { withFixes: false }).findings;
    assert.ok(lazy.length > 1);
    assert.deepEqual(lazy.map((f) => Reflect.ownKeys(f).filter((k) => Object.prototype.propertyIsEnumerable.call(f, k))), plain.map((f) => Object.keys(f)));
    assert.equal(JSON.stringify(lazy), JSON.stringify(plain));
    // As the server may post them to another thread; a function among the enumerable properties would throw here.
    assert.deepEqual(structuredClone(lazy), plain);
    // And the fixes are still there to plan.
    assert.ok(planFixes(lazy[0]).length > 0);
  });

  it('plans nothing for a finding linted without fixes', () => {
    const text = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
    const findings = lint(text, 'compose', { withFixes: false }).findings;
    assert.ok(findings.length > 0);
    for (const f of findings) assert.deepEqual(planFixes(f), []);
  });
});
