import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/parse/dockerfile';
import { createDockerfileWriter } from '../../server/src/edit/dockerfileWriter';
import { applyEdits, type SpecWriter, type TextEdit } from '../../server/src/edit/writer';
import type { ContainerSpec } from '../../server/src/model/containerSpec';
import { isKnown } from '../../server/src/model/located';

function open(text: string): { spec: ContainerSpec; writer: SpecWriter } {
  const parsed = parseDockerfile(text);
  assert.deepEqual(parsed.problems, []);
  return { spec: parsed.specs[0], writer: createDockerfileWriter(parsed) };
}

function apply(text: string, edits: TextEdit[] | null): string | null {
  return edits ? applyEdits(text, edits) : null;
}

function setUser(text: string, user = '10001:10001'): string | null {
  const { spec, writer } = open(text);
  return apply(text, writer.setSettings(spec, { user }));
}

describe('Dockerfile writer: setSettings user', () => {
  it('creates a BusyBox user on Alpine, then switches to it', () => {
    assert.equal(
      setUser('FROM alpine:3.20\nRUN apk add --no-cache curl\n'),
      'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\n',
    );
  });

  it('creates a shadow-utils user on Debian', () => {
    assert.equal(
      setUser('FROM debian:12-slim\nCOPY app /app\n'),
      'FROM debian:12-slim\nCOPY app /app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\n',
    );
  });

  it('only adds a numeric USER on distroless (no shell), above a trailing ENTRYPOINT', () => {
    assert.equal(
      setUser('FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n'),
      'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n',
    );
  });

  it('only adds a numeric USER on scratch, also without a final line break', () => {
    assert.equal(setUser('FROM scratch\nCOPY app /app'), 'FROM scratch\nCOPY app /app\nUSER 10001:10001');
  });

  it('changes only the final stage of a multi-stage build, using the final base image family', () => {
    assert.equal(
      setUser('FROM golang:1.23-alpine AS build\nRUN go build -o /app\nFROM debian:12\nCOPY --from=build /app /app\nCMD ["/app"]\n'),
      'FROM golang:1.23-alpine AS build\nRUN go build -o /app\nFROM debian:12\nCOPY --from=build /app /app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["/app"]\n',
    );
  });

  it('inserts in the final stage when the root USER is inherited from an earlier stage', () => {
    assert.equal(
      setUser('FROM node:20 AS base\nUSER root\nFROM base\nCMD ["node"]\n'),
      'FROM node:20 AS base\nUSER root\nFROM base\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["node"]\n',
    );
  });

  it('goes above the whole trailing CMD/ENTRYPOINT/HEALTHCHECK block and the comment that introduces it', () => {
    assert.equal(
      setUser('FROM gcr.io/distroless/nodejs20-debian12\nCOPY . /app\n\n# Start the server\nHEALTHCHECK CMD ["/nodejs/bin/node", "/app/health.js"]\nENTRYPOINT ["/nodejs/bin/node"]\nCMD ["/app/server.js"]\n'),
      'FROM gcr.io/distroless/nodejs20-debian12\nCOPY . /app\n\nUSER 10001:10001\n# Start the server\nHEALTHCHECK CMD ["/nodejs/bin/node", "/app/health.js"]\nENTRYPOINT ["/nodejs/bin/node"]\nCMD ["/app/server.js"]\n',
    );
  });

  it('keeps CRLF line endings', () => {
    assert.equal(
      setUser('FROM alpine:3.20\r\nCOPY app /app\r\nCMD ["/app"]\r\n'),
      'FROM alpine:3.20\r\nCOPY app /app\r\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\r\nUSER 10001:10001\r\nCMD ["/app"]\r\n',
    );
  });

  it('keeps lowercase instructions lowercase', () => {
    assert.equal(
      setUser('from alpine:3.20\ncopy app /app\n'),
      'from alpine:3.20\ncopy app /app\nrun addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nuser 10001:10001\n',
    );
  });

  it('replaces the argument of USER root / USER 0 in the final stage', () => {
    assert.equal(setUser('FROM alpine:3.20\nUSER root\n'), 'FROM alpine:3.20\nUSER 10001:10001\n');
    assert.equal(setUser('FROM debian:12\nUSER 0\nCMD ["server"]\n'), 'FROM debian:12\nUSER 10001:10001\nCMD ["server"]\n');
  });

  it('does not create a user the Dockerfile already creates, nor one it cannot know', () => {
    assert.equal(setUser('FROM debian:12\nRUN useradd --uid 10001 app\nCOPY app /app\n'), 'FROM debian:12\nRUN useradd --uid 10001 app\nCOPY app /app\nUSER 10001:10001\n');
    assert.equal(setUser('FROM debian:12\nCOPY app /app\n', 'nobody'), 'FROM debian:12\nCOPY app /app\nUSER nobody\n');
    assert.equal(setUser('ARG BASE=debian:12\nFROM ${BASE}\nCOPY app /app\n'), 'ARG BASE=debian:12\nFROM ${BASE}\nCOPY app /app\nUSER 10001:10001\n');
  });

  it('uses the uid as gid when only a uid is given', () => {
    assert.equal(
      setUser('FROM alpine:3.20\n', '10001'),
      'FROM alpine:3.20\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001\n',
    );
  });

  it('refuses edits it cannot make safely', () => {
    const { spec, writer } = open('FROM alpine:3.20\nUSER ${APP_USER}\n');
    assert.equal(writer.setSettings(spec, { user: '10001:10001' }), null, 'USER ${VAR} is unknown');
    assert.equal(setUser('FROM alpine:3.20\nRUN echo \\\n'), null, 'a dangling continuation would swallow the new line');
    assert.equal(setUser('FROM alpine:3.20\n', '10001 && rm -rf /'), null);
    const plain = open('FROM alpine:3.20\n');
    assert.equal(plain.writer.setSettings(plain.spec, { memory: '512m' }), null);
    assert.equal(plain.writer.setSettings(plain.spec, { user: '10001', readOnly: 'true' }), null);
    assert.equal(plain.writer.addToList(plain.spec, 'capDrop', ['ALL']), null);
  });
});

describe('Dockerfile writer: replace', () => {
  it('replaces a USER argument in place', () => {
    const text = 'FROM alpine:3.20\nUSER root\nCMD ["x"]\n';
    const { spec, writer } = open(text);
    assert.ok(isKnown(spec.user));
    assert.equal(apply(text, writer.replace(spec.user, '10001:10001')), 'FROM alpine:3.20\nUSER 10001:10001\nCMD ["x"]\n');
  });

  it('does not rewrite a USER inherited from a build stage (it also runs that stage)', () => {
    const { spec, writer } = open('FROM node:20 AS base\nUSER root\nFROM base\n');
    assert.ok(isKnown(spec.user));
    assert.equal(writer.replace(spec.user, '10001'), null);
  });

  it('replaces an ENV value with its quotes, and a JSON VOLUME element keeping JSON quoting', () => {
    const text = 'FROM alpine\nENV MODE="debug"\nVOLUME ["/data"]\n';
    const { spec, writer } = open(text);
    const mode = spec.env[0].value.value;
    assert.ok(isKnown(mode));
    assert.equal(apply(text, writer.replace(mode, 'production')), 'FROM alpine\nENV MODE=production\nVOLUME ["/data"]\n');
    assert.equal(apply(text, writer.replace(spec.mounts[0], '/srv/my "data"')), 'FROM alpine\nENV MODE="debug"\nVOLUME ["/srv/my \\"data\\""]\n');
    assert.equal(writer.replace(mode, 'two words'), null, 'outside JSON a space would change the parse');
  });
});

describe('Dockerfile writer: remove', () => {
  it('removes the EXPOSE line when the port is its only one', () => {
    const text = 'FROM alpine\nEXPOSE 22\nCMD ["x"]\n';
    const { spec, writer } = open(text);
    assert.equal(apply(text, writer.remove(spec.ports[0])), 'FROM alpine\nCMD ["x"]\n');
  });

  it('removes the last line without leaving a line break behind', () => {
    const text = 'FROM alpine\nEXPOSE 22';
    const { spec, writer } = open(text);
    assert.equal(apply(text, writer.remove(spec.ports[0])), 'FROM alpine');
  });

  it('removes one port of several with one separating space', () => {
    const text = 'FROM alpine\nEXPOSE 80 22 443\n';
    const { spec, writer } = open(text);
    assert.deepEqual(
      spec.ports.map((p) => apply(text, writer.remove(p))),
      ['FROM alpine\nEXPOSE 22 443\n', 'FROM alpine\nEXPOSE 80 443\n', 'FROM alpine\nEXPOSE 80 22\n'],
    );
  });

  it('refuses to remove a port across a continuation line', () => {
    const { spec, writer } = open('FROM alpine\nEXPOSE 80 \\\n  22\n');
    assert.equal(writer.remove(spec.ports[1]), null);
  });

  it('removes a JSON VOLUME element with its comma', () => {
    const text = 'FROM alpine\nVOLUME ["/a", "/b"]\n';
    const { spec, writer } = open(text);
    assert.deepEqual(
      spec.mounts.map((m) => apply(text, writer.remove(m))),
      ['FROM alpine\nVOLUME ["/b"]\n', 'FROM alpine\nVOLUME ["/a"]\n'],
    );
  });

  it('removes an ENV variable, and the line with its only variable', () => {
    const text = 'FROM alpine\nENV A=1 B=2\nENV TOKEN=secret\n';
    const { spec, writer } = open(text);
    assert.deepEqual(
      spec.env.map((e) => apply(text, writer.remove(e))),
      ['FROM alpine\nENV B=2\nENV TOKEN=secret\n', 'FROM alpine\nENV A=1\nENV TOKEN=secret\n', 'FROM alpine\nENV A=1 B=2\n'],
    );
  });

  it('removes a USER line, but never a FROM or a value that is part of a larger setting', () => {
    const text = 'FROM alpine\nENV A=1\nUSER root\n';
    const { spec, writer } = open(text);
    assert.ok(isKnown(spec.user));
    assert.equal(apply(text, writer.remove(spec.user)), 'FROM alpine\nENV A=1\n');
    assert.equal(writer.remove(spec.images[0]), null);
    const value = spec.env[0].value.value;
    assert.ok(isKnown(value));
    assert.equal(writer.remove(value), null);
  });
});

describe('Dockerfile writer on arbitrary input', () => {
  it('never throws, and a USER it adds is read back as the final user', async () => {
    const fc = await import('fast-check');
    const fragments = ['FROM ', 'alpine:3.20', 'scratch', ' AS b', 'USER ', 'root', 'RUN ', 'echo', ' \\', '\n', '\r\n', 'CMD ["x"]', '# c', 'EXPOSE 22', ' 80', '  '];
    fc.assert(
      fc.property(fc.constantFrom('FROM alpine:3.20\n', 'FROM scratch\r\n', 'from debian AS b\n'), fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (head, parts) => {
        const text = head + parts.join('');
        const parsed = parseDockerfile(text);
        const spec = parsed.specs[0];
        if (!spec) return;
        const writer = createDockerfileWriter(parsed);
        const output = apply(text, writer.setSettings(spec, { user: '10001:10001' }));
        for (const port of spec.ports) apply(text, writer.remove(port));
        if (output === null) return;
        const user = parseDockerfile(output).specs[0]?.user;
        assert.ok(isKnown(user) && user.value === '10001:10001', `after the edit:\n${output}`);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
