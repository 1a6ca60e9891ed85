/** Short-syntax strings (`src:dst[:opts]`, `[ip:][host:]container[/proto]`) as Compose and `docker run` write them; Compose's are already interpolated, and `docker run` hands over only values without shell expansions. */

/** `/^[A-Za-z]:[\\/]/` at `start`, without a slice and a regex per colon of every volume (profiled). */
function windowsDriveAt(text: string, start: number): boolean {
  const letter = text.charCodeAt(start) | 0x20;
  const slash = text[start + 2];
  return letter >= 0x61 && letter <= 0x7a && text[start + 1] === ':' && (slash === '\\' || slash === '/');
}

/**
 * For each index of `text`, whether it lies inside a `${…}` interpolation (nested braces counted): a colon or
 * slash there belongs to the variable's default (`${PORT:-8080}`), not to the short syntax around it.
 */
function interpolationMask(text: string): boolean[] | undefined {
  // Most values have no variable: no mask to build (profiled on the Compose corpus).
  if (!text.includes('$')) return undefined;
  const inside: boolean[] = new Array<boolean>(text.length).fill(false);
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if (depth === 0 && text[k] === '$' && text[k + 1] === '$') {
      k++;
      continue;
    }
    if (text[k] === '$' && text[k + 1] === '{') {
      inside[k] = inside[k + 1] = true;
      depth++;
      k++;
      continue;
    }
    if (depth > 0) {
      inside[k] = true;
      if (text[k] === '{') depth++;
      else if (text[k] === '}') depth--;
    }
  }
  return inside;
}

export interface Part {
  text: string;
  /** Index in the parsed string. */
  start: number;
}

/** Splits `src:dst[:opts]`, keeping a Windows drive (`C:\\data`) in one piece. */
export function splitVolume(text: string): Part[] {
  const parts: Part[] = [];
  const inVariable = interpolationMask(text);
  let start = 0;
  let k = windowsDriveAt(text, 0) ? 2 : 0;
  for (; k < text.length; k++) {
    if (text[k] !== ':' || inVariable?.[k]) continue;
    parts.push({ text: text.slice(start, k), start });
    start = k + 1;
    // The target may itself be a Windows path (`C:\\a:D:\\b`).
    if (windowsDriveAt(text, start)) k += 2;
  }
  parts.push({ text: text.slice(start), start });
  return parts;
}

export function isHostPath(source: string): boolean {
  const first = source[0];
  return first === '/' || first === '.' || first === '~' || windowsDriveAt(source, 0) || source.startsWith('\\\\');
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
  const inVariable = interpolationMask(text);
  let slash = body.lastIndexOf('/');
  while (slash >= 0 && inVariable?.[slash]) slash = body.lastIndexOf('/', slash - 1);
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
    if (k === rest.length || (rest[k] === ':' && !inVariable?.[k + restStart])) {
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

/** Bind propagation modes, as Docker spells them in a volume's options (`-v a:b:rshared`, `a:b:ro,rslave`). */
export const PROPAGATION_MODES: ReadonlySet<string> = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
