import { ruleTester } from '../ruleTester';
import rule from '../../rules/drop-all-capabilities';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n' },
    { kind: 'compose', name: 'lowercase all', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [all]\n' },
    { kind: 'compose', name: 'unknown cap_drop stays silent', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: ${DROP_CAPS}\n' },
    {
      kind: 'compose',
      name: 'extends: facts are incomplete',
      code: 'services:\n  app:\n    extends:\n      file: common.yml\n      service: base\n    image: nginx:1.27\n',
    },
    { kind: 'run', code: 'docker run --cap-drop=ALL nginx:1.27\n' },
    { kind: 'run', code: 'docker run -d \\\n  --cap-drop all \\\n  --cap-add CHOWN \\\n  nginx:1.27\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'cap_drop from a merge key counts; only the other service is reported',
      code: 'x-hardening: &hardening\n  cap_drop: [ALL]\nservices:\n  app:\n    <<: *hardening\n    image: nginx:1.27\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'db' }, line: 7, column: 3, endLine: 7, endColumn: 5 }],
      fixes: [
        {
          messageId: 'dropAll',
          output: 'x-hardening: &hardening\n  cap_drop: [ALL]\nservices:\n  app:\n    <<: *hardening\n    image: nginx:1.27\n  db:\n    image: postgres:16\n    cap_drop: [ALL]\n',
        },
      ],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, severity: 'info', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n' }],
    },
    {
      kind: 'compose',
      name: 'strict preset raises it to warning',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
      options: { preset: 'strict' },
      errors: [{ messageId: 'keepsDefaults', data: { name: 'web' }, severity: 'warning', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n    cap_drop:\n      - ALL\n' }],
    },
    {
      kind: 'compose',
      name: 'cap_add is kept',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n    cap_drop:\n      - ALL\n' }],
    },
    {
      kind: 'compose',
      name: 'a flow list that drops some capabilities gets ALL appended',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [NET_RAW]\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [NET_RAW, ALL]\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF compose file',
      code: 'services:\r\n  db:\r\n    image: postgres:16\r\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'db' }, line: 2, column: 3, endLine: 2, endColumn: 5 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\r\n  db:\r\n    image: postgres:16\r\n    cap_drop:\r\n      - ALL\r\n' }],
    },
    {
      kind: 'run',
      code: 'docker run nginx:1.27\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'nginx:1.27' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'dropAll', output: 'docker run --cap-drop=ALL nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: 'run split over lines keeps its continuation style',
      code: 'docker run -d \\\n  --cap-add CHOWN \\\n  nginx:1.27\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'nginx:1.27' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'dropAll', output: 'docker run -d \\\n  --cap-drop=ALL \\\n  --cap-add CHOWN \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'flow sequences stay flow',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [NET_RAW]\n    cap_add: [NET_BIND_SERVICE]\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [NET_RAW, ALL]\n    cap_add: [NET_BIND_SERVICE]\n' }],
    },
    {
      kind: 'compose',
      name: '4-space indentation',
      code: 'services:\n    app:\n        image: nginx:1.27\n        cap_add:\n            - CHOWN\n        ports:\n            - "8080:80"\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      fixes: [{ messageId: 'dropAll', output: 'services:\n    app:\n        image: nginx:1.27\n        cap_add:\n            - CHOWN\n        cap_drop:\n            - ALL\n        ports:\n            - "8080:80"\n' }],
    },
    {
      kind: 'compose',
      name: 'service through a merge key: added at the service, the anchor untouched',
      code: 'x-base: &base\n  image: nginx:1.27\n  cap_add:\n    - CHOWN\nservices:\n  app:\n    <<: *base\n    ports:\n      - "8080:80"\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, line: 6, column: 3, endLine: 6, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'x-base: &base\n  image: nginx:1.27\n  cap_add:\n    - CHOWN\nservices:\n  app:\n    <<: *base\n    ports:\n      - "8080:80"\n    cap_drop:\n      - ALL\n' }],
    },
    {
      kind: 'compose',
      name: 'cap_drop from a merge key',
      code: 'x-base: &base\n  image: nginx:1.27\n  cap_drop:\n    - NET_RAW\nservices:\n  app:\n    <<: *base\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'app' }, line: 6, column: 3, endLine: 6, endColumn: 6 }],
      fixes: [{ messageId: 'dropAll', output: 'x-base: &base\n  image: nginx:1.27\n  cap_drop:\n    - NET_RAW\nservices:\n  app:\n    <<: *base\n    cap_drop:\n      - NET_RAW\n      - ALL\n' }],
    },
    {
      kind: 'run',
      name: 'tab-indented continuation lines',
      code: 'docker run \\\n\t--cap-add CHOWN \\\n\tnginx:1.27\n',
      errors: [{ messageId: 'keepsDefaults', data: { name: 'nginx:1.27' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'dropAll', output: 'docker run \\\n\t--cap-drop=ALL \\\n\t--cap-add CHOWN \\\n\tnginx:1.27\n' }],
    },
  ],
});
