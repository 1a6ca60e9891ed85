import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-privilege-escalation';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'exempt on Windows', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  os:\n    name: windows\n  containers:\n    - name: app\n      image: nginx:1.27\n', options: { preset: 'pss-restricted' } },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'allowed', message: 'Pod Security Standards (Restricted), "Privilege Escalation": container "app" must set securityContext.allowPrivilegeEscalation to false.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setFalse', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'true',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: true\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'allowed', message: 'Pod Security Standards (Restricted), "Privilege Escalation": container "app" must set securityContext.allowPrivilegeEscalation to false.', line: 10, column: 9, endLine: 10, endColumn: 39 }],
        fixes: [
          { messageId: 'setFalse', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n' },
        ],
      },
    ],
  },
);
