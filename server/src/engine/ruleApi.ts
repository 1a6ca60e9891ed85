import type { ContainerSpec, InputKind } from '../model/containerSpec';
import type { Located, SourceRange, Unknown } from '../model/located';
import type { SpecWriter, TextEdit } from '../edit/writer';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A rule preset. `recommended` and `strict` run every rule but those that name their presets; the Pod Security
 * Standards presets run exactly the rules of that level (rules/pss-*.ts) and nothing else.
 */
export type Preset = 'recommended' | 'strict' | 'pss-baseline' | 'pss-restricted';
export const PRESETS: readonly Preset[] = ['recommended', 'strict', 'pss-baseline', 'pss-restricted'];
export type SeveritySetting = Severity | 'off';

/** `safe` fixes may run unattended (fix-all on save, `--fix-safety safe`); `review` fixes only by choice. */
export type FixSafety = 'safe' | 'review';

export interface RuleDocs {
  rationale: string;
  whenNotToUse: string;
  /** CIS Docker Benchmark items, kernel/Docker docs URLs. */
  references: string[];
  sameAs?: { tool: string; id: string }[];
  examples: { bad: { kind: InputKind; code: string }[]; good: { kind: InputKind; code: string }[] };
}

export interface FixSpec<M extends string> {
  messageId: M;
  data?: Record<string, string>;
  safety: FixSafety;
  /** Plans the edit through the writer of the spec's input kind; null when it cannot be made safely. */
  edit(writer: SpecWriter): TextEdit[] | null;
}

export interface ReportDescriptor<M extends string> {
  /** What the finding points at: a located value, an unknown, or a raw range. */
  at: Located<unknown> | Unknown | SourceRange;
  messageId: M;
  data?: Record<string, string>;
  /** Overrides the rule's default severity for this finding (e.g. error when a mount is writable). */
  severity?: Severity;
  fixes?: FixSpec<M>[];
}

export interface FixSettings {
  memory: string;
  cpus: string;
  pids: string;
  uid: string;
}

/**
 * What rules derive from one spec, computed by the first rule that needs it and shared by the others
 * during one lint() (the part ESLint's `context.sourceCode` plays). Helpers in rules/support declare
 * their fields by declaration merging. Passed in the context rather than kept in module-level WeakMaps
 * keyed by the spec: weak-map entries are ephemerons, which V8's scavenger keeps alive and promotes,
 * and they made garbage collection 20 % of linting the bench Dockerfiles (the parser alone: 2 %, profiled).
 */
export interface SpecMemo {}

export interface RuleContext<M extends string> {
  report(descriptor: ReportDescriptor<M>): void;
  settings: FixSettings;
  /** This spec's shared derived values (see SpecMemo); rules pass it to the helpers that fill it. */
  memo: SpecMemo;
  /** The preset in force: a Pod Security Standards control judges by the level it names; a rule may ask for more under `strict` (pin-image-version: digests). */
  preset: Preset;
  /** `trustedRegistries` of `.capdrop.yaml`: when set, images must come from one of these (pin-image-version). */
  trustedRegistries?: readonly string[];
}

export interface Rule<M extends string = string> {
  id: string;
  title: string;
  /** Default severity under the `recommended` preset. */
  severity: Severity;
  /** Severity under the `strict` preset (defaults to `severity`). Hardening-missing rules raise info to warning here. */
  strictSeverity?: Severity;
  inputs: InputKind[];
  /** The presets that run this rule; absent: `recommended` and `strict`. A rule set in the configuration runs under any preset. */
  presets?: readonly Preset[];
  docs: RuleDocs;
  messages: Record<M, string>;
  check(spec: ContainerSpec, ctx: RuleContext<M>): void;
}

/** Identity function that types `messageId`s from `messages` (as typescript-eslint's RuleCreator does). */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Whether a preset runs a rule (before the configuration turns it on or off). */
export function inPreset(rule: Rule, preset: Preset | undefined): boolean {
  if (rule.presets) return preset !== undefined && rule.presets.includes(preset);
  return preset === undefined || preset === 'recommended' || preset === 'strict';
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A template cut at its placeholders: text at even indices, `[key, placeholder as written]` at odd ones. */
type TemplateParts = (string | readonly [string, string])[];

/**
 * Templates are the rules' messages, a fixed set, and every finding fills one: cut each once rather
 * than run a regex replace per finding (~3 % of linting the Compose corpus, profiled). Bounded in
 * case a caller passes texts of its own.
 */
const cutTemplates = new Map<string, TemplateParts>();
const MAX_CUT_TEMPLATES = 2000;

function cutTemplate(template: string): TemplateParts {
  let parts = cutTemplates.get(template);
  if (parts) return parts;
  parts = [];
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(from, m.index), [m[1], m[0]]);
    from = m.index + m[0].length;
  }
  parts.push(template.slice(from));
  if (cutTemplates.size < MAX_CUT_TEMPLATES) cutTemplates.set(template, parts);
  return parts;
}

/** Fills `{{name}}` placeholders; a placeholder without data is left as written. */
export function interpolate(template: string, data: Record<string, string> | undefined): string {
  const parts = cutTemplate(template);
  if (parts.length === 1) return template;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') out += part;
    else out += data && part[0] in data ? data[part[0]] : part[1];
  }
  return out;
}
