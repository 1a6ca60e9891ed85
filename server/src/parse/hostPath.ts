import * as posix from '../files/posixPath';

/**
 * Host paths are compared as the kernel resolves them: an absolute path folds `//`, `/./` and `..`
 * (`//proc/./sys` is `/proc/sys`), and any path loses a trailing slash so `/var/run/docker.sock/` and
 * `/var/run/docker.sock` compare equal. Shared by the Compose and `docker run` parsers, so a mount means
 * the same in both.
 */
export function normalizeHostPath(source: string): string {
  const folded = source.startsWith('/') && !source.includes('$') && !isNormalAbsolute(source) ? posix.normalize(source) : source;
  const last = folded.charCodeAt(folded.length - 1);
  return folded.length > 1 && (last === SLASH || last === BACKSLASH) ? folded.replace(/[/\\]+$/, '') || '/' : folded;
}

const SLASH = 47;
const BACKSLASH = 92;

/**
 * An absolute path that `posix.normalize` returns unchanged: without `//` there is no empty segment, and
 * without `/.` no `.` or `..` one. Most mount sources are written like that, and normalize costs more
 * than the two searches (every bind mount of every Compose service, profiled).
 */
function isNormalAbsolute(path: string): boolean {
  return !path.includes('//') && !path.includes('/.');
}
