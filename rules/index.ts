import type { Rule } from '../server/src/engine/ruleApi';
import dropAllCapabilities from './drop-all-capabilities';
import limitRestartRetries from './limit-restart-retries';
import noDangerousCapabilities from './no-dangerous-capabilities';
import noDockerSocketMount from './no-docker-socket-mount';
import noPrivileged from './no-privileged';
import noRootUser from './no-root-user';
import noSensitiveMount from './no-sensitive-mount';
import requireNoNewPrivileges from './require-no-new-privileges';
import requireResourceLimits from './require-resource-limits';

/** Every rule, sorted by id. Adding a rule: one file in rules/, one line here, one test table. */
export const rules = {
  'drop-all-capabilities': dropAllCapabilities,
  'limit-restart-retries': limitRestartRetries,
  'no-dangerous-capabilities': noDangerousCapabilities,
  'no-docker-socket-mount': noDockerSocketMount,
  'no-privileged': noPrivileged,
  'no-root-user': noRootUser,
  'no-sensitive-mount': noSensitiveMount,
  'require-no-new-privileges': requireNoNewPrivileges,
  'require-resource-limits': requireResourceLimits,
} satisfies Record<string, Rule<string>>;

export const allRules: readonly Rule[] = Object.values(rules) as Rule[];
