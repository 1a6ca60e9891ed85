import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { rules } from '../../../rules';
import type { Rule } from '../engine/ruleApi';
import { docLink, HARDENING_PAGE, type DocLinkStyle } from '../engine/docLinks';
import { HARDENING_GROUP_ID } from '../engine/hardening';
import type { Finding } from '../engine/lint';
import { toLspRange } from '../engine/toLsp';
import type { DiagnosticsHandler } from './diagnostics';

const RULES: Record<string, Rule | undefined> = rules;

/** Markdown for the findings under the cursor: what the rule is, why it matters, what to do, and its page. */
export function provideHover(diagnostics: DiagnosticsHandler, params: HoverParams): Hover | null {
  const entry = diagnostics.current(params.textDocument.uri);
  if (!entry) return null;
  const offset = entry.document.offsetAt(params.position);
  const here = entry.findings.filter((f) => f.range.start <= offset && offset <= f.range.end && (RULES[f.ruleId] || f.members));
  if (!here.length) return null;
  const links = diagnostics.docLinks;
  const sections = here.map((f) => {
    if (f.members) return summaryHover(f.members, links);
    const rule = RULES[f.ruleId]!;
    return [
      `**${rule.title}** (\`${rule.id}\`, ${f.severity})`,
      rule.docs.rationale,
      `**What to do:** ${f.message}`,
      `[Rule documentation](${docLink(links, rule.id)})`,
    ].join('\n\n');
  });
  const start = Math.min(...here.map((f) => f.range.start));
  const end = Math.max(...here.map((f) => f.range.end));
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: toLspRange(entry.document, { start, end }) };
}

/** A hardening summary: each missing setting with its rule, why it matters, and its page. */
function summaryHover(members: NonNullable<Finding['members']>, links: DocLinkStyle): string {
  const items = members.map((m) => {
    const rule = RULES[m.ruleId];
    return rule ? `- **${rule.title}** ([\`${rule.id}\`](${docLink(links, rule.id)})): ${rule.docs.rationale}` : `- ${m.message}`;
  });
  return [`**Hardening this container leaves out** (\`${HARDENING_GROUP_ID}\`)`, ...items, `[How hardening findings are summed up](${docLink(links, HARDENING_PAGE)})`].join('\n\n');
}
