import { isScalar, isSeq, parseDocument, visit, type Scalar } from 'yaml';
import type { Segment } from '../index';
import { shellSegment, type HostPiece, type ShellPieceOptions } from './segment';
import { findExcessiveNesting } from '../yamlDepth';

/** Keys whose string values are shell scripts in GitHub Actions, GitLab CI and similar CI files. */
const SCRIPT_KEYS = new Set(['run', 'script', 'before_script', 'after_script', 'command', 'commands', 'pre_script']);

/**
 * CI YAML → shell segments, one per `run:`/`script:` value (or item of a `script:` list). Block scalars
 * keep their indentation (blank space to the shell), so a range inside a `run: |` block lands on the
 * host text; folded and plain scalars have their line folds turned into spaces. `${{ … }}` reads as a
 * `${…}` expansion: an opaque word.
 */
export function ciYamlSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  // No CI file nests this deep; walking one would exhaust the stack (see yamlDepth.ts).
  if (findExcessiveNesting(text) !== undefined) return segments;
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false, strict: false });
  } catch {
    return [];
  }
  const add = (node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const made = pieceOf(text, node);
    if (made) segments.push(shellSegment(text, made.piece, made.options));
  };
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string' || !SCRIPT_KEYS.has(key)) return;
      if (isSeq(pair.value)) for (const item of pair.value.items) add(item);
      else add(pair.value);
    },
  });
  return segments;
}

function pieceOf(text: string, node: Scalar): { piece: HostPiece; options: ShellPieceOptions } | undefined {
  const [start, end] = node.range!;
  switch (node.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const contentStart = text.indexOf('\n', start) + 1;
      if (contentStart <= 0 || contentStart > end) return undefined;
      const body = text.slice(contentStart, end);
      if (node.type === 'BLOCK_LITERAL') return { piece: { base: contentStart, text: body }, options: {} };
      return { piece: { base: contentStart, text: foldBlock(body) }, options: { newlines: false } };
    }
    case 'PLAIN':
      return { piece: { base: start, text: foldFlow(text.slice(start, end)) }, options: { newlines: false, forbidden: /: | #/ } };
    case 'QUOTE_SINGLE': {
      const inner = text.slice(start + 1, end - 1);
      if (inner.includes("''")) return undefined; // an escaped quote: the text is not a 1:1 copy
      return { piece: { base: start + 1, text: foldFlow(inner) }, options: { newlines: false, forbidden: /'/ } };
    }
    case 'QUOTE_DOUBLE': {
      const inner = text.slice(start + 1, end - 1);
      if (inner.includes('\\')) return undefined;
      return { piece: { base: start + 1, text: foldFlow(inner) }, options: { newlines: false, forbidden: /["\\]/ } };
    }
    default:
      return undefined;
  }
}

/** A flow scalar's line breaks fold to spaces (blank lines aside, which a shell also reads as breaks). */
function foldFlow(body: string): string {
  return body.replace(/\r?\n(?=[ \t]*\S)/g, (m) => ' '.repeat(m.length));
}

/** A folded block's breaks between two lines at the block's indentation become spaces; more-indented lines keep theirs. */
function foldBlock(body: string): string {
  const indent = /^( *)\S/m.exec(body)?.[1].length ?? 0;
  const atIndent = (line: string) => line.trim() !== '' && /^ */.exec(line)![0].length === indent;
  const parts = body.split('\n');
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const line = parts[k];
    if (k === parts.length - 1) {
      out += line;
      break;
    }
    const fold = atIndent(line.replace(/\r$/, '')) && atIndent((parts[k + 1] ?? '').replace(/\r$/, ''));
    if (fold) out += line.endsWith('\r') ? line.slice(0, -1) + '  ' : line + ' ';
    else out += line + '\n';
  }
  return out;
}
