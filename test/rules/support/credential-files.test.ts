import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { credentialFile, isPrivateKeyInSshDirectory, isSshDirectory } from '../../../rules/support/credential-files';

function judged(paths: string[]): Record<string, string> {
  return Object.fromEntries(paths.map((p) => [p, credentialFile(p) ?? '-']));
}

describe('credentialFile', () => {
  it('names keys and credential files by name and by place', () => {
    assert.deepEqual(
      judged(['id_rsa', '/root/.ssh/id_ed25519', 'keys/id_ecdsa_sk', '.ssh', '.ssh/', '.npmrc', 'ci/.pypirc', '/root/.netrc', '.git-credentials', '.pgpass', '.my.cnf', '/root/.docker/config.json', 'aws/.aws/credentials', '/home/app/.kube/config', 'prod.kubeconfig', 'kubeconfig', '.config/gcloud', 'credentials.json', 'service-account.json', '.env', '.env.production', 'server.key', 'tls/ca.key', 'privkey.pem', 'server-key.pem', 'certs/key.pem', 'client.p12', 'bundle.pfx', 'putty.ppk', '*.key']),
      {
        id_rsa: 'an SSH private key', '/root/.ssh/id_ed25519': 'an SSH private key', 'keys/id_ecdsa_sk': 'an SSH private key', '.ssh': 'an SSH directory (private keys)',
        '.ssh/': 'an SSH directory (private keys)', '.npmrc': 'npm credentials (.npmrc)', 'ci/.pypirc': 'PyPI credentials (.pypirc)', '/root/.netrc': 'netrc credentials',
        '.git-credentials': 'Git credentials', '.pgpass': 'a PostgreSQL password file (.pgpass)', '.my.cnf': 'MySQL client credentials (.my.cnf)',
        '/root/.docker/config.json': 'registry credentials (Docker config.json)', 'aws/.aws/credentials': 'AWS credentials', '/home/app/.kube/config': 'a kubeconfig',
        'prod.kubeconfig': 'a kubeconfig', kubeconfig: 'a kubeconfig', '.config/gcloud': 'Google Cloud credentials', 'credentials.json': 'a credentials file',
        'service-account.json': 'a service account key', '.env': 'an environment file (.env)', '.env.production': 'an environment file (.env)', 'server.key': 'a private key',
        'tls/ca.key': 'a private key', 'privkey.pem': 'a private key', 'server-key.pem': 'a private key', 'certs/key.pem': 'a private key',
        'client.p12': 'a key store with a private key', 'bundle.pfx': 'a key store with a private key', 'putty.ppk': 'a private key', '*.key': 'a private key',
      },
    );
  });

  it('leaves out public keys, certificates, templates and look-alikes', () => {
    assert.deepEqual(
      judged(['id_rsa.pub', 'nginx_signing.key', 'repo.gpg.key', 'Release.key', 'microsoft.asc', 'yarn-pubkey.gpg', 'docker-archive-keyring.key', 'cert.pem', 'fullchain.pem', 'ca.pem', 'pubkey.pem', 'public.pem', '*.pem', '.env.example', '.env.sample', '.env.template', '.env.dist', 'environment', 'config.json', 'config', 'credentials', 'package.json', '.', '/', 'keys/']),
      {
        'id_rsa.pub': '-', 'nginx_signing.key': '-', 'repo.gpg.key': '-', 'Release.key': '-', 'microsoft.asc': '-', 'yarn-pubkey.gpg': '-', 'docker-archive-keyring.key': '-',
        'cert.pem': '-', 'fullchain.pem': '-', 'ca.pem': '-', 'pubkey.pem': '-', 'public.pem': '-', '*.pem': '-', '.env.example': '-', '.env.sample': '-', '.env.template': '-',
        '.env.dist': '-', environment: '-', 'config.json': '-', config: '-', credentials: '-', 'package.json': '-', '.': '-', '/': '-', 'keys/': '-',
      },
    );
  });
});

describe('SSH directories', () => {
  it('tells SSH directories and the private keys put into them', () => {
    assert.deepEqual(['/root/.ssh/', '~/.ssh', '.ssh', '/root/.ssh.bak', '/etc/ssh'].map(isSshDirectory), [true, true, true, false, false]);
    assert.deepEqual(['deploy_key', 'github', 'authorized_keys', 'known_hosts', 'config', 'id_rsa.pub', 'keys/*'].map(isPrivateKeyInSshDirectory), [true, true, false, false, false, false, false]);
  });
});
