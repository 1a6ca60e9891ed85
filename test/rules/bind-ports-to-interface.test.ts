import { ruleTester } from '../ruleTester';
import rule from '../../rules/bind-ports-to-interface';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - "<port>:80"\n', name: 'a placeholder host port may stand for an address: unknown' },
    { kind: 'compose', code: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n' },
    { kind: 'compose', name: 'an explicit 0.0.0.0 is a deliberate choice', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 0.0.0.0:443:443\n' },
    { kind: 'compose', name: 'expose does not publish', code: 'services:\n  api:\n    image: node:22\n    expose:\n      - "3000"\n' },
    { kind: 'compose', name: 'a long-syntax port with host_ip', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n' },
    { kind: 'compose', name: 'an interpolated port may carry its host IP', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ${PORT}:80\n      - ${WEB_PORTS}\n' },
    { kind: 'compose', name: 'a defaulted variable host port is unknown too (its colon is not a separator)', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ${PORT:-8080}:80\n      - "${ADMIN_PORT:-127.0.0.1:9000}:9000"\n' },
    { kind: 'run', code: 'docker run -p 127.0.0.1:8080:80 -p [::1]:5353:53/udp nginx:1.27' },
    { kind: 'run', code: 'docker run --expose 3000 node:22', name: '--expose does not publish' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n      - 127.0.0.1:8080:80\n',
      errors: [{ messageId: 'allInterfaces', severity: 'info', data: { port: '5432:5432' }, line: 5, column: 9, endLine: 5, endColumn: 20 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n      - 127.0.0.1:8080:80\n' }],
    },
    {
      kind: 'compose',
      name: 'strict preset raises it to a warning',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n',
      options: { preset: 'strict' },
      errors: [{ messageId: 'allInterfaces', severity: 'warning', data: { port: '8080:80' }, line: 5, column: 9, endLine: 5, endColumn: 16 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 127.0.0.1:8080:80\n' }],
    },
    {
      kind: 'compose',
      name: 'through an anchor: points at the anchored port, no in-place fix',
      code: 'x-ports: &ports\n  - "9090:9090"\nservices:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n    ports: *ports\n',
      errors: [{ messageId: 'allInterfaces', data: { port: '9090:9090' }, line: 2, column: 5, endLine: 2, endColumn: 16 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'the message names the port without its YAML quotes, and a long-syntax port in short form',
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8000:8000'\n      - target: 53\n        published: 5353\n        protocol: udp\n",
      errors: [
        { messageId: 'allInterfaces', message: 'Port "8000:8000" is published on every host interface; bind it to 127.0.0.1 (or a specific address) unless other machines must reach it.', line: 5, column: 9, endLine: 5, endColumn: 20 },
        { messageId: 'allInterfaces', message: 'Port "5353:53/udp" is published on every host interface; bind it to 127.0.0.1 (or a specific address) unless other machines must reach it.', line: 6, column: 9, endLine: 8, endColumn: 22 },
      ],
      fixes: [
        { messageId: 'bindToLocalhost', output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '127.0.0.1:8000:8000'\n      - target: 53\n        published: 5353\n        protocol: udp\n" },
        { messageId: 'bindToLocalhost', output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8000:8000'\n      - target: 53\n        published: 5353\n        protocol: udp\n        host_ip: 127.0.0.1\n" },
      ],
    },
    {
      kind: 'run',
      code: 'docker run -p 8080:80 -p 127.0.0.1:5432:5432 -P nginx:1.27',
      errors: [
        { messageId: 'allInterfaces', data: { port: '8080:80' }, line: 1, column: 15, endLine: 1, endColumn: 22 },
        { messageId: 'publishAll', data: { flag: '-P' }, line: 1, column: 46, endLine: 1, endColumn: 48 },
      ],
      fixes: [{ messageId: 'bindToLocalhost', output: 'docker run -p 127.0.0.1:8080:80 -p 127.0.0.1:5432:5432 -P nginx:1.27' }],
    },
    {
      kind: 'run',
      name: 'split over lines: --publish-all and a random host port',
      code: 'docker run -d \\\n  --publish-all \\\n  -p 80 \\\n  nginx:1.27',
      errors: [
        { messageId: 'publishAll', data: { flag: '--publish-all' }, line: 2, column: 3, endLine: 2, endColumn: 16 },
        { messageId: 'allInterfaces', data: { port: '80' }, line: 3, column: 6, endLine: 3, endColumn: 8 },
      ],
      fixes: [{ messageId: 'bindToLocalhost', output: 'docker run -d \\\n  --publish-all \\\n  -p 127.0.0.1::80 \\\n  nginx:1.27' }],
    },
    {
      kind: 'compose',
      name: 'flow list keeps its quotes',
      code: 'services:\n  app:\n    image: nginx:1.27\n    ports: ["8080:80", \'8443:443\']\n',
      errors: [
        { messageId: 'allInterfaces', data: { port: '8080:80' }, line: 4, column: 13, endLine: 4, endColumn: 22 },
        { messageId: 'allInterfaces', data: { port: '8443:443' }, line: 4, column: 24, endLine: 4, endColumn: 34 },
      ],
      fixes: [
        { messageId: 'bindToLocalhost', output: 'services:\n  app:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80", \'8443:443\']\n' },
        { messageId: 'bindToLocalhost', output: 'services:\n  app:\n    image: nginx:1.27\n    ports: ["8080:80", \'127.0.0.1:8443:443\']\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'long syntax in a flow mapping',
      code: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - {target: 80, published: 8080}\n',
      errors: [{ messageId: 'allInterfaces', data: { port: '8080:80' }, line: 5, column: 9, endLine: 5, endColumn: 38 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - {target: 80, published: 8080, host_ip: 127.0.0.1}\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        ports:\r\n            - 8080:80\r\n',
      errors: [{ messageId: 'allInterfaces', data: { port: '8080:80' }, line: 5, column: 15, endLine: 5, endColumn: 22 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        ports:\r\n            - 127.0.0.1:8080:80\r\n' }],
    },
    {
      kind: 'compose',
      name: 'from a merge key: the ports are overridden at the service',
      code: 'x-base: &base\n  ports:\n    - "8080:80"\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ messageId: 'allInterfaces', data: { port: '8080:80' }, line: 3, column: 7, endLine: 3, endColumn: 16 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'x-base: &base\n  ports:\n    - "8080:80"\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines with tabs',
      code: 'docker run \\\n\t-p 8080:80 \\\n\tnginx:1.27\n',
      errors: [{ messageId: 'allInterfaces', data: { port: '8080:80' }, line: 2, column: 5, endLine: 2, endColumn: 12 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'docker run \\\n\t-p 127.0.0.1:8080:80 \\\n\tnginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'a random host port: bound as IP::PORT',
      code: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - 80\n',
      errors: [{ messageId: 'allInterfaces', data: { port: '80' }, line: 5, column: 9, endLine: 5, endColumn: 11 }],
      fixes: [{ messageId: 'bindToLocalhost', output: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - 127.0.0.1::80\n' }],
    },
  ],
});
