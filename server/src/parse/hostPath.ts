import { posix } from 'node:path';

/**
 * Host paths are compared as the kernel resolves them: an absolute path folds `//`, `/./` and `..`
 * (`//proc/./sys` is `/proc/sys`), and any path loses a trailing slash so `/var/run/docker.sock/` and
 * `/var/run/docker.sock` compare equal. Shared by the Compose and `docker run` parsers, so a mount means
 * the same in both.
 */
export function normalizeHostPath(source: string): string {
  const folded = source.startsWith('/') && !source.includes('$') ? posix.normalize(source) : source;
  return folded.length > 1 && /[/\\]$/.test(folded) ? folded.replace(/[/\\]+$/, '') || '/' : folded;
}
