import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSegments } from '../../../server/src/parse';
import { applyEdits } from '../../../server/src/edit/writer';

describe('host segments', () => {
  it('a Markdown file yields one segment per code block, each in its own kind', () => {
    const md = '```sh\ndocker run a:1\n```\n\n```yaml\nservices:\n  a:\n    image: a:1\n```\n\n```dockerfile\nFROM a:1\n```\n\n```python\nprint(1)\n```\n';
    assert.deepEqual(parseSegments(md, 'markdown').map((s) => s.kind), ['run', 'compose', 'dockerfile']);
  });

  it('segment text has the length of its host slice, so offsets map with + base', () => {
    const md = 'x\n\n```console\n$ docker run \\\n>   --rm a:1\nsome output\n```\n';
    const [seg] = parseSegments(md, 'markdown');
    const start = seg.toHost(0);
    assert.equal(seg.parsed.text, '  docker run \\\n    --rm a:1\n           \n');
    assert.equal(md.slice(start, start + seg.parsed.text.length), '$ docker run \\\n>   --rm a:1\nsome output\n');
  });

  it('a YAML plain scalar refuses inserted text that would end the scalar or start a comment', () => {
    const [seg] = parseSegments('steps:\n  - run: docker run a:1\n', 'ci');
    assert.equal(seg.mapInsertedText!(' --label x: y', 10), null);
    assert.equal(seg.mapInsertedText!(' --rm', 10), ' --rm');
    assert.equal(seg.mapInsertedText!('--rm \\\n', 0), null);
  });

  it('broken devcontainer.json gives parse problems, never a throw', () => {
    const [seg] = parseSegments('{ "runArgs": ["--privileged", }\n', 'devcontainer');
    assert.ok(seg.parsed.problems.length > 0);
    assert.match(seg.parsed.problems[0].message, /^devcontainer\.json: /);
  });

  it('garbage in every host kind parses without throwing', () => {
    const junk = ['```', '\t@', '```console\n$ \\', 'run: |\n', '{"runArgs": 5}', '~~~\n    docker run\n', 'a:\n\t"unterminated \\\n'];
    for (const kind of ['markdown', 'makefile', 'ci', 'devcontainer'] as const) {
      for (const text of junk) assert.doesNotThrow(() => parseSegments(text, kind), `${kind}: ${JSON.stringify(text)}`);
    }
  });
});

describe('devcontainer.json writer', () => {
  const text = '{\n  "image": "node:20",\n  "runArgs": [\n    "--init"\n  ]\n}\n';
  const edit = (t: string, f: (seg: ReturnType<typeof parseSegments>[number]) => import('../../../server/src/edit/writer').TextEdit[] | null) => {
    const [seg] = parseSegments(t, 'devcontainer');
    const edits = f(seg);
    return edits && applyEdits(t, edits);
  };

  it('adds flags as new runArgs items in the array layout', () => {
    assert.equal(
      edit(text, (seg) => seg.writer.addToList(seg.parsed.specs[0], 'capDrop', ['ALL'])),
      '{\n  "image": "node:20",\n  "runArgs": [\n    "--init",\n    "--cap-drop=ALL"\n  ]\n}\n',
    );
    assert.equal(
      edit(text, (seg) => seg.writer.setSettings(seg.parsed.specs[0], { memory: '512m', pids: '200' })),
      '{\n  "image": "node:20",\n  "runArgs": [\n    "--init",\n    "--memory=512m",\n    "--pids-limit=200"\n  ]\n}\n',
    );
  });

  it('creates runArgs and capAdd when absent, and never writes a user', () => {
    const bare = '{\n  "image": "node:20"\n}\n';
    assert.equal(edit(bare, (seg) => seg.writer.addToList(seg.parsed.specs[0], 'capDrop', ['ALL'])), '{\n  "image": "node:20",\n  "runArgs": [\n    "--cap-drop=ALL"\n  ]\n}\n');
    assert.equal(edit(bare, (seg) => seg.writer.addToList(seg.parsed.specs[0], 'capAdd', ['NET_BIND_SERVICE'])), '{\n  "image": "node:20",\n  "capAdd": [\n    "NET_BIND_SERVICE"\n  ]\n}\n');
    assert.equal(edit(bare, (seg) => seg.writer.setSettings(seg.parsed.specs[0], { user: '10001' })), null);
  });

  it('binds a runArgs port to an address inside the string', () => {
    const ports = '{ "runArgs": ["-p", "8080:80"] }\n';
    assert.equal(edit(ports, (seg) => seg.writer.bindPortToHostIp(seg.parsed.specs[0].ports[0], '127.0.0.1')), '{ "runArgs": ["-p", "127.0.0.1:8080:80"] }\n');
  });
});
