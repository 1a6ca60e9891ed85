import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-unconfined-security-profile';

ruleTester.run(rule, {
  valid: [
    {
      kind: 'compose',
      name: 'label:seccomp:unconfined is an SELinux label option Docker ignores or rejects: seccomp stays on',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - label:seccomp:unconfined\n      - label=seccomp:unconfined\n',
    },
    { kind: 'run', code: 'docker run --security-opt label:seccomp:unconfined nginx:1.27', name: 'the label form on the command line: not a seccomp switch' },
    { kind: 'compose', code: 'services:\n  a:\n    image: nginx:1.27\n    security_opt: [constructor]\n', name: 'an option named like an Object.prototype member is not an unconfined profile' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./profile.json\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: ${SECURITY_OPTS}\n', name: 'a ${VAR} list stays silent' },
    { kind: 'run', code: 'docker run --security-opt seccomp=/etc/docker/seccomp.json nginx:1.27' },
    { kind: 'run', code: 'docker run --security-opt "$OPTS" nginx:1.27', name: 'an opaque option stays silent' },
    { kind: 'run', code: 'echo "docker run --security-opt seccomp=unconfined nginx:1.27"', name: 'inside a quoted string it is not a command' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'a bare disable is label=disable to Docker',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: [disable]\n',
      errors: [{ messageId: 'unconfined', data: { option: 'disable', layer: 'SELinux labelling' }, line: 4, column: 20, endLine: 4, endColumn: 27 }],
      fixes: [{ messageId: 'removeOption', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - seccomp:unconfined\n',
      errors: [{ messageId: 'unconfined', data: { option: 'seccomp:unconfined', layer: 'the seccomp system-call filter' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 27 }],
      fixes: [{ messageId: 'removeOption', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'two unconfined options next to a safe one',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - apparmor=unconfined\n      - label:disable\n',
      errors: [
        { messageId: 'unconfined', data: { option: 'apparmor=unconfined', layer: 'the AppArmor profile' }, line: 6, column: 9, endLine: 6, endColumn: 28 },
        { messageId: 'unconfined', data: { option: 'label:disable', layer: 'SELinux labelling' }, line: 7, column: 9, endLine: 7, endColumn: 22 },
      ],
      fixes: [
        { messageId: 'removeOption', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - label:disable\n' },
        { messageId: 'removeOption', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - apparmor=unconfined\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'CRLF line endings are kept by the fix',
      code: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    security_opt:\r\n      - seccomp:unconfined\r\n      - no-new-privileges:true\r\n',
      errors: [{ messageId: 'unconfined', line: 5, column: 9, endLine: 5, endColumn: 27 }],
      fixes: [{ messageId: 'removeOption', output: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    security_opt:\r\n      - no-new-privileges:true\r\n' }],
    },
    {
      kind: 'compose',
      name: 'through an anchor: points at the anchored list, no in-place fix',
      code: 'x-sec: &sec\n  - seccomp:unconfined\nservices:\n  app:\n    image: nginx:1.27\n    security_opt: *sec\n',
      errors: [{ messageId: 'unconfined', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --security-opt seccomp=unconfined nginx:1.27',
      errors: [{ messageId: 'unconfined', data: { option: 'seccomp=unconfined', layer: 'the seccomp system-call filter' }, line: 1, column: 27, endLine: 1, endColumn: 45 }],
      fixes: [{ messageId: 'removeOption', output: 'docker run nginx:1.27' }],
    },
    {
      kind: 'run',
      name: 'the = form of the flag',
      code: 'docker run --security-opt=label=disable nginx:1.27',
      errors: [{ messageId: 'unconfined', data: { option: 'label=disable', layer: 'SELinux labelling' }, line: 1, column: 27, endLine: 1, endColumn: 40 }],
      fixes: [{ messageId: 'removeOption', output: 'docker run nginx:1.27' }],
    },
    {
      kind: 'run',
      name: 'split over lines with backslashes',
      code: 'docker run -d \\\n  --security-opt systempaths=unconfined \\\n  nginx:1.27',
      errors: [{ messageId: 'unconfined', data: { option: 'systempaths=unconfined', layer: 'the masking of sensitive /proc and /sys paths' }, line: 2, column: 18, endLine: 2, endColumn: 40 }],
      fixes: [{ messageId: 'removeOption', output: 'docker run -d \\\n  nginx:1.27' }],
    },
    {
      kind: 'compose',
      name: 'flow list',
      code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true", seccomp:unconfined]\n',
      errors: [{ messageId: 'unconfined', data: { option: 'seccomp:unconfined', layer: 'the seccomp system-call filter' }, line: 4, column: 46, endLine: 4, endColumn: 64 }],
      fixes: [{ messageId: 'removeOption', output: 'services:\n  app:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true"]\n' }],
    },
    {
      kind: 'compose',
      name: 'from a merge key: the list is overridden at the service without it',
      code: 'x-base: &base\n  security_opt:\n    - apparmor:unconfined\n    - no-new-privileges:true\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ messageId: 'unconfined', data: { option: 'apparmor:unconfined', layer: 'the AppArmor profile' }, line: 3, column: 7, endLine: 3, endColumn: 26 }],
      fixes: [{ messageId: 'removeOption', output: 'x-base: &base\n  security_opt:\n    - apparmor:unconfined\n    - no-new-privileges:true\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines',
      code: 'docker run \\\n  --security-opt seccomp=unconfined \\\n  nginx:1.27\n',
      errors: [{ messageId: 'unconfined', data: { option: 'seccomp=unconfined', layer: 'the seccomp system-call filter' }, line: 2, column: 18, endLine: 2, endColumn: 36 }],
      fixes: [{ messageId: 'removeOption', output: 'docker run \\\n  nginx:1.27\n' }],
    },
  ],
});
