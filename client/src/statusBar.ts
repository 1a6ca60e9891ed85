import * as vscode from 'vscode';

/** What the server tells about the workspace scan (`capdrop/scanState`, sent when the client asks for it). */
export interface ScanState {
  scanning: boolean;
  files: number;
}

export const SCAN_STATE_NOTIFICATION = 'capdrop/scanState';

/**
 * The status bar item: Capdrop's problem counts over the workspace, the scan's progress while it runs,
 * Restricted Mode when the workspace is not trusted; a click shows the output.
 */
export class CapdropStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('capdrop.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private scan: ScanState = { scanning: false, files: 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(showOutputCommand: string) {
    this.item.name = 'Capdrop';
    this.item.command = showOutputCommand;
    // Counting every file's diagnostics on each change would cost a scan of a large workspace dearly.
    this.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => this.later()));
    this.render();
    this.item.show();
  }

  setScan(state: ScanState): void {
    this.scan = state;
    this.render();
  }

  private later(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, 250);
  }

  private render(): void {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) {
        if (d.source !== 'capdrop') continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) counts.error++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warning++;
        else counts.info++;
      }
    }
    const restricted = !vscode.workspace.isTrusted;
    const scanning = this.scan.scanning ? `$(sync~spin) ${this.scan.files} files ` : '';
    this.item.text = `${restricted ? '$(shield)' : '$(check-all)'} Capdrop ${scanning}$(error) ${counts.error} $(warning) ${counts.warning} $(info) ${counts.info}`;
    const tooltip = new vscode.MarkdownString(
      [
        `**Capdrop**: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} information in the workspace.`,
        this.scan.scanning ? `Scanning the workspace: ${this.scan.files} files so far.` : '',
        restricted ? 'Restricted Mode: what the repository suppresses is shown at information level.' : '',
        'Click to show the output.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Capdrop: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} information${this.scan.scanning ? ', scanning the workspace' : ''}` };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
