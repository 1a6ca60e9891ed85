import { markUnknown, type ContainerSpec, type Limits, type Namespaces, type Port } from '../../model/containerSpec';
import type { Located, SourceRange } from '../../model/located';
import type { LineIndex } from '../../model/lineIndex';

/**
 * Applies `extends` to the model: `spec` (the extending service) inherits from `base` (already
 * resolved) by the compose-spec merge rules (https://docs.docker.com/reference/compose-file/merge/),
 * which `extends` shares with multi-file merging:
 * - scalars (user, privileged, read_only, oom_kill_disable, logging.driver, namespaces, limits, image): the local value wins;
 * - mappings (environment): merged by key, the local value wins;
 * - sequences (cap_add, cap_drop, security_opt, links, devices): appended, duplicates dropped;
 * - unique resources: volumes by target and ports by {host ip, host port, container port, protocol}:
 *   a local entry replaces the base entry with the same key;
 * - command and entrypoint: replaced as a whole.
 * The `*Field` handles (where a fix would extend a list) are never inherited: a fix adds the setting
 * to the extending service itself, which Compose appends to the base's list.
 *
 * `keepRepeated`: a sequence item both write is kept twice (the project's files are each judged at
 * their own lines, and both lines set it); otherwise the base's copy is dropped.
 */
export function inheritFrom(spec: ContainerSpec, base: ContainerSpec, keepRepeated = false): void {
  spec.user ??= base.user;
  spec.privileged ??= base.privileged;
  spec.readOnly ??= base.readOnly;
  spec.oomKillDisable ??= base.oomKillDisable;
  // `logging` is a mapping merged by key: the local driver wins, else the base's.
  spec.logDriver ??= base.logDriver;
  for (const key of Object.keys(base.namespaces) as (keyof Namespaces)[]) spec.namespaces[key] ??= base.namespaces[key];
  for (const key of Object.keys(base.limits) as (keyof Limits)[]) spec.limits[key] ??= base.limits[key];
  if (spec.image === undefined && base.image !== undefined) {
    spec.image = base.image;
    spec.images = [...base.images, ...spec.images];
  }
  const append = keepRepeated ? <T>(b: T[], l: T[]) => [...b, ...l] : appendUnique;
  spec.capAdd = append(base.capAdd, spec.capAdd, (c) => c.value);
  spec.capDrop = append(base.capDrop, spec.capDrop, (c) => c.value);
  spec.securityOpt = append(base.securityOpt, spec.securityOpt, (o) => o.value);
  spec.links = append(base.links, spec.links, (l) => l.value);
  spec.devices = append(base.devices, spec.devices, (d) => `${d.value.host.value}:${d.value.container?.value ?? ''}`);
  spec.mounts = replaceByKey(base.mounts, spec.mounts, (m) => m.value.target?.value);
  spec.ports = replaceByKey(base.ports, spec.ports, (p) => portKey(p.value));
  spec.env = replaceByKey(base.env, spec.env, (e) => e.value.name.value);
  const localKinds = new Set(spec.commands.map((c) => c.kind));
  spec.commands = [...base.commands.filter((c) => !localKinds.has(c.kind)), ...spec.commands];
  for (const field of base.unknownFields) markUnknown(spec, field);
}

function portKey(port: Port): string {
  return [port.mode, port.hostIp?.value ?? '', port.hostPort?.value ?? '', port.containerPort.value, port.protocol].join('|');
}

function appendUnique<T>(base: T[], local: T[], key: (item: T) => string): T[] {
  const seen = new Set(local.map(key));
  return [...base.filter((item) => !seen.has(key(item))), ...local];
}

/** Base entries whose key a local entry also has are replaced; entries without a key are kept. */
function replaceByKey<T>(base: T[], local: T[], key: (item: T) => string | undefined): T[] {
  const localKeys = new Set(local.map(key).filter((k) => k !== undefined));
  return [...base.filter((item) => {
    const k = key(item);
    return k === undefined || !localKeys.has(k);
  }), ...local];
}

/**
 * A copy of a spec read from another file, with every range moved to `at` (the `extends:` key in the
 * linted file) and nothing editable: that text is not in this document.
 */
export function relocated(spec: ContainerSpec, at: SourceRange, from?: OtherFile): ContainerSpec {
  const copy = relocate(spec, at, from) as ContainerSpec;
  copy.unknownFields = new Set(spec.unknownFields);
  return copy;
}

/** The file a relocated spec was read from, to say where each of its values is written. */
export interface OtherFile {
  path: string;
  lines: LineIndex;
}

const RANGE_KEYS = new Set(['range', 'readOnlyAt', 'implicitRootAt']);

function relocate(value: unknown, at: SourceRange, from: OtherFile | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => relocate(item, at, from));
  if (value === null || typeof value !== 'object' || value instanceof Set) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // Writer handles point into the other file's YAML: no edit may use them here.
    if (key === 'node') continue;
    if (RANGE_KEYS.has(key)) out[key] = { start: at.start, end: at.end };
    else if (key !== 'writtenIn') out[key] = relocate(inner, at, from);
  }
  if ('raw' in out && 'range' in out && !('unknown' in out)) {
    const loc = out as unknown as Located<unknown>;
    loc.editable = false;
    // A value relocated twice (a chain of files) keeps the first file it was written in.
    const original = value as Located<unknown>;
    const written = original.writtenIn ?? (from && { path: from.path, start: from.lines.position(original.range.start), end: from.lines.position(original.range.end) });
    if (written) loc.writtenIn = written;
  }
  return out;
}
