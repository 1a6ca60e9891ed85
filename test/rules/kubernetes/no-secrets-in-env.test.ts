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
      {
        kind: 'kubernetes',
        name: 'a placeholder password',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          value: changeme\n',
        errors: [{ messageId: 'placeholderPassword', message: 'DB_PASSWORD is set to the placeholder "changeme", which works as a password until someone replaces it; read the real one from a Secret (valueFrom.secretKeyRef).', line: 11, column: 18, endLine: 11, endColumn: 26 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'a token by its shape',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: GIT_AUTH\n          value: ghp_0123456789abcdefghijABCDEFGHIJ012345\n',
        errors: [{ messageId: 'credentialInEnvironment', message: 'The environment variable GIT_AUTH holds a GitHub token in the manifest; read it from a Secret (valueFrom.secretKeyRef) or mount the Secret as a file instead.', line: 11, column: 18, endLine: 11, endColumn: 58 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'a password set in the command',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      command: ["env", "DB_PASSWORD=S3cr3t-Pa55w0rd", "./server"]\n',
        errors: [{ messageId: 'secretInCommand', message: 'This command sets DB_PASSWORD to a literal secret, which the pod spec and the node\'s process list show to anyone who can read them; read it from a Secret mounted as a file or passed in the environment instead.', line: 9, column: 24, endLine: 9, endColumn: 53 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'a token in the command',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      command: ["sh", "-c", "curl -H \\"Authorization: Bearer ghp_0123456789abcdefghijABCDEFGHIJ012345\\" https://api.github.com"]\n',
        errors: [{ messageId: 'credentialInCommand', message: 'This command holds a GitHub token, which the pod spec and the node\'s process list show to anyone who can read them; read it from a Secret mounted as a file or passed in the environment instead.', line: 9, column: 62, endLine: 9, endColumn: 102 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
