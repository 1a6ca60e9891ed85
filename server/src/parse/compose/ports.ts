import { entriesOf, isMap, type Entry } from '../../yaml/access';
import { markUnknown, type Port } from '../../model/containerSpec';
import { holdsPlaceholder } from '../placeholders';
import { parseShortPort } from '../shortSyntax';
import type { ServiceReader } from './serviceReader';

/** `ports:` (short and long syntax) and `expose:` of a service → Port. */

/** A long-syntax `published:` value: a port or a port range (after interpolation). */
const PUBLISHED_PORT = /^\d+(?:-\d+)?$/;

/** Says what a `published:` value that is no port should be written as; `127.0.0.1:8080` is split into its parts. */
function invalidPublishedMessage(value: string): string {
  const split = /^(\[[^\]]*\]|[^:]*):(\d+(?:-\d+)?)$/.exec(value);
  const advice = split ? `write the address in host_ip: "${split[1].replace(/^\[|\]$/g, '')}" and the port in published: "${split[2]}"` : 'write a port (8080) or a port range (8000-8010)';
  return `published: "${value}" is not a port or a port range, so Docker rejects it (invalid port specification); ${advice}.`;
}

export function readPorts(r: ServiceReader, entry: Entry): void {
  r.items(entry, 'ports', (node, shared, ref) => {
    const range = r.itemRange(node);
    const base = { range, raw: r.raw(node), editable: !shared, node: ref };
    if (isMap(node)) {
      const e = entriesOf(node, r.aliases, shared);
      const target = r.inner(e.get('target'));
      if (!target) return;
      const published = r.inner(e.get('published'));
      const hostIp = r.inner(e.get('host_ip'));
      const protocol = r.inner(e.get('protocol'));
      if ([target, published, hostIp].some((part) => part && holdsPlaceholder(part.value))) {
        markUnknown(r.spec, 'ports'); // `published: <port>`: which port, and on which address, is not written
        return;
      }
      if (published && !PUBLISHED_PORT.test(published.value)) {
        // `published: "127.0.0.1:8080"` is no port: Docker refuses to start the container (host_ip holds the address).
        r.problem(invalidPublishedMessage(published.value), published.range);
        return;
      }
      const port: Port = {
        containerPort: target,
        ...(published ? { hostPort: published } : {}),
        ...(hostIp ? { hostIp } : {}),
        protocol: protocol?.value ?? 'tcp',
        mode: 'published',
        syntax: 'long',
      };
      r.spec.ports.push({ value: port, ...base });
      return;
    }
    const port = shortPort(r, node, shared, 'published');
    if (port) r.spec.ports.push({ value: port, ...base, editable: base.editable && !base.raw.includes('$') });
  });
}

function shortPort(r: ServiceReader, node: unknown, shared: boolean, mode: Port['mode']): Port | undefined {
  const text = r.scalarText(node);
  if (text === undefined) return undefined;
  if (holdsPlaceholder(text)) {
    markUnknown(r.spec, 'ports'); // `"<port>:80"` may stand for `127.0.0.1:8080:80`
    return undefined;
  }
  const parsed = parseShortPort(text);
  if (!parsed) return undefined;
  return {
    containerPort: r.part(node, parsed.containerPort, shared),
    ...(parsed.hostPort ? { hostPort: r.part(node, parsed.hostPort, shared) } : {}),
    ...(parsed.hostIp ? { hostIp: r.part(node, parsed.hostIp, shared) } : {}),
    protocol: parsed.protocol,
    mode,
    syntax: 'short',
  };
}

export function readExpose(r: ServiceReader, entry: Entry): void {
  r.items(entry, 'expose', (node, shared, ref) => {
    const port = shortPort(r, node, shared, 'exposed');
    if (!port) return;
    // `expose` never publishes: whatever looks like a host part is not one.
    const exposed: Port = { containerPort: port.containerPort, protocol: port.protocol, mode: 'exposed', syntax: 'short' };
    r.spec.ports.push({ value: exposed, range: r.itemRange(node), raw: r.raw(node), editable: !shared, node: ref });
  });
}
