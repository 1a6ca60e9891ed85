import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseShell } from '../../server/src/parse/shell';
import { createRunWriter } from '../../server/src/edit/runWriter';
import { applyEdits, type SpecWriter, type TextEdit } from '../../server/src/edit/writer';
import type { ContainerSpec } from '../../server/src/model/containerSpec';

/** Parses `text`, runs one writer edit on its first spec and returns the edited text (null when refused). */
function edit(text: string, plan: (w: SpecWriter, spec: ContainerSpec) => TextEdit[] | null): string | null {
  const parsed = parseShell(text);
  assert.equal(parsed.specs.length, 1);
  const edits = plan(createRunWriter(parsed), parsed.specs[0]);
  return edits === null ? null : applyEdits(text, edits);
}

function known<T>(v: unknown): T {
  assert.ok(v && typeof v === 'object' && 'value' in v, 'expected a known value');
  return v as T;
}

describe('run writer: remove', () => {
  it('removes a boolean flag on one line', () => {
    assert.equal(edit('docker run -d --privileged nginx', (w, s) => w.remove(known(s.privileged))), 'docker run -d nginx');
  });

  it('removes the whole line of a flag in a one-flag-per-line command', () => {
    assert.equal(edit('docker run -d \\\n  --privileged \\\n  nginx', (w, s) => w.remove(known(s.privileged))), 'docker run -d \\\n  nginx');
    assert.equal(
      edit('docker run -d \\\r\n  --cap-add SYS_ADMIN \\\r\n  nginx\r\n', (w, s) => w.remove(s.capAdd[0])),
      'docker run -d \\\r\n  nginx\r\n',
    );
    assert.equal(edit('docker run -d \\\n  -p 8080:80 `#optional` \\\n  nginx', (w, s) => w.remove(s.ports[0])), 'docker run -d \\\n  nginx');
  });

  it('removes a flag with its value in both forms, keeping a trailing continuation valid', () => {
    assert.equal(edit('docker run --cap-add SYS_ADMIN -d nginx', (w, s) => w.remove(s.capAdd[0])), 'docker run -d nginx');
    assert.equal(edit('docker run -d --pid=host \\\n  nginx', (w, s) => w.remove(known(s.namespaces.pid))), 'docker run -d \\\n  nginx');
    assert.equal(edit('docker run --link db nginx', (w, s) => w.remove(s.links[0])), 'docker run nginx');
    assert.equal(
      edit('docker run --security-opt no-new-privileges --security-opt seccomp=unconfined nginx', (w, s) => w.remove(s.securityOpt[1])),
      'docker run --security-opt no-new-privileges nginx',
    );
  });

  it('removes one item of a comma list', () => {
    assert.equal(edit('docker run --cap-add=SYS_ADMIN,NET_ADMIN nginx', (w, s) => w.remove(s.capAdd[0])), 'docker run --cap-add=NET_ADMIN nginx');
    assert.equal(edit('docker run --cap-add=SYS_ADMIN,NET_ADMIN nginx', (w, s) => w.remove(s.capAdd[1])), 'docker run --cap-add=SYS_ADMIN nginx');
  });
});

describe('run writer: replace', () => {
  it('replaces a value in place, keeping its quotes', () => {
    assert.equal(edit('docker run -u "root" nginx', (w, s) => w.replace(known(s.user), '10001:10001')), 'docker run -u "10001:10001" nginx');
    assert.equal(edit('docker run --restart=always nginx', (w, s) => w.replace(known(s.limits.restart), 'on-failure:5')), 'docker run --restart=on-failure:5 nginx');
  });

  it('refuses values from shell variables', () => {
    assert.equal(edit('docker run -u $U nginx', (w, s) => w.setSettings(s, { user: '10001:10001' })), null);
  });
});

describe('run writer: addToList', () => {
  it('inserts after docker run on one line', () => {
    assert.equal(edit('docker run -d nginx', (w, s) => w.addToList(s, 'capDrop', ['ALL'])), 'docker run --cap-drop=ALL -d nginx');
  });

  it('inserts a new continuation line in a split command, after the last related flag, keeping CRLF', () => {
    assert.equal(edit('docker run \\\n  -d \\\n  nginx', (w, s) => w.addToList(s, 'securityOpt', ['no-new-privileges:true'])), 'docker run \\\n  --security-opt=no-new-privileges:true \\\n  -d \\\n  nginx');
    assert.equal(
      edit('docker run \\\r\n  --cap-drop NET_RAW \\\r\n  -d \\\r\n  nginx', (w, s) => w.addToList(s, 'capDrop', ['ALL'])),
      'docker run \\\r\n  --cap-drop NET_RAW \\\r\n  --cap-drop=ALL \\\r\n  -d \\\r\n  nginx',
    );
  });
});

describe('run writer: setSettings', () => {
  it('replaces existing values and inserts missing flags', () => {
    assert.equal(
      edit('docker run --memory 1g -d nginx', (w, s) => w.setSettings(s, { memory: '512m', cpus: '1.0', pids: '200', readOnly: 'true' })),
      'docker run --cpus=1.0 --pids-limit=200 --read-only --memory 512m -d nginx',
    );
    assert.equal(edit('docker run --read-only=false nginx', (w, s) => w.setSettings(s, { readOnly: 'true' })), 'docker run --read-only nginx');
    assert.equal(
      edit('docker run \\\n  -d \\\n  nginx', (w, s) => w.setSettings(s, { user: '10001:10001', restart: 'on-failure:5' })),
      'docker run \\\n  --user=10001:10001 \\\n  --restart=on-failure:5 \\\n  -d \\\n  nginx',
    );
  });

  it('refuses to turn a --cpu-quota into --cpus in place', () => {
    assert.equal(edit('docker run --cpu-quota=50000 nginx', (w, s) => w.setSettings(s, { cpus: '1.0' })), null);
  });
});

describe('run writer: makeMountReadOnly', () => {
  it('adds ro to short and long mounts, keeping quotes and other options', () => {
    assert.equal(edit('docker run -v /a:/b nginx', (w, s) => w.makeMountReadOnly(s.mounts[0])), 'docker run -v /a:/b:ro nginx');
    assert.equal(edit('docker run -v "/c:/d:rw" nginx', (w, s) => w.makeMountReadOnly(s.mounts[0])), 'docker run -v "/c:/d:ro" nginx');
    assert.equal(edit('docker run -v /e:/f:z nginx', (w, s) => w.makeMountReadOnly(s.mounts[0])), 'docker run -v /e:/f:ro,z nginx');
    assert.equal(
      edit("docker run --mount 'type=bind,src=/g,dst=/h' nginx", (w, s) => w.makeMountReadOnly(s.mounts[0])),
      "docker run --mount 'type=bind,src=/g,dst=/h,readonly' nginx",
    );
    assert.equal(edit('docker run -v $PWD:/app nginx', (w, s) => w.makeMountReadOnly(s.mounts[0])), null);
  });
});

describe('run writer: bindPortToHostIp', () => {
  it('prefixes the host ip, or replaces an existing one', () => {
    assert.equal(edit('docker run -p 8080:80 nginx', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), 'docker run -p 127.0.0.1:8080:80 nginx');
    assert.equal(edit('docker run -p 80 nginx', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), 'docker run -p 127.0.0.1::80 nginx');
    assert.equal(edit('docker run -p "[::]:53:53/udp" nginx', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), 'docker run -p "127.0.0.1:53:53/udp" nginx');
    assert.equal(edit('docker run -p 0.0.0.0:22:22 nginx', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), 'docker run -p 127.0.0.1:22:22 nginx');
  });

  it('returns null for -P', () => {
    assert.equal(edit('docker run -P nginx', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), null);
  });
});

describe('run writer: removeMountOption', () => {
  const drop = (text: string, index = 0) => edit(text, (w, s) => w.removeMountOption(s.mounts[index], s.mounts[index].value.propagation!));

  it('removes the option with one separator in -v and --mount values', () => {
    assert.equal(drop('docker run -v /mnt:/mnt:rshared x:1'), 'docker run -v /mnt:/mnt x:1');
    assert.equal(drop('docker run -v /mnt:/mnt:ro,rshared x:1'), 'docker run -v /mnt:/mnt:ro x:1');
    assert.equal(drop('docker run -v "/mnt:/mnt:shared,ro" x:1'), 'docker run -v "/mnt:/mnt:ro" x:1');
    assert.equal(drop('docker run --mount type=bind,src=/m,dst=/m,bind-propagation=rshared x:1'), 'docker run --mount type=bind,src=/m,dst=/m x:1');
    assert.equal(drop('docker run --mount bind-propagation=rshared,type=bind,src=/m,dst=/m x:1'), 'docker run --mount type=bind,src=/m,dst=/m x:1');
  });

  it('refuses a value the shell changes (escapes) rather than guess offsets', () => {
    assert.equal(drop('docker run -v /mnt:/m\\nt:rshared x:1'), null);
  });
});
