import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { version } from '../../package.json';
import { allRules } from '../../rules';
import { onlyRule, ruleMessage, runCli, tempTree } from './harness';

const PRIVILEGED_COMPOSE = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** The SARIF 2.1.0 constraints (§3.13–3.30) that apply to what Capdrop writes, checked by hand. */
function assertSarifShape(log: any): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(typeof driver.name, 'string');
  // Capdrop has no web site: no URL to a page that does not exist; the help is in the log.
  assert.equal(driver.informationUri, undefined);
  const ids = new Set<string>();
  for (const r of driver.rules) {
    assert.equal(typeof r.id, 'string');
    assert.ok(!ids.has(r.id), `rule ids are unique (${r.id})`);
    ids.add(r.id);
    assert.ok(r.shortDescription.text.length > 0 && r.fullDescription.text.length > 0);
    assert.ok(['none', 'note', 'warning', 'error'].includes(r.defaultConfiguration.level));
    assert.equal(r.helpUri, undefined);
    assert.ok(r.help.text.length > 0 && r.help.markdown.length > 0, `help for ${r.id}`);
  }
  assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind));
  for (const res of run.results) {
    assert.ok(['none', 'note', 'warning', 'error'].includes(res.level));
    assert.ok(typeof res.message.text === 'string' && res.message.text.length > 0);
    if (res.ruleIndex !== undefined) assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at ruleId');
    assert.equal(res.locations.length, 1);
    const loc = res.locations[0].physicalLocation;
    const uri: string = loc.artifactLocation.uri;
    assert.ok(!uri.includes('\\') && !uri.startsWith('/') && !/^[a-z]+:/i.test(uri), `uri is relative with forward slashes: ${uri}`);
    const region: SarifRegion = loc.region;
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(region[k]) && region[k] >= 1, `${k} is a positive integer`);
    assert.ok(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn), 'region end is not before start');
  }
}

describe('cli --format sarif', () => {
  it('describes every rule and reports results with 1-based regions and relative URIs', async () => {
    const dir = tempTree({ 'deploy/prod/compose.yaml': PRIVILEGED_COMPOSE });
    const r = await runCli([...onlyRule('no-privileged'), '--format', 'sarif', '.'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assertSarifShape(log);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const driver = log.runs[0].tool.driver;
    assert.deepEqual([driver.name, driver.version], ['capdrop', version]);
    assert.deepEqual(
      driver.rules.map((x: { id: string }) => x.id),
      [...allRules.map((x) => x.id), 'container-hardening'],
    );
    const privileged = allRules.find((x) => x.id === 'no-privileged')!;
    assert.deepEqual(driver.rules[allRules.indexOf(privileged)], {
      id: 'no-privileged',
      name: 'no-privileged',
      shortDescription: { text: privileged.title },
      fullDescription: { text: privileged.docs.rationale },
      help: {
        text: `${privileged.title}.\n\n${privileged.docs.rationale}\n\nWhen not to use it: ${privileged.docs.whenNotToUse}\n\nReferences: ${privileged.docs.references.join('; ')}\n\nTo silence one finding, with a reason: # capdrop-ignore no-privileged -- <reason>`,
        markdown: `**${privileged.title}.**\n\n${privileged.docs.rationale}\n\n**When not to use it:** ${privileged.docs.whenNotToUse}\n\n**References:**\n\n${privileged.docs.references.map((x) => (x.startsWith('https://') ? `- <${x}>` : `- ${x}`)).join('\n')}\n\nTo silence one finding, with a reason: \`# capdrop-ignore no-privileged -- <reason>\``,
      },
      defaultConfiguration: { level: 'error' },
    });
    assert.deepEqual(log.runs[0].results, [
      {
        ruleId: 'no-privileged',
        ruleIndex: allRules.indexOf(privileged),
        level: 'error',
        message: { text: ruleMessage('no-privileged', 'privileged') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'deploy/prod/compose.yaml' },
              region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 21 },
            },
          },
        ],
      },
    ]);
  });

  it('maps info to note, and engine findings carry no ruleIndex', async () => {
    const dir = tempTree({ 'compose.yaml': PRIVILEGED_COMPOSE, 'Dockerfile': Buffer.from([0, 1, 2]) });
    const r = await runCli([...onlyRule('no-privileged'), '--rule', 'no-privileged=info', '--format', 'sarif', '.'], dir);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout);
    assertSarifShape(log);
    assert.deepEqual(
      log.runs[0].results.map((x: { ruleId: string; level: string; ruleIndex?: number }) => [x.ruleId, x.level, x.ruleIndex === undefined]),
      [
        ['skipped', 'note', true],
        ['no-privileged', 'note', false],
      ],
    );
  });

  it("a container's hardening summary is one result, with each item as a related location", async () => {
    const dir = tempTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n' });
    const r = await runCli(['--format', 'sarif', '.'], dir);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout);
    assertSarifShape(log);
    const [result] = log.runs[0].results;
    assert.equal(log.runs[0].results.length, 1);
    assert.equal(result.ruleId, 'container-hardening');
    assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, 'container-hardening');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 3, endLine: 2, endColumn: 6 });
    assert.deepEqual(
      result.relatedLocations.map((l: { id: number; message: { text: string }; physicalLocation: { region: SarifRegion } }) => [l.id, l.message.text.split(':')[0], l.physicalLocation.region.startLine]),
      [
        [0, 'drop-all-capabilities', 2],
        [1, 'require-no-new-privileges', 2],
        [2, 'require-read-only-rootfs', 2],
        [3, 'require-resource-limits', 2],
        [4, 'limit-restart-retries', 4],
      ],
    );
  });

  it('an empty run still lists the rules and an empty results array', async () => {
    const dir = tempTree({});
    const r = await runCli(['--format', 'sarif', '.'], dir);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout);
    assertSarifShape(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].tool.driver.rules.length, allRules.length + 1);
  });
});
