import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-seccomp';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', name: 'a profile key with nothing under it is no profile (null)', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n' },
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'Baseline: Localhost', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: Localhost\n          localhostProfile: my.json\n' },
      { kind: 'kubernetes', name: 'Restricted: set at the pod', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: nginx:1.27\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'Restricted: set on the container', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'Restricted exempts Windows pods', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  os: {name: windows}\n  containers:\n    - name: app\n      image: nginx:1.27\n', options: { preset: 'pss-restricted' } },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        name: 'a profile without a type is rejected, as a type the admission does not know',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile: {}\n',
        errors: [{ messageId: 'badType', message: 'Pod Security Standards (Baseline), "Seccomp": container "app" must not set securityContext.seccompProfile.type to "" (only RuntimeDefault or Localhost).', line: 10, column: 9, endLine: 10, endColumn: 23 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: Unconfined\n',
        errors: [{ messageId: 'badType', message: 'Pod Security Standards (Baseline), "Seccomp": container "app" must not set securityContext.seccompProfile.type to "Unconfined" (only RuntimeDefault or Localhost).', line: 11, column: 17, endLine: 11, endColumn: 27 }],
        fixes: [
          { messageId: 'useRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Restricted: missing',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'missing', message: 'Pod Security Standards (Restricted), "Seccomp": the pod or container "app" must set securityContext.seccompProfile.type to RuntimeDefault or Localhost.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setPodRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Restricted: a bad pod value is rejected although the container sets its own',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'badType', message: 'Pod Security Standards (Restricted), "Seccomp": the pod must not set securityContext.seccompProfile.type to "Unconfined" (only RuntimeDefault or Localhost).', line: 8, column: 13, endLine: 8, endColumn: 23 }],
        fixes: [
          { messageId: 'useRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Restricted: missing, into an existing pod securityContext',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'missing', message: 'Pod Security Standards (Restricted), "Seccomp": the pod or container "app" must set securityContext.seccompProfile.type to RuntimeDefault or Localhost.', line: 9, column: 13, endLine: 9, endColumn: 16 }],
        fixes: [
          { messageId: 'setPodRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
);
