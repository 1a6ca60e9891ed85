import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/drop-all-capabilities';

// The rule on Kubernetes manifests (its other inputs: test/rules/drop-all-capabilities.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n' },
      { kind: 'kubernetes', name: 'a templated securityContext may drop them', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        {{- toYaml .Values.securityContext | nindent 8 }}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'keepsDefaults', message: 'Container "web/app" keeps the runtime\'s default capabilities (securityContext.capabilities.drop has no ALL); drop ALL and add back only the capabilities it needs.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'dropAll', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'into an existing securityContext',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n',
        errors: [{ messageId: 'keepsDefaults', message: 'Container "web/app" keeps the runtime\'s default capabilities (securityContext.capabilities.drop has no ALL); drop ALL and add back only the capabilities it needs.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'dropAll', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n        capabilities:\n          drop:\n            - ALL\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'next to added capabilities',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add:\n            - NET_BIND_SERVICE\n',
        errors: [{ messageId: 'keepsDefaults', message: 'Container "web/app" keeps the runtime\'s default capabilities (securityContext.capabilities.drop has no ALL); drop ALL and add back only the capabilities it needs.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'dropAll', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add:\n            - NET_BIND_SERVICE\n          drop:\n            - ALL\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'an existing drop list is extended',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [NET_RAW]\n',
        errors: [{ messageId: 'keepsDefaults', message: 'Container "web/app" keeps the runtime\'s default capabilities (securityContext.capabilities.drop has no ALL); drop ALL and add back only the capabilities it needs.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'dropAll', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [NET_RAW, ALL]\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
