import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-host-process';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'false is allowed', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        windowsOptions:\n          hostProcess: false\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n',
        errors: [{ messageId: 'hostProcess', message: 'Pod Security Standards (Baseline), "HostProcess": container "app" must not set securityContext.windowsOptions.hostProcess: true.', line: 11, column: 11, endLine: 11, endColumn: 28 }],
        fixes: [
          { messageId: 'removeHostProcess', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'at the pod',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    windowsOptions: {hostProcess: true}\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'hostProcess', message: 'Pod Security Standards (Baseline), "HostProcess": the pod must not set securityContext.windowsOptions.hostProcess: true.', line: 7, column: 22, endLine: 7, endColumn: 39 }],
        fixes: [],
      },
    ],
  },
);
