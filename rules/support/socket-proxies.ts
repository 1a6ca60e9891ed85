/**
 * Images whose whole job is to stand between the Docker socket and its clients, passing on only the API
 * calls their configuration allows (an HAProxy or Go filter listening on a TCP port). Matched on the
 * repository path without registry, tag or digest, so `lscr.io/linuxserver/socket-proxy:1.26` and
 * `ghcr.io/tecnativa/docker-socket-proxy@sha256:…` count.
 */
const SOCKET_PROXY_IMAGES = new Set([
  'tecnativa/docker-socket-proxy',
  'linuxserver/socket-proxy',
  'wollomatic/socket-proxy',
  'fluencelabs/docker-socket-proxy',
  '11notes/socket-proxy',
  'hectorm/cetusguard',
  'cailloumajor/docker-socket-proxy',
]);

/** The repository path of an image name: what follows a registry host (a first part with `.` or `:`, or `localhost`). */
function repositoryPath(image: string): string {
  const parts = image.toLowerCase().split('/');
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts.shift();
  return parts.join('/');
}

/**
 * Whether `image` (a name without tag) is a known Docker socket proxy. Forks of Tecnativa's image keep its
 * repository name (`myorg/docker-socket-proxy`), so that name counts in any namespace; other names ending
 * in `socket-proxy` may be generic Unix-socket forwarders that filter nothing, and do not.
 */
export function isSocketProxyImage(image: string): boolean {
  const path = repositoryPath(image);
  return SOCKET_PROXY_IMAGES.has(path) || /(?:^|\/)docker-socket-proxy$/.test(path);
}
