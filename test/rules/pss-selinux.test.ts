import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-selinux';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'container types and a level', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seLinuxOptions:\n          type: container_engine_t\n          level: "s0:c123,c456"\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seLinuxOptions:\n          type: spc_t\n',
        errors: [{ messageId: 'seLinux', message: 'Pod Security Standards (Baseline), "SELinux": container "app" must not set seLinuxOptions.type to "spc_t".', line: 11, column: 17, endLine: 11, endColumn: 22 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'user and role at the pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      user: system_u\n      role: system_r\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'seLinux', message: 'Pod Security Standards (Baseline), "SELinux": the pod must not set seLinuxOptions.user to "system_u".', line: 8, column: 13, endLine: 8, endColumn: 21 }, { messageId: 'seLinux', message: 'Pod Security Standards (Baseline), "SELinux": the pod must not set seLinuxOptions.role to "system_r".', line: 9, column: 13, endLine: 9, endColumn: 21 }],
        fixes: [
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      role: system_r\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
          { messageId: 'removeOption', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      user: system_u\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
);
