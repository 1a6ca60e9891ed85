import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { chromium, type Browser } from 'playwright-core';

// Starting and stopping code-server, for the e2e tests that drive it (code-server.test.ts, web-extension.test.ts).

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once code-server prints that it listens (its own event), or rejects when it exits. */
export function waitForListening(proc: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${log}`)), timeoutMs);
    const onData = (b: Buffer) => {
      log += b.toString();
      if (/HTTP server listening on/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${log}`));
    });
  });
}

/** Stops code-server and what it forked (its extension host), by the process group it was started in. */
export function kill(proc: ChildProcess | undefined): void {
  if (!proc?.pid || proc.exitCode !== null) return;
  try {
    process.kill(-proc.pid, 'SIGKILL'); // the whole group: code-server forks its extension host
  } catch {
    proc.kill('SIGKILL');
  }
}

/** The flags of Debian's Chromium for a headless run with nothing of its own going to the network. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts code-server on a free port with the given user data and extensions and Debian's Chromium, both
 * stopped when the test ends (as is `cleanUp`, the test's temporary folder).
 */
export async function startCodeServerAndBrowser(
  t: { after(fn: () => Promise<void>): void },
  options: { codeServer: string; userData: string; extDir: string; env: NodeJS.ProcessEnv; cleanUp(): void },
): Promise<{ port: number; browser: Browser }> {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close().catch(() => undefined);
    kill(server);
    options.cleanUp();
  });
  const port = await freePort();
  server = spawn(process.execPath, [options.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', options.userData, '--extensions-dir', options.extDir, '--disable-telemetry', '--disable-update-check'], { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForListening(server, 60_000);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { port, browser };
}
