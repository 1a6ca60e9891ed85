import { parseAllDocuments, type Document, type Node } from 'yaml';
import type { ContainerSpec, ParsedFile, ParseProblem } from '../model/containerSpec';
import { AliasTable, isMap, type Entry } from '../yaml/access';
import { clampRange, nodeRange } from '../yaml/ranges';
import { YAML11_BOOLEANS, YamlValues, type UnknownText } from '../yaml/values';
import { Lines } from '../yaml/text';
import { findExcessiveNesting, MAX_YAML_NESTING } from './yamlDepth';
import { DEFAULT_MAX_ALIAS_NODES } from './compose';
import { actionIn, maskTemplateActions, type MaskedTemplate } from './kubernetes/helm';
import { findPodSites } from './kubernetes/workloads';
import { readPod } from './kubernetes/pod';
import { readContainer } from './kubernetes/container';

/** Kept in `ParsedFile.handle` for the Kubernetes writer. */
export interface KubernetesHandle {
  docs: Document[];
  /** The text the documents were parsed from: a Helm template's actions masked (same offsets), else the text itself. */
  parsedText: string;
  template?: MaskedTemplate;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/**
 * Reads the workloads of a Kubernetes manifest (one or many YAML documents, `List`s included) into one
 * spec per container. A Helm template's `{{ … }}` actions are masked first (parse/kubernetes/helm.ts):
 * what they write is unknown, and YAML the masking cannot make whole is not reported as an error, since
 * the template may be well formed where its text alone is not YAML.
 */
export function parseKubernetes(text: string, maxAliasNodes = DEFAULT_MAX_ALIAS_NODES): ParsedFile {
  const problems: ParseProblem[] = [];
  const specs: ContainerSpec[] = [];
  const template = maskTemplateActions(text);
  const parsedText = template?.text ?? text;
  const handle: KubernetesHandle = { docs: [], parsedText, template };
  const result: ParsedFile = { kind: 'kubernetes', text, specs, problems, handle };
  const tooDeep = findExcessiveNesting(parsedText);
  if (tooDeep !== undefined) {
    problems.push({ message: `could not parse Kubernetes manifest: nested more than ${MAX_YAML_NESTING} levels deep`, range: { start: tooDeep, end: tooDeep }, severity: 'error' });
    return result;
  }
  try {
    const docs = parseAllDocuments(parsedText, { prettyErrors: false, merge: false, uniqueKeys: false });
    if (!Array.isArray(docs)) return result;
    handle.docs = docs;
    const unknownText: UnknownText = template ? (range) => (actionIn(template.actions, range) ? 'written by a Helm template action' : undefined) : () => undefined;
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        // A template's masked text may not be YAML where the rendered one is: its documents are skipped, not reported.
        if (!template) problems.push({ message: `could not parse Kubernetes manifest: ${doc.errors[0].message}`, range: clampRange(text, doc.errors[0].pos), severity: 'error' });
        if (template) continue;
      }
      readDocument(text, doc, specs, problems, maxAliasNodes, unknownText, template);
    }
  } catch (error) {
    problems.push({ message: `could not parse Kubernetes manifest: ${error instanceof Error ? error.message : String(error)}`, range: { start: 0, end: 0 }, severity: 'error' });
  }
  return result;
}

function readDocument(text: string, doc: Document, specs: ContainerSpec[], problems: ParseProblem[], maxAliasNodes: number, unknownText: UnknownText, template: MaskedTemplate | undefined): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const aliases = new AliasTable(doc, text, maxAliasNodes);
  if (aliases.exploded) {
    problems.push({ message: 'could not parse Kubernetes manifest: its aliases expand to too many nodes (an alias bomb?)', range: nodeRange(text, root), severity: 'error' });
    return;
  }
  const values = new YamlValues(text, aliases, unknownText, YAML11_BOOLEANS);
  const actionsIn = template ? lineActionFinder(template) : () => NO_ACTIONS;
  for (const site of findPodSites(values, root)) {
    const podActions = actionsIn((site.specEntry.pair.key as Node | null)?.range?.[0] ?? 0);
    const podRead = readPod(values, site);
    const inContainers = new Set<number>();
    for (const list of CONTAINER_LISTS) {
      const entry: Entry | undefined = podRead.entries.get(list);
      const known = values.items(entry, (node, shared) => {
        if (!isMap(node)) return;
        const actions = actionsIn(node.range?.[0] ?? 0);
        for (const a of actions) inContainers.add(a);
        specs.push(readContainer(values, podRead, list, node, shared, actions.length > 0));
      });
      if (!known) podRead.pod.templated = true;
    }
    // An action of the pod's own lines (not a container's) may write pod-level settings: its securityContext, its volumes.
    if (podActions.some((a) => !inContainers.has(a))) podRead.pod.templated = true;
  }
}

const NO_ACTIONS: readonly number[] = [];

/**
 * The template actions that fill a line of the block that starts at `start`: the lines after it up to
 * the first one written at or left of the block's own column (a whole-line action at any column counts,
 * since `{{- if }}`/`{{- end }}` are often written at the margin).
 */
function lineActionFinder(template: MaskedTemplate): (start: number) => readonly number[] {
  const lines = new Lines(template.text);
  const actionLines = new Set(template.lineActions);
  return (start) => lineActionsIn(template.text, lines, actionLines, start);
}

function lineActionsIn(text: string, lines: Lines, actionLines: ReadonlySet<number>, start: number): number[] {
  const found: number[] = [];
  // A list item's block ends at its dash's column, a key's (`spec:`) at the key's.
  const column = lines.startsListLine(start) ? lines.dashColumn(start) : lines.column(start);
  for (let pos = lines.nextLineStart(start); pos < text.length; pos = lines.nextLineStart(pos)) {
    let indent = 0;
    while (text[pos + indent] === ' ' || text[pos + indent] === '\t') indent++;
    const first = text[pos + indent];
    if (first === undefined || first === '\n' || first === '\r') {
      if (first === undefined) break;
      continue;
    }
    if (first === '#' && actionLines.has(pos + indent)) found.push(pos + indent);
    if (first === '#') continue;
    if (indent <= column) break;
  }
  return found;
}
