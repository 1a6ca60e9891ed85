import { defineRule } from '../server/src/engine/ruleApi';

export default defineRule({
  id: 'no-misspelled-security-key',
  title: 'Spell Compose security settings as Compose reads them',
  severity: 'error',
  inputs: ['compose'],
  docs: {
    rationale:
      'A security setting written under a name Compose does not know (`cap-drop`, `readonly`, `security-opt`, `pid_mode`, `privilege`) is not applied: `docker compose` refuses the file, and tools that read it loosely skip the key, so the container runs without the setting its author meant. The key is one edit away from a security setting (a letter added, removed, changed or two swapped, `-` for `_`, a capital letter) or is the name another tool gives it (`pid_mode` in the Engine API, `net` in Compose file version 1, `memory`), so it is reported as that setting misspelled, with a fix that renames it; the setting it meant counts as unknown, so no rule asks to add it.',
    whenNotToUse: 'Never: Compose rejects these keys. A key that is meant as an extension must start with `x-`.',
    references: [
      'https://docs.docker.com/reference/compose-file/services/',
      'https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json',
    ],
    examples: {
      bad: [{ kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    cap-drop: [ALL]\n    readonly: true\n' }],
      good: [{ kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    cap_drop: [ALL]\n    read_only: true\n' }],
    },
  },
  messages: {
    misspelled: 'Compose does not know the key "{{key}}" and refuses the file; it looks like {{meant}} misspelled, which is then not applied.',
    rename: 'Rename "{{key}}" to {{meant}}',
  },
  check(spec, ctx) {
    for (const { key, meant } of spec.misspelledKeys ?? []) {
      const data = { key: key.value, meant };
      ctx.report({
        at: key,
        messageId: 'misspelled',
        data,
        // Review: the setting starts to apply (a read-only root filesystem, dropped capabilities) and may stop the container working.
        fixes: [{ messageId: 'rename', safety: 'review', edit: () => (key.editable ? [{ range: key.range, newText: meant }] : null) }],
      });
    }
  },
});
