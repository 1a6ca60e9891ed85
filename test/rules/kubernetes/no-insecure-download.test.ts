import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-insecure-download';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-insecure-download.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      command: ["curl", "-fsSL", "-o", "/tmp/tool.tgz", "https://example.com/tool.tgz"]\n' },
      { kind: 'kubernetes', name: 'a CA bundle is not a bypass', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: NODE_EXTRA_CA_CERTS\n          value: /certs/ca.pem\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      command: ["curl", "-k", "-o", "/tmp/tool.tgz", "https://example.com/tool.tgz"]\n',
        errors: [{ messageId: 'tlsDisabled', message: 'curl runs with -k, which turns off TLS certificate checks so anyone on the network path can replace the download; remove it and install the CA certificate you need instead.', line: 9, column: 25, endLine: 9, endColumn: 29 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'TLS checks off in the environment',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: NODE_TLS_REJECT_UNAUTHORIZED\n          value: "0"\n',
        errors: [{ messageId: 'envDisablesTls', message: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks for the commands that see it; remove it and install the CA certificate you need instead.', line: 10, column: 17, endLine: 11, endColumn: 21 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
