import { hardeningDocUrl, ruleDocUrl, type Rule, type Severity } from '../server/src/engine/ruleApi';
import { HARDENING_GROUP_ID } from '../server/src/engine/hardening';
import type { FileReport } from './report';
import { writtenInMessage } from '../server/src/model/located';
import { profileNote } from './format-text';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/capdrop/capdrop';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

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
            informationUri: INFORMATION_URI,
            rules: [
              ...rules.map((r) => ({
                id: r.id,
                name: r.id,
                shortDescription: { text: r.title },
                fullDescription: { text: r.docs.rationale },
                helpUri: ruleDocUrl(r.id),
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
  helpUri: hardeningDocUrl(),
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
