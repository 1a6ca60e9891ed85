import type { CancellationToken, Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { logError } from './guard';

/** Told to clients that ask for it (`initializationOptions.scanState`): `{ scanning, files }` at the start, every 20 files and the end of a scan. */
export const SCAN_STATE_NOTIFICATION = 'capdrop/scanState';

export type ScanProgress = Pick<WorkDoneProgressServerReporter, 'begin' | 'report' | 'done'> & { token: CancellationToken };

/** The scan's progress bar, with its cancel button; shared by the disk scan (workspaceScan.ts) and the browser's (clientScan.ts). */
export async function createScanProgress(connection: Connection): Promise<ScanProgress> {
  try {
    return await connection.window.createWorkDoneProgress();
  } catch (err) {
    // A client that refuses the progress token still deserves the scan, just without a progress bar.
    logError(connection, 'creating the scan progress', err);
    return { token: { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) }, begin() {}, report() {}, done() {} };
  }
}

/** Sends `capdrop/scanState` when the client asked for it (Capdrop's extension: its status bar item). */
export function reportScanState(connection: Connection, sends: boolean, scanning: boolean, files: number): void {
  if (sends) void Promise.resolve(connection.sendNotification(SCAN_STATE_NOTIFICATION, { scanning, files })).catch(() => undefined);
}
