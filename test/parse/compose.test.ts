import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCompose } from '../../server/src/parse/compose';
import type { ContainerSpec } from '../../server/src/model/containerSpec';
import { isUnknown, type Maybe, type SourceRange } from '../../server/src/model/located';

/** `line:column-line:column` (1-based, end exclusive) and the text a range covers. */
function span(text: string, range: SourceRange): string {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - before.lastIndexOf('\n')}`;
  };
  return `${at(range.start)}-${at(range.end)} ${text.slice(range.start, range.end)}`;
}

function only(text: string): ContainerSpec {
  const parsed = parseCompose(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.specs.length, 1);
  return parsed.specs[0];
}

function valueOf<T>(m: Maybe<T>): T | 'unknown' | undefined {
  if (m === undefined) return undefined;
  return isUnknown(m) ? 'unknown' : m.value;
}

describe('compose parser: settings', () => {
  const text = [
    'services:',
    '  web:',
    '    image: ghcr.io/org/app:1.2@sha256:abc',
    '    user: "1000:1000"',
    '    privileged: true',
    '    read_only: false',
    '    cap_add: [NET_ADMIN]',
    '    cap_drop:',
    '      - ALL',
    '    security_opt:',
    '      - no-new-privileges:true',
    '    network_mode: host',
    '    pid: host',
    '    userns_mode: host',
    '    links: [db]',
    '',
  ].join('\n');
  const spec = only(text);

  it('names the service and points at its key', () => {
    assert.equal(spec.origin.name, 'web');
    assert.equal(span(text, spec.origin.nameRange), '2:3-2:6 web');
    assert.equal(spec.origin.range.start, text.indexOf('web:'));
    assert.equal(spec.origin.range.end, text.indexOf('[db]') + 4);
  });

  it('reads scalars at the range of their setting', () => {
    assert.equal(valueOf(spec.user), '1000:1000');
    assert.equal(span(text, spec.user!.range), '4:5-4:22 user: "1000:1000"');
    assert.equal(valueOf(spec.privileged), true);
    assert.equal(span(text, spec.privileged!.range), '5:5-5:21 privileged: true');
    assert.equal(valueOf(spec.readOnly), false);
    assert.equal(valueOf(spec.namespaces.network), 'host');
    assert.equal(valueOf(spec.namespaces.pid), 'host');
    assert.equal(valueOf(spec.namespaces.userns), 'host');
  });

  it('reads lists with each item located and the key of the list', () => {
    assert.deepEqual(spec.capAdd.map((c) => span(text, c.range)), ['7:15-7:24 NET_ADMIN']);
    assert.deepEqual(spec.capDrop.map((c) => span(text, c.range)), ['9:9-9:12 ALL']);
    assert.equal(span(text, spec.capDropField!.range), '8:5-8:13 cap_drop');
    assert.equal(span(text, spec.capAddField!.range), '7:5-7:12 cap_add');
    assert.deepEqual(spec.securityOpt.map((o) => o.value), ['no-new-privileges:true']);
    assert.equal(span(text, spec.securityOptField!.range), '10:5-10:17 security_opt');
    assert.deepEqual(spec.links.map((l) => l.value), ['db']);
  });

  it('splits the image into name, tag and digest', () => {
    assert.deepEqual(valueOf(spec.image), { name: 'ghcr.io/org/app', tag: '1.2', digest: 'sha256:abc' });
    assert.equal(spec.images.length, 1);
  });
});

describe('compose parser: volumes', () => {
  const text = [
    'services:',
    '  app:',
    '    volumes:',
    '      - ./conf/:/etc/app:ro,z',
    '      - data:/var/lib/data',
    '      - /cache',
    '      - C:\\logs:/logs',
    '      - type: bind',
    '        source: /var/run/docker.sock',
    '        target: /var/run/docker.sock',
    '        read_only: true',
    '',
  ].join('\n');
  const mounts = only(text).mounts;

  it('reads the short syntax: binds, named and anonymous volumes', () => {
    const [conf, data, cache, logs] = mounts.map((m) => m.value);
    assert.equal(conf.type, 'bind');
    assert.equal(conf.source?.value, './conf');
    assert.equal(span(text, conf.source!.range), '4:9-4:16 ./conf/');
    assert.equal(span(text, conf.target!.range), '4:17-4:25 /etc/app');
    assert.equal(conf.readOnly, true);
    assert.equal(span(text, conf.readOnlyAt!), '4:26-4:28 ro');
    assert.deepEqual([data.type, data.source?.value, data.target?.value, data.readOnly], ['volume', 'data', '/var/lib/data', false]);
    assert.deepEqual([cache.type, cache.source, cache.target?.value], ['volume', undefined, '/cache']);
    assert.deepEqual([logs.type, logs.source?.value, logs.target?.value], ['bind', 'C:\\logs', '/logs']);
    assert.equal(span(text, mounts[0].range), '4:9-4:30 ./conf/:/etc/app:ro,z');
  });

  it('reads the long syntax', () => {
    const sock = mounts[4];
    assert.equal(sock.value.syntax, 'long');
    assert.deepEqual([sock.value.type, sock.value.source?.value, sock.value.readOnly], ['bind', '/var/run/docker.sock', true]);
    assert.equal(span(text, sock.value.source!.range), '9:17-9:37 /var/run/docker.sock');
    assert.equal(span(text, sock.value.readOnlyAt!), '11:9-11:24 read_only: true');
  });
});

describe('compose parser: ports and devices', () => {
  const text = [
    'services:',
    '  app:',
    '    ports:',
    '      - "127.0.0.1:8080:80"',
    '      - 8053:53/udp',
    '      - "[::1]:9000:9000"',
    '      - 8000-8010:8000-8010',
    '      - 80',
    '      - target: 443',
    '        published: "8443"',
    '        host_ip: 0.0.0.0',
    '    expose: ["3000"]',
    '    devices:',
    '      - /dev/ttyUSB0:/dev/ttyUSB0:rwm',
    '      - source: /dev/fuse',
    '    deploy:',
    '      resources:',
    '        reservations:',
    '          devices:',
    '            - driver: nvidia',
    '              capabilities: [gpu]',
    '',
  ].join('\n');
  const spec = only(text);
  const ports = spec.ports.map((p) => p.value);

  it('reads host IP, host port, container port and protocol of the short syntax', () => {
    assert.equal(span(text, ports[0].hostIp!.range), '4:10-4:19 127.0.0.1');
    assert.equal(span(text, ports[0].hostPort!.range), '4:20-4:24 8080');
    assert.equal(span(text, ports[0].containerPort.range), '4:25-4:27 80');
    assert.deepEqual([ports[1].hostPort?.value, ports[1].containerPort.value, ports[1].protocol], ['8053', '53', 'udp']);
    assert.deepEqual([ports[2].hostIp?.value, ports[2].hostPort?.value], ['::1', '9000']);
    assert.deepEqual([ports[3].hostPort?.value, ports[3].containerPort.value], ['8000-8010', '8000-8010']);
    assert.deepEqual([ports[4].hostIp, ports[4].hostPort, ports[4].containerPort.value, ports[4].mode], [undefined, undefined, '80', 'published']);
  });

  it('reads the long syntax and expose', () => {
    assert.deepEqual([ports[5].syntax, ports[5].containerPort.value, ports[5].hostPort?.value, ports[5].hostIp?.value], ['long', '443', '8443', '0.0.0.0']);
    assert.deepEqual([ports[6].mode, ports[6].containerPort.value, ports[6].hostPort], ['exposed', '3000', undefined]);
    assert.equal(ports.length, 7);
  });

  it('reads devices but not GPU reservations', () => {
    assert.deepEqual(
      spec.devices.map((d) => [d.value.host.value, d.value.container?.value, d.value.permissions?.value]),
      [
        ['/dev/ttyUSB0', '/dev/ttyUSB0', 'rwm'],
        ['/dev/fuse', undefined, undefined],
      ],
    );
    assert.equal(span(text, spec.devices[0].value.host.range), '14:9-14:21 /dev/ttyUSB0');
  });
});

describe('compose parser: images that give root up themselves', () => {
  it('judges the image as a Dockerfile built FROM it would be: with its own entrypoint, for its server command', () => {
    const cases: [string, 'entrypoint' | 'workers' | undefined][] = [
      ['image: postgres:16', 'entrypoint'],
      ['image: redis:7.4\n    command: redis-server --appendonly yes', 'entrypoint'],
      ['image: redis:7.4\n    command: ["sh", "-c", "sleep 1"]', undefined],
      ['image: nginx:1.27', 'workers'],
      ['image: php:8.3-fpm', 'workers'],
      ['image: nginx:1.27\n    entrypoint: ["/start.sh"]', undefined],
      ['image: postgres:16\n    command: ${CMD}', undefined],
      ['image: myorg/nginx:1', undefined],
      ['image: nginx:1.27\n    build: .', undefined],
    ];
    assert.deepEqual(cases.map(([service]) => [service, parseCompose(`services:\n  app:\n    ${service}\n`).specs[0].dropsPrivilegesAtRuntime]), cases);
  });
});

describe('compose parser: documentation placeholders', () => {
  it('a placeholder image is unknown and pulls nothing; the other settings are read', () => {
    for (const image of ['<your-image>', 'myorg/app:<tag>', 'IMAGE_NAME', '"{{image}}"', 'app:[version]']) {
      const spec = only(`services:\n  app:\n    image: ${image}\n    privileged: true\n`);
      assert.deepEqual([valueOf(spec.image), spec.image && isUnknown(spec.image) ? spec.image.reason : undefined, spec.images], ['unknown', 'a documentation placeholder', []], image);
      assert.equal(valueOf(spec.privileged), true);
    }
  });

  it('a placeholder port or device is unknown, not a port on every interface or a device named "<device>"', () => {
    const spec = only('services:\n  app:\n    image: nginx:1.27\n    ports:\n      - "<port>:80"\n      - target: 81\n        published: <port>\n      - "8080:80"\n    devices:\n      - <device>\n      - source: <device>\n      - /dev/ttyUSB0\n');
    assert.deepEqual(spec.ports.map((p) => p.raw), ['"8080:80"']);
    assert.deepEqual([...spec.unknownFields], ['ports']);
    assert.deepEqual(spec.devices.map((d) => d.value.host.value), ['/dev/ttyUSB0']);
  });
});

describe('compose parser: limits and restart', () => {
  it('reads top-level limits, cpu_quota as cpu, and restart', () => {
    const spec = only('services:\n  app:\n    mem_limit: 512m\n    memswap_limit: 1g\n    cpu_quota: 50000\n    pids_limit: 100\n    restart: unless-stopped\n');
    assert.deepEqual(
      [valueOf(spec.limits.memory), valueOf(spec.limits.cpus), valueOf(spec.limits.pids), valueOf(spec.limits.restart)],
      ['512m', '50000', '100', 'unless-stopped'],
    );
  });

  it('reads deploy limits and restart_policy, any meaning always', () => {
    const text = 'services:\n  app:\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n          cpus: "0.5"\n          pids: 50\n      restart_policy:\n        condition: any\n';
    const spec = only(text);
    assert.deepEqual([valueOf(spec.limits.memory), valueOf(spec.limits.cpus), valueOf(spec.limits.pids), valueOf(spec.limits.restart)], ['1g', '0.5', '50', 'always']);
    assert.equal(span(text, spec.limits.memory!.range), '6:11-6:21 memory: 1g');
  });
});

describe('compose parser: interpolation', () => {
  const text = [
    'services:',
    '  app:',
    '    user: ${APP_USER}',
    '    privileged: ${PRIV:-false}',
    '    read_only: ${RO?must be set}',
    '    image: nginx:${TAG:-1.27}',
    '    cap_drop: ${DROP}',
    '    environment:',
    '      PRICE: $$5',
    '      HOME_DIR: $HOME',
    '    volumes:',
    '      - ${HOST_DIR}:/data:ro',
    '',
  ].join('\n');
  const spec = only(text);

  it('makes a bare variable unknown, with the setting range', () => {
    assert.ok(isUnknown(spec.user));
    assert.equal(span(text, spec.user.range), '3:5-3:22 user: ${APP_USER}');
    assert.ok(isUnknown(spec.readOnly));
  });

  it('uses a default but marks it not editable', () => {
    assert.ok(spec.privileged && !isUnknown(spec.privileged));
    assert.deepEqual([spec.privileged.value, spec.privileged.editable], [false, false]);
    assert.deepEqual(valueOf(spec.image), { name: 'nginx', tag: '1.27' });
  });

  it('records a list that is unknown as a whole', () => {
    assert.deepEqual([...spec.unknownFields], ['cap_drop']);
    assert.deepEqual(spec.capDrop, []);
  });

  it('reads $$ as a literal dollar and $VAR as unknown', () => {
    assert.deepEqual(
      spec.env.map((e) => [e.value.name.value, valueOf(e.value.value)]),
      [
        ['PRICE', '$5'],
        ['HOME_DIR', 'unknown'],
      ],
    );
  });

  it('keeps the known parts of a mount whose source is a variable', () => {
    const mount = spec.mounts[0];
    assert.deepEqual([mount.value.target?.value, mount.value.readOnly, mount.editable], ['/data', true, false]);
  });

  it('does not split a port or a volume on a colon or slash inside a variable default', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ${PORT:-8080}:80\n      - "${ADMIN:-127.0.0.1:9000}:9000/udp"\n    volumes:\n      - ${DATA:-/srv/data}:/data:ro\n';
    const web = only(text);
    const [port, admin] = web.ports.map((p) => p.value);
    assert.deepEqual([port.hostIp, port.hostPort?.raw, port.hostPort?.value, port.containerPort.value], [undefined, '${PORT:-8080}', '8080', '80']);
    assert.equal(span(text, port.hostPort!.range), '5:9-5:22 ${PORT:-8080}');
    assert.deepEqual([admin.hostIp, admin.hostPort?.raw, admin.containerPort.value, admin.protocol], [undefined, '${ADMIN:-127.0.0.1:9000}', '9000', 'udp']);
    const mount = web.mounts[0].value;
    assert.deepEqual([mount.source?.value, mount.target?.value, mount.readOnly], ['/srv/data', '/data', true]);
  });
});

describe('compose parser: anchors, merge keys, extends, include', () => {
  const text = [
    'x-base: &base',
    '  privileged: true',
    '  restart: always',
    'x-other: &other',
    '  privileged: false',
    '  user: "1000"',
    'services:',
    '  app:',
    '    <<: [*base, *other]',
    '    restart: "no"',
    '  worker:',
    '    extends: app',
    '',
  ].join('\n');
  const parsed = parseCompose(text);

  it('skips x- fields and reads one spec per service', () => {
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.specs.map((s) => s.origin.name), ['app', 'worker']);
  });

  it('resolves merge keys, the earlier source winning, pointing at the anchored line', () => {
    const app = parsed.specs[0];
    assert.ok(app.privileged && !isUnknown(app.privileged));
    assert.equal(app.privileged.value, true);
    assert.equal(span(text, app.privileged.range), '2:3-2:19 privileged: true');
    assert.equal(app.privileged.editable, false);
    assert.equal(valueOf(app.user), '1000');
    assert.equal(valueOf(app.limits.restart), 'no');
    assert.equal(app.incomplete, false);
  });

  it('marks extended services incomplete', () => {
    assert.equal(parsed.specs[1].incomplete, true);
  });

  it('marks every service incomplete under a top-level include', () => {
    const included = parseCompose('include:\n  - other.yaml\nservices:\n  app:\n    image: x\n');
    assert.deepEqual(included.specs.map((s) => s.incomplete), [true]);
  });

  it('points a value reached through an alias at the anchored node', () => {
    const aliased = 'x-caps: &caps [NET_ADMIN]\nservices:\n  app:\n    cap_add: *caps\n';
    const spec = only(aliased);
    assert.deepEqual(spec.capAdd.map((c) => [span(aliased, c.range), c.editable]), [['1:16-1:25 NET_ADMIN', false]]);
  });

  it('finds an anchor written before its collection starts (the first key of a block mapping)', () => {
    // The block mapping under `x-flags` starts at `privileged`, after the `&p` on its first key: the alias
    // walk, which skips collections without `&` or `*` in their text, must look from the key before it.
    const keyed = 'x-flags:\n  &p privileged: true\nservices:\n  app:\n    image: nginx:1.27\n    *p : true\n';
    const spec = only(keyed);
    assert.ok(spec.privileged && !isUnknown(spec.privileged));
    assert.deepEqual([spec.privileged.value, span(keyed, spec.privileged.range)], [true, '6:5-6:14 *p : true']);
  });

  it('reads one merged mapping for every service that merges it, each service\'s own keys winning', () => {
    const text = 'x-base: &base\n  user: root\n  restart: always\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    user: "1000"\n  c:\n    <<: *base\n';
    const parsed = parseCompose(text);
    assert.deepEqual(
      parsed.specs.map((s) => [s.origin.name, valueOf(s.user), span(text, s.limits.restart!.range)]),
      [['a', 'root', '3:3-3:18 restart: always'], ['b', '1000', '3:3-3:18 restart: always'], ['c', 'root', '3:3-3:18 restart: always']],
    );
  });

  it('gives every service merging an anchor its settings, read once: lists, unknown lists, variables, commands', () => {
    const text = [
      'x-base: &base',
      '  cap_drop: ${DROP}',
      '  security_opt: [no-new-privileges:true, "seccomp:unconfined"]',
      '  volumes: [/var/run/docker.sock:/var/run/docker.sock:ro]',
      '  command: ["serve", "--port", "80"]',
      '  privileged: "yes"',
      'x-env: &env',
      '  TZ: UTC',
      'services:',
      '  a:',
      '    <<: *base',
      '    environment:',
      '      <<: *env',
      '      ID: "a"',
      '  b:',
      '    <<: *base',
      '    environment:',
      '      <<: *env',
      '  c:',
      '    <<: *base',
      '    cap_drop: [ALL]',
      '',
    ].join('\n');
    const specs = parseCompose(text).specs;
    const seen = specs.map((s) => ({
      name: s.origin.name,
      unknown: [...s.unknownFields],
      capDrop: s.capDrop.map((c) => c.value),
      securityOpt: s.securityOpt.map((o) => span(text, o.range)),
      securityOptField: s.securityOptField && span(text, s.securityOptField.range),
      mounts: s.mounts.map((m) => [m.value.source?.value, m.value.readOnly, m.editable]),
      commands: s.commands.map((c) => c.words.map((w) => w.value).join(' ')),
      privileged: s.privileged && isUnknown(s.privileged) ? s.privileged.reason : valueOf(s.privileged),
      env: s.env.map((e) => `${e.value.name.value}=${valueOf(e.value.value)}`).sort(),
    }));
    const base = {
      securityOpt: ['3:18-3:40 no-new-privileges:true', '3:42-3:62 "seccomp:unconfined"'],
      securityOptField: '3:3-3:15 security_opt',
      mounts: [['/var/run/docker.sock', true, false]],
      commands: ['serve --port 80'],
      privileged: '"yes" is not a boolean',
    };
    assert.deepEqual(seen, [
      { name: 'a', unknown: ['cap_drop'], capDrop: [], ...base, env: ['ID=a', 'TZ=UTC'] },
      { name: 'b', unknown: ['cap_drop'], capDrop: [], ...base, env: ['TZ=UTC'] },
      { name: 'c', unknown: [], capDrop: ['ALL'], ...base, env: [] },
    ]);
    // Read once: the services hold the same located values.
    assert.equal(specs[0].securityOpt[1], specs[2].securityOpt[1]);
    assert.equal(specs[0].env.find((e) => e.value.name.value === 'TZ'), specs[1].env[0]);
  });

  it('follows merge chains 16 deep, however deep the mapping that starts them sits', () => {
    // e20 merges e19, which merges e18 ... down to e0: each adds its own variable. From the environment
    // mapping the chain is cut after 16 merges (e5, whose own `<<` is then read as a plain key); a service
    // merging e10 itself reaches e0, though the first service's reading passed through e10 with 6 merges left.
    const anchors = Array.from({ length: 21 }, (_, i) => `x-e${i}: &e${i}\n${i ? `  <<: *e${i - 1}\n` : ''}  V${i}: "${i}"\n`).join('');
    const text = `${anchors}services:\n  deep:\n    environment:\n      <<: *e20\n  mid:\n    environment:\n      <<: *e10\n`;
    const names = parseCompose(text).specs.map((s) => s.env.map((e) => e.value.name.value).filter((n) => n !== '<<').sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))));
    assert.deepEqual(names, [Array.from({ length: 16 }, (_, i) => `V${i + 5}`), Array.from({ length: 11 }, (_, i) => `V${i}`)]);
  });

  it('ends a mapping that merges itself', () => {
    const text = 'x-loop: &loop\n  privileged: true\n  <<: *loop\nservices:\n  app:\n    <<: *loop\n    image: nginx:1.27\n';
    assert.equal(valueOf(only(text).privileged), true);
  });

  it('resolves aliases among collections that hold none (skipped by the walk)', () => {
    const text = 'services:\n  a:\n    image: nginx:1.27\n    ports: ["80:80"]\n    cap_add: &caps [NET_ADMIN]\n  b:\n    volumes: [./x:/x]\n    cap_add: *caps\n';
    const parsed = parseCompose(text);
    assert.deepEqual(parsed.specs.map((s) => s.capAdd.map((c) => span(text, c.range))), [['5:21-5:30 NET_ADMIN'], ['5:21-5:30 NET_ADMIN']]);
  });
});

describe('compose parser: environment and commands', () => {
  it('reads environment lists and command forms', () => {
    const text = 'services:\n  app:\n    environment:\n      - A=1\n      - B\n    command: npm run  start\n    entrypoint: ["/bin/sh", "-c"]\n';
    const spec = only(text);
    assert.deepEqual(spec.env.map((e) => [e.value.name.value, valueOf(e.value.value)]), [['A', '1'], ['B', undefined]]);
    assert.equal(span(text, spec.env[0].value.value!.range), '4:11-4:12 1');
    const [command, entrypoint] = spec.commands;
    assert.deepEqual([command.kind, command.form, command.words.map((w) => span(text, w.range))], ['command', 'shell', ['6:14-6:17 npm', '6:18-6:21 run', '6:23-6:28 start']]);
    assert.deepEqual([entrypoint.kind, entrypoint.form, entrypoint.words.map((w) => w.value)], ['entrypoint', 'exec', ['/bin/sh', '-c']]);
  });

  it('reads services from every document', () => {
    const parsed = parseCompose('services:\n  a:\n    image: x\n---\nservices:\n  b:\n    image: y\n');
    assert.deepEqual(parsed.specs.map((s) => s.origin.name), ['a', 'b']);
  });

  it('leaves image undefined for a build-only service and marks a built image', () => {
    assert.equal(only('services:\n  app:\n    build: .\n').image, undefined);
    assert.deepEqual(valueOf(only('services:\n  app:\n    build: .\n    image: myorg/web\n').image), { name: 'myorg/web', builtLocally: true });
    assert.deepEqual(valueOf(only('services:\n  app:\n    image: myorg/web\n').image), { name: 'myorg/web' });
  });

  it('splits a command string with quotes', () => {
    const text = 'services:\n  app:\n    command: sh -c \'echo "a b"\'\n';
    assert.deepEqual(only(text).commands[0].words.map((w) => span(text, w.range)), ['3:14-3:16 sh', '3:17-3:19 -c', '3:20-3:32 \'echo "a b"\'']);
    assert.equal(only(text).commands[0].words[2].value, 'echo "a b"');
  });
});

describe('compose parser: bad input', () => {
  it('reports a long-syntax published value that is no port, and reads no port from it', () => {
    const text = 'x-p: &p\n  target: 81\n  published: "[::1]:8081"\nservices:\n  a:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "127.0.0.1:8080"\n      - *p\n      - target: 82\n        published: abc\n  b:\n    image: nginx:1.27\n    ports: [*p]\n';
    const parsed = parseCompose(text);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, span(text, p.range), p.message]),
      [
        ['error', '9:20-9:36 "127.0.0.1:8080"', 'published: "127.0.0.1:8080" is not a port or a port range, so Docker rejects it (invalid port specification); write the address in host_ip: "127.0.0.1" and the port in published: "8080".'],
        ['error', '3:14-3:26 "[::1]:8081"', 'published: "[::1]:8081" is not a port or a port range, so Docker rejects it (invalid port specification); write the address in host_ip: "::1" and the port in published: "8081".'],
        ['error', '12:20-12:23 abc', 'published: "abc" is not a port or a port range, so Docker rejects it (invalid port specification); write a port (8080) or a port range (8000-8010).'],
      ],
    );
    assert.deepEqual(parsed.specs.map((s) => s.ports), [[], []]);
    // Numbers, ranges and interpolated ports are ports.
    const ok = parseCompose('services:\n  a:\n    image: nginx:1.27\n    ports:\n      - {target: 80, published: 8080}\n      - {target: 81, published: "8000-8010"}\n      - {target: 82, published: "${P:-9000}"}\n');
    assert.deepEqual([ok.problems, ok.specs[0].ports.map((p) => p.value.hostPort?.value)], [[], ['8080', '8000-8010', '9000']]);
  });

  it('reports a services value that is not a mapping', () => {
    const parsed = parseCompose('services: 3\n');
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, p.message, p.range]),
      [['error', '`services` must be a mapping of service names to settings', { start: 10, end: 11 }]],
    );
    assert.deepEqual(parsed.specs, []);
    assert.equal(parseCompose('services:\n  app: [1]\n').problems[0].message, 'service "app" must be a mapping of settings');
  });

  it('gives nothing for an empty file or a file without services', () => {
    for (const text of ['', '# just a comment\n', 'volumes:\n  data: {}\n']) {
      const parsed = parseCompose(text);
      assert.deepEqual([parsed.specs, parsed.problems], [[], []], JSON.stringify(text));
    }
  });

  it('reports broken YAML as a problem at the error', () => {
    const text = 'services:\n  app:\n    image: "x\n';
    const parsed = parseCompose(text);
    assert.ok(parsed.problems.length > 0);
    assert.match(parsed.problems[0].message, /^could not parse compose file: /);
    assert.ok(parsed.problems.every((p) => p.range.start >= 0 && p.range.end <= text.length));
  });

  it('reports an alias bomb quickly instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${levels.join('\n')}\nservices:\n  app:\n    <<: *i\n    image: x\n`;
    const started = Date.now();
    const parsed = parseCompose(text);
    assert.ok(Date.now() - started < 2000);
    assert.match(parsed.problems[0]?.message ?? '', /alias bomb/);
    assert.deepEqual(parsed.specs, []);
  });

  it('counts what aliases add, not the document: a long file with a few aliases is no alias bomb', () => {
    // 40 services of about 9 nodes each, one alias of a two-key mapping (5 nodes) in each: 200 added nodes.
    const services = Array.from({ length: 40 }, (_, i) => `  s${i}:\n    <<: *base\n    image: nginx:1.27\n    ports: ["${8000 + i}:80"]\n`).join('');
    const text = `x-base: &base\n  restart: always\n  read_only: true\nservices:\n${services}`;
    assert.deepEqual(parseCompose(text, 300).problems, []);
    assert.equal(parseCompose(text, 300).specs.length, 40);
    assert.match(parseCompose(text, 150).problems[0]?.message ?? '', /alias bomb/);
  });
});

describe('compose parser: shared corpus', () => {
  const root = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'compose');
  const files: string[] = [];
  for (const sub of ['real', 'fixtures']) {
    for (const entry of readdirSync(path.join(root, sub), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
    }
  }

  it('finds the corpus', () => {
    assert.ok(files.length > 100, `only ${files.length} files`);
  });

  it('parses every file without throwing, with every range inside the text', () => {
    let services = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseCompose(text);
      services += parsed.specs.length;
      const inside = (r: SourceRange, what: string) =>
        assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${file}: ${what} ${JSON.stringify(r)}`);
      for (const p of parsed.problems) inside(p.range, 'problem');
      for (const spec of parsed.specs) {
        inside(spec.origin.range, 'service');
        inside(spec.origin.nameRange, 'name');
        for (const m of spec.mounts) inside(m.range, 'mount');
        for (const p of spec.ports) inside(p.range, 'port');
        for (const c of [...spec.capAdd, ...spec.capDrop, ...spec.securityOpt]) inside(c.range, 'list item');
        for (const e of spec.env) inside(e.range, 'env');
        for (const c of spec.commands) for (const w of c.words) inside(w.range, 'word');
      }
    }
    assert.ok(services > 100, `only ${services} services`);
  });
});

describe('compose parser: propagation, logging, oom_kill_disable', () => {
  it('reads the propagation of short and long volumes, located at the option', () => {
    const text = [
      'services:',
      '  app:',
      '    image: a:1',
      '    volumes:',
      '      - /mnt:/mnt:ro,rshared',
      '      - type: bind',
      '        source: /srv',
      '        target: /srv',
      '        bind:',
      '          propagation: RSlave',
      '      - ./a:/a',
      '',
    ].join('\n');
    const spec = only(text);
    assert.deepEqual(
      spec.mounts.map((m) => m.value.propagation && [m.value.propagation.value, span(text, m.value.propagation.range)]),
      [['rshared', '5:22-5:29 rshared'], ['rslave', '10:24-10:30 RSlave'], undefined],
    );
  });

  it('reads logging.driver (the logging key kept as a field), the legacy log_driver and oom_kill_disable', () => {
    const text = 'services:\n  a:\n    image: a:1\n    oom_kill_disable: true\n    logging:\n      driver: none\n  b:\n    image: b:1\n    log_driver: ${DRIVER}\n';
    const [a, b] = parseCompose(text).specs;
    assert.equal(valueOf(a.oomKillDisable), true);
    assert.equal(valueOf(a.logDriver), 'none');
    assert.equal(span(text, a.logDriver!.range), '6:15-6:19 none');
    assert.equal(span(text, a.loggingField!.range), '5:5-5:12 logging');
    assert.equal(valueOf(b.logDriver), 'unknown');
    assert.equal(b.loggingField, undefined);
    assert.equal(b.oomKillDisable, undefined);
  });
});
