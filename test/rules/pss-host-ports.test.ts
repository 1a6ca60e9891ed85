import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-host-ports';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n' },
      { kind: 'kubernetes', name: '0 is allowed', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          hostPort: 0\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          hostPort: 8080\n',
        errors: [{ messageId: 'hostPort', message: 'Pod Security Standards (Baseline), "Host Ports": container "app" must not use host port 8080.', line: 11, column: 21, endLine: 11, endColumn: 25 }],
        fixes: [
          { messageId: 'removeHostPort', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'flow mapping',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - {containerPort: 53, hostPort: 53, protocol: UDP}\n',
        errors: [{ messageId: 'hostPort', message: 'Pod Security Standards (Baseline), "Host Ports": container "app" must not use host port 53.', line: 10, column: 41, endLine: 10, endColumn: 43 }],
        fixes: [
          { messageId: 'removeHostPort', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - {containerPort: 53, protocol: UDP}\n' },
        ],
      },
    ],
  },
);
