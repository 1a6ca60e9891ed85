import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCompose } from '../../server/src/parse/compose';
import { MAX_EXTENDS_DEPTH, resolveComposeReferences } from '../../server/src/parse/compose/extends';
import type { ComposeFiles } from '../../server/src/parse/compose/files';
import { createRootedReader } from '../../server/src/files/rootedReader';
import type { ContainerSpec, ParsedFile } from '../../server/src/model/containerSpec';
import { isUnknown, type Located, type Maybe, type SourceRange } from '../../server/src/model/located';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../rules';

function parse(text: string, files?: ComposeFiles): ParsedFile {
  return resolveComposeReferences(parseCompose(text), parseCompose, files);
}

function service(parsed: ParsedFile, name: string): ContainerSpec {
  const spec = parsed.specs.find((s) => s.origin.name === name);
  assert.ok(spec, `no service ${name}`);
  return spec;
}

/** `line:column-line:column text` (1-based, end exclusive). */
function span(text: string, range: SourceRange): string {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
  };
  return `${at(range.start)}-${at(range.end)} ${text.slice(range.start, range.end)}`;
}

function known<T>(m: Maybe<T>): Located<T> {
  assert.ok(m !== undefined && !isUnknown(m), 'expected a known value');
  return m;
}

const temps: string[] = [];
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp directory with `files`; returns its real path (macOS-style /tmp links would skew the checks). */
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-extends-')));
  temps.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

function readerFor(root: string, file: string, maxFileSize?: number): ComposeFiles {
  return createRootedReader({ file: path.join(root, file), roots: [root], ...(maxFileSize ? { maxFileSize } : {}) });
}

function lintWith(root: string, file: string, ruleId: string) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return lint(text, 'compose', { ruleSet: allRules.filter((r) => r.id === ruleId), files: readerFor(root, file), withFixes: false }).findings;
}

const SAME_FILE = `services:
  base:
    image: nginx:1.27
    user: "1000"
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
    mem_limit: 256m
    environment:
      A: "1"
      B: "2"
    volumes:
      - ./a:/data
      - ./logs:/logs
    command: ["serve"]
  app:
    extends: base
    cap_add: [CHOWN]
    environment:
      B: "3"
    volumes:
      - ./b:/data
    user: "2000"
`;

describe('same-file extends', () => {
  it('merges the base service by the compose-spec rules, keeping where each value is written', () => {
    const parsed = parse(SAME_FILE);
    assert.deepEqual(parsed.problems, []);
    const app = service(parsed, 'app');
    assert.equal(app.incomplete, false);
    assert.equal(span(SAME_FILE, known(app.user).range), '22:5-22:17 user: "2000"');
    assert.equal(span(SAME_FILE, known(app.image).range), '3:5-3:22 image: nginx:1.27');
    assert.deepEqual(app.images.map((i) => i.value.name), ['nginx']);
    assert.deepEqual(app.capAdd.map((c) => span(SAME_FILE, c.range)), ['6:15-6:31 NET_BIND_SERVICE', '17:15-17:20 CHOWN']);
    assert.deepEqual(app.capDrop.map((c) => span(SAME_FILE, c.range)), ['5:16-5:19 ALL']);
    assert.equal(app.capDropField, undefined, 'a fix adds cap_drop to the service itself');
    assert.equal(known(app.limits.memory).value, '256m');
    assert.deepEqual(app.env.map((e) => `${e.value.name.value}=${known(e.value.value).value}`), ['A=1', 'B=3']);
    assert.deepEqual(app.mounts.map((m) => `${m.value.source?.value}:${m.value.target?.value}`), ['./logs:/logs', './b:/data']);
    assert.deepEqual(app.commands.map((c) => c.text.value), ['serve']);
  });

  it('keeps the local command and appends sequences without duplicates', () => {
    const text = 'services:\n  base:\n    command: base\n    security_opt: [no-new-privileges:true]\n  app:\n    extends:\n      service: base\n    command: app\n    security_opt: [no-new-privileges:true, apparmor:unconfined]\n';
    const app = service(parse(text), 'app');
    assert.deepEqual(app.commands.map((c) => c.text.value), ['app']);
    assert.deepEqual(app.securityOpt.map((o) => span(text, o.range)), ['9:20-9:42 no-new-privileges:true', '9:44-9:63 apparmor:unconfined']);
  });

  it('follows chains', () => {
    const text = 'services:\n  a:\n    extends: b\n  b:\n    extends: { service: c }\n    pids_limit: 50\n  c:\n    privileged: true\n';
    const parsed = parse(text);
    const a = service(parsed, 'a');
    assert.equal(a.incomplete, false);
    assert.equal(span(text, known(a.privileged).range), '8:5-8:21 privileged: true');
    assert.equal(known(a.limits.pids).value, '50');
  });

  it('reports a cycle once and leaves its services incomplete', () => {
    const text = 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n';
    const parsed = parse(text);
    assert.equal(service(parsed, 'a').incomplete, true);
    assert.equal(service(parsed, 'b').incomplete, true);
    assert.deepEqual(parsed.problems.map((p) => `${p.severity} ${span(text, p.range)}`), ['info 3:5-3:12 extends']);
    assert.match(parsed.problems[0].message, /comes back to itself/);
  });

  it('stops at the depth limit', () => {
    const count = MAX_EXTENDS_DEPTH + 3;
    let text = 'services:\n';
    for (let i = 0; i < count; i++) text += `  s${i}:\n    extends: s${i + 1}\n`;
    text += `  s${count}:\n    image: nginx:1.27\n`;
    const parsed = parse(text);
    assert.equal(service(parsed, 's0').incomplete, true);
    assert.equal(service(parsed, `s${count - 1}`).incomplete, false);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /deeper than 8 services/);
  });

  it('leaves the service incomplete and silent when the base is not there or not known', () => {
    for (const ext of ['nowhere', '${BASE}', '{ service: "${BASE}" }']) {
      const parsed = parse(`services:\n  app:\n    extends: ${ext}\n  other:\n    image: nginx:1.27\n`);
      assert.equal(service(parsed, 'app').incomplete, true, ext);
      assert.deepEqual(parsed.problems, [], ext);
    }
  });

  it('does not follow another file without a reader', () => {
    const parsed = parse('services:\n  app:\n    extends:\n      file: base.yml\n      service: app\n');
    assert.equal(service(parsed, 'app').incomplete, true);
    assert.deepEqual(parsed.problems, []);
  });
});

describe('extends from another file', () => {
  const APP = 'services:\n  app:\n    extends:\n      file: common/base.yml\n      service: web\n    user: "1000"\n';

  it('merges the other file\'s service onto the extends key, not editable', () => {
    const root = tree({
      'compose.yaml': APP,
      'common/base.yml': 'services:\n  web:\n    privileged: true\n    cap_drop: [ALL]\n    volumes:\n      - /etc:/host-etc:ro\n',
    });
    const parsed = parse(APP, readerFor(root, 'compose.yaml'));
    assert.deepEqual(parsed.problems, []);
    const app = service(parsed, 'app');
    assert.equal(app.incomplete, false);
    const privileged = known(app.privileged);
    assert.equal(privileged.value, true);
    assert.equal(span(APP, privileged.range), '3:5-3:12 extends');
    assert.equal(privileged.editable, false);
    assert.equal(privileged.node, undefined);
    assert.deepEqual(app.capDrop.map((c) => [c.value, span(APP, c.range), c.editable]), [['ALL', '3:5-3:12 extends', false]]);
    const mount = app.mounts[0];
    assert.equal(mount.value.source?.value, '/etc');
    assert.equal(span(APP, mount.value.source!.range), '3:5-3:12 extends');
    assert.equal(span(APP, mount.value.readOnlyAt!), '3:5-3:12 extends');
    assert.equal(span(APP, known(app.user).range), '6:5-6:17 user: "1000"');
  });

  it('follows a chain across files, each path relative to the file that names it', () => {
    const root = tree({
      'compose.yaml': APP,
      'common/base.yml': 'services:\n  web:\n    extends: { file: ../shared/far.yml, service: far }\n',
      'shared/far.yml': 'services:\n  far:\n    extends: farther\n  farther:\n    mem_limit: 1g\n',
    });
    const app = service(parse(APP, readerFor(root, 'compose.yaml')), 'app');
    assert.equal(app.incomplete, false);
    assert.equal(known(app.limits.memory).value, '1g');
    assert.equal(span(APP, known(app.limits.memory).range), '3:5-3:12 extends');
  });

  it('reports a cycle through the linted file', () => {
    const text = 'services:\n  app:\n    extends: { file: other.yml, service: x }\n';
    const root = tree({ 'compose.yaml': text, 'other.yml': 'services:\n  x:\n    extends: { file: compose.yaml, service: app }\n' });
    const parsed = parse(text, readerFor(root, 'compose.yaml'));
    assert.equal(service(parsed, 'app').incomplete, true);
    assert.deepEqual(parsed.problems.map((p) => `${p.severity} ${span(text, p.range)}`), ['info 3:5-3:12 extends']);
    assert.match(parsed.problems[0].message, /comes back to itself/);
  });

  it('stays incomplete and silent for a missing file, a missing service or a file that does not parse', () => {
    const root = tree({ 'compose.yaml': APP, 'broken.yml': 'services:\n  web: [\n', 'other.yml': 'services:\n  nope: {}\n' });
    for (const file of ['common/base.yml', 'broken.yml', 'other.yml']) {
      const text = APP.replace('common/base.yml', file);
      const parsed = parse(text, readerFor(root, 'compose.yaml'));
      assert.equal(service(parsed, 'app').incomplete, true, file);
      assert.deepEqual(parsed.problems, [], file);
    }
  });

  it('refuses a target outside the roots through ../', () => {
    const outer = tree({ 'secret.yml': 'services:\n  web:\n    mem_limit: 1g\n', 'project/compose.yaml': '' });
    const text = APP.replace('common/base.yml', '../secret.yml');
    const parsed = parse(text, readerFor(path.join(outer, 'project'), 'compose.yaml'));
    assert.equal(service(parsed, 'app').incomplete, true);
    assert.equal(service(parsed, 'app').limits.memory, undefined);
    assert.deepEqual(parsed.problems.map((p) => `${p.severity} ${span(text, p.range)}`), ['info 3:5-3:12 extends']);
    assert.match(parsed.problems[0].message, /"\.\.\/secret\.yml" was not read: it resolves outside the workspace/);
  });

  it('refuses a symlink that points outside the roots', () => {
    const outer = tree({ 'secret.yml': 'services:\n  web:\n    mem_limit: 1g\n', 'project/compose.yaml': '' });
    fs.symlinkSync(path.join(outer, 'secret.yml'), path.join(outer, 'project', 'base.yml'));
    const text = APP.replace('common/base.yml', 'base.yml');
    const parsed = parse(text, readerFor(path.join(outer, 'project'), 'compose.yaml'));
    assert.equal(service(parsed, 'app').incomplete, true);
    assert.equal(service(parsed, 'app').limits.memory, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /outside the workspace \(.*base\.yml -> .*secret\.yml\)/);
  });

  it('follows a symlink that stays inside the roots', () => {
    const root = tree({ 'real/base.yml': 'services:\n  web:\n    mem_limit: 1g\n' });
    fs.symlinkSync(path.join(root, 'real', 'base.yml'), path.join(root, 'base.yml'));
    const app = service(parse(APP.replace('common/base.yml', 'base.yml'), readerFor(root, 'compose.yaml')), 'app');
    assert.equal(app.incomplete, false);
    assert.equal(known(app.limits.memory).value, '1g');
  });

  it('does not read a file over the size limit', () => {
    const root = tree({ 'common/base.yml': `services:\n  web:\n    mem_limit: 1g\n${'# padding\n'.repeat(20)}` });
    const parsed = parse(APP, readerFor(root, 'compose.yaml', 100));
    assert.equal(service(parsed, 'app').incomplete, true);
    assert.match(parsed.problems[0].message, /larger than 100 bytes/);
  });
});

describe('include', () => {
  it('leaves local services complete: an include cannot change them', () => {
    const text = 'include:\n  - other.yml\nservices:\n  web:\n    image: nginx:1.27\n';
    assert.equal(service(parse(text), 'web').incomplete, false);
  });

  it('looks up an extends without file in the included files, through the reader only', () => {
    const text = 'include:\n  - path: [lib/one.yml, lib/two.yml]\nservices:\n  web:\n    extends: base\n';
    const root = tree({ 'compose.yaml': text, 'lib/one.yml': 'services:\n  other: {}\n', 'lib/two.yml': 'services:\n  base:\n    cpus: "0.5"\n' });
    assert.equal(service(parse(text), 'web').incomplete, true);
    const web = service(parse(text, readerFor(root, 'compose.yaml')), 'web');
    assert.equal(web.incomplete, false);
    assert.equal(span(text, known(web.limits.cpus).range), '5:5-5:12 extends');
  });
});

describe('lint with extends (no LSP)', () => {
  const text = 'services:\n  app:\n    extends:\n      file: base.yml\n      service: web\n';

  it('reports missing limits once the chain is fully resolved', () => {
    const root = tree({ 'compose.yaml': text, 'base.yml': 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1g\n' });
    const findings = lintWith(root, 'compose.yaml', 'require-resource-limits');
    assert.deepEqual(findings.map((f) => [f.ruleId, span(text, f.range), f.message]), [
      ['require-resource-limits', '2:3-2:6 app', 'Container "app" has no CPU or PIDs limit, so it can exhaust the host; set limits sized for its workload.'],
    ]);
  });

  it('stays silent when the base file is missing', () => {
    const root = tree({ 'compose.yaml': text });
    assert.deepEqual(lintWith(root, 'compose.yaml', 'require-resource-limits'), []);
  });

  it('reports a value seen through a same-file base once, where it is written', () => {
    const code = 'services:\n  base:\n    privileged: true\n  app:\n    extends: base\n';
    const findings = lint(code, 'compose', { ruleSet: allRules.filter((r) => r.id === 'no-privileged'), withFixes: false }).findings;
    assert.deepEqual(findings.map((f) => span(code, f.range)), ['3:5-3:21 privileged: true']);
  });
});
