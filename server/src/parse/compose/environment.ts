import type { Node } from 'yaml';
import type { EnvVar } from '../../model/containerSpec';
import { unknown, type Located, type Maybe } from '../../model/located';
import { entriesOf, isMap, type Entry } from '../../yaml/access';
import { nodeRange } from '../../yaml/ranges';
import { interpolate } from './interpolate';
import type { ComposeRef } from './refs';
import type { ServiceReader } from './serviceReader';

/** `environment:` of a service, as a mapping (`KEY: value`) or a list (`- KEY=value`) → EnvVar. */

export function readEnvironment(r: ServiceReader, entry: Entry | undefined): void {
  if (!entry) return;
  const env = entry.value;
  if (!isMap(env)) return r.list(entry, 'environment', r.spec.env, environmentList);
  // Variables merged from an anchor (`<<: *env`) are shared entries: read once for every service.
  for (const e of entriesOf(env, r.aliases, entry.shared).values()) r.spec.env.push(e.shared ? r.shared.once(e, 'variable', () => environmentVariable(r, e)) : environmentVariable(r, e));
}

function environmentVariable(r: ServiceReader, e: Entry): Located<EnvVar> {
  const key = e.pair.key as Node;
  const nameRange = nodeRange(r.text, key);
  const name: Located<string> = { value: e.key, range: nameRange, raw: r.text.slice(nameRange.start, nameRange.end), editable: !e.shared };
  const ref: ComposeRef = { value: e.value, entry: e };
  const value = r.valueOf(e, ref);
  const variable: EnvVar = value ? { name, value, source: 'environment' } : { name, source: 'environment' };
  return { value: variable, range: r.settingRange(e), raw: r.raw(e.value ?? key), editable: !e.shared, node: ref };
}

function environmentList(r: ServiceReader, entry: Entry): void {
  r.items(entry, 'environment', (node, shared, ref) => {
    const text = r.scalarText(node);
    if (text === undefined) return;
    const eq = text.indexOf('=');
    const nameText = eq < 0 ? text : text.slice(0, eq);
    const name = r.part(node, { text: nameText, start: 0 }, shared);
    let value: Maybe<string>;
    if (eq >= 0) {
      const valuePart = r.part(node, { text: text.slice(eq + 1), start: eq + 1 }, shared);
      const interpolated = interpolate(text.slice(eq + 1), r.variables);
      value = interpolated.known
        ? { ...valuePart, value: interpolated.value, editable: valuePart.editable && !interpolated.hasVariables }
        : unknown(valuePart.range.start, valuePart.range.end, valuePart.raw, interpolated.reason);
    }
    const variable: EnvVar = { name, ...(value ? { value } : {}), source: 'environment' };
    r.spec.env.push({ value: variable, range: r.itemRange(node), raw: r.raw(node), editable: !shared, node: ref });
  });
}
