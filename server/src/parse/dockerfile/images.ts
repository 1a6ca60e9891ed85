import type { ContainerSpec, ImageRef } from '../../model/containerSpec';

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
  // `gcr.io/distroless/*:nonroot`, `:debug-nonroot` and the same convention elsewhere; `docker:dind-rootless`,
  // Gitea's `-rootless` tags; NGINX's own `nginxinc/nginx-unprivileged` (USER 101).
  return (
    isChainguard(image.name) || tag === 'nonroot' || tag.endsWith('-nonroot') || tag === 'rootless' || tag.endsWith('-rootless') ||
    /(?:^|\/)nginx-unprivileged$/.test(image.name.toLowerCase())
  );
}

/**
 * How a container that starts as root gives root up by itself:
 * - `entrypoint`: its entrypoint switches the whole process to a service user (gosu, su-exec, setpriv…);
 * - `workers`: its server's master process stays root and requests are served by unprivileged workers
 *   (nginx's `user nginx;`, httpd's `User daemon`, php-fpm pools and Apache as www-data).
 */
export type PrivilegeDrop = 'entrypoint' | 'workers';

/**
 * Official images whose `docker-entrypoint.sh` starts as root only to fix permissions and then switches to a
 * service user with gosu/su-exec, when it starts their server: the prefixes of the commands it does that for
 * (`postgres`, `redis-server`…; a command starting with `-` is given to the server too).
 */
const ENTRYPOINT_DROPS_PRIVILEGES = new Map<string, readonly string[]>([
  ['postgres', ['postgres']],
  ['redis', ['redis-server']],
  ['mysql', ['mysqld']],
  ['mariadb', ['mariadbd', 'mysqld']],
  ['mongo', ['mongo']],
  ['rabbitmq', ['rabbitmq']],
  ['couchdb', ['couchdb', '/opt/couchdb/bin/couchdb']],
  ['cassandra', ['cassandra']],
]);

/** Commands that start a server whose master stays root and whose workers run unprivileged. */
export const SERVER_WITH_UNPRIVILEGED_WORKERS = /(?:^|[\s/"'])(?:nginx(?:-debug)?|openresty|httpd(?:-foreground)?|apache2(?:-foreground)?|apache2?ctl|php-fpm[\d.]*)(?=$|[\s"';])/;

function isOfficial(image: ImageRef): boolean {
  const lower = image.name.toLowerCase();
  return !lower.includes('/') || lower.startsWith('library/') || lower.startsWith('docker.io/library/');
}

/** Official server images (nginx, httpd, php's fpm and apache variants) whose default command is such a server. */
function runsServerWithWorkers(image: ImageRef): boolean {
  const short = shortName(image.name);
  if (short === 'nginx' || short === 'httpd') return true;
  return short === 'php' && /(?:^|-)(?:fpm|apache)(?:-|$)/.test((image.tag ?? '').toLowerCase());
}

/**
 * Whether an official image gives root up by itself when it runs the command `commandOf` gives (its first word;
 * undefined for the image's own command; UNKNOWN_COMMAND when it cannot be known), whatever file names the image: a Compose `image:`, a `docker run` image or a Dockerfile's
 * base image. Only with the image's own entrypoint: the caller checks it is not replaced.
 */
export function imagePrivilegeDrop(image: ImageRef, commandOf: () => string | undefined | typeof UNKNOWN_COMMAND): PrivilegeDrop | undefined {
  // Most images drop nothing: they are ruled out before the command is looked for (it ran for every service).
  if (!isOfficial(image)) return undefined;
  const prefixes = ENTRYPOINT_DROPS_PRIVILEGES.get(shortName(image.name));
  if (!prefixes && !runsServerWithWorkers(image)) return undefined;
  const command = commandOf();
  if (command === UNKNOWN_COMMAND) return undefined;
  if (prefixes) {
    const head = command?.toLowerCase();
    return head === undefined || head.startsWith('-') || prefixes.some((p) => head.startsWith(p)) ? 'entrypoint' : undefined;
  }
  return command === undefined || SERVER_WITH_UNPRIVILEGED_WORKERS.test(command) ? 'workers' : undefined;
}

/** A command whose words are not known (`command: ${CMD}`): it may start anything. */
export const UNKNOWN_COMMAND = Symbol('unknown command');

/**
 * The privilege drop of the image a Compose service or `docker run` starts, as a Dockerfile built FROM that image
 * would get it: only with the image's own entrypoint (`entrypointReplaced` false), and for its server's command.
 */
export function startedImagePrivilegeDrop(spec: ContainerSpec, entrypointReplaced: boolean): PrivilegeDrop | undefined {
  const image = spec.image;
  if (entrypointReplaced || !image || !('value' in image) || image.value.builtLocally) return undefined;
  return imagePrivilegeDrop(image.value, () => {
    const command = spec.commands.find((c) => c.kind === 'command');
    return !command && spec.unknownFields.has('command') ? UNKNOWN_COMMAND : command?.words[0]?.value;
  });
}
