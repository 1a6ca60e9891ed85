import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { turnRuleOff } from '../engine/configEdit';
import { toLspEdits } from '../engine/toLsp';
import { rules as registeredRules } from '../../../rules';
import type { ConfigStore } from './config';

/**
 * "Turn RULE off in .capdrop.yaml": sets `rules: { RULE: off }` in the config file that governs the
 * document (the nearest one up to its workspace folder), or in a new `.capdrop.yaml` at the folder's
 * root (when the client can create files). Only in a trusted workspace, where that file applies; and
 * not for a rule the user's own `capdrop.rules` setting sets, which wins over the file.
 */
export function turnOffInConfigAction(
  config: ConfigStore,
  openDocument: (uri: string) => TextDocument | undefined,
  uri: string,
  ruleId: string,
  diagnostic: Diagnostic,
  canCreateFiles: boolean,
): CodeAction | undefined {
  const disk = config.disk;
  const fsPath = disk?.uriToPath(uri);
  if (!disk || !config.trusted || !fsPath || !(ruleId in registeredRules) || config.settings.rules[ruleId]) return undefined;
  const folder = config.folderOf(fsPath);
  if (!folder) return undefined;
  const target = config.workspaceConfigFileFor(fsPath) ?? disk.paths.join(folder, '.capdrop.yaml');
  const targetUri = disk.pathToUri(target);
  const open = openDocument(targetUri);
  const exists = open !== undefined || disk.exists(target);
  if (!exists && !canCreateFiles) return undefined;
  let text = open?.getText();
  if (text === undefined && exists) {
    if (!config.mayReadFromDisk(target)) return undefined;
    try {
      text = disk.readText(target);
    } catch {
      return undefined;
    }
  }
  const edits = turnRuleOff(text ?? '', ruleId);
  if (!edits) return undefined;
  const lspEdits = toLspEdits(TextDocument.create(targetUri, 'yaml', 0, text ?? ''), edits);
  const change = { textDocument: { uri: targetUri, version: open?.version ?? null }, edits: lspEdits };
  const name = disk.paths.relative(folder, target).split(disk.paths.sep).join('/');
  return {
    title: `Turn ${ruleId} off in ${name}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { documentChanges: exists ? [change] : [{ kind: 'create', uri: targetUri, options: { ignoreIfExists: true } }, change] },
  };
}
