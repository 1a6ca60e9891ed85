import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

// `file:` URIs and the paths they name, for the Node server (the browser build has no paths: files/localDisk.ts).

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled, virtual workspaces). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/**
 * A key that is the same for the client's URI of a file and the URI the server builds from its path:
 * VS Code and Node percent-encode some characters differently.
 */
export function uriKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}
