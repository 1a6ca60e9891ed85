import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-shared-mount-propagation';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /mnt:/mnt:rslave\n      - /srv:/srv:ro,private\n      - data:/data\n' },
    {
      kind: 'compose',
      name: 'long syntax with slave propagation',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: rslave\n',
    },
    { kind: 'compose', name: 'propagation behind a variable is unknown', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /mnt:/mnt:${PROPAGATION}\n' },
    { kind: 'run', code: 'docker run -v /mnt:/mnt:ro,rslave --mount type=bind,src=/a,dst=/a,bind-propagation=rprivate alpine:3.20\n' },
    { kind: 'run', name: 'a directory named shared is not an option', code: 'docker run -v /srv/shared:/shared alpine:3.20\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /mnt/data:/data:rshared\n',
      errors: [{ messageId: 'shared', data: { target: '/data', mode: 'rshared' }, severity: 'warning', line: 5, column: 25, endLine: 5, endColumn: 32 }],
      fixes: [{ messageId: 'removePropagation', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /mnt/data:/data\n' }],
    },
    {
      kind: 'compose',
      name: 'with SYS_ADMIN the container can mount: an error; other options are kept',
      code: 'services:\n  fuse:\n    image: rclone/rclone:1.67\n    cap_add: [SYS_ADMIN]\n    volumes:\n      - "/mnt/remote:/data:shared,z"\n',
      errors: [{ messageId: 'sharedCanMount', data: { target: '/data', mode: 'shared' }, severity: 'error', line: 6, column: 28, endLine: 6, endColumn: 34 }],
      fixes: [{ messageId: 'removePropagation', output: 'services:\n  fuse:\n    image: rclone/rclone:1.67\n    cap_add: [SYS_ADMIN]\n    volumes:\n      - "/mnt/remote:/data:z"\n' }],
    },
    {
      kind: 'compose',
      name: 'long syntax: bind.propagation goes, with bind: when it is left empty',
      code: 'services:\n  app:\n    image: alpine:3.20\n    privileged: true\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: rshared\n',
      errors: [{ messageId: 'sharedCanMount', data: { target: '/mnt', mode: 'rshared' }, severity: 'error', line: 10, column: 24, endLine: 10, endColumn: 31 }],
      fixes: [{ messageId: 'removePropagation', output: 'services:\n  app:\n    image: alpine:3.20\n    privileged: true\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n' }],
    },
    {
      kind: 'compose',
      name: 'through a shared anchor: reported, no fix',
      code: 'x-vol: &vol\n  - /mnt:/mnt:rshared\nservices:\n  a:\n    image: alpine:3.20\n    volumes: *vol\n  b:\n    image: alpine:3.20\n    volumes: *vol\n',
      errors: [{ messageId: 'shared', data: { target: '/mnt', mode: 'rshared' }, line: 2, column: 15, endLine: 2, endColumn: 22 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -d \\\n  -v /mnt:/mnt:ro,rshared \\\n  alpine:3.20\n',
      errors: [{ messageId: 'shared', data: { target: '/mnt', mode: 'rshared' }, line: 2, column: 19, endLine: 2, endColumn: 26 }],
      fixes: [{ messageId: 'removePropagation', output: 'docker run -d \\\n  -v /mnt:/mnt:ro \\\n  alpine:3.20\n' }],
    },
    {
      kind: 'run',
      name: '--mount: the whole bind-propagation item is reported and removed',
      code: 'docker run --privileged --mount type=bind,bind-propagation=Shared,src=/m,dst=/m alpine:3.20\n',
      errors: [{ messageId: 'sharedCanMount', data: { target: '/m', mode: 'shared' }, severity: 'error', line: 1, column: 43, endLine: 1, endColumn: 66 }],
      fixes: [{ messageId: 'removePropagation', output: 'docker run --privileged --mount type=bind,src=/m,dst=/m alpine:3.20\n' }],
    },
  ],
});
