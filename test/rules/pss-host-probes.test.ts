import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-host-probes';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      livenessProbe:\n        httpGet: {path: /, port: 80}\n' },
      { kind: 'kubernetes', name: 'an empty host', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      readinessProbe:\n        tcpSocket:\n          host: ""\n          port: 80\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      livenessProbe:\n        httpGet:\n          host: 169.254.169.254\n          path: /\n          port: 80\n',
        errors: [{ messageId: 'host', message: 'Pod Security Standards (Baseline), "Host Probes / Lifecycle Hooks": container "app" must not probe or hook host "169.254.169.254".', line: 11, column: 17, endLine: 11, endColumn: 32 }],
        fixes: [
          { messageId: 'removeHost', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      livenessProbe:\n        httpGet:\n          path: /\n          port: 80\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'a lifecycle hook',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      lifecycle:\n        preStop:\n          httpGet: {host: 10.0.0.1, path: /drain, port: 80}\n',
        errors: [{ messageId: 'host', message: 'Pod Security Standards (Baseline), "Host Probes / Lifecycle Hooks": container "app" must not probe or hook host "10.0.0.1".', line: 11, column: 27, endLine: 11, endColumn: 35 }],
        fixes: [
          { messageId: 'removeHost', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      lifecycle:\n        preStop:\n          httpGet: {path: /drain, port: 80}\n' },
        ],
      },
    ],
  },
);
