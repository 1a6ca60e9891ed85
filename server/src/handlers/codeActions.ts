import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Connection, type Range } from 'vscode-languageserver';
import { planFixes, type Finding } from '../engine/lint';
import type { TextEdit } from '../edit/writer';
import { SHOW_DOCUMENTATION_COMMAND } from '../engine/docLinks';
import { DIAGNOSTIC_SOURCE, docPageOf, fixToCodeAction, readDiagnosticData, toLspRange, versionedEdit, type CursorSupport } from '../engine/toLsp';
import type { DiagnosticsHandler, LintEntry } from './diagnostics';
import { fixAll, type FixPolicy } from '../engine/fixAll';
import type { FixSafety } from '../engine/ruleApi';
import { turnOffInConfigAction } from './configActions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.capdrop`;
/**
 * Server-side command ids. The palette commands (`capdrop.fixAllInFile`, `capdrop.lintWorkspace`) live
 * in the client, which adds the active document's URI; sharing one id would make the language client
 * register the same VS Code command twice.
 */
export const COMMANDS = {
  fixAllInFile: 'capdrop.server.fixAllInFile',
  lintWorkspace: 'capdrop.server.lintWorkspace',
  /** Selects a range after an ignore fix (the reason to type), for clients without snippet edits. */
  selectRange: 'capdrop.server.selectRange',
} as const;

const SAFE_ONLY: ReadonlySet<FixSafety> = new Set(['safe']);
const SAFE_AND_REVIEW: ReadonlySet<FixSafety> = new Set(['safe', 'review']);

/**
 * What `source.fixAll.capdrop` (fix-on-save) applies: every `safe` fix, and every fix of the rules
 * `capdrop.fixOnSave.rules` opts in (`review` ones too, each finding's first); `!id` there keeps a
 * rule's fixes out, safe ones included.
 */
export function fixOnSavePolicy(rules: readonly string[]): FixPolicy {
  const optedIn = new Set(rules.filter((r) => !r.startsWith('!')));
  const optedOut = new Set(rules.filter((r) => r.startsWith('!')).map((r) => r.slice(1)));
  if (optedIn.size === 0 && optedOut.size === 0) return SAFE_ONLY;
  return (ruleId, fix) => !optedOut.has(ruleId) && (fix.safety === 'safe' || optedIn.has(ruleId));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * The finding behind a diagnostic, by the index it carries; the rule id and range must agree, so a
 * diagnostic published for an older version never picks up another finding's fixes.
 */
function findingFor(entry: LintEntry, diagnostic: Diagnostic): Finding | undefined {
  const data = readDiagnosticData(diagnostic);
  if (!data) return undefined;
  const matches = (f: Finding | undefined): f is Finding =>
    f !== undefined && f.ruleId === data.ruleId && sameRange(toLspRange(entry.document, f.range), diagnostic.range);
  const byIndex = entry.findings[data.index];
  if (matches(byIndex)) return byIndex;
  return entry.findings.find(matches);
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** What the client can do with a code action beyond a plain edit. */
export interface ClientSupport extends CursorSupport {
  /** Workspace edits may create files (`workspace.workspaceEdit.resourceOperations` has `create`). */
  createFiles?: boolean;
}

export function provideCodeActions(diagnostics: DiagnosticsHandler, params: CodeActionParams, client: ClientSupport = { snippets: false }): CodeAction[] {
  const current = diagnostics.current(params.textDocument.uri);
  if (!current) return [];
  const entry = diagnostics.fixable(current);
  const { uri, version, document } = entry;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const documented = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingFor(entry, diagnostic);
      if (!finding) continue;
      let preferred = true;
      for (const fix of planFixes(finding)) {
        const isRuleFix = fix.messageId !== 'ignore';
        actions.push(fixToCodeAction(document, uri, version, fix, diagnostic, isRuleFix && preferred, client));
        if (isRuleFix) preferred = false;
      }
      const turnOff = turnOffInConfigAction(diagnostics.config, (u) => diagnostics.openDocument(u), uri, finding.ruleId, diagnostic, client.createFiles === true);
      if (turnOff) actions.push(turnOff);
      const page = docPageOf(finding.ruleId);
      // The client that opens `command` doc links has the command (the VS Code extension); once per rule.
      if (page && diagnostics.docLinks === 'command' && !documented.has(page)) {
        documented.add(page);
        const title = `Show documentation for ${finding.ruleId}`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [page] } });
      }
    }
  }

  // Only on request: VS Code asks for source.fixAll on save when the user opted in.
  if (only && wants(only, FIX_ALL_KIND)) {
    const edit = fixAllEdit(diagnostics, entry, fixOnSavePolicy(diagnostics.settings.fixOnSaveRules));
    if (edit) actions.push({ title: 'Capdrop: fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: versionedEdit(document, uri, version, [edit]) });
  }
  return actions;
}

/** `capdrop.fixAllInFile`: applies every safe and review fix that does not overlap another. */
export async function fixAllInFile(connection: Connection, diagnostics: DiagnosticsHandler, uri: string): Promise<boolean> {
  const current = diagnostics.current(uri);
  if (!current) return false;
  const entry = diagnostics.fixable(current);
  const edit = fixAllEdit(diagnostics, entry, SAFE_AND_REVIEW);
  if (!edit) return false;
  const result = await connection.workspace.applyEdit({ label: 'Capdrop: fix all in file', edit: versionedEdit(entry.document, entry.uri, entry.version, [edit]) });
  return result.applied;
}

function fixAllEdit(diagnostics: DiagnosticsHandler, entry: LintEntry, allowed: FixPolicy): TextEdit | undefined {
  const original = entry.document.getText();
  let options = diagnostics.lintOptionsFor(entry.uri);
  // Rules opted in by id are told apart by the finding's rule: hardening items stay their own findings.
  const byRule = typeof allowed === 'function';
  if (byRule) options = { ...options, groupHardening: false };
  // A file linted from disk (not open) was linted without planning fixes: the first pass lints it with them.
  // An open document's findings were linted with fixes on demand: plan them once, kept on the findings.
  const findings = entry.version === null || byRule ? undefined : entry.findings;
  if (findings) for (const finding of findings) planFixes(finding);
  const { text } = fixAll(original, entry.kind, options, allowed, findings);
  return text === original ? undefined : minimalEdit(original, text);
}

/** One replacement of the part between the common prefix and suffix, so the cursor and folding elsewhere stay put. */
function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
