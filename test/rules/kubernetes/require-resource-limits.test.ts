import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/require-resource-limits';

// The rule on Kubernetes manifests (its other inputs: test/rules/require-resource-limits.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 256Mi\n          cpu: 500m\n' },
      { kind: 'kubernetes', name: 'limits written by a Helm template', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        {{- toYaml .Values.resources | nindent 8 }}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'missingLimits', message: 'Container "web/app" has no memory or CPU limit (resources.limits), so it can exhaust the node; set limits sized for its workload.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setLimits', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 512Mi\n          cpu: "1"\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'requests only: limits added beside them',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests:\n          memory: 64Mi\n',
        errors: [{ messageId: 'missingLimits', message: 'Container "web/app" has no memory or CPU limit (resources.limits), so it can exhaust the node; set limits sized for its workload.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setLimits', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests:\n          memory: 64Mi\n        limits:\n          memory: 512Mi\n          cpu: "1"\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'CPU missing',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 256Mi\n',
        errors: [{ messageId: 'missingLimits', message: 'Container "web/app" has no CPU limit (resources.limits), so it can exhaust the node; set limits sized for its workload.', line: 7, column: 13, endLine: 7, endColumn: 16 }],
        fixes: [
          { messageId: 'setLimits', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 256Mi\n          cpu: "1"\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
