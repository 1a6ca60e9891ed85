import type { SourceRange } from '../model/located';
// Types only: lint.ts imports this module's functions.
import type { Finding, PlannedFix } from './lint';
import { mergeInsertions } from '../yaml/mergeInsertions';

/**
 * "Hardening missing" findings summed up per container (docs/hardening.md).
 *
 * On real Compose files the info-level hardening rules fired on nearly every service, five lines each
 * (83 % of everything reported on 2,150 real files), burying the dangers. Under the `recommended`
 * preset the info findings of these rules for one container become one finding at the container's
 * name that says what is missing, with one fix that writes all of it besides each item's own fix.
 * Grouping happens after suppressions and severity settings, so each rule id is still configured and
 * suppressed on its own; a finding raised above info (the `strict` preset, a rule set to warning) is
 * a finding of its own again.
 */
export const HARDENING_GROUP_ID = 'container-hardening';

/** What each member rule asks for, as an item of the summary; `data` is the member finding's. */
const ITEMS: Record<string, (f: Finding) => string> = {
  'drop-all-capabilities': () => 'drop all capabilities',
  'require-no-new-privileges': (f) => (f.messageId === 'disabled' ? `turn no-new-privileges on ("${f.data?.option}")` : 'set no-new-privileges'),
  'require-read-only-rootfs': (f) => (f.messageId === 'readOnlyOff' ? 'make the root filesystem read-only (it is turned off)' : 'make the root filesystem read-only'),
  'require-resource-limits': (f) => `set ${(f.data?.missing ?? 'memory, CPU or PIDs').replace(/ or /, ' and ')} limits`,
  'limit-restart-retries': (f) => `cap restarts (restart "${f.data?.policy}" retries forever)`,
  'bind-ports-to-interface': (f) => (f.messageId === 'publishAll' ? `publish ports one by one ("${f.data?.flag}" opens every exposed port)` : `bind port "${f.data?.port}" to one interface`),
};

/** The items whose Kubernetes spelling differs. */
const KUBERNETES_ITEMS: Record<string, (f: Finding) => string> = {
  'require-no-new-privileges': (f) => (f.messageId === 'disabled' ? 'set allowPrivilegeEscalation to false (it is true)' : 'set allowPrivilegeEscalation: false'),
  'bind-ports-to-interface': (f) => `set hostIP for host port "${f.data?.port}"`,
};

export function isHardeningRule(ruleId: string): boolean {
  return ruleId in ITEMS;
}

/** The container a hardening finding belongs to: its name, the name's range and its whole text's range (host offsets). */
export interface ContainerRef {
  name: string;
  /** A Kubernetes container's summary names the fields in Kubernetes' words. */
  kubernetes?: boolean;
  range: SourceRange;
  block: SourceRange;
}

// On the finding under a symbol: not in its JSON, and no Map to carry across the server's incremental
// re-lint, which reuses findings of services it did not parse again. Assigned, not defined as a
// non-enumerable property: Object.defineProperty was a quarter of the rules' time on real Compose
// files (one call per hardening finding, profiled).
const CONTAINER = Symbol('capdrop.container');
type WithContainer = Finding & { [CONTAINER]?: ContainerRef };

export function setContainer(finding: Finding, container: ContainerRef): void {
  (finding as WithContainer)[CONTAINER] = container;
}

/** The copy of a finding moved by an edit (the server's incremental re-lint) keeps its container, moved too. */
export function moveContainer(from: Finding, to: Finding, move: (offset: number) => number): void {
  const container = containerOf(from);
  const moved = (r: SourceRange) => ({ start: move(r.start), end: move(r.end) });
  if (container) setContainer(to, { name: container.name, range: moved(container.range), block: moved(container.block), kubernetes: container.kubernetes });
}

export function containerOf(finding: Finding): ContainerRef | undefined {
  return (finding as WithContainer)[CONTAINER];
}

/**
 * Replaces each container's two or more info-level hardening findings (in `findings`, sorted by
 * position) with one summary at the container's name; a single one is kept as it is. `planFixes`
 * plans a member's fixes when they were left to be planned on demand; the summary's fixes are then
 * planned on demand as well.
 */
export interface GroupingHooks {
  /** Plans a member's fixes when they were left to be planned on demand (the summary's are then too). */
  onDemand?: (f: Finding) => PlannedFix[];
  setPending(f: Finding, plan: () => PlannedFix[]): void;
  /** The fix that ignores these rules at the container's name (suppressions there cover all its members). */
  ignore(container: ContainerRef, ruleIds: string[]): PlannedFix[];
}

export function groupHardening(findings: Finding[], hooks: GroupingHooks): Finding[] {
  const { onDemand } = hooks;
  const groups = new Map<number, Finding[]>();
  for (const f of findings) {
    // A finding the repository suppresses but that is shown anyway stands alone, its note visible.
    const container = f.severity === 'info' && !f.suppressed ? containerOf(f) : undefined;
    // A value merged from an anchor or another service is shared: reported once where it is written, on its own.
    if (!container || f.range.start < container.block.start || f.range.end > container.block.end) continue;
    const group = groups.get(container.range.start);
    if (group) group.push(f);
    else groups.set(container.range.start, [f]);
  }
  let grouped = false;
  const summaries = new Map<Finding, Finding>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    grouped = true;
    const summary = summarize(members);
    const ordered = summary.members!.map((m) => members.find((f) => f.range === m.range && f.ruleId === m.ruleId)!);
    const ignore = () => hooks.ignore(containerOf(members[0])!, [...new Set(ordered.map((m) => m.ruleId))]);
    if (onDemand) hooks.setPending(summary, () => [...fixesOf(ordered.map((m) => ({ ruleId: m.ruleId, fixes: onDemand(m) }))), ...ignore()]);
    else if (members.some((m) => m.fixes.length)) summary.fixes = [...fixesOf(ordered.map((m) => ({ ruleId: m.ruleId, fixes: m.fixes }))), ...ignore()];
    summaries.set(members[0], summary);
    for (const m of members.slice(1)) summaries.set(m, DROPPED);
  }
  if (!grouped) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const replacement = summaries.get(f);
    if (replacement === undefined) out.push(f);
    else if (replacement !== DROPPED) out.push(replacement);
  }
  return out;
}

const DROPPED = {} as Finding;

function summarize(members: Finding[]): Finding {
  const container = containerOf(members[0])!;
  const ordered = [...members].sort((a, b) => ORDER.indexOf(a.ruleId) - ORDER.indexOf(b.ruleId));
  const items = ordered.map((m) => (container.kubernetes && KUBERNETES_ITEMS[m.ruleId]?.(m)) || ITEMS[m.ruleId](m));
  const summary: Finding = {
    ruleId: HARDENING_GROUP_ID,
    severity: 'info',
    message: `Container "${container.name}" can be hardened: ${items.join('; ')}.`,
    messageId: HARDENING_GROUP_ID,
    data: { name: container.name, rules: ordered.map((m) => m.ruleId).join(',') },
    range: container.range,
    fixes: [],
    members: ordered.map((m) => ({ ruleId: m.ruleId, message: m.message, range: m.range })),
  };
  if (members[0].profiles) summary.profiles = members[0].profiles;
  return summary;
}

const ORDER = Object.keys(ITEMS);

/** How "Harden this container" names each part it writes. */
const HARDEN_PARTS: Record<string, string> = {
  'drop-all-capabilities': 'drop ALL capabilities',
  'require-no-new-privileges': 'no-new-privileges',
  'require-read-only-rootfs': 'read-only root filesystem',
  'require-resource-limits': 'limits',
  'limit-restart-retries': 'restart retries',
};

/**
 * "Harden this container" (each member's first fix, in one edit: inserts at the same place land in the
 * order of the summary), then every member's own fix; one ignore fix for all of them comes after. A
 * member fix whose edits overlap another's (not just insert at the same point) stays out of the combined
 * fix, offered on its own only.
 */
function fixesOf(memberFixes: { ruleId: string; fixes: PlannedFix[] }[]): PlannedFix[] {
  const combined: PlannedFix = { title: '', messageId: 'hardenContainer', safety: 'review', edits: [] };
  const parts: string[] = [];
  for (const { ruleId, fixes } of memberFixes) {
    const first = fixes.find((f) => f.messageId !== 'ignore');
    if (!first || !(ruleId in HARDEN_PARTS)) continue;
    if (first.edits.some((e) => combined.edits.some((c) => crosses(c.range, e.range)))) continue;
    combined.edits.push(...first.edits);
    parts.push(HARDEN_PARTS[ruleId]);
  }
  const own = memberFixes.flatMap((m) => m.fixes.filter((f) => f.messageId !== 'ignore'));
  if (parts.length < 2) return own;
  combined.title = `Harden this container: ${parts.join(', ')} (check it still starts)`;
  // Where two fixes insert at one point (the end of a service), the one continuing a nested block
  // (`resources:` under an existing `deploy:`) must come before a setting of the service itself.
  combined.edits = combined.edits
    .map((edit, i) => ({ edit, i }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || indentOf(b.edit.newText) - indentOf(a.edit.newText) || a.i - b.i)
    .map((x) => x.edit);
  // Two parts that open the same block there (each a new `securityContext:` of a Kubernetes container) share it.
  combined.edits = mergeInsertions(combined.edits);
  return [combined, ...own];
}

/** The indentation of an inserted text's first non-blank line. */
function indentOf(text: string): number {
  const line = /^(?:[ \t]*\r?\n)*([ \t]*)/.exec(text);
  return line ? line[1].length : 0;
}

/** Two edits that cannot both be applied to one text: overlapping, or one inserting inside the other's range. */
function crosses(a: SourceRange, b: SourceRange): boolean {
  if (a.start === a.end || b.start === b.end) return a.start > b.start && a.start < b.end || b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
