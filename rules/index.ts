import type { Rule } from '../server/src/engine/ruleApi';
import noPrivileged from './no-privileged';

/** Every rule, sorted by id. Adding a rule: one file in rules/, one line here, one test table. */
export const rules = {
  'no-privileged': noPrivileged,
} satisfies Record<string, Rule<string>>;

export const allRules: readonly Rule[] = Object.values(rules) as Rule[];
