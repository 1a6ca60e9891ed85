import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown, type Located } from '../server/src/model/located';
import { BASELINE, kube, podExample, pssDocs } from './support/pss';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/** An annotation value the admission accepts: empty, `runtime/default` or `localhost/<profile>`. */
function allowedAnnotation(profile: string): boolean {
  return profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/');
}

export default defineRule({
  id: 'pss-apparmor',
  title: 'Pod Security Standards: no unconfined AppArmor profile',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: BASELINE,
  docs: pssDocs(
    'AppArmor',
    'Baseline level. AppArmor confines what a container\'s processes may touch; the runtime\'s default profile applies unless it is overridden: `securityContext.appArmorProfile.type` (pod and containers) must be unset, `RuntimeDefault` or `Localhost`, and the `container.apparmor.security.beta.kubernetes.io/*` annotations empty, `runtime/default` or `localhost/*`.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        appArmorProfile:\n          type: Unconfined\n') }],
      good: [{ kind: 'kubernetes', code: podExample('      securityContext:\n        appArmorProfile:\n          type: RuntimeDefault\n') }],
    },
  ),
  messages: {
    profileType: 'Pod Security Standards (Baseline), "AppArmor": {{who}} must not set the AppArmor profile type "{{value}}" (only RuntimeDefault or Localhost).',
    annotation: 'Pod Security Standards (Baseline), "AppArmor": the annotation for container "{{container}}" must not be "{{value}}" (only runtime/default or localhost/*).',
    useRuntimeDefault: 'Use the runtime\'s default AppArmor profile (check the container still starts)',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    const fields: [Located<string> | undefined, string][] = [];
    const pod = k.pod.securityContext.appArmorProfileType;
    const own = k.securityContext.appArmorProfileType;
    if (isKnown(pod)) fields.push([pod, 'the pod']);
    if (isKnown(own)) fields.push([own, `container "${k.name}"`]);
    for (const [type, who] of fields) {
      if (!type || ALLOWED_TYPES.has(type.value)) continue;
      ctx.report({ at: type, messageId: 'profileType', data: { who, value: type.value }, fixes: [{ messageId: 'useRuntimeDefault', safety: 'review', edit: (w) => w.replace(type, 'RuntimeDefault') }] });
    }
    for (const annotation of k.pod.appArmorAnnotations) {
      const eq = annotation.value.indexOf('=');
      const value = annotation.value.slice(eq + 1);
      if (allowedAnnotation(value)) continue;
      ctx.report({ at: annotation, messageId: 'annotation', data: { container: annotation.value.slice(0, eq), value }, fixes: [{ messageId: 'useRuntimeDefault', safety: 'review', edit: (w) => w.replace(annotation, 'runtime/default') }] });
    }
  },
});
