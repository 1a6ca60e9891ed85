import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ContainerSpec, ParsedFile } from '../../model/containerSpec';
import type { SourceRange } from '../../model/located';
import type { ComposeFiles } from './files';
import { interpolate } from './interpolate';
import type { ComposeHandle, ServiceRef } from './refs';
import type { Entry } from '../../yaml/access';
import { inheritFrom, relocated, type OtherFile } from './mergeSpec';
import { LineIndex } from '../../model/lineIndex';

/** Longer `extends` chains than this are not followed (the spec stays incomplete). */
export const MAX_EXTENDS_DEPTH = 8;
/** At most this many other files are read for one linted file. */
export const MAX_FILES_READ = 32;

type ParseCompose = (text: string) => ParsedFile;

/**
 * Follows `extends` and `include` after parsing, so the facts about a service are complete when the
 * chain can be read, and "missing" rules can speak.
 *
 * - `extends: base` / `extends: { service: base }` (same file) is always followed: no I/O is needed.
 *   Inherited values keep the range where they are written in this file.
 * - `extends: { file, service }` is followed only through the injected reader (`files`). Values from
 *   another file are moved onto this service's `extends:` key and are never editable.
 * - A top-level `include:` adds other files' services to the project, but they keep their own
 *   findings, and Compose refuses an included service that clashes with a local name: an include
 *   cannot change a local service. So it leaves local services complete, except that an `extends`
 *   without `file` naming a service that is not in this file is looked up in the included files.
 * - Unknown stays unknown: a missing or unparseable file, an interpolated name, a target outside the
 *   allowed roots, a cycle or a chain deeper than MAX_EXTENDS_DEPTH leaves the service incomplete
 *   (and silent). The last three add one info problem on the `extends:` key saying why.
 */
export function resolveComposeReferences(parsed: ParsedFile, parse: ParseCompose, files?: ComposeFiles): ParsedFile {
  // The hot path: the reader marks every service incomplete when it has `extends` or the file has
  // `include`, so without an incomplete service there is nothing to follow (cheaper than searching the text).
  if (!parsed.specs.some((spec) => spec.incomplete)) return parsed;
  const root: LoadedFile = { path: files?.path, parsed, includes: includesOf(parsed) };
  const resolver = new Resolver(parse, files, root);
  clearIncludeIncompleteness(root);
  for (const spec of parsed.specs) {
    const ext = extendsEntry(spec);
    if (ext) resolver.resolve(root, spec, keyRange(ext), 0);
  }
  return parsed;
}

interface LoadedFile {
  /** Absolute path; undefined for the linted file when no reader is given. */
  path: string | undefined;
  parsed: ParsedFile;
  includes: Map<Document, string[]>;
  /** Its lines, made when a value of it is first relocated into another file. */
  lines?: LineIndex;
}

/** Where values of `file` are written, for the findings on them in the file that extends it. */
function otherFile(file: LoadedFile): OtherFile | undefined {
  if (file.path === undefined) return undefined;
  file.lines ??= new LineIndex(file.parsed.text);
  return { path: file.path, lines: file.lines };
}

interface ExtendsTarget {
  service: string;
  file?: string;
}

class Resolver {
  private readonly done = new WeakSet<ContainerSpec>();
  private readonly visiting = new WeakSet<ContainerSpec>();
  private readonly loaded = new Map<string, LoadedFile | undefined>();
  private readsLeft = MAX_FILES_READ;

  constructor(
    private readonly parse: ParseCompose,
    private readonly files: ComposeFiles | undefined,
    private readonly root: LoadedFile,
  ) {
    if (root.path) this.loaded.set(root.path, root);
  }

  /** Resolves `spec` (of `file`) in place; `rootAt` is where problems are reported in the linted file. */
  resolve(file: LoadedFile, spec: ContainerSpec, rootAt: SourceRange, depth: number): void {
    if (this.done.has(spec)) return;
    const ext = extendsEntry(spec);
    if (!ext) {
      this.done.add(spec);
      return;
    }
    this.visiting.add(spec);
    spec.incomplete = true;
    const target = readTarget(ext);
    const base = target && this.findBase(file, spec, target, rootAt);
    if (base) {
      if (this.visiting.has(base.spec)) {
        this.problem(rootAt, `extends: the chain through "${target.service}" comes back to itself, so it was not followed; settings it would add are unknown.`);
      } else if (depth >= MAX_EXTENDS_DEPTH) {
        this.problem(rootAt, `extends: the chain is deeper than ${MAX_EXTENDS_DEPTH} services, so it was not followed further; settings it would add are unknown.`);
      } else {
        this.resolve(base.file, base.spec, rootAt, depth + 1);
        const inherited = base.file === file ? base.spec : relocated(base.spec, keyRange(ext), otherFile(base.file));
        inheritFrom(spec, inherited);
        spec.incomplete = base.spec.incomplete;
      }
    }
    this.visiting.delete(spec);
    this.done.add(spec);
  }

  private findBase(file: LoadedFile, spec: ContainerSpec, target: ExtendsTarget, rootAt: SourceRange): { file: LoadedFile; spec: ContainerSpec } | undefined {
    if (target.file !== undefined) {
      const other = this.load(file, target.file, rootAt);
      const found = other && serviceIn(other, target.service);
      return found ? { file: other, spec: found } : undefined;
    }
    const doc = (spec.origin.node as ServiceRef).doc;
    const local = serviceIn(file, target.service, doc);
    if (local) return { file, spec: local };
    for (const includePath of file.includes.get(doc) ?? []) {
      const other = this.load(file, includePath, rootAt);
      const found = other && serviceIn(other, target.service);
      if (found) return { file: other, spec: found };
    }
    return undefined;
  }

  private load(from: LoadedFile, relPath: string, rootAt: SourceRange): LoadedFile | undefined {
    if (!this.files || from.path === undefined) return undefined;
    if (this.readsLeft <= 0) {
      this.problem(rootAt, `extends: more than ${MAX_FILES_READ} files would be read to follow it, so it was not followed; settings it would add are unknown.`);
      return undefined;
    }
    this.readsLeft--;
    const result = this.files.read(relPath, from.path);
    switch (result.status) {
      case 'missing':
        return undefined;
      case 'outside':
        this.problem(rootAt, `extends: "${relPath}" was not read: it resolves outside the workspace (${result.shown}); settings it would add are unknown.`);
        return undefined;
      case 'too-large':
        this.problem(rootAt, `extends: "${relPath}" was not read: it is larger than ${result.limit} bytes; settings it would add are unknown.`);
        return undefined;
    }
    if (this.loaded.has(result.path)) return this.loaded.get(result.path);
    const parsed = this.parse(result.text);
    const failed = parsed.problems.some((p) => p.severity === 'error');
    const loaded: LoadedFile | undefined = failed ? undefined : { path: result.path, parsed, includes: includesOf(parsed) };
    if (loaded) clearIncludeIncompleteness(loaded);
    this.loaded.set(result.path, loaded);
    return loaded;
  }

  private problem(range: SourceRange, message: string): void {
    const problems = this.root.parsed.problems;
    if (problems.some((p) => p.message === message && p.range.start === range.start)) return;
    problems.push({ message, range, severity: 'info' });
  }
}

/** The parser marks every service of a file with `include:` incomplete; see the semantics above. */
function clearIncludeIncompleteness(file: LoadedFile): void {
  if (file.includes.size === 0) return;
  for (const spec of file.parsed.specs) {
    if (!extendsEntry(spec)) spec.incomplete = false;
  }
}

function extendsEntry(spec: ContainerSpec): Entry | undefined {
  return (spec.origin.node as ServiceRef | undefined)?.entries.get('extends');
}

function keyRange(entry: Entry): SourceRange {
  const range = (entry.pair.key as Node).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function serviceIn(file: LoadedFile, name: string, doc?: Document): ContainerSpec | undefined {
  return file.parsed.specs.find((s) => s.origin.name === name && (doc === undefined || (s.origin.node as ServiceRef).doc === doc));
}

/** A known string, or undefined for anything else (an alias, a mapping, `${VAR}`). */
function knownString(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const value = interpolate(node.value);
  return value.known ? value.value : undefined;
}

function readTarget(entry: Entry): ExtendsTarget | undefined {
  const value = entry.value;
  const service = knownString(value);
  if (service !== undefined) return { service };
  if (!isMap(value)) return undefined;
  let target: ExtendsTarget | undefined;
  let file: string | undefined;
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === 'service') {
      const name = knownString(pair.value);
      if (name === undefined) return undefined;
      target = { service: name };
    } else if (key === 'file') {
      file = knownString(pair.value);
      if (file === undefined) return undefined;
    }
  }
  return target && (file !== undefined ? { ...target, file } : target);
}

/** The paths of each document's top-level `include:` (`- path`, `- path: p` or `- path: [p, q]`). */
function includesOf(parsed: ParsedFile): Map<Document, string[]> {
  const result = new Map<Document, string[]>();
  for (const doc of (parsed.handle as ComposeHandle | undefined)?.docs ?? []) {
    const top = doc.contents;
    if (!isMap(top)) continue;
    const include = top.items.find((pair) => isScalar(pair.key) && pair.key.value === 'include');
    if (!include) continue;
    const paths: string[] = [];
    result.set(doc, paths);
    if (!isSeq(include.value)) continue;
    for (const item of include.value.items) {
      const direct = knownString(item);
      if (direct !== undefined) paths.push(direct);
      if (!isMap(item)) continue;
      const pathPair = item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'path');
      const value = pathPair?.value;
      for (const p of isSeq(value) ? value.items : [value]) {
        const text = knownString(p);
        if (text !== undefined) paths.push(text);
      }
    }
  }
  return result;
}
