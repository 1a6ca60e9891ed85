import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-privileged';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: false\n', name: 'explicitly not privileged' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: ${PRIV}\n', name: 'unknown value stays silent' },
    { kind: 'run', code: 'docker run --rm nginx:1.27' },
    { kind: 'run', code: 'docker run --privileged=false nginx:1.27', name: 'flag set to false' },
    { kind: 'run', code: 'echo "docker run --privileged nginx:1.27"', name: 'inside a quoted string it is not a command' },
    { kind: 'run', code: 'docker run nginx:1.27 --privileged', name: 'after the image it belongs to the container command' },
  ],
  invalid: [
    {
      kind: 'run',
      name: 'a documentation placeholder image: the flag is still judged',
      code: 'docker run -d --privileged <image>',
      errors: [{ messageId: 'privileged', severity: 'error', line: 1, column: 15, endLine: 1, endColumn: 27 }],
      fixes: [{ messageId: 'removePrivileged', output: 'docker run -d <image>' }],
    },
    {
      kind: 'run',
      name: 'options left out and no image at all: the flag is still judged',
      code: 'docker run ... --privileged',
      errors: [{ messageId: 'privileged', line: 1, column: 16, endLine: 1, endColumn: 28 }],
      fixes: [{ messageId: 'removePrivileged', output: 'docker run ...' }],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n',
      errors: [{ messageId: 'privileged', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 21 }],
      fixes: [{ messageId: 'removePrivileged', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF file keeps CRLF',
      code: 'services:\r\n  app:\r\n    privileged: true\r\n    image: nginx:1.27\r\n',
      errors: [{ messageId: 'privileged', line: 3, column: 5, endLine: 3, endColumn: 21 }],
      fixes: [{ messageId: 'removePrivileged', output: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n' }],
    },
    {
      kind: 'compose',
      name: 'through a merge key: points at the anchor, overridden at the service',
      code: 'x-base: &base\n  privileged: true\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ messageId: 'privileged', line: 2, column: 3, endLine: 2, endColumn: 19 }],
      fixes: [{ messageId: 'removePrivileged', output: 'x-base: &base\n  privileged: true\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n    privileged: false\n' }],
    },
    {
      kind: 'run',
      code: 'docker run -d \\\n  --privileged \\\n  nginx:1.27',
      errors: [{ messageId: 'privileged', line: 2, column: 3, endLine: 2, endColumn: 15 }],
      fixes: [{ messageId: 'removePrivileged', output: 'docker run -d \\\n  nginx:1.27' }],
    },
    {
      kind: 'run',
      name: 'sudo and the =true form',
      code: 'sudo docker run --privileged=true --rm alpine:3.20 sh\n',
      errors: [{ messageId: 'privileged', line: 1, column: 17, endLine: 1, endColumn: 34 }],
      fixes: [{ messageId: 'removePrivileged', output: 'sudo docker run --rm alpine:3.20 sh\n' }],
    },
    {
      kind: 'compose',
      name: 'flow-mapping service: not rewritten',
      code: 'services:\n  app: {image: "nginx:1.27", privileged: true}\n',
      errors: [{ messageId: 'privileged', line: 2, column: 30, endLine: 2, endColumn: 46 }],
      fixes: [{ messageId: 'removePrivileged', output: 'services:\n  app: {image: "nginx:1.27"}\n' }],
    },
    {
      kind: 'compose',
      name: '4-space indentation with a comment kept',
      code: 'services:\n    app:\n        # needs the GPU\n        privileged: true\n        image: nginx:1.27\n',
      errors: [{ messageId: 'privileged', line: 4, column: 9, endLine: 4, endColumn: 25 }],
      fixes: [{ messageId: 'removePrivileged', output: 'services:\n    app:\n        # needs the GPU\n        image: nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines with tabs',
      code: 'docker run \\\n\t--privileged \\\n\tnginx:1.27\n',
      errors: [{ messageId: 'privileged', line: 2, column: 2, endLine: 2, endColumn: 14 }],
      fixes: [{ messageId: 'removePrivileged', output: 'docker run \\\n\tnginx:1.27\n' }],
    },
  ],
});
