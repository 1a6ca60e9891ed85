import type { Segment } from '../index';
import { asFragment, blank, composeSegment, dockerfileSegment, shellSegment, type HostPiece } from './segment';

const SESSION_LANGS = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'bash-session', 'terminal']);
const POWERSHELL_LANGS = new Set(['powershell', 'pwsh', 'ps1', 'ps', 'posh']);
const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'zsh', 'ksh', 'shellscript', ...SESSION_LANGS, ...POWERSHELL_LANGS]);
const UNTAGGED_LANGS = new Set(['', 'text', 'txt', 'plain', 'none']);
const YAML_LANGS = new Set(['yaml', 'yml', 'compose', 'docker-compose']);
const DOCKERFILE_LANGS = new Set(['dockerfile', 'docker', 'containerfile']);

/** An untagged or indented block is read as commands only when it starts with a container command. */
const COMMAND_START = /^(?:sudo\s+(?:-\S+\s+)*)?(?:docker|podman|nerdctl)\s/;

type Flavor = 'sh' | 'session' | 'powershell';

interface Line {
  start: number;
  end: number;
  /** After the line break (or the text's end). */
  next: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    out.push({ start, end, next: nl < 0 ? text.length : nl + 1, text: text.slice(start, end) });
    start = nl < 0 ? text.length : nl + 1;
  }
  return out;
}

/** A prompt that starts a command: `$ `, `% `, `PS> `, `PS C:\src> `, `user@host:~$ `, and `# ` in session blocks. */
function primaryPrompt(line: string, flavor: Flavor): number {
  const m =
    /^[ \t]*(?:[$%][ \t]+|PS(?: [^>\n]*)?>[ \t]*|[\w.-]+@[\w.-]+(?::[^\s$#]*)?[$#][ \t]+)/.exec(line) ??
    (flavor === 'session' ? /^[ \t]*#[ \t]+(?=\S)/.exec(line) : null) ??
    (flavor === 'powershell' ? /^[ \t]*>[ \t]+/.exec(line) : null);
  return m ? m[0].length : -1;
}

/** A `> ` secondary prompt on a continuation line. */
function continuationPrompt(line: string): number {
  const m = /^[ \t]*>[ \t]?/.exec(line);
  return m ? m[0].length : 0;
}

function continues(line: string, flavor: Flavor): boolean {
  if (flavor === 'powershell' && /`[ \t]*$/.test(line)) return true;
  const m = /\\+[ \t]*$/.exec(line);
  return !!m && m[0].trimEnd().length % 2 === 1;
}

/**
 * Builds the shell piece of a code block: prompts blanked, output lines of a prompted session blanked,
 * PowerShell backtick continuations turned into `\` (same length), so offsets stay 1:1 with the host.
 */
function shellPiece(host: string, lines: Line[], flavor: Flavor): HostPiece | undefined {
  if (lines.length === 0) return undefined;
  const base = lines[0].start;
  let text = host.slice(base, lines[lines.length - 1].next);
  const session = lines.some((l) => primaryPrompt(l.text, flavor) >= 0);
  let continuing = false;
  for (const line of lines) {
    const from = line.start - base;
    if (continuing) {
      const p = continuationPrompt(line.text);
      if (p > 0) text = blank(text, from, from + p);
    } else if (session) {
      const p = primaryPrompt(line.text, flavor);
      if (p < 0) {
        text = blank(text, from, line.end - base); // output of the command above
        continue;
      }
      text = blank(text, from, from + p);
    }
    continuing = continues(line.text, flavor);
    if (continuing && flavor === 'powershell') {
      const tick = line.text.lastIndexOf('`');
      if (tick >= 0 && /^`[ \t]*$/.test(line.text.slice(tick))) text = text.slice(0, from + tick) + '\\' + text.slice(from + tick + 1);
    }
  }
  return { base, text };
}

function firstCommandLine(lines: Line[]): string | undefined {
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const p = primaryPrompt(l.text, 'session');
    return p >= 0 ? l.text.slice(p) : l.text.trimStart();
  }
  return undefined;
}

/** Docs show fragments and deliberately wrong files: their parse problems are not the reader's to fix. */
function withoutProblems(seg: Segment): Segment {
  return { ...seg, parsed: { ...seg.parsed, problems: [] } };
}

function segmentsOfBlock(host: string, lang: string, lines: Line[]): Segment[] {
  if (lines.length === 0) return [];
  if (SHELL_LANGS.has(lang) || (UNTAGGED_LANGS.has(lang) && COMMAND_START.test(firstCommandLine(lines) ?? ''))) {
    const flavor: Flavor = SESSION_LANGS.has(lang) ? 'session' : POWERSHELL_LANGS.has(lang) ? 'powershell' : 'sh';
    const piece = shellPiece(host, lines, flavor);
    return piece ? [asFragment(shellSegment(host, piece, { backtickContinuation: flavor === 'powershell' }))] : [];
  }
  const piece: HostPiece = { base: lines[0].start, text: host.slice(lines[0].start, lines[lines.length - 1].next) };
  if (YAML_LANGS.has(lang)) {
    // Only a Compose file: other YAML in docs (Kubernetes, CI) is not ours.
    const indent = /^[ \t]*/.exec(lines.find((l) => l.text.trim() !== '')?.text ?? '')![0];
    const topLevel = new RegExp(`^${indent}services:[ \\t]*(?:#.*)?$`, 'm');
    return topLevel.test(piece.text) ? [asFragment(withoutProblems(composeSegment(piece)))] : [];
  }
  if (DOCKERFILE_LANGS.has(lang)) return [asFragment(withoutProblems(dockerfileSegment(piece)))];
  return [];
}

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`{]*)?/;

/**
 * Markdown → segments: fenced blocks by their info string (shell flavours, Compose YAML, Dockerfile;
 * untagged blocks when they start with a container command) and indented code blocks that start with one.
 */
export function markdownSegments(text: string): Segment[] {
  const lines = linesOf(text);
  const segments: Segment[] = [];
  let i = 0;
  let previousBlank = true;
  while (i < lines.length) {
    const line = lines[i];
    const open = FENCE_OPEN.exec(line.text);
    if (open && !(open[2][0] === '`' && line.text.slice(open[0].length).includes('`'))) {
      const fence = open[2];
      const lang = (open[3] ?? '').toLowerCase().replace(/^\./, '');
      const close = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j].text)) j++;
      segments.push(...segmentsOfBlock(text, lang, lines.slice(i + 1, j)));
      i = j + 1;
      previousBlank = false;
      continue;
    }
    if (previousBlank && /^(?: {4}|\t)/.test(line.text) && line.text.trim() !== '') {
      let j = i;
      while (j < lines.length && (/^(?: {4}|\t)/.test(lines[j].text) || lines[j].text.trim() === '')) j++;
      while (j > i && lines[j - 1].text.trim() === '') j--;
      segments.push(...segmentsOfBlock(text, '', lines.slice(i, j)));
      i = j;
      previousBlank = false;
      continue;
    }
    previousBlank = line.text.trim() === '';
    i++;
  }
  return segments;
}
