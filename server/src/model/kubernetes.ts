import type { Located, Maybe } from './located';

/**
 * What a Kubernetes container's spec says beyond the container model (ContainerSpec), as written: the
 * Pod Security Standards judge these fields exactly, where the Docker-shaped rules read the model. A
 * field the manifest leaves out is undefined; one behind a Helm template action is Unknown.
 */
export interface KubernetesContainer {
  /** The pod this container belongs to: one object shared by its containers. */
  pod: KubernetesPod;
  /** Which list of the pod spec holds it. */
  list: 'containers' | 'initContainers' | 'ephemeralContainers';
  /** The container's `name` (empty when it has none), as the admission names it in its messages. */
  name: string;
  /** The container's own securityContext fields (the pod-level ones are on `pod`). */
  securityContext: SecurityContextFields;
  allowPrivilegeEscalation?: Maybe<boolean>;
  privileged?: Maybe<boolean>;
  procMount?: Maybe<string>;
  /** `capabilities.add` / `capabilities.drop` items, as written (the admission compares them exactly). */
  capabilitiesAdd: Located<string>[];
  capabilitiesDrop: Located<string>[];
  /** `capabilities.drop` present but not a list of known values (a template action). */
  capabilitiesDropUnknown: boolean;
  /** `ports[*].hostPort` values other than 0. */
  hostPorts: Located<string>[];
  /** Non-empty `host` of an httpGet/tcpSocket probe or lifecycle handler. */
  probeHosts: Located<string>[];
  /** Part of the container is written by a template action (`{{ toYaml .Values.securityContext }}`): what is missing may be set there. */
  templated: boolean;
}

/** The securityContext fields the pod and each container can set, the container's winning. */
export interface SecurityContextFields {
  runAsNonRoot?: Maybe<boolean>;
  runAsUser?: Maybe<string>;
  seccompProfileType?: Maybe<string>;
  appArmorProfileType?: Maybe<string>;
  seLinuxType?: Maybe<string>;
  seLinuxUser?: Maybe<string>;
  seLinuxRole?: Maybe<string>;
  windowsHostProcess?: Maybe<boolean>;
}

/** A pod spec (a Pod, or the pod template of a workload), shared by its containers. */
export interface KubernetesPod {
  /** The object's kind and name (`Deployment`, `frontend`), for messages. */
  kind: string;
  name?: string;
  securityContext: SecurityContextFields;
  hostNetwork?: Maybe<boolean>;
  hostPID?: Maybe<boolean>;
  hostIPC?: Maybe<boolean>;
  hostUsers?: Maybe<boolean>;
  /** `spec.os.name` (`linux`, `windows`). */
  osName?: Maybe<string>;
  /** `securityContext.sysctls[*].name`. */
  sysctls: Located<string>[];
  /** One per volume: its name and its type (the volume source key: `hostPath`, `emptyDir`…), located at the type key. */
  volumes: Located<{ name: string; type: string }>[];
  /** `container.apparmor.security.beta.kubernetes.io/<container>` annotations, located at their values. */
  appArmorAnnotations: Located<string>[];
  /** The pod spec itself is partly written by template actions. */
  templated: boolean;
}
