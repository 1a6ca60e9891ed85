import type { ContainerSpec } from '../model/containerSpec';
import { LineIndex } from '../model/lineIndex';
import { parseSegments, type Segment } from '../parse';
import { loadComposeProject } from '../parse/compose/projectFiles';
import { containerOf, moveContainer } from './hardening';
import { checkComposeSpec, DEFAULT_MAX_FILE_SIZE, finishComposeFindings, lint, type Finding, type LintOptions } from './lint';

/**
 * Re-linting a large Compose file after an edit inside one service: only that service is parsed again
 * and checked; the other services' findings are reused, moved by the edit's length.
 *
 * The edited service is parsed from a copy of the new text cut after its block, in which the services
 * before it are one long comment line of the same length: every offset is the real one, the anchors
 * and top-level keys before it are read as in the whole file (an alias can only refer back), and the
 * parse costs well under a millisecond (25,000 blank lines instead cost ~45 ms). Whenever the edit or
 * the file could make the result differ from `lint()` (anchors in a service, `extends`, a line that
 * could leave the block...), the whole file is linted instead. `test/perf/incremental.test.ts` compares both over random edits.
 */

/** What a lint of one version leaves for the next one. */
export interface ComposeLintState {
  text: string;
  optionsKey: string;
  /** Indentation of the service keys. */
  indent: number;
  /** Each service's block (its key line to the next service's key line) and its findings before suppressions. */
  blocks: { start: number; end: number; name: string; raw: Finding[] }[];
}

export interface ComposeLintResult {
  findings: Finding[];
  /** Undefined when this file cannot be re-linted incrementally (the next lint is a whole one). */
  state: ComposeLintState | undefined;
  incremental: boolean;
  /** The service parsed again, when incremental (its `node` references belong to the copy's YAML document). */
  reparsed?: ContainerSpec;
}

/** Whole-file features that tie services together, or blocks to each other, or read other files (`env_file`), in ways the cut copy would miss. */
const GLOBAL_BLOCKERS = /\t|\bextends\b|\binclude\b|\benv_file\b|^(?:---|\.\.\.)(?:\s|$)|[|>][1-9]?\+/m;
/** The same inside an edited block, plus anchors (an anchor in a service is read by others). */
const BLOCK_BLOCKERS = /&|\t|\bextends\b|\binclude\b|\benv_file\b|^(?:---|\.\.\.)(?:\s|$)|[|>][1-9]?\+/m;
const ALIAS = /\*[^\s,[\]{}]+/g;
/** A service key: a plain or quoted name, not a list item, comment, tag, alias or complex key. */
const KEY_START = /[A-Za-z0-9_."']/;

/** Lints `text` as a Compose file without fixes, reusing `previous` when the edit allows it. */
export function lintComposeIncrementally(text: string, options: LintOptions, previous?: ComposeLintState): ComposeLintResult {
  const opts: LintOptions = { ...options, withFixes: false };
  // A file of a Compose project (variables, override files) is judged with the others: linted whole.
  const project = loadComposeProject(opts.files, opts.compose);
  if (project.variables || project.files.length > 1) return { findings: lint(text, 'compose', opts).findings, state: undefined, incremental: false };
  const key = optionsKey(opts);
  if (previous && previous.optionsKey === key) {
    const result = relint(previous, text, opts);
    if (result) return result;
  }
  return lintWhole(text, opts, key);
}

function optionsKey(options: LintOptions): string {
  // The reader of other files is never called without `extends`/`include`, which send a file to lintWhole.
  const { files: _files, onInternalError: _log, ruleSet, ...rest } = options;
  return JSON.stringify({ ...rest, ruleSet: ruleSet?.map((r) => r.id) });
}

function lintWhole(text: string, options: LintOptions, key: string): ComposeLintResult {
  const whole = (): ComposeLintResult => ({ findings: lint(text, 'compose', options).findings, state: undefined, incremental: false });
  if (text.length * 3 > (options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) || GLOBAL_BLOCKERS.test(text)) return whole();
  let segments: Segment[];
  try {
    segments = parseSegments(text, 'compose', undefined, options.maxAliasNodes);
  } catch {
    return whole();
  }
  if (segments.length !== 1 || segments[0].parsed.problems.length) return whole();
  const seg = segments[0];
  const raws = seg.parsed.specs.map((spec) => checkComposeSpec(spec, seg, options));
  const lines = new LineIndex(text);
  const findings = finishComposeFindings(text, lines, raws.flat(), options);
  const state = stateOf(text, key, seg, raws, lines);
  return { findings, state, incremental: false };
}

/** The service blocks of a file whose services are all plain keys at one indentation, or undefined. */
function stateOf(text: string, key: string, seg: Segment, raws: Finding[][], lines: LineIndex): ComposeLintState | undefined {
  const specs = seg.parsed.specs;
  if (specs.length < 2) return undefined;
  const starts: number[] = [];
  let indent = -1;
  const names = new Set<string>();
  for (const spec of specs) {
    const keyAt = spec.origin.nameRange.start;
    const lineStart = lines.lineStart(lines.position(keyAt).line);
    const column = keyAt - lineStart;
    if (!/^ *$/.test(text.slice(lineStart, keyAt)) || (indent >= 0 && column !== indent) || names.has(spec.origin.name)) return undefined;
    if (starts.length && lineStart <= starts[starts.length - 1]) return undefined;
    indent = column;
    names.add(spec.origin.name);
    starts.push(lineStart);
  }
  if (indent < 1) return undefined;
  // The services mapping ends at the first line left of the service keys (or at the end of the text).
  let end = text.length;
  let keyLines = 0;
  for (let at = starts[0]; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(at, lineEnd);
    const column = line.search(/\S/);
    if (column >= 0 && line[column] !== '#') {
      if (column < indent) {
        end = at;
        break;
      }
      if (column === indent) keyLines++;
    }
    at = lineEnd + 1;
  }
  // Any other line at the keys' indentation (an `x-` entry, a duplicate key, a list) is more than this model knows.
  if (keyLines !== specs.length) return undefined;
  // An anchor in a service is read by others, and the copy leaves it out: such a file is always linted whole.
  if (text.slice(starts[0], end).includes('&')) return undefined;
  // One `services` key: the copy, cut after the edited service, must not miss a later one.
  if ((text.match(/^services[ \t]*:/gm) ?? []).length !== 1) return undefined;
  const blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : end, name: specs[i].origin.name, raw: raws[i] }));
  return { text, optionsKey: key, indent, blocks };
}

/** A comment line as long as `length` characters of text ending in a newline (a blank in the copy). */
function commentLine(length: number): string {
  return length < 2 ? '\n'.repeat(length) : `#${' '.repeat(length - 2)}\n`;
}

function aliasesOf(s: string): string {
  return (s.match(ALIAS) ?? []).sort().join(' ');
}

/** The incremental re-lint, or undefined when in any doubt. */
function relint(prev: ComposeLintState, text: string, options: LintOptions): ComposeLintResult | undefined {
  const old = prev.text;
  const max = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEditEnd = old.length - suffix;
  const delta = text.length - old.length;
  if (prefix === old.length && delta === 0) return undefined; // same text: nothing to gain over the cache
  // The edited block: the last one starting before the edit; not the last block (its end is the mapping's end).
  const { blocks, indent } = prev;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start < prefix) lo = mid;
    else hi = mid - 1;
  }
  const b = lo;
  const block = blocks[b];
  if (b >= blocks.length - 1 || prefix <= block.start + indent || oldEditEnd >= block.end) return undefined;
  const oldBlock = old.slice(block.start, block.end);
  const newBlock = text.slice(block.start, block.end + delta);
  if (BLOCK_BLOCKERS.test(newBlock) || BLOCK_BLOCKERS.test(oldBlock) || aliasesOf(newBlock) !== aliasesOf(oldBlock)) return undefined;
  if (!staysOneService(newBlock, indent)) return undefined;
  if (text.length * 3 > (options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return undefined;

  const first = blocks[0].start;
  const copy = text.slice(0, first) + commentLine(block.start - first) + newBlock;
  let segments: Segment[];
  try {
    segments = parseSegments(copy, 'compose', undefined, options.maxAliasNodes);
  } catch {
    return undefined;
  }
  const seg = segments[0];
  if (segments.length !== 1 || seg.parsed.problems.length || seg.parsed.specs.length !== 1) return undefined;
  const spec = seg.parsed.specs[0];
  if (spec.origin.nameRange.start !== block.start + indent) return undefined;
  // A duplicate service name makes one service of two in the whole file.
  if (blocks.some((other, i) => i !== b && other.name === spec.origin.name)) return undefined;

  const moved = (o: number) => (o >= oldEditEnd ? o + delta : o);
  const nextBlocks: ComposeLintState['blocks'] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (i === b) {
      nextBlocks.push({ start: block.start, end: block.end + delta, name: spec.origin.name, raw: checkComposeSpec(spec, seg, options) });
      continue;
    }
    const other = blocks[i];
    const raw: Finding[] = [];
    for (const f of other.raw) {
      // Another service's finding inside the edited text would mean the services share it: start over.
      if (f.range.end > prefix && f.range.start < oldEditEnd) return undefined;
      // A finding at a shared anchor before the edit may belong to a container after it: that container moves.
      const container = containerOf(f);
      const stays = delta === 0 || (f.range.end < oldEditEnd && (!container || container.block.end < oldEditEnd));
      raw.push(stays ? f : movedFinding(f, moved));
    }
    nextBlocks.push({ start: moved(other.start), end: moved(other.end), name: other.name, raw });
  }
  const findings = finishComposeFindings(text, new LineIndex(text), nextBlocks.flatMap((x) => x.raw), options);
  return { findings, state: { text, optionsKey: prev.optionsKey, indent, blocks: nextBlocks }, incremental: true, reparsed: spec };
}

/**
 * The block still holds one service: its key line first, every other line blank, a comment or indented
 * deeper, and no quoted scalar or flow collection left open at a line's end (one could run on into the
 * next services in the whole file, but not in the copy).
 */
function staysOneService(block: string, indent: number): boolean {
  const lines = block.split('\n');
  const first = lines[0];
  if (first.length < indent || !/^ *$/.test(first.slice(0, indent)) || !KEY_START.test(first.charAt(indent))) return false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!balanced(line)) return false;
    const column = line.search(/\S/);
    if (i === 0 || column < 0 || line[column] === '#') continue;
    if (column <= indent) return false;
  }
  return true;
}

function balanced(line: string): boolean {
  let double = 0;
  let single = 0;
  let square = 0;
  let curly = 0;
  for (let i = 0; i < line.length; i++) {
    switch (line.charCodeAt(i)) {
      case 34: double++; break; // "
      case 39: single++; break; // '
      case 91: square++; break; // [
      case 93: square--; break; // ]
      case 123: curly++; break; // {
      case 125: curly--; break; // }
    }
  }
  return double % 2 === 0 && single % 2 === 0 && square === 0 && curly === 0;
}

/** A finding of a service after the edited one (or of a container after it), at its new place, its container moved too. */
function movedFinding(f: Finding, moved: (o: number) => number): Finding {
  const copy = { ...f, range: { start: moved(f.range.start), end: moved(f.range.end) } };
  moveContainer(f, copy, moved);
  return copy;
}
