import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-host-namespace';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-host-namespace.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'false is the pod\'s own namespace', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  hostNetwork: false\n  hostPID: false\n' },
      { kind: 'kubernetes', name: 'hostUsers: true is the default, not reported', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  hostUsers: true\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'hostNamespace', message: 'This pod shares the node\'s PID namespace, so it can see every host process, read their environment and signal them; remove the setting unless the workload must see the node.', line: 6, column: 3, endLine: 6, endColumn: 16 }],
        fixes: [
          { messageId: 'removeSetting', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'two containers: one finding',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  hostIPC: true\n  containers:\n    - name: app\n      image: nginx:1.27\n    - name: sidecar\n      image: busybox:1.36\n',
        errors: [{ messageId: 'hostNamespace', message: 'This pod shares the node\'s network namespace, so it can bind any host port and reach services listening only on the host\'s localhost; remove the setting unless the workload must see the node.', line: 6, column: 3, endLine: 6, endColumn: 20 }, { messageId: 'hostNamespace', message: 'This pod shares the node\'s IPC namespace, so it can read and write the host\'s shared memory segments; remove the setting unless the workload must see the node.', line: 7, column: 3, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'removeSetting', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostIPC: true\n  containers:\n    - name: app\n      image: nginx:1.27\n    - name: sidecar\n      image: busybox:1.36\n' },
          { messageId: 'removeSetting', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n    - name: sidecar\n      image: busybox:1.36\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
