import type { Preset, RuleDocs } from '../../server/src/engine/ruleApi';
import type { ContainerSpec } from '../../server/src/model/containerSpec';
import type { KubernetesContainer, KubernetesPod } from '../../server/src/model/kubernetes';
import { isKnown, isUnknown, type Located, type Maybe } from '../../server/src/model/located';

/**
 * What the Pod Security Standards rules (rules/pss-*.ts) share. Each rule is one control of the standard at
 * its latest policy version (Kubernetes 1.36: policy v1.35, `staging/src/k8s.io/pod-security-admission/policy`),
 * checked as the PodSecurity admission checks it: every container, init container and ephemeral container,
 * exact string comparisons, the pod-level securityContext where the check reads it. A rule reports each
 * value the admission would reject at that value (a pod-level one once for the pod); where the admission
 * rejects a field left out, the finding is at the container's name. Unknown values (a Helm action) and
 * parts written by templates are not judged.
 */

export const PSS_DOCS_URL = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const PSS_ADMISSION_SOURCE = 'https://github.com/kubernetes/kubernetes/tree/master/staging/src/k8s.io/pod-security-admission/policy';

/** The presets a control of the Baseline level is part of: both, since Restricted includes Baseline. */
export const BASELINE: readonly Preset[] = ['pss-baseline', 'pss-restricted'];
/** A Baseline control Restricted replaces with a stricter check of its own (hostPath volumes by volume types). */
export const BASELINE_ONLY: readonly Preset[] = ['pss-baseline'];
export const RESTRICTED: readonly Preset[] = ['pss-restricted'];

/** The level a control judges by: Restricted under `pss-restricted`, Baseline otherwise (a rule turned on by hand). */
export function level(preset: Preset): 'Baseline' | 'Restricted' {
  return preset === 'pss-restricted' ? 'Restricted' : 'Baseline';
}

/** The Kubernetes facts of a spec, or undefined for the other inputs. */
export function kube(spec: ContainerSpec): KubernetesContainer | undefined {
  return spec.kubernetes;
}

/** Whether a known value is `expected`. */
export function isTrue(value: Maybe<boolean>): value is Located<boolean> {
  return isKnown(value) && value.value;
}

/**
 * Whether a field left out may still be set, so "missing" is not judged: a template action writes part of the
 * container (or, for a field the pod can set for its containers, `podLevel`, of the pod), or the container is
 * not a whole one (a kustomize patch without an image).
 */
export function mayBeSetElsewhere(spec: ContainerSpec, podLevel = false): boolean {
  return spec.incomplete || (podLevel && spec.kubernetes?.pod.templated === true);
}

/**
 * A pod the admission exempts from the Linux-only Restricted checks (allowPrivilegeEscalation, seccomp,
 * capabilities: policy v1.25): `spec.os.name: windows`. A templated OS may be Windows too.
 */
export function mayBeWindows(pod: KubernetesPod): boolean {
  return isUnknown(pod.osName) || (isKnown(pod.osName) && pod.osName.value === 'windows');
}

/** A pod in a user namespace (`hostUsers: false`), for which policy v1.35 relaxes runAsNonRoot, runAsUser and Baseline's procMount. A templated value may be false. */
export function userNamespaced(pod: KubernetesPod): boolean {
  return isUnknown(pod.hostUsers) || (isKnown(pod.hostUsers) && pod.hostUsers.value === false);
}

/** The docs every control shares, with its own rationale and fields. */
export function pssDocs(control: string, rationale: string, examples: RuleDocs['examples'], whenNotToUse?: string): RuleDocs {
  return {
    rationale: `Pod Security Standards control "${control}". ${rationale}`,
    whenNotToUse:
      whenNotToUse ??
      'Namespaces whose Pod Security level is lower (privileged system namespaces such as kube-system, node agents you accept as part of the node): choose the preset of the level the namespace enforces.',
    references: [PSS_DOCS_URL, PSS_ADMISSION_SOURCE],
    examples,
  };
}

/** A Pod manifest with one container `app`, for the rules' examples: `pod` under `spec:`, `container` under the container. */
export function podExample(container: string, pod = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${pod}  containers:\n    - name: app\n      image: nginx:1.27\n${container}`;
}
