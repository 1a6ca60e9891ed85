import type { SecretNameKind } from './secret-names';

/**
 * Which values are literal secrets. Two questions: under a secret name, is the value one (or a path, a
 * host, a switch, a placeholder…)? And whatever the name, does the value carry a credential in a shape
 * that cannot be anything else (a URL's password, a cloud access key, a private-key block)?
 */

/** Switches: `MYSQL_RANDOM_ROOT_PASSWORD=yes`, `REQUIRE_PASSWORD=true`. */
const SWITCH = /^(?:true|false|yes|no|y|n|on|off|none|null|nil|enabled?|disabled?)$/i;
const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
/** Absolute, home and relative paths, and Windows drive paths. */
const PATH = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])\S*$/;
/** A file named by its extension (`private.pem`, `db-password.txt`): a reference to a secret, not the secret. */
const FILE_NAME = /^[\w.@/-]*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|txt|ya?ml|env|conf|cfg|ini|pub|asc|gpg|secret)$/i;
/** A URL without a password (one with a password is reported by value). */
const URL = /^[a-z][a-z0-9+.-]*:\/\/\S*$/i;
/** A host name with a domain, an IPv4 address, or `host:port`. */
const HOST = /^(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3}|localhost|[a-z][a-z0-9-]*:\d{1,5})(?::\d{1,5})?$/i;
/** An e-mail address (a login, never the secret itself). */
const EMAIL = /^[^\s@:/]+@[^\s@:/]+\.[a-z]{2,63}$/i;
/** A language or locale code: `en`, `en-US`, `pt_BR`. */
const LOCALE = /^[a-z]{2}(?:[-_][A-Z]{2})?$/;
/**
 * Text that cannot work as written: a template (`{{ .Values.pw }}`, `{% … %}`, `<%= … %>`, `%(pw)s`,
 * `%DB_PASSWORD%`, `@PASSWORD@`), a variable or command substitution, a placeholder in brackets
 * (`<your-password>`, `[password]`), or redaction marks (`xxx`, `****`, `...`).
 */
const PLACEHOLDER =
  /^(?:.*\{\{.*\}\}.*|.*\{%.*%\}.*|.*<%.*%>.*|.*%\(\w+\)[sd].*|%\w+%|@\w+@|.*(?<!\$)\$(?:\{|\(|[A-Za-z_]).*|<[^<>]+>|\[[^[\]]+\]|[xX]{3,}|\*{3,}|\.{3,}|\u2026|\?{3,})$/;
/** A password hash (crypt formats, LDAP schemes): it lets no one log in; the password is elsewhere. */
const PASSWORD_HASH = /^(?:\$(?:2[abxy]?|1|5|6|7|y|gy|apr1|argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*|sha1|md5)\$\S+|\{(?:SSHA|SHA|SSHA256|SSHA512|BCRYPT|CRYPT|PBKDF2[-\w]*|ARGON2)\}\S+)$/i;
/** Public keys and certificates (an OpenSSH `ssh-ed25519 AAAA…` line, a PEM certificate). */
const PUBLIC_KEY = /^(?:(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-\S+@openssh\.com) AAAA|-----BEGIN (?:CERTIFICATE|PUBLIC KEY|[A-Z ]*PUBLIC KEY BLOCK)-----)/;
/** `user:password`, what an `…_AUTH` variable holds when it holds a credential. */
const CREDENTIAL_PAIR = /^[^:\s]+:\S+$/;

/**
 * Words with which a value asks to be replaced: `changeme`, `your_password`, `INSERT_TOKEN_HERE`,
 * `GOOGLE_API_KEY_VAL`, `notSecureChangeMe`, Java's `changeit`. Only identifier-like values are read.
 */
const ASKS_FOR_REPLACEMENT_WORD = /^(?:your\w*|insert|replace|enter|placeholder|todo|fixme|tbd|changeme|changeit)$/;

/** Whether `value` is a placeholder that says it must be replaced (it still works as written until it is). */
export function asksForReplacement(value: string): boolean {
  const v = value.trim();
  if (v.length > 48 || !/^[A-Za-z0-9_.\- ]+$/.test(v)) return false;
  const words = v
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const last = words[words.length - 1];
  if (words.some((w) => ASKS_FOR_REPLACEMENT_WORD.test(w))) return true;
  // `API_KEY_HERE`, `GOOGLE_API_KEY_VAL`: a constant's name standing in for the value (not `s3cr3t-value`).
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(v) && (last === 'here' || last === 'val' || last === 'value')) return true;
  return words.some((w, i) => w === 'change' && (words[i + 1] === 'me' || words[i + 1] === 'it' || words[i + 1] === 'this'));
}

/** Whether `value`, written under a name of this kind, is a literal secret (a placeholder asking to be replaced is not). */
export function isLiteralSecret(value: string, kind: SecretNameKind): boolean {
  const v = value.trim();
  if (v === '' || SWITCH.test(v) || v === '0' || v === '1') return false;
  // A number is a password (`123456`) but not a token, key or other secret (`MAX_TOKENS=4096`).
  if (NUMBER.test(v)) return kind === 'password';
  if (PATH.test(v) || FILE_NAME.test(v) || URL.test(v) || HOST.test(v) || EMAIL.test(v) || LOCALE.test(v)) return false;
  if (PLACEHOLDER.test(v) || PASSWORD_HASH.test(v) || PUBLIC_KEY.test(v) || asksForReplacement(v)) return false;
  if (kind === 'auth') {
    const colon = v.indexOf(':');
    return CREDENTIAL_PAIR.test(v) && isLiteralSecret(v.slice(colon + 1), 'password');
  }
  return true;
}

/** Whether a password written inside a URL or connection string (`…:pass@`, `password=…`) is a literal one. */
function isLiteralPart(part: string): boolean {
  return part !== '' && !part.includes('$') && !PLACEHOLDER.test(part) && !SWITCH.test(part);
}

/** A credential found in a value: what it is (for the message) and where, as offsets into the value. */
export interface CredentialMatch {
  what: string;
  start: number;
  end: number;
}

interface Shape {
  what: string;
  pattern: RegExp;
  /** The capture group that holds the secret itself (0: the whole match). */
  group?: number;
  /** A match that is a documented example or a variable, not a credential. */
  ignore?: (secret: string) => boolean;
}

/**
 * Shapes that are credentials whatever the name: the token formats the issuers publish (gitleaks and
 * GitHub secret scanning use the same prefixes). AWS's own documentation key ids end in EXAMPLE.
 */
const SHAPES: readonly Shape[] = [
  { what: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { what: 'an AWS access key ID', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/, ignore: (s) => s.endsWith('EXAMPLE') },
  { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,})\b/ },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { what: 'a Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Stripe live key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}/ },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { what: 'a PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/ },
  { what: 'a SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { what: 'a Mailchimp API key', pattern: /\b[0-9a-f]{32}-us[0-9]{1,2}\b/ },
  // Webhook URLs are their own credential: whoever has one can post as the integration.
  { what: 'a Slack webhook URL', pattern: /\bhooks\.slack\.com\/services\/T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]+/ },
  { what: 'a Microsoft Teams webhook URL', pattern: /\b[\w-]+\.webhook\.office\.com\/webhookb2\/[\w@-]+\/IncomingWebhook\/[\w-]+\/[\w-]+/ },
  { what: 'a Discord webhook URL', pattern: /\bdiscord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]+/ },
  // scheme://user:password@host: the password, not `user@host`, not `${PW}`.
  { what: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]*:([^\s/@'"]+)@[^\s@'"]/i, group: 1, ignore: (s) => !isLiteralPart(s) },
  // JDBC query strings and .NET/ODBC connection strings: `?password=…`, `;Password=…;`.
  { what: 'a password in a connection string', pattern: /(?:^|[?&;])\s*(?:password|passwd|pwd)\s*=\s*([^&;'"\s]+)/i, group: 1, ignore: (s) => !isLiteralPart(s) },
];

/**
 * A part of every shape above (case aside): values without any (paths, versions, words) are ruled out by one
 * test instead of one per shape, which was most of the rule's time on the corpus (profiled).
 */
const ANY_SHAPE = /:\/\/|pass|pwd|-----BEGIN|A(?:KIA|SIA|BIA|CCA|3T)|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|k_live_|AIza|npm_|pypi-|SG\.|-us\d|hooks\.slack|webhook/i;

/** Every credential in `text` that has a known shape, in order (the first shape in SHAPES wins where two overlap); a text holds few, so each shape is tried once. */
export function findCredentials(text: string): CredentialMatch[] {
  const found: CredentialMatch[] = [];
  if (text.length < 8 || !ANY_SHAPE.test(text)) return found;
  for (const shape of SHAPES) {
    const m = shape.pattern.exec(text);
    if (!m) continue;
    const secret = m[shape.group ?? 0];
    if (shape.ignore?.(secret)) continue;
    const start = m.index + m[0].lastIndexOf(secret);
    const end = start + secret.length;
    // A token inside a URL (`https://oauth2:glpat-…@gitlab.com`) is named by its issuer once, not also as a URL password.
    if (found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ what: shape.what, start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}
