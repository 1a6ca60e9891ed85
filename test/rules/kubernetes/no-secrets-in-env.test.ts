import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-secrets-in-env';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-secrets-in-env.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n' },
      { kind: 'kubernetes', name: 'not a secret', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: LOG_LEVEL\n          value: debug\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          value: "s3cr3t-Pa55word"\n',
        errors: [{ messageId: 'secretInEnvironment', message: 'The environment variable DB_PASSWORD is set to a literal secret in the manifest; read it from a Secret (valueFrom.secretKeyRef) or mount the Secret as a file instead.', line: 11, column: 18, endLine: 11, endColumn: 35 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
