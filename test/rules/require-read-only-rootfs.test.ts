import { ruleTester } from '../ruleTester';
import rule from '../../rules/require-read-only-rootfs';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp\n' },
    { kind: 'compose', name: 'extends may set it elsewhere', code: 'services:\n  app:\n    extends:\n      file: base.yml\n      service: app\n' },
    { kind: 'compose', name: 'a ${VAR} value stays silent', code: 'services:\n  app:\n    image: nginx:1.27\n    read_only: ${READ_ONLY}\n' },
    { kind: 'run', code: 'docker run --read-only --tmpfs /tmp nginx:1.27' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'writableRootfs', severity: 'info', data: { name: 'app' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: nginx:1.27\n    read_only: true\n' }],
    },
    {
      kind: 'compose',
      name: 'turned off explicitly; strict preset raises it to a warning',
      code: 'services:\n  app:\n    image: nginx:1.27\n    read_only: false\n',
      options: { preset: 'strict' },
      errors: [{ messageId: 'readOnlyOff', severity: 'warning', data: { value: 'false' }, line: 4, column: 5, endLine: 4, endColumn: 21 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: nginx:1.27\n    read_only: true\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF: the inserted line keeps CRLF',
      code: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    ports:\r\n      - "127.0.0.1:80:80"\r\n',
      errors: [{ messageId: 'writableRootfs', data: { name: 'app' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    ports:\r\n      - "127.0.0.1:80:80"\r\n    read_only: true\r\n' }],
    },
    {
      kind: 'compose',
      name: 'through a merge key: points at the anchored line, overridden at the service',
      code: 'x-common: &common\n  read_only: false\nservices:\n  app:\n    <<: *common\n    image: nginx:1.27\n',
      errors: [{ messageId: 'readOnlyOff', data: { value: 'false' }, line: 2, column: 3, endLine: 2, endColumn: 19 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'x-common: &common\n  read_only: false\nservices:\n  app:\n    <<: *common\n    image: nginx:1.27\n    read_only: true\n' }],
    },
    {
      kind: 'run',
      name: 'a detached --rm container runs until stopped: judged',
      code: 'docker run -d --rm nginx:1.27',
      errors: [{ messageId: 'writableRootfs', data: { name: 'nginx:1.27' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run --read-only -d --rm nginx:1.27' }],
    },
    {
      kind: 'run',
      name: 'split over lines: the flag goes on its own line; the container is named by --name',
      code: 'docker run -d \\\n  --name web \\\n  nginx:1.27',
      errors: [{ messageId: 'writableRootfs', data: { name: 'web' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run -d \\\n  --read-only \\\n  --name web \\\n  nginx:1.27' }],
    },
    {
      kind: 'run',
      name: '--read-only=false',
      code: 'docker run --read-only=false nginx:1.27',
      errors: [{ messageId: 'readOnlyOff', data: { value: '--read-only=false' }, line: 1, column: 12, endLine: 1, endColumn: 29 }],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run --read-only nginx:1.27' }],
    },
  ],
});
