import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-privileged';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-privileged.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'explicitly not privileged', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n' },
      { kind: 'kubernetes', name: 'a Helm value stays silent', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: {{ .Values.privileged }}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
        errors: [{ messageId: 'privileged', message: 'This container runs privileged (securityContext.privileged), with every capability and all the node\'s devices; grant only the capabilities it needs.', line: 10, column: 9, endLine: 10, endColumn: 25 }],
        fixes: [
          { messageId: 'removePrivileged', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'the other securityContext fields stay',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n        runAsNonRoot: true\n',
        errors: [{ messageId: 'privileged', message: 'This container runs privileged (securityContext.privileged), with every capability and all the node\'s devices; grant only the capabilities it needs.', line: 10, column: 9, endLine: 10, endColumn: 25 }],
        fixes: [
          { messageId: 'removePrivileged', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'an init container of a Deployment, flow mapping',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: init\n        image: busybox:1.36\n        securityContext: {privileged: true, runAsUser: 1000}\n      containers:\n      - name: app\n        image: nginx:1.27\n',
        errors: [{ messageId: 'privileged', message: 'This container runs privileged (securityContext.privileged), with every capability and all the node\'s devices; grant only the capabilities it needs.', line: 11, column: 27, endLine: 11, endColumn: 43 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
