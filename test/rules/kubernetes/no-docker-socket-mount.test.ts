import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-docker-socket-mount';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-docker-socket-mount.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      emptyDir: {}\n' },
      { kind: 'kubernetes', name: 'a socket in a volume that is not a hostPath', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: sock\n          mountPath: /var/run/docker.sock\n  volumes:\n    - name: sock\n      emptyDir: {}\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: sock\n          mountPath: /var/run/docker.sock\n  volumes:\n    - name: sock\n      hostPath:\n        path: /var/run/docker.sock\n        type: Socket\n',
        errors: [{ messageId: 'socketMounted', message: 'The container runtime socket "/var/run/docker.sock" is mounted from the node (hostPath), which gives root on the node even read-only (the API stays fully usable); expose only the calls needed through a socket proxy with a restricted API.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'containerd through its directory and subPath',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: run\n          mountPath: /run/containerd/containerd.sock\n          subPath: containerd.sock\n          readOnly: true\n  volumes:\n    - name: run\n      hostPath:\n        path: /run/containerd\n',
        errors: [{ messageId: 'socketMounted', message: 'The container runtime socket "/run/containerd/containerd.sock" is mounted from the node (hostPath), which gives root on the node even read-only (the API stays fully usable); expose only the calls needed through a socket proxy with a restricted API.', line: 10, column: 17, endLine: 10, endColumn: 20 }],
        fixes: [],
      },
      {
        kind: 'kubernetes',
        name: 'the directory holding the socket',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: host\n          mountPath: /host\n          readOnly: true\n  volumes:\n    - name: host\n      hostPath:\n        path: /var/run\n',
        errors: [{ messageId: 'socketDirectoryMounted', message: 'The node directory "/var/run" (hostPath) holds the container runtime socket, which gives root on the node even read-only (the API stays fully usable); mount only what the container needs, and reach the runtime through a socket proxy with a restricted API.', line: 10, column: 17, endLine: 10, endColumn: 21 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
