import { defineRule } from '../server/src/engine/ruleApi';
import { programName, simpleCommands, simpleCommandsMentioning } from './support/shell-commands';

const MENTIONS_SUDO = /sudo/;

export default defineRule({
  id: 'no-sudo',
  title: 'Do not use sudo in RUN steps',
  severity: 'warning',
  inputs: ['dockerfile'],
  docs: {
    rationale:
      'A RUN step already runs as the current USER, and switching to root for a step is `USER root` before it. sudo adds a setuid binary and a sudoers policy to the image, behaves differently without a TTY, and leaves a path for any process in the container to become root.',
    whenNotToUse:
      'A base image that must ship sudo for interactive development containers (dev containers, CI runners) where root inside the container is accepted.',
    references: [
      'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created',
      'https://docs.docker.com/build/building/best-practices/#user',
      'https://man7.org/linux/man-pages/man8/sudo.8.html',
    ],
    sameAs: [
      { tool: 'hadolint', id: 'DL3004' },
      { tool: 'checkov', id: 'CKV2_DOCKER_1' },
    ],
    examples: {
      bad: [{ kind: 'dockerfile', code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n' }],
      good: [{ kind: 'dockerfile', code: 'FROM debian:12\nRUN apt-get update\nUSER app\n' }],
    },
  },
  messages: {
    sudo: 'This RUN step calls sudo; run the step as root with `USER root` before it (and switch back after) instead of shipping sudo in the image.',
    dropSudo: 'Run the step as root without sudo (USER root around it when the user is not root; check the step still works)',
  },
  check(spec, ctx) {
    // Commands without "sudo" in their text are not split (nor, in a Dockerfile, tokenized) for this rule.
    for (const command of simpleCommandsMentioning(spec, MENTIONS_SUDO, ctx.memo)) {
      if (command.command.kind !== 'run') continue;
      const first = command.words[0];
      if (!first || programName(first) !== 'sudo') continue;
      const next = command.words[1];
      // Plain `sudo cmd` only: `sudo -u postgres …`, `sudo -E …` choose another user or environment.
      const plain = next !== undefined && !next.value.startsWith('-') && first.value === 'sudo';
      const wholeStep = plain && simpleCommands(command.command).every((c) => c.words.length > 0 && programName(c.words[0]) === 'sudo');
      ctx.report({
        at: first,
        messageId: 'sudo',
        fixes: plain ? [{ messageId: 'dropSudo', safety: 'review', edit: (w) => w.dropSudo?.(first, next, wholeStep) ?? null }] : [],
      });
    }
  },
});
