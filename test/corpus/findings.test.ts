import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../cli/harness';

/**
 * Reviewed findings on real files: every line of the snapshots was read by a person and judged one a
 * reviewer would accept (test/corpus/REVIEW.md). A change to a rule or a parser that adds, drops or rewords
 * a finding fails here until the snapshot is reviewed again and rewritten with UPDATE_SNAPSHOTS=1.
 */

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(REPO, '..', 'shared', 'corpus', 'compose');
const DOCKERFILES = path.join(REPO, '..', 'shared', 'corpus', 'dockerfile', 'real');
const KUBERNETES = path.join(REPO, '..', 'shared', 'corpus', 'kubernetes', 'real');
const REALISTIC = path.join(REPO, 'test', 'fixtures', 'realistic');
const WORKSPACE = path.join(REPO, 'test', 'fixtures', 'workspace');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}

interface JsonReport {
  file: string;
  findings: JsonFinding[];
}

/** File (relative to `base`, `/`-separated) → `line:col severity rule-id message`, one per finding. */
type Snapshot = Record<string, string[]>;

function filesUnder(dir: string, name: RegExp): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), name) : name.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

const yamlFiles = (dir: string) => filesUnder(dir, /\.ya?ml$/);

async function lintAll(argv: string[]): Promise<JsonReport[]> {
  // --fail-on error keeps the exit code about crashes and usage, not about what was found.
  const r = await runCli(['--format', 'json', '--fail-on', 'error', ...argv], REPO);
  assert.equal(r.stderr, '');
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
  return JSON.parse(r.stdout) as JsonReport[];
}

function snapshotOf(reports: JsonReport[], base: string): Snapshot {
  const out: Snapshot = {};
  const sorted = reports
    .map((rep) => ({ file: path.relative(base, path.resolve(REPO, rep.file)).split(path.sep).join('/'), findings: rep.findings }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, findings } of sorted) {
    out[file] = findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
  }
  return out;
}

function matchSnapshot(actual: Snapshot, file: string): void {
  const snapPath = path.join(__dirname, file);
  if (UPDATE) fs.writeFileSync(snapPath, `${JSON.stringify(actual, null, 2)}\n`);
  const expected = JSON.parse(fs.readFileSync(snapPath, 'utf8')) as Snapshot;
  assert.deepEqual(actual, expected, `findings differ from ${file}: review them, then rerun with UPDATE_SNAPSHOTS=1`);
}

describe('reviewed findings on real files', () => {
  it('the real Compose corpus gives exactly the reviewed findings', async () => {
    const files = yamlFiles(path.join(CORPUS, 'real'));
    assert.ok(files.length >= 81, `expected the corpus at ${CORPUS}`);
    // The corpus names are flattened (`…__compose.yaml`), so the kind is given rather than detected.
    const reports = await lintAll(['--kind', 'compose', ...files]);
    assert.equal(reports.length, files.length);
    matchSnapshot(snapshotOf(reports, path.join(CORPUS, 'real')), 'real-findings.snap.json');
  });

  it('the real Dockerfiles (official and application images) give exactly the reviewed findings', async () => {
    const files = filesUnder(DOCKERFILES, /./);
    assert.ok(files.length >= 109, `expected the corpus at ${DOCKERFILES}`);
    const reports = await lintAll(['--kind', 'dockerfile', ...files]);
    assert.equal(reports.length, files.length);
    matchSnapshot(snapshotOf(reports, DOCKERFILES), 'real-dockerfile-findings.snap.json');
  });

  it('the real Kubernetes manifests give exactly the reviewed findings', async () => {
    const files = yamlFiles(KUBERNETES);
    assert.ok(files.length >= 146, `expected the corpus at ${KUBERNETES}`);
    const reports = await lintAll(['--kind', 'kubernetes', ...files]);
    assert.equal(reports.length, files.length);
    const snapshot = snapshotOf(reports, KUBERNETES);
    matchSnapshot(snapshot, 'kubernetes-findings.snap.json');
    // Walking the folder finds the manifests by their content: every file with a finding is among them.
    const walked = snapshotOf(await lintAll([KUBERNETES]), KUBERNETES);
    const withFindings = Object.keys(snapshot).filter((f) => snapshot[f].length > 0);
    assert.deepEqual(withFindings.filter((f) => !(f in walked)), []);
    for (const f of Object.keys(walked)) assert.deepEqual(walked[f], snapshot[f], f);
  });

  it('the project workspace and the realistic fixtures give exactly the reviewed findings', async () => {
    const reports = await lintAll([WORKSPACE, REALISTIC]);
    const snapshot = snapshotOf(reports, path.join(REPO, 'test', 'fixtures'));
    assert.ok(Object.keys(snapshot).length >= 7, 'every fixture was linted');
    matchSnapshot(snapshot, 'realistic-findings.snap.json');
  });

  it('the corpus fixtures never crash and never raise an internal error', async () => {
    const files = yamlFiles(path.join(CORPUS, 'fixtures'));
    assert.ok(files.length > 50, `expected the corpus at ${CORPUS}`);
    const reports = await lintAll(['--kind', 'compose', ...files]);
    assert.equal(reports.length, files.length);
    const internal = reports.flatMap((rep) => rep.findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${rep.file}:${f.line} ${f.message}`));
    assert.deepEqual(internal, []);
  });
});
