import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-shared-mount-propagation';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-shared-mount-propagation.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/data\n' },
      { kind: 'kubernetes', name: 'HostToContainer only sees the node\'s mounts', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          mountPropagation: HostToContainer\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/data\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        name: 'Bidirectional in a privileged container (the API allows it only there)',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          mountPropagation: Bidirectional\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/data\n',
        errors: [{ messageId: 'sharedCanMount', message: 'The mount at "/data" uses mountPropagation: Bidirectional and this container can mount (privileged or SYS_ADMIN), so it can lay a filesystem over node directories under it; remove it (the default is None), or use HostToContainer if the container only needs to see the node\'s mounts.', line: 14, column: 29, endLine: 14, endColumn: 42 }],
        fixes: [
          { messageId: 'removePropagation', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/data\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Bidirectional without the right to mount',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          mountPropagation: Bidirectional\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/data\n',
        errors: [{ messageId: 'shared', message: 'The mount at "/data" uses mountPropagation: Bidirectional, so mounts made under it in the container appear on the node and in other pods; remove it (the default is None), or use HostToContainer if the container only needs to see the node\'s mounts.', line: 12, column: 29, endLine: 12, endColumn: 42 }],
        fixes: [
          { messageId: 'removePropagation', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/data\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
