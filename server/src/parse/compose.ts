import { parseAllDocuments, type Document, type Node } from 'yaml';
import { compactLists, emptySpec, type ContainerSpec, type ParsedFile, type ParseProblem } from '../model/containerSpec';
import { AliasTable, entriesOf, isMap, isScalar, type Entry } from '../yaml/access';
import { clampRange, contentEnd, nodeRange } from '../yaml/ranges';
import type { ComposeVariables } from './compose/interpolate';
import { SharedReads } from './compose/sharedReads';
import { readServiceKeys } from './compose/serviceKeys';
import { ServiceRef, type ComposeHandle } from './compose/refs';
import { ServiceReader } from './compose/serviceReader';
import { findExcessiveNesting, MAX_YAML_NESTING } from './yamlDepth';

/** More expanded nodes than this means an alias bomb, not a Compose file (the `maxAliasNodes` setting). */
export const DEFAULT_MAX_ALIAS_NODES = 100_000;

/** `variables`: the project's (compose/interpolate.ts); without them `${VAR}` is unknown. */
export function parseCompose(text: string, maxAliasNodes = DEFAULT_MAX_ALIAS_NODES, variables?: ComposeVariables): ParsedFile {
  const problems: ParseProblem[] = [];
  const specs: ContainerSpec[] = [];
  const handle: ComposeHandle = { docs: [] };
  const result: ParsedFile = { kind: 'compose', text, specs, problems, handle };
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    problems.push({ message: `could not parse compose file: nested more than ${MAX_YAML_NESTING} levels deep`, range: { start: tooDeep, end: tooDeep }, severity: 'error' });
    return result;
  }
  try {
    const docs = parseAllDocuments(text, { prettyErrors: false, merge: false, uniqueKeys: false });
    if (!Array.isArray(docs)) return result;
    handle.docs = docs;
    for (const doc of docs) {
      // The first syntax error of a document only: the ones after it mostly follow from it.
      for (const error of doc.errors.slice(0, 1)) {
        problems.push({ message: `could not parse compose file: ${error.message}`, range: clampRange(text, error.pos), severity: 'error' });
      }
      readDocument(text, doc, specs, problems, maxAliasNodes, variables);
    }
  } catch (error) {
    problems.push({
      message: `could not parse compose file: ${error instanceof Error ? error.message : String(error)}`,
      range: { start: 0, end: 0 },
      severity: 'error',
    });
  }
  return result;
}

export function readDocument(text: string, doc: Document, specs: ContainerSpec[], problems: ParseProblem[], maxAliasNodes: number, variables?: ComposeVariables): void {
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return;
  const aliases = new AliasTable(doc, text, maxAliasNodes);
  if (aliases.exploded) {
    problems.push({
      message: 'could not parse compose file: its aliases expand to too many nodes (an alias bomb?)',
      range: nodeRange(text, root),
      severity: 'error',
    });
    return;
  }
  if (!isMap(root)) {
    problems.push({ message: 'a compose file must be a mapping (services:, volumes:, ...)', range: nodeRange(text, root), severity: 'error' });
    return;
  }
  const top = entriesOf(root, aliases, false);
  const sharedReads = new SharedReads();
  const includes = top.has('include');
  const services = top.get('services');
  if (!services || services.value === null || services.value === undefined) return;
  if (isScalar(services.value) && services.value.value === null) return;
  if (!isMap(services.value)) {
    problems.push({ message: '`services` must be a mapping of service names to settings', range: nodeRange(text, services.value), severity: 'error' });
    return;
  }
  for (const entry of entriesOf(services.value, aliases, services.shared).values()) {
    if (entry.key.startsWith('x-')) continue;
    const value = entry.value;
    const isEmpty = value === null || value === undefined || (isScalar(value) && value.value === null);
    if (!isEmpty && !isMap(value)) {
      problems.push({ message: `service "${entry.key}" must be a mapping of settings`, range: nodeRange(text, value), severity: 'error' });
      continue;
    }
    const map = isMap(value) ? value : undefined;
    const entries = map ? entriesOf(map, aliases, entry.shared) : new Map<string, Entry>();
    const keyNode = entry.pair.key as Node;
    const nameRange = nodeRange(text, keyNode);
    const ref = new ServiceRef(entry, map, doc, aliases);
    const spec = emptySpec({
      kind: 'compose',
      name: entry.key,
      range: { start: nameRange.start, end: map ? contentEnd(text, map) : nameRange.end },
      nameRange,
      node: ref,
    });
    spec.incomplete = includes;
    new ServiceReader(text, aliases, sharedReads, spec, problems, variables).read(entries);
    readServiceKeys(spec, entries, text);
    compactLists(spec);
    specs.push(spec);
  }
}
