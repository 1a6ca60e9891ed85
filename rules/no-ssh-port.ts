import { defineRule } from '../server/src/engine/ruleApi';

/** True when a port or range (`22`, `20-25`) includes 22. */
function includesSsh(port: string): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(port.trim());
  if (!m) return false;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  return low <= 22 && 22 <= high;
}

export default defineRule({
  id: 'no-ssh-port',
  title: 'Do not expose SSH from a container',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A container that exposes port 22 usually runs an SSH server: one more daemon running as root, with its own keys and passwords to manage and a login surface open to the network. `docker exec` (or `kubectl exec`) already gives operators a shell without it. Only the container side counts: publishing host port 22 to another container port is not reported.',
    whenNotToUse: 'Images whose purpose is to be an SSH endpoint (a Git server, a bastion, an SFTP drop box); note the exception with a capdrop-ignore comment.',
    references: [
      'CIS Docker Benchmark 5.6: Ensure sshd is not run within containers',
      'https://docs.docker.com/reference/cli/docker/container/exec/',
    ],
    sameAs: [
      { tool: 'checkov', id: 'CKV_DOCKER_1' },
      { tool: 'trivy', id: 'AVD-DS-0004' },
      { tool: 'kube-linter', id: 'ssh-port' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nEXPOSE 22\n' },
        { kind: 'run', code: 'docker run -p 2222:22 linuxserver/openssh-server:9.7\n' },
      ],
      good: [{ kind: 'dockerfile', code: 'FROM alpine:3.20\nEXPOSE 8080\n' }],
    },
  },
  messages: {
    sshPort: 'Container port {{port}} (SSH) is {{how}}; remove it and use `docker exec` for shell access.',
    removePort: 'Remove port {{port}} (SSH clients can no longer connect: use docker exec)',
  },
  check(spec, ctx) {
    for (const port of spec.ports) {
      const { containerPort, protocol, mode } = port.value;
      if (mode === 'publish-all' || protocol.toLowerCase() === 'udp' || protocol.toLowerCase() === 'sctp') continue;
      if (!includesSsh(containerPort.value)) continue;
      ctx.report({
        at: containerPort,
        messageId: 'sshPort',
        data: { port: containerPort.value, how: mode === 'published' ? 'published' : 'exposed' },
        // Only port 22 itself: removing a range (`20-25`) would close the other ports with it.
        fixes: containerPort.value.trim() === '22' ? [{ messageId: 'removePort', safety: 'review', edit: (w) => w.remove(port) }] : [],
      });
    }
  },
});
