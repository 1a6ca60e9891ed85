import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-run-as-user';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 1000\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'exempt in a user namespace', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 0\n', options: { preset: 'pss-restricted' } },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 0\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'root', message: 'Pod Security Standards (Restricted), "Running as Non-root user": container "app" must not set securityContext.runAsUser to 0.', line: 10, column: 9, endLine: 10, endColumn: 21 }],
        fixes: [
          { messageId: 'runAsUid', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 10001\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'at the pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsUser: 0\n    runAsNonRoot: false\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'root', message: 'Pod Security Standards (Restricted), "Running as Non-root user": the pod must not set securityContext.runAsUser to 0.', line: 7, column: 5, endLine: 7, endColumn: 17 }],
        fixes: [
          { messageId: 'runAsUid', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsNonRoot: false\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
);
