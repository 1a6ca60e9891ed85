/**
 * The rules' messages in Kubernetes' words, for findings on Kubernetes manifests. A rule means the same on
 * every input (the parser maps `allowPrivilegeEscalation: false` to the model's no-new-privileges, an
 * `Unconfined` seccomp profile to `seccomp=unconfined`…), but its message names what the user wrote: the
 * engine takes a template from here when the spec is a Kubernetes container and the rule's own otherwise,
 * with the same data. Messages not listed read right as they are.
 */
export const KUBERNETES_WORDING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'bind-ports-to-interface': {
    allInterfaces: 'Host port "{{port}}" is published on every interface of the node; set hostIP to one address (or drop hostPort and use a Service) unless other machines must reach it.',
    bindToLocalhost: 'Set hostIP: 127.0.0.1 for "{{port}}" (check nothing outside this node needs it)',
  },
  'drop-all-capabilities': {
    keepsDefaults: 'Container "{{name}}" keeps the runtime\'s default capabilities (securityContext.capabilities.drop has no ALL); drop ALL and add back only the capabilities it needs.',
    dropAll: 'Add capabilities.drop: [ALL], keeping the added ones (check the container still starts)',
  },
  'no-docker-socket-mount': {
    socketMounted: 'The container runtime socket "{{source}}" is mounted from the node (hostPath), which gives root on the node even read-only (the API stays fully usable); expose only the calls needed through a socket proxy with a restricted API.',
    socketDirectoryMounted: 'The node directory "{{source}}" (hostPath) holds the container runtime socket, which gives root on the node even read-only (the API stays fully usable); mount only what the container needs, and reach the runtime through a socket proxy with a restricted API.',
  },
  'no-host-namespace': {
    hostNamespace: 'This pod shares the node\'s {{namespace}} namespace, so {{consequence}}; remove the setting unless the workload must see the node.',
    removeSetting: 'Remove the host {{namespace}} namespace setting (check the pod still works)',
  },
  'no-privileged': {
    privileged: 'This container runs privileged (securityContext.privileged), with every capability and all the node\'s devices; grant only the capabilities it needs.',
  },
  'no-root-user': {
    root: 'The container runs as uid {{user}} (runAsUser), which is root; run it as an unprivileged uid instead.',
    runAsUid: 'Set runAsUser: {{uid}} and runAsGroup: {{uid}}',
  },
  'no-secrets-in-env': {
    secretInEnvironment: 'The environment variable {{name}} is set to a literal secret in the manifest; read it from a Secret (valueFrom.secretKeyRef) or mount the Secret as a file instead.',
    credentialInEnvironment: 'The environment variable {{name}} holds {{what}} in the manifest; read it from a Secret (valueFrom.secretKeyRef) or mount the Secret as a file instead.',
    placeholderPassword: '{{name}} is set to the placeholder "{{value}}", which works as a password until someone replaces it; read the real one from a Secret (valueFrom.secretKeyRef).',
    credentialInCommand: 'This command holds {{what}}, which the pod spec and the node\'s process list show to anyone who can read them; read it from a Secret mounted as a file or passed in the environment instead.',
    secretInCommand: 'This command sets {{name}} to a literal secret, which the pod spec and the node\'s process list show to anyone who can read them; read it from a Secret mounted as a file or passed in the environment instead.',
  },
  'no-sensitive-mount': {
    writable: 'The node path "{{source}}" is mounted writable (hostPath): the container can {{writes}}; {{remedy}}.',
    writableExposed: 'The node path "{{source}}" is mounted writable (hostPath): the container can {{reads}}, and {{writes}}; mount only the files it needs, read-only.',
    readOnlyExposed: 'The node path "{{source}}" is mounted read-only (hostPath), but the container can still {{reads}}; mount only the files it needs.',
    readOnlyInformation: 'The node path "{{source}}" is mounted read-only (hostPath): the container can {{reads}}; keep such mounts to agents you trust with that.',
    reachable: 'The node path "{{source}}" is mounted (hostPath): the container can {{reads}}, read-only or not; remove it unless the container needs that.',
    makeReadOnly: 'Set readOnly: true on the mount of "{{source}}" (check the container still starts)',
    makeTimeZoneReadOnly: 'Set readOnly: true on the mount of "{{source}}" (the node\'s time zone is only there to be read)',
  },
  'no-shared-mount-propagation': {
    shared: 'The mount at "{{target}}" uses mountPropagation: Bidirectional, so mounts made under it in the container appear on the node and in other pods; remove it (the default is None), or use HostToContainer if the container only needs to see the node\'s mounts.',
    sharedCanMount: 'The mount at "{{target}}" uses mountPropagation: Bidirectional and this container can mount (privileged or SYS_ADMIN), so it can lay a filesystem over node directories under it; remove it (the default is None), or use HostToContainer if the container only needs to see the node\'s mounts.',
    removePropagation: 'Remove mountPropagation: Bidirectional (the mount becomes None)',
  },
  'no-ssh-port': {
    sshPort: 'Container port {{port}} (SSH) is {{how}}; remove it and use `kubectl exec` for shell access.',
    removePort: 'Remove port {{port}} (SSH clients can no longer connect: use kubectl exec)',
  },
  'no-unconfined-security-profile': {
    unconfined: 'The securityContext turns off {{layer}} for this container; go back to the runtime\'s default, or confine it with a custom (Localhost) profile that allows only what the workload needs.',
    removeOption: 'Restore {{layer}} (check the container still starts under the default profile)',
  },
  'require-no-new-privileges': {
    missing: 'Container "{{name}}" does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges; set it in the securityContext.',
    disabled: 'allowPrivilegeEscalation is true, so setuid binaries can raise privileges; set it to false.',
    addNoNewPrivileges: 'Set allowPrivilegeEscalation: false (setuid programs such as sudo stop working: check the container)',
    enableNoNewPrivileges: 'Set allowPrivilegeEscalation: false (setuid programs such as sudo stop working: check the container)',
  },
  'require-read-only-rootfs': {
    writableRootfs: 'The root filesystem of "{{name}}" is writable; set readOnlyRootFilesystem: true and give the paths it writes an emptyDir volume.',
    readOnlyOff: 'readOnlyRootFilesystem is turned off ("{{value}}"); turn it on and give the paths the container writes an emptyDir volume.',
    makeReadOnly: 'Set readOnlyRootFilesystem: true (check the container still starts; mount emptyDir volumes where it writes)',
  },
  'require-resource-limits': {
    missingLimits: 'Container "{{name}}" has no {{missing}} limit (resources.limits), so it can exhaust the node; set limits sized for its workload.',
    setLimits: 'Set resources.limits ({{limits}}; check they fit the workload)',
  },
};
