import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-host-path-volumes';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: cache\n      emptyDir: {}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: logs\n      hostPath:\n        path: /var/log\n',
        errors: [{ messageId: 'hostPath', message: 'Pod Security Standards (Baseline), "HostPath Volumes": volume "logs" must not be a hostPath volume.', line: 11, column: 7, endLine: 11, endColumn: 15 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'a hostPath no container mounts',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: unused\n      hostPath: {path: /tmp}\n    - name: cache\n      emptyDir: {}\n',
        errors: [{ messageId: 'hostPath', message: 'Pod Security Standards (Baseline), "HostPath Volumes": volume "unused" must not be a hostPath volume.', line: 11, column: 7, endLine: 11, endColumn: 15 }],
        fixes: [],
      },
    ],
  },
);
