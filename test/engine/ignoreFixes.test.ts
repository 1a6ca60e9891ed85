import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type Finding, type PlannedFix } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/edit/writer';
import type { FileKind } from '../../server/src/parse';

// The "Ignore" fixes (server/src/engine/ignoreFixes.ts): merged into a comment that covers the line
// already, file-wide, and where the reason goes.

function findingsOf(code: string, kind: FileKind): Finding[] {
  return lint(code, kind, { withFixes: true, groupHardening: false }).findings;
}

function ignoreFix(code: string, kind: FileKind, ruleId: string, title: string): PlannedFix {
  const finding = findingsOf(code, kind).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const fix = finding.fixes.find((x) => x.title === title);
  assert.ok(fix, `"${title}" among ${finding.fixes.map((x) => x.title).join(' | ')}`);
  return fix;
}

/** The text after the fix, with `reason` typed at its placeholder (replacing what it held). */
function applyWithReason(code: string, fix: PlannedFix, reason: string): string {
  const [first, ...rest] = fix.edits;
  const p = fix.placeholder!;
  const typed = first.newText.slice(0, p.start) + reason + first.newText.slice(p.end);
  return applyEdits(code, [{ ...first, newText: typed }, ...rest]);
}

const HARDENING = new Set(['drop-all-capabilities', 'require-no-new-privileges', 'require-read-only-rootfs', 'require-resource-limits', 'limit-restart-retries', 'bind-ports-to-interface']);
/** The findings' rule ids, the hardening ones (beside the point here) left out. */
const ids = (code: string, kind: FileKind) => findingsOf(code, kind).map((f) => f.ruleId).filter((id) => !HARDENING.has(id));

describe('ignore fixes', () => {
  it('a second ignore on a line joins the comment above it, keeping its reason, instead of writing a second comment', () => {
    const code = '#!/bin/sh\n# capdrop-ignore no-privileged -- the test needs it\ndocker run --privileged --pid=host nginx:1.27\n';
    assert.deepEqual(ids(code, 'shell'), ['no-host-namespace']);
    const fix = ignoreFix(code, 'shell', 'no-host-namespace', 'Ignore no-host-namespace on this line');
    const out = applyEdits(code, fix.edits);
    assert.equal(out, '#!/bin/sh\n# capdrop-ignore no-privileged,no-host-namespace -- the test needs it\ndocker run --privileged --pid=host nginx:1.27\n');
    assert.deepEqual(ids(out, 'shell'), [], 'both findings suppressed, no unused-suppression');
    // The placeholder is the reason already written, for the editor to select.
    assert.equal(fix.edits[0].newText.slice(fix.placeholder!.start, fix.placeholder!.end), 'the test needs it');
  });

  it('before the fix, a second comment line made the first cover the comment, not the command (the bug it fixes)', () => {
    const code = '#!/bin/sh\n# capdrop-ignore no-privileged -- the test needs it\n# capdrop-ignore no-host-namespace -- so does this\ndocker run --privileged --pid=host nginx:1.27\n';
    assert.deepEqual(ids(code, 'shell'), ['unused-suppression', 'no-privileged']);
  });

  it('joins an end-of-line comment on the line, adding the reason it lacked', () => {
    const code = 'services:\n  app:\n    image: nginx:1.27\n    network_mode: host # capdrop-ignore no-privileged\n';
    const fix = ignoreFix(code, 'compose', 'no-host-namespace', 'Ignore no-host-namespace on this line');
    assert.equal(applyWithReason(code, fix, 'sniffs host traffic'), 'services:\n  app:\n    image: nginx:1.27\n    network_mode: host # capdrop-ignore no-privileged,no-host-namespace -- sniffs host traffic\n');
    assert.deepEqual(fix.placeholder, { start: ',no-host-namespace -- '.length, end: ',no-host-namespace -- '.length });
  });

  it('a new comment goes above the line with its indentation, the placeholder where the line ends', () => {
    const code = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
    const fix = ignoreFix(code, 'compose', 'no-privileged', 'Ignore no-privileged on this line');
    assert.equal(fix.edits[0].newText, '    # capdrop-ignore no-privileged -- \n');
    assert.deepEqual(fix.placeholder, { start: 38, end: 38 });
    const out = applyWithReason(code, fix, 'dind');
    assert.equal(out, 'services:\n  app:\n    image: nginx:1.27\n    # capdrop-ignore no-privileged -- dind\n    privileged: true\n');
    assert.equal(ids(out, 'compose').includes('no-privileged'), false);
  });

  it('"Ignore RULE in this file" writes a capdrop-ignore-file comment at the top, after a shebang', () => {
    const code = '#!/bin/bash\nset -e\ndocker run --privileged nginx:1.27\ndocker run --privileged redis:7.4\n';
    const fix = ignoreFix(code, 'shell', 'no-privileged', 'Ignore no-privileged in this file');
    const out = applyWithReason(code, fix, 'a test rig');
    assert.equal(out, '#!/bin/bash\n# capdrop-ignore-file no-privileged -- a test rig\nset -e\ndocker run --privileged nginx:1.27\ndocker run --privileged redis:7.4\n');
    assert.equal(ids(out, 'shell').includes('no-privileged'), false, 'both lines');
  });

  it('in a Dockerfile, after the parser directives, which a comment before them would turn into comments', () => {
    const code = '# syntax=docker/dockerfile:1\n# escape=`\nFROM debian:12.5\nRUN apt-get update\n';
    const out = applyWithReason(code, ignoreFix(code, 'dockerfile', 'no-root-user', 'Ignore no-root-user in this file'), 'runs as root by design');
    assert.equal(out, '# syntax=docker/dockerfile:1\n# escape=`\n# capdrop-ignore-file no-root-user -- runs as root by design\nFROM debian:12.5\nRUN apt-get update\n');
    assert.equal(ids(out, 'dockerfile').includes('no-root-user'), false);
  });

  it('joins an existing capdrop-ignore-file comment, wherever it is', () => {
    const code = 'FROM debian:12.5\n# capdrop-ignore-file pin-image-version -- internal base\nRUN apt-get update\n';
    const out = applyEdits(code, ignoreFix(code, 'dockerfile', 'no-root-user', 'Ignore no-root-user in this file').edits);
    assert.equal(out, 'FROM debian:12.5\n# capdrop-ignore-file pin-image-version,no-root-user -- internal base\nRUN apt-get update\n');
  });

  it('keeps CRLF line breaks and a devcontainer.json comment lead', () => {
    const crlf = 'services:\r\n  app:\r\n    image: nginx:1.27\r\n    privileged: true\r\n';
    assert.equal(ignoreFix(crlf, 'compose', 'no-privileged', 'Ignore no-privileged in this file').edits[0].newText, '# capdrop-ignore-file no-privileged -- \r\n');
    const json = '{\n  "runArgs": ["--privileged"]\n}\n';
    const fix = ignoreFix(json, 'devcontainer', 'no-privileged', 'Ignore no-privileged in this file');
    assert.equal(applyWithReason(json, fix, 'x'), '// # capdrop-ignore-file no-privileged -- x\n{\n  "runArgs": ["--privileged"]\n}\n');
    assert.equal(ids(applyWithReason(json, fix, 'x'), 'devcontainer').includes('no-privileged'), false);
  });

  it('offers no file-wide comment in Markdown, where a # line is a heading', () => {
    const md = '# Run it\n\n```sh\ndocker run --privileged nginx:1.27\n```\n';
    const finding = findingsOf(md, 'markdown').find((f) => f.ruleId === 'no-privileged')!;
    assert.deepEqual(finding.fixes.filter((x) => x.messageId === 'ignore').map((x) => x.title), ['Ignore no-privileged on this line']);
  });

  it("the container summary's ignore joins a comment above the container's name", () => {
    const code = 'services:\n  # capdrop-ignore no-privileged -- dind\n  web:\n    image: nginx:1.27\n    restart: always\n';
    const summary = lint(code, 'compose', { withFixes: true }).findings.find((f) => f.ruleId === 'container-hardening')!;
    const fix = summary.fixes.find((x) => x.title === "Ignore this container's missing hardening")!;
    const out = applyEdits(code, fix.edits);
    assert.match(out, /^services:\n  # capdrop-ignore no-privileged,drop-all-capabilities,[a-z,-]+ -- dind\n  web:\n/);
    assert.deepEqual(lint(out, 'compose').findings.map((f) => f.ruleId), [], 'everything of the container suppressed');
  });
});
