import type { FileReport } from './report';

/**
 * A finding's identity across runs: its file, rule and message (which names the value: the port, the
 * path, the capability) and, for findings alike in all three, their order in the file. Lines are left
 * out, so an edit above a finding does not make it new (GitLab's Code Quality diff and `--baseline`
 * compare these).
 */
export function fingerprintKeys(report: FileReport): string[] {
  const seen = new Map<string, number>();
  return report.findings.map((f) => {
    const key = `${report.file}\u0000${f.ruleId}\u0000${f.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}\u0000${n}`;
  });
}

export function fingerprint(key: string): string {
  // Loaded when a format needs it: node:crypto (and the streams it pulls in) was ~8 ms of every CLI run.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('md5').update(key).digest('hex');
}
