import type { ContainerSpec, ParsedFile } from '../model/containerSpec';
import { LineIndex } from '../model/lineIndex';
import { parseDockerRun } from './dockerRun';
import { splitCommands, tokenizeShell, type ShellToken } from './shellWords';

/** The whole-file handle of a shell file: its tokens (the writers read per-command info from `origin.node`). */
export interface ShellFileHandle {
  tokens: ShellToken[];
}

/**
 * Finds `docker run` / `docker create` (podman, nerdctl) commands in shell text. Only the first word of a
 * simple command can start one, so quoted strings, comments, heredoc bodies and assignments never do.
 * Commands inside `$(…)` are out of scope.
 */
export function parseShell(text: string): ParsedFile {
  const tokens = tokenizeShell(text);
  const eol = LineIndex.eol(text);
  const specs: ContainerSpec[] = [];
  for (const words of splitCommands(tokens)) {
    const spec = parseDockerRun(words, text, eol);
    if (spec) specs.push(spec);
  }
  const handle: ShellFileHandle = { tokens };
  return { kind: 'run', text, specs, problems: [], handle };
}
