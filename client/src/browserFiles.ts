import * as vscode from 'vscode';
import type { BaseLanguageClient, CancellationToken } from 'vscode-languageclient';

// The client's side of the browser's workspace scan (server/src/handlers/clientScan.ts, whose names these
// are kept in step with; test/client/browserFiles.test.ts checks both): the server in its Web Worker has no
// disk, so it asks VS Code, which reads whatever file system the workspace is on (github.dev, vscode.dev…).

export const LIST_FILES_REQUEST = 'capdrop/listFiles';
export const READ_FILE_REQUEST = 'capdrop/readFile';

export interface ListFilesParams {
  folder: string;
  include: string;
  exclude: string;
  maxFiles: number;
}

export type ReadFileResult = { status: 'ok'; text: string } | { status: 'too-large'; size: number } | { status: 'missing' };

/** The files of a workspace folder matching `include` (no `files.exclude`: the server applies it, as the user set it). */
export async function listFiles(params: ListFilesParams, token: CancellationToken): Promise<string[]> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(params.folder));
  if (!folder || params.maxFiles <= 0) return [];
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, params.include), new vscode.RelativePattern(folder, params.exclude), params.maxFiles, token);
  return found.map((uri) => uri.toString());
}

/** A file's text, unless it is larger than `maxSize` bytes (only its size is read then) or gone. */
export async function readFile(uri: string, maxSize: number): Promise<ReadFileResult> {
  const target = vscode.Uri.parse(uri);
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if ((stat.type & vscode.FileType.File) === 0) return { status: 'missing' };
    if (stat.size > maxSize) return { status: 'too-large', size: stat.size };
    return { status: 'ok', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(target)) };
  } catch (err) {
    if (err instanceof vscode.FileSystemError) return { status: 'missing' };
    throw err;
  }
}

/** Answers the server's two requests. */
export function answerFileRequests(client: BaseLanguageClient): void {
  client.onRequest(LIST_FILES_REQUEST, (params: ListFilesParams, token: CancellationToken) => listFiles(params, token));
  client.onRequest(READ_FILE_REQUEST, (params: { uri: string; maxSize: number }) => readFile(params.uri, params.maxSize));
}
