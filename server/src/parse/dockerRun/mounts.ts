import { markUnknown, type ContainerSpec, type Mount } from '../../model/containerSpec';
import type { Located } from '../../model/located';
import type { FlagUse, RunValueHandle } from '../dockerRun';
import { normalizeHostPath } from '../hostPath';
import { PROPAGATION_MODES } from '../shortSyntax';
import { opaquePart, splitList, sub, whole } from './values';

/** `-v`/`--volume` (short syntax) and `--mount` (long syntax) values → Mount. */

const HOST_PATH = /^(?:[/~.]|[A-Za-z]:[\\/]|\\\\|\$\{?(?:PWD|HOME)\b|\$\(pwd\))/;

export function shortMount(use: FlagUse, spec: ContainerSpec): Located<Mount> | undefined {
  const span = use.value!;
  const t = span.text;
  // Split on `:` but not on the one of a Windows drive letter (`C:\data:/data`).
  const cuts: number[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t[k] !== ':') continue;
    const driveLetter = (k === 1 || t[k - 2] === ':') && /[A-Za-z]/.test(t[k - 1]) && (t[k + 1] === '\\' || t[k + 1] === '/');
    if (!driveLetter) cuts.push(k);
  }
  const handle: RunValueHandle = { use };
  if (cuts.length === 0) {
    if (opaquePart(span, 0, t.length)) {
      markUnknown(spec, 'volumes');
      return undefined;
    }
    return whole(span, { type: 'volume', target: sub(span, 0, t.length, t, handle), readOnly: false, syntax: 'short' } as Mount, handle);
  }
  const srcText = t.slice(0, cuts[0]);
  const dstEnd = cuts[1] ?? t.length;
  const mount: Mount = {
    type: HOST_PATH.test(srcText) ? 'bind' : 'volume',
    source: sub(span, 0, cuts[0], normalizeHostPath(srcText), handle),
    target: sub(span, cuts[0] + 1, dstEnd, t.slice(cuts[0] + 1, dstEnd), handle),
    readOnly: false,
    syntax: 'short',
  };
  if (cuts[1] !== undefined) {
    let from = cuts[1] + 1;
    for (const opt of t.slice(from).split(',')) {
      if (opt === 'ro' || opt === 'readonly') {
        mount.readOnly = true;
        mount.readOnlyAt = span.textStart >= 0 ? { start: span.textStart + from, end: span.textStart + from + opt.length } : { start: span.start, end: span.end };
      } else if (PROPAGATION_MODES.has(opt)) {
        mount.propagation = sub(span, from, from + opt.length, opt, handle);
      }
      from += opt.length + 1;
    }
  }
  return whole(span, mount, handle);
}

export function longMount(use: FlagUse, spec: ContainerSpec): Located<Mount> | undefined {
  const span = use.value!;
  if (span.opaque && !/=/.test(span.text)) {
    markUnknown(spec, 'volumes');
    return undefined;
  }
  const handle: RunValueHandle = { use };
  const mount: Mount = { type: 'volume', readOnly: false, syntax: 'long' };
  for (const item of splitList(span.text)) {
    const part = span.text.slice(item.from, item.to);
    const eq = part.indexOf('=');
    const key = (eq >= 0 ? part.slice(0, eq) : part).trim().toLowerCase();
    const valFrom = eq >= 0 ? item.from + eq + 1 : item.to;
    const val = eq >= 0 ? part.slice(eq + 1) : '';
    if (key === 'type') mount.type = val;
    else if (key === 'source' || key === 'src') mount.source = sub(span, valFrom, item.to, normalizeHostPath(val), handle);
    else if (key === 'target' || key === 'destination' || key === 'dst') mount.target = sub(span, valFrom, item.to, val, handle);
    else if (key === 'readonly' || key === 'ro') {
      const on = eq < 0 || /^(?:true|1)$/i.test(val);
      mount.readOnly = on;
      if (on) mount.readOnlyAt = span.textStart >= 0 ? { start: span.textStart + item.from, end: span.textStart + item.to } : { start: span.start, end: span.end };
    } else if (key === 'bind-propagation' && !opaquePart(span, item.from, item.to)) {
      // Located at the whole `bind-propagation=…` item: a fix removes the option, not only its value.
      const mode = sub(span, item.from, item.to, val.trim().toLowerCase(), handle);
      mount.propagation = mode;
    }
  }
  return whole(span, mount, handle);
}
