/**
 * Which file paths hold credentials: private keys and the files in which tools keep their logins. Used for
 * what a Dockerfile copies into an image and what its RUN steps write. Names, not contents, are all a
 * linter sees: the lists favour names whose only common use is a credential.
 */

/** Files whose name says what they are: `what` for the message. */
const NAMED: Record<string, string> = {
  id_rsa: 'an SSH private key',
  id_dsa: 'an SSH private key',
  id_ecdsa: 'an SSH private key',
  id_ed25519: 'an SSH private key',
  id_ecdsa_sk: 'an SSH private key',
  id_ed25519_sk: 'an SSH private key',
  '.ssh': 'an SSH directory (private keys)',
  '.npmrc': 'npm credentials (.npmrc)',
  '.yarnrc.yml': 'Yarn credentials (.yarnrc.yml)',
  '.pypirc': 'PyPI credentials (.pypirc)',
  '.netrc': 'netrc credentials',
  _netrc: 'netrc credentials',
  '.git-credentials': 'Git credentials',
  '.pgpass': 'a PostgreSQL password file (.pgpass)',
  '.my.cnf': 'MySQL client credentials (.my.cnf)',
  '.dockercfg': 'registry credentials (.dockercfg)',
  '.aws': 'AWS credentials (.aws)',
  '.azure': 'Azure credentials (.azure)',
  '.kube': 'a kubeconfig (.kube)',
  kubeconfig: 'a kubeconfig',
  '.gnupg': 'a GnuPG keyring (.gnupg)',
  'credentials.json': 'a credentials file',
  'service-account.json': 'a service account key',
  'service_account.json': 'a service account key',
  'serviceaccount.json': 'a service account key',
  'service-account-key.json': 'a service account key',
};

/** Files named by where they sit: the last two path segments. */
const BY_PARENT: Record<string, string> = {
  '.docker/config.json': 'registry credentials (Docker config.json)',
  '.aws/credentials': 'AWS credentials',
  '.kube/config': 'a kubeconfig',
  'gcloud/application_default_credentials.json': 'Google Cloud credentials',
  '.config/gcloud': 'Google Cloud credentials',
};

/** `.env`, `.env.production`; not the templates (`.env.example`) committed to show which variables exist. */
const ENV_FILE = /^\.env(?:\.(?!(?:example|sample|template|dist|defaults?|tpl|schema)$)[\w.-]+)?$/i;
/** Words in a `.key` file's name that make it a public key (apt and yum repository keys, signing keys). */
const PUBLIC_KEY_WORDS = /(?:^|[-_.])(?:pub|public|pubkey|gpg|pgp|asc|sign|signing|archive|release|repo|repository|apt|yum|rpm|keyring|trusted|dearmor)(?:[-_.]|$)/i;
/** Words in a `.pem` file's name that make it a private key (`privkey.pem`, `server-key.pem`, `key.pem`). */
const PRIVATE_PEM_WORDS = /(?:^|[-_.])(?:priv|private|privkey|key)(?:[-_.]|$)/i;
/** Files that keep public keys and settings in `~/.ssh`. */
const SSH_PUBLIC_FILES = /^(?:authorized_keys2?|known_hosts2?|config|environment|rc|[^/]*\.pub)$/;

/** What credential the file at `path` holds, or undefined. A trailing `/` names a directory. */
export function credentialFile(path: string): string | undefined {
  const segments = path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  const base = segments[segments.length - 1];
  if (base === undefined) return undefined;
  const lower = base.toLowerCase();
  const parentAndBase = segments.slice(-2).join('/').toLowerCase();
  if (Object.hasOwn(BY_PARENT, parentAndBase)) return BY_PARENT[parentAndBase];
  if (Object.hasOwn(NAMED, lower)) return NAMED[lower];
  if (ENV_FILE.test(base)) return 'an environment file (.env)';
  if (lower.endsWith('.kubeconfig')) return 'a kubeconfig';
  if (/\.(?:p12|pfx)$/.test(lower)) return 'a key store with a private key';
  if (lower.endsWith('.ppk')) return 'a private key';
  if (lower.endsWith('.key') && !PUBLIC_KEY_WORDS.test(base.slice(0, -'.key'.length))) return 'a private key';
  if (lower.endsWith('.pem') && PRIVATE_PEM_WORDS.test(base.slice(0, -'.pem'.length))) return 'a private key';
  return undefined;
}

/** Whether `dir` is an SSH directory (`/root/.ssh/`, `~/.ssh`), where any file but the public ones is a private key. */
export function isSshDirectory(dir: string): boolean {
  return /(?:^|\/)\.ssh\/?$/.test(dir.replace(/\\/g, '/'));
}

/** Whether `name`, put in an SSH directory, is a private key (not `authorized_keys`, `known_hosts`, `config`, `*.pub`). */
export function isPrivateKeyInSshDirectory(name: string): boolean {
  const base = name.replace(/\\/g, '/').split('/').filter((s) => s !== '').pop();
  return base !== undefined && !SSH_PUBLIC_FILES.test(base) && !/[*?[]/.test(base);
}
