import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-insecure-registry';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-insecure-registry.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: docker:27-dind\n      args: ["--registry-mirror=https://mirror.example.com"]\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: docker:27-dind\n      args: ["--insecure-registry=registry.local:5000"]\n',
        errors: [{ messageId: 'insecureRegistry', message: 'The Docker daemon trusts the registry "registry.local:5000" over plain HTTP or unverified TLS, so its images can be swapped in transit; serve it with a valid TLS certificate instead.', line: 9, column: 35, endLine: 9, endColumn: 54 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'content trust off',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DOCKER_CONTENT_TRUST\n          value: "0"\n',
        errors: [{ messageId: 'contentTrustOff', message: 'DOCKER_CONTENT_TRUST is "0", which turns off image signature checks; remove it or set it to 1.', line: 11, column: 18, endLine: 11, endColumn: 21 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
