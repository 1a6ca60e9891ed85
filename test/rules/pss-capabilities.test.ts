import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-capabilities';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'Baseline allows the default capabilities', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [CHOWN, NET_BIND_SERVICE, SYS_CHROOT, AUDIT_WRITE]\n' },
      { kind: 'kubernetes', name: 'Restricted: drop ALL and add NET_BIND_SERVICE', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n', options: { preset: 'pss-restricted' } },
      { kind: 'kubernetes', name: 'Restricted exempts Windows pods', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  os:\n    name: windows\n  containers:\n    - name: app\n      image: nginx:1.27\n', options: { preset: 'pss-restricted' } },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        name: 'Baseline: NET_RAW is not a default',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add:\n            - NET_RAW\n',
        errors: [{ messageId: 'added', message: 'Pod Security Standards (Baseline), "Capabilities": container "app" must not add NET_RAW (only the default capabilities, without NET_RAW, may be added).', line: 12, column: 15, endLine: 12, endColumn: 22 }],
        fixes: [
          { messageId: 'removeCapability', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Baseline compares names exactly',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [chown, CAP_SETUID]\n',
        errors: [{ messageId: 'added', message: 'Pod Security Standards (Baseline), "Capabilities": container "app" must not add chown (only the default capabilities, without NET_RAW, may be added).', line: 11, column: 17, endLine: 11, endColumn: 22 }, { messageId: 'added', message: 'Pod Security Standards (Baseline), "Capabilities": container "app" must not add CAP_SETUID (only the default capabilities, without NET_RAW, may be added).', line: 11, column: 24, endLine: 11, endColumn: 34 }],
        fixes: [
          { messageId: 'removeCapability', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [CAP_SETUID]\n' },
          { messageId: 'removeCapability', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [chown]\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Restricted: drop ALL missing',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'dropAllMissing', message: 'Pod Security Standards (Restricted), "Capabilities": container "app" must drop ALL capabilities (securityContext.capabilities.drop: [ALL]).', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'dropAll', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Restricted: lowercase all is not ALL, and CHOWN may not be added',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [all]\n          add: [CHOWN]\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'dropAllMissing', message: 'Pod Security Standards (Restricted), "Capabilities": container "app" must drop ALL capabilities (securityContext.capabilities.drop: [ALL]).', line: 7, column: 13, endLine: 7, endColumn: 16 }, { messageId: 'added', message: 'Pod Security Standards (Restricted), "Capabilities": container "app" must not add CHOWN (only NET_BIND_SERVICE may be added).', line: 12, column: 17, endLine: 12, endColumn: 22 }],
        fixes: [
          { messageId: 'dropAll', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [all, ALL]\n          add: [CHOWN]\n' },
          { messageId: 'removeCapability', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [all]\n' },
        ],
      },
    ],
  },
);
