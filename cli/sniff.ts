import type { FileKind } from '../server/src/parse';
import { looksLikeKubernetes } from '../server/src/parse/kubernetes/workloads';

/**
 * Guesses the kind of text with no telling file name: a Kubernetes manifest has an `apiVersion` and a
 * workload `kind`, Compose has `services:`, a Dockerfile starts with FROM/ARG.
 */
export function sniffKind(text: string): FileKind {
  if (looksLikeKubernetes(text)) return 'kubernetes';
  if (/^services[ \t]*:/m.test(text)) return 'compose';
  const firstInstruction = text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (firstInstruction && /^(?:FROM|ARG)\s/i.test(firstInstruction) && /^FROM\s/im.test(text)) return 'dockerfile';
  return 'shell';
}
