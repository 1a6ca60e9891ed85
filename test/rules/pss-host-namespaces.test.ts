import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-host-namespaces';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'false is allowed', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'YAML 1.1 no is false to Kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: no\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'hostNamespace', message: 'Pod Security Standards (Baseline), "Host Namespaces": the pod must not set hostNetwork: true.', line: 6, column: 3, endLine: 6, endColumn: 20 }],
        fixes: [
          { messageId: 'removeField', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'PID and IPC',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostPID: true\n  hostIPC: true\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'hostNamespace', message: 'Pod Security Standards (Baseline), "Host Namespaces": the pod must not set hostPID: true.', line: 6, column: 3, endLine: 6, endColumn: 16 }, { messageId: 'hostNamespace', message: 'Pod Security Standards (Baseline), "Host Namespaces": the pod must not set hostIPC: true.', line: 7, column: 3, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'removeField', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostIPC: true\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
          { messageId: 'removeField', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'YAML 1.1 yes is true to Kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostIPC: yes\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'hostNamespace', message: 'Pod Security Standards (Baseline), "Host Namespaces": the pod must not set hostIPC: true.', line: 6, column: 3, endLine: 6, endColumn: 15 }],
        fixes: [
          { messageId: 'removeField', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
);
