import type { FixSpec } from '../../server/src/engine/ruleApi';
import type { EnvVar } from '../../server/src/model/containerSpec';
import { isKnown } from '../../server/src/model/located';

/**
 * Moves a literal secret out of a Compose file or a `docker run` line, `review` both (the value must then be
 * set where it is read): Compose reads `${NAME:?}` from the shell or the project's .env file and refuses to
 * start without it; `docker run -e NAME` passes the caller's variable. Dockerfile ENV/ARG have no such form.
 */
export function envSecretFixes(kind: string, entry: EnvVar): FixSpec<'readFromEnvironment' | 'passFromHost'>[] {
  const { name, value } = entry;
  if (!value || !isKnown(value) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.value)) return [];
  if (kind === 'compose' && entry.source === 'environment') {
    return [{ messageId: 'readFromEnvironment', data: { name: name.value }, safety: 'review', edit: (w) => w.replace(value, `\${${name.value}:?}`) }];
  }
  // `-e NAME=value` written plainly: the `=value` goes, `-e NAME` stays.
  if (kind === 'run' && entry.source === 'flag' && value.raw === value.value && value.range.start === name.range.end + 1) {
    return [{ messageId: 'passFromHost', data: { name: name.value }, safety: 'review', edit: () => [{ range: { start: name.range.end, end: value.range.end }, newText: '' }] }];
  }
  return [];
}
