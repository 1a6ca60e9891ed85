import type { ImageRef } from './containerSpec';

/**
 * Splits `registry/name:tag@digest` into its parts. The tag is after the last `:` that follows the
 * last `/`, so a registry port (`localhost:5000/app`) is not taken for a tag. Every parser uses this
 * one function, so an image means the same in a Dockerfile, a Compose file and a `docker run` line.
 */
export function splitImageReference(reference: string): ImageRef {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const image: ImageRef = { name: rest };
  if (tag !== undefined) image.tag = tag;
  if (digest !== undefined) image.digest = digest;
  return image;
}

/** Docker Hub's other names: an image without a registry host comes from `docker.io`. */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

/**
 * Where an image comes from: the registry host (lower case, Docker Hub as `docker.io`) and the repository path
 * on it (`library/nginx` for an official image). The first component is a host when it has a `.` or a `:`, or
 * is `localhost`, as Docker decides.
 */
export function imageRegistry(name: string): { host: string; path: string } {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasHost = first !== '' && (first.includes('.') || first.includes(':') || first.toLowerCase() === 'localhost');
  const host = hasHost ? first.toLowerCase() : 'docker.io';
  let path = hasHost ? name.slice(slash + 1) : name;
  if (DOCKER_HUB_ALIASES.has(host) && !path.includes('/')) path = `library/${path}`;
  return { host: DOCKER_HUB_ALIASES.has(host) ? 'docker.io' : host, path: path.toLowerCase() };
}

/** A `trustedRegistries` entry: `registry.example.com`, `registry.example.com:5000`, `*.example.com`, `ghcr.io/my-org`, `docker.io/library`. */
export const TRUSTED_REGISTRY_ENTRY = /^(?:\*\.)?(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::\d{1,5})?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/**
 * Whether an image comes from one of the trusted registries: the same host (Docker Hub under any of its
 * names), a subdomain for `*.example.com`, and below the path when the entry has one (`ghcr.io/my-org`
 * trusts `ghcr.io/my-org/app`, not `ghcr.io/other/app`).
 */
export function fromTrustedRegistry(name: string, trusted: readonly string[]): boolean {
  const { host, path } = imageRegistry(name);
  return trusted.some((entry) => {
    const lower = entry.toLowerCase();
    const slash = lower.indexOf('/');
    const entryHost = slash < 0 ? lower : lower.slice(0, slash);
    const entryPath = slash < 0 ? '' : lower.slice(slash + 1);
    const hostMatches = entryHost.startsWith('*.') ? host.endsWith(entryHost.slice(1)) : (DOCKER_HUB_ALIASES.has(entryHost) ? 'docker.io' : entryHost) === host;
    return hostMatches && (entryPath === '' || path === entryPath || path.startsWith(`${entryPath}/`));
  });
}

/** Parses an image reference; undefined for documentation placeholders (`<image>`, `IMAGE`, `app:[version]`, `%%IMAGE%%`). */
export function parseImageRef(ref: string): ImageRef | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(ref)) return undefined;
  const image = splitImageReference(ref);
  // Repository paths are lowercase (a registry host may not be); `IMAGE`, `MY_IMAGE` are placeholders.
  const slash = image.name.indexOf('/');
  const host = slash >= 0 ? image.name.slice(0, slash) : '';
  const hasRegistry = /[.:]/.test(host) || host === 'localhost';
  const path = hasRegistry ? image.name.slice(slash + 1) : image.name;
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return undefined;
  if (image.tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(image.tag)) return undefined;
  return image;
}
