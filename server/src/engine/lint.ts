import type { ContainerSpec } from '../model/containerSpec';
import type { Located, SourceRange, Unknown, WrittenIn } from '../model/located';
import { LineIndex } from '../model/lineIndex';
import type { TextEdit } from '../edit/writer';
import { identityOffset, parseSegments, type FileKind, type HostKind, type Segment } from '../parse';
import type { ComposeFiles } from '../parse/compose/files';
import type { ComposeContext } from '../parse/compose/projectFiles';
import { isWrittenElsewhere } from '../parse/compose/projectMerge';
import { findSuppressions, suppressionFor, type Suppression } from './suppress';
import { inPreset, interpolate, type FixSafety, type FixSettings, type Preset, type ReportDescriptor, type Rule, type RuleContext, type Severity, type SeveritySetting } from './ruleApi';
import { allRules } from '../../../rules';
import { containerOf, groupHardening, isHardeningRule, setContainer } from './hardening';
import { IgnoreFixer } from './ignoreFixes';
import { messageTemplate } from './wording';
import { utf8ByteLength } from './utf8';

export type { Preset } from './ruleApi';

/**
 * What the linted repository's own suppressions do. `apply` (the default): a capdrop-ignore comment
 * hides the findings it names. `show`: they are kept at information level, their message saying that
 * and why the repository suppresses them (the editor in Restricted Mode, where the repository is not
 * trusted to silence its own findings). `disregard`: no comment is read at all (`capdrop
 * --disregard-suppressions`, for CI on pull requests from forks).
 */
export type SuppressionMode = 'apply' | 'show' | 'disregard';

export interface LintOptions {
  preset?: Preset;
  /** Per-rule severity overrides; `off` disables a rule. */
  rules?: Record<string, SeveritySetting>;
  settings?: Partial<FixSettings>;
  /**
   * Plan fix edits (code actions, `--fix`, tests); diagnostics alone do not need them. `onDemand` plans
   * none now but lets `planFixes(finding)` plan one finding's fixes later (the server: a keystroke
   * needs diagnostics only, a code action needs the fixes of the findings under the cursor).
   */
  withFixes?: boolean | 'onDemand';
  /** The rules to run (all registered rules by default). */
  ruleSet?: readonly Rule[];
  /** Host files turned off (`capdrop.hosts.*`): `{ markdown: false }` lints no Markdown. */
  hosts?: Partial<Record<HostKind, boolean>>;
  /**
   * Texts longer than this many UTF-8 bytes are not parsed; they get one information finding instead
   * (docs/limits.md). The CLI and the server check the size before reading too.
   */
  maxFileSize?: number;
  /** How many nodes a Compose file's aliases may expand to before it counts as an alias bomb (default 100,000). */
  maxAliasNodes?: number;
  /** Told about each exception a rule throws (the engine turns it into an internal-error finding), so a host can log the stack. */
  onInternalError?: (ruleId: string, error: unknown) => void;
  /**
   * Sum up each container's info-level hardening findings in one (engine/hardening.ts). On by default
   * except under the `strict` preset; rule tests turn it off to see each rule's findings alone.
   */
  groupHardening?: boolean;
  /**
   * Reads Compose `extends`/`include` targets and the other files of a Compose project (`.env`, override
   * files), restricted by the caller to trusted roots; without it only same-file `extends` is followed.
   */
  files?: ComposeFiles;
  /** Registries images may come from (`trustedRegistries` of `.capdrop.yaml`); unset, any registry is trusted. */
  trustedRegistries?: readonly string[];
  /** What is known of a Compose project beyond its files: the environment, files named explicitly (plain data). */
  compose?: ComposeContext;
  /** What capdrop-ignore comments in the text do (default `apply`). */
  suppressions?: SuppressionMode;
  /**
   * Rules the repository's own config turns off, each with what says so (`.capdrop.yaml: no-privileged:
   * off`): they run anyway and report at information level with that note (Restricted Mode). A rule
   * set `off` in `rules` stays off.
   */
  shownOff?: Record<string, string>;
}

/** The default of `maxFileSize` (the `capdrop.maxFileSize` setting, `--max-file-size`, config `maxFileSize`). */
export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

export interface PlannedFix {
  title: string;
  /** The rule's fix messageId, or `ignore` for the suppression comment. */
  messageId: string;
  safety: FixSafety;
  /** Edits in host-file offsets. */
  edits: TextEdit[];
  /**
   * Where the text to type next sits in the first edit's `newText` (an ignore comment's reason), for an
   * editor to put the cursor there; `start === end` for an empty one.
   */
  placeholder?: { start: number; end: number };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  data?: Record<string, string>;
  /** Host-file offsets. */
  range: SourceRange;
  fixes: PlannedFix[];
  /**
   * Where the value is written when that is another file: the file of a Compose `extends: { file }` (`range`
   * is then the `extends:` key), or the env file line of a variable that filled it (`label`: `PG_TAG=latest`).
   */
  writtenIn?: WrittenIn;
  /** The Compose profiles of the service the finding is about, when it has any (it starts only with one of them). */
  profiles?: string[];
  /** The findings a summary stands for (`container-hardening`), in host offsets; absent on the others. */
  members?: { ruleId: string; message: string; range: SourceRange }[];
  /**
   * Set on a finding the repository suppresses that is shown anyway (`suppressions: 'show'`, `shownOff`),
   * at information level: by a comment (at `at`, host offsets) or by its config, and the reason it gives.
   */
  suppressed?: { by: 'comment' | 'config'; reason: string; at?: SourceRange };
}

export interface LintResult {
  findings: Finding[];
  segments: Segment[];
  lines: LineIndex;
}

export const DEFAULT_FIX_SETTINGS: FixSettings = { memory: '512m', cpus: '1.0', pids: '200', uid: '10001' };

/** Findings that come from the engine itself, not from a rule. */
export const ENGINE_IDS = {
  parseError: 'parse-error',
  internalError: 'internal-error',
  unusedSuppression: 'unused-suppression',
  suppressionWithoutReason: 'suppression-without-reason',
  fileTooLarge: 'file-too-large',
} as const;

/** The message of the `file-too-large` finding, shared by the engine, the CLI and the server. */
export function fileTooLargeMessage(size: number, limit: number): string {
  return `Capdrop skipped this file: it is ${size} bytes, more than the maxFileSize limit (${limit} bytes).`;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function rangeOf(at: Located<unknown> | Unknown | SourceRange): SourceRange {
  if ('range' in at) return at.range;
  return at;
}

function resolveSeverity(rule: Rule, reported: Severity | undefined, options: LintOptions): Severity | undefined {
  const configured = options.rules?.[rule.id];
  if (configured === 'off') return undefined;
  if (configured) return configured;
  const base = reported ?? rule.severity;
  if (options.preset === 'strict' && rule.strictSeverity && RANK[rule.strictSeverity] > RANK[base]) return rule.strictSeverity;
  return base;
}

/** Lints one file's text. Pure: no I/O, no global state; never throws for bad input. */
export function lint(text: string, kind: FileKind, options: LintOptions = {}): LintResult {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const settings: FixSettings = { ...DEFAULT_FIX_SETTINGS, ...options.settings };
  const specOf: SpecOfFinding = new Map();
  const ruleSet = options.ruleSet ?? allRules;
  let segments: Segment[];
  if (options.hosts?.[kind as HostKind] === false) return { findings, segments: [], lines };
  // A UTF-16 length under the limit cannot be over it in UTF-8 bytes by more than 3x; count only when it may be.
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length * 3 > limit) {
    const size = utf8ByteLength(text);
    if (size > limit) {
      findings.push(engineFinding(ENGINE_IDS.fileTooLarge, 'info', { start: 0, end: 0 }, fileTooLargeMessage(size, limit)));
      return { findings, segments: [], lines };
    }
  }
  try {
    segments = parseSegments(text, kind, options.files, options.maxAliasNodes, lines, options.compose);
  } catch (err) {
    findings.push(engineFinding(ENGINE_IDS.internalError, 'error', { start: 0, end: 0 }, `Capdrop could not parse this file: ${(err as Error).message}`));
    return { findings, segments: [], lines };
  }

  const runner = new RuleRunner(settings, options, findings, specOf);
  for (const seg of segments) {
    for (const p of seg.parsed.problems) {
      findings.push(engineFinding(ENGINE_IDS.parseError, p.severity, mapRange(seg, p.range), p.message));
    }
    for (const spec of seg.parsed.specs) runner.runAll(rulesReading(ruleSet, spec.origin.kind), spec, seg);
  }

  // In Markdown only line comments inside the code blocks read count: prose may quote one. File-wide ones count anywhere.
  const commentsIn = kind === 'markdown' ? segments : undefined;
  return { findings: applySuppressions(text, lines, kind, commentsIn, findings, specOf, options), segments, lines };
}

/**
 * The rules of a rule set that read one input kind, in the set's order; listed once per rule set rather than
 * asking every rule for every spec (`inputs.includes` was 0.2 % of linting a Dockerfile, profiled).
 */
function rulesReading(ruleSet: readonly Rule[], kind: string): readonly Rule[] {
  let byKind = rulesByInput.get(ruleSet);
  if (!byKind) rulesByInput.set(ruleSet, (byKind = new Map()));
  let rules = byKind.get(kind);
  if (!rules) byKind.set(kind, (rules = ruleSet.filter((rule) => rule.inputs.includes(kind as Rule['inputs'][number]))));
  return rules;
}

const rulesByInput = new WeakMap<readonly Rule[], Map<string, readonly Rule[]>>();

/**
 * The findings of one Compose service before suppressions, as `lint()` collects them: for the server's
 * incremental re-lint of large Compose files (incrementalCompose.ts), which reuses the other services'.
 */
export function checkComposeSpec(spec: ContainerSpec, seg: Segment, options: LintOptions): Finding[] {
  const out: Finding[] = [];
  const settings: FixSettings = { ...DEFAULT_FIX_SETTINGS, ...options.settings };
  new RuleRunner(settings, options, out, new Map()).runAll(rulesReading(options.ruleSet ?? allRules, spec.origin.kind), spec, seg);
  return out;
}

/** What `lint()` does last for a Compose file: suppressions, duplicates, order. */
export function finishComposeFindings(text: string, lines: LineIndex, findings: Finding[], options: LintOptions): Finding[] {
  // Where a finding's spec starts matters for `docker run` commands only.
  return applySuppressions(text, lines, 'compose', undefined, findings, new Map(), options);
}

/**
 * Runs rules on specs for one lint() call. One `report` function and one context per spec serve every
 * rule: a closure and a context per rule and spec were ~5 MB of the 25,000-line Compose file's
 * allocations (46,000 of each, profiled). Rules report synchronously, so the current rule is a field.
 */
class RuleRunner {
  private rule!: Rule;
  private spec!: ContainerSpec;
  private seg!: Segment;

  constructor(
    private readonly settings: FixSettings,
    private readonly options: LintOptions,
    private readonly out: Finding[],
    private readonly specOf: SpecOfFinding,
  ) {}

  /**
   * The rule ids and messages reported at each value, in pairs. A value merged from an anchor is one
   * object in every service that merges it (parse/compose/sharedReads.ts), so a rule reports it once per
   * service, with the same range and message, and `applySuppressions` keeps the first only. Dropped here,
   * the others' fixes are never planned: each edits every service merging the anchor, and on the
   * 25,000-line bench file 1,999 such duplicates of 2,000 edits each made `withFixes: true` take ~10 s.
   */
  private readonly reportedAt = new Map<object, string[]>();

  private readonly report = (d: ReportDescriptor<string>): void => {
    const { rule, spec, seg, options } = this;
    let severity = resolveSeverity(rule, d.severity, options);
    if (!severity) return;
    // A value another file of the Compose project sets is reported when that file is linted, at its line.
    if (isWrittenElsewhere(spec, rangeOf(d.at))) return;
    let message = interpolate(messageTemplate(rule, spec.origin.kind, d.messageId), d.data);
    const offBy = options.shownOff?.[rule.id];
    if (offBy !== undefined) {
      severity = 'info';
      message = `${message} (suppressed by ${offBy})`;
    }
    if (this.alreadyReported(d.at, rule.id, message)) return;
    const range = mapRange(seg, rangeOf(d.at));
    const fixes = options.withFixes === false || options.withFixes === 'onDemand' ? [] : planRuleFixes(rule, d, seg);
    const finding: Finding = { ruleId: rule.id, severity, message, messageId: d.messageId, data: d.data, range, fixes };
    if (offBy !== undefined) finding.suppressed = { by: 'config', reason: offBy };
    const writtenIn = (d.at as Partial<Located<unknown>>).writtenIn;
    if (writtenIn) finding.writtenIn = writtenIn;
    if (spec.profiles) finding.profiles = spec.profiles;
    // Only a `docker run` command's findings are anchored at its start (applySuppressions): no entry for the others.
    if (spec.origin.kind === 'run') this.specOf.set(finding, { start: withinSpec(seg, spec, range) ? seg.toHost(spec.origin.range.start) : undefined, kind: spec.origin.kind });
    if (options.withFixes === 'onDemand' && d.fixes?.length) setPendingFixes(finding, () => planRuleFixes(rule, d, seg));
    if (isHardeningRule(rule.id)) setContainer(finding, { name: spec.origin.name, range: mapRange(seg, spec.origin.nameRange), block: mapRange(seg, spec.origin.range), kubernetes: spec.origin.kind === 'kubernetes' || undefined });
    this.out.push(finding);
  };

  /** Whether `ruleId` reported `message` at this very value before; records it if not. */
  private alreadyReported(at: object, ruleId: string, message: string): boolean {
    const seen = this.reportedAt.get(at);
    if (seen === undefined) {
      this.reportedAt.set(at, [ruleId, message]);
      return false;
    }
    for (let i = 0; i < seen.length; i += 2) if (seen[i] === ruleId && seen[i + 1] === message) return true;
    seen.push(ruleId, message);
    return false;
  }

  /** Runs the rules (those of the spec's input kind) that the options leave on, sharing one memo. */
  runAll(rules: readonly Rule[], spec: ContainerSpec, seg: Segment): void {
    this.spec = spec;
    this.seg = seg;
    const ctx: RuleContext<string> = { report: this.report, settings: this.settings, memo: {}, preset: this.options.preset ?? 'recommended', trustedRegistries: this.options.trustedRegistries };
    for (const rule of rules) {
      const configured = this.options.rules?.[rule.id];
      if (configured === 'off' || (configured === undefined && !inPreset(rule, this.options.preset))) continue;
      this.rule = rule;
      try {
        rule.check(spec, ctx);
      } catch (err) {
        this.out.push(engineFinding(ENGINE_IDS.internalError, 'error', mapRange(seg, spec.origin.nameRange), `Rule ${rule.id} failed on this input: ${err instanceof Error ? err.message : String(err)}`));
        try {
          this.options.onInternalError?.(rule.id, err);
        } catch {
          // a failing logger must not take the other rules' findings with it
        }
      }
    }
  }
}

function planRuleFixes(rule: Rule, d: ReportDescriptor<string>, seg: Segment): PlannedFix[] {
  const fixes: PlannedFix[] = [];
  for (const f of d.fixes ?? []) {
    let edits: TextEdit[] | null = null;
    try {
      edits = f.edit(seg.writer);
    } catch {
      edits = null; // a writer that cannot make an edit offers none rather than a broken one
    }
    const hostEdits = edits && mapEdits(seg, edits);
    if (!hostEdits || hostEdits.length === 0) continue;
    fixes.push({
      title: interpolate(messageTemplate(rule, seg.kind, f.messageId), { ...d.data, ...f.data }),
      messageId: f.messageId,
      safety: f.safety,
      edits: hostEdits,
    });
  }
  return fixes;
}

/**
 * Fixes not yet planned, of findings linted with `withFixes: 'onDemand'`. On the 25,000-line Compose
 * file planning every fix took ~9 s per keystroke (a fix through a shared anchor edits every service
 * merging it), while a code action needs the fixes of one or two findings.
 *
 * The planner sits on the finding, under a symbol and not enumerable (so not in its JSON, a structured
 * clone or a deep comparison). It was a module-level WeakMap keyed by the finding: its entries are
 * ephemerons, which V8's scavenger keeps alive and promotes with all a planner holds (the file's
 * parse), and linting the bench folder's 5,000 small Compose files on demand took 1.85x as long as
 * without planning (1.27x for its Dockerfiles); with the planner on the finding, the same.
 */
const PENDING_FIXES = Symbol('capdrop.pendingFixes');

type WithPendingFixes = Finding & { [PENDING_FIXES]?: () => PlannedFix[] };

function setPendingFixes(finding: Finding, plan: () => PlannedFix[]): void {
  Object.defineProperty(finding, PENDING_FIXES, { value: plan, writable: true, configurable: true, enumerable: false });
}

function pendingFixesOf(finding: Finding): (() => PlannedFix[]) | undefined {
  return (finding as WithPendingFixes)[PENDING_FIXES];
}

/**
 * The finding's fixes, planning them now if it was linted with `withFixes: 'onDemand'` (once: the
 * result is kept on the finding). The same fixes, in the same order, as linting with `withFixes: true`.
 */
export function planFixes(finding: Finding): PlannedFix[] {
  const plan = pendingFixesOf(finding);
  if (plan) {
    (finding as WithPendingFixes)[PENDING_FIXES] = undefined;
    finding.fixes.push(...plan());
  }
  return finding.fixes;
}

/** A finding inside its command's text (not one from a devcontainer.json property next to `runArgs`). */
function withinSpec(seg: Segment, spec: ContainerSpec, range: SourceRange): boolean {
  return range.start >= seg.toHost(spec.origin.range.start) && range.start <= seg.toHost(spec.origin.range.end);
}

/** A range in host offsets: the range itself for a whole-file segment (nothing changes a range once made). */
function mapRange(seg: Segment, r: SourceRange): SourceRange {
  if (seg.toHost === identityOffset) return r;
  return { start: seg.toHost(r.start), end: seg.toHost(r.end) };
}

/** Edits in host offsets and host syntax; null when one of them cannot be written in the host. */
function mapEdits(seg: Segment, edits: TextEdit[]): TextEdit[] | null {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const newText = seg.mapInsertedText && e.newText ? seg.mapInsertedText(e.newText, e.range.start) : e.newText;
    if (newText === null) return null;
    out.push({ range: mapRange(seg, e.range), newText });
  }
  return out;
}

function engineFinding(ruleId: string, severity: Severity, range: SourceRange, message: string): Finding {
  return { ruleId, severity, message, messageId: ruleId, range, fixes: [] };
}

/**
 * Where each finding's spec starts, for suppression anchoring. Kept beside the findings rather than on them:
 * deleting the extra properties afterwards turned every finding into a slow dictionary-mode object (profiled).
 * A Map per lint() call, not a module-level WeakMap: weak-map entries are ephemerons, which cost the
 * garbage collector more than the findings themselves (profiled).
 */
type SpecOfFinding = Map<Finding, { start: number | undefined; kind: string }>;

function applySuppressions(text: string, lines: LineIndex, kind: FileKind, commentsIn: Segment[] | undefined, findings: Finding[], specOf: SpecOfFinding, options: LintOptions): Finding[] {
  const inSegment = (o: number) => !commentsIn || commentsIn.some((s) => o >= s.toHost(0) && o <= s.toHost(s.parsed.text.length));
  const mode = options.suppressions ?? 'apply';
  // The comments written are read in every mode: an ignore fix adds to the one covering a line rather than write a second.
  const written = findSuppressions(text, lines).filter((s) => s.fileWide || inSegment(s.range.start));
  const sups = mode === 'disregard' ? [] : written;
  const ignores = new IgnoreFixer(text, lines, kind, written, LineIndex.eol(text), kind === 'devcontainer' ? '// ' : '');
  const ignoreFixes = (line: number, ruleId: string): PlannedFix[] => [...ignores.forLine(line, ruleId, `Ignore ${ruleId} on this line`), ...ignores.forFile(ruleId)];
  const kept: Finding[] = [];
  // Sorted first, so that the same finding twice (a service and one that `extends` it in the same file
  // both see the base's values) sits in one run of equal position and rule, rather than a Map of lists
  // by start offset (~60 % of this function on the 25,000-line Compose file, profiled).
  // The sort is stable, so which of two equal findings is kept, and the order, are as before sorting.
  const sorted = findings.slice().sort(byPosition);
  let runStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i];
    if (byPosition(sorted[runStart], f) !== 0) runStart = i;
    if (isRepeated(sorted, runStart, i)) continue;
    // A finding's line serves suppressions and ignore fixes only: without either (the CLI's text output, the scan) skip the lookup.
    if (sups.length === 0 && options.withFixes === false) {
      kept.push(f);
      continue;
    }
    const line = lines.position(f.range.start).line;
    // A comment line cannot sit inside a `\`-continued command, so commands are suppressed (and ignored) from their first line.
    const spec = specOf.get(f);
    const anchorLine = spec?.kind === 'run' && spec.start !== undefined ? lines.position(spec.start).line : line;
    const candidates = anchorLine === line ? [line] : [line, anchorLine];
    // A hardening finding is also suppressed at its container's name, where its summary's ignore fix writes.
    const container = containerOf(f);
    if (container) candidates.push(lines.position(container.range.start).line);
    const suppression = sups.length ? suppressionFor(sups, f.ruleId, candidates) : undefined;
    if (suppression) {
      // Shown, not hidden: an ignore fix for it would add nothing; a finding its config turned off says so already.
      if (mode === 'show') kept.push(f.suppressed ? f : shownSuppressed(f, suppression, options));
      continue;
    }
    if (options.withFixes === 'onDemand' && !(f.ruleId in ENGINE_IDS_SET)) {
      const ruleFixes = pendingFixesOf(f);
      setPendingFixes(f, () => [...(ruleFixes?.() ?? []), ...ignoreFixes(anchorLine, f.ruleId)]);
    } else if (options.withFixes !== false && !(f.ruleId in ENGINE_IDS_SET)) f.fixes.push(...ignoreFixes(anchorLine, f.ruleId));
    kept.push(f);
  }
  const inOrder = kept.length;
  for (const s of sups) {
    if (!s.reason) kept.push(engineFinding(ENGINE_IDS.suppressionWithoutReason, 'warning', s.range, `Say why this is safe: add "-- <reason>" after the rule ids of capdrop-ignore.`));
    else if (!s.used && s.rules.every((r) => ruleRuns(r, options))) kept.push(engineFinding(ENGINE_IDS.unusedSuppression, 'info', s.range, `This capdrop-ignore suppresses nothing (${s.rules.join(', ') || 'no rule named'}); remove it.`));
  }
  // Only the suppression findings just added are out of place.
  if (kept.length > inOrder) kept.sort(byPosition);
  if (options.groupHardening === false || (options.groupHardening === undefined && options.preset === 'strict')) return kept;
  const grouped = groupHardening(kept, {
    onDemand: options.withFixes === 'onDemand' ? planFixes : undefined,
    setPending: setPendingFixes,
    ignore: (container, ruleIds) => ignores.forLine(lines.position(container.range.start).line, ruleIds.join(','), "Ignore this container's missing hardening"),
  });
  // A summary sits where its container's first finding was, at its own range: only then is the order off.
  return grouped === kept ? kept : grouped.sort(byPosition);
}

/**
 * A copy of a finding a comment suppresses, kept at information level with the comment's reason (the
 * original may be reused by the server's incremental re-lint, so it is left as it is).
 */
function shownSuppressed(f: Finding, s: Suppression, options: LintOptions): Finding {
  const note = `${s.fileWide ? 'suppressed in this file' : 'suppressed here'}: ${s.reason || 'no reason given'}`;
  const shown: Finding = { ...f, severity: 'info', message: `${f.message} (${note})`, fixes: [...f.fixes], suppressed: { by: 'comment', reason: s.reason, at: s.range } };
  const ruleFixes = options.withFixes === 'onDemand' ? pendingFixesOf(f) : undefined;
  if (ruleFixes) setPendingFixes(shown, ruleFixes);
  return shown;
}

/** By start, end, then rule id. Rule ids are ASCII, so code-unit order is their order; localeCompare costs an ICU collation per call (profiled). */
function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** `sorted[i]` has the message of a finding before it in its run of equal position and rule (from `runStart`). */
function isRepeated(sorted: Finding[], runStart: number, i: number): boolean {
  for (let j = runStart; j < i; j++) if (sorted[j].message === sorted[i].message) return true;
  return false;
}

const RULES_BY_ID = new Map<string, Rule>(allRules.map((r) => [r.id, r]));

/** Whether the options run a rule: a suppression of a rule that does not run (off, or outside the preset) is not unused. */
function ruleRuns(ruleId: string, options: LintOptions): boolean {
  const configured = options.rules?.[ruleId];
  if (configured !== undefined) return configured !== 'off';
  const rule = RULES_BY_ID.get(ruleId);
  return rule === undefined || inPreset(rule, options.preset);
}

const ENGINE_IDS_SET: Record<string, true> = Object.fromEntries(Object.values(ENGINE_IDS).map((id) => [id, true]));
