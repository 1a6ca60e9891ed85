/** Parsers for Compose's short-syntax strings; they work on text already interpolated. */

const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

export interface Part {
  text: string;
  /** Index in the parsed string. */
  start: number;
}

/** Splits `src:dst[:opts]`, keeping a Windows drive (`C:\\data`) in one piece. */
export function splitVolume(text: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  let k = WINDOWS_DRIVE.test(text) ? 2 : 0;
  for (; k < text.length; k++) {
    if (text[k] !== ':') continue;
    parts.push({ text: text.slice(start, k), start });
    start = k + 1;
    // The target may itself be a Windows path (`C:\\a:D:\\b`).
    if (WINDOWS_DRIVE.test(text.slice(start))) k += 2;
  }
  parts.push({ text: text.slice(start), start });
  return parts;
}

export function isHostPath(source: string): boolean {
  return /^[/.~]/.test(source) || WINDOWS_DRIVE.test(source) || source.startsWith('\\\\');
}

/** Host paths lose a trailing slash so `/var/run/docker.sock/` and `/var/run/docker.sock` compare equal. */
export function normalizeHostPath(source: string): string {
  return source.length > 1 && /[/\\]$/.test(source) ? source.replace(/[/\\]+$/, '') || '/' : source;
}

export interface ShortPort {
  hostIp?: Part;
  hostPort?: Part;
  containerPort: Part;
  protocol: string;
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, with `[::1]` for IPv6 hosts. */
export function parseShortPort(text: string): ShortPort | undefined {
  let body = text;
  let protocol = 'tcp';
  const slash = body.lastIndexOf('/');
  if (slash >= 0) {
    protocol = body.slice(slash + 1).toLowerCase();
    body = body.slice(0, slash);
  }
  if (body === '') return undefined;
  let hostIp: Part | undefined;
  let restStart = 0;
  if (body.startsWith('[')) {
    const close = body.indexOf(']');
    if (close < 0 || body[close + 1] !== ':') return undefined;
    hostIp = { text: body.slice(1, close), start: 1 };
    restStart = close + 2;
  }
  const rest = body.slice(restStart);
  const pieces: Part[] = [];
  let start = 0;
  for (let k = 0; k <= rest.length; k++) {
    if (k === rest.length || rest[k] === ':') {
      pieces.push({ text: rest.slice(start, k), start: start + restStart });
      start = k + 1;
    }
  }
  const containerPort = pieces[pieces.length - 1];
  if (containerPort.text === '') return undefined;
  if (pieces.length === 1) return { hostIp, containerPort, protocol };
  const hostPortPart = pieces[pieces.length - 2];
  const hostPort = hostPortPart.text === '' ? undefined : hostPortPart;
  if (pieces.length > 2 && !hostIp) {
    // An unbracketed IPv6 address keeps its own colons: everything before the host port.
    const ipText = body.slice(0, hostPortPart.start - 1);
    hostIp = { text: ipText, start: 0 };
  }
  return { hostIp, hostPort, containerPort, protocol };
}

export interface ParsedImage {
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(ref: string): ParsedImage {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  const name = tag === undefined ? rest : rest.slice(0, colon);
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
