import { TRUSTED_REGISTRY_ENTRY } from '../server/src/model/imageRef';
import type { Rule } from '../server/src/engine/ruleApi';
import { LIMIT_KEYS, PRESETS, SEVERITY_SETTINGS, TOP_KEYS } from '../server/src/engine/config';
import { HOST_KINDS } from '../server/src/parse';

/** Where the generated JSON schema of `.capdrop.yaml` lives (shipped in the extension, named in package.json). */
export const CONFIG_SCHEMA_FILE = 'schemas/capdrop.schema.json';

const HOST_LABEL: Record<string, string> = {
  markdown: '`docker run` lines and Compose/Dockerfile code blocks in Markdown files',
  makefile: '`docker run` lines in Makefile recipes',
  ci: '`docker run` lines in GitHub Actions and GitLab CI files',
  devcontainer: '`runArgs` and container settings of `devcontainer.json`',
};

/**
 * The JSON schema of `.capdrop.yaml`, for completion and hover in YAML editors (VS Code with the YAML
 * extension reads it through `contributes.yamlValidation`). It says what `parseConfig` accepts; a
 * meta test keeps its keys the loader's.
 */
export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    preset: { enum: [...PRESETS], markdownDescription: '`recommended` (the default severities), `strict` (raises the "hardening missing" rules from info to warning), or `pss-baseline` / `pss-restricted` (Kubernetes manifests: exactly the Pod Security Standards checks of that level).' },
    rules: {
      type: ['object', 'null'],
      additionalProperties: false,
      markdownDescription: 'Severity of each rule: `off`, `info`, `warning` or `error`.',
      properties: Object.fromEntries(
        [...rules]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((r) => [r.id, { enum: [...SEVERITY_SETTINGS], markdownDescription: `${r.title}. Default severity: ${r.severity} (strict: ${r.strictSeverity ?? r.severity}).` }]),
      ),
    },
    exclude: {
      type: ['array', 'null'],
      items: { type: 'string', minLength: 1 },
      markdownDescription: 'gitignore-style patterns, relative to the directory of this file, of files Capdrop does not lint when it walks a directory (the command line) or scans the workspace (the editor).',
    },
    limits: {
      type: ['object', 'null'],
      additionalProperties: false,
      markdownDescription: 'The values fixes write when they add resource limits.',
      properties: {
        memory: { type: ['string', 'number'], pattern: '^\\d+(\\.\\d+)?[bkmgBKMG]?$', markdownDescription: 'A size such as `512m` or `1g`.' },
        cpus: { type: ['string', 'number'], pattern: '^\\d+(\\.\\d+)?$', markdownDescription: 'A positive number such as `1.0` or `0.5`.' },
        pids: { type: ['string', 'integer'], pattern: '^[1-9]\\d*$', minimum: 1, markdownDescription: 'A positive whole number such as `200`.' },
      },
    },
    user: { type: ['string', 'integer'], pattern: '^[1-9]\\d*$', minimum: 1, markdownDescription: 'The non-root numeric uid that fixes use when they set a user, such as `10001`.' },
    hosts: {
      type: ['object', 'null'],
      additionalProperties: false,
      markdownDescription: 'Host file kinds to lint (all on by default).',
      properties: Object.fromEntries(HOST_KINDS.map((k) => [k, { type: 'boolean', markdownDescription: `Lint ${HOST_LABEL[k] ?? k}.` }])),
    },
    maxFileSize: { type: 'integer', minimum: 1, markdownDescription: 'Files larger than this many bytes are not linted (default 5000000).' },
    maxAliasNodes: { type: 'integer', minimum: 1, markdownDescription: 'A Compose file whose YAML aliases expand to more nodes than this is not read (default 100000).' },
    trustedRegistries: {
      type: 'array',
      items: { type: 'string', pattern: TRUSTED_REGISTRY_ENTRY.source },
      markdownDescription: 'Registries images may come from (`ghcr.io`, `registry.example.com:5000`, `*.example.com`, `ghcr.io/my-org`); an image from any other registry is a `pin-image-version` error. Unset, every registry is trusted.',
    },
  };
  // The loader's keys and the schema's are one list: a key added to one without the other fails here.
  if (Object.keys(properties).sort().join() !== [...TOP_KEYS].sort().join() || LIMIT_KEYS.join() !== 'memory,cpus,pids') {
    throw new Error('configSchema: the schema and engine/config.ts disagree on the keys of .capdrop.yaml');
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Capdrop configuration (.capdrop.yaml)',
    type: ['object', 'null'],
    additionalProperties: false,
    properties,
  };
}
