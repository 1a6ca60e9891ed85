import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-sensitive-mount';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', name: 'the time zone, read-only, is harmless', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ./config:/etc/app:ro\n      - /srv/app/data:/data\n' },
    { kind: 'compose', name: 'named volume onto a sensitive target', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - docker-data:/var/lib/docker\nvolumes:\n  docker-data: {}\n' },
    { kind: 'compose', name: 'unknown host path stays silent', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ${HOST_DIR}:/data\n' },
    { kind: 'compose', name: 'runtime sockets are no-docker-socket-mount\'s finding', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
    { kind: 'compose', name: 'a path that only starts like /etc', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etcetera:/data\n' },
    { kind: 'run', code: 'docker run -v /opt/app:/app alpine:3.20\n' },
    { kind: 'compose', name: 'application data below /usr/share is not a host directory', code: 'services:\n  vpn:\n    image: linuxserver/wireguard:1.0.20210914\n    volumes:\n      - /usr/share/appdata/wireguard/config:/config\n      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro\n' },
    { kind: 'run', name: 'a project directory under a home is the user\'s own data', code: 'docker run -v /home/me/app:/app -v /root/project:/src -v ~/src/site:/site alpine:3.20\n' },
    { kind: 'compose', name: 'project and cache directories under a home, and a .ssh that is not directly in one', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ~/projects/app:/app\n      - /home/me/.cache/pip:/root/.cache/pip\n      - /home/me/app/.ssh:/keys\n      - ${HOME}/code:/code\n' },
    { kind: 'run', code: 'docker run --mount type=volume,source=logs,target=/var/log alpine:3.20\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'the time zone file, writable, is still reported',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/localtime:/etc/localtime\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc/localtime' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 23 },
        { messageId: 'exposed', data: { source: '/etc/localtime' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 23 },
      ],
      fixes: [{ messageId: 'makeTimeZoneReadOnly', safety: 'safe', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n' }],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host/etc\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 13 },
        { messageId: 'exposed', data: { source: '/etc' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 13 },
      ],
      fixes: [{ messageId: 'makeReadOnly', safety: 'review', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host/etc:ro\n' }],
    },
    {
      kind: 'compose',
      name: 'read-only: a warning and no fix',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /var/log/nginx:/logs:ro\n',
      errors: [{ messageId: 'exposed', data: { source: '/var/log/nginx' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 23 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'the host root',
      code: 'services:\n  agent:\n    image: alpine:3.20\n    volumes:\n      - "/:/host"\n',
      errors: [
        { messageId: 'writable', data: { source: '/' }, severity: 'error', line: 5, column: 10, endLine: 5, endColumn: 11 },
        { messageId: 'exposed', data: { source: '/' }, severity: 'warning', line: 5, column: 10, endLine: 5, endColumn: 11 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  agent:\n    image: alpine:3.20\n    volumes:\n      - "/:/host:ro"\n' }],
    },
    {
      kind: 'compose',
      name: 'long syntax with a path that needs normalizing',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: //proc/./sys\n        target: /host/proc\n',
      errors: [
        { messageId: 'writable', data: { source: '/proc/sys' }, severity: 'error', line: 6, column: 17, endLine: 6, endColumn: 29 },
        { messageId: 'exposed', data: { source: '/proc/sys' }, severity: 'warning', line: 6, column: 17, endLine: 6, endColumn: 29 },
      ],
      fixes: [
        {
          messageId: 'makeReadOnly',
          output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: //proc/./sys\n        target: /host/proc\n        read_only: true\n',
        },
      ],
    },
    {
      kind: 'run',
      code: 'docker run -v /:/host alpine:3.20\n',
      errors: [
        { messageId: 'writable', data: { source: '/' }, severity: 'error', line: 1, column: 15, endLine: 1, endColumn: 16 },
        { messageId: 'exposed', data: { source: '/' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 16 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run -v /:/host:ro alpine:3.20\n' }],
    },
    {
      kind: 'compose',
      name: 'a /usr/share directory root-run host services read',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /usr/share/polkit-1/rules.d:/rules\n',
      errors: [
        { messageId: 'writable', data: { source: '/usr/share/polkit-1/rules.d' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 36 },
        { messageId: 'exposed', data: { source: '/usr/share/polkit-1/rules.d' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 36 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /usr/share/polkit-1/rules.d:/rules:ro\n' }],
    },
    {
      kind: 'compose',
      name: 'a parent of a sensitive directory: /var/lib holds /var/lib/docker',
      code: 'services:\n  bench:\n    image: docker/docker-bench-security:1.6.0\n    volumes:\n      - /var/lib:/var/lib:ro\n      - /var/cache/app:/cache\n',
      errors: [{ messageId: 'exposed', data: { source: '/var/lib' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 17 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'a path folded by the kernel: //etc/../root is /root',
      code: 'docker run -v //etc/../root:/r:ro alpine:3.20\n',
      errors: [{ messageId: 'exposed', data: { source: '/root' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 28 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: '--mount readonly below /etc',
      code: 'docker run --mount type=bind,source=/etc/shadow,target=/shadow,readonly alpine:3.20\n',
      errors: [{ messageId: 'exposed', data: { source: '/etc/shadow' }, severity: 'warning', line: 1, column: 37, endLine: 1, endColumn: 48 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'run split over lines, /lib64',
      code: 'docker run -d \\\n  -v /lib64:/lib64 \\\n  alpine:3.20\n',
      errors: [
        { messageId: 'writable', data: { source: '/lib64' }, severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 12 },
        { messageId: 'exposed', data: { source: '/lib64' }, severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 12 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run -d \\\n  -v /lib64:/lib64:ro \\\n  alpine:3.20\n' }],
    },
    {
      kind: 'compose',
      name: 'flow list of short volumes',
      code: 'services:\n  app:\n    image: nginx:1.27\n    volumes: ["/etc:/host-etc", data:/data]\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc' }, line: 4, column: 16, endLine: 4, endColumn: 20 },
        { messageId: 'exposed', data: { source: '/etc' }, line: 4, column: 16, endLine: 4, endColumn: 20 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: nginx:1.27\n    volumes: ["/etc:/host-etc:ro", data:/data]\n' }],
    },
    {
      kind: 'compose',
      name: 'long syntax in a flow mapping',
      code: 'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - {type: bind, source: /root, target: /r}\n',
      errors: [
        { messageId: 'writable', data: { source: '/root' }, line: 5, column: 30, endLine: 5, endColumn: 35 },
        { messageId: 'exposed', data: { source: '/root' }, line: 5, column: 30, endLine: 5, endColumn: 35 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - {type: bind, source: /root, target: /r, read_only: true}\n' }],
    },
    {
      kind: 'compose',
      name: 'long syntax, CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        volumes:\r\n            - type: bind\r\n              source: /etc\r\n              target: /host-etc\r\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc' }, line: 6, column: 23, endLine: 6, endColumn: 27 },
        { messageId: 'exposed', data: { source: '/etc' }, line: 6, column: 23, endLine: 6, endColumn: 27 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        volumes:\r\n            - type: bind\r\n              source: /etc\r\n              target: /host-etc\r\n              read_only: true\r\n' }],
    },
    {
      kind: 'run',
      name: '--mount split over lines',
      code: 'docker run \\\n  --mount type=bind,source=/etc,target=/host-etc \\\n  nginx:1.27\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc' }, line: 2, column: 28, endLine: 2, endColumn: 32 },
        { messageId: 'exposed', data: { source: '/etc' }, line: 2, column: 28, endLine: 2, endColumn: 32 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run \\\n  --mount type=bind,source=/etc,target=/host-etc,readonly \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: '~/.ssh read-only is a warning',
      code: 'docker run -v ~/.ssh:/root/.ssh:ro alpine/git:2.45.2 clone git@example.com:org/repo.git\n',
      errors: [{ messageId: 'exposed', data: { source: '~/.ssh' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 21 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: '~/.ssh writable is an error, with the read-only fix',
      code: 'docker run -v ~/.ssh:/root/.ssh alpine/git:2.45.2\n',
      errors: [
        { messageId: 'writable', data: { source: '~/.ssh' }, severity: 'error', line: 1, column: 15, endLine: 1, endColumn: 21 },
        { messageId: 'exposed', data: { source: '~/.ssh' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 21 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run -v ~/.ssh:/root/.ssh:ro alpine/git:2.45.2\n' }],
    },
    {
      kind: 'run',
      name: '$HOME and ${HOME} credentials, a file below .docker, .config/gcloud through its parent',
      code: 'docker run -v "$HOME/.aws:/root/.aws:ro" -v ${HOME}/.docker/config.json:/c.json:ro -v $HOME/.config:/cfg:ro -v $HOME/.config/gcloud:/g:ro amazon/aws-cli:2.17.0\n',
      errors: [
        { messageId: 'exposed', data: { source: '$HOME/.aws' }, severity: 'warning', line: 1, column: 16, endLine: 1, endColumn: 26 },
        { messageId: 'exposed', data: { source: '${HOME}/.docker/config.json' }, severity: 'warning', line: 1, column: 45, endLine: 1, endColumn: 72 },
        { messageId: 'exposed', data: { source: '$HOME/.config' }, severity: 'warning', line: 1, column: 87, endLine: 1, endColumn: 100 },
        { messageId: 'exposed', data: { source: '$HOME/.config/gcloud' }, severity: 'warning', line: 1, column: 112, endLine: 1, endColumn: 132 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'credential files in any home, a whole home, /home itself',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /home/ci/.netrc:/root/.netrc:ro\n      - /root/.kube:/kube:ro\n      - ${HOME}/.npmrc:/root/.npmrc:ro\n      - /home/me:/me:ro\n      - /home:/homes:ro\n      - ~:/me2:ro\n',
      errors: [
        { messageId: 'exposed', data: { source: '/home/ci/.netrc' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 24 },
        { messageId: 'exposed', data: { source: '/root/.kube' }, severity: 'warning', line: 6, column: 9, endLine: 6, endColumn: 20 },
        { messageId: 'exposed', data: { source: '${HOME}/.npmrc' }, severity: 'warning', line: 7, column: 9, endLine: 7, endColumn: 23 },
        { messageId: 'exposed', data: { source: '/home/me' }, severity: 'warning', line: 8, column: 9, endLine: 8, endColumn: 17 },
        { messageId: 'exposed', data: { source: '/home' }, severity: 'warning', line: 9, column: 9, endLine: 9, endColumn: 14 },
        { messageId: 'exposed', data: { source: '~' }, severity: 'warning', line: 10, column: 9, endLine: 10, endColumn: 10 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a writable .git-credentials in the home: error and warning',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ~/.git-credentials:/root/.git-credentials\n',
      errors: [
        { messageId: 'writable', data: { source: '~/.git-credentials' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 27 },
        { messageId: 'exposed', data: { source: '~/.git-credentials' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 27 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ~/.git-credentials:/root/.git-credentials:ro\n' }],
    },
    {
      kind: 'compose',
      name: 'from a merge key: the volumes are overridden at the service',
      code: 'x-base: &base\n  volumes:\n    - /etc:/etc\n    - data:/data\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc' }, line: 3, column: 7, endLine: 3, endColumn: 11 },
        { messageId: 'exposed', data: { source: '/etc' }, line: 3, column: 7, endLine: 3, endColumn: 11 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'x-base: &base\n  volumes:\n    - /etc:/etc\n    - data:/data\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n    volumes:\n      - /etc:/etc:ro\n      - data:/data\n' }],
    },
    {
      kind: 'compose',
      name: 'a list merged into two services: no fix (a copy in one would split the findings)',
      code: 'x-base: &base\n  volumes:\n    - /etc:/etc\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n  web:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc' }, line: 3, column: 7, endLine: 3, endColumn: 11 },
        { messageId: 'exposed', data: { source: '/etc' }, line: 3, column: 7, endLine: 3, endColumn: 11 },
      ],
      fixes: [],
    },
  ],
});
