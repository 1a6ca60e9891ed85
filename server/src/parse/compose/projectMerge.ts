import type { Node } from 'yaml';
import { markUnknown, type ContainerSpec, type ParsedFile } from '../../model/containerSpec';
import type { SourceRange } from '../../model/located';
import { LineIndex } from '../../model/lineIndex';
import type { ServiceRef } from './refs';
import { inheritFrom, relocated, type OtherFile } from './mergeSpec';

/** Another file of the project, parsed (and its `extends` followed) with the project's variables. */
export interface OtherProjectFile {
  path: string;
  parsed: ParsedFile;
}

/**
 * The linted file's services as the project defines them: each service of `parsed` folded with its
 * definitions in the project's other files, in the project's file order, by the merge rules `extends`
 * uses too (mergeSpec.ts), after the `!reset` and `!override` tags of each later file.
 *
 * A value of another file is judged when that file is linted, at its own line: here it is moved to an
 * empty range at the service's name (`elsewhereAt`), where findings are dropped (lint.ts). It still
 * counts for the rest: an override that sets `privileged: false` or `cap_drop: [ALL]` silences the
 * finding on the value it replaces or the setting it supplies. A service first defined in another file
 * is marked incomplete here, so its missing settings are reported once, in that file.
 */
export function foldProject(parsed: ParsedFile, order: readonly (OtherProjectFile | 'linted')[]): void {
  const lines = new Map<OtherProjectFile, OtherFile>();
  const otherFile = (file: OtherProjectFile): OtherFile => {
    let other = lines.get(file);
    if (!other) lines.set(file, (other = { path: file.path, lines: new LineIndex(file.parsed.text) }));
    return other;
  };
  parsed.specs = parsed.specs.map((own) => {
    const layers: { spec: ContainerSpec; file?: OtherProjectFile }[] = [];
    for (const file of order) {
      if (file === 'linted') layers.push({ spec: own });
      else {
        const spec = file.parsed.specs.find((s) => s.origin.name === own.origin.name);
        if (spec) layers.push({ spec, file });
      }
    }
    if (layers.length < 2) return own;
    const at = { start: own.origin.nameRange.start, end: own.origin.nameRange.start };
    let merged: ContainerSpec | undefined;
    for (const { spec, file } of layers) {
      const tags = tagsOf(spec);
      const layer = file ? relocated(spec, at, otherFile(file)) : spec;
      for (const key of tags.reset) clearSetting(layer, key);
      if (merged) {
        for (const key of [...tags.reset, ...tags.override]) clearSetting(merged, key);
        inheritFrom(layer, merged, true);
        layer.incomplete ||= merged.incomplete;
      }
      merged = layer;
    }
    const result = merged!;
    // Fixes edit the linted file: its service's name, block and list settings.
    result.origin = own.origin;
    result.capAddField = own.capAddField;
    result.capDropField = own.capDropField;
    result.securityOptField = own.securityOptField;
    result.linksField = own.linksField;
    // The keys misspelled here are reported here (another file's are moved to the name, and dropped).
    result.misspelledKeys = own.misspelledKeys;
    // Compose appends the profiles of each file.
    const profiles = [...new Set(layers.flatMap((l) => l.spec.profiles ?? []))];
    result.profiles = profiles.length ? profiles : undefined;
    // Missing settings are reported where the service is first defined.
    if (layers[0].spec !== own) result.incomplete = true;
    setElsewhereAt(result, at);
    return result;
  });
}

const ELSEWHERE = Symbol('capdrop.elsewhereAt');
type WithElsewhere = ContainerSpec & { [ELSEWHERE]?: number };

function setElsewhereAt(spec: ContainerSpec, at: SourceRange): void {
  Object.defineProperty(spec, ELSEWHERE, { value: at.start, enumerable: false, configurable: true });
}

/**
 * Whether a finding at `range` on `spec` is at a value written in another file of the project (moved
 * to an empty range at the service's name by foldProject): it is reported when that file is linted.
 */
export function isWrittenElsewhere(spec: ContainerSpec, range: SourceRange): boolean {
  const at = (spec as WithElsewhere)[ELSEWHERE];
  return at !== undefined && range.start === at && range.end === at;
}

/** The settings a service marks `!reset` (removed) or `!override` (replaced whole rather than merged). */
function tagsOf(spec: ContainerSpec): { reset: string[]; override: string[] } {
  const reset: string[] = [];
  const override: string[] = [];
  const ref = spec.origin.node as ServiceRef | undefined;
  for (const entry of ref?.entries.values() ?? []) {
    const tag = (entry.pair.value as Node | null)?.tag;
    if (tag === '!reset') reset.push(entry.key);
    else if (tag === '!override') override.push(entry.key);
  }
  return { reset, override };
}

/** Removes what a Compose setting contributed to a spec (the model keeps no setting-by-setting record). */
function clearSetting(spec: ContainerSpec, key: string): void {
  const forget = (...fields: string[]) => {
    if (!fields.some((f) => spec.unknownFields.has(f))) return;
    const kept = [...spec.unknownFields].filter((f) => !fields.includes(f));
    spec.unknownFields = new Set();
    for (const f of kept) markUnknown(spec, f);
  };
  forget(key);
  switch (key) {
    case 'user':
      spec.user = undefined;
      break;
    case 'privileged':
      spec.privileged = undefined;
      break;
    case 'read_only':
      spec.readOnly = undefined;
      break;
    case 'cap_add':
      spec.capAdd = [];
      break;
    case 'cap_drop':
      spec.capDrop = [];
      break;
    case 'security_opt':
      spec.securityOpt = [];
      break;
    case 'links':
      spec.links = [];
      break;
    case 'devices':
      spec.devices = [];
      break;
    case 'volumes':
      spec.mounts = [];
      break;
    case 'ports':
      spec.ports = spec.ports.filter((p) => p.value.mode !== 'published');
      break;
    case 'expose':
      spec.ports = spec.ports.filter((p) => p.value.mode !== 'exposed');
      break;
    case 'environment':
      spec.env = [];
      break;
    case 'command':
    case 'entrypoint':
      spec.commands = spec.commands.filter((c) => c.kind !== key);
      break;
    case 'image':
      spec.image = undefined;
      spec.images = [];
      break;
    case 'mem_limit':
      spec.limits.memory = undefined;
      break;
    case 'cpus':
      spec.limits.cpus = undefined;
      break;
    case 'pids_limit':
      spec.limits.pids = undefined;
      break;
    case 'restart':
      spec.limits.restart = undefined;
      break;
    case 'deploy':
      spec.limits.memory = spec.limits.cpus = spec.limits.pids = undefined;
      break;
    case 'network_mode':
      spec.namespaces.network = undefined;
      break;
    case 'pid':
      spec.namespaces.pid = undefined;
      break;
    case 'ipc':
      spec.namespaces.ipc = undefined;
      break;
    case 'uts':
      spec.namespaces.uts = undefined;
      break;
    case 'userns_mode':
      spec.namespaces.userns = undefined;
      break;
    case 'cgroup':
      spec.namespaces.cgroup = undefined;
      break;
  }
}
