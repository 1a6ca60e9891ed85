import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseConfig } from '../../server/src/engine/config';
import { allRules } from '../../rules';

// The JSON schema of .capdrop.yaml (schemas/capdrop.schema.json, generated) says what the loader accepts.
// ajv comes with the dev tools (dclint); it only checks the schema here, nothing ships with it.

const REPO = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'capdrop.schema.json'), 'utf8')) as object;
const IDS = new Set(allRules.map((r) => r.id));
// markdownDescription is VS Code's (and yaml-language-server's) keyword for hover text.
const ajv = new Ajv({ allErrors: true });
ajv.addKeyword('markdownDescription');
const validate = ajv.compile(schema);

const ACCEPTED = [
  '',
  'preset: strict\n',
  'rules:\n  no-root-user: error\n  pin-image-version: off\n',
  'exclude:\n  - vendor/**\n  - test/fixtures/\n',
  'limits:\n  memory: 512m\n  cpus: 1.0\n  pids: 200\n',
  'user: 10001\n',
  'user: "10001"\n',
  'hosts:\n  markdown: false\n  ci: true\n',
  'maxFileSize: 100000\nmaxAliasNodes: 5000\n',
  'rules:\nexclude:\nlimits:\nhosts:\n',
];

const REFUSED = [
  'preset: loose\n',
  'rules:\n  no-such-rule: off\n',
  'rules:\n  no-root-user: fatal\n',
  'rules: [no-root-user]\n',
  'exclude: vendor/\n',
  'limits:\n  memory: lots\n',
  'limits:\n  disk: 1g\n',
  'user: root\n',
  'user: 0\n',
  'hosts:\n  markdown: no-thanks\n',
  'hosts:\n  kubernetes: true\n',
  'maxFileSize: -1\n',
  'colour: blue\n',
];

describe('the .capdrop.yaml schema', () => {
  for (const text of ACCEPTED) {
    it(`accepts what the loader accepts: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseConfig(text, IDS).problems, []);
      assert.equal(validate(parse(text) ?? null), true, JSON.stringify(validate.errors));
    });
  }
  for (const text of REFUSED) {
    it(`refuses what the loader refuses: ${JSON.stringify(text)}`, () => {
      assert.notDeepEqual(parseConfig(text, IDS).problems, []);
      assert.equal(validate(parse(text) ?? null), false);
    });
  }

  it('lists every rule, and the manifest hands it to YAML editors for .capdrop.yaml and .capdrop.yml', () => {
    const ruleProps = (schema as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    assert.deepEqual(Object.keys(ruleProps).sort(), [...IDS].sort());
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: { fileMatch: string | string[]; url: string }[] } };
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['.capdrop.yaml', '.capdrop.yml'], url: './schemas/capdrop.schema.json' }]);
    const vscodeignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(vscodeignore, /^!schemas\/capdrop\.schema\.json$/m, 'shipped in the .vsix');
  });
});
