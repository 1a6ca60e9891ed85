import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';

const UNBOUNDED = new Set(['always', 'unless-stopped']);

export default defineRule({
  id: 'limit-restart-retries',
  title: 'Cap the number of restarts',
  severity: 'info',
  strictSeverity: 'warning',
  inputs: ['compose', 'run'],
  docs: {
    rationale:
      'With `always` or `unless-stopped`, a container that crashes is restarted forever: the crash loop hides the failure, burns host resources, and gives an attacker unlimited retries at an exploit that crashes the process. `on-failure:5` restarts a failing container a few times, then lets it stay down where monitoring sees it.',
    whenNotToUse:
      'Long-running services that must come back after a reboot of the host or a restart of the Docker daemon (on-failure does not restart them then) and whose crash loops you watch with other tools.',
    references: [
      'CIS Docker Benchmark 5.14: Ensure that the \'on-failure\' container restart policy is set to \'5\'',
      'https://docs.docker.com/engine/containers/start-containers-automatically/',
      'https://docs.docker.com/reference/compose-file/services/#restart',
    ],
    sameAs: [
      { tool: 'kics', id: 'Restart Policy On Failure Not Set To 5 (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    restart: always\n' },
        { kind: 'run', code: 'docker run --restart=unless-stopped nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    restart: on-failure:5\n' },
        { kind: 'run', code: 'docker run --restart no nginx:1.27\n' },
      ],
    },
  },
  messages: {
    unbounded: 'Restart policy "{{policy}}" restarts a crashing container forever; use on-failure with a retry limit such as on-failure:5.',
    useOnFailure: 'Use on-failure:5 (the container no longer starts again after a daemon restart or a clean exit)',
  },
  check(spec, ctx) {
    const restart = spec.limits.restart;
    if (!isKnown(restart)) return;
    const policy = restart.value.trim().toLowerCase();
    if (!UNBOUNDED.has(policy)) return;
    ctx.report({
      at: restart,
      messageId: 'unbounded',
      data: { policy },
      fixes: [{ messageId: 'useOnFailure', safety: 'review', edit: (w) => w.replace(restart, 'on-failure:5') }],
    });
  },
});
