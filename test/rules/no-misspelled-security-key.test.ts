import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-misspelled-security-key';
import { meantSecurityKey } from '../../server/src/parse/compose/serviceKeys';
import { lint } from '../../server/src/engine/lint';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    cap_drop: [ALL]\n    read_only: true\n    security_opt: [no-new-privileges:true]\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    x-cap-drop: [ALL]\n', name: 'an extension key' },
    { kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    uid: 1000\n    colour: blue\n', name: 'unknown keys that are no security setting misspelled' },
    { kind: 'compose', code: 'services:\n  app:\n    Image: app:1.0\n', name: 'a capital letter in a key that is no security setting' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'a dash for an underscore',
      code: 'services:\n  app:\n    image: app:1.0\n    cap-drop: [ALL]\n',
      errors: [{ messageId: 'misspelled', severity: 'error', data: { key: 'cap-drop', meant: 'cap_drop' }, line: 4, column: 5, endLine: 4, endColumn: 13 }],
      fixes: [{ messageId: 'rename', output: 'services:\n  app:\n    image: app:1.0\n    cap_drop: [ALL]\n' }],
    },
    {
      kind: 'compose',
      name: 'a letter left out, and a letter added',
      code: 'services:\n  app:\n    image: app:1.0\n    readonly: true\n    privileged: false\n    security_opts:\n      - no-new-privileges:true\n',
      errors: [
        { messageId: 'misspelled', data: { key: 'readonly', meant: 'read_only' }, line: 4, column: 5, endLine: 4, endColumn: 13 },
        { messageId: 'misspelled', data: { key: 'security_opts', meant: 'security_opt' }, line: 6, column: 5, endLine: 6, endColumn: 18 },
      ],
      fixes: [
        { messageId: 'rename', output: 'services:\n  app:\n    image: app:1.0\n    read_only: true\n    privileged: false\n    security_opts:\n      - no-new-privileges:true\n' },
        { messageId: 'rename', output: 'services:\n  app:\n    image: app:1.0\n    readonly: true\n    privileged: false\n    security_opt:\n      - no-new-privileges:true\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'the Engine API name of a setting',
      code: 'services:\n  app:\n    image: app:1.0\n    pid_mode: "service:db"\n',
      errors: [{ messageId: 'misspelled', data: { key: 'pid_mode', meant: 'pid' }, line: 4, column: 5, endLine: 4, endColumn: 13 }],
      fixes: [{ messageId: 'rename', output: 'services:\n  app:\n    image: app:1.0\n    pid: "service:db"\n' }],
    },
    {
      kind: 'compose',
      name: 'no rename when the setting meant is there too, or the key comes from an anchor',
      code: 'x-base: &base\n  read-only: true\nservices:\n  app:\n    <<: *base\n    image: app:1.0\n    cap_drop: [ALL]\n    cap-drop: [NET_RAW]\n',
      errors: [
        { messageId: 'misspelled', data: { key: 'read-only', meant: 'read_only' }, line: 2, column: 3, endLine: 2, endColumn: 12 },
        { messageId: 'misspelled', data: { key: 'cap-drop', meant: 'cap_drop' }, line: 8, column: 5, endLine: 8, endColumn: 13 },
      ],
      fixes: [],
    },
  ],
});

describe('misspelled security keys', () => {
  it('maps a key Compose rejects to the security setting one edit away, or to its other name', () => {
    const table: [string, string | undefined][] = [
      ['cap-drop', 'cap_drop'],
      ['CAP_DROP', 'cap_drop'],
      ['cap_dorp', 'cap_drop'],
      ['cap_adds', 'cap_add'],
      ['security-opt', 'security_opt'],
      ['securityopt', 'security_opt'],
      ['readonly', 'read_only'],
      ['read-only', 'read_only'],
      ['privilege', 'privileged'],
      ['priviledged', 'privileged'],
      ['pid_mode', 'pid'],
      ['pdi', 'pid'],
      ['ipc_mode', 'ipc'],
      ['userns', 'userns_mode'],
      ['net', 'network_mode'],
      ['network', 'network_mode'],
      ['volume', 'volumes'],
      ['port', 'ports'],
      ['device', 'devices'],
      ['mem-limit', 'mem_limit'],
      ['memory', 'mem_limit'],
      ['pids', 'pids_limit'],
      ['pid_limit', 'pids_limit'],
      ['cpu', 'cpus'],
      ['usr', 'user'],
      // Not reported: valid keys, extensions, three-letter near misses, keys near no security setting.
      ['networks', undefined],
      ['pid', undefined],
      ['x-readonly', undefined],
      ['uid', undefined],
      ['imgae', undefined],
      ['Image', undefined],
      ['environment', undefined],
    ];
    assert.deepEqual(table.map(([key]) => [key, meantSecurityKey(key)]), table);
  });

  it('counts the setting meant as unknown, so no rule asks to add what the typo meant', () => {
    const findings = lint('services:\n  app:\n    image: app:1.0\n    cap-drop: [ALL]\n    readonly: true\n    security-opt: [no-new-privileges:true]\n    mem-limit: 1g\n    cpu: 1\n    pids: 100\n', 'compose', { groupHardening: false }).findings;
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.data?.key}`), [
      'no-misspelled-security-key cap-drop',
      'no-misspelled-security-key readonly',
      'no-misspelled-security-key security-opt',
      'no-misspelled-security-key mem-limit',
      'no-misspelled-security-key cpu',
      'no-misspelled-security-key pids',
    ]);
  });
});
