import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-ssh-port';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-ssh-port.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 8080\n' },
      { kind: 'kubernetes', name: 'host port 22 to another container port is not SSH in the container', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 2222\n          hostPort: 22\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - name: ssh\n          containerPort: 22\n',
        errors: [{ messageId: 'sshPort', message: 'Container port 22 (SSH) is exposed; remove it and use `kubectl exec` for shell access.', line: 11, column: 26, endLine: 11, endColumn: 28 }],
        fixes: [
          { messageId: 'removePort', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'published on the node',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 22\n          hostPort: 2222\n',
        errors: [{ messageId: 'sshPort', message: 'Container port 22 (SSH) is published; remove it and use `kubectl exec` for shell access.', line: 10, column: 26, endLine: 10, endColumn: 28 }],
        fixes: [
          { messageId: 'removePort', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
