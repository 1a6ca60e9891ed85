import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/require-read-only-rootfs';

// The rule on Kubernetes manifests (its other inputs: test/rules/require-read-only-rootfs.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'writableRootfs', message: 'The root filesystem of "web/app" is writable; set readOnlyRootFilesystem: true and give the paths it writes an emptyDir volume.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'makeReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'turned off',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: false\n',
        errors: [{ messageId: 'readOnlyOff', message: 'readOnlyRootFilesystem is turned off ("false"); turn it on and give the paths the container writes an emptyDir volume.', line: 10, column: 9, endLine: 10, endColumn: 38 }],
        fixes: [
          { messageId: 'makeReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'a key left without a value gets one, after its colon (found by fuzzing)',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem:\n        runAsNonRoot: true\n',
        errors: [{ messageId: 'writableRootfs', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'makeReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n        runAsNonRoot: true\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
