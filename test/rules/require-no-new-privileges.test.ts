import { ruleTester } from '../ruleTester';
import rule from '../../rules/require-no-new-privileges';

ruleTester.run(rule, {
  valid: [
    {
      kind: 'run',
      name: 'the last no-new-privileges option wins',
      code: 'docker run -d \\\n  --security-opt no-new-privileges:false \\\n  --security-opt=no-new-privileges \\\n  nginx:1.27\n',
    },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: [no-new-privileges]\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - "no-new-privileges=true"\n' },
    { kind: 'compose', name: 'unknown security_opt stays silent', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: ${SECURITY_OPTS}\n' },
    {
      kind: 'compose',
      name: 'extends: facts are incomplete',
      code: 'services:\n  app:\n    extends:\n      file: common.yml\n      service: base\n    image: nginx:1.27\n',
    },
    { kind: 'run', code: 'docker run --security-opt=no-new-privileges nginx:1.27\n' },
    { kind: 'run', code: 'docker run -d \\\n  --security-opt no-new-privileges:true \\\n  nginx:1.27\n' },
  ],
  invalid: [
    {
      kind: 'run',
      name: 'turned off on a spec where missing settings are not judged (a swarm service): still reported',
      code: 'docker service create --security-opt no-new-privileges:false nginx:1.27\n',
      errors: [{ messageId: 'disabled', data: { option: 'no-new-privileges:false' }, line: 1, column: 38, endLine: 1, endColumn: 61 }],
      fixes: [{ messageId: 'enableNoNewPrivileges', output: 'docker service create --security-opt no-new-privileges:true nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'a later false overrides an earlier true',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: [no-new-privileges, "no-new-privileges=false"]\n',
      errors: [{ messageId: 'disabled', data: { option: 'no-new-privileges=false' }, line: 4, column: 39, endLine: 4, endColumn: 64 }],
      fixes: [{ messageId: 'enableNoNewPrivileges', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: [no-new-privileges, "no-new-privileges:true"]\n' }],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'missing', data: { name: 'app' }, severity: 'info', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'addNoNewPrivileges', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - "no-new-privileges:true"\n' }],
    },
    {
      kind: 'compose',
      name: 'other security options are kept',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - label=level:s0:c100,c200\n',
      options: { preset: 'strict' },
      errors: [{ messageId: 'missing', data: { name: 'app' }, severity: 'warning', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [
        {
          messageId: 'addNoNewPrivileges',
          output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - label=level:s0:c100,c200\n      - "no-new-privileges:true"\n',
        },
      ],
    },
    {
      kind: 'compose',
      name: 'explicitly disabled: point at it and flip it',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:false\n',
      errors: [{ messageId: 'disabled', data: { option: 'no-new-privileges:false' }, line: 5, column: 9, endLine: 5, endColumn: 32 }],
      fixes: [{ messageId: 'enableNoNewPrivileges', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - "no-new-privileges:true"\n' }],
    },
    {
      kind: 'run',
      code: 'docker run nginx:1.27\n',
      errors: [{ messageId: 'missing', data: { name: 'nginx:1.27' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'addNoNewPrivileges', output: 'docker run --security-opt=no-new-privileges:true nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: 'run split over lines, disabled',
      code: 'docker run -d \\\n  --security-opt no-new-privileges=false \\\n  nginx:1.27\n',
      errors: [{ messageId: 'disabled', data: { option: 'no-new-privileges=false' }, line: 2, column: 18, endLine: 2, endColumn: 41 }],
      fixes: [{ messageId: 'enableNoNewPrivileges', output: 'docker run -d \\\n  --security-opt no-new-privileges:true \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'flow security_opt',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: [label:disable]\n',
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'addNoNewPrivileges', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: [label:disable, "no-new-privileges:true"]\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        cap_drop:\r\n            - ALL\r\n',
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      fixes: [{ messageId: 'addNoNewPrivileges', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        cap_drop:\r\n            - ALL\r\n        security_opt:\r\n            - "no-new-privileges:true"\r\n' }],
    },
    {
      kind: 'compose',
      name: 'security_opt from a merge key',
      code: 'x-base: &base\n  image: nginx:1.27\n  security_opt:\n    - label:disable\nservices:\n  app:\n    <<: *base\n',
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 6, column: 3, endLine: 6, endColumn: 6 }],
      fixes: [{ messageId: 'addNoNewPrivileges', output: 'x-base: &base\n  image: nginx:1.27\n  security_opt:\n    - label:disable\nservices:\n  app:\n    <<: *base\n    security_opt:\n      - label:disable\n      - "no-new-privileges:true"\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines',
      code: 'docker run -d \\\n  --name web \\\n  nginx:1.27\n',
      errors: [{ messageId: 'missing', data: { name: 'web' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'addNoNewPrivileges', output: 'docker run -d \\\n  --security-opt=no-new-privileges:true \\\n  --name web \\\n  nginx:1.27\n' }],
    },
  ],
});
