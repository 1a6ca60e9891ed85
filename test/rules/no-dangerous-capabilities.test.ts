import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-dangerous-capabilities';

ruleTester.run(rule, {
  valid: [
    {
      kind: 'run',
      name: 'a comment line ends the continued command, as in bash',
      code: 'docker run -d \\\n  # needed for strace\n  --cap-add SYS_PTRACE \\\n  nginx:1.27\n',
    },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n      - CHOWN\n' },
    { kind: 'compose', name: 'unknown cap_add stays silent', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: ${EXTRA_CAPS}\n' },
    { kind: 'compose', name: 'dropping a dangerous capability is fine', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop:\n      - SYS_ADMIN\n' },
    { kind: 'run', code: 'docker run --cap-add CHOWN nginx:1.27\n' },
    { kind: 'run', code: 'docker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx:1.27\n' },
    {
      kind: 'compose',
      name: "Docker's default set added back after dropping all, in any spelling",
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [cap_chown, SETUID, setgid, KILL, AUDIT_WRITE, MKNOD, NET_RAW, SYS_CHROOT, SETFCAP, SETPCAP, FOWNER, FSETID, DAC_OVERRIDE]\n',
    },
    { kind: 'compose', name: 'a name that is no capability', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: [NOT_A_CAP]\n' },
  ],
  invalid: [
    {
      kind: 'run',
      name: 'SYS_PTRACE with the host PID namespace reaches host processes: a warning',
      code: 'docker run --pid=host --cap-add=SYS_PTRACE nicolaka/netshoot:v0.13\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_PTRACE', risk: 'lets it trace and inject code into other processes' }, severity: 'warning', line: 1, column: 33, endLine: 1, endColumn: 43 }],
      fixes: [{ messageId: 'removeCapability', output: 'docker run --pid=host nicolaka/netshoot:v0.13\n' }],
    },
    {
      kind: 'compose',
      name: 'SYS_PTRACE with an unknown PID mode may reach the host: a warning',
      code: 'services:\n  dbg:\n    image: alpine:3.20\n    pid: ${PID_MODE}\n    cap_add: [SYS_PTRACE]\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_PTRACE', risk: 'lets it trace and inject code into other processes' }, severity: 'warning', line: 5, column: 15, endLine: 5, endColumn: 25 }],
      fixes: [{ messageId: 'removeCapability', output: 'services:\n  dbg:\n    image: alpine:3.20\n    pid: ${PID_MODE}\n' }],
    },
    {
      kind: 'run',
      name: 'a trailing comment is not a flag',
      code: 'docker run -d \\\n  --cap-add SYS_PTRACE \\\n  nginx:1.27 # --cap-add SYS_ADMIN\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_PTRACE', risk: 'lets it trace and inject code into other processes' }, line: 2, column: 13, endLine: 2, endColumn: 23 }],
      fixes: [{ messageId: 'removeCapability', output: 'docker run -d \\\n  nginx:1.27 # --cap-add SYS_ADMIN\n' }],
    },
    {
      kind: 'compose',
      name: 'one finding per capability, case- and CAP_-insensitive',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - SYS_ADMIN\n      - cap_net_admin\n',
      errors: [
        {
          messageId: 'dangerous',
          data: { cap: 'SYS_ADMIN', risk: 'allows mount, namespace and many admin operations that lead out of the container' },
          severity: 'error',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 18,
        },
        {
          messageId: 'dangerous',
          data: { cap: 'NET_ADMIN', risk: 'reconfigures interfaces, routes and firewall rules' },
          severity: 'warning',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 22,
        },
      ],
      fixes: [
        { messageId: 'removeCapability', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - cap_net_admin\n' },
        { messageId: 'removeCapability', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_add:\n      - SYS_ADMIN\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'removing the last entry removes the key',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: [ALL]\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'ALL', risk: 'grants every capability, as good as root on the host' }, severity: 'error', line: 4, column: 15, endLine: 4, endColumn: 18 }],
      fixes: [{ messageId: 'removeCapability', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'capability list behind an alias: points at the anchor, no fix through it',
      code: 'x-caps: &caps\n  - SYS_PTRACE\nservices:\n  app:\n    image: nginx:1.27\n    cap_add: *caps\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_PTRACE', risk: 'lets it trace and inject code into other processes' }, line: 2, column: 5, endLine: 2, endColumn: 15 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --cap-add=SYS_MODULE nginx:1.27\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_MODULE', risk: 'loads kernel modules, which runs code in the host kernel' }, severity: 'error', line: 1, column: 22, endLine: 1, endColumn: 32 }],
      fixes: [{ messageId: 'removeCapability', output: 'docker run nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: 'run split over lines with a CAP_ prefix',
      code: 'docker run -d \\\n  --cap-add CAP_SYS_PTRACE \\\n  nginx:1.27\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_PTRACE', risk: 'lets it trace and inject code into other processes' }, severity: 'info', line: 2, column: 13, endLine: 2, endColumn: 27 }],
      fixes: [{ messageId: 'removeCapability', output: 'docker run -d \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'flow list with one item: the key goes',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: [SYS_ADMIN]\n    cap_drop: [ALL]\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_ADMIN', risk: 'allows mount, namespace and many admin operations that lead out of the container' }, line: 4, column: 15, endLine: 4, endColumn: 24 }],
      fixes: [{ messageId: 'removeCapability', output: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [ALL]\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        cap_add:\r\n            - CHOWN\r\n            - SYS_PTRACE\r\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_PTRACE', risk: 'lets it trace and inject code into other processes' }, line: 6, column: 15, endLine: 6, endColumn: 25 }],
      fixes: [{ messageId: 'removeCapability', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        cap_add:\r\n            - CHOWN\r\n' }],
    },
    {
      kind: 'compose',
      name: 'from a merge key: the list is overridden at the service without the capability',
      code: 'x-base: &base\n  cap_add:\n    - NET_BIND_SERVICE\n    - NET_ADMIN\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'NET_ADMIN', risk: 'reconfigures interfaces, routes and firewall rules' }, line: 4, column: 7, endLine: 4, endColumn: 16 }],
      fixes: [{ messageId: 'removeCapability', output: 'x-base: &base\n  cap_add:\n    - NET_BIND_SERVICE\n    - NET_ADMIN\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n' }],
    },
    {
      kind: 'compose',
      name: 'the audit trail, lower case: a warning',
      code: 'services:\n  bench:\n    image: docker/docker-bench-security:1.6.0\n    cap_add:\n      - audit_control\n',
      errors: [
        {
          messageId: 'dangerous',
          data: { cap: 'AUDIT_CONTROL', risk: "changes or turns off the host's kernel audit rules, erasing the record of what runs on it" },
          severity: 'warning',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 22,
        },
      ],
      fixes: [{ messageId: 'removeCapability', output: 'services:\n  bench:\n    image: docker/docker-bench-security:1.6.0\n' }],
    },
    {
      kind: 'run',
      name: 'scheduling and memory locking: information',
      code: 'docker run --cap-add=SYS_NICE,CAP_IPC_LOCK pipewire/pipewire:1.2\n',
      errors: [
        { messageId: 'dangerous', data: { cap: 'SYS_NICE', risk: "raises its processes to real-time priority, which can starve the host's CPUs" }, severity: 'info', line: 1, column: 22, endLine: 1, endColumn: 30 },
        { messageId: 'dangerous', data: { cap: 'IPC_LOCK', risk: 'locks memory so it cannot be swapped out' }, severity: 'info', line: 1, column: 31, endLine: 1, endColumn: 43 },
      ],
      fixes: [
        { messageId: 'removeCapability', output: 'docker run --cap-add=CAP_IPC_LOCK pipewire/pipewire:1.2\n' },
        { messageId: 'removeCapability', output: 'docker run --cap-add=SYS_NICE pipewire/pipewire:1.2\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'IPC_OWNER alone is information, with the host IPC namespace a warning',
      code: 'services:\n  a:\n    image: alpine:3.20\n    cap_add: [IPC_OWNER]\n  b:\n    image: alpine:3.20\n    ipc: host\n    cap_add: [IPC_OWNER]\n',
      errors: [
        { messageId: 'dangerous', data: { cap: 'IPC_OWNER', risk: 'bypasses permission checks on shared memory, semaphores and message queues' }, severity: 'info', line: 4, column: 15, endLine: 4, endColumn: 24 },
        { messageId: 'dangerous', data: { cap: 'IPC_OWNER', risk: 'bypasses permission checks on shared memory, semaphores and message queues' }, severity: 'warning', line: 8, column: 15, endLine: 8, endColumn: 24 },
      ],
      fixes: [
        { messageId: 'removeCapability', output: 'services:\n  a:\n    image: alpine:3.20\n  b:\n    image: alpine:3.20\n    ipc: host\n    cap_add: [IPC_OWNER]\n' },
        { messageId: 'removeCapability', output: 'services:\n  a:\n    image: alpine:3.20\n    cap_add: [IPC_OWNER]\n  b:\n    image: alpine:3.20\n    ipc: host\n' },
      ],
    },
    {
      kind: 'run',
      name: 'split over lines',
      code: 'docker run -d \\\n  --cap-add=SYS_ADMIN \\\n  --cap-add CHOWN \\\n  nginx:1.27\n',
      errors: [{ messageId: 'dangerous', data: { cap: 'SYS_ADMIN', risk: 'allows mount, namespace and many admin operations that lead out of the container' }, line: 2, column: 13, endLine: 2, endColumn: 22 }],
      fixes: [{ messageId: 'removeCapability', output: 'docker run -d \\\n  --cap-add CHOWN \\\n  nginx:1.27\n' }],
    },
  ],
});
