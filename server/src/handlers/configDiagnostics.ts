import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine/config';
import { LineIndex } from '../model/lineIndex';
import { DIAGNOSTIC_SOURCE } from '../engine/toLsp';

/** The code of a problem in a `.capdrop.yaml` (an engine finding, not a rule's: no rule page). */
export const CONFIG_PROBLEM_CODE = 'config';

/**
 * A `.capdrop.yaml`'s problems as diagnostics in that file: each from where it was found (1-based line
 * and column) to the end of the word there; one without a place at the start of the file. Errors, as
 * the command line treats them (exit 2): the part in question is left out of the configuration.
 */
export function configDiagnostics(text: string, problems: readonly ConfigProblem[]): Diagnostic[] {
  const lines = new LineIndex(text.replace(/^\uFEFF/, ''));
  return problems.map((p) => {
    let range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (p.line !== undefined && p.line >= 1 && p.line <= lines.lineCount) {
      const line = p.line - 1;
      const lineText = lines.lineText(line);
      const character = Math.min(Math.max((p.column ?? 1) - 1, 0), lineText.length);
      const word = /^\S*/.exec(lineText.slice(character))![0].replace(/:$/, '');
      range = { start: { line, character }, end: { line, character: character + word.length } };
    }
    return { range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: CONFIG_PROBLEM_CODE, message: `${p.message}.`.replace(/\.\.$/, '.') };
  });
}
