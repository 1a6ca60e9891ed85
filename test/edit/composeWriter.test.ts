import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../server/src/parse/compose';
import { createComposeWriter } from '../../server/src/edit/composeWriter';
import { applyEdits, type SpecWriter, type TextEdit } from '../../server/src/edit/writer';
import type { ContainerSpec } from '../../server/src/model/containerSpec';
import { isKnown } from '../../server/src/model/located';

/** Parses `text`, runs one writer call on the first service, and returns the edited text (or null). */
function edit(text: string, plan: (writer: SpecWriter, spec: ContainerSpec) => TextEdit[] | null): string | null {
  const parsed = parseCompose(text);
  assert.deepEqual(parsed.problems, []);
  const edits = plan(createComposeWriter(parsed), parsed.specs[0]);
  if (edits === null) return null;
  const output = applyEdits(text, edits);
  assert.deepEqual(parseCompose(output).problems, [], `edited text must still parse:\n${output}`);
  return output;
}

function reparse(text: string): ContainerSpec {
  return parseCompose(text).specs[0];
}

describe('compose writer: remove', () => {
  it('removes a key-value setting line', () => {
    const out = edit('services:\n  app:\n    image: nginx:1.27\n    privileged: true\n', (w, s) => w.remove(s.privileged as never));
    assert.equal(out, 'services:\n  app:\n    image: nginx:1.27\n');
  });

  it('keeps comments and CRLF line endings', () => {
    const text = 'services:\r\n  app:\r\n    # the web server\r\n    privileged: true # why?\r\n    image: nginx\r\n';
    const out = edit(text, (w, s) => w.remove(s.privileged as never));
    assert.equal(out, 'services:\r\n  app:\r\n    # the web server\r\n    image: nginx\r\n');
  });

  it('removes one block list item, then the key with the last item', () => {
    const text = 'services:\n  app:\n    cap_add:\n      - NET_ADMIN\n      - SYS_ADMIN\n    image: x\n';
    const out = edit(text, (w, s) => w.remove(s.capAdd[1]));
    assert.equal(out, 'services:\n  app:\n    cap_add:\n      - NET_ADMIN\n    image: x\n');
    const out2 = edit(out!, (w, s) => w.remove(s.capAdd[0]));
    assert.equal(out2, 'services:\n  app:\n    image: x\n');
  });

  it('removes an item from a flow list with its comma', () => {
    const first = edit('services:\n  app:\n    cap_add: [SYS_ADMIN, NET_ADMIN]\n', (w, s) => w.remove(s.capAdd[0]));
    assert.equal(first, 'services:\n  app:\n    cap_add: [NET_ADMIN]\n');
    const last = edit('services:\n  app:\n    cap_add: [NET_ADMIN, SYS_ADMIN]\n', (w, s) => w.remove(s.capAdd[1]));
    assert.equal(last, 'services:\n  app:\n    cap_add: [NET_ADMIN]\n');
  });

  it('removes a whole block value under a key', () => {
    const text = 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n    image: x\n';
    const out = edit(text, (w, s) => w.remove(s.mounts[0]));
    assert.equal(out, 'services:\n  app:\n    image: x\n');
  });

  it('removes a deploy limit and its parents when they become empty', () => {
    const text = 'services:\n  app:\n    image: x\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n';
    const spec = reparse(text);
    assert.ok(isKnown(spec.limits.memory));
    const out = edit(text, (w, s) => w.remove(s.limits.memory as never));
    assert.equal(out, 'services:\n  app:\n    image: x\n');
  });

  it('overrides values merged from an anchor at the service, never rewriting the anchor', () => {
    const text = 'x-base: &base\n  privileged: true\n  pid: host\n  cap_add: [SYS_ADMIN, CHOWN]\nservices:\n  app:\n    <<: *base\n    image: x\n';
    assert.equal(edit(text, (w, s) => w.remove(s.privileged as never)), text + '    privileged: false\n');
    assert.equal(edit(text, (w, s) => w.remove(s.capAdd[0])), text + '    cap_add: [CHOWN]\n');
    // A host namespace has no neutral value to override with.
    assert.equal(edit(text, (w, s) => w.remove(s.namespaces.pid as never)), null);
  });

  it('overrides a merged scalar in every service that shares the anchor, a merged list only when one service merges it', () => {
    const text = 'x-base: &base\n  privileged: true\n  cap_add:\n    - SYS_ADMIN\nservices:\n  app:\n    <<: *base\n  web:\n    <<: *base\n  own:\n    <<: *base\n    privileged: false\n';
    const out = edit(text, (w, s) => w.remove(s.privileged as never));
    assert.equal(out, 'x-base: &base\n  privileged: true\n  cap_add:\n    - SYS_ADMIN\nservices:\n  app:\n    <<: *base\n    privileged: false\n  web:\n    <<: *base\n    privileged: false\n  own:\n    <<: *base\n    privileged: false\n');
    assert.deepEqual(parseCompose(out!).specs.map((s) => isKnown(s.privileged) && s.privileged.value), [false, false, false]);
    assert.equal(edit(text, (w, s) => w.remove(s.capAdd[0])), null);
    assert.equal(edit(text, (w, s) => w.addToList(s, 'capDrop', ['ALL'])), text.replace('  web:', '    cap_drop:\n      - ALL\n  web:'));
  });

  it('refuses values that come through an alias', () => {
    const aliased = 'x-caps: &caps [SYS_ADMIN]\nservices:\n  app:\n    cap_add: *caps\n';
    assert.equal(edit(aliased, (w, s) => w.remove(s.capAdd[0])), null);
  });

  it('removes a setting from a flow-mapping service with one comma, but never its last key', () => {
    assert.equal(edit('services:\n  app: {image: x, privileged: true}\n', (w, s) => w.remove(s.privileged as never)), 'services:\n  app: {image: x}\n');
    assert.equal(edit('services:\n  app: {privileged: true, image: x}\n', (w, s) => w.remove(s.privileged as never)), 'services:\n  app: {image: x}\n');
    assert.equal(edit('services:\n  app: {cap_add: [SYS_ADMIN], image: x}\n', (w, s) => w.remove(s.capAdd[0])), 'services:\n  app: {image: x}\n');
    assert.equal(edit('services:\n  app: {privileged: true}\n', (w, s) => w.remove(s.privileged as never)), null);
  });

  it('replaces values in a flow-mapping service but adds no settings to it', () => {
    const text = 'services:\n  app: {image: x, user: root}\n';
    assert.equal(edit(text, (w, s) => w.setSettings(s, { user: '10001:10001' })), 'services:\n  app: {image: x, user: "10001:10001"}\n');
    assert.equal(edit(text, (w, s) => w.setSettings(s, { user: '10001:10001', memory: '512m' })), null);
  });
});

describe('compose writer: replace', () => {
  it('keeps the quote style of the scalar it replaces', () => {
    assert.equal(edit('services:\n  app:\n    user: "root"\n', (w, s) => w.replace(s.user as never, '10001:10001')), 'services:\n  app:\n    user: "10001:10001"\n');
    assert.equal(edit("services:\n  app:\n    user: 'root'\n", (w, s) => w.replace(s.user as never, 'app')), "services:\n  app:\n    user: 'app'\n");
  });

  it('quotes a plain value that YAML would misread', () => {
    assert.equal(edit('services:\n  app:\n    user: root\n', (w, s) => w.replace(s.user as never, '10001:10001')), 'services:\n  app:\n    user: "10001:10001"\n');
    assert.equal(edit('services:\n  app:\n    user: root\n', (w, s) => w.replace(s.user as never, 'app')), 'services:\n  app:\n    user: app\n');
  });

  it('refuses a value behind ${VAR:-default}', () => {
    assert.equal(edit('services:\n  app:\n    user: ${U:-root}\n', (w, s) => w.replace(s.user as never, 'app')), null);
  });
});

describe('compose writer: addToList', () => {
  it('appends to a block list in its own indentation', () => {
    const text = 'services:\n  app:\n    cap_drop:\n    - NET_RAW\n    image: x\n';
    const out = edit(text, (w, s) => w.addToList(s, 'capDrop', ['ALL']));
    assert.equal(out, 'services:\n  app:\n    cap_drop:\n    - NET_RAW\n    - ALL\n    image: x\n');
  });

  it('inserts inside a flow list', () => {
    const out = edit('services:\n  app:\n    cap_drop: [NET_RAW]\n', (w, s) => w.addToList(s, 'capDrop', ['ALL']));
    assert.equal(out, 'services:\n  app:\n    cap_drop: [NET_RAW, ALL]\n');
    const empty = edit('services:\n  app:\n    cap_drop: []\n', (w, s) => w.addToList(s, 'capDrop', ['ALL']));
    assert.equal(empty, 'services:\n  app:\n    cap_drop: [ALL]\n');
  });

  it('puts cap_drop right after cap_add', () => {
    const text = 'services:\n  app:\n    cap_add:\n      - NET_ADMIN\n    image: x\n';
    const out = edit(text, (w, s) => w.addToList(s, 'capDrop', ['ALL']));
    assert.equal(out, 'services:\n  app:\n    cap_add:\n      - NET_ADMIN\n    cap_drop:\n      - ALL\n    image: x\n');
  });

  it('quotes security options and ends the service before the next one, with 4-space indentation', () => {
    const text = 'services:\n    app:\n        image: x\n\n    # the database\n    db:\n        image: y\n';
    const out = edit(text, (w, s) => w.addToList(s, 'securityOpt', ['no-new-privileges:true']));
    assert.equal(out, 'services:\n    app:\n        image: x\n        security_opt:\n            - "no-new-privileges:true"\n\n    # the database\n    db:\n        image: y\n');
    assert.deepEqual(reparse(out!).securityOpt.map((o) => o.value), ['no-new-privileges:true']);
  });

  it('uses flow style when the file does', () => {
    const text = 'services:\n  app:\n    image: x\n    ports: ["80:80"]\n  web:\n    cap_add: [NET_ADMIN]\n';
    const out = edit(text, (w, s) => w.addToList(s, 'securityOpt', ['no-new-privileges:true']));
    assert.equal(out, 'services:\n  app:\n    image: x\n    ports: ["80:80"]\n    security_opt: ["no-new-privileges:true"]\n  web:\n    cap_add: [NET_ADMIN]\n');
  });

  it('keeps CRLF and does not add values already there', () => {
    const text = 'services:\r\n  app:\r\n    cap_drop:\r\n      - ALL\r\n';
    assert.deepEqual(edit(text, (w, s) => w.addToList(s, 'capDrop', ['ALL'])), text);
    const out = edit('services:\r\n  app:\r\n    image: x\r\n', (w, s) => w.addToList(s, 'capDrop', ['ALL']));
    assert.equal(out, 'services:\r\n  app:\r\n    image: x\r\n    cap_drop:\r\n      - ALL\r\n');
  });

  it('fills an empty key', () => {
    const out = edit('services:\n  app:\n    cap_drop:\n    image: x\n', (w, s) => w.addToList(s, 'capDrop', ['ALL']));
    assert.equal(out, 'services:\n  app:\n    cap_drop:\n      - ALL\n    image: x\n');
  });

  it('overrides a list merged from an anchor with a copy of its items as written plus the new ones', () => {
    const text = "x-base: &base\n  security_opt:\n    - 'label:disable'\n    - apparmor=x\nservices:\n  app:\n    <<: *base\n";
    const out = edit(text, (w, s) => w.addToList(s, 'securityOpt', ['no-new-privileges:true']));
    assert.equal(out, text + "    security_opt:\n      - 'label:disable'\n      - apparmor=x\n      - \"no-new-privileges:true\"\n");
    assert.deepEqual(edit(text, (w, s) => w.addToList(s, 'securityOpt', ['apparmor=x'])), text);
  });

  it('refuses a list that comes through an alias', () => {
    const text = 'x-caps: &caps\n  - NET_RAW\nservices:\n  app:\n    cap_drop: *caps\n';
    assert.equal(edit(text, (w, s) => w.addToList(s, 'capDrop', ['ALL'])), null);
  });
});

describe('compose writer: setSettings', () => {
  it('inserts missing top-level settings at the end of the service', () => {
    const text = 'services:\n  app:\n    image: x\n  db:\n    image: y\n';
    const out = edit(text, (w, s) => w.setSettings(s, { user: '10001:10001', memory: '512m', cpus: '1.0', pids: '200', readOnly: 'true', restart: 'on-failure:5' }));
    assert.equal(
      out,
      'services:\n  app:\n    image: x\n    user: "10001:10001"\n    mem_limit: 512m\n    cpus: "1.0"\n    pids_limit: 200\n    read_only: true\n    restart: "on-failure:5"\n  db:\n    image: y\n',
    );
    const spec = reparse(out!);
    assert.ok(isKnown(spec.user) && spec.user.value === '10001:10001');
    assert.ok(isKnown(spec.limits.restart) && spec.limits.restart.value === 'on-failure:5');
  });

  it('replaces existing settings in place', () => {
    const out = edit('services:\n  app:\n    user: root\n    read_only: false\n', (w, s) => w.setSettings(s, { user: '10001:10001', readOnly: 'true' }));
    assert.equal(out, 'services:\n  app:\n    user: "10001:10001"\n    read_only: true\n');
  });

  it('puts limits under an existing deploy', () => {
    const text = 'services:\n  app:\n    deploy:\n      replicas: 2\n    image: x\n';
    const out = edit(text, (w, s) => w.setSettings(s, { memory: '512m', pids: '200' }));
    assert.equal(out, 'services:\n  app:\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 512m\n          pids: 200\n    image: x\n');
    const spec = reparse(out!);
    assert.ok(isKnown(spec.limits.memory) && spec.limits.memory.value === '512m');
    const deeper = edit('services:\n  app:\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n', (w, s) => w.setSettings(s, { memory: '512m' }));
    assert.equal(deeper, 'services:\n  app:\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 512m\n');
  });

  it('creates deploy.resources.limits when the other services of the file set their limits there', () => {
    const text = 'services:\n  app:\n    image: x\n  db:\n    image: y\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n';
    const out = edit(text, (w, s) => w.setSettings(s, { memory: '512m', pids: '200' }));
    assert.equal(out, 'services:\n  app:\n    image: x\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n          pids: 200\n  db:\n    image: y\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n');
    const topLevel = 'services:\n  app:\n    image: x\n  db:\n    image: y\n    mem_limit: 1g\n';
    assert.equal(edit(topLevel, (w, s) => w.setSettings(s, { memory: '512m' })), 'services:\n  app:\n    image: x\n    mem_limit: 512m\n  db:\n    image: y\n    mem_limit: 1g\n');
  });

  it('overrides a value merged from an anchor in each service sharing it', () => {
    const text = 'x-base: &base\n  user: root\nservices:\n  app:\n    <<: *base\n  web:\n    <<: *base\n';
    const out = edit(text, (w, s) => w.setSettings(s, { user: '10001:10001' }));
    assert.equal(out, 'x-base: &base\n  user: root\nservices:\n  app:\n    <<: *base\n    user: "10001:10001"\n  web:\n    <<: *base\n    user: "10001:10001"\n');
  });

  it('refuses a value that is unknown or derived from another key', () => {
    assert.equal(edit('services:\n  app:\n    user: ${APP_USER}\n', (w, s) => w.setSettings(s, { user: '10001' })), null);
    assert.equal(edit('services:\n  app:\n    cpu_quota: 50000\n', (w, s) => w.setSettings(s, { cpus: '1.0' })), null);
  });
});

describe('compose writer: makeMountReadOnly', () => {
  it('adds :ro to the short syntax', () => {
    const text = 'services:\n  app:\n    volumes:\n      - ./a:/b\n      - "./c:/d:rw"\n      - ./e:/f:z\n';
    assert.equal(edit(text, (w, s) => w.makeMountReadOnly(s.mounts[0])), 'services:\n  app:\n    volumes:\n      - ./a:/b:ro\n      - "./c:/d:rw"\n      - ./e:/f:z\n');
    assert.equal(edit(text, (w, s) => w.makeMountReadOnly(s.mounts[1])), 'services:\n  app:\n    volumes:\n      - ./a:/b\n      - "./c:/d:ro"\n      - ./e:/f:z\n');
    const out = edit(text, (w, s) => w.makeMountReadOnly(s.mounts[2]));
    assert.equal(out, 'services:\n  app:\n    volumes:\n      - ./a:/b\n      - "./c:/d:rw"\n      - ./e:/f:ro,z\n');
    assert.equal(reparse(out!).mounts[2].value.readOnly, true);
  });

  it('adds read_only: true to the long syntax, aligned with its keys', () => {
    const text = 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n';
    const out = edit(text, (w, s) => w.makeMountReadOnly(s.mounts[0]));
    assert.equal(out, text + '        read_only: true\n');
    assert.equal(reparse(out!).mounts[0].value.readOnly, true);
    const off = edit('services:\n  app:\n    volumes:\n      - type: bind\n        read_only: false\n        source: /x\n        target: /y\n', (w, s) => w.makeMountReadOnly(s.mounts[0]));
    assert.equal(off, 'services:\n  app:\n    volumes:\n      - type: bind\n        read_only: true\n        source: /x\n        target: /y\n');
  });

  it('adds read_only: true inside a flow mapping', () => {
    const out = edit('services:\n  app:\n    volumes:\n      - {type: bind, source: /etc, target: /etc}\n', (w, s) => w.makeMountReadOnly(s.mounts[0]));
    assert.equal(out, 'services:\n  app:\n    volumes:\n      - {type: bind, source: /etc, target: /etc, read_only: true}\n');
  });

  it('refuses an anonymous volume and a path behind a variable', () => {
    assert.equal(edit('services:\n  app:\n    volumes:\n      - /data\n', (w, s) => w.makeMountReadOnly(s.mounts[0])), null);
    assert.equal(edit('services:\n  app:\n    volumes:\n      - ${SRC}:/data\n', (w, s) => w.makeMountReadOnly(s.mounts[0])), null);
  });
});

describe('compose writer: bindPortToHostIp', () => {
  it('prefixes the host IP and keeps quoting', () => {
    const text = 'services:\n  app:\n    ports:\n      - "8080:80"\n      - 9000:9000/udp\n      - "0.0.0.0:443:443"\n';
    assert.equal(edit(text, (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), text.replace('"8080:80"', '"127.0.0.1:8080:80"'));
    const plain = edit(text, (w, s) => w.bindPortToHostIp(s.ports[1], '127.0.0.1'));
    assert.equal(plain, text.replace('9000:9000/udp', '127.0.0.1:9000:9000/udp'));
    const spec = reparse(plain!);
    assert.ok(spec.ports[1].value.hostIp?.value === '127.0.0.1' && spec.ports[1].value.protocol === 'udp');
    assert.equal(edit(text, (w, s) => w.bindPortToHostIp(s.ports[2], '127.0.0.1')), text.replace('"0.0.0.0:443:443"', '"127.0.0.1:443:443"'));
  });

  it('adds host_ip to the long syntax', () => {
    const text = 'services:\n  app:\n    ports:\n      - target: 80\n        published: 8080\n';
    const out = edit(text, (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1'));
    assert.equal(out, text + '        host_ip: 127.0.0.1\n');
    assert.equal(reparse(out!).ports[0].value.hostIp?.value, '127.0.0.1');
  });

  it('adds host_ip inside a flow mapping', () => {
    const out = edit('services:\n  app:\n    ports:\n      - {target: 80, published: 8080}\n', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1'));
    assert.equal(out, 'services:\n  app:\n    ports:\n      - {target: 80, published: 8080, host_ip: 127.0.0.1}\n');
  });

  it('binds a port with a random host port as IP::PORT, keeping it random', () => {
    assert.equal(edit('services:\n  app:\n    ports:\n      - "80"\n', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), 'services:\n  app:\n    ports:\n      - "127.0.0.1::80"\n');
    const out = edit('services:\n  app:\n    ports: [80, 3000-3005/udp]\n', (w, s) => w.bindPortToHostIp(s.ports[1], '127.0.0.1'));
    assert.equal(out, 'services:\n  app:\n    ports: [80, 127.0.0.1::3000-3005/udp]\n');
    const port = reparse(out!).ports[1].value;
    assert.deepEqual([port.hostIp?.value, port.hostPort, port.containerPort.value, port.protocol], ['127.0.0.1', undefined, '3000-3005', 'udp']);
  });

  it('overrides merged ports and volumes at the service, but not an item behind a variable or in long syntax', () => {
    const text = 'x-base: &base\n  ports: ["8080:80", 9000]\n  volumes:\n    - ${HOME}/.ssh:/root/.ssh\n    - /etc:/etc\nservices:\n  app:\n    <<: *base\n';
    assert.equal(edit(text, (w, s) => w.bindPortToHostIp(s.ports[1], '127.0.0.1')), text + '    ports:\n      - "8080:80"\n      - 127.0.0.1::9000\n');
    assert.equal(edit(text, (w, s) => w.makeMountReadOnly(s.mounts[1])), text + '    volumes:\n      - ${HOME}/.ssh:/root/.ssh\n      - /etc:/etc:ro\n');
    assert.equal(edit(text, (w, s) => w.makeMountReadOnly(s.mounts[0])), null);
    const longSyntax = 'x-base: &base\n  volumes:\n    - /etc:/etc\n    - type: bind\n      source: /root\n      target: /r\nservices:\n  app:\n    <<: *base\n';
    assert.equal(edit(longSyntax, (w, s) => w.makeMountReadOnly(s.mounts[0])), null);
  });

  it('refuses an exposed port', () => {
    assert.equal(edit('services:\n  app:\n    expose:\n      - "80"\n', (w, s) => w.bindPortToHostIp(s.ports[0], '127.0.0.1')), null);
  });
});

describe('compose writer: broken files', () => {
  it('offers no edit on YAML that does not parse', () => {
    const parsed = parseCompose('services:\n  app:\n    privileged: true\n    cap_add: [\n');
    const writer = createComposeWriter(parsed);
    const spec = parsed.specs[0];
    assert.equal(spec ? writer.addToList(spec, 'capDrop', ['ALL']) : null, null);
  });
});

describe('compose writer: removeMountOption', () => {
  const drop = (text: string, index = 0) => edit(text, (w, s) => w.removeMountOption(s.mounts[index], s.mounts[index].value.propagation!));

  it('removes a short-syntax option with its separator, keeping the others and the quoting', () => {
    assert.equal(drop('services:\n  app:\n    volumes:\n      - /mnt:/mnt:rshared\n'), 'services:\n  app:\n    volumes:\n      - /mnt:/mnt\n');
    assert.equal(drop('services:\n  app:\n    volumes:\n      - "/mnt:/mnt:ro,shared"\n'), 'services:\n  app:\n    volumes:\n      - "/mnt:/mnt:ro"\n');
    assert.equal(drop('services:\n  app:\n    volumes: [/a:/a, "/mnt:/mnt:rshared,z"]\n', 1), 'services:\n  app:\n    volumes: [/a:/a, "/mnt:/mnt:z"]\n');
  });

  it('removes bind.propagation of a long-syntax volume, and bind: when nothing else is in it', () => {
    const long = 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: rshared\n';
    assert.equal(drop(long), 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n');
    const withOther = long + '          create_host_path: true\n';
    assert.equal(drop(withOther), 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          create_host_path: true\n');
  });

  it('refuses a value behind a variable or an anchor shared by several services', () => {
    assert.equal(drop('services:\n  app:\n    volumes:\n      - ${SRC}:/mnt:rshared\n'), null);
    const anchored = 'x: &v\n  - /mnt:/mnt:rshared\nservices:\n  a:\n    volumes: *v\n  b:\n    volumes: *v\n';
    assert.equal(drop(anchored), null);
  });
});
