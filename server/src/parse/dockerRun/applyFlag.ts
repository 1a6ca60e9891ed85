import { markUnknown, type ContainerSpec, type Device, type EnvVar, type Mount, type Port } from '../../model/containerSpec';
import { located, unknown, type Located } from '../../model/located';
import type { FlagUse, RunValueHandle } from '../dockerRun';
import { parseShortPort, type Part } from '../shortSyntax';
import { BOOLEAN_FLAGS } from './flags';
import { longMount, shortMount } from './mounts';
import { booleanLocated, flagField, listItems, opaquePart, scalar, splitList, sub, unknownReason, whole } from './values';

/** What each flag sets in the ContainerSpec; flags no rule reads are scanned (for their value word) and ignored here. */
export function applyFlag(use: FlagUse, spec: ContainerSpec): void {
  const needsValue = !BOOLEAN_FLAGS.has(use.name) && use.name.length > 1;
  if (needsValue && !use.value) return;
  switch (use.name) {
    case 'user':
      spec.user = scalar(use);
      return;
    case 'privileged':
      spec.privileged = booleanLocated(use);
      return;
    case 'read-only':
      spec.readOnly = booleanLocated(use);
      return;
    case 'rm': {
      const v = booleanLocated(use);
      if (v && 'value' in v) spec.autoRemove = v;
      return;
    }
    case 'oom-kill-disable':
      spec.oomKillDisable = booleanLocated(use);
      return;
    case 'log-driver':
      spec.logDriver = scalar(use);
      return;
    case 'disable-content-trust': {
      const v = booleanLocated(use);
      if (v && 'value' in v) spec.contentTrustDisabled = v;
      return;
    }
    case 'cap-add':
      spec.capAddField ??= flagField(use);
      spec.capAdd.push(...listItems(use, spec, 'cap_add'));
      return;
    case 'cap-drop':
      spec.capDropField ??= flagField(use);
      spec.capDrop.push(...listItems(use, spec, 'cap_drop'));
      return;
    case 'security-opt': {
      spec.securityOptField ??= flagField(use);
      const span = use.value!;
      if (span.opaque) markUnknown(spec, 'security_opt');
      else spec.securityOpt.push(whole(span, span.text, { use }));
      return;
    }
    case 'volume': {
      const m = shortMount(use, spec);
      if (m) spec.mounts.push(m);
      return;
    }
    case 'mount': {
      const m = longMount(use, spec);
      if (m) spec.mounts.push(m);
      return;
    }
    case 'volumes-from': {
      const span = use.value!;
      const handle: RunValueHandle = { use };
      const colon = span.text.indexOf(':');
      const nameEnd = colon >= 0 ? colon : span.text.length;
      const mode = colon >= 0 ? span.text.slice(colon + 1) : '';
      const mount: Mount = { type: 'volumes-from', source: sub(span, 0, nameEnd, span.text.slice(0, nameEnd), handle), readOnly: mode === 'ro', syntax: 'volumes-from' };
      if (mode === 'ro' && span.textStart >= 0) mount.readOnlyAt = { start: span.textStart + colon + 1, end: span.textStart + span.text.length };
      spec.mounts.push(whole(span, mount, handle));
      return;
    }
    case 'tmpfs': {
      const span = use.value!;
      const colon = span.text.indexOf(':');
      const end = colon >= 0 ? colon : span.text.length;
      const handle: RunValueHandle = { use };
      spec.mounts.push(whole(span, { type: 'tmpfs', target: sub(span, 0, end, span.text.slice(0, end), handle), readOnly: false, syntax: 'short' } as Mount, handle));
      return;
    }
    case 'publish': {
      const p = parsePort(use, spec);
      if (p) spec.ports.push(p);
      return;
    }
    case 'publish-all': {
      const flag = booleanLocated(use);
      if (!flag || !('value' in flag) || !flag.value) return;
      const port: Port = { containerPort: located('', flag.range.start, flag.range.end, flag.raw), protocol: 'tcp', mode: 'publish-all', syntax: 'flag' };
      spec.ports.push(located(port, flag.range.start, flag.range.end, flag.raw, { node: { use } satisfies RunValueHandle }));
      return;
    }
    case 'expose': {
      const span = use.value!;
      if (span.opaque) return;
      const slash = span.text.indexOf('/');
      const end = slash >= 0 ? slash : span.text.length;
      const handle: RunValueHandle = { use };
      const port: Port = {
        containerPort: sub(span, 0, end, span.text.slice(0, end), handle),
        protocol: slash >= 0 ? span.text.slice(slash + 1).toLowerCase() : 'tcp',
        mode: 'exposed',
        syntax: 'flag',
      };
      spec.ports.push(whole(span, port, handle));
      return;
    }
    case 'device': {
      const d = parseDevice(use);
      if (d) spec.devices.push(d);
      return;
    }
    case 'memory':
      spec.limits.memory = scalar(use);
      return;
    case 'cpus':
      spec.limits.cpus = scalar(use);
      return;
    case 'cpu-quota': {
      if (spec.limits.cpus) return;
      const q = scalar(use);
      if (q && 'value' in q) {
        const quota = Number(q.value);
        // --cpu-quota is in microseconds per 100 ms period (the default --cpu-period).
        spec.limits.cpus = Number.isFinite(quota) && quota > 0 ? { ...q, value: String(quota / 100000) } : q;
      } else spec.limits.cpus = q;
      return;
    }
    case 'pids-limit':
      spec.limits.pids = scalar(use);
      return;
    case 'restart':
      spec.limits.restart = scalar(use);
      return;
    case 'network':
      spec.namespaces.network = scalar(use);
      return;
    case 'pid':
    case 'ipc':
    case 'uts':
    case 'userns':
      spec.namespaces[use.name] = scalar(use);
      return;
    case 'cgroupns':
      spec.namespaces.cgroup = scalar(use);
      return;
    case 'link': {
      spec.linksField ??= flagField(use);
      const span = use.value!;
      if (!span.opaque) spec.links.push(whole(span, span.text, { use }));
      return;
    }
    case 'env': {
      const env = parseEnv(use);
      if (env) spec.env.push(env);
      else markUnknown(spec, 'environment');
      return;
    }
    case 'platform': {
      const span = use.value!;
      if (!span.opaque && spec.image && 'value' in spec.image) spec.image.value.platform = span.text;
      return;
    }
    default:
      return;
  }
}

function parseEnv(use: FlagUse): Located<EnvVar> | undefined {
  const span = use.value!;
  const eq = span.text.indexOf('=');
  const nameEnd = eq >= 0 ? eq : span.text.length;
  if (opaquePart(span, 0, nameEnd)) return undefined;
  const handle: RunValueHandle = { use };
  const env: EnvVar = { name: sub(span, 0, nameEnd, span.text.slice(0, nameEnd), handle), source: 'flag' };
  if (eq >= 0) {
    const value = span.text.slice(eq + 1);
    if (opaquePart(span, eq + 1, span.text.length)) {
      const r = span.textStart >= 0 ? { start: span.textStart + eq + 1, end: span.textStart + span.text.length } : { start: span.start, end: span.end };
      env.value = unknown(r.start, r.end, value, unknownReason(span));
    } else env.value = sub(span, eq + 1, span.text.length, value, handle);
  }
  return whole(span, env, handle);
}

function parsePort(use: FlagUse, spec: ContainerSpec): Located<Port> | undefined {
  const span = use.value!;
  const t = span.text;
  if (span.opaque) {
    // `$PORT` may expand to `127.0.0.1:8080`: which parts are set is unknown.
    markUnknown(spec, 'ports');
    return undefined;
  }
  const handle: RunValueHandle = { use };
  const parsed = parseShortPort(t);
  if (!parsed) return undefined;
  const at = (part: Part) => sub(span, part.start, part.start + part.text.length, part.text, handle);
  const port: Port = { containerPort: at(parsed.containerPort), protocol: parsed.protocol, mode: 'published', syntax: 'flag' };
  if (parsed.hostIp && parsed.hostIp.text !== '') port.hostIp = at(parsed.hostIp);
  if (parsed.hostPort) port.hostPort = at(parsed.hostPort);
  return whole(span, port, handle);
}

function parseDevice(use: FlagUse): Located<Device> | undefined {
  const span = use.value!;
  const parts = splitList(span.text, ':');
  if (parts.length === 0 || span.opaque) return undefined;
  const handle: RunValueHandle = { use };
  const at = (k: number) => sub(span, parts[k].from, parts[k].to, span.text.slice(parts[k].from, parts[k].to), handle);
  const device: Device = { host: at(0) };
  if (parts.length === 2 && /^[rwm]+$/.test(span.text.slice(parts[1].from, parts[1].to))) device.permissions = at(1);
  else if (parts.length >= 2) device.container = at(1);
  if (parts.length >= 3) device.permissions = at(2);
  return whole(span, device, handle);
}
