import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/pin-image-version';

// The rule on Kubernetes manifests (its other inputs: test/rules/pin-image-version.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
      { kind: 'kubernetes', name: 'a digest', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n' },
      { kind: 'kubernetes', name: 'a Helm value', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n',
        errors: [{ messageId: 'noTag', message: 'The image "nginx" has no tag, so it gets whatever "latest" points to at pull time; pin a version tag or a digest.', line: 8, column: 7, endLine: 8, endColumn: 19 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n',
        errors: [{ messageId: 'latestTag', message: 'The image "nginx:latest" uses the "latest" tag, which changes without notice; pin a version tag or a digest.', line: 8, column: 7, endLine: 8, endColumn: 26 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
