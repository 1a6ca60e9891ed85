import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-apparmor';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'Localhost', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        appArmorProfile:\n          type: Localhost\n          localhostProfile: k8s-nginx\n' },
      { kind: 'kubernetes', name: 'allowed annotation values', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n    container.apparmor.security.beta.kubernetes.io/other: localhost/k8s-nginx\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        appArmorProfile:\n          type: Unconfined\n',
        errors: [{ messageId: 'profileType', message: 'Pod Security Standards (Baseline), "AppArmor": container "app" must not set the AppArmor profile type "Unconfined" (only RuntimeDefault or Localhost).', line: 11, column: 17, endLine: 11, endColumn: 27 }],
        fixes: [
          { messageId: 'useRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        appArmorProfile:\n          type: RuntimeDefault\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'at the pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    appArmorProfile: {type: Unconfined}\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'profileType', message: 'Pod Security Standards (Baseline), "AppArmor": the pod must not set the AppArmor profile type "Unconfined" (only RuntimeDefault or Localhost).', line: 7, column: 29, endLine: 7, endColumn: 39 }],
        fixes: [
          { messageId: 'useRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'the annotation',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'annotation', message: 'Pod Security Standards (Baseline), "AppArmor": the annotation for container "app" must not be "unconfined" (only runtime/default or localhost/*).', line: 6, column: 57, endLine: 6, endColumn: 67 }],
        fixes: [
          { messageId: 'useRuntimeDefault', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
);
