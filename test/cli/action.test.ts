import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { buildCli } from './bundleHarness';
import { tempTree } from './harness';

const REPO = path.resolve(__dirname, '..', '..');

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` as GitHub fills it: the given input, else its default. */
function fill(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name].default);
}

/** Runs one of the action's Capdrop steps the way the runner does (bash, its env, GITHUB_ACTION_PATH). */
function runStep(name: string, actionPath: string, cwd: string, inputs: Record<string, string> = {}) {
  const step = action.runs.steps.find((s) => s.name === name);
  assert.ok(step?.run, `step ${name}`);
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(v, inputs)]));
  return spawnSync('bash', ['-e', '-o', 'pipefail', '-c', fill(step.run, inputs)], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env, GITHUB_ACTION_PATH: actionPath } });
}

describe('GitHub Action (action.yml)', () => {
  let actionPath = '';
  before(() => {
    actionPath = path.dirname(path.dirname(buildCli()));
  });

  it('is a composite action whose every input has a default and whose upload reads the SARIF it writes', () => {
    assert.equal(action.runs.using, 'composite');
    for (const [name, input] of Object.entries(action.inputs)) assert.equal(typeof input.default, 'string', name);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.equal(upload?.with?.sarif_file, '${{ inputs.sarif-file }}');
  });

  it('writes SARIF without failing on findings, then annotates and fails by fail-on', () => {
    const dir = tempTree({ 'compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n', 'ok/Dockerfile': 'FROM nginx:1.27\nUSER nginx\n' });
    const sarif = runStep('Capdrop (SARIF)', actionPath, dir);
    assert.equal(sarif.status, 0, sarif.stderr);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'capdrop.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(log.runs[0].results.some((r) => r.ruleId === 'no-privileged'));

    const gate = runStep('Capdrop', actionPath, dir);
    assert.equal(gate.status, 1);
    assert.match(gate.stdout, /^::error file=compose\.yaml,line=4,col=5,.*title=capdrop no-privileged::/m);

    // Only the clean directory: the gate passes.
    assert.equal(runStep('Capdrop', actionPath, dir, { path: 'ok' }).status, 0);
    // A baseline holding today's findings: nothing new, the gate passes.
    const json = spawnSync(process.execPath, [path.join(actionPath, 'bin', 'capdrop.js'), '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'known.json'), json.stdout);
    assert.equal(runStep('Capdrop', actionPath, dir, { baseline: 'known.json', 'fail-on': 'info' }).status, 0);
  });

  it('a real failure (a path that does not exist) fails the SARIF step too', () => {
    const dir = tempTree({});
    const r = runStep('Capdrop (SARIF)', actionPath, dir, { path: 'missing' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^capdrop: .*missing/m);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  it('runs the package\'s capdrop command, built when npm installs it from source', () => {
    assert.deepEqual(hooks.map((h) => [h.id, h.language]), [['capdrop', 'node']]);
    assert.ok(pkg.bin[hooks[0].entry], `bin ${hooks[0].entry}`);
    assert.match(pkg.scripts.postinstall, /build-from-source/);
  });

  it('passes the files Capdrop lints by name, and not others', () => {
    const files = new RegExp(hooks[0].files);
    for (const yes of ['Dockerfile', 'app/Dockerfile.prod', 'Containerfile', 'x.dockerfile', 'compose.yaml', 'deploy/docker-compose.prod.yml', 'scripts/run.sh']) assert.ok(files.test(yes), yes);
    for (const no of ['README.md', 'src/index.ts', 'values.yaml', 'Dockerfile/notes.txt']) assert.ok(!files.test(no), no);
  });
});
