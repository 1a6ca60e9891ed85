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
    // Under the recommended preset the missing hardening of a service is one summary at its name (docs/hardening.md).
    const webSummary = (d: vscode.Diagnostic) => codeOf(d) === 'container-hardening' && d.message.startsWith('Container "web"');
    const diags = await waitForDiagnostics(composeUri, (ds) => ds.some((d) => webSummary(d) && d.message.includes('drop all capabilities')), 'the hardening summary of "web"');
    const target = diags.find(webSummary)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', composeUri, target.range, vscode.CodeActionKind.QuickFix.value);
    // The command's result drops each action's diagnostics, so the fix is known by the rule's own title.
    const fix = actions.find((a) => a.title === dropAllCapabilities.messages.dropAll && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    if (!fix?.edit) {
      const seen = actions.map((a) => `${a.title} [edit: ${Boolean(a.edit)}, diagnostics: ${(a.diagnostics ?? []).map((x) => String(codeOf(x))).join(',')}]`);
      throw new Error(`no cap_drop quick fix among: ${seen.join(' | ')}`);
    }
    if (!(await vscode.workspace.applyEdit(fix.edit))) throw new Error('VS Code rejected the fix edit');
    if (!/cap_drop:/.test(doc.getText())) throw new Error(`the text did not change as expected:\n${doc.getText()}`);
    await waitForDiagnostics(composeUri, (ds) => ds.some((d) => webSummary(d) && !d.message.includes('drop all capabilities')), 'the summary without "drop all capabilities"');
    return `applied "${fix.title}"`;
  });

  await step(results, 'rule links open the bundled page in the Markdown preview', async () => {
    const diags = await waitForDiagnostics(composeUri, hasCode('no-privileged'), 'no-privileged');
    const target = diags.find((d) => codeOf(d) === 'no-privileged')!.code as { target: vscode.Uri };
    if (target.target.scheme !== 'command' || target.target.path !== 'capdrop.showDocumentation') throw new Error(`the rule link is ${target.target.toString()}`);
    const args = JSON.parse(decodeURIComponent(target.target.query)) as string[];
    const previewOpen = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /no-privileged\.md/.test(t.label));
    await vscode.commands.executeCommand('capdrop.showDocumentation', ...args);
    const tab = previewOpen() ?? (await new Promise<vscode.Tab | undefined>((resolve) => {
      const timer = setTimeout(() => { sub.dispose(); resolve(previewOpen()); }, TIMEOUT_MS);
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        const found = previewOpen();
        if (found) { clearTimeout(timer); sub.dispose(); resolve(found); }
      });
    }));
    if (!tab) throw new Error(`no tab for no-privileged.md among: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    return `opened "${tab.label}" from ${target.target.toString()}`;
  });

  await step(results, 'a second ignore joins the comment, the cursor on its reason', async () => {
    const script = file('scripts/ignore-twice.sh');
    await vscode.workspace.fs.writeFile(script, new TextEncoder().encode('#!/bin/sh\n# capdrop-ignore no-privileged -- the test rig needs it\ndocker run --privileged --pid=host nginx:1.27\n'));
    const doc = await vscode.workspace.openTextDocument(script);
    const editor = await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(script, hasCode('no-host-namespace'), 'no-host-namespace');
    const target = diags.find((d) => codeOf(d) === 'no-host-namespace')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', script, target.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === 'Ignore no-host-namespace on this line');
    if (!ignore?.edit) throw new Error(`no ignore action among: ${actions.map((a) => a.title).join(' | ')}`);
    if (!(await vscode.workspace.applyEdit(ignore.edit))) throw new Error('VS Code rejected the ignore edit');
    const line = doc.lineAt(1).text;
    if (line !== '# capdrop-ignore no-privileged,no-host-namespace -- the test rig needs it') throw new Error(`the comment reads: ${line}\n${doc.getText()}`);
    const selected = doc.getText(editor.selection);
    if (selected !== 'the test rig needs it') throw new Error(`the selection is "${selected}" at ${editor.selection.start.line + 1}:${editor.selection.start.character + 1}`);
    // Trusted, the finding goes; in Restricted Mode it stays, at information, with the comment's reason.
    const ignored = (ds: readonly vscode.Diagnostic[]) =>
      vscode.workspace.isTrusted
        ? !hasCode('no-host-namespace')(ds)
        : ds.some((d) => codeOf(d) === 'no-host-namespace' && d.severity === vscode.DiagnosticSeverity.Information && d.message.endsWith('(suppressed here: the test rig needs it)'));
    await waitForDiagnostics(script, ignored, 'the ignored finding to go (or, untrusted, to show as suppressed)');
    return `"${line}", "${selected}" selected`;
  });

  await step(results, 'Restart server: a new server lints the workspace again', async () => {
    const docker = file('Dockerfile');
    let cleared = false;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === docker.toString()) && !hasCode('no-root-user')(vscode.languages.getDiagnostics(docker).filter((d) => d.source === 'capdrop'))) cleared = true;
    });
    try {
      await vscode.commands.executeCommand('capdrop.restartServer');
      const again = await waitForDiagnostics(docker, hasCode('no-root-user'), 'the Dockerfile linted by the new server');
      return `the old server's diagnostics ${cleared ? 'were cleared' : 'were not seen cleared'}; ${again.length} again`;
    } finally {
      sub.dispose();
    }
  });

  // The code-server run opens the workspace untrusted, with test/e2e/restricted laid over it: a repository
  // that tries to hide its findings through its workspace settings, its .capdrop.yaml, capdrop-ignore
  // comments and its .gitignore. (The desktop run trusts its workspace and has no such overlay.)
  if (process.env.CAPDROP_E2E_RESTRICTED === '1') {
    await step(results, 'Restricted Mode: the repository hides nothing', async () => {
      if (vscode.workspace.isTrusted) throw new Error('the workspace should open in Restricted Mode');
      // VS Code read the repository's settings file (its files.exclude applies), but not Capdrop's settings in it.
      const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
      if (filesExclude.hostile !== true) throw new Error(`the repository's .vscode/settings.json was not read: ${JSON.stringify(filesExclude)}`);
      const capdrop = vscode.workspace.getConfiguration('capdrop');
      const seen = { enable: capdrop.get('enable'), maxFileSize: capdrop.get('maxFileSize'), rules: capdrop.get('rules'), exclude: capdrop.get('exclude') };
      if (seen.enable !== true || seen.maxFileSize !== 5_000_000 || JSON.stringify(seen.rules) !== '{}' || JSON.stringify(seen.exclude) !== '[]') {
        throw new Error(`the repository's capdrop.* settings apply in Restricted Mode: ${JSON.stringify(seen)}`);
      }
      const info = vscode.DiagnosticSeverity.Information;
      const hostile = await waitForDiagnostics(file('hostile/compose.yaml'), (ds) => hasCode('no-privileged')(ds) && hasCode('no-docker-socket-mount')(ds), 'the hostile service');
      const privileged = hostile.find((d) => codeOf(d) === 'no-privileged')!;
      const socket = hostile.find((d) => codeOf(d) === 'no-docker-socket-mount')!;
      if (privileged.severity !== info || !privileged.message.endsWith('(suppressed here: docker-in-docker needs it)')) throw new Error(`privileged: ${privileged.severity} ${privileged.message}`);
      if (privileged.range.start.line !== 4) throw new Error(`privileged should stay on line 5, got ${privileged.range.start.line + 1}`);
      if (socket.severity !== info || !socket.message.endsWith('(suppressed by .capdrop.yaml: no-docker-socket-mount: off)')) throw new Error(`socket: ${socket.severity} ${socket.message}`);
      const ignored = await waitForDiagnostics(file('ignored/compose.yaml'), hasCode('no-privileged'), 'the git-ignored service');
      const ignoredPrivileged = ignored.find((d) => codeOf(d) === 'no-privileged')!;
      if (ignoredPrivileged.severity !== vscode.DiagnosticSeverity.Error) throw new Error(`the git-ignored file's finding: ${ignoredPrivileged.severity}`);
      return `privileged: "${privileged.message}"; socket: "${socket.message}"`;
    });
  }

  return results;
}
