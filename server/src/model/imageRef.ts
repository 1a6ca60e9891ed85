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
