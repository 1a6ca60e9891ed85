import type { ParsedFile } from '../../model/containerSpec';
import type { Segment } from '../index';
import { shellSegment } from './segment';

/**
 * A container tool as a command word: its name followed by a space, a line continuation or a closing
 * quote. Official images name `docker-php-ext-install`, `github.com/docker-library/…` or `docker.io` in
 * long RUN scripts; re-reading those as shell found nothing and cost 4% of the engine's time on them.
 */
const CONTAINER_TOOL = /\b(?:docker|podman|nerdctl)["']?[\s\\]/;
const NESTING_KINDS: ReadonlySet<string> = new Set(['run', 'cmd', 'entrypoint']);

/** Whether the text names a container tool; `includes` rules out most RUN lines faster than the regex alone (profiled). */
function namesContainerTool(text: string): boolean {
  return (text.includes('docker') || text.includes('podman') || text.includes('nerdctl')) && CONTAINER_TOOL.test(text);
}

/**
 * `docker run` lines inside a Dockerfile's shell-form RUN/CMD/ENTRYPOINT (docker-in-docker images, CI
 * runner images) → shell segments over the instruction's text, so their flags are judged like a script's.
 * The Dockerfile's `\` continuations are the shell's, so the text is used as written.
 */
export function nestedRunSegments(text: string, parsed: ParsedFile): Segment[] {
  const segments: Segment[] = [];
  const seen = new Set<number>();
  for (const spec of parsed.specs) {
    for (const command of spec.commands) {
      if (command.form !== 'shell' || !NESTING_KINDS.has(command.kind)) continue;
      const { start, end } = command.text.range;
      if (seen.has(start) || end <= start || end > text.length) continue;
      seen.add(start);
      const piece = { base: start, text: text.slice(start, end) };
      if (!namesContainerTool(piece.text)) continue;
      const seg = shellSegment(text, piece);
      if (seg.parsed.specs.length > 0) segments.push(seg);
    }
  }
  return segments;
}
