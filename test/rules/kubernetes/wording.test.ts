import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../../rules';
import type { Rule } from '../../../server/src/engine/ruleApi';
import { KUBERNETES_WORDING } from '../../../rules/support/kubernetes-wording';

const PLACEHOLDERS = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('rule messages in Kubernetes words', () => {
  for (const [ruleId, wording] of Object.entries(KUBERNETES_WORDING)) {
    it(`${ruleId}: each reworded message exists, reads Kubernetes, uses only data the rule gives, and is tested`, () => {
      const rule = (rules as Record<string, Rule>)[ruleId];
      assert.ok(rule, `no rule ${ruleId}`);
      assert.ok(rule.inputs.includes('kubernetes'), `${ruleId} does not read Kubernetes manifests`);
      const table = fs.readFileSync(path.join(__dirname, `${ruleId}.test.ts`), 'utf8');
      for (const [messageId, text] of Object.entries(wording)) {
        const original = (rule.messages as Record<string, string>)[messageId];
        assert.ok(original !== undefined, `${ruleId} has no message ${messageId}`);
        // A fix title is filled with its finding's data too: any placeholder of the rule's messages may be given.
        const given = Object.values(rule.messages as Record<string, string>).flatMap(PLACEHOLDERS);
        const extra = PLACEHOLDERS(text).filter((p) => !given.includes(p));
        assert.deepEqual(extra, [], `${ruleId}.${messageId} uses data the rule's messages never have`);
        assert.match(table, new RegExp(`messageId: '${messageId}'`), `${ruleId}.${messageId} is never expected in its Kubernetes table`);
      }
    });
  }
});
