import { detectKind, readsByContent, type FileKind } from '../parse';
import { looksLikeKubernetes } from '../parse/kubernetes/workloads';

const BY_LANGUAGE: Record<string, FileKind> = {
  dockerfile: 'dockerfile',
  dockercompose: 'compose',
  shellscript: 'shell',
};

// The yaml language is claimed for Compose by file name; other YAML is ours when it is a Kubernetes manifest.
const COMPOSE_LIKE_YAML = /(?:^|[\\/])(?:docker-)?compose[^\\/]*\.ya?ml$/i;

/** The path part of a URI, decoded (some kinds are told by their folder, e.g. `.github/workflows/`). */
export function uriPath(uri: string): string {
  const withoutQuery = uri.replace(/^[a-z][\w+.-]*:(?:\/\/[^/]*)?/i, '').replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(withoutQuery);
  } catch {
    return withoutQuery;
  }
}

/**
 * What Capdrop reads a document as: its file name first (a `Dockerfile.dev` shown as plain text is
 * still a Dockerfile), then the language the editor chose. Untitled documents only have the latter.
 * Other YAML is read when its content is a Kubernetes manifest (`text` is asked for only then).
 */
export function documentKind(uri: string, languageId: string, text?: () => string): FileKind | undefined {
  const filePath = uri.startsWith('untitled:') ? '' : uriPath(uri);
  const byName = filePath ? detectKind(filePath) : undefined;
  if (byName) return byName;
  const byLanguage = BY_LANGUAGE[languageId];
  if (byLanguage) return byLanguage;
  if (languageId === 'yaml' && COMPOSE_LIKE_YAML.test(filePath)) return 'compose';
  if ((languageId === 'yaml' || readsByContent(filePath)) && text && looksLikeKubernetes(text())) return 'kubernetes';
  return undefined;
}
