import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-sensitive-mount';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', name: 'the time zone, read-only, is harmless', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ./config:/etc/app:ro\n      - /srv/app/data:/data\n' },
    { kind: 'compose', name: 'named volume onto a sensitive target', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - docker-data:/var/lib/docker\nvolumes:\n  docker-data: {}\n' },
    { kind: 'compose', name: 'unknown host path stays silent', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ${HOST_DIR}:/data\n      - ${DATA_DIR}/etc:/etc/app\n' },
    { kind: 'compose', name: 'runtime sockets and the directories holding them are no-docker-socket-mount\'s finding', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - /var/run:/var/run:ro\n      - /run/containerd:/run/containerd\n' },
    { kind: 'compose', name: 'devices mounted as volumes are no-host-devices\' finding', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /dev/ttyUSB0:/dev/ttyUSB0\n      - /dev/sda:/dev/sda\n      - /dev/bus/usb:/dev/bus/usb\n' },
    { kind: 'compose', name: 'a path that only starts like /etc', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etcetera:/data\n' },
    { kind: 'run', code: 'docker run -v /opt/app:/app alpine:3.20\n' },
    { kind: 'compose', name: 'application data below /usr/share is not a host directory', code: 'services:\n  vpn:\n    image: linuxserver/wireguard:1.0.20210914\n    volumes:\n      - /usr/share/appdata/wireguard/config:/config\n      - /usr/share/nginx/html:/usr/share/nginx/html\n' },
    { kind: 'run', name: 'a project directory under a home is the user\'s own data', code: 'docker run -v /home/me/app:/app -v /root/project:/src -v ~/src/site:/site alpine:3.20\n' },
    { kind: 'compose', name: 'project and cache directories under a home, and a .ssh that is not directly in one', code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ~/projects/app:/app\n      - /home/me/.cache/pip:/root/.cache/pip\n      - /home/me/app/.ssh:/keys\n      - ${HOME}/code:/code\n' },
    { kind: 'run', code: 'docker run --mount type=volume,source=logs,target=/var/log alpine:3.20\n' },
    { kind: 'run', name: 'a Windows project directory and data drive', code: 'docker run -v "C:\\Users\\me\\projects\\app:/app" -v D:\\\\data:/data alpine:3.20\n' },
    {
      kind: 'compose',
      name: 'system software and reference data read-only: kernel modules, systemd units, headers, boot files, CA certificates, accounts, os-release',
      code: 'services:\n  falco:\n    image: falcosecurity/falco:0.38.1\n    volumes:\n      - /lib/modules:/lib/modules:ro\n      - /usr/lib/systemd:/usr/lib/systemd:ro\n      - /usr/src:/usr/src:ro\n      - /boot:/host/boot:ro\n      - /etc/ssl/certs:/etc/ssl/certs:ro\n      - /etc/passwd:/host/etc/passwd:ro\n      - /etc/group:/host/etc/group:ro\n      - /etc/os-release:/host/etc/os-release:ro\n      - /etc/hosts:/etc/hosts:ro\n      - /etc/machine-id:/etc/machine-id:ro\n      - /run/udev:/run/udev:ro\n      - /sys/fs/cgroup:/sys/fs/cgroup:ro\n',
    },
    {
      kind: 'compose',
      name: 'application sockets are what the container is for: a database, audio, PHP-FPM, the journal',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /var/run/mysqld/mysqld.sock:/var/run/mysqld/mysqld.sock\n      - /run/user/1000/pulse:/run/user/1000/pulse\n      - /run/php:/run/php\n      - /var/run/postgresql:/var/run/postgresql\n      - /run/systemd/journal:/run/systemd/journal\n      - /dev/log:/dev/log\n' },
    { kind: 'compose', name: 'a service\'s own directory in /etc, read-only', code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - /etc/letsencrypt:/etc/letsencrypt:ro\n      - /etc/nginx/conf.d:/etc/nginx/conf.d:ro\n' },
    { kind: 'compose', name: 'an application\'s logs and data in host directories, one volume\'s data', code: 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - /var/log/mysql:/var/log/mysql\n      - /var/lib/mysql:/var/lib/mysql\n      - /var/lib/docker/volumes/db/_data:/backup:ro\n' },
    { kind: 'run', name: 'harmless pseudo-devices and single /proc counters', code: 'docker run -v /dev/urandom:/dev/random -v /dev/null:/app/secret.txt -v /proc/cpuinfo:/proc/cpuinfo:ro -v /proc/meminfo:/proc/meminfo alpine:3.20\n' },
    { kind: 'run', name: 'files below a home that hold no secret, read-only', code: 'docker run -v ~/.ssh/known_hosts:/root/.ssh/known_hosts:ro -v ~/.gitconfig:/root/.gitconfig:ro -v ~/.bashrc:/root/.bashrc:ro alpine/git:2.45.2\n' },
    { kind: 'compose', name: 'directories of device symlinks, which resolve inside the container', code: 'services:\n  cadvisor:\n    image: gcr.io/cadvisor/cadvisor:v0.49.1\n    volumes:\n      - /dev/disk/:/dev/disk:ro\n      - /dev/serial/by-id:/dev/serial/by-id\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      name: 'the time zone file, writable, can change the host\'s: a warning with the read-only fix',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/localtime:/etc/localtime\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc/localtime', writes: 'change data every host program reads (its time zone, its identity)', remedy: 'mount it read-only' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 23 },
      ],
      fixes: [{ messageId: 'makeTimeZoneReadOnly', safety: 'safe', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n' }],
    },
    {
      kind: 'compose',
      name: "the host's identity file, writable: the read-only fix needs a review (only the time zone is mounted purely to be read)",
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/machine-id:/etc/machine-id\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc/machine-id', writes: 'change data every host program reads (its time zone, its identity)', remedy: 'mount it read-only' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 24 },
      ],
      fixes: [{ messageId: 'makeReadOnly', safety: 'review', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/machine-id:/etc/machine-id:ro\n' }],
    },
    {
      kind: 'compose',
      name: '/etc writable: one error that says both, and no read-only fix (read-only, it would still expose secrets)',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host/etc\n',
      errors: [
        { messageId: 'writableExposed', data: { source: '/etc', reads: 'read the host\'s password hashes, SSH host keys and service configuration', writes: 'add a user, a sudo rule or a service the host starts as root' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 13 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: '/etc read-only: a warning',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host/etc:ro\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/etc', reads: 'read the host\'s password hashes, SSH host keys and service configuration' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 13 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'the host root, writable',
      code: 'services:\n  agent:\n    image: alpine:3.20\n    volumes:\n      - \"/:/host\"\n',
      errors: [
        { messageId: 'writableExposed', data: { source: '/', reads: 'read every host file, password hashes, keys and other containers\' data included (and, as root, reach the runtime socket under /run)', writes: 'change any host file: add a user, replace a program root runs, edit another container\'s files' }, severity: 'error', line: 5, column: 10, endLine: 5, endColumn: 11 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'long syntax with a path that needs normalizing: /proc/sys writable',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: //proc/./sys\n        target: /host/proc\n',
      errors: [
        { messageId: 'writable', data: { source: '/proc/sys', writes: 'change kernel settings (core_pattern, sysrq, binfmt_misc) and so run commands as root on the host', remedy: 'mount it read-only' }, severity: 'error', line: 6, column: 17, endLine: 6, endColumn: 29 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -v /:/host alpine:3.20\n',
      errors: [
        { messageId: 'writableExposed', data: { source: '/', reads: 'read every host file, password hashes, keys and other containers\' data included (and, as root, reach the runtime socket under /run)', writes: 'change any host file: add a user, replace a program root runs, edit another container\'s files' }, severity: 'error', line: 1, column: 15, endLine: 1, endColumn: 16 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a /usr/share directory root-run host services read',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /usr/share/polkit-1/rules.d:/rules\n',
      errors: [
        { messageId: 'writable', data: { source: '/usr/share/polkit-1/rules.d', writes: 'add a service or a polkit rule the host runs as root', remedy: 'mount it read-only' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 36 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /usr/share/polkit-1/rules.d:/rules:ro\n' }],
    },
    {
      kind: 'compose',
      name: 'a parent of a sensitive directory: /var/lib holds /var/lib/docker',
      code: 'services:\n  bench:\n    image: docker/docker-bench-security:1.6.0\n    volumes:\n      - /var/lib:/var/lib:ro\n      - /var/cache/app:/cache\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/var/lib', reads: 'read every container\'s files, volumes and configuration, the secrets in their environment variables included (in /var/lib/docker)' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 17 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'a path folded by the kernel: //etc/../root is /root',
      code: 'docker run -v //etc/../root:/r:ro alpine:3.20\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/root', reads: 'read the user\'s files, SSH keys and cloud tokens included' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 28 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: '--mount readonly: /etc/shadow',
      code: 'docker run --mount type=bind,source=/etc/shadow,target=/shadow,readonly alpine:3.20\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/etc/shadow', reads: 'read the host\'s password hashes' }, severity: 'warning', line: 1, column: 37, endLine: 1, endColumn: 48 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'run split over lines, /lib64',
      code: 'docker run -d \\\n  -v /lib64:/lib64 \\\n  alpine:3.20\n',
      errors: [
        { messageId: 'writable', data: { source: '/lib64', writes: 'replace a program or library the host runs as root', remedy: 'mount it read-only' }, severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 12 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run -d \\\n  -v /lib64:/lib64:ro \\\n  alpine:3.20\n' }],
    },
    {
      kind: 'compose',
      name: 'flow list of short volumes',
      code: 'services:\n  app:\n    image: nginx:1.27\n    volumes: [\"/usr:/host-usr\", data:/data]\n',
      errors: [
        { messageId: 'writable', data: { source: '/usr', writes: 'replace a program or library the host runs as root', remedy: 'mount it read-only' }, severity: 'error', line: 4, column: 16, endLine: 4, endColumn: 20 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: nginx:1.27\n    volumes: [\"/usr:/host-usr:ro\", data:/data]\n' }],
    },
    {
      kind: 'compose',
      name: 'long syntax in a flow mapping',
      code: 'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - {type: bind, source: /boot, target: /b}\n',
      errors: [
        { messageId: 'writable', data: { source: '/boot', writes: 'replace the kernel or boot loader the host starts next', remedy: 'mount it read-only' }, severity: 'error', line: 5, column: 30, endLine: 5, endColumn: 35 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - {type: bind, source: /boot, target: /b, read_only: true}\n' }],
    },
    {
      kind: 'compose',
      name: 'long syntax, CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        volumes:\r\n            - type: bind\r\n              source: /sbin\r\n              target: /host-sbin\r\n',
      errors: [
        { messageId: 'writable', data: { source: '/sbin', writes: 'replace a program or library the host runs as root', remedy: 'mount it read-only' }, severity: 'error', line: 6, column: 23, endLine: 6, endColumn: 28 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        volumes:\r\n            - type: bind\r\n              source: /sbin\r\n              target: /host-sbin\r\n              read_only: true\r\n' }],
    },
    {
      kind: 'run',
      name: '--mount split over lines',
      code: 'docker run \\\n  --mount type=bind,source=/usr/local/bin,target=/host-bin \\\n  nginx:1.27\n',
      errors: [
        { messageId: 'writable', data: { source: '/usr/local/bin', writes: 'replace a program or library the host runs as root', remedy: 'mount it read-only' }, severity: 'error', line: 2, column: 28, endLine: 2, endColumn: 42 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'docker run \\\n  --mount type=bind,source=/usr/local/bin,target=/host-bin,readonly \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: '~/.ssh read-only is a warning',
      code: 'docker run -v ~/.ssh:/root/.ssh:ro alpine/git:2.45.2 clone git@example.com:org/repo.git\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '~/.ssh', reads: 'read the user\'s SSH private keys' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 21 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: '~/.ssh writable is one error, without a read-only fix',
      code: 'docker run -v ~/.ssh:/root/.ssh alpine/git:2.45.2\n',
      errors: [
        { messageId: 'writableExposed', data: { source: '~/.ssh', reads: 'read the user\'s SSH private keys', writes: 'add an authorized key or an SSH config command that logs in or runs commands as the user' }, severity: 'error', line: 1, column: 15, endLine: 1, endColumn: 21 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: '$HOME and ${HOME} credentials, a file below .docker, .config/gcloud through its parent',
      code: 'docker run -v \"$HOME/.aws:/root/.aws:ro\" -v ${HOME}/.docker/config.json:/c.json:ro -v $HOME/.config:/cfg:ro -v $HOME/.config/gcloud:/g:ro amazon/aws-cli:2.17.0\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '$HOME/.aws', reads: 'read the user\'s cloud credentials' }, severity: 'warning', line: 1, column: 16, endLine: 1, endColumn: 26 },
        { messageId: 'readOnlyExposed', data: { source: '${HOME}/.docker/config.json', reads: 'read the user\'s registry credentials' }, severity: 'warning', line: 1, column: 45, endLine: 1, endColumn: 72 },
        { messageId: 'readOnlyExposed', data: { source: '$HOME/.config', reads: 'read the user\'s cloud credentials (in $HOME/.config/gcloud)' }, severity: 'warning', line: 1, column: 87, endLine: 1, endColumn: 100 },
        { messageId: 'readOnlyExposed', data: { source: '$HOME/.config/gcloud', reads: 'read the user\'s cloud credentials' }, severity: 'warning', line: 1, column: 112, endLine: 1, endColumn: 132 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'credential files in any home, a whole home, /home itself',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /home/ci/.netrc:/root/.netrc:ro\n      - /root/.kube:/kube:ro\n      - ${HOME}/.npmrc:/root/.npmrc:ro\n      - /home/me:/me:ro\n      - /home:/homes:ro\n      - ~:/me2:ro\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/home/ci/.netrc', reads: 'read the user\'s tokens for Git hosts and package registries' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 24 },
        { messageId: 'readOnlyExposed', data: { source: '/root/.kube', reads: 'read the user\'s Kubernetes credentials' }, severity: 'warning', line: 6, column: 9, endLine: 6, endColumn: 20 },
        { messageId: 'readOnlyExposed', data: { source: '${HOME}/.npmrc', reads: 'read the user\'s tokens for Git hosts and package registries' }, severity: 'warning', line: 7, column: 9, endLine: 7, endColumn: 23 },
        { messageId: 'readOnlyExposed', data: { source: '/home/me', reads: 'read the user\'s files, SSH keys and cloud tokens included' }, severity: 'warning', line: 8, column: 9, endLine: 8, endColumn: 17 },
        { messageId: 'readOnlyExposed', data: { source: '/home', reads: 'read every user\'s files, SSH keys and cloud tokens included' }, severity: 'warning', line: 9, column: 9, endLine: 9, endColumn: 14 },
        { messageId: 'readOnlyExposed', data: { source: '~', reads: 'read the user\'s files, SSH keys and cloud tokens included' }, severity: 'warning', line: 10, column: 9, endLine: 10, endColumn: 10 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a writable .git-credentials in the home: one error',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ~/.git-credentials:/root/.git-credentials\n',
      errors: [
        { messageId: 'writableExposed', data: { source: '~/.git-credentials', reads: 'read the user\'s tokens for Git hosts and package registries', writes: 'plant credentials the user\'s tools will use' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 27 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'from a merge key: the volumes are overridden at the service',
      code: 'x-base: &base\n  volumes:\n    - /lib/modules:/lib/modules\n    - data:/data\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [
        { messageId: 'writable', data: { source: '/lib/modules', writes: 'plant a kernel module the host loads', remedy: 'mount it read-only' }, severity: 'error', line: 3, column: 7, endLine: 3, endColumn: 19 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'x-base: &base\n  volumes:\n    - /lib/modules:/lib/modules\n    - data:/data\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n    volumes:\n      - /lib/modules:/lib/modules:ro\n      - data:/data\n' }],
    },
    {
      kind: 'compose',
      name: 'a list merged into two services: no fix (a copy in one would split the findings)',
      code: 'x-base: &base\n  volumes:\n    - /lib/modules:/lib/modules\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n  web:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [
        { messageId: 'writable', data: { source: '/lib/modules', writes: 'plant a kernel module the host loads', remedy: 'mount it read-only' }, severity: 'error', line: 3, column: 7, endLine: 3, endColumn: 19 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a monitoring agent: /proc and /sys read-only are information, / read-only a warning',
      code: 'services:\n  node-exporter:\n    image: prom/node-exporter:v1.8.2\n    volumes:\n      - /proc:/host/proc:ro\n      - /sys:/host/sys:ro\n      - /:/rootfs:ro\n',
      errors: [
        { messageId: 'readOnlyInformation', data: { source: '/proc', reads: 'see every host process with its command line, and the host\'s mounts and network' }, severity: 'info', line: 5, column: 9, endLine: 5, endColumn: 14 },
        { messageId: 'readOnlyInformation', data: { source: '/sys', reads: 'see the host\'s hardware, kernel and cgroup settings' }, severity: 'info', line: 6, column: 9, endLine: 6, endColumn: 13 },
        { messageId: 'readOnlyExposed', data: { source: '/', reads: 'read every host file, password hashes, keys and other containers\' data included (and, as root, reach the runtime socket under /run)' }, severity: 'warning', line: 7, column: 9, endLine: 7, endColumn: 10 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: '/proc and /sys writable: errors, and no read-only fix (read-only, they are still information)',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /proc:/host/proc\n      - /sys:/sys\n',
      errors: [
        { messageId: 'writable', data: { source: '/proc', writes: 'change kernel settings (core_pattern, sysrq, binfmt_misc) and so run commands as root on the host', remedy: 'mount it read-only' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 14 },
        { messageId: 'writable', data: { source: '/sys', writes: 'change kernel settings (the uevent helper) and so run commands as root on the host', remedy: 'mount it read-only' }, severity: 'error', line: 6, column: 9, endLine: 6, endColumn: 13 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'host service sockets: the same read-only or not',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /run/dbus:/run/dbus:ro\n      - /var/run/dbus/system_bus_socket:/var/run/dbus/system_bus_socket\n      - /run/systemd:/run/systemd:ro\n      - /run/user/1000:/run/user/1000\n',
      errors: [
        { messageId: 'reachable', data: { source: '/run/dbus', reads: 'send requests to host services over the system D-Bus (systemd among them, which acts for a root caller)' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 18 },
        { messageId: 'reachable', data: { source: '/var/run/dbus/system_bus_socket', reads: 'send requests to host services over the system D-Bus (systemd among them, which acts for a root caller)' }, severity: 'warning', line: 6, column: 9, endLine: 6, endColumn: 40 },
        { messageId: 'reachable', data: { source: '/run/systemd', reads: 'send commands to systemd itself, which starts any service as root (in /run/systemd/private)' }, severity: 'error', line: 7, column: 9, endLine: 7, endColumn: 21 },
        { messageId: 'reachable', data: { source: '/run/user/1000', reads: 'reach the user\'s session bus, agents and rootless runtime sockets, and so act as that user' }, severity: 'warning', line: 8, column: 9, endLine: 8, endColumn: 23 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a service\'s directory in the host\'s /etc, writable: information, with the read-only fix',
      code: 'services:\n  pihole:\n    image: pihole/pihole:2024.07.0\n    volumes:\n      - /etc/pihole:/etc/pihole\n      - /etc/dnsmasq.d:/etc/dnsmasq.d\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc/pihole', writes: 'change configuration in the host\'s /etc that a service of the host may read', remedy: 'keep the container\'s own data in a project directory or a volume, or mount it read-only' }, severity: 'info', line: 5, column: 9, endLine: 5, endColumn: 20 },
        { messageId: 'writable', data: { source: '/etc/dnsmasq.d', writes: 'change configuration in the host\'s /etc that a service of the host may read', remedy: 'keep the container\'s own data in a project directory or a volume, or mount it read-only' }, severity: 'info', line: 6, column: 9, endLine: 6, endColumn: 23 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  pihole:\n    image: pihole/pihole:2024.07.0\n    volumes:\n      - /etc/pihole:/etc/pihole:ro\n      - /etc/dnsmasq.d:/etc/dnsmasq.d\n' }, { messageId: 'makeReadOnly', output: 'services:\n  pihole:\n    image: pihole/pihole:2024.07.0\n    volumes:\n      - /etc/pihole:/etc/pihole\n      - /etc/dnsmasq.d:/etc/dnsmasq.d:ro\n' }],
    },
    {
      kind: 'compose',
      name: '/dev as a whole and the host\'s shared memory',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /dev:/dev\n      - /dev:/host-dev:ro\n      - /dev/shm:/dev/shm\n',
      errors: [
        { messageId: 'writableExposed', data: { source: '/dev', reads: 'open the host\'s device nodes, terminals and shared memory (every disk too, when privileged)', writes: 'write to the host\'s devices, terminals and shared memory' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 13 },
        { messageId: 'readOnlyExposed', data: { source: '/dev', reads: 'open the host\'s device nodes, terminals and shared memory (every disk too, when privileged)' }, severity: 'warning', line: 6, column: 9, endLine: 6, endColumn: 13 },
        { messageId: 'writableExposed', data: { source: '/dev/shm', reads: 'read the shared memory and message queues of host processes (as ipc: host does)', writes: 'change the data host processes share there' }, severity: 'warning', line: 7, column: 9, endLine: 7, endColumn: 17 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'log shippers: every container\'s configuration is a warning, every host log information',
      code: 'services:\n  promtail:\n    image: grafana/promtail:3.1.0\n    volumes:\n      - /var/lib/docker/containers:/var/lib/docker/containers:ro\n      - /var/log:/var/log:ro\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/var/lib/docker/containers', reads: 'read every container\'s files, volumes and configuration, the secrets in their environment variables included' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 35 },
        { messageId: 'readOnlyInformation', data: { source: '/var/log', reads: 'read every host log' }, severity: 'info', line: 6, column: 9, endLine: 6, endColumn: 17 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'files host programs read: accounts, name resolution, udev, a shell profile, cgroups',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/passwd:/etc/passwd\n      - /etc/hosts:/etc/hosts\n      - /var/run/udev:/run/udev\n      - ~/.bashrc:/root/.bashrc\n      - /sys/fs/cgroup:/sys/fs/cgroup\n',
      errors: [
        { messageId: 'writable', data: { source: '/etc/passwd', writes: 'add a host user or give one UID 0', remedy: 'mount it read-only' }, severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 20 },
        { messageId: 'writable', data: { source: '/etc/hosts', writes: 'redirect the host\'s name resolution', remedy: 'mount it read-only' }, severity: 'warning', line: 6, column: 9, endLine: 6, endColumn: 19 },
        { messageId: 'writable', data: { source: '/var/run/udev', writes: 'add device rules the host\'s udev runs as root', remedy: 'mount it read-only' }, severity: 'error', line: 7, column: 9, endLine: 7, endColumn: 22 },
        { messageId: 'writable', data: { source: '~/.bashrc', writes: 'add a command the user\'s shell runs at login', remedy: 'mount it read-only' }, severity: 'error', line: 8, column: 9, endLine: 8, endColumn: 18 },
        { messageId: 'writable', data: { source: '/sys/fs/cgroup', writes: 'change the resource limits of every container and host service, and freeze or move their processes', remedy: 'mount it read-only' }, severity: 'warning', line: 9, column: 9, endLine: 9, endColumn: 23 },
      ],
      fixes: [{ messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/passwd:/etc/passwd:ro\n      - /etc/hosts:/etc/hosts\n      - /var/run/udev:/run/udev\n      - ~/.bashrc:/root/.bashrc\n      - /sys/fs/cgroup:/sys/fs/cgroup\n' }, { messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/passwd:/etc/passwd\n      - /etc/hosts:/etc/hosts:ro\n      - /var/run/udev:/run/udev\n      - ~/.bashrc:/root/.bashrc\n      - /sys/fs/cgroup:/sys/fs/cgroup\n' }, { messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/passwd:/etc/passwd\n      - /etc/hosts:/etc/hosts\n      - /var/run/udev:/run/udev:ro\n      - ~/.bashrc:/root/.bashrc\n      - /sys/fs/cgroup:/sys/fs/cgroup\n' }, { messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/passwd:/etc/passwd\n      - /etc/hosts:/etc/hosts\n      - /var/run/udev:/run/udev\n      - ~/.bashrc:/root/.bashrc:ro\n      - /sys/fs/cgroup:/sys/fs/cgroup\n' }, { messageId: 'makeReadOnly', output: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc/passwd:/etc/passwd\n      - /etc/hosts:/etc/hosts\n      - /var/run/udev:/run/udev\n      - ~/.bashrc:/root/.bashrc\n      - /sys/fs/cgroup:/sys/fs/cgroup:ro\n' }],
    },
    {
      kind: 'run',
      name: 'a macOS home, a parent of /var/lib/docker writable, a writable host log directory',
      code: 'docker run -v /Users/me/.aws:/root/.aws:ro -v /var:/host-var -v /var/log:/logs alpine:3.20\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: '/Users/me/.aws', reads: 'read the user\'s cloud credentials' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 29 },
        { messageId: 'writableExposed', data: { source: '/var', reads: 'read every container\'s files, volumes and configuration, the secrets in their environment variables included (in /var/lib/docker)', writes: 'change any container\'s files and configuration (in /var/lib/docker)' }, severity: 'error', line: 1, column: 47, endLine: 1, endColumn: 51 },
        { messageId: 'writable', data: { source: '/var/log', writes: 'tamper with the host\'s logs', remedy: 'mount it read-only' }, severity: 'warning', line: 1, column: 65, endLine: 1, endColumn: 73 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'Docker Desktop on Windows: homes written with a drive letter',
      code: 'services:\n  app:\n    image: alpine\n    volumes:\n      - C:\\Users\\me\\.ssh:/root/.ssh:ro\n      - c:/Users/me/.aws:/root/.aws\n      - //c/Users/me/.kube:/root/.kube\n',
      errors: [
        { messageId: 'readOnlyExposed', data: { source: 'C:\\Users\\me\\.ssh', reads: 'read the user\'s SSH private keys' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 25 },
        { messageId: 'writableExposed', data: { source: 'c:/Users/me/.aws', reads: 'read the user\'s cloud credentials', writes: 'plant credentials and helper programs the user\'s tools will use' }, severity: 'error', line: 6, column: 9, endLine: 6, endColumn: 25 },
        { messageId: 'writableExposed', data: { source: '/c/Users/me/.kube', reads: 'read the user\'s Kubernetes credentials', writes: 'plant credentials and helper programs the user\'s tools will use' }, severity: 'error', line: 7, column: 9, endLine: 7, endColumn: 27 },
      ],
      fixes: [],
    },
  ],
});
