import type { Node, ParseError } from 'jsonc-parser';
import type { Segment } from '../index';
import { emptySpec, type ContainerSpec, type Mount, type ParsedFile, type ParseProblem } from '../../model/containerSpec';
import { located, type Located } from '../../model/located';
import { LineIndex } from '../../model/lineIndex';
import { parseDockerRun, type RunValueHandle } from '../dockerRun';
import type { ShellWord } from '../shellWords';
import { createRunWriter } from '../../edit/runWriter';
import { removeDelimitedOption, type SpecWriter, type TextEdit } from '../../edit/writer';

/** jsonc-parser is loaded on the first devcontainer.json, not when the bundle starts (CLI and server start-up). */
let jsonc: typeof import('jsonc-parser') | undefined;

function loadJsonc(): typeof import('jsonc-parser') {
  jsonc ??= require('jsonc-parser') as typeof import('jsonc-parser');
  return jsonc;
}

/**
 * `devcontainer.json` (JSON with comments) → one `run` spec: `runArgs` are read by the docker run parser
 * (each array string is one word, its range the inside of the quotes), and `privileged`, `capAdd`,
 * `securityOpt`, `mounts`, `containerUser`/`remoteUser` fill the same fields. The image, Dockerfile and
 * features decide the rest, so the spec is `incomplete`: no finding says a setting is missing.
 */

/** What the JSON writer needs to edit a property value or an array item. */
interface JsonHandle {
  json: Node;
}

function interior(node: Node): { start: number; end: number } {
  return { start: node.offset + 1, end: node.offset + node.length - 1 };
}

/** A JSON string node as a shell word: its value is the argument, unquoted already. */
function wordOf(text: string, node: Node): ShellWord | undefined {
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const { start, end } = interior(node);
  const raw = text.slice(start, end);
  const word: ShellWord = { type: 'word', value: node.value, raw, start, end };
  // `${localEnv:X}`, `${containerWorkspaceFolder}`: devcontainer variables, unknown until the container is made.
  if (raw.includes('${')) word.opaque = true;
  return word;
}

function prop(root: Node, key: string): Node | undefined {
  return loadJsonc().findNodeAtLocation(root, [key]);
}

function stringItems(text: string, node: Node | undefined): Located<string>[] {
  if (node?.type !== 'array') return [];
  const out: Located<string>[] = [];
  for (const item of node.children ?? []) {
    if (item.type !== 'string') continue;
    const r = interior(item);
    out.push(located(String(item.value), r.start, r.end, text.slice(r.start, r.end), { node: { json: item } satisfies JsonHandle }));
  }
  return out;
}

function keyField(node: Node | undefined): Located<null> | undefined {
  const key = node?.parent?.children?.[0];
  return key ? located(null, key.offset, key.offset + key.length, String(key.value), { node: { json: node! } satisfies JsonHandle }) : undefined;
}

/** A `mounts` entry: `"source=…,target=…,type=bind"` or `{ "source": …, "target": …, "type": … }`. */
function mountOf(text: string, node: Node): Located<Mount> | undefined {
  const handle: JsonHandle = { json: node };
  if (node.type === 'string') {
    const { start, end } = interior(node);
    const raw = text.slice(start, end);
    if (raw.includes('\\')) return undefined;
    const mount: Mount = { type: 'volume', readOnly: false, syntax: 'long' };
    let at = start;
    for (const part of raw.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : part.slice(eq + 1);
      const valueAt = at + eq + 1;
      if (key === 'type') mount.type = value;
      else if (key === 'source' || key === 'src') mount.source = located(value.replace(/\/+$/, '') || value, valueAt, valueAt + value.length, value);
      else if (key === 'target' || key === 'destination' || key === 'dst') mount.target = located(value, valueAt, valueAt + value.length, value);
      else if ((key === 'readonly' || key === 'ro') && !/^(?:false|0)$/i.test(value)) {
        mount.readOnly = true;
        mount.readOnlyAt = { start: at, end: at + part.length };
      } else if (key === 'bind-propagation') mount.propagation = located(value.trim().toLowerCase(), at, at + part.length, part, { node: handle });
      at += part.length + 1;
    }
    return located(mount, start, end, raw, { node: handle });
  }
  if (node.type === 'object') {
    const mount: Mount = { type: 'volume', readOnly: false, syntax: 'long' };
    for (const p of node.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      const key = String(k.value);
      if (v.type === 'string') {
        const r = interior(v);
        const value = String(v.value);
        if (key === 'type') mount.type = value;
        else if (key === 'source') mount.source = located(value, r.start, r.end, text.slice(r.start, r.end));
        else if (key === 'target') mount.target = located(value, r.start, r.end, text.slice(r.start, r.end));
      } else if ((key === 'readonly' || key === 'readOnly') && v.value === true) {
        mount.readOnly = true;
        mount.readOnlyAt = { start: p.offset, end: p.offset + p.length };
      }
    }
    return located(mount, node.offset, node.offset + node.length, text.slice(node.offset, node.offset + node.length), { node: handle, editable: false });
  }
  return undefined;
}

export function devcontainerSegments(text: string): Segment[] {
  const errors: ParseError[] = [];
  const root = loadJsonc().parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // Only the first error: the ones after it mostly follow from it (garbage gave one per token, 400,000 for 1 MB).
  const problems: ParseProblem[] = errors.slice(0, 1).map((e) => ({
    message: `devcontainer.json: ${loadJsonc().printParseErrorCode(e.error)}`,
    range: { start: e.offset, end: e.offset + e.length },
    severity: 'error',
  }));
  const specs: ContainerSpec[] = [];
  if (root?.type === 'object') specs.push(specOf(text, root));
  const parsed: ParsedFile = { kind: 'run', text, specs, problems, handle: undefined };
  return [{ kind: 'run', parsed, writer: createDevcontainerWriter(parsed, root), toHost: (o) => o }];
}

function specOf(text: string, root: Node): ContainerSpec {
  const runArgs = prop(root, 'runArgs');
  const image = prop(root, 'image');
  const firstKey = root.children?.[0]?.children?.[0];
  const anchor = runArgs?.parent?.children?.[0] ?? firstKey ?? root;
  const nameRange = { start: anchor.offset, end: anchor.offset + anchor.length };
  // The command's text is the `runArgs` array: an ignore comment above it covers the flags inside it.
  const whole = runArgs?.type === 'array' ? runArgs : root;
  const range = { start: whole.offset, end: whole.offset + whole.length };
  const imageName = image?.type === 'string' ? String(image.value) : 'devcontainer';

  let spec: ContainerSpec | undefined;
  if (runArgs?.type === 'array') {
    const args = (runArgs.children ?? []).map((n) => wordOf(text, n)).filter((w): w is ShellWord => !!w);
    // The docker run parser wants `docker run … IMAGE`: the command words are named after the `runArgs` key.
    const docker: ShellWord = { type: 'word', value: 'docker', raw: 'docker', start: nameRange.start, end: nameRange.start };
    const run: ShellWord = { type: 'word', value: 'run', raw: 'run', start: nameRange.start, end: nameRange.end };
    const end = runArgs.offset + runArgs.length;
    const imageWord: ShellWord = { type: 'word', value: /^[\w./:@-]+$/.test(imageName) ? imageName : 'devcontainer', raw: '', start: end, end };
    spec = parseDockerRun([docker, run, ...args, imageWord], text, LineIndex.eol(text));
  }
  spec ??= emptySpec({ kind: 'run', name: imageName, range, nameRange });
  spec.origin = { ...spec.origin, range, nameRange };
  spec.incomplete = true;
  // The image comes from `image`, a Dockerfile or features: not the placeholder word given to the parser.
  spec.image = undefined;
  spec.images = [];
  spec.commands = [];

  const privileged = prop(root, 'privileged');
  if (privileged && (privileged.type === 'boolean' || privileged.value !== undefined)) {
    const value = privileged.value === true;
    const fromRunArgs = spec.privileged && 'value' in spec.privileged ? spec.privileged.value : undefined;
    // `--privileged` in runArgs wins (it is reported where it is written); the property fills the gap.
    if (fromRunArgs !== true && (value || spec.privileged === undefined)) {
      spec.privileged = located(value, privileged.offset, privileged.offset + privileged.length, String(privileged.value), { node: { json: privileged } satisfies JsonHandle });
    }
  }
  const capAdd = prop(root, 'capAdd');
  spec.capAdd.push(...stringItems(text, capAdd));
  if (capAdd && !spec.capAddField) spec.capAddField = keyField(capAdd);
  const securityOpt = prop(root, 'securityOpt');
  spec.securityOpt.push(...stringItems(text, securityOpt));
  if (securityOpt && !spec.securityOptField) spec.securityOptField = keyField(securityOpt);
  const mounts = prop(root, 'mounts');
  for (const m of mounts?.type === 'array' ? (mounts.children ?? []) : []) {
    const mount = mountOf(text, m);
    if (mount) spec.mounts.push(mount);
  }
  const user = prop(root, 'containerUser') ?? prop(root, 'remoteUser');
  if (user?.type === 'string' && !spec.user) {
    const r = interior(user);
    // Not rewritten: a dev container's user must exist in its image, which a uid chosen by a fix may not.
    spec.user = located(String(user.value), r.start, r.end, text.slice(r.start, r.end), { node: { json: user } satisfies JsonHandle, editable: false });
  }
  return spec;
}

function jsonHandle(item: Located<unknown>): JsonHandle | undefined {
  const node = item.node as JsonHandle | undefined;
  return node && typeof node === 'object' && 'json' in node ? node : undefined;
}

/** Removes array items (or object properties) `from..to` (inclusive) with their commas, keeping the layout. */
function removeItems(array: Node, from: number, to: number): TextEdit {
  const items = array.children!;
  const end = (n: Node) => n.offset + n.length;
  if (from > 0) return { range: { start: end(items[from - 1]), end: end(items[to]) }, newText: '' };
  if (to + 1 < items.length) return { range: { start: items[from].offset, end: items[to + 1].offset }, newText: '' };
  return { range: { start: items[from].offset, end: end(items[to]) }, newText: '' };
}

/**
 * Edits devcontainer.json as JSON: whole `runArgs` items and properties through jsonc-parser's `modify`
 * (which keeps comments and formatting), and edits inside one string through the run writer, accepted
 * only when they stay inside the string and write no quote, backslash or line break.
 */
function createDevcontainerWriter(parsed: ParsedFile, root: Node | undefined): SpecWriter {
  const text = parsed.text;
  const runWriter = createRunWriter(parsed);
  const strings = (root ? collectStrings(root) : []).map(interior);
  const insideOneString = (edits: TextEdit[] | null): TextEdit[] | null => {
    if (!edits) return null;
    const ok = edits.every((e) => /^[^"\\\r\n']*$/.test(e.newText) && strings.some((s) => s.start <= e.range.start && e.range.end <= s.end));
    return ok ? edits : null;
  };
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = LineIndex.eol(text);
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
  const set = (path: (string | number)[], value: unknown, isArrayInsertion = false): TextEdit[] =>
    loadJsonc().modify(text, path, value, { formattingOptions, isArrayInsertion }).map((e) => ({ range: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
  const runArgs = root && prop(root, 'runArgs');
  const appendRunArgs = (flags: string[]): TextEdit[] | null => {
    if (!root) return null;
    if (!runArgs) return set(['runArgs'], flags);
    if (runArgs.type !== 'array') return null;
    const n = runArgs.children?.length ?? 0;
    // Insert the flags one after the other into a copy, then replace the array's text with the result.
    let current = text;
    for (let k = 0; k < flags.length; k++) {
      const edits = loadJsonc().modify(current, ['runArgs', n + k], flags[k], { formattingOptions, isArrayInsertion: true });
      for (const e of [...edits].sort((a, b) => b.offset - a.offset)) current = current.slice(0, e.offset) + e.content + current.slice(e.offset + e.length);
    }
    const end = runArgs.offset + runArgs.length;
    return [{ range: { start: runArgs.offset, end }, newText: current.slice(runArgs.offset, end + current.length - text.length) }];
  };

  return {
    remove(item) {
      const j = jsonHandle(item);
      if (j) {
        const parent = j.json.parent;
        if (parent?.type === 'array') {
          const index = parent.children!.indexOf(j.json);
          return [removeItems(parent, index, index)];
        }
        // A property goes with its comma, like an array item, so the rest of the file keeps its layout.
        const object = parent?.type === 'property' ? parent.parent : undefined;
        if (!object || object.type !== 'object') return null;
        const index = object.children!.indexOf(parent!);
        return [removeItems(object, index, index)];
      }
      const h = item.node as RunValueHandle | undefined;
      if (!h?.use || !runArgs?.children) return null;
      // One item of `--cap-add=A,B` or one letter of `-itd`: an edit inside one string.
      if ((h.list && h.list.items.length > 1) || h.use.groupLetter !== undefined) return insideOneString(runWriter.remove(item));
      const indexOf = (w: ShellWord) => runArgs.children!.findIndex((n) => n.offset + 1 === w.start);
      const from = indexOf(h.use.flag);
      const to = h.use.valueWord ? indexOf(h.use.valueWord) : from;
      return from < 0 || to < from ? null : [removeItems(runArgs, from, to)];
    },

    replace(item, value) {
      if (item.editable === false) return null;
      const j = jsonHandle(item);
      if (j) {
        if (j.json.type === 'boolean') return [{ range: { start: j.json.offset, end: j.json.offset + j.json.length }, newText: value === 'true' ? 'true' : 'false' }];
        if (j.json.type === 'string' && !/["\\\r\n]/.test(value)) return [{ range: interior(j.json), newText: value }];
        return null;
      }
      return insideOneString(runWriter.replace(item, value));
    },

    addToList(spec, setting, values) {
      if (!root || values.length === 0) return null;
      if (setting === 'capDrop') return appendRunArgs(values.map((v) => `--cap-drop=${v}`));
      const key = setting === 'capAdd' ? 'capAdd' : 'securityOpt';
      const existing = prop(root, key);
      if (!existing) return set([key], values);
      if (existing.type !== 'array' || values.length !== 1) return null;
      return set([key, existing.children?.length ?? 0], values[0], true);
    },

    setSettings(spec, values) {
      const flags: string[] = [];
      const edits: TextEdit[] = [];
      const FLAG: Record<string, string> = { memory: 'memory', cpus: 'cpus', pids: 'pids-limit', restart: 'restart' };
      for (const [setting, value] of Object.entries(values)) {
        if (value === undefined) continue;
        if (setting === 'user') {
          return null; // the user must exist in the image: not a fix Capdrop can make safely here
        } else if (setting === 'readOnly') {
          if (value === 'true' && spec.readOnly === undefined) flags.push('--read-only');
          else return null;
        } else {
          const current = spec.limits[setting as keyof typeof spec.limits];
          if (current !== undefined) return null;
          flags.push(`--${FLAG[setting]}=${value}`);
        }
      }
      if (flags.length > 0) {
        const e = appendRunArgs(flags);
        if (!e) return null;
        edits.push(...e);
      }
      return edits.length > 0 ? edits : null;
    },

    makeMountReadOnly(mount) {
      const j = jsonHandle(mount);
      if (j?.json.type === 'string') {
        const { end } = interior(j.json);
        return [{ range: { start: end, end }, newText: ',readonly' }];
      }
      if (j) return null;
      return insideOneString(runWriter.makeMountReadOnly(mount));
    },

    removeMountOption(mount, option) {
      const j = jsonHandle(mount);
      if (j?.json.type === 'string') {
        const edit = removeDelimitedOption(text, option.range, interior(j.json));
        return edit ? [edit] : null;
      }
      if (j) return null;
      return insideOneString(runWriter.removeMountOption(mount, option));
    },

    bindPortToHostIp(port, hostIp) {
      return insideOneString(runWriter.bindPortToHostIp(port, hostIp));
    },
  };
}

function collectStrings(node: Node): Node[] {
  if (node.type === 'string') return [node];
  return (node.children ?? []).flatMap(collectStrings);
}
