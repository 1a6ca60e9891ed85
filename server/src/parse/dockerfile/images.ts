import type { ImageRef } from '../../model/containerSpec';

/** `$VAR`/`${VAR}` anywhere in a value: the value depends on build arguments or the environment. */
export const VARIABLE_REFERENCE = /\$(?:\{|[A-Za-z_])/;

/**
 * What a base image offers for creating a user: `alpine` (BusyBox adduser/addgroup), `shadow`
 * (useradd/groupadd, the Debian/Ubuntu/RHEL families and most images with a shell), or `none`
 * (no shell or no user tools: scratch, distroless, Chainguard, UBI micro/minimal).
 */
export type ImageFamily = 'alpine' | 'shadow' | 'none';

/** The repository name without registry and `library/`, lower-cased: `docker.io/library/Node` → `node`. */
function shortName(name: string): string {
  const lower = name.toLowerCase();
  return lower.slice(lower.lastIndexOf('/') + 1);
}

function isDistroless(name: string): boolean {
  return name.toLowerCase().startsWith('gcr.io/distroless/');
}

function isChainguard(name: string): boolean {
  return name.toLowerCase().startsWith('cgr.dev/chainguard/');
}

export function imageFamily(image: ImageRef): ImageFamily {
  const short = shortName(image.name);
  const tag = (image.tag ?? '').toLowerCase();
  if (short === 'scratch' || isDistroless(image.name) || isChainguard(image.name)) return 'none';
  // UBI micro has no package manager or user tools, UBI minimal ships without shadow-utils.
  if (/^ubi\d*-(?:micro|minimal)$/.test(short)) return 'none';
  if (short === 'alpine' || short === 'busybox' || tag.includes('alpine') || tag.includes('busybox')) return 'alpine';
  return 'shadow';
}

/**
 * Base images documented to run as a non-root user by default. Kept explicit on purpose: a wrong
 * "non-root" silences no-root-user findings, so only well-known conventions are listed.
 */
export function runsAsNonRootByDefault(image: ImageRef): boolean {
  const tag = (image.tag ?? '').toLowerCase();
  // `gcr.io/distroless/*:nonroot`, `:debug-nonroot` and the same convention elsewhere.
  return isChainguard(image.name) || tag === 'nonroot' || tag.endsWith('-nonroot');
}

/**
 * Official images whose `docker-entrypoint.sh` starts as root only to fix permissions and then
 * switches to a service user with gosu/su-exec.
 */
const ENTRYPOINT_DROPS_PRIVILEGES = new Set(['postgres', 'redis', 'mysql', 'mariadb', 'mongo', 'rabbitmq', 'couchdb', 'cassandra']);

export function officialEntrypointDropsPrivileges(image: ImageRef): boolean {
  const lower = image.name.toLowerCase();
  const official = !lower.includes('/') || lower.startsWith('library/') || lower.startsWith('docker.io/library/');
  return official && ENTRYPOINT_DROPS_PRIVILEGES.has(shortName(image.name));
}
