import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/edit/writer';
import { ENGINE_IDS, lint, type Finding } from '../../server/src/engine/lint';
import { contentKind, type FileKind } from '../../server/src/parse';

const REPO = path.join(__dirname, '..', '..');
export const CORPUS = path.join(REPO, '..', 'shared', 'corpus', 'compose');
export const KUBERNETES_CORPUS = path.join(REPO, '..', 'shared', 'corpus', 'kubernetes', 'real');
const FIXTURES = path.join(REPO, 'test', 'fixtures');

export interface Seed {
  name: string;
  kind: FileKind;
  text: string;
}

/** Per-input hang guard: far above what any mutated corpus file needs, even on a slow CI machine. */
export const PER_INPUT_MS = 10_000;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out.sort();
}

/** The real Compose files and Kubernetes manifests of the shared corpus and the project's fixtures, with their kinds. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const file of filesUnder(CORPUS)) {
    if (/\.ya?ml$/.test(file)) seeds.push({ name: path.relative(CORPUS, file), kind: 'compose', text: fs.readFileSync(file, 'utf8') });
  }
  for (const file of filesUnder(KUBERNETES_CORPUS)) {
    if (/\.ya?ml$/.test(file)) seeds.push({ name: path.relative(KUBERNETES_CORPUS, file), kind: 'kubernetes', text: fs.readFileSync(file, 'utf8') });
  }
  for (const file of filesUnder(FIXTURES)) {
    const text = fs.readFileSync(file, 'utf8');
    // By name, or by content for the YAML that is a Kubernetes manifest (the Helm chart's templates).
    const kind = contentKind(file, text);
    if (kind) seeds.push({ name: path.relative(REPO, file), kind, text });
  }
  return seeds;
}

/** Text that means something to YAML, a Dockerfile or a shell, inserted at random places. */
const METACHARACTERS = [
  ':', ': ', '- ', '-', '&a ', '*a', '<<: *a', '<<: [*a, *b]', '{', '}', '[', ']', ',', '"', "'", '|', '|-', '>', '#', '# capdrop-ignore ',
  '\t', '\r', '\n', '\r\n', '  ', '    ', '---\n', '...\n', '? ', '!!str ', '!!js/function ', '%YAML 1.1\n', '${', '${VAR:-', '}', '$(', ')', '\\', '\\\n',
  '`', ';', '&&', '||', '<<EOF\n', 'EOF\n', '\u0000', '\uFEFF', '\uD800', 'é', '\u2028', 'privileged: true', 'user: root', '--privileged ', 'USER root\n',
  'docker run ', 'RUN ', 'FROM ', 'services:', 'volumes:', 'cap_add: [ALL]', '- /:/host', 'x-a: &a\n  privileged: true\n',
];

export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; line: number }
  | { op: 'truncate'; at: number }
  | { op: 'byte'; at: number; code: number };

/** Positions are fractions of the text, so one mutation list applies to any seed. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(10_000), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(10_000), text: fc.constantFrom(...METACHARACTERS) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(10_000), text: fc.string({ maxLength: 8, unit: 'binary' }) }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat(10_000) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat(10_000) }),
  fc.record({ op: fc.constant('swapLines' as const), line: fc.nat(10_000) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(10_000) }),
  fc.record({ op: fc.constant('byte' as const), at: fc.nat(10_000), code: fc.nat(0xffff) }),
);

function scaled(fraction: number, length: number): number {
  return Math.floor((fraction / 10_000) * length);
}

export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'delete': {
      const at = scaled(m.at, text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = scaled(m.at, text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, scaled(m.at, text.length));
    case 'byte': {
      const at = scaled(m.at, text.length);
      return text.slice(0, at) + String.fromCharCode(m.code) + text.slice(at + 1);
    }
    default: {
      const lines = text.split('\n');
      const i = scaled(m.line, lines.length);
      if (m.op === 'deleteLine') lines.splice(i, 1);
      else if (m.op === 'duplicateLine') lines.splice(i, 0, lines[i] ?? '');
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      return lines.join('\n');
    }
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(mutate, text);
}

function parseErrors(text: string, kind: FileKind): number {
  return lint(text, kind, { withFixes: false }).findings.filter((f) => f.ruleId === ENGINE_IDS.parseError).length;
}

/**
 * What must hold for any text: lint does not throw and ends in bounded time, no rule fails on it,
 * every range lies inside the text, and, when the text parses, each offered fix applied alone keeps it
 * parseable.
 * Returns the violations (empty when all hold), so a failing case prints every reason at once.
 */
export function checkText(text: string, kind: FileKind, maxFixes = Infinity): string[] {
  const started = performance.now();
  const { findings } = lint(text, kind, { withFixes: true });
  const elapsed = performance.now() - started;
  const problems = elapsed > PER_INPUT_MS ? [`lint took ${Math.round(elapsed)} ms`] : [];
  return [...problems, ...checkFindings(text, kind, findings, maxFixes)];
}

/** The checks of checkText on given findings (so a test can hand it a deliberately broken fix). */
export function checkFindings(text: string, kind: FileKind, findings: readonly Finding[], maxFixes = Infinity): string[] {
  const problems: string[] = [];
  const inside = (r: { start: number; end: number }) => r.start >= 0 && r.start <= r.end && r.end <= text.length;
  const before = findings.filter((f) => f.ruleId === ENGINE_IDS.parseError).length;
  let fixesChecked = 0;
  for (const f of findings) {
    if (f.ruleId === ENGINE_IDS.internalError) problems.push(`internal error: ${f.message}`);
    if (!inside(f.range)) problems.push(`${f.ruleId}: range ${f.range.start}-${f.range.end} outside 0-${text.length}`);
    for (const fix of f.fixes) {
      if (fix.edits.some((e) => !inside(e.range))) {
        problems.push(`${f.ruleId} fix "${fix.title}": an edit outside the text`);
        continue;
      }
      // "Keeps the file parseable" means something only for a file that parses: in a broken one a fix
      // may well move where the YAML library gives up (a comment line splitting a broken multi-line key).
      if (before > 0 || fixesChecked++ >= maxFixes) continue;
      let fixed: string;
      try {
        fixed = applyEdits(text, fix.edits);
      } catch (err) {
        problems.push(`${f.ruleId} fix "${fix.title}": ${(err as Error).message}`);
        continue;
      }
      const after = parseErrors(fixed, kind);
      if (after > before) problems.push(`${f.ruleId} fix "${fix.title}" adds a parse error (${before} -> ${after})`);
    }
  }
  return problems;
}
