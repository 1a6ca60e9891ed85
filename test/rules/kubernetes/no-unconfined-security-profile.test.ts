import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-unconfined-security-profile';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-unconfined-security-profile.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n' },
      { kind: 'kubernetes', name: 'the container\'s own profile wins over the pod\'s', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n' },
      { kind: 'kubernetes', name: 'a Localhost profile', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        appArmorProfile:\n          type: Localhost\n          localhostProfile: k8s-nginx\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: Unconfined\n',
        errors: [{ messageId: 'unconfined', message: 'The securityContext turns off the seccomp system-call filter for this container; go back to the runtime\'s default, or confine it with a custom (Localhost) profile that allows only what the workload needs.', line: 11, column: 17, endLine: 11, endColumn: 27 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'AppArmor at the pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  securityContext:\n    appArmorProfile: {type: Unconfined}\n',
        errors: [{ messageId: 'unconfined', message: 'The securityContext turns off the AppArmor profile for this container; go back to the runtime\'s default, or confine it with a custom (Localhost) profile that allows only what the workload needs.', line: 10, column: 29, endLine: 10, endColumn: 39 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'the AppArmor annotation',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'unconfined', message: 'The securityContext turns off the AppArmor profile for this container; go back to the runtime\'s default, or confine it with a custom (Localhost) profile that allows only what the workload needs.', line: 6, column: 57, endLine: 6, endColumn: 67 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'an unmasked /proc',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        procMount: Unmasked\n        runAsNonRoot: true\n',
        errors: [{ messageId: 'unconfined', message: 'The securityContext turns off the masking of sensitive /proc and /sys paths for this container; go back to the runtime\'s default, or confine it with a custom (Localhost) profile that allows only what the workload needs.', line: 10, column: 9, endLine: 10, endColumn: 28 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'SELinux spc_t',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seLinuxOptions:\n          type: spc_t\n',
        errors: [{ messageId: 'unconfined', message: 'The securityContext turns off SELinux labelling for this container; go back to the runtime\'s default, or confine it with a custom (Localhost) profile that allows only what the workload needs.', line: 11, column: 17, endLine: 11, endColumn: 22 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
