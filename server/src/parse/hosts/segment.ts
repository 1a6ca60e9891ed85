import type { Segment } from '../index';
import { parseShell } from '../shell';
import { parseCompose } from '../compose';
import { parseDockerfile } from '../dockerfile';
import { createRunWriter } from '../../edit/runWriter';
import { createComposeWriter } from '../../edit/composeWriter';
import { createDockerfileWriter } from '../../edit/dockerfileWriter';

/**
 * One piece of a host file as the parsers see it. `text` has the same length as the host slice it comes
 * from, starting at `base`: host-only characters (YAML indentation, prompts, recipe prefixes) are blanked
 * with spaces, so every offset maps back with `+ base` and ranges land exactly on the host text.
 */
export interface HostPiece {
  base: number;
  text: string;
}

export interface ShellPieceOptions {
  /** False where a line break cannot be inserted (a folded or plain YAML scalar, one JSON string). */
  newlines?: boolean;
  /** Inserted text matching this cannot be written in the host (a `"` inside a YAML double-quoted scalar). */
  forbidden?: RegExp;
  /** The host writes line continuations with a PowerShell backtick where the piece has `\`. */
  backtickContinuation?: boolean;
}

/**
 * Inserted lines take their host prefix (a `> ` prompt, a YAML indentation) from the line they are
 * inserted before: the run writer copies the blanked indentation, and this puts the host's characters back.
 */
function inserter(host: string, piece: HostPiece, options: ShellPieceOptions): (text: string, at: number) => string | null {
  return (text, at) => {
    if (options.forbidden?.test(text)) return null;
    if (!text.includes('\n')) return text;
    if (options.newlines === false) return null;
    const lineStart = piece.text.lastIndexOf('\n', at - 1) + 1;
    let out = text;
    if (at === lineStart) {
      const indent = /^[ \t]*/.exec(piece.text.slice(lineStart))![0];
      const hostPrefix = host.slice(piece.base + lineStart, piece.base + lineStart + indent.length);
      if (hostPrefix !== indent) {
        // Each inserted line that starts with the piece's indentation gets the host's characters instead.
        out = out.replace(/(^|\n)([ \t]+)/g, (m, nl: string, ws: string) => (ws.startsWith(indent) ? nl + hostPrefix + ws.slice(indent.length) : m));
      }
    }
    if (options.backtickContinuation) out = out.replace(/ \\(\r?\n)/g, ' `$1');
    return out;
  };
}

export function shellSegment(host: string, piece: HostPiece, options: ShellPieceOptions = {}): Segment {
  const parsed = parseShell(piece.text);
  return {
    kind: 'run',
    parsed,
    writer: createRunWriter(parsed),
    toHost: (o) => o + piece.base,
    mapInsertedText: inserter(host, piece, options),
  };
}

export function composeSegment(piece: HostPiece): Segment {
  const parsed = parseCompose(piece.text);
  return { kind: 'compose', parsed, writer: createComposeWriter(parsed), toHost: (o) => o + piece.base };
}

export function dockerfileSegment(piece: HostPiece): Segment {
  const parsed = parseDockerfile(piece.text);
  return { kind: 'dockerfile', parsed, writer: createDockerfileWriter(parsed), toHost: (o) => o + piece.base };
}

/** Replaces `text[start, end)` with spaces, keeping line breaks, so offsets do not move. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/**
 * Code blocks in documentation are examples, short on purpose: only dangers present (privileged, a socket,
 * SYS_ADMIN, host namespaces, secrets) are judged, not hardening they leave out (see docs/hosts.md).
 */
export function asFragment(seg: Segment): Segment {
  for (const spec of seg.parsed.specs) {
    spec.incomplete = true;
    spec.fragment = true;
  }
  return seg;
}
