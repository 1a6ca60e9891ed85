import type { ParsedFile } from '../model/containerSpec';

// Placeholder until the Dockerfile parser lands.
export function parseDockerfile(text: string): ParsedFile {
  return { kind: 'dockerfile', text, specs: [], problems: [] };
}
