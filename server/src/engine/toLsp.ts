// Through vscode-languageserver, not -protocol: the server depends on its own nested protocol copy, and
// importing the top-level one bundled a second protocol + jsonrpc (~105 kB) into dist/server.js.
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic,
  type Position,
  type Range,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { writtenInMessage, type SourceRange } from '../model/located';
import type { TextEdit } from '../edit/writer';
import type { Finding, PlannedFix } from './lint';
import { ENGINE_IDS } from './lint';
import type { Severity } from './ruleApi';
import { docLink, HARDENING_PAGE, type DocLinkStyle } from './docLinks';
import { HARDENING_GROUP_ID } from './hardening';
import { rules as registeredRules } from '../../../rules';

/** The one place where model offsets become LSP positions: everything inside the engine stays in offsets. */
export interface PositionSource {
  positionAt(offset: number): Position;
  /** The document's URI, for related information (a TextDocument has it). */
  readonly uri?: string;
}

export const DIAGNOSTIC_SOURCE = 'capdrop';

/** What a diagnostic carries back to code actions, so they find their finding without reading message text. */
export interface DiagnosticData {
  ruleId: string;
  /** Index of the finding in the lint result of the version the diagnostic was published for. */
  index: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const ENGINE_ID_SET = new Set<string>(Object.values(ENGINE_IDS));

export function toLspRange(doc: PositionSource, range: SourceRange): Range {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

/**
 * `links`: how the rule pages are linked (the VS Code extension opens `command` links; other clients get files).
 * `fileUri`: the URI of a file the linted one read (an env file); without it such findings carry no related location.
 */
export function toDiagnostic(doc: PositionSource, finding: Finding, index: number, links: DocLinkStyle, fileUri?: (path: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(doc, finding.range),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.message,
    data: { ruleId: finding.ruleId, index } satisfies DiagnosticData,
  };
  // Engine findings (parse errors, suppression bookkeeping) have no rule page to link to.
  const page = docPageOf(finding.ruleId);
  if (page) diagnostic.codeDescription = { href: docLink(links, page) };
  // A summary's items, each at the value its rule reported (a port, the restart policy) with its full message.
  // Only a reader of other files (a disk) makes such findings, and who made the reader knows their URIs.
  if (finding.writtenIn && fileUri) {
    const { path, start, end, label } = finding.writtenIn;
    diagnostic.relatedInformation = [{ location: { uri: fileUri(path), range: { start, end } }, message: writtenInMessage(label) }];
  }
  if (finding.members && doc.uri !== undefined) {
    const uri = doc.uri;
    diagnostic.relatedInformation = finding.members.map((m) => ({ location: { uri, range: toLspRange(doc, m.range) }, message: `${m.ruleId}: ${m.message}` }));
  }
  // A finding the repository suppresses, shown anyway (Restricted Mode): where the comment says so.
  if (finding.suppressed?.at && doc.uri !== undefined) {
    diagnostic.relatedInformation = [{ location: { uri: doc.uri, range: toLspRange(doc, finding.suppressed.at) }, message: 'The repository suppresses this finding here.' }];
  }
  if (finding.ruleId === ENGINE_IDS.unusedSuppression) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toDiagnostics(doc: PositionSource, findings: readonly Finding[], links: DocLinkStyle, fileUri?: (path: string) => string): Diagnostic[] {
  return findings.map((f, i) => toDiagnostic(doc, f, i, links, fileUri));
}

/** The documentation page of a finding's rule; none for the engine's own findings (parse errors, suppression bookkeeping). */
export function docPageOf(ruleId: string): string | undefined {
  if (ruleId === HARDENING_GROUP_ID) return HARDENING_PAGE;
  return ruleId in registeredRules ? ruleId : undefined;
}

export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.ruleId !== 'string' || typeof data.index !== 'number') return undefined;
  return { ruleId: data.ruleId, index: data.index };
}

export function toLspEdits(doc: PositionSource, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toLspRange(doc, e.range), newText: e.newText }));
}

/**
 * A versioned edit (documentChanges): VS Code refuses to apply it when the document has moved on
 * since `version`, instead of splicing text into the wrong place.
 */
export function versionedEdit(doc: PositionSource, uri: string, version: number | null, edits: readonly TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits: toLspEdits(doc, edits) }] };
}

/** How the client lets a fix put the cursor where the user types next (its placeholder). */
export interface CursorSupport {
  /** LSP 3.18 `SnippetTextEdit` in workspace edits (`workspace.workspaceEdit.snippetEditSupport`). */
  snippets: boolean;
  /** The command that selects a range after the edit (through `window/showDocument`); unset when the client cannot. */
  selectCommand?: string;
}

export function fixToCodeAction(
  doc: PositionSource,
  uri: string,
  version: number | null,
  fix: PlannedFix,
  diagnostic: Diagnostic | undefined,
  isPreferred: boolean,
  cursor: CursorSupport = { snippets: false },
): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    edit: versionedEdit(doc, uri, version, fix.edits),
  };
  const placeholder = fix.placeholder;
  if (placeholder && fix.edits.length > 0) {
    const [first, ...rest] = fix.edits;
    if (cursor.snippets) {
      const snippet = toSnippetEdit(doc, first, placeholder);
      action.edit = { documentChanges: [{ textDocument: { uri, version }, edits: [snippet, ...toLspEdits(doc, rest)] }] };
    } else if (cursor.selectCommand) {
      // The placeholder follows no line break in the inserted text: it is on the edit's first line.
      const at = doc.positionAt(first.range.start);
      const selection: Range = { start: { line: at.line, character: at.character + placeholder.start }, end: { line: at.line, character: at.character + placeholder.end } };
      action.command = { title: 'Select the reason', command: cursor.selectCommand, arguments: [uri, selection] };
    }
  }
  if (diagnostic) action.diagnostics = [diagnostic];
  if (isPreferred) action.isPreferred = true;
  return action;
}

/** `$`, `}` and `\` are snippet syntax; everything else is inserted as written. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** The edit as a snippet whose one tab stop is the placeholder (selected when it holds text, the cursor when empty). */
function toSnippetEdit(doc: PositionSource, edit: TextEdit, placeholder: { start: number; end: number }): SnippetTextEdit {
  const before = edit.newText.slice(0, placeholder.start);
  const held = edit.newText.slice(placeholder.start, placeholder.end);
  const after = edit.newText.slice(placeholder.end);
  const stop = held ? `\${1:${escapeSnippet(held)}}` : '$0';
  return { range: toLspRange(doc, edit.range), snippet: { kind: 'snippet', value: `${escapeSnippet(before)}${stop}${escapeSnippet(after)}` } };
}

/**
 * Picks fixes of the allowed safeties, first come first served, skipping any whose edits overlap an
 * already chosen one (a second fix at the same place would be planned against text that no longer exists).
 */
