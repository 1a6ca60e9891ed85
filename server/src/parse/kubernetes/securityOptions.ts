import type { ContainerSpec } from '../../model/containerSpec';
import type { KubernetesContainer } from '../../model/kubernetes';
import { isKnown, isUnknown, type Located, type Maybe } from '../../model/located';
import { markUnknown } from '../../model/containerSpec';
import type { YamlRef } from '../../yaml/values';
import type { SecurityContextRead } from './pod';

/** Which Kubernetes field a security option of the model stands for: the writer edits that field. */
export type KubernetesOptionField = 'allowPrivilegeEscalation' | 'seccompProfileType' | 'appArmorProfileType' | 'appArmorAnnotation' | 'procMount' | 'seLinuxType';

/** A YamlRef that also says which field a synthesized security option stands for. */
export interface KubernetesOptionRef extends YamlRef {
  field: KubernetesOptionField;
}

/**
 * The container's confinement settings as the model's security options, so the rules on Docker's
 * `security_opt` read them with the same meaning: `allowPrivilegeEscalation: false` is
 * `no-new-privileges:true`, an `Unconfined` seccomp or AppArmor profile is `seccomp=unconfined` /
 * `apparmor=unconfined`, `procMount: Unmasked` is `systempaths=unconfined` and the SELinux type `spc_t`
 * (what Docker's `label=disable` runs a container as) is `label=disable`. Each is located at the field.
 */
export function readSecurityOptions(spec: ContainerSpec, facts: KubernetesContainer, securityContext: SecurityContextRead, appArmorAnnotations: Located<string>[]): void {
  const own = securityContext.fields;
  const pod = facts.pod.securityContext;
  const escalation = facts.allowPrivilegeEscalation;
  if (isUnknown(escalation)) markUnknown(spec, 'security_opt');
  else if (escalation) spec.securityOpt.push(option(escalation, `no-new-privileges:${!escalation.value}`, 'allowPrivilegeEscalation'));
  const seccomp = own.seccompProfileType ?? pod.seccompProfileType;
  if (is(seccomp, 'Unconfined')) spec.securityOpt.push(option(seccomp, 'seccomp=unconfined', 'seccompProfileType'));
  const appArmor = own.appArmorProfileType ?? pod.appArmorProfileType;
  if (is(appArmor, 'Unconfined')) spec.securityOpt.push(option(appArmor, 'apparmor=unconfined', 'appArmorProfileType'));
  for (const annotation of appArmorAnnotations) {
    if (annotation.value.endsWith('=unconfined')) spec.securityOpt.push(option(annotation, 'apparmor=unconfined', 'appArmorAnnotation'));
  }
  if (is(facts.procMount, 'Unmasked')) spec.securityOpt.push(option(facts.procMount, 'systempaths=unconfined', 'procMount'));
  const seLinuxType = own.seLinuxType ?? pod.seLinuxType;
  if (is(seLinuxType, 'spc_t')) spec.securityOpt.push(option(seLinuxType, 'label=disable', 'seLinuxType'));
}

function is(value: Maybe<unknown>, expected: string): value is Located<unknown> {
  return isKnown(value) && String(value.value) === expected;
}

function option(at: Located<unknown>, value: string, field: KubernetesOptionField): Located<string> {
  const ref: KubernetesOptionRef = { ...(at.node as YamlRef | undefined ?? { value: undefined }), field };
  return { value, range: at.range, raw: at.raw, editable: at.editable, node: ref };
}
