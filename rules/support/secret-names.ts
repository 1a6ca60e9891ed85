/**
 * Which variable names hold a secret. A name is read as a compound noun: its last word says what the
 * value is (`DB_PASSWORD` is a password, `PASSWORD_MIN_LENGTH` a length, `SECRET_FORCED_LANGUAGE` a
 * language, `SESSION_TOKEN_TTL` a duration). So a name holds a secret when a secret word (or phrase) is its
 * head: the last word, or followed only by words that qualify a secret without changing what it is
 * (`SECRET_KEY_BASE`, `API_KEY_PROD`, `PASSWORD_2`). This one reading replaces lists of suffixes that
 * "describe a secret rather than hold it" (`_FILE`, `_URL`, `_HOST`…), which could never be complete.
 */

/** What kind of secret a name holds: a password (a number is one too), another secret, or `auth` (only a `user:password` pair is one). */
export type SecretNameKind = 'password' | 'secret' | 'auth';

export interface SecretName {
  kind: SecretNameKind;
  /** The name's words, lower case. */
  words: string[];
}

/** Splits `DB_PASSWORD`, `db-password`, `dbPassword`, `APIKey`, `database__connection__password` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'passphrase', 'pword', 'pass', 'pwd', 'pw']);
const KEY_WORDS = new Set(['apikey', 'apikeys', 'accesskey', 'privatekey', 'secretkey']);
const SECRET_WORDS = new Set([
  'secret', 'secrets', 'token', 'tokens',
  'credential', 'credentials', 'creds', 'cred',
]);
/** Words that end a compound naming a password or secret: `WEBPASSWORD`, `CLIENTSECRET`, `AUTHTOKEN`. */
const PASSWORD_COMPOUND_ENDS = ['password', 'passwd', 'passphrase', 'pwd'];
const SECRET_COMPOUND_ENDS = ['secret', 'token', 'credentials'];
const KEY_COMPOUND_ENDS = ['apikey', 'accesskey', 'privatekey', 'secretkey'];
/** English words ending in "pass" that are not a password (`DB_PASS`, `ROOTPASS` are). */
const NOT_A_PASS_COMPOUND = new Set([
  'bypass', 'compass', 'encompass', 'surpass', 'overpass', 'underpass', 'trespass', 'impass', 'multipass',
  'onepass', 'twopass', 'firstpass', 'secondpass', 'singlepass', 'repass', 'outpass', 'sidepass', 'subpass',
]);
/** Words that make a following "key" a secret key (`MASTER_KEY`, `SSHKEY`); a bare `KEY` is too often a public or cache key. */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'private', 'secret', 'client', 'auth', 'nonce', 'encryption', 'signing', 'master', 'license',
  'licence', 'session', 'hmac', 'jwt', 'app', 'account', 'storage', 'shared', 'deploy', 'ssh', 'crypt', 'cipher', 'aes',
]);
/** WordPress's salts (`AUTH_SALT`, `LOGGED_IN_SALT`…) are secrets; a bare `SALT` qualifies the word before it. */
const SALT_QUALIFIERS = new Set(['auth', 'nonce', 'in']);
/**
 * Words after a secret word that still leave it the head: `SECRET_KEY_BASE`, `API_KEY_PROD`,
 * `PASSWORD_ROOT`, `TOKEN_2`. Anything else (`_FILE`, `_LENGTH`, `_HASH`, `_HOST`) names another thing.
 */
const QUALIFYING_TAIL = new Set([
  'key', 'keys', 'base', 'value', 'val', 'string', 'str', 'plain', 'plaintext', 'raw', 'b64', 'base64', 'hex',
  'old', 'new', 'current', 'prev', 'previous', 'next', 'primary', 'secondary', 'prod', 'production', 'staging',
  'stg', 'dev', 'development', 'test', 'testing', 'live', 'sandbox', 'local', 'default', 'initial', 'init',
  'salt', 'pepper', 'encoded', 'admin', 'root',
]);
/**
 * Variables a front-end build ships to every browser (`VITE_`, `REACT_APP_`, `GATSBY_`): by convention
 * their keys are the publishable kind (Firebase, Maps, Stripe `pk_`), so a key name there is no secret;
 * a password, token or secret there is one, and a leak to every visitor besides.
 */
const BROWSER_PREFIX = /^(?:VITE|REACT_APP|GATSBY)_/i;
const PUBLIC_WORDS = new Set(['public', 'publishable', 'pub']);
/** The shell's working directories, never passwords. */
const SHELL_DIRECTORIES = new Set(['PWD', 'OLDPWD']);

/** Every head word contains one of these: most names (`TZ`, `NODE_ENV`) need no word split. */
const HINT = /pass|pwd|pw|pword|secret|token|key|cred|auth|salt/i;

/** The kind of secret `name` holds, or undefined when its head is not a secret word. */
export function secretName(name: string): SecretName | undefined {
  if (!HINT.test(name) || SHELL_DIRECTORIES.has(name)) return undefined;
  const words = nameWords(name);
  if (words.some((w) => PUBLIC_WORDS.has(w))) return undefined;
  for (let end = words.length - 1; end >= 0; end--) {
    const kind = headEndingAt(words, end);
    if (kind === 'key') return BROWSER_PREFIX.test(name) && !words.some((w) => w === 'secret' || w === 'private') ? undefined : { kind: 'secret', words };
    if (kind) return { kind, words };
    if (!QUALIFYING_TAIL.has(words[end]) && !/^v?\d+$/.test(words[end])) return undefined;
  }
  return undefined;
}

/** The kind of secret named by a word or phrase that ends at `words[end]`, if one does. */
function headEndingAt(words: string[], end: number): SecretNameKind | 'key' | undefined {
  const word = words[end];
  const before = end > 0 ? words[end - 1] : undefined;
  if (PASSWORD_WORDS.has(word)) return 'password';
  if (SECRET_WORDS.has(word)) return 'secret';
  if (KEY_WORDS.has(word)) return 'key';
  if (word === 'auth') return 'auth';
  if ((word === 'key' || word === 'keys') && before !== undefined && KEY_QUALIFIERS.has(before)) return 'key';
  if (word === 'salt' && before !== undefined && SALT_QUALIFIERS.has(before)) return 'secret';
  // An access key ID is one half of a cloud access key (AWS_ACCESS_KEY_ID): BuildKit, hadolint and Trivy name it a secret, and so does AWS.
  if (word === 'id' && before === 'key' && end > 1 && words[end - 2] === 'access') return 'secret';
  if (word === 'id' && before === 'accesskey') return 'secret';
  if (PASSWORD_COMPOUND_ENDS.some((e) => word.length > e.length && word.endsWith(e))) return 'password';
  if (word.length > 4 && word.endsWith('pass') && !NOT_A_PASS_COMPOUND.has(word)) return 'password';
  if (word.length > 3 && word.endsWith('pw')) return 'password';
  if (SECRET_COMPOUND_ENDS.some((e) => word.length > e.length && word.endsWith(e))) return 'secret';
  if (KEY_COMPOUND_ENDS.some((e) => word.length > e.length && word.endsWith(e))) return 'key';
  if (word.length > 3 && word.endsWith('key') && KEY_QUALIFIERS.has(word.slice(0, -3))) return 'key';
  return undefined;
}
