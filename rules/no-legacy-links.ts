import { defineRule } from '../server/src/engine/ruleApi';

export default defineRule({
  id: 'no-legacy-links',
  title: 'Do not use legacy container links',
  severity: 'info',
  inputs: ['compose', 'run'],
  docs: {
    rationale:
      '`--link` is a legacy feature of the default bridge network: it copies the linked container\'s environment variables (secrets included) into the linking one and ties the two together by start order. User-defined networks give name resolution and isolation without either. In Compose, services on the same network already reach each other by service name, so `links:` only adds aliases and hidden coupling.',
    whenNotToUse: 'Old setups that still rely on the environment variables links inject, until they are migrated.',
    references: [
      'https://docs.docker.com/engine/network/links/',
      'https://docs.docker.com/reference/compose-file/services/#links',
      'CIS Docker Benchmark 5.29: Ensure that Docker\'s default bridge "docker0" is not used',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - db\n' },
        { kind: 'run', code: 'docker run --link db:database nginx:1.27\n' },
      ],
      good: [{ kind: 'run', code: 'docker run --network backend nginx:1.27\n' }],
    },
  },
  messages: {
    legacyLink: 'The link "{{link}}" uses Docker\'s legacy container linking; put both containers on a user-defined network and reach the other by name instead.',
    removeLink: 'Remove the link "{{link}}" (check both containers share a network and that nothing uses its alias)',
  },
  check(spec, ctx) {
    for (const link of spec.links) {
      ctx.report({
        at: link,
        messageId: 'legacyLink',
        data: { link: link.value },
        fixes: [{ messageId: 'removeLink', safety: 'review', edit: (w) => w.remove(link) }],
      });
    }
  },
});
