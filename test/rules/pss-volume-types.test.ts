import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-volume-types';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: a\n      configMap: {name: a}\n    - name: b\n      secret: {secretName: b}\n    - name: c\n      persistentVolumeClaim: {claimName: c}\n    - name: d\n      emptyDir: {}\n    - name: e\n      projected: {sources: []}\n    - name: f\n      downwardAPI: {items: []}\n    - name: g\n      csi: {driver: x}\n    - name: h\n      ephemeral: {}\n    - name: i\n      image: {reference: "busybox:1.36"}\n', options: { preset: 'pss-restricted' } },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: share\n      nfs:\n        server: nfs.example.com\n        path: /exports\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'volumeType', message: 'Pod Security Standards (Restricted), "Volume Types": volume "share" must not use the nfs volume type (use a persistentVolumeClaim, configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or image volume).', line: 11, column: 7, endLine: 11, endColumn: 10 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'hostPath',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: logs\n      hostPath:\n        path: /var/log\n',
        options: { preset: 'pss-restricted' },
        errors: [{ messageId: 'volumeType', message: 'Pod Security Standards (Restricted), "Volume Types": volume "logs" must not use the hostPath volume type (use a persistentVolumeClaim, configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or image volume).', line: 11, column: 7, endLine: 11, endColumn: 15 }],
        fixes: [],
      },
    ],
  },
);
