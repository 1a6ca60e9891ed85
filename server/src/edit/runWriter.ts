import type { ContainerSpec, Mount, ParsedFile, Port } from '../model/containerSpec';
import { isUnknown, type Located, type Maybe, type SourceRange } from '../model/located';
import type { RunCommandInfo, RunValueHandle } from '../parse/dockerRun';
import { removeDelimitedOption, type ListSetting, type Setting, type SpecWriter, type TextEdit } from './writer';

const LIST_FLAGS: Record<ListSetting, string> = { capAdd: 'cap-add', capDrop: 'cap-drop', securityOpt: 'security-opt' };
const SETTING_FLAGS: Record<Exclude<Setting, 'readOnly'>, string> = { user: 'user', memory: 'memory', cpus: 'cpus', pids: 'pids-limit', restart: 'restart' };
const SETTING_ORDER: Setting[] = ['user', 'memory', 'cpus', 'pids', 'restart', 'readOnly'];

/** What is left on a flag's line after it when the line ends in a continuation (linuxserver `` `#optional` `` marks allowed). */
const CONTINUATION_TAIL = /^(?:[ \t]+`[ \t]*#[^`\n]*`)*[ \t]*\\\r?$/;

function handleOf(item: Located<unknown>): RunValueHandle | undefined {
  const node = item.node as RunValueHandle | undefined;
  return node && typeof node === 'object' && 'use' in node ? node : undefined;
}

/** Shell-quotes a value that would otherwise be split or expanded. */
function shellValue(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Edits `docker run` command lines in place, keeping their style: one line or `\`-continued with one flag
 * per line, CRLF or LF. Values written through expansions or unusual quoting are never rewritten (null).
 */
export function createRunWriter(parsed: ParsedFile): SpecWriter {
  const text = parsed.text;

  function lineBounds(offset: number): { start: number; end: number; next: number } {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    return { start, end, next: nl < 0 ? text.length : nl + 1 };
  }

  /** Removes a flag (with its value) and the blank space around it, or its whole line when it stands alone on it. */
  function removeRange(r: SourceRange): TextEdit {
    const first = lineBounds(r.start);
    const last = lineBounds(r.end);
    const before = text.slice(first.start, r.start);
    const after = text.slice(r.end, last.end);
    if (/^[ \t]*$/.test(before) && CONTINUATION_TAIL.test(after)) return { range: { start: first.start, end: last.next }, newText: '' };
    let afterEnd = r.end;
    while (afterEnd < text.length && (text[afterEnd] === ' ' || text[afterEnd] === '\t')) afterEnd++;
    const nextChar = text[afterEnd];
    const endsLine = afterEnd >= text.length || nextChar === '\n' || nextChar === '\r' || nextChar === '#' || (nextChar === '\\' && /^\\\r?\n/.test(text.slice(afterEnd, afterEnd + 3)));
    if (!endsLine) return { range: { start: r.start, end: afterEnd }, newText: '' };
    let beforeStart = r.start;
    while (beforeStart > first.start && (text[beforeStart - 1] === ' ' || text[beforeStart - 1] === '\t')) beforeStart--;
    return { range: { start: beforeStart, end: r.end }, newText: '' };
  }

  /** Inserts flags after `anchorEnd`: as new lines when the command is split one flag per line, else inline. */
  function insertFlags(info: RunCommandInfo, anchorEnd: number, flags: string[]): TextEdit {
    const line = lineBounds(anchorEnd);
    const tail = text.slice(line.start, line.end);
    if (info.split && /\\\r?$/.test(tail) && line.next < text.length) {
      return { range: { start: line.next, end: line.next }, newText: flags.map((f) => `${info.indent}${f} \\${info.eol}`).join('') };
    }
    return { range: { start: anchorEnd, end: anchorEnd }, newText: flags.map((f) => ` ${f}`).join('') };
  }

  function infoOf(spec: ContainerSpec): RunCommandInfo | undefined {
    const node = spec.origin.node as RunCommandInfo | undefined;
    return node && Array.isArray(node.uses) ? node : undefined;
  }

  const replace = (item: Located<unknown>, value: string): TextEdit[] | null => {
    const h = handleOf(item);
    if (!h || item.editable === false) return null;
    if (typeof item.value === 'boolean') {
      if (h.use.groupLetter !== undefined) return null;
      const newText = value === 'true' ? `--${h.use.name}` : `--${h.use.name}=${shellValue(value)}`;
      return [{ range: { start: h.use.flag.start, end: h.use.flag.end }, newText }];
    }
    const q = item.raw[0];
    const quoted = (q === '"' || q === "'") && item.raw.length >= 2 && item.raw.endsWith(q);
    const newText = quoted && !value.includes(q) && !(q === '"' && /[$`\\]/.test(value)) ? `${q}${value}${q}` : shellValue(value);
    return [{ range: item.range, newText }];
  };

  return {
    remove(item) {
      const h = handleOf(item);
      if (!h) return null;
      if (h.list && h.list.items.length > 1) {
        const { items, index } = h.list;
        const range = index > 0 ? { start: items[index - 1].end, end: items[index].end } : { start: items[0].start, end: items[1].start };
        return [{ range, newText: '' }];
      }
      if (h.use.groupLetter !== undefined) return [{ range: { start: h.use.groupLetter, end: h.use.groupLetter + 1 }, newText: '' }];
      return [removeRange(h.use.range)];
    },

    replace,

    addToList(spec, setting, values) {
      const info = infoOf(spec);
      if (!info || values.length === 0) return null;
      const name = LIST_FLAGS[setting];
      const related = info.uses.filter((u) => u.name === name);
      const anchorEnd = related.length > 0 ? related[related.length - 1].range.end : info.subcommandEnd;
      return [insertFlags(info, anchorEnd, values.map((v) => `--${name}=${shellValue(v)}`))];
    },

    setSettings(spec, values) {
      const info = infoOf(spec);
      if (!info) return null;
      const current: Record<Setting, Maybe<unknown>> = {
        user: spec.user,
        memory: spec.limits.memory,
        cpus: spec.limits.cpus,
        pids: spec.limits.pids,
        restart: spec.limits.restart,
        readOnly: spec.readOnly,
      };
      const edits: TextEdit[] = [];
      const missing: string[] = [];
      for (const setting of SETTING_ORDER) {
        const value = values[setting];
        if (value === undefined) continue;
        const existing = current[setting];
        if (isUnknown(existing)) return null;
        if (setting === 'readOnly') {
          const on = value === 'true';
          if (existing === undefined) {
            if (on) missing.push('--read-only');
          } else if (existing.value !== on) {
            const e = replace(existing, value);
            if (!e) return null;
            edits.push(...e);
          }
          continue;
        }
        if (existing === undefined) {
          missing.push(`--${SETTING_FLAGS[setting]}=${shellValue(value)}`);
          continue;
        }
        // A CPU limit written as --cpu-quota cannot take a --cpus value in place.
        if (handleOf(existing)?.use.name !== SETTING_FLAGS[setting]) return null;
        if (existing.value === value) continue;
        const e = replace(existing, value);
        if (!e) return null;
        edits.push(...e);
      }
      if (missing.length > 0) edits.push(insertFlags(info, info.subcommandEnd, missing));
      return edits.length > 0 ? edits : null;
    },

    makeMountReadOnly(mount: Located<Mount>) {
      const h = handleOf(mount);
      const span = h?.use.value;
      const m = mount.value;
      if (!h || !span || span.opaque || span.textStart < 0 || m.readOnly) return null;
      const valueEnd = span.textStart + span.text.length;
      if (m.syntax === 'long') {
        const off = /(?:^|,)((?:readonly|ro)=(?:false|0))(?=,|$)/i.exec(span.text);
        if (off) {
          const start = span.textStart + off.index + off[0].length - off[1].length;
          return [{ range: { start, end: start + off[1].length }, newText: 'readonly' }];
        }
        return [{ range: { start: valueEnd, end: valueEnd }, newText: ',readonly' }];
      }
      const last = m.syntax === 'volumes-from' ? m.source : m.source ? m.target : undefined;
      if (!last || m.type === 'tmpfs') return null;
      const end = last.range.end;
      if (end >= valueEnd) return [{ range: { start: valueEnd, end: valueEnd }, newText: ':ro' }];
      const optsStart = end + 1;
      const opts = text.slice(optsStart, valueEnd).split(',');
      let at = optsStart;
      for (const opt of opts) {
        if (opt === 'rw') return [{ range: { start: at, end: at + 2 }, newText: 'ro' }];
        at += opt.length + 1;
      }
      return [{ range: { start: optsStart, end: optsStart }, newText: 'ro,' }];
    },

    removeMountOption(mount: Located<Mount>, option: Located<string>) {
      const span = handleOf(mount)?.use.value;
      if (!span || span.opaque || span.textStart < 0 || option.editable === false) return null;
      const edit = removeDelimitedOption(text, option.range, { start: span.textStart, end: span.textStart + span.text.length });
      return edit ? [edit] : null;
    },

    bindPortToHostIp(port: Located<Port>, hostIp: string) {
      const h = handleOf(port);
      const span = h?.use.value;
      const p = port.value;
      if (!h || !span || p.mode !== 'published' || span.opaque || span.textStart < 0) return null;
      const ipText = hostIp.includes(':') ? `[${hostIp}]` : hostIp;
      if (p.hostIp) {
        if (p.hostIp.value === hostIp) return null;
        const r = p.hostIp.range;
        const bracketed = text[r.start - 1] === '[' && text[r.end] === ']';
        return [{ range: bracketed ? { start: r.start - 1, end: r.end + 1 } : r, newText: ipText }];
      }
      const at = span.textStart;
      if (span.text.startsWith(':')) return [{ range: { start: at, end: at }, newText: ipText }];
      return [{ range: { start: at, end: at }, newText: p.hostPort ? `${ipText}:` : `${ipText}::` }];
    },
  };
}
