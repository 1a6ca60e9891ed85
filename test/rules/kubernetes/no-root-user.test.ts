import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-root-user';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-root-user.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 10001\n' },
      { kind: 'kubernetes', name: 'no runAsUser: the image decides', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'root at the pod, a uid of its own in the container', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 1000\n  securityContext:\n    runAsUser: 0\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 0\n',
        errors: [{ messageId: 'root', message: 'The container runs as uid 0 (runAsUser), which is root; run it as an unprivileged uid instead.', line: 10, column: 9, endLine: 10, endColumn: 21 }],
        fixes: [
          { messageId: 'runAsUid', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 10001\n        runAsGroup: 10001\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'root set at the pod applies to the container',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  securityContext:\n    runAsUser: 0\n    runAsNonRoot: false\n',
        errors: [{ messageId: 'root', message: 'The container runs as uid 0 (runAsUser), which is root; run it as an unprivileged uid instead.', line: 10, column: 5, endLine: 10, endColumn: 17 }],
        fixes: [
          { messageId: 'runAsUid', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  securityContext:\n    runAsUser: 10001\n    runAsNonRoot: false\n    runAsGroup: 10001\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
