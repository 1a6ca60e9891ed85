import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/bind-ports-to-interface';

// The rule on Kubernetes manifests (its other inputs: test/rules/bind-ports-to-interface.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n' },
      { kind: 'kubernetes', name: 'a host port bound to one address', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          hostPort: 8080\n          hostIP: 127.0.0.1\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          hostPort: 8080\n',
        errors: [{ messageId: 'allInterfaces', message: 'Host port "8080:80" is published on every interface of the node; set hostIP to one address (or drop hostPort and use a Service) unless other machines must reach it.', line: 10, column: 11, endLine: 11, endColumn: 25 }],
        fixes: [
          { messageId: 'bindToLocalhost', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          hostPort: 8080\n          hostIP: 127.0.0.1\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'UDP, flow mapping',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - {containerPort: 53, hostPort: 53, protocol: UDP}\n',
        errors: [{ messageId: 'allInterfaces', message: 'Host port "53:53/udp" is published on every interface of the node; set hostIP to one address (or drop hostPort and use a Service) unless other machines must reach it.', line: 10, column: 11, endLine: 10, endColumn: 59 }],
        fixes: [
          { messageId: 'bindToLocalhost', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - {containerPort: 53, hostPort: 53, protocol: UDP, hostIP: 127.0.0.1}\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
