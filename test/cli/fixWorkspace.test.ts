import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unifiedDiff } from '../../cli/diff';
import { lint } from '../../server/src/engine/lint';
import { buildCli } from './bundleHarness';
import { onlyRule, ruleMessage, runCli } from './harness';

// `capdrop --fix` end to end, through the bundled launcher, on copies of the workspace fixture.
const REPO = path.resolve(__dirname, '..', '..');
const WORKSPACE = path.join(REPO, 'test', 'fixtures', 'workspace');
const FILES = ['Dockerfile', 'compose.yaml', 'scripts/run-dev.sh'];
const KINDS = { 'Dockerfile': 'dockerfile', 'compose.yaml': 'compose', 'scripts/run-dev.sh': 'shell' } as const;

/** A temp copy of the workspace fixture, marked as a repository root so no outer config applies. */
function workspaceCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-fix-ws-'));
  fs.cpSync(WORKSPACE, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** Every entry of the tree, to catch temp files left behind by the atomic write. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => !p.startsWith('.git')).sort();
}

describe('capdrop --fix on the workspace fixture (bundled CLI)', () => {
  const launcher = buildCli();
  const env = { ...process.env, CAPDROP_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-cache-')) };
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8', env });
  const original = snapshot(WORKSPACE);

  it('--fix-safety review rewrites each file in place, says what it fixed, and a second run changes nothing', () => {
    const dir = workspaceCopy();
    const before = listing(dir);
    const r = run(['--fix', '--fix-safety', 'review', '.'], dir);
    assert.equal(r.stderr, '');
    const summary = r.stdout.split('\n').filter((l) => l.startsWith('fixed '));
    assert.deepEqual(
      summary.map((l) => l.replace(/^fixed \d+ problems? in /, '')),
      FILES,
    );
    assert.ok(summary.every((l) => /^fixed [1-9]\d* problems? in /.test(l)), summary.join('\n'));
    assert.deepEqual(listing(dir), before, 'no temp file is left next to the fixed files');

    const fixed = snapshot(dir);
    assert.equal(fixed.Dockerfile, original.Dockerfile.replace('CMD ["app"]', 'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["app"]'));
    for (const f of FILES) {
      assert.notEqual(fixed[f], original[f], `${f} was fixed`);
      const after = lint(fixed[f], KINDS[f as keyof typeof KINDS], { withFixes: true }).findings;
      assert.deepEqual(after.filter((x) => x.ruleId === 'parse-error'), [], `${f} still parses`);
      assert.deepEqual(after.filter((x) => x.fixes.some((fix) => fix.messageId !== 'ignore')).map((x) => x.ruleId), [], `${f}: nothing fixable is left`);
    }

    const again = run(['--fix', '--fix-safety', 'review', '.'], dir);
    assert.equal(again.stdout.split('\n').filter((l) => l.startsWith('fixed ')).length, 0, again.stdout);
    assert.deepEqual(snapshot(dir), fixed);
  });

  it('--dry-run prints, as a unified diff, exactly what --fix writes, and writes nothing', () => {
    const fixedDir = workspaceCopy();
    run(['--fix', '--fix-safety', 'review', '.'], fixedDir);
    const fixed = snapshot(fixedDir);

    const dir = workspaceCopy();
    const r = run(['--fix', '--fix-safety', 'review', '--dry-run', '.'], dir);
    assert.equal(r.stderr, '');
    const diffs = FILES.map((f) => unifiedDiff(f, original[f], fixed[f]));
    assert.ok(r.stdout.startsWith(diffs.join('')), r.stdout);
    assert.deepEqual(snapshot(dir), original);
  });

  it('by default applies only safe fixes: none of the workspace fixes is safe, so nothing is written', () => {
    const dir = workspaceCopy();
    const r = run(['--fix', '.'], dir);
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes('fixed '), r.stdout);
    assert.deepEqual(snapshot(dir), original);
  });
});

describe('capdrop --fix on standard input', () => {
  const COMPOSE = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n    cap_add: [SYS_ADMIN]\n';

  it('writes only the fixed text to stdout, and the findings left to stderr', async () => {
    const r = await runCli([...onlyRule('no-privileged', 'no-dangerous-capabilities', 'pin-image-version'), '--fix', '--fix-safety', 'review', '--kind', 'compose', '-'], process.cwd(), {
      stdin: 'services:\n  app:\n    image: nginx\n    privileged: true\n',
    });
    assert.equal(r.stdout, 'services:\n  app:\n    image: nginx\n');
    const noTag = ruleMessage('pin-image-version', 'noTag').replace('{{image}}', 'nginx');
    assert.equal(r.stderr, `<stdin>\n  3:5  warning  ${noTag}  pin-image-version\n\n1 problem (0 errors, 1 warning, 0 infos)\n`);
    assert.equal(r.code, 1);
  });

  it('--dry-run prints a diff of the input instead of the text', async () => {
    const r = await runCli([...onlyRule('no-privileged', 'no-dangerous-capabilities'), '--fix', '--fix-safety', 'review', '--dry-run', '--kind', 'compose', '-'], process.cwd(), { stdin: COMPOSE });
    assert.deepEqual(r, {
      code: 0,
      stdout: '--- a/<stdin>\n+++ b/<stdin>\n@@ -1,5 +1,3 @@\n services:\n   app:\n     image: nginx:1.27\n-    privileged: true\n-    cap_add: [SYS_ADMIN]\n',
      stderr: '',
    });
  });

  it('keeps CRLF line endings of the input', async () => {
    const r = await runCli([...onlyRule('limit-restart-retries'), '--fix', '--fix-safety', 'review', '--kind', 'compose', '-'], process.cwd(), {
      stdin: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    restart: always\r\n',
    });
    assert.deepEqual(r, { code: 0, stdout: 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    restart: "on-failure:5"\r\n', stderr: '' });
  });
});
