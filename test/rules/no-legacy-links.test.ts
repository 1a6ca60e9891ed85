import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-legacy-links';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n' },
    { kind: 'compose', code: 'services:\n  web:\n    image: nginx:1.27\n    links: ${LINKS}\n', name: 'a ${VAR} list stays silent' },
    { kind: 'run', code: 'docker run --network backend nginx:1.27' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - db\n      - "cache:redis"\n',
      errors: [
        { messageId: 'legacyLink', severity: 'info', data: { link: 'db' }, line: 5, column: 9, endLine: 5, endColumn: 11 },
        { messageId: 'legacyLink', data: { link: 'cache:redis' }, line: 6, column: 9, endLine: 6, endColumn: 22 },
      ],
      fixes: [
        { messageId: 'removeLink', output: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - "cache:redis"\n' },
        { messageId: 'removeLink', output: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - db\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'the only link: the key goes with it',
      code: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - db\n    restart: on-failure:5\n',
      errors: [{ messageId: 'legacyLink', data: { link: 'db' }, line: 5, column: 9, endLine: 5, endColumn: 11 }],
      fixes: [{ messageId: 'removeLink', output: 'services:\n  web:\n    image: nginx:1.27\n    restart: on-failure:5\n' }],
    },
    {
      kind: 'compose',
      name: 'a flow list',
      code: 'services:\n  web:\n    image: nginx:1.27\n    links: [db, cache]\n',
      errors: [
        { messageId: 'legacyLink', data: { link: 'db' }, line: 4, column: 13, endLine: 4, endColumn: 15 },
        { messageId: 'legacyLink', data: { link: 'cache' }, line: 4, column: 17, endLine: 4, endColumn: 22 },
      ],
      fixes: [
        { messageId: 'removeLink', output: 'services:\n  web:\n    image: nginx:1.27\n    links: [cache]\n' },
        { messageId: 'removeLink', output: 'services:\n  web:\n    image: nginx:1.27\n    links: [db]\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'through an anchor: points at the anchored list, no in-place fix',
      code: 'x-links: &links\n  - db\nservices:\n  web:\n    image: nginx:1.27\n    links: *links\n',
      errors: [{ messageId: 'legacyLink', data: { link: 'db' }, line: 2, column: 5, endLine: 2, endColumn: 7 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --link db:database --link=cache nginx:1.27',
      errors: [
        { messageId: 'legacyLink', data: { link: 'db:database' }, line: 1, column: 19, endLine: 1, endColumn: 30 },
        { messageId: 'legacyLink', data: { link: 'cache' }, line: 1, column: 38, endLine: 1, endColumn: 43 },
      ],
      fixes: [
        { messageId: 'removeLink', output: 'docker run --link=cache nginx:1.27' },
        { messageId: 'removeLink', output: 'docker run --link db:database nginx:1.27' },
      ],
    },
    {
      kind: 'run',
      name: 'split over lines with backslashes',
      code: 'docker run -d \\\n  --link db:database \\\n  --link=cache \\\n  nginx:1.27',
      errors: [
        { messageId: 'legacyLink', data: { link: 'db:database' }, line: 2, column: 10, endLine: 2, endColumn: 21 },
        { messageId: 'legacyLink', data: { link: 'cache' }, line: 3, column: 10, endLine: 3, endColumn: 15 },
      ],
      fixes: [
        { messageId: 'removeLink', output: 'docker run -d \\\n  --link=cache \\\n  nginx:1.27' },
        { messageId: 'removeLink', output: 'docker run -d \\\n  --link db:database \\\n  nginx:1.27' },
      ],
    },
    {
      kind: 'compose',
      name: 'flow list',
      code: 'services:\n  app:\n    image: nginx:1.27\n    links: [db, "cache:redis"]\n',
      errors: [
        { messageId: 'legacyLink', data: { link: 'db' }, line: 4, column: 13, endLine: 4, endColumn: 15 },
        { messageId: 'legacyLink', data: { link: 'cache:redis' }, line: 4, column: 17, endLine: 4, endColumn: 30 },
      ],
      fixes: [
        { messageId: 'removeLink', output: 'services:\n  app:\n    image: nginx:1.27\n    links: ["cache:redis"]\n' },
        { messageId: 'removeLink', output: 'services:\n  app:\n    image: nginx:1.27\n    links: [db]\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        links:\r\n            - db\r\n',
      errors: [{ messageId: 'legacyLink', data: { link: 'db' }, line: 5, column: 15, endLine: 5, endColumn: 17 }],
      fixes: [{ messageId: 'removeLink', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines with tabs',
      code: 'docker run \\\n\t--link db \\\n\tnginx:1.27\n',
      errors: [{ messageId: 'legacyLink', data: { link: 'db' }, line: 2, column: 9, endLine: 2, endColumn: 11 }],
      fixes: [{ messageId: 'removeLink', output: 'docker run \\\n\tnginx:1.27\n' }],
    },
  ],
});
