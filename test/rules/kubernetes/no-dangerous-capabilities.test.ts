import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-dangerous-capabilities';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-dangerous-capabilities.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add:\n            - SYS_ADMIN\n',
        errors: [{ messageId: 'dangerous', message: 'Adding capability SYS_ADMIN allows mount, namespace and many admin operations that lead out of the container; remove it, or grant a narrower capability if the container truly needs one.', line: 12, column: 15, endLine: 12, endColumn: 24 }],
        fixes: [
          { messageId: 'removeCapability', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'one of two, flow list',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE, SYS_MODULE]\n',
        errors: [{ messageId: 'dangerous', message: 'Adding capability SYS_MODULE loads kernel modules, which runs code in the host kernel; remove it, or grant a narrower capability if the container truly needs one.', line: 12, column: 35, endLine: 12, endColumn: 45 }],
        fixes: [
          { messageId: 'removeCapability', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
