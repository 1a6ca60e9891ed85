import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseShell } from '../../server/src/parse/shell';
import type { ContainerSpec } from '../../server/src/model/containerSpec';
import type { SourceRange } from '../../server/src/model/located';

/** The text a range covers, so expectations read as source snippets. */
function at(text: string, r: SourceRange | undefined): string | undefined {
  return r === undefined ? undefined : text.slice(r.start, r.end);
}

function only(text: string): ContainerSpec {
  const parsed = parseShell(text);
  assert.equal(parsed.specs.length, 1, `expected one docker run in ${JSON.stringify(text)}`);
  assert.deepEqual(parsed.problems, []);
  return parsed.specs[0];
}

describe('parseShell: finding docker run commands', () => {
  it('recognises docker/podman/nerdctl run and create, with sudo, env assignments and global flags', () => {
    const text = [
      'sudo -E -u ops docker run -d a:1',
      'FOO=bar docker --context remote container run b:2',
      'docker -H tcp://h:2375 create c:3',
      'podman run d:4 && nerdctl container create e:5; /usr/bin/docker run f:6 | cat',
    ].join('\n');
    const parsed = parseShell(text);
    assert.deepEqual(
      parsed.specs.map((s) => [s.origin.name, at(text, s.origin.nameRange), at(text, s.origin.range)]),
      [
        ['a:1', 'docker run', 'docker run -d a:1'],
        ['b:2', 'docker --context remote container run', 'docker --context remote container run b:2'],
        ['c:3', 'docker -H tcp://h:2375 create', 'docker -H tcp://h:2375 create c:3'],
        ['d:4', 'podman run', 'podman run d:4'],
        ['e:5', 'nerdctl container create', 'nerdctl container create e:5'],
        ['f:6', '/usr/bin/docker run', '/usr/bin/docker run f:6'],
      ],
    );
  });

  it('ignores docker run inside strings, comments, heredoc bodies and assignments', () => {
    const text = 'echo "docker run --privileged x"\n# docker run --privileged y\ncat <<EOF\ndocker run --privileged z\nEOF\nCMD="docker run --privileged w"\n';
    assert.deepEqual(parseShell(text).specs, []);
  });

  it('does not throw on a command cut off mid-quote or at the end of the file', () => {
    // The quote runs to the end: one `-e` value and no image, a command cut short.
    const cut = only('docker run -e "A=b nginx');
    assert.deepEqual([cut.image, cut.incomplete, cut.env.map((e) => e.value.name.value)], [undefined, true, ['A']]);
    assert.deepEqual(only('docker run -u').user, undefined);
    const spec = only('docker run --privileged nginx "unterminated');
    assert.equal(spec.commands[0].words[0].value, 'unterminated');
  });
});

describe('parseShell: docker exec', () => {
  it('reads only the privileges and the user an exec gives its command; nothing about the container', () => {
    const text = 'docker exec -d -e PASSWORD=hunter2 -w /app --privileged -u root web sh -c "id"';
    const spec = only(text);
    assert.deepEqual([spec.exec, spec.incomplete, spec.origin.name, at(text, spec.origin.nameRange)], [true, true, 'web', 'docker exec']);
    assert.deepEqual([at(text, spec.privileged?.range), at(text, spec.user?.range)], ['--privileged', 'root']);
    assert.deepEqual([spec.image, spec.images, spec.env, spec.commands, spec.mounts, spec.dropsPrivilegesAtRuntime], [undefined, [], [], [], [], undefined]);
  });

  it('recognises docker/podman/nerdctl exec, docker container exec and the Compose front ends', () => {
    const text = [
      'docker container exec web id',
      'sudo podman exec web id',
      'nerdctl exec web id',
      'docker compose --project-name p -f a.yml exec --no-TTY web id',
      'docker-compose exec -T web id',
      'podman-compose exec web id',
      'docker compose run web id',
      'docker-compose up -d',
      'docker service exec web',
    ].join('\n');
    assert.deepEqual(parseShell(text).specs.map((s) => [s.exec, s.origin.name]), [[true, 'web'], [true, 'web'], [true, 'web'], [true, 'web'], [true, 'web'], [true, 'web']]);
  });
});

describe('parseShell: images that give root up themselves', () => {
  it('judges the image as a Dockerfile built FROM it would be: with its own entrypoint, for its server command', () => {
    const cases: [string, 'entrypoint' | 'workers' | undefined][] = [
      ['docker run -u root postgres:16', 'entrypoint'],
      ['docker run -u root mysql:8.4 mysqld --skip-name-resolve', 'entrypoint'],
      ['docker run -u root postgres:16 bash', undefined],
      ['docker run -u root --entrypoint sh postgres:16', undefined],
      ['docker run -u 0 httpd:2.4', 'workers'],
      ['docker run -u 0 nginx:1.27 nginx-debug -g "daemon off;"', 'workers'],
      ['docker run -u 0 myorg/postgres:16', undefined],
      ['docker run -u 0 <image>', undefined],
    ];
    assert.deepEqual(cases.map(([text]) => [text, only(text).dropsPrivilegesAtRuntime]), cases);
  });
});

describe('parseShell: documentation placeholders and a missing image', () => {
  /** The image as `[raw, reason]` when unknown, its name when known, undefined when missing. */
  function imageOf(spec: ContainerSpec): unknown {
    if (spec.image === undefined) return undefined;
    return 'value' in spec.image ? spec.image.value.name : [spec.image.raw, spec.image.reason];
  }

  it('a placeholder image is unknown, the command a documentation example, and no image is pulled', () => {
    const cases: [string, unknown][] = [
      ['docker run IMAGE', ['IMAGE', 'a documentation placeholder']],
      ['docker run -d <image>', ['<image>', 'a documentation placeholder']],
      ['docker run -d myimage:<tag>', ['myimage:<tag>', 'a documentation placeholder']],
      ['docker run -d app:[version]', ['app:[version]', 'a documentation placeholder']],
      ['docker run -d %%IMAGE%%', ['%%IMAGE%%', 'a documentation placeholder']],
      ['docker run -d {{image}}', ['{{image}}', 'a documentation placeholder']],
      ['docker run -d IMAGE_NAME', ['IMAGE_NAME', 'a documentation placeholder']],
      ['docker run -d $IMAGE', ['$IMAGE', 'set from a shell variable']],
      ['docker run --rm', undefined],
      ['docker run ...', undefined],
    ];
    for (const [text, expected] of cases) {
      const spec = only(text);
      assert.deepEqual(imageOf(spec), expected, text);
      assert.deepEqual(spec.images, [], text);
    }
    // An example or a command cut short is judged as documentation; a shell variable is a real script's image.
    assert.deepEqual([only('docker run -d <image>').incomplete, only('docker run -d <image>').fragment], [true, true]);
    assert.deepEqual([only('docker run -d').incomplete, only('docker run -d').fragment], [true, true]);
    assert.deepEqual([only('docker run -d $IMAGE').incomplete, only('docker run -d $IMAGE').fragment], [false, undefined]);
    assert.deepEqual(parseShell('docker ps').specs, []);
  });

  it('flags before and after a placeholder are read: options left out (`...`, `[OPTIONS]`) are skipped', () => {
    const text = 'docker run [OPTIONS] --privileged ... -v /:/host --net=host <image> [COMMAND] [ARG...]';
    const spec = only(text);
    assert.deepEqual(spec.privileged && 'value' in spec.privileged ? at(text, spec.privileged.range) : spec.privileged, '--privileged');
    assert.deepEqual(spec.mounts.map((m) => [m.value.source?.value, m.value.target?.value]), [['/', '/host']]);
    assert.deepEqual(spec.namespaces.network && 'value' in spec.namespaces.network ? spec.namespaces.network.value : undefined, 'host');
    assert.deepEqual(imageOf(spec), ['<image>', 'a documentation placeholder']);
    assert.deepEqual(spec.commands.map((c) => c.words.map((w) => w.value)), [['[COMMAND]', '[ARG...]']]);
    assert.equal(spec.incomplete, true);
    // Without a placeholder image, options left out still make the facts partial.
    assert.equal(only('docker run -d ... nginx:1.27').incomplete, true);
    for (const text of ['docker run <options> --pid=host nginx:1.27', 'docker run [OPTIONS...] --pid=host nginx:1.27', 'docker run … --pid=host nginx:1.27']) {
      const s = only(text);
      assert.deepEqual([s.namespaces.pid && 'value' in s.namespaces.pid ? s.namespaces.pid.value : undefined, imageOf(s), s.incomplete], ['host', 'nginx', true], text);
    }
  });

  it('a placeholder inside a value makes that value unknown, and only it', () => {
    const text = 'docker run -v <path>:/data -v /etc/<app>:/etc/app -e PASSWORD=<password> -e MODE=prod -u <uid> -p <port>:80 --device <device> --cap-add <CAP> --cap-add NET_ADMIN nginx:1.27';
    const spec = only(text);
    // A mount keeps its pieces as written (as Compose keeps `${VAR}`): a placeholder is no real path or volume.
    assert.deepEqual(spec.mounts.map((m) => [m.value.type, m.value.source?.value, m.value.target?.value]), [['volume', '<path>', '/data'], ['bind', '/etc/<app>', '/etc/app']]);
    assert.deepEqual(
      spec.env.map((e) => [e.value.name.value, e.value.value && 'value' in e.value.value ? e.value.value.value : e.value.value?.reason]),
      [['PASSWORD', 'a documentation placeholder'], ['MODE', 'prod']],
    );
    assert.deepEqual([at(text, spec.user?.range), spec.user && 'reason' in spec.user ? spec.user.reason : spec.user], ['<uid>', 'a documentation placeholder']);
    assert.deepEqual([spec.ports, spec.devices, spec.capAdd.map((c) => c.value)], [[], [], ['NET_ADMIN']]);
    assert.deepEqual([...spec.unknownFields].sort(), ['cap_add', 'ports']);
    assert.deepEqual(imageOf(spec), 'nginx');
  });
});

describe('parseShell: flags', () => {
  it('reads combined short flags, attached values and = forms', () => {
    const text = 'docker run -itd -uroot -p80:80 --cap-add=SYS_ADMIN,NET_ADMIN --cap-drop ALL --privileged --read-only=false nginx:1.27';
    const spec = only(text);
    assert.deepEqual(spec.user && 'value' in spec.user ? [spec.user.value, at(text, spec.user.range)] : spec.user, ['root', 'root']);
    assert.equal(spec.user!.range.start, 18);
    assert.deepEqual(spec.ports.map((p) => [at(text, p.range), p.value.hostPort?.value, p.value.containerPort.value, p.value.mode]), [['80:80', '80', '80', 'published']]);
    assert.deepEqual(spec.capAdd.map((c) => [c.value, c.range]), [['SYS_ADMIN', { start: 41, end: 50 }], ['NET_ADMIN', { start: 51, end: 60 }]]);
    assert.equal(at(text, spec.capAddField!.range), '--cap-add=SYS_ADMIN,NET_ADMIN');
    assert.deepEqual(spec.capDrop.map((c) => [c.value, at(text, c.range)]), [['ALL', 'ALL']]);
    assert.equal(at(text, spec.capDropField!.range), '--cap-drop ALL');
    assert.deepEqual(spec.privileged && 'value' in spec.privileged ? [spec.privileged.value, spec.privileged.range] : spec.privileged, [true, { start: 76, end: 88 }]);
    assert.deepEqual(spec.readOnly && 'value' in spec.readOnly ? [spec.readOnly.value, at(text, spec.readOnly.range)] : spec.readOnly, [false, '--read-only=false']);
    assert.deepEqual(spec.image && 'value' in spec.image ? [spec.image.value, at(text, spec.image.range)] : spec.image, [{ name: 'nginx', tag: '1.27' }, 'nginx:1.27']);
    assert.equal(spec.commands.length, 0);
  });

  it('takes the value range inside quotes and the whole word for --flag=value', () => {
    const text = 'docker run --user="1000:1000" -e A=b -e "C=$X" -e D --pid host --network=$NET nginx';
    const spec = only(text);
    assert.deepEqual([spec.user && 'value' in spec.user && spec.user.value, at(text, spec.user!.range)], ['1000:1000', '"1000:1000"']);
    assert.deepEqual(
      spec.env.map((e) => [e.value.name.value, at(text, e.value.name.range), e.value.value === undefined ? undefined : 'unknown' in e.value.value ? 'unknown' : e.value.value.value]),
      [['A', 'A', 'b'], ['C', 'C', 'unknown'], ['D', 'D', undefined]],
    );
    assert.equal(at(text, spec.namespaces.pid!.range), 'host');
    assert.deepEqual(spec.namespaces.network, { unknown: true, range: { start: 73, end: 77 }, raw: '$NET', reason: 'set from a shell variable' });
  });

  it('reads mounts: -v short syntax, --mount, --volumes-from, --tmpfs', () => {
    const text = 'docker run -v /:/host:ro,z -v data:/data -v /var/run/docker.sock:/var/run/docker.sock --mount type=bind,source=/etc/,target=/x,readonly --volumes-from other:ro --tmpfs /run:size=64m nginx';
    const spec = only(text);
    assert.deepEqual(
      spec.mounts.map((m) => [m.value.type, m.value.source?.value, at(text, m.value.source?.range), m.value.target?.value, m.value.readOnly, at(text, m.value.readOnlyAt), m.value.syntax]),
      [
        ['bind', '/', '/', '/host', true, 'ro', 'short'],
        ['volume', 'data', 'data', '/data', false, undefined, 'short'],
        ['bind', '/var/run/docker.sock', '/var/run/docker.sock', '/var/run/docker.sock', false, undefined, 'short'],
        ['bind', '/etc', '/etc/', '/x', true, 'readonly', 'long'],
        ['volumes-from', 'other', 'other', undefined, true, 'ro', 'volumes-from'],
        ['tmpfs', undefined, undefined, '/run', false, undefined, 'short'],
      ],
    );
  });

  it('reads ports: host ip, IPv6, random host port, -P and --expose', () => {
    const text = 'docker run -p 127.0.0.1:8080:80 -p [::1]:53:53/udp -p 9000 -p 0.0.0.0::22 -P --expose 3000/tcp -p $PORT:80 nginx';
    const spec = only(text);
    assert.deepEqual(
      spec.ports.map((p) => [at(text, p.range), p.value.hostIp?.value, p.value.hostPort?.value, p.value.containerPort.value, p.value.protocol, p.value.mode]),
      [
        ['127.0.0.1:8080:80', '127.0.0.1', '8080', '80', 'tcp', 'published'],
        ['[::1]:53:53/udp', '::1', '53', '53', 'udp', 'published'],
        ['9000', undefined, undefined, '9000', 'tcp', 'published'],
        ['0.0.0.0::22', '0.0.0.0', undefined, '22', 'tcp', 'published'],
        ['-P', undefined, undefined, '', 'tcp', 'publish-all'],
        ['3000/tcp', undefined, undefined, '3000', 'tcp', 'exposed'],
      ],
    );
    assert.deepEqual([...spec.unknownFields], ['ports']);
  });

  it('reads devices, limits, security options, links, content trust and the command after the image', () => {
    const text = 'docker run --device /dev/fuse --device=/dev/sda:/dev/xvdc:rwm -m 512m --cpus 1.5 --pids-limit=100 --restart always --security-opt no-new-privileges --security-opt=seccomp=unconfined --link db:db --disable-content-trust alpine@sha256:abc sh -c "id -u" --privileged';
    const spec = only(text);
    assert.deepEqual(spec.devices.map((d) => [d.value.host.value, d.value.container?.value, d.value.permissions?.value]), [['/dev/fuse', undefined, undefined], ['/dev/sda', '/dev/xvdc', 'rwm']]);
    const known = (v: unknown) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v);
    assert.deepEqual([known(spec.limits.memory), known(spec.limits.cpus), known(spec.limits.pids), known(spec.limits.restart)], ['512m', '1.5', '100', 'always']);
    assert.deepEqual(spec.securityOpt.map((o) => o.value), ['no-new-privileges', 'seccomp=unconfined']);
    assert.equal(at(text, spec.securityOptField!.range), '--security-opt no-new-privileges');
    assert.deepEqual(spec.links.map((l) => l.value), ['db:db']);
    assert.equal(at(text, spec.linksField!.range), '--link db:db');
    assert.deepEqual([spec.contentTrustDisabled?.value, at(text, spec.contentTrustDisabled?.range)], [true, '--disable-content-trust']);
    assert.deepEqual(spec.image && 'value' in spec.image ? spec.image.value : spec.image, { name: 'alpine', digest: 'sha256:abc' });
    // Flags after the image belong to the container's command, not to docker.
    assert.equal(spec.privileged, undefined);
    assert.deepEqual(spec.commands.map((c) => [c.kind, c.form, c.words.map((w) => w.value), c.text.value]), [['command', 'exec', ['sh', '-c', 'id -u', '--privileged'], 'sh -c "id -u" --privileged']]);
  });

  it('treats an image from a variable as unknown and an options variable as incomplete', () => {
    const a = only('docker run -itd "$IMAGE"');
    assert.deepEqual(a.image, { unknown: true, range: { start: 16, end: 24 }, raw: '"$IMAGE"', reason: 'set from a shell variable' });
    assert.equal(a.incomplete, false);
    const b = only('docker run $DOCKER_OPTS nginx');
    assert.equal(b.incomplete, true);
    assert.equal(b.origin.name, 'nginx');
  });

  it('a foreground --rm container is a one-shot tool (incomplete); -d --rm and --rm=false are not', () => {
    const tool = only('docker run --rm -v "$PWD:/src" hadolint/hadolint:v2.12.0');
    assert.equal(tool.autoRemove?.value, true);
    assert.equal(tool.incomplete, true);
    assert.equal(only('docker run -it --rm alpine:3.20').incomplete, true);
    assert.equal(only('docker run -d --rm redis:7.4').incomplete, false);
    assert.equal(only('docker run --rm -itd redis:7.4').incomplete, false);
    assert.equal(only('docker run --rm --detach=false alpine:3.20').incomplete, true);
    const kept = only('docker run --rm=false alpine:3.20');
    assert.equal(kept.autoRemove?.value, false);
    assert.equal(kept.incomplete, false);
  });

  it('reads a linuxserver-style command split over lines with `#optional` marks and CRLF', () => {
    const text = 'docker run -d \\\r\n  --name=plex \\\r\n  -p 32400:32400 `#optional` \\\r\n  -v /path/to/library:/config \\\r\n  --restart unless-stopped \\\r\n  lscr.io/linuxserver/plex:latest\r\n';
    const spec = only(text);
    assert.equal(spec.origin.name, 'plex', 'named by --name, as its author calls it');
    assert.equal(at(text, spec.origin.range), text.slice(0, -2));
    assert.deepEqual(spec.ports.map((p) => at(text, p.range)), ['32400:32400']);
    assert.deepEqual(spec.mounts.map((m) => at(text, m.range)), ['/path/to/library:/config']);
    assert.deepEqual(spec.commands, []);
    const info = spec.origin.node as { split: boolean; indent: string; eol: string };
    assert.deepEqual([info.split, info.indent, info.eol], [true, '  ', '\r\n']);
  });

  it('records a one-line command style', () => {
    const info = only('docker run -d nginx\n').origin.node as { split: boolean; eol: string; uses: unknown[] };
    assert.deepEqual([info.split, info.eol, info.uses.length], [false, '\n', 1]);
  });
});

describe('parseShell: propagation, logging, oom-kill-disable', () => {
  it('reads the propagation of -v and --mount, and --log-driver and --oom-kill-disable', () => {
    const text = 'docker run -v /a:/a:rshared --mount type=bind,src=/b,dst=/b,bind-propagation=Shared --log-driver=none --oom-kill-disable x:1';
    const spec = only(text);
    assert.deepEqual(spec.mounts.map((m) => [m.value.propagation?.value, at(text, m.value.propagation?.range)]), [['rshared', 'rshared'], ['shared', 'bind-propagation=Shared']]);
    assert.equal(spec.logDriver && 'value' in spec.logDriver ? spec.logDriver.value : undefined, 'none');
    assert.equal(spec.oomKillDisable && 'value' in spec.oomKillDisable ? spec.oomKillDisable.value : undefined, true);
    assert.equal(at(text, spec.oomKillDisable?.range), '--oom-kill-disable');
  });
});
