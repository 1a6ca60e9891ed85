import { defineRule } from '../server/src/engine/ruleApi';
import type { ContainerSpec } from '../server/src/model/containerSpec';
import { isKnown } from '../server/src/model/located';

/**
 * Whether the container has no memory limit for sure: none written, and the facts complete (a Compose
 * `extends` or a `$OPTS` word may set one). `0` is Docker's "unlimited".
 */
function surelyUnlimited(spec: ContainerSpec): boolean {
  const memory = spec.limits.memory;
  if (memory === undefined) return !spec.incomplete;
  return isKnown(memory) && /^0+[bkmg]?$/i.test(memory.value.trim());
}

export default defineRule({
  id: 'no-oom-kill-disable',
  title: "Do not disable the kernel's OOM killer for a container",
  severity: 'warning',
  inputs: ['compose', 'run'],
  docs: {
    rationale:
      "`oom_kill_disable: true` / `--oom-kill-disable` stops the kernel from killing the container's processes when memory runs out. Without a memory limit that protects the container at the host's expense: when the host runs short, the kernel kills the host's other processes (sshd, the Docker daemon, other containers) instead, so this is an error. With a memory limit (`mem_limit`, `deploy.resources.limits.memory`, `-m`) the host is safe, but the container freezes at its limit instead of being killed and restarted, holding its locks and connections: a warning. When a limit may be set where Capdrop cannot see it (an `extends` base, `${VAR}`, `$OPTS`) it is a warning too. Docker ignores the option on cgroup v2 hosts (most current distributions), so removing it changes nothing there; it still takes effect on cgroup v1 hosts.",
    whenNotToUse: 'A cgroup v1 host where a container must never be killed (a database without crash recovery) and has a memory limit well below what the host has free.',
    references: [
      'https://docs.docker.com/engine/containers/resource_constraints/#memory',
      'https://docs.docker.com/reference/compose-file/services/#oom_kill_disable',
      'https://docs.kernel.org/admin-guide/cgroup-v1/memory.html',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16.4\n    oom_kill_disable: true\n' },
        { kind: 'run', code: 'docker run -d --oom-kill-disable postgres:16.4\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16.4\n    mem_limit: 1g\n' },
        { kind: 'run', code: 'docker run -d -m 1g postgres:16.4\n' },
      ],
    },
  },
  messages: {
    noLimit: "This container disables the OOM killer and has no memory limit: when the host runs out of memory, the kernel kills the host's other processes instead of this one; remove the option, or set a memory limit.",
    withLimit: 'This container disables the OOM killer, so at its memory limit it freezes instead of being killed and restarted; remove the option.',
    removeOomKillDisable: 'Remove the OOM killer setting (the kernel may then kill the container)',
  },
  check(spec, ctx) {
    const setting = spec.oomKillDisable;
    if (!isKnown(setting) || setting.value !== true) return;
    const unlimited = surelyUnlimited(spec);
    ctx.report({
      at: setting,
      messageId: unlimited ? 'noLimit' : 'withLimit',
      severity: unlimited ? 'error' : 'warning',
      fixes: [{ messageId: 'removeOomKillDisable', safety: 'review', edit: (w) => w.remove(setting) }],
    });
  },
});
