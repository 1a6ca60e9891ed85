import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/parse/dockerfile';
import type { ContainerSpec, ShellCommand } from '../../server/src/model/containerSpec';
import { isUnknown, type Located, type Maybe, type SourceRange } from '../../server/src/model/located';

/** `line:column-endLine:endColumn`, 1-based with an exclusive end column, as the rule tests write them. */
function span(text: string, range: SourceRange): string {
  const point = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
  };
  return `${point(range.start)}-${point(range.end)}`;
}

function only(text: string): ContainerSpec {
  const parsed = parseDockerfile(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.specs.length, 1);
  return parsed.specs[0];
}

function describeValue(text: string, v: Maybe<string>): unknown {
  if (v === undefined) return undefined;
  if (isUnknown(v)) return { unknown: v.raw, at: span(text, v.range) };
  return { value: v.value, raw: v.raw, at: span(text, v.range) };
}

function words(text: string, ws: Located<string>[] | undefined): string[] | undefined {
  return ws?.map((w) => `${w.value} @${span(text, w.range)}`);
}

function describeCommand(text: string, c: ShellCommand): unknown {
  return { kind: c.kind, form: c.form, text: c.text.value, at: span(text, c.text.range), words: words(text, c.words), operators: words(text, c.operators) };
}

describe('parseDockerfile', () => {
  it('takes the user from the final stage only: root in a build stage does not leak', () => {
    const text = 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n';
    const spec = only(text);
    assert.equal(spec.user, undefined);
    assert.equal(spec.implicitRootAt, undefined, 'distroless :nonroot runs as non-root');
    assert.equal(spec.origin.kind, 'dockerfile');
    assert.equal(spec.origin.name, 'gcr.io/distroless/static:nonroot');
    assert.equal(span(text, spec.origin.range), '4:1-5:28');
    assert.equal(span(text, spec.origin.nameRange), '4:1-4:38');
    assert.deepEqual(
      spec.images.map((i) => ({ value: i.value, at: span(text, i.range) })),
      [
        { value: { name: 'golang', tag: '1.23' }, at: '1:6-1:17' },
        { value: { name: 'gcr.io/distroless/static', tag: 'nonroot' }, at: '4:6-4:38' },
      ],
    );
    assert.deepEqual(spec.commands.map((c) => describeCommand(text, c)), [
      {
        kind: 'run',
        form: 'shell',
        text: 'go build -o /app',
        at: '3:5-3:21',
        words: ['go @3:5-3:7', 'build @3:8-3:13', '-o @3:14-3:16', '/app @3:17-3:21'],
        operators: [],
      },
    ]);
  });

  it('points implicitRootAt at the final image when no stage sets a USER', () => {
    const text = 'FROM golang:1.23 AS build\nUSER root\nFROM alpine:3.20\nCOPY --from=build /app /app\n';
    const spec = only(text);
    assert.equal(spec.user, undefined);
    assert.equal(span(text, spec.implicitRootAt!), '3:6-3:17');
    assert.deepEqual(spec.image && !isUnknown(spec.image) ? spec.image.value : undefined, { name: 'alpine', tag: '3.20' });
  });

  it('inherits USER through FROM <earlier stage>', () => {
    const text = 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node", "server.js"]\n';
    const spec = only(text);
    assert.deepEqual(describeValue(text, spec.user), { value: 'node', raw: 'node', at: '2:6-2:10' });
    assert.equal(spec.implicitRootAt, undefined);
    assert.equal(spec.origin.name, 'base');
    assert.deepEqual(
      spec.images.map((i) => ({ value: i.value, at: span(text, i.range) })),
      [
        { value: { name: 'node', tag: '20' }, at: '1:6-1:13' },
        { value: { name: 'base', isStage: true }, at: '3:6-3:10' },
      ],
    );
    assert.deepEqual(spec.commands.map((c) => describeCommand(text, c)), [
      { kind: 'cmd', form: 'exec', text: '["node", "server.js"]', at: '4:5-4:26', words: ['node @4:7-4:11', 'server.js @4:15-4:24'], operators: undefined },
    ]);
  });

  it('reads ARG before FROM, ARG without value, and treats $VAR values and images as unknown', () => {
    const text = 'ARG BASE=alpine:3.20\nFROM ${BASE}\nARG VERSION\nENV APP_VERSION=$VERSION\n';
    const spec = only(text);
    assert.deepEqual(
      spec.env.map((e) => ({ name: e.value.name.value, nameAt: span(text, e.value.name.range), source: e.value.source, value: describeValue(text, e.value.value) })),
      [
        { name: 'BASE', nameAt: '1:5-1:9', source: 'arg', value: { value: 'alpine:3.20', raw: 'alpine:3.20', at: '1:10-1:21' } },
        { name: 'VERSION', nameAt: '3:5-3:12', source: 'arg', value: undefined },
        { name: 'APP_VERSION', nameAt: '4:5-4:16', source: 'env', value: { unknown: '$VERSION', at: '4:17-4:25' } },
      ],
    );
    assert.deepEqual(spec.images, [], 'a ${VAR} image is unknown, not an image');
    assert.ok(isUnknown(spec.image));
    assert.equal(span(text, spec.image.range), '2:6-2:13');
    assert.equal(spec.implicitRootAt, undefined, 'the base image is unknown: say nothing');
  });

  it('reads USER ${X} as unknown', () => {
    const text = 'FROM alpine:3.20\nUSER ${APP_UID}\n';
    const spec = only(text);
    assert.deepEqual(describeValue(text, spec.user), { unknown: '${APP_UID}', at: '2:6-2:16' });
    assert.equal(spec.implicitRootAt, undefined);
  });

  it('follows `# escape=`` for continuation lines', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nUSER ContainerUser\n';
    const spec = only(text);
    assert.deepEqual(spec.commands.map((c) => describeCommand(text, c)), [
      {
        kind: 'run',
        form: 'shell',
        text: 'powershell -Command `\n    Write-Host hi',
        at: '3:5-4:18',
        words: ['powershell @3:5-3:15', '-Command @3:16-3:24', 'Write-Host @4:5-4:15', 'hi @4:16-4:18'],
        operators: [],
      },
    ]);
    assert.deepEqual(describeValue(text, spec.user), { value: 'ContainerUser', raw: 'ContainerUser', at: '5:6-5:19' });
  });

  it('keeps continuation lines in the command text with exact word and operator ranges', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\n';
    const spec = only(text);
    assert.deepEqual(spec.commands.map((c) => describeCommand(text, c)), [
      {
        kind: 'run',
        form: 'shell',
        text: 'apt-get update \\\n && apt-get install -y curl',
        at: '2:5-3:28',
        words: ['apt-get @2:5-2:12', 'update @2:13-2:19', 'apt-get @3:5-3:12', 'install @3:13-3:20', '-y @3:21-3:23', 'curl @3:24-3:28'],
        operators: ['&& @3:2-3:4'],
      },
    ]);
  });

  it('uses the heredoc body as the command of RUN <<EOF', () => {
    const text = 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nUSER 10001\n';
    const spec = only(text);
    assert.deepEqual(spec.commands.map((c) => describeCommand(text, c)), [
      { kind: 'run', form: 'shell', text: 'apk add curl', at: '3:1-3:13', words: ['apk @3:1-3:4', 'add @3:5-3:8', 'curl @3:9-3:13'], operators: [] },
    ]);
  });

  it('reads exec-form JSON with one word per element and JSON escapes resolved', () => {
    const text = 'FROM alpine\nENTRYPOINT ["/bin/sh", "-c", "echo \\"hi\\""]\n';
    const spec = only(text);
    const [entrypoint] = spec.commands;
    assert.deepEqual(describeCommand(text, entrypoint), {
      kind: 'entrypoint',
      form: 'exec',
      text: '["/bin/sh", "-c", "echo \\"hi\\""]',
      at: '2:12-2:44',
      words: ['/bin/sh @2:14-2:21', '-c @2:25-2:27', 'echo "hi" @2:31-2:42'],
      operators: undefined,
    });
    assert.equal(entrypoint.words[2].raw, 'echo \\"hi\\"');
  });

  it('treats an unclosed JSON array as shell form, as Docker does', () => {
    const text = 'FROM alpine\nCMD ["a"\n';
    const spec = only(text);
    assert.deepEqual(spec.commands.map((c) => [c.form, c.text.value]), [['shell', '["a"']]);
  });

  it('reads lowercase instructions: user, EXPOSE ports with protocol, VOLUME', () => {
    const text = 'from alpine:3.20\nuser app\nexpose 8080 53/udp\nvolume /data\n';
    const spec = only(text);
    assert.deepEqual(describeValue(text, spec.user), { value: 'app', raw: 'app', at: '2:6-2:9' });
    assert.deepEqual(
      spec.ports.map((p) => ({ port: p.value.containerPort.value, portAt: span(text, p.value.containerPort.range), at: span(text, p.range), protocol: p.value.protocol, mode: p.value.mode, syntax: p.value.syntax })),
      [
        { port: '8080', portAt: '3:8-3:12', at: '3:8-3:12', protocol: 'tcp', mode: 'exposed', syntax: 'short' },
        { port: '53', portAt: '3:13-3:15', at: '3:13-3:19', protocol: 'udp', mode: 'exposed', syntax: 'short' },
      ],
    );
    assert.deepEqual(
      spec.mounts.map((m) => ({ type: m.value.type, target: m.value.target?.value, targetAt: span(text, m.value.target!.range), readOnly: m.value.readOnly, syntax: m.value.syntax })),
      [{ type: 'volume', target: '/data', targetAt: '4:8-4:13', readOnly: false, syntax: 'volume-instruction' }],
    );
  });

  it('reads VOLUME in JSON form, the target inside the quotes', () => {
    const text = 'FROM alpine\nVOLUME ["/var/lib/data", "/logs"]\n';
    const spec = only(text);
    assert.deepEqual(
      spec.mounts.map((m) => ({ target: m.value.target?.value, targetAt: span(text, m.value.target!.range), at: span(text, m.range) })),
      [
        { target: '/var/lib/data', targetAt: '2:10-2:23', at: '2:9-2:24' },
        { target: '/logs', targetAt: '2:27-2:32', at: '2:26-2:33' },
      ],
    );
  });

  it('computes offsets with CRLF line endings', () => {
    const text = 'FROM alpine\r\nUSER app\r\nEXPOSE 80\r\n';
    const spec = only(text);
    assert.deepEqual(spec.user && !isUnknown(spec.user) ? spec.user.range : undefined, { start: 18, end: 21 });
    assert.deepEqual(spec.ports.map((p) => p.range), [{ start: 30, end: 32 }]);
    assert.deepEqual(spec.origin.range, { start: 0, end: 32 });
  });

  it('reads both ENV forms, with quotes kept in raw and removed from the value', () => {
    const text = 'FROM alpine\nENV A="x y" B=2\nENV LEGACY some value\n';
    const spec = only(text);
    assert.deepEqual(
      spec.env.map((e) => ({ name: e.value.name.value, source: e.value.source, value: describeValue(text, e.value.value) })),
      [
        { name: 'A', source: 'env', value: { value: 'x y', raw: '"x y"', at: '2:7-2:12' } },
        { name: 'B', source: 'env', value: { value: '2', raw: '2', at: '2:15-2:16' } },
        { name: 'LEGACY', source: 'env', value: { value: 'some value', raw: 'some value', at: '3:12-3:22' } },
      ],
    );
  });

  it('starts commands after instruction flags; reads HEALTHCHECK CMD and ADD downloads', () => {
    const text =
      'FROM alpine\nRUN --mount=type=cache,target=/root/.cache pip install x\nHEALTHCHECK --interval=5s CMD wget -q -O- http://localhost/\n' +
      'ADD --checksum=sha256:abc https://example.com/a.tgz /opt/\nADD http://example.com/b.tgz /opt/\nHEALTHCHECK NONE\n';
    const spec = only(text);
    assert.deepEqual(
      spec.commands.map((c) => [c.kind, c.text.value, span(text, c.text.range)]),
      [
        ['run', 'pip install x', '2:44-2:57'],
        ['healthcheck', 'wget -q -O- http://localhost/', '3:31-3:60'],
      ],
    );
    assert.deepEqual(
      spec.downloads?.map((d) => ({ ...d.value, at: span(text, d.range) })),
      [
        { url: 'https://example.com/a.tgz', checksum: true, at: '4:27-4:52' },
        { url: 'http://example.com/b.tgz', checksum: false, at: '5:5-5:29' },
      ],
    );
  });

  it('keeps RUN flags and where the arguments after them start', () => {
    const text = 'FROM alpine\nRUN --mount=type=secret,id=npm \\\n    --network=none npm ci\nRUN <<EOF\nnpm ci\nEOF\nRUN echo --not-a-flag\n';
    const spec = only(text);
    assert.deepEqual(
      spec.commands.map((c) => ({ flags: c.flags?.map((f) => [f.value, span(text, f.range)]), argsStart: c.argsStart === undefined ? undefined : span(text, { start: c.argsStart, end: c.argsStart }) })),
      [
        { flags: [['--mount=type=secret,id=npm', '2:5-2:31'], ['--network=none', '3:5-3:19']], argsStart: '3:20-3:20' },
        { flags: undefined, argsStart: '4:5-4:5' },
        { flags: undefined, argsStart: '7:5-7:5' },
      ],
    );
  });

  it('reads COPY and ADD sources and destinations, stages and labels', () => {
    const text =
      'FROM golang:1.23 AS build\nCOPY --chown=1000 id_rsa \'my.pem\' /root/.ssh/\nLABEL a=b "c d"="e f"\n' +
      'FROM alpine AS tools\nADD https://example.com/a.tgz x.key /dst/\n' +
      'FROM build\nCOPY --from=tools <<EOF /etc/motd\nhi\nEOF\nCOPY ["/a/.npmrc", "/root/"]\n';
    const spec = only(text);
    assert.deepEqual(
      spec.copies?.map((c) => ({
        instruction: c.value.instruction,
        from: c.value.from,
        sources: c.value.sources.map((s) => [s.value, span(text, s.range)]),
        destination: c.value.destination?.value,
      })),
      [
        { instruction: 'COPY', from: undefined, sources: [['id_rsa', '2:19-2:25'], ['my.pem', '2:26-2:34']], destination: '/root/.ssh/' },
        { instruction: 'ADD', from: undefined, sources: [['x.key', '5:31-5:36']], destination: '/dst/' },
        { instruction: 'COPY', from: 'tools', sources: [], destination: '/etc/motd' },
        { instruction: 'COPY', from: undefined, sources: [['/a/.npmrc', '10:8-10:17']], destination: '/root/' },
      ],
    );
    assert.deepEqual(
      spec.stages?.map((s) => [s.name, s.inFinalImage, span(text, s.range)]),
      [
        ['build', true, '1:1-3:22'],
        ['tools', false, '4:1-5:42'],
        [undefined, true, '6:1-10:29'],
      ],
    );
    assert.deepEqual(
      spec.labels?.map((l) => [l.value.name.value, describeValue(text, l.value.value)]),
      [
        ['a', { value: 'b', raw: 'b', at: '3:9-3:10' }],
        ['c d', { value: 'e f', raw: '"e f"', at: '3:17-3:22' }],
      ],
    );
  });

  it('detects entrypoints that drop privileges themselves, and servers whose workers do', () => {
    const cases: [string, 'entrypoint' | 'workers' | undefined][] = [
      ['FROM debian:12\nENTRYPOINT ["gosu", "app", "server"]\n', 'entrypoint'],
      ['FROM debian:12\nCMD exec su-exec app server\n', 'entrypoint'],
      ['FROM debian:12\nCMD su app -c "server"\n', 'entrypoint'],
      ['FROM debian:12\nENTRYPOINT ["setpriv", "--reuid=1000", "server"]\n', 'entrypoint'],
      ['FROM debian:12\nCMD chroot --userspec=1000:1000 / server\n', 'entrypoint'],
      ['FROM postgres:16\n', 'entrypoint'],
      ['FROM postgres:16\nCMD ["postgres", "-c", "max_connections=200"]\n', 'entrypoint'],
      ['FROM redis:7.4\nCMD ["--appendonly", "yes"]\n', 'entrypoint'],
      // The official entrypoint switches users only for its server's command.
      ['FROM postgres:16\nCMD ["bash"]\n', undefined],
      ['FROM postgres:16\nENTRYPOINT ["/custom.sh"]\n', undefined],
      ['FROM debian:12\nCMD ["server", "--gosu-compat"]\n', undefined],
      ['FROM debian:12\nCMD ["sudo", "server"]\n', undefined],
      ['FROM myorg/postgres:16\n', undefined],
      // nginx, httpd, php-fpm: through FROM, or seen directly in the image's own Dockerfile.
      ['FROM nginx:1.27\n', 'workers'],
      ['FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n', 'workers'],
      ['FROM nginx:1.27\nCMD ["node", "server.js"]\n', undefined],
      ['FROM httpd:2.4-alpine\n', 'workers'],
      ['FROM php:8.3-fpm-alpine\n', 'workers'],
      ['FROM php:8.3-apache\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["apache2-foreground"]\n', 'workers'],
      ['FROM php:8.3-cli\n', undefined],
      ['FROM debian:trixie-slim\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["nginx", "-g", "daemon off;"]\n', 'workers'],
      ['FROM debian:trixie-slim\nCMD ["httpd-foreground"]\n', 'workers'],
    ];
    assert.deepEqual(
      cases.map(([text]) => [text, only(text).dropsPrivilegesAtRuntime]),
      cases,
    );
  });

  it('knows the base images that run as non-root by default', () => {
    const cases: [string, boolean][] = [
      ['FROM cgr.dev/chainguard/nginx:latest\n', false],
      ['FROM nginxinc/nginx-unprivileged:1.27-alpine\n', false],
      ['FROM docker:27-dind-rootless\n', false],
      ['FROM gcr.io/distroless/base-debian12:debug-nonroot\n', false],
      ['FROM gcr.io/distroless/base-debian12\n', true],
      ['FROM scratch\n', true],
      ['FROM ubuntu:24.04\n', true],
    ];
    assert.deepEqual(
      cases.map(([text]) => [text, only(text).implicitRootAt !== undefined]),
      cases,
    );
  });

  it('returns nothing for an empty file', () => {
    const parsed = parseDockerfile('');
    assert.deepEqual([parsed.kind, parsed.specs, parsed.problems], ['dockerfile', [], []]);
  });

  it('reports a half-typed FROM as a problem without throwing', () => {
    const parsed = parseDockerfile('FROM');
    assert.deepEqual(parsed.problems, [{ message: 'FROM needs an image name.', range: { start: 0, end: 4 }, severity: 'error' }]);
    assert.equal(parsed.specs.length, 1);
    assert.equal(parsed.specs[0].implicitRootAt, undefined);
    assert.deepEqual(parsed.specs[0].images, []);
  });

  it('survives binary garbage', () => {
    const text = '\u0000\u0001\uFFFD\uD800 garbage \u007F\n\u0000FROM\u0000 x\n\\\n[';
    const parsed = parseDockerfile(text);
    assert.equal(parsed.kind, 'dockerfile');
    // No FROM: a fragment, and none of its lines is an instruction that sets anything.
    assert.deepEqual(parsed.specs.map((s) => [s.fragment, s.user, s.commands, s.env, s.ports, s.images]), [[true, undefined, [], [], [], []]]);
  });

  it('reads Dockerfile text without FROM as a fragment: what its instructions carry, nothing about a whole image', () => {
    const text = '# a README example\nRUN sudo apt-get install -y curl\nUSER root\nEXPOSE 22\nENV PASSWORD=hunter2\nVOLUME /data\nENTRYPOINT ["gosu", "app", "run"]\n';
    const spec = only(text);
    assert.deepEqual([spec.origin.name, span(text, spec.origin.nameRange), spec.incomplete, spec.fragment], ['Dockerfile fragment', '2:1-2:33', true, true]);
    assert.deepEqual(describeValue(text, spec.user), { value: 'root', raw: 'root', at: '3:6-3:10' });
    assert.deepEqual(spec.ports.map((p) => p.value.containerPort.value), ['22']);
    assert.deepEqual(spec.mounts.map((m) => m.value.target?.value), ['/data']);
    assert.deepEqual(spec.env.map((e) => e.value.name.value), ['PASSWORD']);
    assert.deepEqual(spec.commands.map((c) => c.kind), ['run', 'entrypoint']);
    assert.deepEqual([spec.image, spec.images, spec.implicitRootAt, spec.dropsPrivilegesAtRuntime], [undefined, [], undefined, 'entrypoint']);
    // Comments and parser directives alone are no fragment.
    assert.deepEqual(parseDockerfile('# syntax=docker/dockerfile:1\n# nothing here\n').specs, []);
  });
});

describe('parseDockerfile on arbitrary input', () => {
  const fragments = [
    'FROM ', 'from ', 'alpine:3.20', ' AS build', '${BASE}', 'USER ', 'root', '$UID', 'EXPOSE ', '80/udp', ' 22', 'VOLUME ', '["/a", "/b"]',
    'ENV ', 'A="x y"', ' B', 'ARG ', 'RUN ', '<<EOF', 'EOF', 'echo hi', ' && ', ' | ', '\\', '`', '\n', '\r\n', '\r', '# escape=`', '"', "'", '[', ']',
    'CMD ', 'ENTRYPOINT ', 'HEALTHCHECK ', 'CMD', ' --interval=5s', 'ADD ', 'https://x/y', ' /d', '\u0000', '\uD800', '\t', ' ',
  ];

  it('never throws, and every range it reports lies inside the text', async () => {
    const fc = await import('fast-check');
    const inside = (text: string, r: SourceRange) => 0 <= r.start && r.start <= r.end && r.end <= text.length;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const parsed = parseDockerfile(text);
        for (const p of parsed.problems) assert.ok(inside(text, p.range));
        for (const spec of parsed.specs) {
          assert.ok(inside(text, spec.origin.range) && inside(text, spec.origin.nameRange));
          if (spec.user) assert.ok(inside(text, spec.user.range));
          for (const c of spec.commands) for (const w of [c.text, ...c.words, ...(c.operators ?? [])]) assert.ok(inside(text, w.range));
          for (const e of spec.env) assert.ok(inside(text, e.range));
          for (const p of spec.ports) assert.ok(inside(text, p.range));
          for (const m of spec.mounts) assert.ok(inside(text, m.range));
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});

describe('dockerfile parser: COPY --from images', () => {
  it('takes a reference with a tag, digest or path for an image; stages, indexes, variables and bare names are not', () => {
    const text = [
      'FROM golang:1.23 AS build',
      'FROM alpine:3.20',
      'COPY --from=build /out /app',
      'COPY --from=0 /out /app',
      'COPY --from=${TOOLS} /t /t',
      'COPY --from=docs /site /site',
      'COPY --chown=1:1 --from=ghcr.io/org/tool:1.2 /tool /usr/bin/tool',
      'COPY --from=busybox@sha256:abc /bin/sh /bin/sh',
      '',
    ].join('\n');
    const spec = parseDockerfile(text).specs[0];
    assert.deepEqual(
      spec.images.filter((i) => i.value.copiedFrom).map((i) => [i.value.name, i.value.tag, i.value.digest, text.slice(i.range.start, i.range.end)]),
      [
        ['ghcr.io/org/tool', '1.2', undefined, 'ghcr.io/org/tool:1.2'],
        ['busybox', undefined, 'sha256:abc', 'busybox@sha256:abc'],
      ],
    );
    assert.equal(spec.image && 'value' in spec.image ? spec.image.value.name : undefined, 'alpine');
  });
});
