import type { ImageRef } from '../../server/src/model/containerSpec';

/** Tags that name a release channel or branch: they move to each new release or commit. */
const CHANNELS = new Set([
  'latest', 'stable', 'edge', 'lts', 'nightly', 'dev', 'devel', 'develop', 'development', 'beta', 'alpha', 'canary',
  'rolling', 'mainline', 'current', 'master', 'main', 'unstable', 'testing', 'experimental', 'next', 'preview',
  'insiders', 'snapshot', 'sid', 'rawhide', 'trunk', 'head', 'tip',
]);

/**
 * Variant words that official images add to a version (`1.27-alpine`, `3.12-slim-bookworm`): a tag made of
 * them alone (`nginx:alpine`) is the latest version of that variant. Only words known to be variants count:
 * an unknown word may be a release name (`ros:humble`), which stays silent.
 */
const VARIANTS = new Set([
  'alpine', 'slim', 'bookworm', 'bullseye', 'buster', 'stretch', 'jessie', 'trixie', 'jammy', 'noble', 'focal', 'bionic',
  'xenial', 'windowsservercore', 'nanoserver', 'musl', 'glibc', 'uclibc', 'fpm', 'apache', 'cli', 'zts', 'management',
  'rootless', 'nonroot', 'debug', 'jdk', 'jre', 'dind', 'perl',
]);

/** Distribution images whose release codenames are their versions (`debian:bookworm` is Debian 12). */
const DISTRIBUTIONS = new Set(['debian', 'ubuntu', 'buildpack-deps']);
const CODENAMES = new Set(['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky']);

/** The repository name without registry, namespace and `library/`, lower-cased. */
function shortName(name: string): string {
  const lower = name.toLowerCase();
  return lower.slice(lower.lastIndexOf('/') + 1);
}

/**
 * Whether a tag (other than `latest`, reported on its own) follows new releases: it has no digit and every
 * word of it is a channel or a variant (`stable`, `lts-alpine`, `alpine`, `debian:stable-slim`). A distribution's
 * codename is its version (`debian:bookworm-slim`), and so is a version in the image's own name: a variant
 * alone there (`distroless/static-debian12:nonroot`) stays within that version. A channel always moves.
 */
export function isFloatingTag(image: ImageRef): boolean {
  const tag = image.tag?.toLowerCase();
  if (!tag || /\d/.test(tag)) return false;
  const words = tag.split(/[-_.]+/).filter((w) => w !== '');
  if (words.length === 0 || !words.every((w) => CHANNELS.has(w) || VARIANTS.has(w))) return false;
  const name = shortName(image.name);
  if (words.some((w) => CHANNELS.has(w))) return !(DISTRIBUTIONS.has(name) && words.some((w) => CODENAMES.has(w)));
  return !/\d/.test(name) && !(DISTRIBUTIONS.has(name) && words.some((w) => CODENAMES.has(w)));
}
