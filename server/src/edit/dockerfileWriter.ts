import type { Arg, Env } from 'dockerfile-ast';
import type { ContainerSpec, ParsedFile } from '../model/containerSpec';
import type { Located, SourceRange } from '../model/located';
import { stageChain, type DockerfileHandle, type InstructionInfo, type ValueNode } from '../parse/dockerfile/handle';
import { imageFamily, VARIABLE_REFERENCE, type ImageFamily } from '../parse/dockerfile/images';
import { scanJsonStringArray } from '../parse/dockerfile/jsonArray';
import { splitWords } from '../parse/dockerfile/words';
import type { Setting, SpecWriter, TextEdit } from './writer';

/** A user name or uid, optionally with a group: `app`, `10001`, `10001:10001`. */
const USER_VALUE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?::[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;
const NUMERIC_USER = /^(\d+)(?::(\d+))?$/;
/** Instructions that conventionally close a Dockerfile; a new USER goes above them. */
const TRAILING = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const USER_TOOLS = /\b(?:useradd|adduser)\b/;

/**
 * Edits Dockerfiles. Only the user can be set (`USER`); the other settings do not exist in a
 * Dockerfile, so those edits return null.
 *
 * Choice for the no-root-user fix: a numeric `USER uid:gid` (what the rule asks for) rather than a
 * name, so that Kubernetes `runAsNonRoot` can verify it without reading /etc/passwd. When the base
 * image has a shell, a RUN first creates a matching `app` user and group so that tools which look
 * the uid up (ssh, git, some JVMs) find it.
 */
export function createDockerfileWriter(parsed: ParsedFile): SpecWriter {
  const handle = parsed.handle as DockerfileHandle | undefined;
  const none = () => null;
  if (!handle) return { remove: none, replace: none, addToList: none, setSettings: none, makeMountReadOnly: none, removeMountOption: none, bindPortToHostIp: none };
  const writer = new DockerfileWriter(parsed.text, handle);
  return {
    remove: (item) => writer.remove(item),
    replace: (item, value) => writer.replace(item, value),
    addToList: none,
    setSettings: (spec, values) => writer.setSettings(spec, values),
    makeMountReadOnly: none,
    removeMountOption: none,
    bindPortToHostIp: none,
    dropSudo: (sudo, next, wholeStep) => writer.dropSudo(sudo, next, wholeStep),
  };
}

class DockerfileWriter {
  constructor(
    private readonly text: string,
    private readonly handle: DockerfileHandle,
  ) {}

  replace(item: Located<unknown>, value: string): TextEdit[] | null {
    const node = this.nodeOf(item);
    if (!node || /[\r\n]/.test(value)) return null;
    // A USER inherited from a build stage also sets the user of that stage's own RUNs: leave it alone.
    const instruction = this.handle.instructions[node.instruction];
    if (instruction.keyword === 'USER' && instruction.stage !== this.handle.stages.length - 1) return null;
    // Inside a JSON string any text can be escaped; elsewhere a space or quote would change the parse.
    const quoted = JSON.stringify(value);
    const newText = node.json ? (item.raw.startsWith('"') ? quoted : quoted.slice(1, -1)) : value;
    if (!node.json && (value === '' || /[\s"'`\\$]/.test(value))) return null;
    return [{ range: { ...item.range }, newText }];
  }

  remove(item: Located<unknown>): TextEdit[] | null {
    const node = this.nodeOf(item);
    if (!node || node.replaceOnly) return null;
    const instruction = this.handle.instructions[node.instruction];
    if (instruction.keyword === 'FROM') return null;

    let siblings: SourceRange[];
    const words = splitWords(this.text, instruction.argsStart, instruction.range.end, this.handle.escapeChar);
    if (node.json) {
      if (words.length === 0) return null;
      siblings = scanJsonStringArray(this.text, words[0].start, words[words.length - 1].end, this.handle.escapeChar) ?? [];
    } else if (node.arg !== undefined) {
      siblings = words;
    } else if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
      siblings = (instruction.ast as Env | Arg).getProperties().map((p) => {
        const name = p.getNameRange();
        const end = p.getValueRange()?.end ?? name.end;
        return { start: this.handle.lines.offset(name.start.line, name.start.character), end: this.handle.lines.offset(end.line, end.character) };
      });
    } else {
      return null;
    }
    const index = siblings.findIndex((s) => s.start === item.range.start && s.end === item.range.end);
    if (index < 0) return null;
    if (siblings.length === 1) return [this.removeInstruction(instruction)];

    // Take the separator on one side with the item; across continuation lines it is unclear, so refuse.
    const range =
      index < siblings.length - 1
        ? { start: siblings[index].start, end: siblings[index + 1].start }
        : { start: siblings[index - 1].end, end: siblings[index].end };
    if (/[\r\n]/.test(this.text.slice(range.start, range.end))) return null;
    return [{ range, newText: '' }];
  }

  setSettings(spec: ContainerSpec, values: Partial<Record<Setting, string>>): TextEdit[] | null {
    const keys = (Object.keys(values) as Setting[]).filter((k) => values[k] !== undefined);
    const user = values.user;
    if (keys.length !== 1 || user === undefined || !USER_VALUE.test(user)) return null;
    const stageIndex = typeof spec.origin.node === 'number' ? spec.origin.node : this.handle.stages.length - 1;
    const stage = this.handle.stages[stageIndex] as (typeof this.handle.stages)[number] | undefined;
    // A fragment without FROM: its own USER can be rewritten, but nothing is inserted into it.
    const fragment = !stage && this.handle.stages.length === 0;
    if (!stage && !fragment) return null;
    const own = stage ? stage.instructions.map((i) => this.handle.instructions[i]) : this.handle.instructions;

    const lastUser = [...own].reverse().find((i) => i.keyword === 'USER');
    if (lastUser) {
      const words = splitWords(this.text, lastUser.argsStart, lastUser.range.end, this.handle.escapeChar);
      if (words.length === 0) return null;
      const range = { start: words[0].start, end: words[words.length - 1].end };
      if (VARIABLE_REFERENCE.test(this.text.slice(range.start, range.end))) return null;
      return [{ range, newText: user }];
    }
    return fragment ? null : this.insertUser(stageIndex, own, user);
  }

  private insertUser(stageIndex: number, own: InstructionInfo[], user: string): TextEdit[] | null {
    const { lines, eol } = this.handle;
    const from = this.handle.instructions[this.handle.stages[stageIndex].from];
    const lower = from.written === from.written.toLowerCase();
    const keyword = (k: string) => (lower ? k.toLowerCase() : k);

    const newLines: string[] = [];
    const creation = this.userCreation(stageIndex, user);
    if (creation) newLines.push(`${keyword('RUN')} ${creation}`);
    newLines.push(`${keyword('USER')} ${user}`);

    let firstTrailing = own.length;
    while (firstTrailing > 0 && TRAILING.has(own[firstTrailing - 1].keyword)) firstTrailing--;
    if (firstTrailing < own.length) {
      const anchor = own[firstTrailing];
      let line = lines.position(anchor.range.start).line;
      const indent = this.indentOf(line);
      // Keep a comment that introduces the CMD/ENTRYPOINT attached to it.
      while (line > 0 && lines.lineText(line - 1).trimStart().startsWith('#')) line--;
      const at = lines.lineStart(line);
      return [{ range: { start: at, end: at }, newText: newLines.map((l) => indent + l).join(eol) + eol }];
    }

    const last = own.length > 0 ? own[own.length - 1] : from;
    const lastLine = lines.position(last.range.end).line;
    // A dangling continuation would swallow the new line into the previous instruction.
    if (this.text.slice(last.range.start, last.range.end).trimEnd().endsWith(this.handle.escapeChar)) return null;
    const indent = this.indentOf(lines.position(last.range.start).line);
    const at = lines.lineEnd(lastLine);
    return [{ range: { start: at, end: at }, newText: newLines.map((l) => eol + indent + l).join('') }];
  }

  /** The command that creates a numeric user on this stage's base image, or undefined when none is needed or possible. */
  private userCreation(stageIndex: number, user: string): string | undefined {
    const numeric = NUMERIC_USER.exec(user);
    if (!numeric) return undefined;
    const chain = stageChain(this.handle, stageIndex);
    const base = this.handle.stages[chain[chain.length - 1]];
    if (!base.image || base.imageIsUnknown) return undefined;
    const family: ImageFamily = imageFamily(base.image);
    if (family === 'none') return undefined;
    const uid = numeric[1];
    const gid = numeric[2] ?? uid;
    const uidWord = new RegExp(`(?:^|[^0-9])${uid}(?:$|[^0-9])`);
    for (const s of chain) {
      for (const i of this.handle.stages[s].instructions) {
        const instruction = this.handle.instructions[i];
        if (instruction.keyword !== 'RUN') continue;
        const text = this.text.slice(instruction.range.start, instruction.range.end);
        if (USER_TOOLS.test(text) && uidWord.test(text)) return undefined;
      }
    }
    return family === 'alpine'
      ? `addgroup -S -g ${gid} app && adduser -S -D -H -u ${uid} -G app app`
      : `groupadd --system --gid ${gid} app && useradd --system --uid ${uid} --gid app --no-create-home app`;
  }

  /**
   * `RUN sudo cmd` → `RUN cmd`, when the Dockerfile says which user the step runs as (a USER before it in
   * its stage or the stages it builds on: a base image's user is not known here). That user root: only
   * the word goes. Another user, and every command of the step under sudo: `USER root` before the step
   * and `USER <that user>` after it, so the steps after it run as before.
   */
  dropSudo(sudo: Located<string>, next: Located<string>, wholeStep: boolean): TextEdit[] | null {
    const index = this.handle.instructions.findIndex((i) => i.keyword === 'RUN' && i.range.start <= sudo.range.start && sudo.range.end <= i.range.end);
    if (index < 0) return null;
    const run = this.handle.instructions[index];
    const args = this.text.slice(run.argsStart, run.range.end);
    // The exec form's JSON array and heredocs are left alone.
    if (args.trimStart().startsWith('[') || args.includes('<<')) return null;
    if (!/^[ \t]+$/.test(this.text.slice(sudo.range.end, next.range.start))) return null;
    const user = this.userBefore(index);
    if (user === undefined || VARIABLE_REFERENCE.test(user) || !USER_VALUE.test(user)) return null;
    const removeWord: TextEdit = { range: { start: sudo.range.start, end: next.range.start }, newText: '' };
    const name = user.split(':')[0];
    if (name === 'root' || name === '0') return [removeWord];
    if (!wholeStep) return null;
    if (args.trimEnd().endsWith(this.handle.escapeChar)) return null; // a dangling continuation would swallow the line after it
    const { lines, eol } = this.handle;
    const firstLine = lines.position(run.range.start).line;
    const indent = this.indentOf(firstLine);
    const keyword = run.written === run.written.toLowerCase() ? 'user' : 'USER';
    const before = lines.lineStart(firstLine);
    const after = lines.lineEnd(lines.position(run.range.end).line);
    return [{ range: { start: before, end: before }, newText: `${indent}${keyword} root${eol}` }, removeWord, { range: { start: after, end: after }, newText: `${eol}${indent}${keyword} ${user}` }];
  }

  /** The argument of the last USER before instruction `index` in its stage or the stages it builds on; undefined when none. */
  private userBefore(index: number): string | undefined {
    const { instructions, stages } = this.handle;
    for (const s of stageChain(this.handle, instructions[index].stage)) {
      const own = stages[s].instructions;
      for (let k = own.length - 1; k >= 0; k--) {
        if (own[k] >= index) continue;
        const instruction = instructions[own[k]];
        if (instruction.keyword !== 'USER') continue;
        const words = splitWords(this.text, instruction.argsStart, instruction.range.end, this.handle.escapeChar);
        return words.length === 1 ? this.text.slice(words[0].start, words[0].end) : undefined;
      }
    }
    return undefined;
  }

  private indentOf(line: number): string {
    return /^[ \t]*/.exec(this.handle.lines.lineText(line))![0];
  }

  /** Removes an instruction's whole lines, with the line break that ends them. */
  private removeInstruction(instruction: InstructionInfo): TextEdit {
    const { lines } = this.handle;
    const startLine = lines.position(instruction.range.start).line;
    const endLine = lines.position(instruction.range.end).line;
    if (endLine + 1 < lines.lineCount) {
      return { range: { start: lines.lineStart(startLine), end: lines.lineStart(endLine + 1) }, newText: '' };
    }
    const start = startLine > 0 ? lines.lineEnd(startLine - 1) : 0;
    return { range: { start, end: lines.lineEnd(endLine) }, newText: '' };
  }

  private nodeOf(item: Located<unknown>): ValueNode | undefined {
    const node = item.node as ValueNode | undefined;
    if (item.editable === false || !node || typeof node.instruction !== 'number') return undefined;
    return this.handle.instructions[node.instruction] ? node : undefined;
  }
}
