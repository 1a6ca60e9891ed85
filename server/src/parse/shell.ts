import type { ParsedFile } from '../model/containerSpec';

// Placeholder until the shell / docker run parser lands.
export function parseShell(text: string): ParsedFile {
  return { kind: 'run', text, specs: [], problems: [] };
}
