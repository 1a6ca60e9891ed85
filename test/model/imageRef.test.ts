import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromTrustedRegistry, imageRegistry, splitImageReference } from '../../server/src/model/imageRef';

describe('image references', () => {
  it('splits name, tag and digest, a registry port not taken for a tag', () => {
    assert.deepEqual(splitImageReference('localhost:5000/app:1.2@sha256:ab'), { name: 'localhost:5000/app', tag: '1.2', digest: 'sha256:ab' });
    assert.deepEqual(splitImageReference('nginx'), { name: 'nginx' });
  });

  it('names the registry as Docker does: Docker Hub under any of its names, official images under library/', () => {
    assert.deepEqual(imageRegistry('nginx'), { host: 'docker.io', path: 'library/nginx' });
    assert.deepEqual(imageRegistry('bitnami/redis'), { host: 'docker.io', path: 'bitnami/redis' });
    assert.deepEqual(imageRegistry('index.docker.io/nginx'), { host: 'docker.io', path: 'library/nginx' });
    assert.deepEqual(imageRegistry('GHCR.io/Org/App'), { host: 'ghcr.io', path: 'org/app' });
    assert.deepEqual(imageRegistry('localhost/app'), { host: 'localhost', path: 'app' });
    assert.deepEqual(imageRegistry('registry:5000/app'), { host: 'registry:5000', path: 'app' });
  });

  it('matches trusted registries by host, wildcard subdomain and path prefix', () => {
    const trusted = ['docker.io/library', 'ghcr.io/my-org', '*.example.com', 'quay.io'];
    assert.equal(fromTrustedRegistry('nginx', trusted), true);
    assert.equal(fromTrustedRegistry('bitnami/redis', trusted), false);
    assert.equal(fromTrustedRegistry('ghcr.io/my-org/app', trusted), true);
    assert.equal(fromTrustedRegistry('ghcr.io/my-org-evil/app', trusted), false);
    assert.equal(fromTrustedRegistry('registry.example.com/app', trusted), true);
    assert.equal(fromTrustedRegistry('example.com/app', trusted), false);
    assert.equal(fromTrustedRegistry('evilexample.com/app', trusted), false);
    assert.equal(fromTrustedRegistry('quay.io/prometheus/node-exporter', trusted), true);
    assert.equal(fromTrustedRegistry('bitnami/redis', ['hub.docker.com']), true);
  });
});
