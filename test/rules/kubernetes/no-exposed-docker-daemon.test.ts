import { ruleTester } from '../../ruleTester';
import rule from '../../../rules/no-exposed-docker-daemon';

// The rule on Kubernetes manifests (its other inputs: test/rules/no-exposed-docker-daemon.test.ts).
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: docker:27-dind\n      args: ["--host=unix:///var/run/docker.sock"]\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: docker:27-dind\n      args: ["--host=tcp://0.0.0.0:2375", "--host=unix:///var/run/docker.sock"]\n      ports:\n        - containerPort: 2375\n',
        errors: [{ messageId: 'daemonWithoutTls', message: 'The Docker daemon listens on "tcp://0.0.0.0:2375" without --tlsverify, so anyone who reaches it controls the host; add --tlsverify with certificates or listen on a Unix socket.', line: 9, column: 22, endLine: 9, endColumn: 40 }, { messageId: 'plainPortExposed', message: 'Port 2375, the Docker daemon\'s plain-TCP port, is exposed; serve the daemon with TLS on 2376 or keep it on a Unix socket.', line: 11, column: 26, endLine: 11, endColumn: 30 }],
        fixes: [],
      },
    ],
  },
  { kinds: ['kubernetes'] },
);
