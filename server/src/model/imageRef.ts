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
