import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, type LintOptions } from '../../server/src/engine/lint';
import { createRootedReader } from '../../server/src/files/rootedReader';
import { LineIndex } from '../../server/src/model/lineIndex';

const temps: string[] = [];
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-project-')));
  temps.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/**
 * Lints each of `lintedFiles` of the tree in its project and lists `line:column rule text` per finding
 * (the text the finding points at), hardening findings one by one.
 */
function judge(files: Record<string, string>, lintedFiles: string[], options: LintOptions = {}): Record<string, string[]> {
  const dir = tree(files);
  const out: Record<string, string[]> = {};
  for (const rel of lintedFiles) {
    const file = path.join(dir, rel);
    const text = files[rel];
    const lines = new LineIndex(text);
    const { findings } = lint(text, 'compose', { groupHardening: false, ...options, files: createRootedReader({ file, roots: [dir] }) });
    out[rel] = findings.map((f) => {
      const p = lines.position(f.range.start);
      const where = f.writtenIn ? ` [${f.writtenIn.label ?? 'set'} in ${path.relative(dir, f.writtenIn.path)}:${f.writtenIn.start.line + 1}]` : '';
      return `${p.line + 1}:${p.character + 1} ${f.ruleId} ${text.slice(f.range.start, f.range.end)}${where}`;
    });
  }
  return out;
}

const DANGERS_ONLY: LintOptions = {
  rules: Object.fromEntries(['drop-all-capabilities', 'require-no-new-privileges', 'require-read-only-rootfs', 'require-resource-limits', 'limit-restart-retries'].map((id) => [id, 'off' as const])),
};

describe('Compose project: merge semantics across files', () => {
  it('appends sequences: each item is reported in the file that writes it, in both when both do', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    cap_add: [SYS_ADMIN]\n',
      'compose.override.yaml': 'services:\n  app:\n    cap_add: [NET_ADMIN, SYS_ADMIN]\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml'], DANGERS_ONLY), {
      'compose.yaml': ['4:15 no-dangerous-capabilities SYS_ADMIN'],
      'compose.override.yaml': ['3:15 no-dangerous-capabilities NET_ADMIN', '3:26 no-dangerous-capabilities SYS_ADMIN'],
    });
  });

  it('replaces scalars, so a later file can turn a danger off or on', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    user: root\n    privileged: true\n',
      'compose.override.yaml': 'services:\n  app:\n    user: "1000"\n    pid: host\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml'], DANGERS_ONLY), {
      'compose.yaml': ['5:5 no-privileged privileged: true'],
      'compose.override.yaml': ['4:5 no-host-namespace pid: host'],
    });
  });

  it('merges mappings by key: a later environment value replaces the earlier one', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    environment:\n      DB_PASSWORD: hunter2\n      API_TOKEN: abc123\n',
      'compose.override.yaml': 'services:\n  app:\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml'], DANGERS_ONLY), {
      'compose.yaml': ['6:18 no-secrets-in-env abc123'],
      'compose.override.yaml': [],
    });
  });

  it('merges ports and volumes by their key, and !override replaces the whole list', () => {
    const base = 'services:\n  app:\n    image: app:1.0\n    ports:\n      - "8080:80"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';
    const merged = judge({ 'compose.yaml': base, 'compose.override.yaml': 'services:\n  app:\n    ports:\n      - "127.0.0.1:9090:90"\n    volumes:\n      - ./data:/var/run/docker.sock\n' }, ['compose.yaml'], DANGERS_ONLY);
    assert.deepEqual(merged, { 'compose.yaml': ['5:9 bind-ports-to-interface "8080:80"'] });
    const overridden = judge({ 'compose.yaml': base, 'compose.override.yaml': 'services:\n  app:\n    ports: !override\n      - "127.0.0.1:8080:80"\n' }, ['compose.yaml', 'compose.override.yaml'], DANGERS_ONLY);
    assert.deepEqual(overridden, { 'compose.yaml': ['7:9 no-docker-socket-mount /var/run/docker.sock'], 'compose.override.yaml': [] });
  });

  it('!reset removes a setting: its hardening is missing again, its danger gone', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    user: root\n    cap_drop: [ALL]\n    read_only: true\n    security_opt: [no-new-privileges:true]\n    mem_limit: 1g\n    cpus: 1\n    pids_limit: 100\n',
      'compose.override.yaml': 'services:\n  app:\n    user: !reset null\n    cap_drop: !reset []\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml']), {
      'compose.yaml': ['2:3 drop-all-capabilities app'],
      'compose.override.yaml': [],
    });
  });

  it('reports missing hardening once, in the first file, and not when a later file supplies it', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    read_only: true\n',
      'compose.override.yaml': 'services:\n  app:\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n  extra:\n    image: extra:1.0\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml']), {
      'compose.yaml': ['2:3 require-resource-limits app'],
      'compose.override.yaml': ['5:3 require-resource-limits extra'],
    });
  });

  it('reports a misspelled key in the file that writes it, also when a later file defines the service too', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    cap-drop: [ALL]\n',
      'compose.override.yaml': 'services:\n  app:\n    readonly: true\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml'], DANGERS_ONLY), {
      'compose.yaml': ['4:5 no-misspelled-security-key cap-drop'],
      'compose.override.yaml': ['3:5 no-misspelled-security-key readonly'],
    });
  });

  it('follows extends across files inside a project file, naming where the inherited value is written', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    extends:\n      file: common.yml\n      service: web\n',
      'common.yml': 'services:\n  web:\n    image: web:1.0\n    privileged: true\n',
      'compose.override.yaml': 'services:\n  app:\n    network_mode: host\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'compose.override.yaml'], DANGERS_ONLY), {
      'compose.yaml': ['3:5 no-privileged extends [set in common.yml:4]'],
      'compose.override.yaml': ['3:5 no-host-namespace network_mode: host'],
    });
  });

  it('reads an included file with the .env of its own folder; the including file does not report its services', () => {
    const files = {
      'compose.yaml': 'include:\n  - sub/compose.yaml\nservices:\n  app:\n    image: app:${APP_TAG}\n',
      '.env': 'APP_TAG=1.0\n',
      'sub/compose.yaml': 'services:\n  worker:\n    image: worker:${TAG}\n',
      'sub/.env': '# the include\'s own\nTAG=latest\n',
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'sub/compose.yaml'], DANGERS_ONLY), {
      'compose.yaml': [],
      'sub/compose.yaml': ['3:5 pin-image-version image: worker:${TAG} [TAG=latest in sub/.env:2]'],
    });
  });

  it('reads each file COMPOSE_FILE names once, however often it is named', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    cap_add: [SYS_ADMIN]\n',
      'extra.yaml': 'services:\n  app:\n    cap_add: [NET_ADMIN]\n',
      '.env': `COMPOSE_PATH_SEPARATOR=:\nCOMPOSE_FILE=${'compose.yaml:extra.yaml:'.repeat(50)}\n`,
    };
    assert.deepEqual(judge(files, ['compose.yaml', 'extra.yaml'], DANGERS_ONLY), {
      'compose.yaml': ['4:15 no-dangerous-capabilities SYS_ADMIN'],
      'extra.yaml': ['3:15 no-dangerous-capabilities NET_ADMIN'],
    });
  });

  it('judges a file that is not among the project files on its own, with the project variables', () => {
    const files = {
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n',
      'docker-compose.dev.yml': 'services:\n  app:\n    image: app:${TAG}\n',
      '.env': 'TAG=latest\n',
    };
    assert.deepEqual(judge(files, ['docker-compose.dev.yml'], DANGERS_ONLY), {
      'docker-compose.dev.yml': ['3:5 pin-image-version image: app:${TAG} [TAG=latest in .env:1]'],
    });
  });
});
