import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-proc-mount';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'Default', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        procMount: Default\n' },
      { kind: 'kubernetes', name: 'Baseline: a user-namespaced pod may unmask /proc', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        procMount: Unmasked\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        procMount: Unmasked\n',
        errors: [{ messageId: 'procMount', message: 'Pod Security Standards (Baseline), "/proc Mount Type": container "app" must not set procMount: Unmasked.', line: 10, column: 9, endLine: 10, endColumn: 28 }],
        fixes: [
          { messageId: 'removeProcMount', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'Restricted: user namespaces do not relax it',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        procMount: Unmasked\n        runAsNonRoot: true\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'procMount', message: 'Pod Security Standards (Restricted), "/proc Mount Type": container "app" must not set procMount: Unmasked.', line: 11, column: 9, endLine: 11, endColumn: 28 }],
        fixes: [
          { messageId: 'removeProcMount', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n' },
        ],
      },
    ],
  },
);
