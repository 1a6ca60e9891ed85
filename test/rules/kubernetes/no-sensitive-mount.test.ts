import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-sensitive-mount';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-sensitive-mount.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      emptyDir: {}\n' },
      { kind: 'kubernetes', name: 'a host path under a project directory', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: /srv/app/data\n' },
      { kind: 'kubernetes', name: 'the path comes from a Helm value', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      hostPath:\n        path: {{ .Values.hostPath }}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: etc\n          mountPath: /host/etc\n  volumes:\n    - name: etc\n      hostPath:\n        path: /etc\n',
        errors: [{ messageId: 'writableExposed', message: 'The node path "/etc" is mounted writable (hostPath): the container can read the host\'s password hashes, SSH host keys and service configuration, and add a user, a sudo rule or a service the host starts as root; mount only the files it needs, read-only.', line: 10, column: 17, endLine: 10, endColumn: 20 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'read-only: the exposure stays',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: root\n          mountPath: /host\n          readOnly: true\n  volumes:\n    - name: root\n      hostPath: {path: /}\n',
        errors: [{ messageId: 'readOnlyExposed', message: 'The node path "/" is mounted read-only (hostPath), but the container can still read every host file, password hashes, keys and other containers\' data included (and, as root, reach the runtime socket under /run); mount only the files it needs.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'subPath reaches below the volume',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: var\n          mountPath: /host/shadow\n          subPath: lib/docker\n  volumes:\n    - name: var\n      hostPath:\n        path: /var\n',
        errors: [{ messageId: 'writableExposed', message: 'The node path "/var/lib/docker" is mounted writable (hostPath): the container can read every container\'s files, volumes and configuration, the secrets in their environment variables included, and change any container\'s files and configuration; mount only the files it needs, read-only.', line: 10, column: 17, endLine: 10, endColumn: 20 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'writable kernel modules: read-only is fine',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n  volumes:\n    - name: host\n      hostPath:\n        path: /lib/modules\n',
        errors: [{ messageId: 'writable', message: 'The node path "/lib/modules" is mounted writable (hostPath): the container can plant a kernel module the host loads; mount it read-only.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [
          { messageId: 'makeReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n          readOnly: true\n  volumes:\n    - name: host\n      hostPath:\n        path: /lib/modules\n' },
        ],
      },
      {
        kind: 'kubernetes',
        name: 'read-only /proc for a monitoring agent: information',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n          readOnly: true\n  volumes:\n    - name: host\n      hostPath:\n        path: /proc\n',
        errors: [{ messageId: 'readOnlyInformation', message: 'The node path "/proc" is mounted read-only (hostPath): the container can see every host process with its command line, and the host\'s mounts and network; keep such mounts to agents you trust with that.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'the D-Bus socket gives the same read-only or not',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n  volumes:\n    - name: host\n      hostPath:\n        path: /var/run/dbus/system_bus_socket\n',
        errors: [{ messageId: 'reachable', message: 'The node path "/var/run/dbus/system_bus_socket" is mounted (hostPath): the container can send requests to host services over the system D-Bus (systemd among them, which acts for a root caller), read-only or not; remove it unless the container needs that.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'the time zone, writable',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n  volumes:\n    - name: host\n      hostPath:\n        path: /etc/localtime\n',
        errors: [{ messageId: 'writable', message: 'The node path "/etc/localtime" is mounted writable (hostPath): the container can change data every host program reads (its time zone, its identity); mount it read-only.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [
          { messageId: 'makeTimeZoneReadOnly', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n          readOnly: true\n  volumes:\n    - name: host\n      hostPath:\n        path: /etc/localtime\n' },
        ],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
