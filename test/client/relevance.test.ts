import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCapdropDocument, looksLikeKubernetesManifest } from '../../client/src/relevance';
import { looksLikeKubernetes } from '../../server/src/parse/kubernetes/workloads';
import { detectKind } from '../../server/src/parse';

const CORPUS = path.join(__dirname, '..', '..', '..', 'shared', 'corpus');

describe('the client tells which documents start the server', () => {
  it('sniffs Kubernetes manifests as the server does, on the corpora and on edge cases', () => {
    const texts = [
      'apiVersion: v1\nkind: Pod\n',
      'apiVersion: v1\nkind: "Deployment" # a comment\n',
      'kind: Pod\n',
      'apiVersion: v1\nkind: ConfigMap\n',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n',
      'apiVersion: v1\r\nkind: Job\r\n',
      'services:\n  web:\n    image: nginx\n',
    ];
    for (const dir of ['kubernetes/real', 'compose/real']) {
      for (const file of fs.readdirSync(path.join(CORPUS, dir), { recursive: true }) as string[]) {
        if (/\.ya?ml$/.test(file)) texts.push(fs.readFileSync(path.join(CORPUS, dir, file), 'utf8'));
      }
    }
    assert.ok(texts.length > 200, 'the corpora are there');
    const differ = texts.filter((t) => looksLikeKubernetesManifest(t) !== looksLikeKubernetes(t)).map((t) => t.slice(0, 80));
    assert.deepEqual(differ, []);
  });

  it('starts for the documents the server reads, and not for other YAML or JSON', () => {
    const cases: [string, string, string, boolean][] = [
      ['dockerfile', '/w/Dockerfile', '', true],
      ['yaml', '/w/compose.yaml', '', true],
      ['yaml', '/w/.github/workflows/ci.yml', '', true],
      ['yaml', '/w/k8s/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', true],
      ['yaml', '/w/ansible/site.yml', '- hosts: all\n', false],
      ['json', '/w/.devcontainer/devcontainer.json', '{}', true],
      ['json', '/w/package.json', '{}', false],
      ['plaintext', '/w/notes.txt', 'apiVersion: v1\nkind: Pod\n', false],
    ];
    for (const [languageId, file, text, expected] of cases) {
      assert.equal(isCapdropDocument(languageId, file, () => text), expected, `${languageId} ${file}`);
      // What the client starts for by name, the server reads by name too.
      if (expected && !text) assert.ok(detectKind(file) || languageId === 'dockerfile', file);
    }
  });
});
