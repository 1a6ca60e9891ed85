import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, rules } from '../rules';
import { lint } from '../server/src/engine/lint';
import type { Rule } from '../server/src/engine/ruleApi';
import { generate, REPO_ROOT } from '../scripts/gen-docs';
import { FILE_KIND } from './ruleTester';

const RULES_DIR = path.join(REPO_ROOT, 'rules');

/** Rule files: the .ts files directly in rules/ (helpers live in subdirectories). */
function ruleFiles(): string[] {
  return fs
    .readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'index.ts')
    .map((e) => e.name.slice(0, -3))
    .sort();
}

function loadRuleFile(name: string): Rule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(RULES_DIR, `${name}.ts`)) as { default?: Rule };
  assert.ok(mod.default, `rules/${name}.ts has no default export`);
  return mod.default;
}

describe('rule registry', () => {
  it('rules/index.ts is sorted by id', () => {
    const ids = Object.keys(rules);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('rules/index.ts registers exactly the rule files in rules/', () => {
    assert.deepEqual(Object.keys(rules).sort(), ruleFiles());
  });

  it('each rule file is named after its rule id, and registered under that id', () => {
    for (const name of ruleFiles()) {
      const rule = loadRuleFile(name);
      assert.equal(rule.id, name, `rules/${name}.ts exports rule id "${rule.id}"`);
      assert.equal((rules as Record<string, Rule>)[name], rule, `rules/index.ts maps "${name}" to another object`);
    }
  });

  it('rule ids are slugs and messageIds camelCase', () => {
    for (const rule of allRules) {
      assert.match(rule.id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, `rule id ${rule.id}`);
      for (const key of Object.keys(rule.messages)) assert.match(key, /^[a-z][a-zA-Z0-9]*$/, `${rule.id}: messageId ${key}`);
    }
  });
});

describe('every rule', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      it('is documented: title, rationale, when not to use it, references, inputs', () => {
        assert.ok(rule.title.trim().length > 0, 'title');
        assert.ok(!rule.title.endsWith('.'), 'the title is a heading, without a final period');
        assert.ok(rule.docs.rationale.trim().length > 0, 'docs.rationale');
        assert.ok(rule.docs.whenNotToUse.trim().length > 0, 'docs.whenNotToUse');
        assert.ok(rule.docs.references.length >= 1 && rule.docs.references.every((r) => r.trim().length > 0), 'docs.references');
        assert.ok(rule.inputs.length >= 1, 'inputs');
        assert.equal(new Set(rule.inputs).size, rule.inputs.length, 'inputs are unique');
        assert.ok(rule.docs.examples.bad.length >= 1, 'at least one bad example');
      });

      it('has a test table that uses every message', () => {
        const testFile = path.join(REPO_ROOT, 'test', 'rules', `${rule.id}.test.ts`);
        assert.ok(fs.existsSync(testFile), `missing test/rules/${rule.id}.test.ts`);
        const text = fs.readFileSync(testFile, 'utf8');
        const unused = Object.keys(rule.messages).filter((key) => !new RegExp(`messageId:\\s*['"\`]${key}['"\`]`).test(text));
        assert.deepEqual(unused, [], `messages never expected in test/rules/${rule.id}.test.ts`);
      });

      it('its bad examples are reported and its good examples are not', () => {
        for (const ex of rule.docs.examples.bad) {
          assert.ok(rule.inputs.includes(ex.kind), `bad example kind ${ex.kind} is not among the inputs`);
          const { findings } = lint(ex.code, FILE_KIND[ex.kind], { withFixes: false, groupHardening: false, preset: rule.presets?.[0] });
          assert.ok(
            findings.some((f) => f.ruleId === rule.id),
            `bad example not reported:\n${ex.code}`,
          );
        }
        for (const ex of rule.docs.examples.good) {
          const { findings } = lint(ex.code, FILE_KIND[ex.kind], { withFixes: false, groupHardening: false, preset: rule.presets?.[0] });
          assert.deepEqual(
            findings.filter((f) => f.ruleId === rule.id || f.ruleId === 'parse-error').map((f) => f.message),
            [],
            `good example reported:\n${ex.code}`,
          );
        }
      });
    });
  }
});

describe('generated files', () => {
  for (const g of generate()) {
    it(`${g.file} is up to date (run npm run docs)`, () => {
      const full = path.join(REPO_ROOT, g.file);
      const actual = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
      if (g.content === undefined) assert.equal(actual, undefined, `${g.file} documents no rule: remove it`);
      else assert.ok(actual === g.content, `${g.file} is stale`);
    });
  }

  it('the README has the generated rules table markers', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes('<!-- rules:start -->') && readme.includes('<!-- rules:end -->'));
  });
});
