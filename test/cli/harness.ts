import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main';
import { allRules } from '../../rules';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as if started in `cwd`. */
export async function runCli(argv: string[], cwd: string, options: { stdin?: string | Buffer; tty?: boolean; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t) },
    env: options.env ?? {},
    readStdin: async () => (typeof options.stdin === 'string' ? Buffer.from(options.stdin, 'utf8') : (options.stdin ?? Buffer.alloc(0))),
  });
  return { code, stdout, stderr };
}

/** A fresh temp directory holding `files` (relative path → content); it counts as a repository root. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-cli-'));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

/** `--rule X=off` for every rule but those kept, so a test sees only their findings. */
export function onlyRule(...keep: string[]): string[] {
  return allRules.filter((r) => !keep.includes(r.id)).flatMap((r) => ['--rule', `${r.id}=off`]);
}

export function ruleMessage(ruleId: string, messageId: string): string {
  const rule = allRules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return (rule.messages as Record<string, string>)[messageId];
}
