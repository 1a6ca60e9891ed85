import type { Rule, Severity } from '../server/src/engine/ruleApi';
import { HARDENING_GROUP_ID } from '../server/src/engine/hardening';
import type { FileReport } from './report';
import { writtenInMessage } from '../server/src/model/located';
import { profileNote } from './format-text';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A rule's help, in the log itself: Capdrop has no web site for `helpUri` or `informationUri` to point
 * at, and code-scanning viewers (GitHub's among them) show `help.markdown` as the rule's page.
 */
function ruleHelp(r: Rule): { text: string; markdown: string } {
  const { rationale, whenNotToUse, references } = r.docs;
  const ignore = `# capdrop-ignore ${r.id} -- <reason>`;
  const text = [`${r.title}.`, rationale, `When not to use it: ${whenNotToUse}`, ...(references.length ? [`References: ${references.join('; ')}`] : []), `To silence one finding, with a reason: ${ignore}`];
  const markdown = [
    `**${r.title}.**`,
    rationale,
    `**When not to use it:** ${whenNotToUse}`,
    ...(references.length ? [`**References:**\n\n${references.map((x) => (/^https?:\/\/\S+$/.test(x) ? `- <${x}>` : `- ${x}`)).join('\n')}`] : []),
    `To silence one finding, with a reason: \`${ignore}\``,
  ];
  return { text: text.join('\n\n'), markdown: markdown.join('\n\n') };
}

/**
 * One SARIF 2.1.0 run. `driver.rules` lists every rule (so a viewer can show rules with no result);
 * findings that come from the engine itself (parse errors, skipped files) carry a ruleId without a ruleIndex.
 */
export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  index.set(HARDENING_GROUP_ID, rules.length);
  const results = reports.flatMap((report) =>
    report.findings.map((f) => {
      const ruleIndex = index.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: `${f.message}${profileNote(f.profiles)}` },
        ...(f.profiles ? { properties: { profiles: f.profiles } } : {}),
        ...(f.members ? { relatedLocations: f.members.map((m, id) => ({ id, message: { text: `${m.ruleId}: ${m.message}` }, physicalLocation: physical(report.file, m) })) } : {}),
        ...(f.writtenIn ? { relatedLocations: [{ id: 0, message: { text: writtenInMessage(f.writtenIn.label) }, physicalLocation: physical(f.writtenIn.file, f.writtenIn) }] } : {}),
        locations: [
          { physicalLocation: physical(report.file, f) },
        ],
      };
    }),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'capdrop',
            version,
            rules: [
              ...rules.map((r) => ({
                id: r.id,
                name: r.id,
                shortDescription: { text: r.title },
                fullDescription: { text: r.docs.rationale },
                help: ruleHelp(r),
                defaultConfiguration: { level: LEVEL[r.severity] },
              })),
              HARDENING_DESCRIPTOR,
            ],
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The summary of a container's hardening findings is reported as a rule of its own (docs/hardening.md). */
const HARDENING_DESCRIPTOR = {
  id: HARDENING_GROUP_ID,
  name: HARDENING_GROUP_ID,
  shortDescription: { text: 'Harden the container (summary of the hardening rules)' },
  fullDescription: { text: 'One result per container for the hardening settings it leaves out (capabilities, no-new-privileges, read-only root filesystem, limits, restart retries, port binding); each item is a related location with its own rule id.' },
  help: {
    text: 'Under the recommended preset, the information-level findings of the hardening rules for one container are summed up in one result at the container\'s name. Each item is a related location with its own rule id; each rule is configured and suppressed on its own. The strict preset reports each as a warning of its own.',
    markdown: 'Under the `recommended` preset, the information-level findings of the hardening rules for one container are summed up in one result at the container\'s name. Each item is a related location with its own rule id; each rule is configured and suppressed on its own. The `strict` preset reports each as a warning of its own.',
  },
  defaultConfiguration: { level: 'note' as SarifLevel },
};

function physical(file: string, at: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    artifactLocation: { uri: encodeUriPath(file) },
    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
  };
}

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
function encodeUriPath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
