/**
 * POSIX path arithmetic without `node:path`, so the engine also runs in a browser (the web extension's
 * worker has no Node). Same results as `path.posix` for the calls the engine makes (test/files/posixPath.test.ts
 * compares them). Host paths of mounts are POSIX whatever the editor's OS, so this is not a stand-in for
 * the platform's own paths: those come through the file reader (ComposeFiles.paths).
 */

/** `path.posix.normalize`: folds `//`, `.` and `..`; keeps a trailing slash; `''` is `.`. */
export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = p.charCodeAt(0) === 47;
  const trailing = p.charCodeAt(p.length - 1) === 47;
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!absolute) out.push('..');
  }
  const body = out.join('/');
  if (body === '') return absolute ? '/' : trailing ? './' : '.';
  return (absolute ? '/' : '') + body + (trailing ? '/' : '');
}

/** `path.posix.join`. */
export function join(...parts: string[]): string {
  const joined = parts.filter((s) => s !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

/** `path.posix.dirname` (Node's algorithm: only the slashes before the last name go). */
export function dirname(p: string): string {
  if (p === '') return '.';
  const rooted = p.charCodeAt(0) === 47;
  let end = -1;
  let inTrailingSlashes = true;
  for (let i = p.length - 1; i >= 1; i--) {
    if (p.charCodeAt(i) !== 47) inTrailingSlashes = false;
    else if (!inTrailingSlashes) {
      end = i;
      break;
    }
  }
  if (end === -1) return rooted ? '/' : '.';
  if (rooted && end === 1) return '//';
  return p.slice(0, end);
}

/** `path.posix.basename` (without the suffix argument). */
export function basename(p: string): string {
  let start = 0;
  let end = -1;
  for (let i = p.length - 1; i >= 0; i--) {
    if (p.charCodeAt(i) === 47) {
      if (end !== -1) {
        start = i + 1;
        break;
      }
    } else if (end === -1) end = i + 1;
  }
  return end === -1 ? '' : p.slice(start, end);
}

/**
 * `path.posix.resolve` for paths that are absolute by the time they are joined. There is no working
 * directory here: a path that stays relative is resolved from `/`.
 */
export function resolve(...parts: string[]): string {
  let resolved = '';
  for (let i = parts.length - 1; i >= 0 && !resolved.startsWith('/'); i--) if (parts[i] !== '') resolved = resolved ? `${parts[i]}/${resolved}` : parts[i];
  const normal = normalize(`/${resolved}`);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** `path.posix.delimiter`. */
export const delimiter = ':';
