import type { YAMLMap } from 'yaml';
import { entriesOf, isMap, type Entry } from '../../yaml/access';
import type { Mount } from '../../model/containerSpec';
import type { Located, SourceRange } from '../../model/located';
import { normalizeHostPath } from '../hostPath';
import { isHostPath, PROPAGATION_MODES, splitVolume } from '../shortSyntax';
import type { ServiceReader } from './serviceReader';

/** `volumes:` of a service, short syntax (`./data:/data:ro`) and long syntax (`type: bind`, `source:`…) → Mount. */

export function readVolumes(r: ServiceReader, entry: Entry): void {
  r.items(entry, 'volumes', (node, shared, ref) => {
    const range = r.itemRange(node);
    const base = { range, raw: r.raw(node), editable: !shared, node: ref };
    if (isMap(node)) {
      const mount = longMount(r, node, shared);
      if (mount) r.spec.mounts.push({ value: mount, ...base });
      return;
    }
    const text = r.scalarText(node);
    if (text === undefined) return;
    const parts = splitVolume(text);
    const editable = !shared && !text.includes('$');
    if (parts.length === 1) {
      const target = r.part(node, parts[0], shared);
      r.spec.mounts.push({ value: { type: 'volume', target, readOnly: false, syntax: 'short' }, ...base, editable });
      return;
    }
    const source = r.part(node, parts[0], shared);
    const target = r.part(node, parts[1], shared);
    let readOnly = false;
    let readOnlyAt: SourceRange | undefined;
    let propagation: Located<string> | undefined;
    for (const option of parts.slice(2)) {
      let offset = option.start;
      for (const flag of option.text.split(',')) {
        if (flag === 'ro' || flag === 'readonly') {
          readOnly = true;
          readOnlyAt = r.part(node, { text: flag, start: offset }, shared).range;
        } else if (PROPAGATION_MODES.has(flag)) {
          propagation = r.part(node, { text: flag, start: offset }, shared);
        }
        offset += flag.length + 1;
      }
    }
    source.value = isHostPath(source.value) ? normalizeHostPath(source.value) : source.value;
    const mount: Mount = { type: isHostPath(source.value) ? 'bind' : 'volume', source, target, readOnly, syntax: 'short', ...(readOnlyAt ? { readOnlyAt } : {}) };
    if (propagation) mount.propagation = propagation;
    r.spec.mounts.push({ value: mount, ...base, editable });
  });
}

function longMount(r: ServiceReader, map: YAMLMap, shared: boolean): Mount | undefined {
  const entries = entriesOf(map, r.aliases, shared);
  const source = r.inner(entries.get('source'));
  const target = r.inner(entries.get('target'));
  const readOnly = r.bool(entries.get('read_only'));
  const typeValue = r.string(entries.get('type'));
  const sourceText = source?.value;
  const type = typeValue && 'value' in typeValue ? typeValue.value : sourceText !== undefined && isHostPath(sourceText) ? 'bind' : 'volume';
  const known = readOnly && 'value' in readOnly ? readOnly : undefined;
  const propagation = bindPropagation(r, entries.get('bind'));
  return {
    type,
    ...(source ? { source: type === 'bind' ? { ...source, value: normalizeHostPath(source.value) } : source } : {}),
    ...(target ? { target } : {}),
    readOnly: known?.value === true,
    ...(known?.value === true ? { readOnlyAt: known.range } : {}),
    syntax: 'long',
    ...(propagation ? { propagation } : {}),
  };
}

/** `bind: { propagation: rshared }` of a long-syntax volume, located at its value; removing it removes `bind:` when nothing else is in it. */
function bindPropagation(r: ServiceReader, bind: Entry | undefined): Located<string> | undefined {
  if (!bind || !isMap(bind.value)) return undefined;
  const entry = entriesOf(bind.value, r.aliases, bind.shared).get('propagation');
  const value = entry && r.valueOf(entry, { value: entry.value, entry, parents: [bind] });
  return value && 'value' in value ? { ...value, value: value.value.toLowerCase() } : undefined;
}
