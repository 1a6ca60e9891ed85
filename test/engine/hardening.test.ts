import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, planFixes, type Finding, type LintOptions } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/edit/writer';
import type { FileKind } from '../../server/src/parse';

// The per-container summary of hardening findings (server/src/engine/hardening.ts, docs/hardening.md).

const WEB = 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    ports:\n      - "8080:80"\n';

function findings(code: string, kind: FileKind = 'compose', options: LintOptions = {}): Finding[] {
  return lint(code, kind, { withFixes: true, ...options }).findings;
}

function summary(code: string, kind: FileKind = 'compose', options: LintOptions = {}): Finding {
  const found = findings(code, kind, options).filter((f) => f.ruleId === 'container-hardening');
  assert.equal(found.length, 1, 'one summary');
  return found[0];
}

function fixOutput(code: string, f: Finding, titleStart: string): string {
  const fix = f.fixes.find((x) => x.title.startsWith(titleStart));
  assert.ok(fix, `a fix starting "${titleStart}" among ${f.fixes.map((x) => x.title).join(' | ')}`);
  return applyEdits(code, fix.edits);
}

const line = (code: string, offset: number) => code.slice(0, offset).split('\n').length;

describe('hardening summary', () => {
  it("sums up a Compose service's hardening findings in one finding at its name, items where their rules report them", () => {
    const f = summary(WEB);
    assert.equal(f.severity, 'info');
    assert.equal(
      f.message,
      'Container "web" can be hardened: drop all capabilities; set no-new-privileges; make the root filesystem read-only; set memory, CPU and PIDs limits; cap restarts (restart "always" retries forever); bind port "8080:80" to one interface.',
    );
    assert.deepEqual([line(WEB, f.range.start), WEB.slice(f.range.start, f.range.end)], [2, 'web']);
    assert.deepEqual(
      f.members!.map((m) => [m.ruleId, line(WEB, m.range.start)]),
      [['drop-all-capabilities', 2], ['require-no-new-privileges', 2], ['require-read-only-rootfs', 2], ['require-resource-limits', 2], ['limit-restart-retries', 4], ['bind-ports-to-interface', 6]],
    );
    assert.deepEqual(findings(WEB).map((x) => x.ruleId), ['container-hardening'], 'no finding of a member rule besides it');
  });

  it('offers "Harden this container" first, then each item\'s own fix, then one ignore for the container', () => {
    assert.deepEqual(summary(WEB).fixes.map((x) => [x.title, x.safety]), [
      ['Harden this container: drop ALL capabilities, no-new-privileges, read-only root filesystem, limits, restart retries (check it still starts)', 'review'],
      ['Drop all capabilities, keeping the added ones (check the service still starts)', 'review'],
      ['Add no-new-privileges:true (setuid programs such as sudo stop working: check the service)', 'review'],
      ['Make the root filesystem read-only (check the service still starts; add tmpfs mounts for paths it writes)', 'review'],
      ['Set memory 512m, CPU 1.0, PIDs 200 (check they fit the workload)', 'review'],
      ['Use on-failure:5 (the container no longer starts again after a daemon restart or a clean exit)', 'review'],
      ['Bind port "8080:80" to 127.0.0.1 only (check nothing outside this host needs it)', 'review'],
      ["Ignore this container's missing hardening", 'review'],
    ]);
  });

  it('"Harden this container" writes every setting in one edit; only the port binding is left', () => {
    const out = fixOutput(WEB, summary(WEB), 'Harden this container');
    assert.equal(
      out,
      'services:\n  web:\n    image: nginx:1.27\n    restart: "on-failure:5"\n    ports:\n      - "8080:80"\n    cap_drop:\n      - ALL\n    security_opt:\n      - "no-new-privileges:true"\n    read_only: true\n    mem_limit: 512m\n    cpus: "1.0"\n    pids_limit: 200\n',
    );
    assert.deepEqual(findings(out).map((x) => x.ruleId), ['bind-ports-to-interface'], 'one item left stands on its own');
  });

  it('writes a limit under an existing deploy: block before the settings inserted after it', () => {
    const code = 'services:\n  job:\n    image: alpine:3.20\n    deploy:\n      restart_policy:\n        condition: on-failure\n';
    const out = fixOutput(code, summary(code), 'Harden this container');
    assert.equal(
      out,
      'services:\n  job:\n    image: alpine:3.20\n    deploy:\n      restart_policy:\n        condition: on-failure\n      resources:\n        limits:\n          memory: 512m\n          cpus: "1.0"\n          pids: 200\n    cap_drop:\n      - ALL\n    security_opt:\n      - "no-new-privileges:true"\n    read_only: true\n',
    );
    assert.deepEqual(findings(out), []);
  });

  it('the ignore fix writes one comment at the service that silences every item, wherever it reports', () => {
    const out = fixOutput(WEB, summary(WEB), 'Ignore this container');
    assert.equal(
      out,
      'services:\n  # capdrop-ignore drop-all-capabilities,require-no-new-privileges,require-read-only-rootfs,require-resource-limits,limit-restart-retries,bind-ports-to-interface -- \n  web:\n    image: nginx:1.27\n    restart: always\n    ports:\n      - "8080:80"\n',
    );
    const withReason = out.replace('-- \n', '-- hardened by the platform\n');
    assert.deepEqual(findings(withReason), []);
  });

  it('a single hardening finding stays the finding of its rule', () => {
    const code = 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n    read_only: true\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n    restart: always\n';
    assert.deepEqual(findings(code).map((x) => [x.ruleId, x.members]), [['limit-restart-retries', undefined]]);
  });

  it('the strict preset reports each item as its own warning', () => {
    assert.deepEqual(
      findings(WEB, 'compose', { preset: 'strict' }).map((x) => [x.ruleId, x.severity]),
      // strict also asks for the image's digest (pin-image-version), which is no hardening item.
      [['drop-all-capabilities', 'warning'], ['require-no-new-privileges', 'warning'], ['require-read-only-rootfs', 'warning'], ['require-resource-limits', 'warning'], ['pin-image-version', 'warning'], ['limit-restart-retries', 'warning'], ['bind-ports-to-interface', 'warning']],
    );
  });

  it('a rule raised above information, or turned off, leaves the summary; the others stay summed up', () => {
    const got = findings(WEB, 'compose', { rules: { 'require-resource-limits': 'warning', 'bind-ports-to-interface': 'off' } });
    assert.deepEqual(got.map((x) => [x.ruleId, x.severity]), [['container-hardening', 'info'], ['require-resource-limits', 'warning']]);
    assert.deepEqual(got[0].members!.map((m) => m.ruleId), ['drop-all-capabilities', 'require-no-new-privileges', 'require-read-only-rootfs', 'limit-restart-retries']);
  });

  it('a suppression of one rule takes its item out of the summary', () => {
    const code = 'services:\n  # capdrop-ignore require-read-only-rootfs -- writes all over its image\n  web:\n    image: nginx:1.27\n';
    assert.equal(summary(code).message, 'Container "web" can be hardened: drop all capabilities; set no-new-privileges; set memory, CPU and PIDs limits.');
  });

  it('sums up a docker run command too, and hardens it with flags in its own style', () => {
    const code = 'docker run -d --name api \\\n  -p 8080:80 \\\n  example/api:2.1\n';
    const f = summary(code, 'shell');
    assert.equal(f.message, 'Container "api" can be hardened: drop all capabilities; set no-new-privileges; make the root filesystem read-only; set memory, CPU and PIDs limits; bind port "8080:80" to one interface.');
    assert.equal(
      fixOutput(code, f, 'Harden this container'),
      'docker run -d --name api \\\n  --cap-drop=ALL \\\n  --security-opt=no-new-privileges:true \\\n  --read-only \\\n  --memory=512m \\\n  --cpus=1.0 \\\n  --pids-limit=200 \\\n  -p 8080:80 \\\n  example/api:2.1\n',
    );
  });

  it('planned on demand, a summary offers the same fixes as planned at once', () => {
    const onDemand = lint(WEB, 'compose', { withFixes: 'onDemand' }).findings;
    assert.deepEqual(onDemand[0].fixes, [], 'nothing planned before asked');
    assert.deepEqual(planFixes(onDemand[0]), summary(WEB).fixes);
  });

  it('a value merged from an anchor is reported once where it is written, on its own, outside the summaries', () => {
    const code = 'x-common: &common\n  restart: always\nservices:\n  a:\n    <<: *common\n    image: nginx:1.27\n  b:\n    <<: *common\n    image: nginx:1.27\n';
    const got = findings(code);
    assert.deepEqual(got.map((x) => [x.ruleId, line(code, x.range.start)]), [['limit-restart-retries', 2], ['container-hardening', 4], ['container-hardening', 7]]);
    assert.deepEqual(got[1].members!.map((m) => m.ruleId), ['drop-all-capabilities', 'require-no-new-privileges', 'require-read-only-rootfs', 'require-resource-limits']);
  });

  it('each container of a file gets its own summary', () => {
    const code = `${WEB}  db:\n    image: postgres:17\n`;
    assert.deepEqual(findings(code).map((x) => [x.ruleId, line(code, x.range.start)]), [['container-hardening', 2], ['container-hardening', 7]]);
  });
});
