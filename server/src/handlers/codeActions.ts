import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Connection, type Range } from 'vscode-languageserver';
import type { Finding } from '../engine/lint';
import { DIAGNOSTIC_SOURCE, collectNonOverlappingEdits, fixToCodeAction, readDiagnosticData, toLspRange, versionedEdit } from '../engine/toLsp';
import type { DiagnosticsHandler, LintEntry } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.capdrop`;
/**
 * Server-side command ids. The palette commands (`capdrop.fixAllInFile`, `capdrop.lintWorkspace`) live
 * in the client, which adds the active document's URI; sharing one id would make the language client
 * register the same VS Code command twice.
 */
export const COMMANDS = {
  fixAllInFile: 'capdrop.server.fixAllInFile',
  lintWorkspace: 'capdrop.server.lintWorkspace',
} as const;

const SAFE_ONLY = new Set(['safe']);
const SAFE_AND_REVIEW = new Set(['safe', 'review']);

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

export function provideCodeActions(diagnostics: DiagnosticsHandler, params: CodeActionParams): CodeAction[] {
  const entry = diagnostics.current(params.textDocument.uri);
  if (!entry) return [];
  const { uri, version, document } = entry;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingFor(entry, diagnostic);
      if (!finding) continue;
      let preferred = true;
      for (const fix of finding.fixes) {
        const isRuleFix = fix.messageId !== 'ignore';
        actions.push(fixToCodeAction(document, uri, version, fix, diagnostic, isRuleFix && preferred));
        if (isRuleFix) preferred = false;
      }
    }
  }

  // Only on request: VS Code asks for source.fixAll on save when the user opted in.
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = collectNonOverlappingEdits(entry.findings, SAFE_ONLY);
    if (edits.length) {
      actions.push({ title: 'Capdrop: fix all safe problems', kind: FIX_ALL_KIND, edit: versionedEdit(document, uri, version, edits) });
    }
  }
  return actions;
}

/** `capdrop.fixAllInFile`: applies every safe and review fix that does not overlap another. */
export async function fixAllInFile(connection: Connection, diagnostics: DiagnosticsHandler, uri: string): Promise<boolean> {
  const entry = diagnostics.current(uri);
  if (!entry) return false;
  const edits = collectNonOverlappingEdits(entry.findings, SAFE_AND_REVIEW);
  if (!edits.length) return false;
  const result = await connection.workspace.applyEdit({ label: 'Capdrop: fix all in file', edit: versionedEdit(entry.document, entry.uri, entry.version, edits) });
  return result.applied;
}
