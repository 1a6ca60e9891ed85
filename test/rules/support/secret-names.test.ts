import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameWords, secretName } from '../../../rules/support/secret-names';

/** The kind each name is read as (`-` when it is not a secret name). */
function kinds(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, secretName(n)?.kind ?? '-']));
}

describe('nameWords', () => {
  it('splits snake, kebab, camel, dotted and doubled separators', () => {
    assert.deepEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameWords('db-password'), ['db', 'password']);
    assert.deepEqual(nameWords('dbPassword'), ['db', 'password']);
    assert.deepEqual(nameWords('APIKey'), ['api', 'key']);
    assert.deepEqual(nameWords('OAuthClientSecret'), ['o', 'auth', 'client', 'secret']);
    assert.deepEqual(nameWords('database__connection__password'), ['database', 'connection', 'password']);
    assert.deepEqual(nameWords('spring.datasource.password'), ['spring', 'datasource', 'password']);
    assert.deepEqual(nameWords('S3AccessKey2'), ['s3', 'access', 'key2']);
  });
});

describe('secretName', () => {
  it('reads password words, suffixes and compounds as passwords', () => {
    assert.deepEqual(kinds(['DB_PASSWORD', 'POSTGRES_PASSWORD', 'DB_PASS', 'MONGO_PASS', 'RABBITMQ_DEFAULT_PASS', 'YOURLS_PASS', 'DB_PASSWD', 'DB_PWD', 'PIHOLE_PW', 'WEBPASSWORD', 'ROOTPASS', 'DBPWD', 'ROOTPW', 'GPG_PASSPHRASE', 'dbPassword', 'admin-pass', 'PASSWORD', 'PASSWORD_ROOT', 'ROOT_PASSWORD_2', 'HASHED_PASSWORD']), {
      DB_PASSWORD: 'password', POSTGRES_PASSWORD: 'password', DB_PASS: 'password', MONGO_PASS: 'password', RABBITMQ_DEFAULT_PASS: 'password',
      YOURLS_PASS: 'password', DB_PASSWD: 'password', DB_PWD: 'password', PIHOLE_PW: 'password', WEBPASSWORD: 'password', ROOTPASS: 'password',
      DBPWD: 'password', ROOTPW: 'password', GPG_PASSPHRASE: 'password', dbPassword: 'password', 'admin-pass': 'password', PASSWORD: 'password',
      PASSWORD_ROOT: 'password', ROOT_PASSWORD_2: 'password', HASHED_PASSWORD: 'password',
    });
  });

  it('reads the token words peers know as secrets', () => {
    assert.deepEqual(kinds(['GITHUB_TOKEN', 'AUTH_TOKEN', 'NPM_AUTHTOKEN', 'JWT_SECRET', 'CLIENT_SECRET', 'OKTA_OAUTH2_CLIENTSECRET', 'API_KEY', 'stripeApiKey', 'MY_APIKEY', 'SSH_PRIVATE_KEY', 'private_key', 'AWS_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY', 'SECRET_KEY', 'SECRET_KEY_BASE', 'MASTER_KEY', 'ENCRYPTION_KEY', 'APP_KEY', 'NEW_RELIC_LICENSE_KEY', 'WORDPRESS_AUTH_KEY', 'WORDPRESS_LOGGED_IN_SALT', 'GCP_CREDENTIALS', 'DOCKER_CREDS', 'credential', 'API_KEY_PROD', 'MAX_TOKENS', 'AWS_ACCESS_KEY_ID', 'R2_ACCESSKEY_ID', 'VITE_AWS_ACCESS_KEY_ID']), {
      GITHUB_TOKEN: 'secret', AUTH_TOKEN: 'secret', NPM_AUTHTOKEN: 'secret', JWT_SECRET: 'secret', CLIENT_SECRET: 'secret', OKTA_OAUTH2_CLIENTSECRET: 'secret',
      API_KEY: 'secret', stripeApiKey: 'secret', MY_APIKEY: 'secret', SSH_PRIVATE_KEY: 'secret', private_key: 'secret', AWS_SECRET_ACCESS_KEY: 'secret',
      S3_ACCESS_KEY: 'secret', SECRET_KEY: 'secret', SECRET_KEY_BASE: 'secret', MASTER_KEY: 'secret', ENCRYPTION_KEY: 'secret', APP_KEY: 'secret',
      NEW_RELIC_LICENSE_KEY: 'secret', WORDPRESS_AUTH_KEY: 'secret', WORDPRESS_LOGGED_IN_SALT: 'secret', GCP_CREDENTIALS: 'secret', DOCKER_CREDS: 'secret',
      credential: 'secret', API_KEY_PROD: 'secret', MAX_TOKENS: 'secret', AWS_ACCESS_KEY_ID: 'secret', R2_ACCESSKEY_ID: 'secret', VITE_AWS_ACCESS_KEY_ID: 'secret',
    });
  });

  it('reads keys of browser-bundle variables as publishable, their passwords, tokens and secrets as secrets', () => {
    assert.deepEqual(kinds(['VITE_API_KEY', 'REACT_APP_FIREBASE_API_KEY', 'GATSBY_MAPS_KEY', 'VITE_AWS_SECRET_ACCESS_KEY', 'VITE_GITHUB_TOKEN', 'REACT_APP_CLIENT_SECRET', 'VITE_DB_PASSWORD']), {
      VITE_API_KEY: '-', REACT_APP_FIREBASE_API_KEY: '-', GATSBY_MAPS_KEY: '-', VITE_AWS_SECRET_ACCESS_KEY: 'secret', VITE_GITHUB_TOKEN: 'secret',
      REACT_APP_CLIENT_SECRET: 'secret', VITE_DB_PASSWORD: 'password',
    });
  });

  it('reads a bare auth word as one that needs a user:password value', () => {
    assert.deepEqual(kinds(['BASIC_AUTH', 'REDIS_AUTH', 'AUTH', 'AUTH_URL', 'AUTH_ENABLED', 'GF_AUTH_ANONYMOUS_ENABLED']), {
      BASIC_AUTH: 'auth', REDIS_AUTH: 'auth', AUTH: 'auth', AUTH_URL: '-', AUTH_ENABLED: '-', GF_AUTH_ANONYMOUS_ENABLED: '-',
    });
  });

  it('does not read names whose head is another thing, false friends or public values', () => {
    assert.deepEqual(kinds(['DB_PASSWORD_FILE', 'POSTGRES_PASSWORD_FILE', 'PASSWORD_MIN_LENGTH', 'TOKEN_URL', 'AZURE_CLIENT_ID', 'ADMIN_PASSWORD_HASH', 'SECRET_FORCED_LANGUAGE', 'SECRET_LOCAL_HOSTNAME', 'SECRET_MAX_TEXT_SIZE', 'SECRET_REDIS_HOST', 'REDIS_PASSWORD_PORT', 'JWT_SECRET_EXPIRES_IN', 'GOOGLE_APPLICATION_CREDENTIALS_PATH', 'PASSENGER_APP_ENV', 'BYPASS', 'BYPASS_CACHE', 'COMPASS', 'PWD', 'OLDPWD', 'GPG_KEY', 'KEY', 'CACHE_KEY', 'GOPRIVATE', 'PUBLIC_KEY', 'STRIPE_PUBLISHABLE_KEY', 'NEXT_PUBLIC_API_KEY', 'SSH_PUB_KEY', 'PASSWORDLESS', 'KEYCLOAK_USER', 'TZ', 'NODE_ENV', 'SITENAME']), {
      DB_PASSWORD_FILE: '-', POSTGRES_PASSWORD_FILE: '-', PASSWORD_MIN_LENGTH: '-', TOKEN_URL: '-', AZURE_CLIENT_ID: '-', ADMIN_PASSWORD_HASH: '-',
      SECRET_FORCED_LANGUAGE: '-', SECRET_LOCAL_HOSTNAME: '-', SECRET_MAX_TEXT_SIZE: '-', SECRET_REDIS_HOST: '-', REDIS_PASSWORD_PORT: '-',
      JWT_SECRET_EXPIRES_IN: '-', GOOGLE_APPLICATION_CREDENTIALS_PATH: '-', PASSENGER_APP_ENV: '-', BYPASS: '-', BYPASS_CACHE: '-', COMPASS: '-',
      PWD: '-', OLDPWD: '-', GPG_KEY: '-', KEY: '-', CACHE_KEY: '-', GOPRIVATE: '-', PUBLIC_KEY: '-', STRIPE_PUBLISHABLE_KEY: '-',
      NEXT_PUBLIC_API_KEY: '-', SSH_PUB_KEY: '-', PASSWORDLESS: '-', KEYCLOAK_USER: '-',
      TZ: '-', NODE_ENV: '-', SITENAME: '-',
    });
  });
});
