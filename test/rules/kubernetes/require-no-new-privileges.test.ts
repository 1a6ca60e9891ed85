import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/require-no-new-privileges';

// The rule on Kubernetes manifests (its other inputs: test/rules/require-no-new-privileges.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n' },
      { kind: 'kubernetes', name: 'a valueless Helm field stays silent', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: {{ .Values.ape }}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'missing', message: 'Container "web/app" does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges; set it in the securityContext.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'addNoNewPrivileges', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'turned on',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: true\n',
        errors: [{ messageId: 'disabled', message: 'allowPrivilegeEscalation is true, so setuid binaries can raise privileges; set it to false.', line: 10, column: 9, endLine: 10, endColumn: 39 }],
        fixes: [
          { messageId: 'enableNoNewPrivileges', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'into an existing securityContext with CRLF',
        code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n      securityContext:\r\n        runAsNonRoot: true\r\n',
        errors: [{ messageId: 'missing', message: 'Container "web/app" does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges; set it in the securityContext.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'addNoNewPrivileges', output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n      securityContext:\r\n        runAsNonRoot: true\r\n        allowPrivilegeEscalation: false\r\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
