import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-sensitive-mount';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-sensitive-mount.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      emptyDir: {}\n' },
      { kind: 'kubernetes', name: 'a host path under a project directory', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: /srv/app/data\n' },
      { kind: 'kubernetes', name: 'the path comes from a Helm value', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: {{ .Values.hostPath }}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: etc\n          mountPath: /host/etc\n  volumes:\n    - name: etc\n      hostPath:\n        path: /etc\n',
        errors: [{ messageId: 'writable', message: 'The node path "/etc" is mounted writable (hostPath), so the container can change the node; mount it read-only.', line: 10, column: 17, endLine: 10, endColumn: 20 }, { messageId: 'exposed', message: 'The node path "/etc" is mounted (hostPath), so the container can read the node\'s secrets there; mount only the files it needs.', line: 10, column: 17, endLine: 10, endColumn: 20 }],
        fixes: [
          { messageId: 'makeReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: etc\n          mountPath: /host/etc\n          readOnly: true\n  volumes:\n    - name: etc\n      hostPath:\n        path: /etc\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'read-only: the exposure stays',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: root\n          mountPath: /host\n          readOnly: true\n  volumes:\n    - name: root\n      hostPath: {path: /}\n',
        errors: [{ messageId: 'exposed', message: 'The node path "/" is mounted (hostPath), so the container can read the node\'s secrets there; mount only the files it needs.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'subPath reaches below the volume',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: var\n          mountPath: /host/shadow\n          subPath: lib/docker\n  volumes:\n    - name: var\n      hostPath:\n        path: /var\n',
        errors: [{ messageId: 'writable', message: 'The node path "/var/lib/docker" is mounted writable (hostPath), so the container can change the node; mount it read-only.', line: 10, column: 17, endLine: 10, endColumn: 20 }, { messageId: 'exposed', message: 'The node path "/var/lib/docker" is mounted (hostPath), so the container can read the node\'s secrets there; mount only the files it needs.', line: 10, column: 17, endLine: 10, endColumn: 20 }],
        fixes: [
          { messageId: 'makeReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: var\n          mountPath: /host/shadow\n          subPath: lib/docker\n          readOnly: true\n  volumes:\n    - name: var\n      hostPath:\n        path: /var\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
