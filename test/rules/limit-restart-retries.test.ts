import { ruleTester } from '../ruleTester';
import rule from '../../rules/limit-restart-retries';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    restart: on-failure:5\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    restart: "no"\n' },
    { kind: 'compose', name: 'unknown policy stays silent', code: 'services:\n  app:\n    image: nginx:1.27\n    restart: ${RESTART_POLICY}\n' },
    { kind: 'run', code: 'docker run --restart on-failure:3 nginx:1.27\n' },
    { kind: 'run', code: 'docker run nginx:1.27\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'a variable whose default is always: reported, not rewritten',
      code: 'services:\n  app:\n    image: nginx:1.27\n    restart: ${RESTART:-always}\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'always' }, line: 4, column: 5, endLine: 4, endColumn: 32 }],
      fixes: [],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n    restart: always\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'always' }, severity: 'info', line: 4, column: 5, endLine: 4, endColumn: 20 }],
      fixes: [{ messageId: 'useOnFailure', output: 'services:\n  app:\n    image: nginx:1.27\n    restart: "on-failure:5"\n' }],
    },
    {
      kind: 'compose',
      name: 'quoting is kept; strict raises to warning',
      code: 'services:\n  app:\n    image: nginx:1.27\n    restart: "unless-stopped"\n',
      options: { preset: 'strict' },
      errors: [{ messageId: 'unbounded', data: { policy: 'unless-stopped' }, severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 30 }],
      fixes: [{ messageId: 'useOnFailure', output: 'services:\n  app:\n    image: nginx:1.27\n    restart: "on-failure:5"\n' }],
    },
    {
      kind: 'compose',
      name: 'policy from a merge key: finding at the anchor, overridden at the service',
      code: 'x-defaults: &defaults\n  restart: always\nservices:\n  app:\n    <<: *defaults\n    image: nginx:1.27\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'always' }, line: 2, column: 3, endLine: 2, endColumn: 18 }],
      fixes: [{ messageId: 'useOnFailure', output: 'x-defaults: &defaults\n  restart: always\nservices:\n  app:\n    <<: *defaults\n    image: nginx:1.27\n    restart: "on-failure:5"\n' }],
    },
    {
      kind: 'run',
      code: 'docker run --restart=always nginx:1.27\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'always' }, line: 1, column: 22, endLine: 1, endColumn: 28 }],
      fixes: [{ messageId: 'useOnFailure', output: 'docker run --restart=on-failure:5 nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: 'run split over lines',
      code: 'docker run -d \\\n  --restart unless-stopped \\\n  nginx:1.27\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'unless-stopped' }, line: 2, column: 13, endLine: 2, endColumn: 27 }],
      fixes: [{ messageId: 'useOnFailure', output: 'docker run -d \\\n  --restart on-failure:5 \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'flow-mapping service',
      code: 'services:\n  app: {image: "nginx:1.27", restart: unless-stopped}\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'unless-stopped' }, line: 2, column: 30, endLine: 2, endColumn: 53 }],
      fixes: [{ messageId: 'useOnFailure', output: 'services:\n  app: {image: "nginx:1.27", restart: "on-failure:5"}\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation, quoted',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        restart: \'always\'\r\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'always' }, line: 4, column: 9, endLine: 4, endColumn: 26 }],
      fixes: [{ messageId: 'useOnFailure', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        restart: \'on-failure:5\'\r\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines',
      code: 'docker run -d \\\n  --restart=always \\\n  nginx:1.27\n',
      errors: [{ messageId: 'unbounded', data: { policy: 'always' }, line: 2, column: 13, endLine: 2, endColumn: 19 }],
      fixes: [{ messageId: 'useOnFailure', output: 'docker run -d \\\n  --restart=on-failure:5 \\\n  nginx:1.27\n' }],
    },
  ],
});
