import type { Rule } from '../server/src/engine/ruleApi';
import bindPortsToInterface from './bind-ports-to-interface';
import dropAllCapabilities from './drop-all-capabilities';
import limitRestartRetries from './limit-restart-retries';
import noDangerousCapabilities from './no-dangerous-capabilities';
import noDisabledLogging from './no-disabled-logging';
import noDockerSocketMount from './no-docker-socket-mount';
import noExposedDockerDaemon from './no-exposed-docker-daemon';
import noHostDevices from './no-host-devices';
import noHostNamespace from './no-host-namespace';
import noInsecureDownload from './no-insecure-download';
import noInsecureRegistry from './no-insecure-registry';
import noLegacyLinks from './no-legacy-links';
import noMisspelledSecurityKey from './no-misspelled-security-key';
import noOomKillDisable from './no-oom-kill-disable';
import noPipeToShell from './no-pipe-to-shell';
import noPrivileged from './no-privileged';
import noRootUser from './no-root-user';
import noSecretsInEnv from './no-secrets-in-env';
import noSecretsInImage from './no-secrets-in-image';
import noSensitiveMount from './no-sensitive-mount';
import noSharedMountPropagation from './no-shared-mount-propagation';
import noSshPort from './no-ssh-port';
import noSudo from './no-sudo';
import noUnconfinedSecurityProfile from './no-unconfined-security-profile';
import pinImageVersion from './pin-image-version';
import pssApparmor from './pss-apparmor';
import pssCapabilities from './pss-capabilities';
import pssHostNamespaces from './pss-host-namespaces';
import pssHostPathVolumes from './pss-host-path-volumes';
import pssHostPorts from './pss-host-ports';
import pssHostProbes from './pss-host-probes';
import pssHostProcess from './pss-host-process';
import pssPrivilegeEscalation from './pss-privilege-escalation';
import pssPrivileged from './pss-privileged';
import pssProcMount from './pss-proc-mount';
import pssRunAsNonRoot from './pss-run-as-non-root';
import pssRunAsUser from './pss-run-as-user';
import pssSeccomp from './pss-seccomp';
import pssSelinux from './pss-selinux';
import pssSysctls from './pss-sysctls';
import pssVolumeTypes from './pss-volume-types';
import requireNoNewPrivileges from './require-no-new-privileges';
import requireReadOnlyRootfs from './require-read-only-rootfs';
import requireResourceLimits from './require-resource-limits';

/** Every rule, sorted by id. Adding a rule: one file in rules/, one line here, one test table. */
export const rules = {
  'bind-ports-to-interface': bindPortsToInterface,
  'drop-all-capabilities': dropAllCapabilities,
  'limit-restart-retries': limitRestartRetries,
  'no-dangerous-capabilities': noDangerousCapabilities,
  'no-disabled-logging': noDisabledLogging,
  'no-docker-socket-mount': noDockerSocketMount,
  'no-exposed-docker-daemon': noExposedDockerDaemon,
  'no-host-devices': noHostDevices,
  'no-host-namespace': noHostNamespace,
  'no-insecure-download': noInsecureDownload,
  'no-insecure-registry': noInsecureRegistry,
  'no-legacy-links': noLegacyLinks,
  'no-misspelled-security-key': noMisspelledSecurityKey,
  'no-oom-kill-disable': noOomKillDisable,
  'no-pipe-to-shell': noPipeToShell,
  'no-privileged': noPrivileged,
  'no-root-user': noRootUser,
  'no-secrets-in-env': noSecretsInEnv,
  'no-secrets-in-image': noSecretsInImage,
  'no-sensitive-mount': noSensitiveMount,
  'no-shared-mount-propagation': noSharedMountPropagation,
  'no-ssh-port': noSshPort,
  'no-sudo': noSudo,
  'no-unconfined-security-profile': noUnconfinedSecurityProfile,
  'pin-image-version': pinImageVersion,
  'pss-apparmor': pssApparmor,
  'pss-capabilities': pssCapabilities,
  'pss-host-namespaces': pssHostNamespaces,
  'pss-host-path-volumes': pssHostPathVolumes,
  'pss-host-ports': pssHostPorts,
  'pss-host-probes': pssHostProbes,
  'pss-host-process': pssHostProcess,
  'pss-privilege-escalation': pssPrivilegeEscalation,
  'pss-privileged': pssPrivileged,
  'pss-proc-mount': pssProcMount,
  'pss-run-as-non-root': pssRunAsNonRoot,
  'pss-run-as-user': pssRunAsUser,
  'pss-seccomp': pssSeccomp,
  'pss-selinux': pssSelinux,
  'pss-sysctls': pssSysctls,
  'pss-volume-types': pssVolumeTypes,
  'require-no-new-privileges': requireNoNewPrivileges,
  'require-read-only-rootfs': requireReadOnlyRootfs,
  'require-resource-limits': requireResourceLimits,
} satisfies Record<string, Rule<string>>;

export const allRules: readonly Rule[] = Object.values(rules) as Rule[];
