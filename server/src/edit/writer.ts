import type { ContainerSpec, Mount, Port } from '../model/containerSpec';
import type { Located, SourceRange } from '../model/located';

/** A replacement of `range` (offsets into the parsed text) with `newText`. */
export interface TextEdit {
  range: SourceRange;
  newText: string;
}

/** Settings a fix can set as a whole; each writer spells them in its own syntax. */
export type Setting = 'user' | 'memory' | 'cpus' | 'pids' | 'restart' | 'readOnly';

/** List-valued settings a fix can extend. */
export type ListSetting = 'capAdd' | 'capDrop' | 'securityOpt';

/**
 * Field-level edits, planned against the model and turned into text by one writer per input kind.
 * Every method returns `null` when the edit cannot be made safely (the value comes through an alias,
 * a `${VAR}`, a flow mapping it cannot rewrite...): the fix is then not offered, never made broken.
 */
export interface SpecWriter {
  /** Remove a setting, flag or one list item (and the list's key when it becomes empty). */
  remove(item: Located<unknown>): TextEdit[] | null;
  /** Replace a scalar value in place, keeping the file's quoting style. */
  replace(item: Located<unknown>, value: string): TextEdit[] | null;
  /** Append values to a list setting, creating the setting next to its relatives when absent. */
  addToList(spec: ContainerSpec, setting: ListSetting, values: string[]): TextEdit[] | null;
  /** Set settings, replacing existing values and inserting missing ones in the file's own style. */
  setSettings(spec: ContainerSpec, values: Partial<Record<Setting, string>>): TextEdit[] | null;
  makeMountReadOnly(mount: Located<Mount>): TextEdit[] | null;
  /**
   * Remove one option of a mount, keeping the rest: `rshared` of `./a:/b:ro,rshared`, `bind-propagation=…`
   * of `--mount`, `bind.propagation` of a Compose long-syntax volume. `option` is one of the mount's own
   * located options (`mount.value.propagation`).
   */
  removeMountOption(mount: Located<Mount>, option: Located<string>): TextEdit[] | null;
  bindPortToHostIp(port: Located<Port>, hostIp: string): TextEdit[] | null;
  /**
   * Dockerfiles only: removes the `sudo` word before `next` from a RUN step, so that the step runs as
   * root without it (`USER root` before the step and the step's user again after it, when that user is
   * not root; only when `wholeStep` says every command of the step runs under sudo).
   */
  dropSudo?(sudo: Located<string>, next: Located<string>, wholeStep: boolean): TextEdit[] | null;
}

/** Applies non-overlapping edits to a text (used by the CLI, the tests and fix-all). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.range.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.range.start) + e.newText;
    pos = e.range.end;
  }
  return out + text.slice(pos);
}

/**
 * The edit that removes the option at `range` from a `,`-separated option list inside `text` (after a `:`
 * when it is a short-syntax volume's only option): with the comma before it, else the comma after it, else
 * the `:` before it. Null when the option is not delimited so, or a delimiter lies outside `bounds` (the
 * value the options belong to).
 */
export function removeDelimitedOption(text: string, range: SourceRange, bounds: SourceRange): TextEdit | null {
  const { start, end } = range;
  if (start <= bounds.start || end > bounds.end) {
    // An option that starts the value can only go with the comma after it.
    if (start === bounds.start && end < bounds.end && text[end] === ',') return { range: { start, end: end + 1 }, newText: '' };
    return null;
  }
  const before = text[start - 1];
  if (before === ',') return { range: { start: start - 1, end }, newText: '' };
  if (end < bounds.end && text[end] === ',') return { range: { start, end: end + 1 }, newText: '' };
  if (before === ':' && end === bounds.end) return { range: { start: start - 1, end }, newText: '' };
  return null;
}
