import type { ChildProcess } from 'node:child_process';
import * as net from 'node:net';

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
