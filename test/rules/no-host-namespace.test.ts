import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-host-namespace';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    network_mode: "service:vpn"\n    pid: "container:app"\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    network_mode: ${NET_MODE}\n', name: 'a ${VAR} network mode stays silent' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    network_mode: bridge\n    ipc: shareable\n' },
    { kind: 'run', code: 'docker run --network backend --ipc private nginx:1.27' },
    { kind: 'run', code: 'docker run --network "$NET" nginx:1.27', name: 'an opaque network stays silent' },
    { kind: 'run', code: 'docker run nginx:1.27 ping --pid host', name: 'flags after the image belong to the command' },
    { kind: 'run', code: 'docker run -d \\\n  # --net host \\\n  --pid=host \\\n  nginx:1.27\n', name: 'a comment line ends the continued command, as in bash' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n    network_mode: host\n',
      errors: [{ messageId: 'hostNamespace', severity: 'warning', data: { namespace: 'network', value: 'host', consequence: 'it can bind any host port and reach services listening only on the host\'s localhost' }, line: 4, column: 5, endLine: 4, endColumn: 23 }],
      fixes: [{ messageId: 'removeSetting', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'PID is an error, IPC a warning',
      code: 'services:\n  app:\n    image: nginx:1.27\n    pid: host\n    ipc: host\n',
      errors: [
        { messageId: 'hostNamespace', severity: 'error', data: { namespace: 'PID', value: 'host', consequence: 'it can see every host process, read their environment and signal them' }, line: 4, column: 5, endLine: 4, endColumn: 14 },
        { messageId: 'hostNamespace', severity: 'warning', data: { namespace: 'IPC', value: 'host', consequence: 'it can read and write the host\'s shared memory segments' }, line: 5, column: 5, endLine: 5, endColumn: 14 },
      ],
      fixes: [
        { messageId: 'removeSetting', output: 'services:\n  app:\n    image: nginx:1.27\n    ipc: host\n' },
        { messageId: 'removeSetting', output: 'services:\n  app:\n    image: nginx:1.27\n    pid: host\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'UTS, user and cgroup namespaces',
      code: 'services:\n  app:\n    image: nginx:1.27\n    uts: host\n    userns_mode: host\n    cgroup: host\n',
      errors: [
        { messageId: 'hostNamespace', data: { namespace: 'UTS', value: 'host', consequence: 'it shares the host\'s hostname and can change it when it has CAP_SYS_ADMIN' }, line: 4, column: 5, endLine: 4, endColumn: 14 },
        { messageId: 'hostNamespace', data: { namespace: 'user', value: 'host', consequence: 'the daemon\'s user-namespace remapping is off and root inside is root on the host' }, line: 5, column: 5, endLine: 5, endColumn: 22 },
        { messageId: 'hostNamespace', data: { namespace: 'cgroup', value: 'host', consequence: 'it sees the host\'s whole cgroup tree' }, line: 6, column: 5, endLine: 6, endColumn: 17 },
      ],
      fixes: [
        { messageId: 'removeSetting', output: 'services:\n  app:\n    image: nginx:1.27\n    userns_mode: host\n    cgroup: host\n' },
        { messageId: 'removeSetting', output: 'services:\n  app:\n    image: nginx:1.27\n    uts: host\n    cgroup: host\n' },
        { messageId: 'removeSetting', output: 'services:\n  app:\n    image: nginx:1.27\n    uts: host\n    userns_mode: host\n' },
      ],
    },
    {
      kind: 'compose',
      name: 'through a merge key: points at the anchored line, no in-place fix',
      code: 'x-hostnet: &hostnet\n  network_mode: host\nservices:\n  app:\n    <<: *hostnet\n    image: nginx:1.27\n',
      errors: [{ messageId: 'hostNamespace', line: 2, column: 3, endLine: 2, endColumn: 21 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --pid=host --network host nginx:1.27',
      errors: [
        { messageId: 'hostNamespace', severity: 'error', data: { namespace: 'PID', value: 'host', consequence: 'it can see every host process, read their environment and signal them' }, line: 1, column: 18, endLine: 1, endColumn: 22 },
        { messageId: 'hostNamespace', severity: 'warning', line: 1, column: 33, endLine: 1, endColumn: 37 },
      ],
      fixes: [
        { messageId: 'removeSetting', output: 'docker run --network host nginx:1.27' },
        { messageId: 'removeSetting', output: 'docker run --pid=host nginx:1.27' },
      ],
    },
    {
      kind: 'run',
      name: 'split over lines: --net, --userns, --cgroupns',
      code: 'docker run --rm \\\n  --net host \\\n  --userns=host \\\n  --cgroupns host \\\n  nginx:1.27',
      errors: [
        { messageId: 'hostNamespace', data: { namespace: 'network', value: 'host', consequence: 'it can bind any host port and reach services listening only on the host\'s localhost' }, line: 2, column: 9, endLine: 2, endColumn: 13 },
        { messageId: 'hostNamespace', data: { namespace: 'user', value: 'host', consequence: 'the daemon\'s user-namespace remapping is off and root inside is root on the host' }, line: 3, column: 12, endLine: 3, endColumn: 16 },
        { messageId: 'hostNamespace', data: { namespace: 'cgroup', value: 'host', consequence: 'it sees the host\'s whole cgroup tree' }, line: 4, column: 14, endLine: 4, endColumn: 18 },
      ],
      fixes: [
        { messageId: 'removeSetting', output: 'docker run --rm \\\n  --userns=host \\\n  --cgroupns host \\\n  nginx:1.27' },
        { messageId: 'removeSetting', output: 'docker run --rm \\\n  --net host \\\n  --cgroupns host \\\n  nginx:1.27' },
        { messageId: 'removeSetting', output: 'docker run --rm \\\n  --net host \\\n  --userns=host \\\n  nginx:1.27' },
      ],
    },
    {
      kind: 'run',
      name: 'linuxserver-style `#optional` markers inside the continuation',
      code: 'docker run -d \\\n  --name=x `#optional` \\\n  --net=host `#optional` \\\n  nginx:1.27\n',
      errors: [{ messageId: 'hostNamespace', data: { namespace: 'network', value: 'host', consequence: 'it can bind any host port and reach services listening only on the host\'s localhost' }, line: 3, column: 9, endLine: 3, endColumn: 13 }],
      fixes: [{ messageId: 'removeSetting', output: 'docker run -d \\\n  --name=x `#optional` \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'flow-mapping service',
      code: 'services:\n  app: {image: "nginx:1.27", network_mode: host}\n',
      errors: [{ messageId: 'hostNamespace', data: { namespace: 'network', value: 'host', consequence: 'it can bind any host port and reach services listening only on the host\'s localhost' }, line: 2, column: 30, endLine: 2, endColumn: 48 }],
      fixes: [{ messageId: 'removeSetting', output: 'services:\n  app: {image: "nginx:1.27"}\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space indentation',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        pid: host\r\n',
      errors: [{ messageId: 'hostNamespace', data: { namespace: 'PID', value: 'host', consequence: 'it can see every host process, read their environment and signal them' }, line: 4, column: 9, endLine: 4, endColumn: 18 }],
      fixes: [{ messageId: 'removeSetting', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n' }],
    },
    {
      kind: 'compose',
      name: 'from a merge key: no neutral value to override with, no fix',
      code: 'x-base: &base\n  ipc: host\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ messageId: 'hostNamespace', data: { namespace: 'IPC', value: 'host', consequence: 'it can read and write the host\'s shared memory segments' }, line: 2, column: 3, endLine: 2, endColumn: 12 }],
      fixes: [],
    },
  ],
});
