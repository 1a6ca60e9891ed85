import * as vscode from 'vscode';
import dropAllCapabilities from '../../../rules/drop-all-capabilities';

/**
 * The end-to-end checks, run inside a real VS Code extension host (code-server on these machines,
 * a downloaded desktop VS Code through @vscode/test-electron elsewhere). Every wait is on a
 * diagnostics-change event, bounded by a timeout; nothing sleeps.
 */
export interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

const TIMEOUT_MS = 60_000;

function waitForDiagnostics(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'capdrop');
      if (accept(diags)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(diags);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${String(codeOf(d))}@${d.range.start.line}`);
      reject(new Error(`timed out waiting for ${what} on ${uri.fsPath}; have: ${got.join(', ') || 'nothing'}`));
    }, TIMEOUT_MS);
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

const hasCode = (code: string) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

async function step(results: StepResult[], name: string, body: () => Promise<string>): Promise<void> {
  const t0 = Date.now();
  try {
    const detail = await body();
    results.push({ name, ok: true, ms: Date.now() - t0, detail });
  } catch (err) {
    results.push({ name, ok: false, ms: Date.now() - t0, detail: (err as Error).stack ?? String(err) });
  }
}

export async function runSuite(): Promise<StepResult[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workspace folder is not open');
  const file = (rel: string) => vscode.Uri.joinPath(folder.uri, rel);
  const results: StepResult[] = [];

  await step(results, 'workspace-wide problems for unopened files', async () => {
    const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const compose = await waitForDiagnostics(file('compose.yaml'), hasCode('no-privileged'), 'no-privileged');
    const docker = await waitForDiagnostics(file('Dockerfile'), hasCode('no-root-user'), 'no-root-user');
    const shell = await waitForDiagnostics(file('scripts/run-dev.sh'), hasCode('no-sensitive-mount'), 'no-sensitive-mount');
    for (const rel of ['compose.yaml', 'Dockerfile', 'scripts/run-dev.sh']) {
      if (opened.has(file(rel).toString())) throw new Error(`${rel} was open; the scan must work without opening files`);
    }
    const d = compose.find((x) => codeOf(x) === 'no-privileged')!;
    const href = typeof d.code === 'object' ? d.code.target.toString() : '';
    if (!href.includes('no-privileged')) throw new Error(`no rule link on the diagnostic: ${href}`);
    if (d.range.start.line !== 11) throw new Error(`no-privileged should be on line 12, got ${d.range.start.line + 1}`);
    return `compose ${compose.length}, Dockerfile ${docker.length}, script ${shell.length} diagnostics`;
  });

  const composeUri = file('compose.yaml');
  await step(results, 'inline diagnostic while typing', async () => {
    const doc = await vscode.workspace.openTextDocument(composeUri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('image: nginx:1.27'));
    if (line < 0) throw new Error('fixture changed: no nginx image line');
    const before = vscode.languages.getDiagnostics(composeUri).filter((x) => codeOf(x) === 'no-privileged').length;
    const typedLine = line + 1;
    await editor.edit((b) => b.insert(new vscode.Position(typedLine, 0), '    privileged: true\n'));
    const diags = await waitForDiagnostics(
      composeUri,
      (ds) => ds.some((x) => codeOf(x) === 'no-privileged' && x.range.start.line === typedLine) && ds.filter((x) => codeOf(x) === 'no-privileged').length === before + 1,
      'a squiggle on the typed privileged line',
    );
    const hit = diags.find((x) => codeOf(x) === 'no-privileged' && x.range.start.line === typedLine)!;
    return `squiggle at ${hit.range.start.line + 1}:${hit.range.start.character + 1}-${hit.range.end.character + 1}`;
  });

  await step(results, 'quick fix adds cap_drop: [ALL]', async () => {
    const doc = await vscode.workspace.openTextDocument(composeUri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(composeUri, hasCode('drop-all-capabilities'), 'drop-all-capabilities');
    const target = diags.find((x) => codeOf(x) === 'drop-all-capabilities')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', composeUri, target.range, vscode.CodeActionKind.QuickFix.value);
    // The command's result drops each action's diagnostics, so the fix is known by the rule's own title.
    const fix = actions.find((a) => a.title === dropAllCapabilities.messages.dropAll && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    if (!fix?.edit) {
      const seen = actions.map((a) => `${a.title} [edit: ${Boolean(a.edit)}, diagnostics: ${(a.diagnostics ?? []).map((x) => String(codeOf(x))).join(',')}]`);
      throw new Error(`no cap_drop quick fix among: ${seen.join(' | ')}`);
    }
    const remaining = diags.filter((x) => codeOf(x) === 'drop-all-capabilities').length;
    if (!(await vscode.workspace.applyEdit(fix.edit))) throw new Error('VS Code rejected the fix edit');
    if (!/cap_drop:/.test(doc.getText())) throw new Error(`the text did not change as expected:\n${doc.getText()}`);
    await waitForDiagnostics(composeUri, (ds) => ds.filter((x) => codeOf(x) === 'drop-all-capabilities').length === remaining - 1, 'the fixed finding to go away');
    return `applied "${fix.title}"`;
  });

  return results;
}
