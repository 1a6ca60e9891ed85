import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileDocLinks } from './docFiles';
import { pathToUri, uriKey, uriToPath } from './fileUris';
import type { LocalDisk } from './localDisk';
import { createRootedReader } from './rootedReader';
import { WorkspaceConfigs } from '../handlers/workspaceConfigs';
import { digestOfJson } from '../scanWorker';

/** The Node server's disk: node:fs, node:path and `file:` URIs (the interface: localDisk.ts). */
export const nodeDisk: LocalDisk = {
  uriToPath,
  pathToUri,
  uriKey,
  stat: (fsPath) => fs.statSync(fsPath),
  readText: (fsPath) => fs.readFileSync(fsPath, 'utf8'),
  exists: (fsPath) => fs.existsSync(fsPath),
  realPath(fsPath) {
    try {
      return fs.realpathSync.native(fsPath);
    } catch {
      return undefined;
    }
  },
  paths: path,
  reader: (file, roots) => createRootedReader({ file, roots }),
  workspaceConfigs: (trusted, mayRead, onLoaded) => new WorkspaceConfigs(trusted, mayRead, onLoaded),
  docLinks: fileDocLinks,
  digest: (uri, diagnosticsJson) => digestOfJson(uri, undefined, diagnosticsJson),
};
