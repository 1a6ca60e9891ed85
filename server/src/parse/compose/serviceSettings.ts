import type { Device, ShellCommand } from '../../model/containerSpec';
import { parseImageRef } from '../../model/imageRef';
import { unknown, type Located } from '../../model/located';
import { entriesOf, isMap, isScalar, isSeq, type Entry } from '../../yaml/access';
import { nodeRange, valueBase } from '../../yaml/ranges';
import { holdsPlaceholder, PLACEHOLDER_REASON } from '../placeholders';
import { tokenizeShell } from '../shellWords';
import { splitOutsideVariables } from './interpolate';
import type { ServiceReader } from './serviceReader';

/** The service settings read here besides volumes, ports and environment: devices, limits, image, logging, command. */

export function readDevices(r: ServiceReader, entry: Entry): void {
  r.items(entry, 'devices', (node, shared, ref) => {
    const base = { range: r.itemRange(node), raw: r.raw(node), editable: !shared, node: ref };
    if (isMap(node)) {
      const e = entriesOf(node, r.aliases, shared);
      const host = r.inner(e.get('source'));
      if (!host || holdsPlaceholder(host.value)) return;
      const container = r.inner(e.get('target'));
      const permissions = r.inner(e.get('permissions'));
      const device: Device = {
        host,
        ...(container ? { container } : {}),
        ...(permissions ? { permissions } : {}),
      };
      r.spec.devices.push({ value: device, ...base });
      return;
    }
    const text = r.scalarText(node);
    if (text === undefined || holdsPlaceholder(text)) return; // `- <device>`: no device is named
    // CDI names (`vendor.com/gpu=all`) have no colon-separated parts.
    const parts = text.includes('=') ? [{ text, start: 0 }] : splitOutsideVariables(text, ':');
    const device: Device = {
      host: r.part(node, parts[0], shared),
      ...(parts[1] ? { container: r.part(node, parts[1], shared) } : {}),
      ...(parts[2] ? { permissions: r.part(node, parts[2], shared) } : {}),
    };
    r.spec.devices.push({ value: device, ...base });
  });
}

export function readLimits(r: ServiceReader, entries: Map<string, Entry>): void {
  const limits = r.spec.limits;
  limits.memory = r.string(entries.get('mem_limit'));
  limits.cpus = r.string(entries.get('cpus')) ?? r.string(entries.get('cpu_quota'));
  limits.pids = r.string(entries.get('pids_limit'));
  limits.restart = r.string(entries.get('restart'));
  const deploy = entries.get('deploy');
  if (!deploy || !isMap(deploy.value)) return;
  const deployEntries = entriesOf(deploy.value, r.aliases, deploy.shared);
  const resources = deployEntries.get('resources');
  if (resources && isMap(resources.value)) {
    const limitsEntry = entriesOf(resources.value, r.aliases, resources.shared).get('limits');
    if (limitsEntry && isMap(limitsEntry.value)) {
      const e = entriesOf(limitsEntry.value, r.aliases, limitsEntry.shared);
      const parents = [deploy, resources, limitsEntry];
      limits.memory ??= r.string(e.get('memory'), parents);
      limits.cpus ??= r.string(e.get('cpus'), parents);
      limits.pids ??= r.string(e.get('pids'), parents);
    }
  }
  const policy = deployEntries.get('restart_policy');
  if (!limits.restart && policy && isMap(policy.value)) {
    const condition = r.string(entriesOf(policy.value, r.aliases, policy.shared).get('condition'), [deploy, policy]);
    // Swarm's `any` restarts like `always`; `none` like `no`.
    if (condition && 'value' in condition) {
      const same: Record<string, string> = { any: 'always', none: 'no' };
      limits.restart = { ...condition, value: same[condition.value] ?? condition.value };
    } else limits.restart = condition;
  }
}

export function readImage(r: ServiceReader, entry: Entry | undefined, built: boolean): void {
  const image = r.string(entry);
  if (!image) return;
  if (!('value' in image)) {
    r.spec.image = image;
    return;
  }
  const ref = parseImageRef(image.value);
  if (!ref) {
    // `image: <your-image>`, `image: IMAGE_NAME`: a placeholder from documentation, no image anyone pulls.
    r.spec.image = unknown(image.range.start, image.range.end, image.raw, PLACEHOLDER_REASON);
    return;
  }
  // Next to `build:`, `image:` names what is built here, not something pulled.
  const located = { ...image, value: { ...ref, ...(built ? { builtLocally: true } : {}) } };
  r.spec.image = located;
  r.spec.images.push(located);
}

/**
 * `logging: { driver: none }`, or the version 2 file format's `log_driver: none`. The `logging:` key is kept
 * as a field: without its driver, options written for it would go to the default driver.
 */
export function readLogging(r: ServiceReader, logging: Entry | undefined, legacy: Entry | undefined): void {
  if (logging && isMap(logging.value)) {
    const driver = entriesOf(logging.value, r.aliases, logging.shared).get('driver');
    if (!driver) return;
    // Kept only with its driver: a `logging:` without one does not set the driver a base service may give.
    r.spec.loggingField = r.field(logging);
    r.spec.logDriver = r.valueOf(driver, { value: driver.value, entry: driver, parents: [logging] });
    return;
  }
  if (legacy) r.spec.logDriver = r.valueOf(legacy);
}

export function readCommand(r: ServiceReader, entry: Entry, name: string): void {
  const kind = name as 'command' | 'entrypoint';
  const node = entry.value;
  const whole = nodeRange(r.text, node);
  const text: Located<string> = { value: '', range: whole, raw: r.raw(node), editable: !entry.shared };
  const words: Located<string>[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const { node: itemNode, viaAlias } = r.aliases.deref(item);
      const word = r.scalarText(itemNode);
      if (word === undefined) continue;
      words.push({ value: word, range: r.itemRange(itemNode), raw: r.raw(itemNode), editable: !entry.shared && !viaAlias });
    }
    text.value = words.map((w) => w.value).join(' ');
    r.spec.commands.push({ kind, words, text, form: 'exec' } satisfies ShellCommand);
    return;
  }
  const value = r.scalarText(node);
  if (value === undefined) return;
  text.value = value;
  const base = isScalar(node) ? valueBase(r.text, node) : undefined;
  // Compose splits the string into words itself (no shell runs it), so operators are not collected.
  for (const token of tokenizeShell(value)) {
    if (token.type !== 'word') continue;
    const range = base === undefined ? whole : { start: base + token.start, end: base + token.end };
    words.push({ value: token.value, range, raw: token.raw, editable: !entry.shared });
  }
  r.spec.commands.push({ kind, words, text, form: 'shell' });
}
