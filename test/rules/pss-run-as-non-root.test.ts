import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-run-as-non-root';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'every container', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'exempt in a user namespace', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n      image: nginx:1.27\n', options: { preset: 'pss-restricted' } },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'missing', message: 'Pod Security Standards (Restricted), "Running as Non-root": the pod or container "app" must set securityContext.runAsNonRoot: true.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setPodNonRootAndUser', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'a uid is set: the fix sets runAsNonRoot only',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 1000\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'missing', message: 'Pod Security Standards (Restricted), "Running as Non-root": the pod or container "app" must set securityContext.runAsNonRoot: true.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setPodNonRoot', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 1000\n  securityContext:\n    runAsNonRoot: true\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'false at the pod is rejected even where containers set true',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'setFalse', message: 'Pod Security Standards (Restricted), "Running as Non-root": the pod must not set securityContext.runAsNonRoot to false.', line: 7, column: 5, endLine: 7, endColumn: 24 }],
        fixes: [
          { messageId: 'setTrue', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'false on the container overrides the pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: false\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'setFalse', message: 'Pod Security Standards (Restricted), "Running as Non-root": container "app" must not set securityContext.runAsNonRoot to false.', line: 12, column: 9, endLine: 12, endColumn: 28 }],
        fixes: [
          { messageId: 'setTrue', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n' },
        ],
      },
    ],
  },
);
