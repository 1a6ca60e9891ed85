import type { Located, Maybe, SourceRange } from './located';
import type { KubernetesContainer } from './kubernetes';

export type InputKind = 'dockerfile' | 'compose' | 'run' | 'kubernetes';

/** A host path or volume made visible inside the container. */
export interface Mount {
  /** `bind` for host paths, `volume` for named/anonymous volumes, others as written. */
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | 'volumes-from' | string;
  /** Host path for binds (normalized: no trailing slash, `~` kept), volume name, or undefined for anonymous volumes. */
  source?: Located<string>;
  target?: Located<string>;
  readOnly: boolean;
  /** The range of the read-only marker (`:ro`, `read_only: true`, `readonly`), when present. */
  readOnlyAt?: SourceRange;
  /** How it was written: `short` (`a:b:ro`), `long` (a mapping / `--mount k=v`), `volume-instruction`. */
  syntax: 'short' | 'long' | 'volume-instruction' | 'volumes-from';
  /**
   * The bind propagation mode when one is written (`rshared` in `a:b:rshared`, `bind.propagation: rshared`,
   * `bind-propagation=rshared`), lower-cased. The range covers the option as written (for `--mount`, the
   * whole `bind-propagation=…` item), which `SpecWriter.removeMountOption` removes.
   */
  propagation?: Located<string>;
}

/** A published or exposed port. */
export interface Port {
  /** Host IP the port is bound to; undefined means every interface. */
  hostIp?: Located<string>;
  /** Host port or range as written (`8080`, `8000-8010`); undefined means a random host port. */
  hostPort?: Located<string>;
  /** Container port or range (`80`, `53/udp`'s `53`). */
  containerPort: Located<string>;
  protocol: string;
  /**
   * `published` maps to a host port (`ports:`, `-p`), `exposed` only documents it (`EXPOSE`, `expose:`),
   * `publish-all` is `-P`.
   */
  mode: 'published' | 'exposed' | 'publish-all';
  syntax: 'short' | 'long' | 'flag';
}

export interface Device {
  /** Host device path. */
  host: Located<string>;
  container?: Located<string>;
  permissions?: Located<string>;
}

export interface ImageRef {
  /** Image name without tag or digest, e.g. `nginx`, `ghcr.io/org/app`. */
  name: string;
  tag?: string;
  digest?: string;
  /** A Dockerfile `FROM stage-name` that refers to an earlier stage; `scratch` is not a stage. */
  isStage?: boolean;
  /** Compose: `image:` next to `build:` names the image built here rather than one pulled. */
  builtLocally?: boolean;
  /** Dockerfile `COPY --from=<image>`: files are copied out of it; it is no base of the image. */
  copiedFrom?: boolean;
  platform?: string;
}

export interface EnvVar {
  name: Located<string>;
  /** Undefined when only the name is given (value taken from the host environment). */
  value?: Maybe<string>;
  /** `ENV`, `ARG`, `environment:`, `-e`, a Compose `env_file:` … */
  source: 'env' | 'arg' | 'environment' | 'flag' | 'env_file';
}

/** A command the container (or its build) runs: Dockerfile RUN/CMD/ENTRYPOINT, Compose command/entrypoint, or the command after the image of `docker run`. */
export interface ShellCommand {
  kind: 'run' | 'cmd' | 'entrypoint' | 'healthcheck' | 'command';
  /** Shell words with their ranges; for the shell form these come from the shell tokenizer. */
  words: Located<string>[];
  /** The whole command text as written (after the instruction keyword and its flags). */
  text: Located<string>;
  form: 'shell' | 'exec';
  /**
   * Shell form: the control operators between the words (`&&`, `||`, `;`, `|`, `&`, a newline, `(`, `)`),
   * in source order, as `tokenizeShell` yields them. With `words` they give simple-command and pipeline
   * boundaries (`curl … | sh`, `… && sudo …`). Absent for the exec form.
   */
  operators?: Located<string>[];
  /** Dockerfile RUN: the instruction's flags as written (`--mount=type=secret,id=npm`, `--network=none`). */
  flags?: Located<string>[];
  /** Dockerfile RUN: where the arguments after the flags start (a `<<EOF` heredoc marker included); a flag added by a fix goes there. */
  argsStart?: number;
}

/** A remote file the build downloads itself: a Dockerfile `ADD http(s)://…` source (all stages). */
export interface RemoteSource {
  url: string;
  /** `ADD --checksum=sha256:…` pins the content. */
  checksum: boolean;
}

/** A Dockerfile stage, every one in order. */
export interface BuildStage {
  /** From its FROM to the end of its last instruction. */
  range: SourceRange;
  /** `AS <name>`, lower-cased as Docker compares stage names. */
  name?: string;
  /** The final stage or one it is built FROM: its layers are the image's. Other stages only feed `COPY --from`. */
  inFinalImage: boolean;
}

/** A Dockerfile COPY or ADD (every stage): the files it puts into the image. */
export interface FileCopy {
  instruction: 'COPY' | 'ADD';
  /** Local sources, unquoted, each located at its word (URLs and heredoc markers left out). */
  sources: Located<string>[];
  /** The last argument, where the files land in the image. */
  destination?: Located<string>;
  /** `--from=<stage or image>`, when given. */
  from?: string;
}

/** A Dockerfile LABEL key and its value. */
export interface Label {
  name: Located<string>;
  value?: Maybe<string>;
}

export interface Namespaces {
  network?: Maybe<string>;
  pid?: Maybe<string>;
  ipc?: Maybe<string>;
  uts?: Maybe<string>;
  userns?: Maybe<string>;
  cgroup?: Maybe<string>;
}

export interface Limits {
  memory?: Maybe<string>;
  cpus?: Maybe<string>;
  pids?: Maybe<string>;
  restart?: Maybe<string>;
}

/**
 * How one container will run, whatever file it came from. For a Dockerfile, runtime settings (user,
 * ports, volumes) come from the final stage, while `commands`, `env` and `images` cover every stage,
 * since the build runs them all and their text is in the file. Every value carries its source
 * range. Lists are empty when the setting is absent; a setting present as a whole but unknown
 * (`cap_drop: ${DROP}`) is reported in `unknownFields`.
 */
export interface ContainerSpec {
  origin: {
    kind: InputKind;
    /** Service name, final stage name/image, or the `docker run --name` (else its image). */
    name: string;
    /** The whole service mapping / final stage / command line. */
    range: SourceRange;
    /** The range of the service key / final FROM / `docker run` words: where whole-container findings point. */
    nameRange: SourceRange;
    /** Writer-specific handle for inserting new settings. */
    node?: unknown;
  };
  /**
   * "Missing" must not be reported: the facts are partial (`extends`, an unresolved include, a dev container's
   * image decides), or the container is not one anyone keeps running (a documentation fragment, a
   * foreground `docker run --rm` tool; see docs/hosts.md). Dangers present are still judged.
   */
  incomplete: boolean;
  /**
   * A documentation example (a Markdown code block): `incomplete` as well, and a port published without a
   * host IP is not reported either, since short examples leave out hardening on purpose.
   */
  fragment?: boolean;
  /** `docker run --rm`: the container is removed when it stops. */
  autoRemove?: Located<boolean>;
  /**
   * A `docker exec` (`docker compose exec`): a command started in a container already running. Only what the
   * command itself is given is read (`--privileged`, `--user`); the container's own settings are not written
   * there, so the spec is `incomplete` and has no image.
   */
  exec?: boolean;
  /** Names of settings present but unknown as a whole (e.g. `cap_drop`, `security_opt`); add with `markUnknown`. */
  unknownFields: ReadonlySet<string>;

  user?: Maybe<string>;
  /**
   * Set when no user is chosen and the default is root: a Dockerfile whose final stage (and the stages it
   * builds on) has no `USER`, on a base image not known to run as non-root. Points at the final `FROM`.
   * Compose and `docker run` leave it unset: without `user:` the image decides, which is unknown there.
   */
  implicitRootAt?: SourceRange;
  /**
   * The container starts as root and gives root up itself: `entrypoint` when its entrypoint switches to a service
   * user (gosu, su-exec, setpriv, runuser, s6; the official database images), `workers` when its server's master
   * stays root and serves requests from unprivileged workers (nginx, httpd, php-fpm). From the Dockerfile's
   * ENTRYPOINT/CMD and base image, or from the image a Compose service or `docker run` starts with its own entrypoint.
   */
  dropsPrivilegesAtRuntime?: 'entrypoint' | 'workers';
  /**
   * Dockerfile: what the final image is for, as far as its Dockerfile shows (parse/dockerfile/imageRole.ts):
   * `base` when it starts no program of its own (no ENTRYPOINT; CMD absent, a shell or a REPL), `windows` when it
   * is built on a Windows image (no root; ContainerAdministrator by default).
   */
  imageRole?: 'base' | 'windows';
  privileged?: Maybe<boolean>;
  capAdd: Located<string>[];
  capDrop: Located<string>[];
  /** The `cap_add`/`cap_drop` key or flag ranges, when present (for fixes that extend or remove them). */
  capAddField?: Located<null>;
  capDropField?: Located<null>;
  mounts: Located<Mount>[];
  ports: Located<Port>[];
  devices: Located<Device>[];
  limits: Limits;
  securityOpt: Located<string>[];
  securityOptField?: Located<null>;
  readOnly?: Maybe<boolean>;
  namespaces: Namespaces;
  image?: Maybe<ImageRef>;
  /** Every image the input pulls or builds from (all Dockerfile FROMs and `COPY --from` images, compose image, run image). */
  images: Located<ImageRef>[];
  env: Located<EnvVar>[];
  commands: ShellCommand[];
  /** Dockerfile `ADD` sources that are http(s) URLs, every stage; the range is the URL. */
  downloads?: Located<RemoteSource>[];
  /** Dockerfile: its stages, in order (to tell what ends up in the image from what only builds it). */
  stages?: BuildStage[];
  /** Dockerfile COPY and ADD instructions, every stage; the range is the instruction. */
  copies?: Located<FileCopy>[];
  /** Dockerfile LABEL pairs, every stage. */
  labels?: Located<Label>[];
  links: Located<string>[];
  linksField?: Located<null>;
  /** `--disable-content-trust` on `docker run`/`pull`/`create`. */
  contentTrustDisabled?: Located<boolean>;
  /** A Kubernetes container: the fields as written, for the Pod Security Standards (model/kubernetes.ts). */
  kubernetes?: KubernetesContainer;
  /** The log driver: Compose `logging.driver` (or the legacy `log_driver`), `--log-driver`. */
  logDriver?: Maybe<string>;
  /** The Compose `logging:` key, when it sets the driver: a fix that drops the driver drops its options with it. */
  loggingField?: Located<null>;
  /** Compose `oom_kill_disable`, `--oom-kill-disable`. */
  oomKillDisable?: Maybe<boolean>;
  /**
   * Compose: service keys Compose rejects that look like a misspelled security setting (`cap-drop`,
   * `readonly`, `pid_mode`), each with the setting meant, which is then unknown rather than missing.
   */
  misspelledKeys?: { key: Located<string>; meant: string }[];
  /** Compose: the profiles the service belongs to (`profiles:`); it starts only when one is active. */
  profiles?: string[];
}

export function emptySpec(origin: ContainerSpec['origin']): ContainerSpec {
  // Every property, in one order, from the start: specs then share one object shape whatever their
  // parser sets later, so the rules' property reads stay monomorphic, and nothing is added one by one
  // (a Compose file of 2,000 services builds 2,000 specs, profiled). The lists and the two small
  // objects are made first, which keeps the spec's own literal flat (V8 copies a flat literal inline).
  const capAdd: Located<string>[] = [];
  const capDrop: Located<string>[] = [];
  const mounts: Located<Mount>[] = [];
  const ports: Located<Port>[] = [];
  const devices: Located<Device>[] = [];
  const securityOpt: Located<string>[] = [];
  const images: Located<ImageRef>[] = [];
  const env: Located<EnvVar>[] = [];
  const commands: ShellCommand[] = [];
  const links: Located<string>[] = [];
  const limits: Limits = { memory: undefined, cpus: undefined, pids: undefined, restart: undefined };
  const namespaces: Namespaces = { network: undefined, pid: undefined, ipc: undefined, uts: undefined, userns: undefined, cgroup: undefined };
  return {
    origin,
    incomplete: false,
    fragment: undefined,
    autoRemove: undefined,
    exec: undefined,
    unknownFields: NO_UNKNOWN_FIELDS,
    user: undefined,
    implicitRootAt: undefined,
    dropsPrivilegesAtRuntime: undefined,
    imageRole: undefined,
    privileged: undefined,
    capAdd,
    capDrop,
    capAddField: undefined,
    capDropField: undefined,
    mounts,
    ports,
    devices,
    limits,
    securityOpt,
    securityOptField: undefined,
    readOnly: undefined,
    namespaces,
    image: undefined,
    images,
    env,
    commands,
    downloads: undefined,
    stages: undefined,
    copies: undefined,
    labels: undefined,
    links,
    linksField: undefined,
    contentTrustDisabled: undefined,
    kubernetes: undefined,
    logDriver: undefined,
    loggingField: undefined,
    oomKillDisable: undefined,
    misspelledKeys: undefined,
    profiles: undefined,
  };
}

/**
 * Gives each list of a finished spec a backing store of its own length. A list that grew by `push` from
 * empty holds room for 17 items (V8's first growth) though a service mostly sets one or two: across the
 * 2,000 services of a large Compose file that room was ~2.4 MB of the ~15 MB its model keeps alive, which
 * the garbage collector copies and promotes while the file is linted.
 */
export function compactLists(spec: ContainerSpec): void {
  if (spec.capAdd.length) spec.capAdd = spec.capAdd.slice();
  if (spec.capDrop.length) spec.capDrop = spec.capDrop.slice();
  if (spec.mounts.length) spec.mounts = spec.mounts.slice();
  if (spec.ports.length) spec.ports = spec.ports.slice();
  if (spec.devices.length) spec.devices = spec.devices.slice();
  if (spec.securityOpt.length) spec.securityOpt = spec.securityOpt.slice();
  if (spec.images.length) spec.images = spec.images.slice();
  if (spec.env.length) spec.env = spec.env.slice();
  if (spec.commands.length) spec.commands = spec.commands.slice();
  if (spec.links.length) spec.links = spec.links.slice();
}

/** Shared by every spec until a setting is unknown: few specs have one, and a Set each cost more than the rest of an empty spec. */
const NO_UNKNOWN_FIELDS: ReadonlySet<string> = new Set();

/** Records a setting present but unknown as a whole (`cap_drop: ${DROP}`). */
export function markUnknown(spec: ContainerSpec, field: string): void {
  if (spec.unknownFields === NO_UNKNOWN_FIELDS) spec.unknownFields = new Set([field]);
  else (spec.unknownFields as Set<string>).add(field);
}

/** A problem found while parsing (reported as a `parse-error` diagnostic, never thrown). */
export interface ParseProblem {
  message: string;
  range: SourceRange;
  severity: 'error' | 'warning' | 'info';
}

/** What a parser returns for a file. */
export interface ParsedFile {
  kind: InputKind;
  text: string;
  specs: ContainerSpec[];
  problems: ParseProblem[];
  /** Writer-specific state for the whole file (YAML document, Dockerfile AST, shell words). */
  handle?: unknown;
}
