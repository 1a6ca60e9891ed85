import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspHarness, uri } from './harness';

// `capdrop/scanState`: what the extension's status bar item shows while the workspace scan runs.

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

describe('scan state notifications', () => {
  it('tell a client that asks for them when a scan starts, how far it is, and when it ends; others get none', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'capdrop-scan-state-'));
    for (let i = 0; i < 45; i++) {
      mkdirSync(path.join(root, `svc${String(i).padStart(2, '0')}`));
      writeFileSync(path.join(root, `svc${String(i).padStart(2, '0')}`, 'compose.yaml'), PRIVILEGED);
    }
    try {
      for (const scanState of [true, false]) {
        const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, scanState });
        try {
          await lsp.waitForDiagnostics((p) => p.uri === uri(path.join(root, 'svc44', 'compose.yaml')), 'the last file');
          await lsp.within(
            new Promise<void>((resolve) => {
              const check = () => (!scanState || lsp.scanStates.some((s) => !s.scanning) ? resolve() : setTimeout(check, 20));
              check();
            }),
            'the end of the scan',
          );
          if (scanState) assert.deepEqual(lsp.scanStates, [{ scanning: true, files: 0 }, { scanning: true, files: 20 }, { scanning: true, files: 40 }, { scanning: false, files: 45 }]);
          else assert.deepEqual(lsp.scanStates, []);
        } finally {
          await lsp.stop();
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
