import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asksForReplacement, findCredentials, isLiteralSecret } from '../../../rules/support/secret-values';
import type { SecretNameKind } from '../../../rules/support/secret-names';

function judged(values: string[], kind: SecretNameKind): Record<string, boolean> {
  return Object.fromEntries(values.map((v) => [v, isLiteralSecret(v, kind)]));
}

/** Each credential found, as `what: text`. */
function found(text: string): string[] {
  return findCredentials(text).map((c) => `${c.what}: ${text.slice(c.start, c.end)}`);
}

describe('isLiteralSecret', () => {
  it('takes words and working placeholders as secrets', () => {
    assert.deepEqual(judged(['hunter2', 'example', 'joomla@secured', 'bpm', 's3cr3t!', 'django-insecure-xyz', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'], 'password'), {
      hunter2: true, example: true, 'joomla@secured': true, bpm: true, 's3cr3t!': true,
      'django-insecure-xyz': true, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY': true,
    });
  });

  it('leaves out values that cannot be a literal secret', () => {
    assert.deepEqual(judged(['', '  ', 'true', 'yes', 'off', 'none', '0', '1', '/run/secrets/db', './certs/private.pem', '~/.ssh/id_rsa', 'C:\\secrets\\db.txt', 'certs/private.pem', 'db-password.txt', 'https://vault.example.com/v1/secret', 'db.example.com', 'db.example.com:5432', '10.0.0.1', 'redis:6379', 'localhost', 'admin@example.com', 'en', 'en-US', 'pt_BR', '${DB_PASSWORD}', '$DB_PASSWORD', 'pre${X}post', '{{ .Values.password }}', "{{ lookup('env', 'PW') }}", '{% raw %}', '<%= ENV["PW"] %>', '%(password)s', '%DB_PASSWORD%', '@PASSWORD@', '<your-password>', '[password]', 'xxx', 'XXXXXXXX', '****', '...', '$2a$14$1l.IozJx7xQRVmlkEQ32OeEEfP5mRxTpbDTCTcXRqn19gXD8YK1pO', '$argon2id$v=19$m=65536,t=3,p=4$abc$def', '$apr1$xyz$abc', '{SSHA}abcdef', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host', '-----BEGIN CERTIFICATE-----\nMIIB\n'], 'secret'), {
      '': false, '  ': false, true: false, yes: false, off: false, none: false, 0: false, 1: false, '/run/secrets/db': false, './certs/private.pem': false,
      '~/.ssh/id_rsa': false, 'C:\\secrets\\db.txt': false, 'certs/private.pem': false, 'db-password.txt': false, 'https://vault.example.com/v1/secret': false,
      'db.example.com': false, 'db.example.com:5432': false, '10.0.0.1': false, 'redis:6379': false, localhost: false, 'admin@example.com': false, en: false, 'en-US': false, pt_BR: false,
      '${DB_PASSWORD}': false, $DB_PASSWORD: false, 'pre${X}post': false, '{{ .Values.password }}': false, "{{ lookup('env', 'PW') }}": false, '{% raw %}': false,
      '<%= ENV["PW"] %>': false, '%(password)s': false, '%DB_PASSWORD%': false, '@PASSWORD@': false, '<your-password>': false, '[password]': false, xxx: false,
      XXXXXXXX: false, '****': false, '...': false, '$2a$14$1l.IozJx7xQRVmlkEQ32OeEEfP5mRxTpbDTCTcXRqn19gXD8YK1pO': false,
      '$argon2id$v=19$m=65536,t=3,p=4$abc$def': false, '$apr1$xyz$abc': false, '{SSHA}abcdef': false, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host': false,
      '-----BEGIN CERTIFICATE-----\nMIIB\n': false,
    });
  });

  it('takes a placeholder that asks to be replaced as no secret', () => {
    assert.deepEqual(
      Object.fromEntries(['changeme', 'CHANGE_ME', 'change-it', 'changeit', 'notSecureChangeMe', 'your_password', 'yourpassword', 'YOUR_API_KEY', 'INSERT_TOKEN_HERE', 'GOOGLE_API_KEY_VAL', 'placeholder', 'TODO', 'example', 'mysecretpassword', 'val', 'here', 's3cr3t-value', 'API_KEY_HERE'].map((v) => [v, asksForReplacement(v)])),
      {
        changeme: true, CHANGE_ME: true, 'change-it': true, changeit: true, notSecureChangeMe: true, your_password: true, yourpassword: true, YOUR_API_KEY: true,
        INSERT_TOKEN_HERE: true, GOOGLE_API_KEY_VAL: true, placeholder: true, TODO: true, example: false, mysecretpassword: false, val: false, here: false, 's3cr3t-value': false, API_KEY_HERE: true,
      },
    );
    assert.deepEqual(judged(['changeme', 'your_password'], 'password'), { changeme: false, your_password: false });
  });

  it('takes a number as a password, not as another secret', () => {
    assert.deepEqual([isLiteralSecret('123456', 'password'), isLiteralSecret('4096', 'secret'), isLiteralSecret('3600', 'auth')], [true, false, false]);
  });

  it('takes an auth value only when it is user:password', () => {
    assert.deepEqual(judged(['admin:s3cret', 'admin', 'ldap', 'basic', 'admin:${PW}', 'user:$apr1$xyz$abc', 'admin:'], 'auth'), {
      'admin:s3cret': true, admin: false, ldap: false, basic: false, 'admin:${PW}': false, 'user:$apr1$xyz$abc': false, 'admin:': false,
    });
  });
});

describe('findCredentials', () => {
  it('finds the password of a URL, not a user alone, a variable or a placeholder', () => {
    assert.deepEqual(found('postgres://app:s3cret@db:5432/app'), ['a password in a URL: s3cret']);
    assert.deepEqual(found('mongodb+srv://root:p%40ss@cluster0.example.net/?retryWrites=true'), ['a password in a URL: p%40ss']);
    assert.deepEqual(found('redis://:hunter2@cache:6379/0'), ['a password in a URL: hunter2']);
    assert.deepEqual(found('git clone https://x-access-token:abc123@github.com/org/repo'), ['a password in a URL: abc123']);
    assert.deepEqual(found('postgres://app@db:5432/app'), []);
    assert.deepEqual(found('postgres://app:${PW}@db/app'), []);
    assert.deepEqual(found('postgres://app:$PW@db/app'), []);
    assert.deepEqual(found('postgres://app:<password>@db/app'), []);
    assert.deepEqual(found('http://db:5432/app@v2'), []);
    assert.deepEqual(found('https://example.com:8443/path'), []);
  });

  it('finds passwords in connection strings', () => {
    assert.deepEqual(found('jdbc:postgresql://db:5432/app?user=app&password=s3cret'), ['a password in a connection string: s3cret']);
    assert.deepEqual(found('Server=db;Database=app;User Id=sa;Password=Str0ng!Pass;'), ['a password in a connection string: Str0ng!Pass']);
    assert.deepEqual(found('Server=db;User Id=sa;Password=${SA_PASSWORD};'), []);
  });

  it('finds the token shapes issuers publish', () => {
    assert.deepEqual(found('AKIAZ7VRSQ5TJN2XOR4T'), ['an AWS access key ID: AKIAZ7VRSQ5TJN2XOR4T']);
    assert.deepEqual(found('ASIAZ7VRSQ5TJN2XOR4T'), ['an AWS access key ID: ASIAZ7VRSQ5TJN2XOR4T']);
    assert.deepEqual(found('token ghp_0123456789abcdefghijABCDEFGHIJ012345 end'), ['a GitHub token: ghp_0123456789abcdefghijABCDEFGHIJ012345']);
    assert.deepEqual(found('github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV012345678'), ['a GitHub token: github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV012345678']);
    assert.deepEqual(found('glpat-abcdefghij0123456789'), ['a GitLab token: glpat-abcdefghij0123456789']);
    assert.deepEqual(found('xoxb-123456789012-abcdefABCDEF'), ['a Slack token: xoxb-123456789012-abcdefABCDEF']);
    assert.deepEqual(found('sk_live_abcdefghij0123456789ABCD'), ['a Stripe live key: sk_live_abcdefghij0123456789ABCD']);
    assert.deepEqual(found('AIzaSyA-abcdefghijklmnopqrstuvwxyz01234'), ['a Google API key: AIzaSyA-abcdefghijklmnopqrstuvwxyz01234']);
    assert.deepEqual(found('npm_abcdefghijklmnopqrstuvwxyz0123456789'), ['an npm token: npm_abcdefghijklmnopqrstuvwxyz0123456789']);
    assert.deepEqual(found('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----'), ['a private key: -----BEGIN OPENSSH PRIVATE KEY-----']);
    assert.deepEqual(found('-----BEGIN PRIVATE KEY-----'), ['a private key: -----BEGIN PRIVATE KEY-----']);
    assert.deepEqual(found('https://oauth2:glpat-abcdefghij0123456789@gitlab.com/org/repo.git'), ['a GitLab token: glpat-abcdefghij0123456789']);
    assert.deepEqual(found('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'), ['a SendGrid API key: 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']);
    assert.deepEqual(found('f4f56af5a54a3eaeb3c3beb3cc2ccccc-us36'), ['a Mailchimp API key: f4f56af5a54a3eaeb3c3beb3cc2ccccc-us36']);
    assert.deepEqual(found('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'), ['a Slack webhook URL: hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX']);
    assert.deepEqual(found('https://discord.com/api/webhooks/123456789/abcDEF-ghi'), ['a Discord webhook URL: discord.com/api/webhooks/123456789/abcDEF-ghi']);
  });

  it('leaves out documentation examples, test keys, public keys and look-alikes', () => {
    assert.deepEqual(found('AKIAIOSFODNN7EXAMPLE'), []);
    assert.deepEqual(found('sk_test_abcdefghij0123456789ABCD'), []);
    assert.deepEqual(found('pk_live_abcdefghij0123456789ABCD'), []);
    assert.deepEqual(found('-----BEGIN PUBLIC KEY-----'), []);
    assert.deepEqual(found('ghp_short'), []);
    assert.deepEqual(found('XAKIAZ7VRSQ5TJN2XOR4TX'), []);
  });
});
