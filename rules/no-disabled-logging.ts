import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';

export default defineRule({
  id: 'no-disabled-logging',
  title: 'Do not turn container logging off',
  severity: 'warning',
  inputs: ['compose', 'run'],
  docs: {
    rationale:
      "With the `none` log driver (`--log-driver none`, Compose `logging: {driver: none}` or the version 2 format's `log_driver: none`) Docker keeps nothing of what the container writes to stdout and stderr: `docker logs` is empty and no syslog, journald or central collector receives a line. When the container misbehaves or is broken into, there is no record of what it did. Remove the setting so the daemon's default driver applies, or send the logs where they are kept (`journald`, `syslog`, `fluentd`, `local`).",
    whenNotToUse:
      'Throwaway containers whose output is worthless or sensitive by design (a one-shot job that prints a secret), when another record of their activity exists.',
    references: [
      'CIS Docker Benchmark 2.13: Ensure centralized and remote logging is configured',
      'https://docs.docker.com/engine/logging/configure/',
      'https://docs.docker.com/reference/compose-file/services/#logging',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      driver: none\n' },
        { kind: 'run', code: 'docker run -d --log-driver none nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      driver: journald\n' },
        { kind: 'run', code: 'docker run -d --log-driver=syslog nginx:1.27\n' },
      ],
    },
  },
  messages: {
    loggingOff: 'The "none" log driver keeps no record of what this container writes, so nothing is left to investigate if it misbehaves or is compromised; remove it, or send the logs to journald, syslog or a collector.',
    removeLogDriver: 'Remove the "none" log driver (the daemon\'s default driver applies)',
  },
  check(spec, ctx) {
    const driver = spec.logDriver;
    if (!isKnown(driver) || driver.value.trim().toLowerCase() !== 'none') return;
    // Compose: the whole `logging:` block goes, since its options were written for the driver removed.
    const removed = spec.loggingField ?? driver;
    ctx.report({
      at: driver,
      messageId: 'loggingOff',
      fixes: [{ messageId: 'removeLogDriver', safety: 'review', edit: (w) => w.remove(removed) }],
    });
  },
});
