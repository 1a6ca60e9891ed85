import type { ParsedFile } from '../model/containerSpec';

// Placeholder until the Compose parser lands.
export function parseCompose(text: string): ParsedFile {
  return { kind: 'compose', text, specs: [], problems: [] };
}
