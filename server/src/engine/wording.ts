import type { InputKind } from '../model/containerSpec';
import type { Rule } from './ruleApi';
import { KUBERNETES_WORDING } from '../../../rules/support/kubernetes-wording';

/** The template of a rule's message for a spec of `kind`: in Kubernetes' words on a manifest when there are some (rules/support/kubernetes-wording.ts). */
export function messageTemplate(rule: Rule, kind: InputKind, messageId: string): string {
  if (kind === 'kubernetes') {
    const wording = Object.hasOwn(KUBERNETES_WORDING, rule.id) ? KUBERNETES_WORDING[rule.id] : undefined;
    if (wording && Object.hasOwn(wording, messageId)) return wording[messageId];
  }
  return (rule.messages as Record<string, string>)[messageId];
}
