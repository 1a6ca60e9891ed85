import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-privileged';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'false is allowed', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
        errors: [{ messageId: 'privileged', message: 'Pod Security Standards (Baseline), "Privileged Containers": container "app" must not set securityContext.privileged: true.', line: 10, column: 9, endLine: 10, endColumn: 25 }],
        fixes: [
          { messageId: 'removePrivileged', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'an init container',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n        runAsUser: 1000\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'privileged', message: 'Pod Security Standards (Baseline), "Privileged Containers": container "init" must not set securityContext.privileged: true.', line: 10, column: 9, endLine: 10, endColumn: 25 }],
        fixes: [
          { messageId: 'removePrivileged', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n      securityContext:\n        runAsUser: 1000\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
    ],
  },
);
